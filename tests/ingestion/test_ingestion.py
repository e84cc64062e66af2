"""Feed polling and article fetching end to end against a local fake site (in-process)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_httpserver import HTTPServer

from articles.models import Article, Claim, Feed, FeedEntry, FetchAttempt, Update, Version
from articles.services import ingestion
from articles.services.feeds import feed_add, feed_poll
from articles.services.ingestion import article_fetch, articles_claim_due
from articles.services.versions import article_reanalyze
from tests.factories import StoryFactory
from tests.ingestion.pages import LivePage, flood_page
from tests.ingestion.site import FakeSite

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(net: HTTPServer) -> FakeSite:
    return FakeSite(net).install()


def _counts() -> tuple[int, int, int, int]:
    return (Article.objects.count(), Version.objects.count(), Update.objects.count(), Claim.objects.count())


def _small_page(n: int) -> LivePage:
    page = LivePage(title=f"Meldung {n}: Pegel in Ort {n}", lead=f"Kurzmeldung Nummer {n} aus dem Auental.")
    page.add_update(f"Erstmeldung vom 14. März, 0{n % 10}.15 Uhr", f"Der Pegel in Ort {n} liegt bei {n},20 Metern.")
    return page


def _poll_and_fetch(feed: Feed) -> list[str]:
    result = feed_poll(feed_id=feed.pk)
    return [article_fetch(article_id=article_id).outcome for article_id in result.article_ids]


def test_feed_poll_creates_entries_and_articles_in_the_story(site: FakeSite) -> None:
    story = StoryFactory(slug="hochwasser")
    for n in range(3):
        site.add(f"/news/meldung-{n}", _small_page(n))
    feed, created = feed_add(url=site.url("/feed.xml"), story=story)
    assert created
    result = feed_poll(feed_id=feed.pk)
    assert (result.outcome, result.entries_created, len(result.article_ids)) == ("ok", 3, 3)
    assert articles_claim_due() == []  # the poll's own fetch tasks have them; the beat waits out the lease
    assert set(Article.objects.values_list("story__slug", flat=True)) == {"hochwasser"}
    entry = FeedEntry.objects.get(guid="guid-/news/meldung-0")
    assert entry.published_at is not None and entry.article.published_at == entry.published_at
    feed.refresh_from_db()
    assert feed.failure_count == 0 and feed.title == "Auentaler Bote"
    assert feed.next_poll_at > timezone.now() + timedelta(seconds=feed.poll_interval - 5)
    # A second identical poll creates nothing new.
    again = feed_poll(feed_id=feed.pk)
    assert (again.outcome, again.entries_created) == ("unchanged", 0)
    assert FeedEntry.objects.count() == 3 and Article.objects.count() == 3


def test_duplicate_entries_by_guid_and_by_canonical_url(site: FakeSite) -> None:
    site.add("/news/a", _small_page(1))
    site.feed_paths.append("/news/a")  # the same GUID twice
    site.feed_paths.append("/news/a?utm_source=rss&utm_medium=feed#top")  # another GUID, same canonical link
    feed, _ = feed_add(url=site.url("/feed.xml"))
    result = feed_poll(feed_id=feed.pk)
    assert result.entries_created == 2
    assert Article.objects.count() == 1
    assert set(FeedEntry.objects.values_list("article", flat=True)) == {Article.objects.get().pk}


def test_rel_canonical_merges_articles_seen_under_two_urls(site: FakeSite) -> None:
    canonical = site.url("/news/hochwasser")
    site.add("/news/hochwasser", flood_page(canonical=canonical))
    site.add("/news/hochwasser-amp", flood_page(canonical=canonical))
    feed, _ = feed_add(url=site.url("/feed.xml"))
    outcomes = _poll_and_fetch(feed)
    assert outcomes == ["ok", "unchanged"]
    article = Article.objects.get()
    assert article.url == canonical and article.versions.count() == 1
    assert FeedEntry.objects.filter(article=article).count() == 2
    assert FetchAttempt.objects.filter(article__isnull=True, feed__isnull=True).count() == 0


def test_first_fetch_and_every_request_logged(site: FakeSite) -> None:
    site.add("/news/hochwasser", flood_page())
    feed, _ = feed_add(url=site.url("/feed.xml"))
    assert _poll_and_fetch(feed) == ["ok"]
    article = Article.objects.get()
    assert article.versions.count() == 1
    assert Update.objects.filter(article=article, label__contains="Update vom 14. März, 11.20 Uhr").exists()
    assert article.is_tracking and article.next_check_at is not None and article.last_body_hash
    logged = list(FetchAttempt.objects.order_by("pk").values_list("url", "outcome"))
    assert [outcome for _, outcome in logged] == ["ok", "ok", "ok"]  # robots.txt, feed, page
    assert [url.rsplit("/", 1)[-1] for url, _ in logged] == ["robots.txt", "feed.xml", "hochwasser"]
    assert sum(site.hits.values()) == 2  # robots.txt is served by its own handler


def test_unchanged_page_creates_nothing(site: FakeSite) -> None:
    site.add("/news/hochwasser", flood_page())
    feed, _ = feed_add(url=site.url("/feed.xml"))
    _poll_and_fetch(feed)
    before = _counts()
    article = Article.objects.get()
    assert article_fetch(article_id=article.pk).outcome == "unchanged"
    site.etags = True
    assert article_fetch(article_id=article.pk).outcome == "unchanged"  # first answer with an ETag
    assert article_fetch(article_id=article.pk).outcome == "not_modified"  # then 304
    assert _counts() == before
    assert FetchAttempt.objects.filter(article=article, outcome__in=["unchanged", "not_modified"]).count() == 3


def test_changed_page_new_version_new_update_first_and_last_seen(site: FakeSite) -> None:
    page = flood_page()
    site.add("/news/hochwasser", page)
    feed, _ = feed_add(url=site.url("/feed.xml"))
    _poll_and_fetch(feed)
    article = Article.objects.get()
    old = Update.objects.get(article=article, label__contains="11.20 Uhr")
    old_claims = set(Claim.objects.filter(update__article=article).values_list("pk", flat=True))
    assert old_claims, "the page quotes people"
    page.add_update(
        "Update vom 14. März, 16.05 Uhr",
        "An der Mühleninsel ist ein Deichabschnitt abgerutscht.",
        "„Niemand ist in Gefahr, wenn er jetzt geht“, sagte Bürgermeisterin Vogel.",
    )
    result = article_fetch(article_id=article.pk)
    assert (result.outcome, result.version_created) == ("ok", True)
    v1, v2 = article.versions.order_by("number")
    new = Update.objects.get(article=article, label__contains="16.05 Uhr")
    assert (new.first_seen_version, new.last_seen_version) == (v2, v2)
    old.refresh_from_db()
    assert (old.first_seen_version, old.last_seen_version, old.status) == (v1, v2, "current")
    for claim in Claim.objects.filter(pk__in=old_claims):
        assert (claim.first_seen_version, claim.last_seen_version) == (v1, v2)
    new_claim = Claim.objects.get(text__contains="Niemand ist in Gefahr")
    assert new_claim.first_seen_version == v2
    article.refresh_from_db()
    assert article.last_changed_at == v2.fetched_at
    # Re-analysis from the stored HTML keeps every identity: nothing new, nothing removed.
    before = list(Update.objects.order_by("pk").values_list("pk", "key", "status", "last_seen_version"))
    claims = list(Claim.objects.order_by("pk").values_list("pk", "status"))
    assert article_reanalyze(article=article) == 2
    assert list(Update.objects.order_by("pk").values_list("pk", "key", "status", "last_seen_version")) == before
    assert list(Claim.objects.order_by("pk").values_list("pk", "status")) == claims


def test_recheck_schedule_follows_activity(site: FakeSite, settings) -> None:
    site.add("/news/hochwasser", flood_page())
    feed, _ = feed_add(url=site.url("/feed.xml"))
    _poll_and_fetch(feed)
    article = Article.objects.get()
    fast = settings.STORYLINE_RECHECK_STEPS[0][1]
    assert abs((article.next_check_at - article.last_fetched_at).total_seconds() - fast) < 1
    Article.objects.filter(pk=article.pk).update(last_changed_at=timezone.now() - timedelta(hours=3))
    article_fetch(article_id=article.pk)
    article.refresh_from_db()
    assert abs((article.next_check_at - article.last_fetched_at).total_seconds() - 900) < 1
    Article.objects.filter(pk=article.pk).update(last_changed_at=timezone.now() - timedelta(days=8))
    article_fetch(article_id=article.pk)
    article.refresh_from_db()
    assert not article.is_tracking and article.next_check_at is None
    assert article.pk not in articles_claim_due(everything=True)


def test_failing_feed_backs_off_visibly_and_keeps_retrying(site: FakeSite, settings) -> None:
    site.feed_status = 500
    feed, _ = feed_add(url=site.url("/feed.xml"), interval=600)
    gaps = []
    for _ in range(8):
        assert feed_poll(feed_id=feed.pk).outcome == "http_error"
        feed.refresh_from_db()
        gaps.append(round((feed.next_poll_at - feed.last_polled_at).total_seconds()))
    assert gaps == [1200, 2400, 4800, 9600, 19200, 21600, 21600, 21600]
    assert feed.failure_count == 8 and "500" in feed.last_error and feed.is_active
    site.feed_status = 200
    assert feed_poll(feed_id=feed.pk).outcome == "unchanged"
    feed.refresh_from_db()
    assert (feed.failure_count, feed.last_error) == (0, "")


def test_429_retry_after_and_server_hints_are_honoured(site: FakeSite) -> None:
    site.feed_status, site.feed_headers = 429, {"Retry-After": "5000"}
    feed, _ = feed_add(url=site.url("/feed.xml"), interval=600)
    feed_poll(feed_id=feed.pk)
    feed.refresh_from_db()
    assert (feed.next_poll_at - feed.last_polled_at).total_seconds() >= 5000
    site.feed_status, site.feed_headers = 200, {"Cache-Control": "public, max-age=1800"}
    feed_poll(feed_id=feed.pk)
    feed.refresh_from_db()
    assert round((feed.next_poll_at - feed.last_polled_at).total_seconds()) == 1800


def test_feed_304_with_etag(site: FakeSite) -> None:
    site.etags = True
    site.add("/news/a", _small_page(1))
    feed, _ = feed_add(url=site.url("/feed.xml"))
    feed_poll(feed_id=feed.pk)
    feed.refresh_from_db()
    assert feed.etag
    assert feed_poll(feed_id=feed.pk).outcome == "not_modified"


@pytest.mark.parametrize(("body", "ctype"), [("<rss><channel><item>", "application/rss+xml"), ("", "text/xml")])
def test_malformed_or_empty_feed_is_recorded_as_invalid(net: HTTPServer, robots_ok, body: str, ctype: str) -> None:
    net.expect_request("/bad.xml").respond_with_data(body, content_type=ctype)
    feed, _ = feed_add(url=net.url_for("/bad.xml"))
    assert feed_poll(feed_id=feed.pk).outcome == "invalid"
    feed.refresh_from_db()
    assert feed.failure_count == 1 and feed.last_error.startswith("invalid")


def test_html_served_as_a_feed_is_invalid(net: HTTPServer, robots_ok) -> None:
    net.expect_request("/feed").respond_with_data(flood_page().html(), content_type="text/html")
    feed, _ = feed_add(url=net.url_for("/feed"))
    assert feed_poll(feed_id=feed.pk).outcome == "invalid"
    assert FetchAttempt.objects.get(feed=feed, url__endswith="/feed").error.startswith("not an RSS or Atom feed")


def test_gone_article_stops_tracking_missing_one_backs_off(site: FakeSite) -> None:
    site.add("/news/a", _small_page(1))
    feed, _ = feed_add(url=site.url("/feed.xml"))
    _poll_and_fetch(feed)
    article = Article.objects.get()
    del site.pages["/news/a"]
    assert article_fetch(article_id=article.pk).outcome == "http_error"
    article.refresh_from_db()
    assert article.is_tracking and article.failure_count == 1 and "404" in article.last_error
    site.server.clear()
    site.server.expect_request("/robots.txt").respond_with_data("", status=404)
    site.server.expect_request("/news/a").respond_with_data("gone", status=410)
    article_fetch(article_id=article.pk)
    article.refresh_from_db()
    assert not article.is_tracking and article.versions.count() == 1


def test_analysis_failure_is_recorded_not_raised(site: FakeSite, monkeypatch) -> None:
    site.add("/news/a", _small_page(1))
    feed, _ = feed_add(url=site.url("/feed.xml"))
    monkeypatch.setattr(ingestion, "analyze_content", lambda **kw: 1 / 0)
    assert _poll_and_fetch(feed) == ["invalid"]
    article = Article.objects.get()
    assert "ZeroDivisionError" in article.last_error and article.versions.count() == 0
    assert FetchAttempt.objects.get(article=article, url__endswith="/news/a").outcome == "invalid"
    monkeypatch.undo()
    assert article_fetch(article_id=article.pk).outcome == "ok"


def test_network_error_is_retryable(net: HTTPServer, settings) -> None:
    settings.STORYLINE_ALLOW_PRIVATE_FETCH = True
    article = ingestion.article_ingest(url="http://127.0.0.1:9/closed-port")
    result = article_fetch(article_id=article.pk)
    assert result.retryable and result.outcome == "network_error"
    article.refresh_from_db()
    assert article.failure_count == 1 and article.is_tracking


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Kreisanzeiger</title><id>tag:k.example,2026:feed</id>
<updated>{updated}</updated>
<entry><title>Liveticker Hochwasser</title><id>tag:k.example,2026:1</id>
<link rel="alternate" type="text/html" href="/news/ticker?utm_source=atom"/>
<published>2026-03-14T06:40:00+01:00</published><updated>{updated}</updated></entry></feed>"""


def test_atom_entry_updated_brings_its_article_forward(net: HTTPServer, robots_ok) -> None:
    net.expect_request("/atom.xml").respond_with_data(
        ATOM.format(updated="2026-03-14T07:00:00+01:00"), content_type="application/atom+xml"
    )
    feed, _ = feed_add(url=net.url_for("/atom.xml"))
    assert feed_poll(feed_id=feed.pk).entries_created == 1
    entry = FeedEntry.objects.get()
    assert entry.link == net.url_for("/news/ticker") and entry.article.url == entry.link
    assert entry.published_at.isoformat() == "2026-03-14T05:40:00+00:00"
    Article.objects.update(next_check_at=timezone.now() + timedelta(hours=1))
    net.clear()
    net.expect_request("/atom.xml").respond_with_data(
        ATOM.format(updated="2026-03-14T09:30:00+01:00"), content_type="application/atom+xml"
    )
    assert feed_poll(feed_id=feed.pk).entries_created == 0
    entry.refresh_from_db()
    assert entry.updated_at.isoformat() == "2026-03-14T08:30:00+00:00"
    assert entry.article_id in articles_claim_due()  # due again at once
