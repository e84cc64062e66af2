"""The contract commands and the tasks behind them (eager Celery)."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from celery.exceptions import Retry
from django.core.management import CommandError, call_command

from articles import tasks
from articles.models import Article, Feed, FetchAttempt, Version
from tests.ingestion.pages import flood_page
from tests.ingestion.site import FakeSite

pytestmark = pytest.mark.django_db
STATUS_KEYS = {"feeds", "feeds_failing", "articles", "versions", "updates", "claims", "fetches_last_hour"}


@pytest.fixture
def site(net) -> FakeSite:
    site = FakeSite(net).install()
    site.add("/news/hochwasser", flood_page())
    return site


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_addfeed_is_idempotent_and_validates(site: FakeSite) -> None:
    out = run("addfeed", site.url("/feed.xml"), "--story", "hochwasser", "--interval", "900")
    assert out.startswith("created: feed") and "story hochwasser" in out and "every 900s" in out
    assert run("addfeed", site.url("/feed.xml")).startswith("exists: feed")
    assert Feed.objects.get().poll_interval == 900
    with pytest.raises(CommandError):
        run("addfeed", "ftp://example.org/feed")
    with pytest.raises(CommandError):
        run("addfeed", "https://example.org/feed", "--interval", "5")


def test_pollfeeds_sync_then_recheck_sync_then_status(site: FakeSite) -> None:
    run("addfeed", site.url("/feed.xml"), "--story", "hochwasser")
    out = run("pollfeeds", "--sync")
    assert "1 new entries" in out and "article" in out and "fetched 1 article(s)" in out
    assert run("pollfeeds", "--sync").strip() == "polled 0 feed(s), fetched 0 article(s)"  # not due yet
    assert "nothing due" in run("recheck", "--sync")
    site.pages["/news/hochwasser"].add_update("Update vom 14. März, 16.05 Uhr", "Ein Deich ist abgerutscht.")
    assert "ok 1" in run("recheck", "--all", "--sync")
    status = json.loads(run("ingeststatus", "--json"))
    assert set(status) == STATUS_KEYS
    assert (status["feeds"], status["feeds_failing"], status["articles"], status["versions"]) == (1, 0, 1, 2)
    assert status["updates"] >= 3 and status["claims"] >= 2
    assert status["fetches_last_hour"] == {"ok": 4}  # robots.txt, feed, page, changed page
    text = run("ingeststatus")
    assert "1 ok, 0 failing" in text and "fetches in the last hour: 4" in text


def test_ingest_sync_and_bad_urls(site: FakeSite) -> None:
    out = run("ingest", site.url("/news/hochwasser") + "?utm_source=x", "--story", "hochwasser", "--sync")
    assert out.startswith("ok: article") and "1 versions" in out
    assert Article.objects.get().url == site.url("/news/hochwasser")
    assert run("ingest", site.url("/news/hochwasser"), "--sync").startswith("unchanged:")
    with pytest.raises(CommandError):
        run("ingest", "javascript:alert(1)")
    with pytest.raises(CommandError, match="404"):
        run("ingest", site.url("/news/missing"), "--sync")


def test_reanalyze_all_and_by_id(site: FakeSite) -> None:
    run("ingest", site.url("/news/hochwasser"), "--sync")
    article = Article.objects.get()
    assert run("reanalyze", "--all").strip() == "re-analysed 1 article(s), 1 version(s)"
    assert run("reanalyze", str(article.pk)).strip() == "re-analysed 1 article(s), 1 version(s)"
    with pytest.raises(CommandError):
        run("reanalyze")
    with pytest.raises(CommandError, match="no such article"):
        run("reanalyze", "999999")


def test_enqueueing_commands_run_tasks_after_commit(
    site: FakeSite, settings, django_capture_on_commit_callbacks
) -> None:
    settings.CELERY_TASK_ALWAYS_EAGER = True
    run("addfeed", site.url("/feed.xml"))
    with django_capture_on_commit_callbacks(execute=True):
        assert run("pollfeeds").strip() == "enqueued 1 feed poll(s)"
    assert Version.objects.count() == 1  # poll_feed enqueued fetch_article, which ran
    with django_capture_on_commit_callbacks(execute=True):
        assert run("recheck", "--all").strip() == "enqueued 1 article re-check(s)"
    assert FetchAttempt.objects.filter(outcome="unchanged").count() == 1


def test_beat_tasks_enqueue_only_what_is_due(site: FakeSite, settings, django_capture_on_commit_callbacks) -> None:
    settings.CELERY_TASK_ALWAYS_EAGER = True
    run("addfeed", site.url("/feed.xml"))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.poll_due_feeds() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.poll_due_feeds() == 0 and tasks.recheck_due_articles() == 0
    assert site.hits["/feed.xml"] == 1 and site.hits["/news/hochwasser"] == 1


def test_network_errors_are_retried_a_bounded_number_of_times(site: FakeSite, settings) -> None:
    settings.CELERY_TASK_ALWAYS_EAGER = True
    closed = Article.objects.create(url="http://127.0.0.1:9/closed")
    with pytest.raises(Retry):
        tasks.fetch_article.apply(args=(closed.pk,), retries=0)
    last = tasks.fetch_article.apply(args=(closed.pk,), retries=tasks.NETWORK_RETRIES)
    assert last.result == "network_error"  # the last allowed attempt gives up; the schedule tries again later
    closed.refresh_from_db()
    assert closed.failure_count == 2 and closed.is_tracking and closed.next_check_at is not None
    missing = Article.objects.create(url=site.url("/news/missing"))
    assert tasks.fetch_article.apply(args=(missing.pk,), retries=0).result == "http_error"  # not retried
    bases = [min(30 * 2**n, 600) for n in range(6)]
    assert all(base <= tasks._countdown(n) <= base * 1.25 for n, base in enumerate(bases))
