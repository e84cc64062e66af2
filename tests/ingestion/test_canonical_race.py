"""A variant's first fetch while its canonical article is locked by another worker: defer, never duplicate."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction
from django.utils import timezone
from pytest_httpserver import HTTPServer

from articles.models import Article, Feed, FeedEntry, FetchAttempt, Version
from articles.services.ingestion import article_fetch
from tests.ingestion.pages import flood_page

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _hold_row_lock(pk: int) -> tuple[threading.Event, threading.Thread]:
    """Another worker: locks the article's row in an open transaction until released."""
    locked, release = threading.Event(), threading.Event()

    def hold() -> None:
        try:
            with transaction.atomic():
                Article.objects.select_for_update().get(pk=pk)
                locked.set()
                release.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert locked.wait(10)
    return release, thread


def test_variant_fetched_while_its_canonical_is_locked_is_deferred_then_merged(robots_ok: HTTPServer) -> None:
    canonical_url = robots_ok.url_for("/news/hochwasser")
    page = flood_page(canonical=canonical_url).html()
    robots_ok.expect_request("/news/hochwasser-amp").respond_with_data(page, content_type="text/html; charset=utf-8")
    feed = Feed.objects.create(url="https://auentaler-bote.example/feed.xml")
    canonical = Article.objects.create(url=canonical_url)
    variant = Article.objects.create(url=robots_ok.url_for("/news/hochwasser-amp"))
    FeedEntry.objects.create(feed=feed, guid="amp", link=variant.url, article=variant)

    release, thread = _hold_row_lock(canonical.pk)
    try:
        deferred = article_fetch(article_id=variant.pk)
    finally:
        release.set()
        thread.join(10)

    assert (deferred.outcome, deferred.version_created, deferred.retryable) == ("deferred", False, True)
    assert Version.objects.count() == 0  # nothing stored on the variant (nor anywhere)
    variant.refresh_from_db()
    assert variant.last_fetched_at is None and variant.failure_count == 0
    assert variant.is_tracking and variant.next_check_at is not None
    assert (variant.next_check_at - timezone.now()).total_seconds() <= 60  # retried soon
    attempt = FetchAttempt.objects.get(article=variant, url=variant.url)
    assert attempt.outcome == "deferred" and canonical_url in attempt.error

    again = article_fetch(article_id=variant.pk)
    assert (again.outcome, again.article_id, again.version_created) == ("ok", canonical.pk, True)
    assert list(Article.objects.values_list("url", flat=True)) == [canonical_url]
    merged = Article.objects.get()
    assert merged.versions.count() == 1 and merged.updates.count() > 0
    assert FeedEntry.objects.get().article_id == merged.pk
    assert FetchAttempt.objects.filter(article=merged, outcome="deferred").count() == 1  # the log moved along
