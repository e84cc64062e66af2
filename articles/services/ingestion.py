"""Fetching articles: first fetch, re-check of live articles, one-off ingestion, and what is due.

``article_fetch`` is the one path from a URL to a stored Version. It takes a
row lock with SKIP LOCKED so one article is never processed by two workers at
once (the lock dies with the connection if a worker is killed), logs every
request, and never raises for bad input: the error lands on the article and
in the fetch log, and the re-check schedule tries again.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from articles.core.schedule import backoff_delay, cache_max_age, recheck_delay, retry_after
from articles.core.urls import find_canonical, normalize_url
from articles.fetching import FetchError, FetchResult, fetch
from articles.models import Article, Feed, FeedEntry, FetchAttempt, Story, Version

from .articles import article_get_or_create
from .feeds import ENQUEUE_LEASE
from .fetchlog import fetch_attempt_record, fetch_observer
from .versions import analyze_content, version_store

logger = logging.getLogger(__name__)

# How soon a first fetch deferred because its canonical article was busy is tried again.
CANONICAL_RETRY = timedelta(seconds=30)


@dataclass(frozen=True)
class FetchOutcome:
    """``outcome`` is the fetch log's outcome, or "skipped" when another worker holds the article.

    "deferred": the page's canonical article was held by another worker, so
    nothing was stored; ``retryable`` is set and the article is due again shortly.
    """

    outcome: str
    article_id: int
    version_created: bool = False
    retryable: bool = False


def body_hash(body: bytes) -> str:
    """A cheap fingerprint of the raw bytes: equal bytes skip extraction entirely."""
    return hashlib.blake2b(body, digest_size=20).hexdigest()


def article_ingest(*, url: str, story: Story | None = None) -> Article:
    """The article at ``url`` (normalised), tracked. Raises InvalidURL for non-http(s) URLs.

    The caller fetches it now (or enqueues that); it only becomes due for the
    re-check beat after the enqueue lease, should that fetch be lost.
    """
    article, _ = article_get_or_create(url=normalize_url(url), story=story)
    Article.objects.filter(pk=article.pk).update(is_tracking=True, next_check_at=timezone.now() + ENQUEUE_LEASE)
    article.refresh_from_db()
    return article


def article_fetch(*, article_id: int, force: bool = False) -> FetchOutcome:
    """Fetch one article and store a new Version if its content changed.

    Conditional GET (ETag / Last-Modified) and a hash of the raw body make an
    unchanged re-check cheap; ``force`` skips both (used by tests and ``ingest``).
    """
    with transaction.atomic():
        article = _locked_article(article_id)
        if article is None:
            return FetchOutcome("skipped", article_id)
        now = timezone.now()
        has_versions = bool(article.has_versions)
        conditional = has_versions and not force
        try:
            result = fetch(
                article.url,
                purpose="page",
                etag=article.etag if conditional else "",
                last_modified=article.last_modified if conditional else "",
                respect_robots=not (article.own_site and not article.other_site),
                observer=fetch_observer(article=article),
            )
        except FetchError as error:
            fetch_attempt_record(attempt=error.attempt, article=article)
            _article_failed(article, now, str(error), error.status, error.headers)
            return FetchOutcome(
                error.attempt.outcome if error.attempt else "network_error", article.pk, False, error.retryable
            )
        return article_store_fetched(article=article, result=result, now=now, has_versions=has_versions, force=force)


def article_store_fetched(
    *, article: Article, result: FetchResult, now: datetime, has_versions: bool, force: bool = False
) -> FetchOutcome:
    """Everything after the network: 304 / body hash short-cuts, canonical URL, extraction, version, schedule.

    The caller holds the article's row lock (``article_fetch`` does; the bench
    calls this directly to time processing without the network).
    """
    digest = body_hash(result.body) if not result.not_modified else article.last_body_hash
    if result.not_modified or (digest == article.last_body_hash and has_versions and not force):
        outcome = "not_modified" if result.not_modified else "unchanged"
        fetch_attempt_record(attempt=result.attempt, article=article, outcome=outcome)
        _article_checked(article, now, result, digest, changed=False)
        return FetchOutcome(outcome, article.pk)
    if not has_versions:
        adopted = _adopt_canonical(article, result)
        if adopted is None:
            return _canonical_busy(article, result, now)
        article = adopted
    try:
        # version_store writes inside its own savepoint: a failure leaves nothing half-written.
        document = analyze_content(html=result.text, published=article.published_at)
        stored = version_store(
            article=article, document=document, raw_html=result.text, fetched_at=now, save_article=False
        )
    except Exception as error:  # bad input must never crash the worker: record it, retry on schedule
        logger.exception("analysis failed for article %s (%s)", article.pk, article.url)
        fetch_attempt_record(attempt=result.attempt, article=article, outcome="invalid", error=f"analysis: {error!r}")
        _article_failed(article, now, f"analysis failed: {error!r}", None, {})
        return FetchOutcome("invalid", article.pk)
    created = stored.outcome == "created"
    changed = stored.outcome != "unchanged"  # a reverted page changed too
    fetch_attempt_record(attempt=result.attempt, article=article, outcome="ok" if changed else "unchanged")
    _article_checked(article, now, result, digest, changed=changed)
    return FetchOutcome("ok" if changed else "unchanged", article.pk, version_created=created)


def _locked_article(article_id: int) -> Any:
    """The article, row-locked (SKIP LOCKED: None if another worker has it), with what the fetch needs to know.

    One query: whether it has versions, and whether the feeds that brought it
    include the newsroom's own sites (robots.txt off) and any other site. robots.txt
    is obeyed unless every such feed is the newsroom's own.
    """
    entries = FeedEntry.objects.filter(article=OuterRef("pk"))
    return (
        Article.objects.select_for_update(skip_locked=True, of=("self",))
        .annotate(
            has_versions=Exists(Version.objects.filter(article=OuterRef("pk"))),
            own_site=Exists(entries.filter(feed__respect_robots=False)),
            other_site=Exists(entries.filter(feed__respect_robots=True)),
        )
        .filter(pk=article_id)
        .first()
    )


def _adopt_canonical(article: Article, result: FetchResult) -> Article | None:
    """Follow the page's rel=canonical on first fetch: rename the article, or merge it into the one that has it.

    None when the canonical article exists but another worker holds its row:
    the caller stores nothing and retries soon (the link is only followed on
    a first fetch, so keeping our article now would leave a duplicate for good).
    """
    canonical = find_canonical(result.text, base_url=result.url)
    if not canonical or canonical == article.url:
        return article
    other = Article.objects.select_for_update(skip_locked=True).filter(url=canonical).first()
    if other is None:
        if Article.objects.filter(url=canonical).exists():
            return None
        article.url = canonical
        article.save(update_fields=["url"])
        return article
    FeedEntry.objects.filter(article=article).update(article=other)
    FetchAttempt.objects.filter(article=article).update(article=other)
    if other.story_id is None and article.story_id is not None:
        other.story_id = article.story_id
        other.save(update_fields=["story"])
    other.published_at = other.published_at or article.published_at
    article.delete()
    return other


def _canonical_busy(article: Article, result: FetchResult, now: datetime) -> FetchOutcome:
    """Log the fetch as deferred and make the article due again shortly; not a failure, so no backoff."""
    canonical = find_canonical(result.text, base_url=result.url)
    error = f"canonical article {canonical} is held by another worker; nothing stored, retrying shortly"
    fetch_attempt_record(attempt=result.attempt, article=article, outcome="deferred", error=error)
    _schedule(article, now, CANONICAL_RETRY.total_seconds())
    article.save(update_fields=["is_tracking", "next_check_at"])
    return FetchOutcome("deferred", article.pk, retryable=True)


def _article_checked(article: Article, now: datetime, result: FetchResult, digest: str, *, changed: bool) -> None:
    article.last_fetched_at = now
    if changed or article.last_changed_at is None:
        article.last_changed_at = now
    article.failure_count, article.last_error = 0, ""
    article.etag = result.headers.get("etag", article.etag)[:500]
    article.last_modified = result.headers.get("last-modified", article.last_modified)[:100]
    article.last_body_hash = digest
    quiet_for = (now - article.last_changed_at).total_seconds()
    delay = recheck_delay(
        quiet_for=quiet_for, steps=settings.STORYLINE_RECHECK_STEPS, stop_after=settings.STORYLINE_RECHECK_STOP_AFTER
    )
    if delay is not None:
        delay = min(
            max(delay, cache_max_age(result.headers.get("cache-control")) or 0), settings.STORYLINE_FEED_MAX_INTERVAL
        )
    _schedule(article, now, delay)
    article.save(
        update_fields=[
            "title",
            "language",
            "published_at",
            "last_fetched_at",
            "last_changed_at",
            "failure_count",
            "last_error",
            "etag",
            "last_modified",
            "last_body_hash",
            "is_tracking",
            "next_check_at",
        ]
    )


def _schedule(article: Article, now: datetime, delay: float | None) -> None:
    article.is_tracking = delay is not None
    article.next_check_at = now + timedelta(seconds=delay) if delay is not None else None


def _article_failed(article: Article, now: datetime, error: str, status: int | None, headers: dict[str, str]) -> None:
    """Back off (capped at the longest interval); a 410 Gone, or a long-quiet article, stops being tracked."""
    article.failure_count += 1
    article.last_error = error[:5000]
    first_step = settings.STORYLINE_RECHECK_STEPS[0][1]
    backoff = backoff_delay(
        interval=first_step, failures=article.failure_count, longest=settings.STORYLINE_FEED_MAX_INTERVAL
    )
    delay: float | None = max(backoff, retry_after(headers.get("retry-after"), now=now) or 0)
    quiet_since = article.last_changed_at or article.first_seen_at or now
    if status == 410 or (now - quiet_since).total_seconds() > settings.STORYLINE_RECHECK_STOP_AFTER:
        delay = None
    _schedule(article, now, delay)
    article.save(update_fields=["failure_count", "last_error", "is_tracking", "next_check_at"])


# --- What is due --------------------------------------------------------------------


def feeds_claim_due(*, everything: bool = False) -> list[int]:
    """Ids of the active feeds due for a poll (all active ones with ``everything``), leased for a few minutes.

    The lease keeps the every-minute beat from enqueuing a feed again while its
    poll waits in the queue; a lost task only delays the feed by the lease.
    """
    return _lease_due(Feed.objects.filter(is_active=True), "next_poll_at", everything=everything)


def articles_claim_due(*, everything: bool = False) -> list[int]:
    """Ids of tracked articles due for a re-check (all tracked ones with ``everything``), leased likewise."""
    return _lease_due(Article.objects.filter(is_tracking=True), "next_check_at", everything=everything)


def _lease_due(rows: QuerySet[Any], due_field: str, *, everything: bool) -> list[int]:
    """Ids of ``rows`` whose ``due_field`` has passed (or all), with that field pushed a lease ahead."""
    now = timezone.now()
    if not everything:
        rows = rows.filter(Q(**{f"{due_field}__isnull": True}) | Q(**{f"{due_field}__lte": now}))
    ids = list(rows.order_by(due_field).values_list("pk", flat=True))
    rows.model.objects.filter(pk__in=ids).update(**{due_field: now + ENQUEUE_LEASE})
    return ids
