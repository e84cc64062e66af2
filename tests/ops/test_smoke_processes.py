"""CI smoke test: the compose file's own process commands against real PostgreSQL and Redis.

Starts, through the image's entrypoint, exactly the commands docker-compose.yml gives the
`migrate`, `web`, `worker` and `beat` services (parsed from the file, so they cannot drift),
with production settings (DEBUG=0). Then adds a feed served from 127.0.0.1, polls it, and reads
the story's timeline and /readyz over HTTP from gunicorn. Every process gets SIGTERM at the end.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
from django.conf import settings
from django.core.management import get_commands
from pytest_httpserver import HTTPServer

from articles.heartbeats import heartbeat_store
from articles.models import Article, Story
from articles.selectors.health import worker_heartbeats
from tests.ops.compose import PROJECT_DIR, image_entrypoint, service_command

FIXTURES = PROJECT_DIR / "tests" / "fixtures" / "smoke"
BIN = Path(sys.executable).parent
PAGES = ("faehre-lindholm.html", "deich-nordufer.html", "schulen-lindholm.html")
SLUG = "sturm-lindholm"
# Sentences from the three fixture pages: the timeline shows all of them once ingestion went end to end.
EXPECTED_ON_TIMELINE = ("Abendfahrt abgesagt", "Deichkrone abgerutscht", "Notbetreuung für jüngere Kinder")
DEADLINE_SECONDS = 40

pytestmark = [
    pytest.mark.integration,
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def _needs_ingestion_commands() -> None:
    # Temporary guard while the ingestion issue's commands live on another branch; removed at merge.
    if "addfeed" not in get_commands():
        pytest.skip("the `addfeed` / `pollfeeds` commands (ingestion issue) are not on this branch yet")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


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


@dataclass
class Processes:
    """The started processes, their logs, and a guaranteed SIGTERM for each at the end."""

    workdir: Path
    env: dict[str, str]
    running: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    logs: dict[str, IO[bytes]] = field(default_factory=dict)

    def argv(self, service: str) -> list[str]:
        entrypoint = [str(PROJECT_DIR / image_entrypoint()[0].removeprefix("/app/"))]
        return entrypoint + service_command(service)

    def run(self, service: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.argv(service), cwd=PROJECT_DIR, env=self.env, capture_output=True, text=True, timeout=60
        )

    def start(self, service: str) -> None:
        log = (self.workdir / f"{service}.log").open("wb")
        self.logs[service] = log
        self.running[service] = subprocess.Popen(
            self.argv(service), cwd=PROJECT_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )

    def manage(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(BIN / "python"), "manage.py", *args],
            cwd=PROJECT_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def assert_alive(self) -> None:
        for service, process in self.running.items():
            assert process.poll() is None, f"{service} exited with {process.returncode}:\n{self.log(service)}"

    def log(self, service: str) -> str:
        self.logs[service].flush()
        return (self.workdir / f"{service}.log").read_text(encoding="utf-8", errors="replace")[-4000:]

    def stop(self) -> None:
        """SIGTERM to each main process (not the group: see RECIPES.md), SIGKILL only if it hangs."""
        for process in self.running.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.running.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        for log in self.logs.values():
            log.close()


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[Processes]:
    port = _free_port()
    env = {
        "PATH": f"{BIN}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": _test_database_url(),
        "REDIS_URL": os.environ["REDIS_URL"],
        "PORT": str(port),
        "GUNICORN_BIND_HOST": "127.0.0.1",
        "WEB_CONCURRENCY": "1",
        "CELERY_WORKER_CONCURRENCY": "2",
        "STATIC_ROOT": str(tmp_path / "static"),
        "CELERY_BEAT_SCHEDULE_FILENAME": str(tmp_path / "celerybeat-schedule"),
        "STORYLINE_PUBLIC": "1",
        "STORYLINE_ALLOW_PRIVATE_FETCH": "1",
        "STORYLINE_HOST_MIN_GAP": "0",
    }
    procs = Processes(workdir=tmp_path, env=env)
    procs.env["SMOKE_BASE_URL"] = f"http://127.0.0.1:{port}"
    try:
        yield procs
    finally:
        procs.stop()


def _get(base: str, path: str) -> httpx.Response:
    # The TLS proxy in front of gunicorn sets X-Forwarded-Proto (SECURE_SSL_REDIRECT is on with DEBUG=0).
    return httpx.get(f"{base}{path}", headers={"X-Forwarded-Proto": "https"}, timeout=10)


def _wait_for(condition, what: str, procs: Processes, deadline: float) -> None:  # type: ignore[no-untyped-def]
    while time.monotonic() < deadline:
        procs.assert_alive()
        try:
            if condition():
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    logs = "\n".join(f"--- {name} ---\n{procs.log(name)}" for name in procs.running)
    pytest.fail(f"timed out waiting for {what}\n{logs}")


def test_compose_processes_ingest_a_feed_and_serve_the_timeline(feed_server: str, processes: Processes) -> None:
    deadline = time.monotonic() + DEADLINE_SECONDS
    base = processes.env["SMOKE_BASE_URL"]
    Story.objects.create(slug=SLUG, title="Sturm über Lindholm")
    heartbeat_store().forget(beat["worker"] for beat in worker_heartbeats())

    # What the image build does (static files), then the one-shot migrate service, then the three processes.
    collected = processes.manage("collectstatic", "--noinput")
    assert collected.returncode == 0, collected.stderr
    migrated = processes.run("migrate")
    assert migrated.returncode == 0, migrated.stderr
    for service in ("web", "worker", "beat"):
        processes.start(service)

    _wait_for(lambda: _get(base, "/healthz").status_code == 200, "gunicorn to answer /healthz", processes, deadline)
    _wait_for(lambda: worker_heartbeats() != [], "the worker's first heartbeat", processes, deadline)

    added = processes.manage("addfeed", feed_server, "--story", SLUG)
    assert added.returncode == 0, added.stdout + added.stderr
    polled = processes.manage("pollfeeds")
    assert polled.returncode == 0, polled.stdout + polled.stderr

    def timeline_complete() -> bool:
        response = _get(base, f"/stories/{SLUG}/")
        return response.status_code == 200 and all(text in response.text for text in EXPECTED_ON_TIMELINE)

    _wait_for(timeline_complete, "the three articles on the timeline", processes, deadline)
    assert Article.objects.filter(story__slug=SLUG).count() == len(PAGES)

    ready = _get(base, "/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok", "checks": {"database": "ok", "broker": "ok"}}
    processes.assert_alive()
    assert "beat: Starting" in processes.log("beat")
