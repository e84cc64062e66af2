"""A real Celery worker process against Redis and PostgreSQL, end to end through the commands.

The worker runs in its own process group with the test database's URL; the
commands run as subprocesses too, with the same environment, so every step
is the path production takes. A unique queue keeps stale messages out.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.db import connection
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from articles.models import Article, Claim, FeedEntry, FetchAttempt, Update, Version
from articles.services.feeds import feed_add
from tests.ingestion.pages import LivePage
from tests.ingestion.site import FakeSite

pytestmark = [pytest.mark.integration, pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
PROJECT_DIR = Path(__file__).resolve().parents[2]
ARTICLES = 22


def _database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker_env() -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": os.environ["REDIS_URL"],
        "CELERY_TASK_DEFAULT_QUEUE": f"test-ingestion-{uuid.uuid4().hex[:8]}",
        "CELERY_VISIBILITY_TIMEOUT": "6",
        "CELERY_UNACKED_RESTORE_INTERVAL": "2",
        "CELERY_UNACKED_RESTORE_THROTTLE": "1",
        "STORYLINE_ALLOW_PRIVATE_FETCH": "1",
        "STORYLINE_HOST_MIN_GAP": "0",
        "STORYLINE_FETCH_READ_TIMEOUT": "20",
        "DEBUG": "1",
    }


class Worker:
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.log = env, log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [sys.executable, "-m", "celery", "-A", "storyline", "worker", "--concurrency=2", "--loglevel=INFO"]
        command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                command, cwd=PROJECT_DIR, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )

    def kill(self) -> None:
        """SIGKILL the whole worker (main process and pool children), as a crash or OOM kill would."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


@pytest.fixture
def server() -> Iterator[HTTPServer]:
    """A threaded local server: a slow page must not hold up the others."""
    httpserver = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    httpserver.start()
    yield httpserver
    httpserver.clear()
    httpserver.stop()


@pytest.fixture
def worker(worker_env: dict[str, str], tmp_path: Path) -> Iterator[Worker]:
    running = Worker(worker_env, tmp_path / "worker.log")
    running.start()
    yield running
    running.stop()


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def _page(n: int) -> LivePage:
    page = LivePage(title=f"Hochwasser-Meldung {n}", lead=f"Lagebericht {n} aus dem Auental.")
    page.add_update(f"Erstmeldung vom 14. März, 06.{n:02d} Uhr", f"Der Pegel an Messstelle {n} steigt langsam.")
    page.add_update(
        f"Update vom 14. März, 09.{n:02d} Uhr",
        f"„Wir beobachten die Messstelle {n} rund um die Uhr“, sagte Katrin Vogel.",
    )
    return page


def _snapshot() -> tuple[int, int, int, int, int]:
    return (
        Article.objects.count(),
        FeedEntry.objects.count(),
        Version.objects.count(),
        Update.objects.count(),
        Claim.objects.count(),
    )


def test_worker_ingests_rechecks_and_survives_sigkill(server: HTTPServer, worker: Worker, worker_env) -> None:
    site = FakeSite(server).install()
    for n in range(ARTICLES):
        site.add(f"/news/meldung-{n}", _page(n))
    feed_add(url=site.url("/feed.xml"))

    # 1. A feed of 22 articles, end to end.
    assert "enqueued 1 feed poll" in manage(worker_env, "pollfeeds", "--all")
    wait_for(lambda: Version.objects.count() == ARTICLES, "first ingestion")
    assert Article.objects.count() == ARTICLES and all(site.hits[p] == 1 for p in site.feed_paths)

    # 2. Three pages change; `recheck` picks exactly those up.
    changed = site.feed_paths[:3]
    for path in changed:
        site.pages[path].add_update("Update vom 14. März, 12.30 Uhr", "Die Deiche halten, sagt die Feuerwehr.")
    manage(worker_env, "recheck", "--all")
    wait_for(lambda: Version.objects.count() == ARTICLES + 3, "three new versions")
    wait_for(lambda: all(site.hits[p] == 2 for p in site.feed_paths), "every page re-checked")
    for path in changed:
        article = Article.objects.get(url=site.url(path))
        assert article.versions.count() == 2
        assert Update.objects.get(article=article, label__contains="12.30 Uhr").first_seen_version.number == 2

    # 3. A second identical pass creates nothing.
    before = _snapshot()
    manage(worker_env, "recheck", "--all")
    manage(worker_env, "pollfeeds", "--all")
    wait_for(lambda: all(site.hits[p] == 3 for p in site.feed_paths), "second identical pass")
    wait_for(lambda: site.hits["/feed.xml"] == 2, "second feed poll")
    time.sleep(1)
    assert _snapshot() == before
    assert FetchAttempt.objects.filter(outcome="unchanged", article__isnull=False).count() >= ARTICLES

    # 4. SIGKILL the worker in the middle of a slow fetch, start it again: nothing lost, nothing duplicated.
    entered, slow_calls = threading.Event(), []
    slow_page = _page(99)

    def slow(request: Request) -> Response:
        slow_calls.append(time.monotonic())
        entered.set()
        if len(slow_calls) == 1:
            time.sleep(8)
        return Response(slow_page.html(), content_type="text/html; charset=utf-8")

    server.expect_request("/slow/live").respond_with_handler(slow)
    manage(worker_env, "ingest", site.url("/slow/live"))
    assert entered.wait(30), "the worker never fetched the slow page"
    worker.kill()
    worker.start()
    wait_for(lambda: Version.objects.filter(article__url=site.url("/slow/live")).exists(), "redelivery", timeout=90)
    time.sleep(2)
    slow_article = Article.objects.get(url=site.url("/slow/live"))
    assert slow_article.versions.count() == 1 and len(slow_calls) >= 2
    assert Update.objects.filter(article=slow_article).count() == 3
    assert _snapshot() == (before[0] + 1, before[1], before[2] + 1, before[3] + 3, before[4] + 1)
