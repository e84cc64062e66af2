"""Celery tasks: thin wrappers that take ids and call one service each.

Every task is idempotent (the unique constraints make a redelivered task
harmless), acknowledged late and rejected back to the queue if its worker
dies, and retried (bounded, exponential backoff with jitter) for network
errors only. Follow-up tasks are enqueued after the transaction commits.
"""

from __future__ import annotations

import random
from functools import partial

from celery import Task, shared_task
from django.db import transaction

from articles.models import Article
from articles.services.feeds import feed_poll
from articles.services.ingestion import article_fetch, articles_claim_due, feeds_claim_due
from articles.services.versions import article_reanalyze

NETWORK_RETRIES = 3
TASK_OPTIONS = {"acks_late": True, "reject_on_worker_lost": True}


def _countdown(retries: int) -> int:
    """30 s, 60 s, 120 s … capped at 10 min, with jitter so retries to one host spread out."""
    base = min(30 * 2**retries, 600)
    return int(base + random.randint(0, base // 4))


def enqueue_fetch(article_id: int) -> None:
    transaction.on_commit(partial(fetch_article.delay, article_id))


def enqueue_poll(feed_id: int) -> None:
    transaction.on_commit(partial(poll_feed.delay, feed_id))


@shared_task(bind=True, max_retries=NETWORK_RETRIES, **TASK_OPTIONS)  # type: ignore[untyped-decorator,unused-ignore]
def poll_feed(self: Task, feed_id: int) -> str:
    """Poll one feed and enqueue the first fetch of its new articles."""
    result = feed_poll(feed_id=feed_id)
    for article_id in result.article_ids:
        enqueue_fetch(article_id)
    if result.retryable and self.request.retries < NETWORK_RETRIES:
        raise self.retry(countdown=_countdown(self.request.retries))
    return result.outcome


@shared_task(bind=True, max_retries=NETWORK_RETRIES, **TASK_OPTIONS)  # type: ignore[untyped-decorator,unused-ignore]
def fetch_article(self: Task, article_id: int) -> str:
    """Fetch one article now and store a new version if it changed."""
    result = article_fetch(article_id=article_id)
    if result.retryable and self.request.retries < NETWORK_RETRIES:
        raise self.retry(countdown=_countdown(self.request.retries))
    return result.outcome


@shared_task(**TASK_OPTIONS)  # type: ignore[untyped-decorator,unused-ignore]
def reanalyze_article(article_id: int) -> None:
    """Rebuild an article's updates and claims from its stored versions."""
    article = Article.objects.filter(pk=article_id).first()
    if article is not None:
        article_reanalyze(article=article)


@shared_task(**TASK_OPTIONS)  # type: ignore[untyped-decorator,unused-ignore]
def poll_due_feeds() -> int:
    """Beat entry (every minute): enqueue the feeds that are due."""
    ids = feeds_claim_due()
    for feed_id in ids:
        enqueue_poll(feed_id)
    return len(ids)


@shared_task(**TASK_OPTIONS)  # type: ignore[untyped-decorator,unused-ignore]
def recheck_due_articles() -> int:
    """Beat entry (every minute): enqueue the live articles that are due for a re-check."""
    ids = articles_claim_due()
    for article_id in ids:
        enqueue_fetch(article_id)
    return len(ids)
