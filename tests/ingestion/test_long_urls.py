"""External URLs longer than the columns allow: skipped or ignored, visibly; the rest is ingested (PostgreSQL)."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from articles.core.urls import MAX_URL_LENGTH
from articles.models import Article, Feed, FeedEntry, FetchAttempt, Outlet, Version
from articles.services.feeds import feed_add, feed_poll
from articles.services.ingestion import article_fetch
from tests.ingestion.pages import flood_page

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

LONG_PATH = "/news/" + "a" * 2_100  # a 2,100-character path: far past the 2,000 the URL columns hold
BIG_HOST = ".".join(["teil" + "x" * 55] * 4) + ".example"  # 247 characters: a domain, too long for an outlet name
HUGE_HOST = ".".join(["teil" + "y" * 58] * 5) + ".example"  # 323 characters: longer than any domain column


def _item(guid: str, link: str, title: str) -> str:
    return f"<item><title>{title}</title><link>{link}</link><guid isPermaLink='false'>{guid}</guid></item>"


def test_url_columns_match_the_core_limit() -> None:
    for model, name in ((Article, "url"), (FeedEntry, "link"), (FetchAttempt, "url"), (Feed, "url")):
        assert model._meta.get_field(name).max_length == MAX_URL_LENGTH


def test_feed_with_an_overlong_link_ingests_the_other_items(robots_ok: HTTPServer) -> None:
    items = [
        _item("eins", robots_ok.url_for("/news/eins"), "Pegel steigt in Auenstedt"),
        _item("zu-lang", robots_ok.url_for(LONG_PATH), "Dieser Link ist zu lang"),
        _item("zwei", robots_ok.url_for("/news/zwei"), "Deich hält " + "x" * 600),  # title past 500 characters
        _item("g" * 2_100, f"https://www.{BIG_HOST}/news/drei", "Fremder Bote"),  # GUID past 2,000 characters
        _item("vier", f"https://{HUGE_HOST}/news/vier", "Riesenhost"),
    ]
    rss = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Auentaler Bote {'Z' * 400}</title>{''.join(items)}</channel></rss>"
    )
    headers = {"ETag": '"' + "e" * 700 + '"', "Last-Modified": "Sat, 14 Mar 2026 06:40:00 GMT" + " " * 150 + "x"}
    robots_ok.expect_request("/feed.xml").respond_with_data(rss, content_type="application/rss+xml", headers=headers)
    feed, _ = feed_add(url=robots_ok.url_for("/feed.xml"))

    result = feed_poll(feed_id=feed.pk)

    assert (result.outcome, result.entries_created, len(result.article_ids)) == ("ok", 4, 4)
    assert "skipped 1 entry" in result.error
    urls = set(Article.objects.values_list("url", flat=True))
    assert robots_ok.url_for("/news/eins") in urls and robots_ok.url_for("/news/zwei") in urls
    assert all(len(url) <= MAX_URL_LENGTH for url in urls) and len(urls) == 4
    assert not FeedEntry.objects.filter(guid="zu-lang").exists()
    assert Outlet.objects.get(domain=BIG_HOST).name == BIG_HOST[:200]
    assert Article.objects.get(url=f"https://{HUGE_HOST}/news/vier").outlet is None
    feed.refresh_from_db()
    assert (feed.failure_count, feed.last_error, feed.last_success_at is not None) == (0, "", True)
    assert len(feed.title) == 300 and len(feed.etag) == 500 and len(feed.last_modified) == 100
    attempt = FetchAttempt.objects.get(feed=feed, url=feed.url)
    assert attempt.outcome == "ok" and f"longer than {MAX_URL_LENGTH}" in attempt.error


def test_overlong_canonical_is_ignored_and_the_fetched_url_kept(robots_ok: HTTPServer) -> None:
    page = flood_page(canonical=robots_ok.url_for(LONG_PATH)).html()
    robots_ok.expect_request("/news/hochwasser").respond_with_data(
        page, content_type="text/html; charset=utf-8", headers={"ETag": '"' + "e" * 700 + '"'}
    )
    article = Article.objects.create(url=robots_ok.url_for("/news/hochwasser"))

    outcome = article_fetch(article_id=article.pk)

    assert (outcome.outcome, outcome.article_id, outcome.version_created) == ("ok", article.pk, True)
    article.refresh_from_db()
    assert article.url == robots_ok.url_for("/news/hochwasser") and len(article.etag) == 500
    assert Version.objects.filter(article=article).count() == 1
    assert FetchAttempt.objects.get(article=article, url=article.url).outcome == "ok"
