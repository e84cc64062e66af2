"""Celery tasks: thin wrappers that take ids and call one service each.

The ingestion issue fills in poll_feed / fetch_article and the two beat
entries; the names and signatures are fixed so admin actions can enqueue them.
"""

from __future__ import annotations

from celery import shared_task

from articles.models import Article
from articles.services.versions import article_reanalyze


@shared_task(acks_late=True)
def poll_feed(feed_id: int) -> None:
    """Poll one feed and enqueue its new entries (ingestion issue)."""
    raise NotImplementedError("feed polling is built in the ingestion issue")


@shared_task(acks_late=True)
def fetch_article(article_id: int) -> None:
    """Fetch one article now and store a new version if it changed (ingestion issue)."""
    raise NotImplementedError("article fetching is built in the ingestion issue")


@shared_task(acks_late=True)
def reanalyze_article(article_id: int) -> None:
    """Rebuild an article's updates and claims from its stored versions."""
    article = Article.objects.filter(pk=article_id).first()
    if article is not None:
        article_reanalyze(article=article)


@shared_task(acks_late=True)
def poll_due_feeds() -> None:
    """Beat entry: enqueue the feeds that are due (ingestion issue)."""


@shared_task(acks_late=True)
def recheck_due_articles() -> None:
    """Beat entry: enqueue the live articles that are due for a re-check (ingestion issue)."""
