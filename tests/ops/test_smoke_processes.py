"""CI smoke test: the compose file's own process commands against real PostgreSQL and Redis.

Starts, through the image's entrypoint, exactly the commands docker-compose.yml gives the
`migrate`, `web`, `worker` and `beat` services (parsed from the file, so they cannot drift),
with production settings (DEBUG=0). Then adds a feed served from 127.0.0.1, polls it, and reads
the story's timeline and /readyz over HTTP from gunicorn. Every process gets SIGTERM at the end.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from pytest_httpserver import HTTPServer

from articles.heartbeats import heartbeat_store
from articles.models import Article, Story
from articles.selectors.health import worker_heartbeats
from tests.ops.compose import PROJECT_DIR
from tests.ops.processes import Processes, free_port, production_env

FIXTURES = PROJECT_DIR / "tests" / "fixtures" / "smoke"
PAGES = ("faehre-lindholm.html", "deich-nordufer.html", "schulen-lindholm.html")
SLUG = "sturm-lindholm"
# Sentences from the three fixture pages: the timeline shows all of them once ingestion went end to end.
EXPECTED_ON_TIMELINE = ("Abendfahrt abgesagt", "Deichkrone abgerutscht", "Notbetreuung für jüngere Kinder")
DEADLINE_SECONDS = 45

pytestmark = [
    pytest.mark.integration,
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]


def _test_database_url() -> str:
    """DATABASE_URL with the path swapped for the test database pytest-django created (test_<name>)."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + str(settings.DATABASES["default"]["NAME"])))


@pytest.fixture
def feed_server(httpserver: HTTPServer) -> str:
    """The fixture feed and pages on 127.0.0.1, links pointing back at this server."""
    base = httpserver.url_for("").rstrip("/")

    def text(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8").replace("{{BASE}}", base)

    httpserver.expect_request("/robots.txt").respond_with_data(text("robots.txt"), content_type="text/plain")
    httpserver.expect_request("/feed.xml").respond_with_data(text("feed.xml"), content_type="application/rss+xml")
    for page in PAGES:
        httpserver.expect_request(f"/region/{page}").respond_with_data(
            text(page), content_type="text/html; charset=utf-8"
        )
    return f"{base}/feed.xml"


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[Processes]:
    env = production_env(tmp_path, free_port())
    env.update(
        {
            "DATABASE_URL": _test_database_url(),
            "REDIS_URL": os.environ["REDIS_URL"],
            "STORYLINE_PUBLIC": "1",
            "STORYLINE_ALLOW_PRIVATE_FETCH": "1",
            # A queue of its own on the shared Redis: stale messages from other runs never mix in.
            "CELERY_TASK_DEFAULT_QUEUE": f"smoke-{tmp_path.name}",
        }
    )
    procs = Processes(workdir=tmp_path, env=env)
    try:
        yield procs
    finally:
        procs.stop()


def test_compose_processes_ingest_a_feed_and_serve_the_timeline(feed_server: str, processes: Processes) -> None:
    deadline = time.monotonic() + DEADLINE_SECONDS
    Story.objects.create(slug=SLUG, title="Sturm über Lindholm")
    heartbeat_store().forget(beat["worker"] for beat in worker_heartbeats())

    # What the image build does (static files), then the one-shot migrate service, then the three processes.
    processes.collectstatic()
    migrated = processes.run("migrate")
    assert migrated.returncode == 0, migrated.stderr
    for service in ("web", "worker", "beat"):
        processes.start(service)

    processes.wait_for(lambda: processes.get("/healthz").status_code == 200, "gunicorn's /healthz", deadline)
    processes.wait_for(lambda: worker_heartbeats() != [], "the worker's first heartbeat", deadline)

    added = processes.manage("addfeed", feed_server, "--story", SLUG)
    assert added.returncode == 0, added.stdout + added.stderr
    polled = processes.manage("pollfeeds")
    assert polled.returncode == 0, polled.stdout + polled.stderr

    def timeline_complete() -> bool:
        response = processes.get(f"/stories/{SLUG}/")
        return response.status_code == 200 and all(text in response.text for text in EXPECTED_ON_TIMELINE)

    processes.wait_for(timeline_complete, "the three articles on the timeline", deadline)
    assert Article.objects.filter(story__slug=SLUG).count() == len(PAGES)

    ready = processes.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok", "checks": {"database": "ok", "broker": "ok"}}
    processes.assert_alive()
    assert "beat: Starting" in processes.log("beat")
