"""Reads for the ingestion commands: counts of what was ingested and how fetching goes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Count
from django.utils import timezone

from articles.models import Article, Claim, Feed, FetchAttempt, Update, Version


def ingest_status() -> dict[str, Any]:
    """The ``ingeststatus`` contract: exactly these keys."""
    since = timezone.now() - timedelta(hours=1)
    by_outcome = (
        FetchAttempt.objects.filter(started_at__gte=since).values("outcome").annotate(n=Count("id")).order_by("outcome")
    )
    return {
        "feeds": Feed.objects.count(),
        "feeds_failing": Feed.objects.filter(failure_count__gt=0).count(),
        "articles": Article.objects.count(),
        "versions": Version.objects.count(),
        "updates": Update.objects.count(),
        "claims": Claim.objects.count(),
        "fetches_last_hour": {row["outcome"]: row["n"] for row in by_outcome},
    }


def failing_feeds(limit: int = 10) -> list[Feed]:
    return list(Feed.objects.filter(failure_count__gt=0).order_by("-failure_count")[:limit])
