"""Worker heartbeats: recorded per worker host, read back by articles.selectors.health.worker_heartbeats()."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from articles.heartbeats import REDIS_KEY, FileHeartbeatStore, RedisHeartbeatStore, heartbeat_store
from articles.selectors.health import worker_heartbeats
from articles.services.heartbeats import worker_heartbeat_record
from storyline import celery as celery_module
from tests.ops.compose import PROJECT_DIR

T0 = datetime(2026, 5, 12, 7, 50, tzinfo=UTC)


@pytest.fixture
def file_store(settings, tmp_path: Path) -> Path:
    settings.REDIS_URL = ""
    settings.CELERY_BROKER_DIR = tmp_path
    return tmp_path / "heartbeats"


@pytest.fixture
def redis_store(settings):
    settings.REDIS_URL = os.environ["REDIS_URL"]
    store = heartbeat_store()
    assert isinstance(store, RedisHeartbeatStore)
    store.client.delete(REDIS_KEY)
    yield store
    store.client.delete(REDIS_KEY)


def _record_and_read() -> list[dict[str, str]]:
    worker_heartbeat_record(worker="celery@worker-b", now=T0)
    worker_heartbeat_record(worker="celery@worker-a", now=T0 + timedelta(seconds=5))
    worker_heartbeat_record(worker="celery@worker-b", now=T0 + timedelta(seconds=30))
    return worker_heartbeats()


EXPECTED = [
    {"worker": "celery@worker-a", "last_seen": "2026-05-12T07:50:05+00:00"},
    {"worker": "celery@worker-b", "last_seen": "2026-05-12T07:50:30+00:00"},
]


def test_file_store_keeps_the_latest_beat_per_worker(file_store: Path) -> None:
    assert worker_heartbeats() == []
    assert _record_and_read() == EXPECTED
    assert sorted(path.name for path in file_store.iterdir()) == ["celery%40worker-a", "celery%40worker-b"]


@pytest.mark.redis
def test_redis_store_keeps_the_latest_beat_per_worker(redis_store: RedisHeartbeatStore) -> None:
    assert worker_heartbeats() == []
    assert _record_and_read() == EXPECTED
    assert set(redis_store.client.hkeys(REDIS_KEY)) == {"celery@worker-a", "celery@worker-b"}


def test_long_silent_workers_are_forgotten(file_store: Path, settings) -> None:
    settings.STORYLINE_HEARTBEAT_FORGET_AFTER = 3600
    worker_heartbeat_record(worker="celery@scaled-away", now=T0)
    worker_heartbeat_record(worker="celery@alive", now=T0 + timedelta(minutes=59))
    assert [beat["worker"] for beat in worker_heartbeats()] == ["celery@alive", "celery@scaled-away"]
    worker_heartbeat_record(worker="celery@alive", now=T0 + timedelta(minutes=61))
    assert [beat["worker"] for beat in worker_heartbeats()] == ["celery@alive"]


def test_times_are_stored_in_utc(file_store: Path) -> None:
    berlin = datetime(2026, 5, 12, 9, 50, tzinfo=UTC).astimezone(datetime.now().astimezone().tzinfo)
    worker_heartbeat_record(worker="w", now=berlin)
    assert FileHeartbeatStore(file_store).read()["w"] == datetime(2026, 5, 12, 9, 50, tzinfo=UTC)
    assert worker_heartbeats()[0]["last_seen"].endswith("+00:00")


def _beat(hostname: str) -> None:
    celery_module._record_worker_heartbeat(sender=SimpleNamespace(eventer=SimpleNamespace(hostname=hostname)))


def test_signal_handler_writes_at_most_once_per_interval(file_store: Path, settings, monkeypatch) -> None:
    monkeypatch.setattr(celery_module, "_last_heartbeat", {})
    settings.STORYLINE_HEARTBEAT_INTERVAL = 3600
    _beat("celery@one")
    first = worker_heartbeats()[0]["last_seen"]
    time.sleep(0.01)
    _beat("celery@one")
    _beat("celery@two")  # throttled per worker, not globally
    assert worker_heartbeats()[0]["last_seen"] == first
    assert [beat["worker"] for beat in worker_heartbeats()] == ["celery@one", "celery@two"]
    settings.STORYLINE_HEARTBEAT_INTERVAL = 0
    _beat("celery@one")
    assert worker_heartbeats()[0]["last_seen"] > first


def test_a_failing_store_never_breaks_the_worker(settings, monkeypatch, caplog) -> None:
    monkeypatch.setattr(celery_module, "_last_heartbeat", {})
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    _beat("celery@unlucky")
    assert "could not record the heartbeat of celery@unlucky" in caplog.text


@pytest.mark.integration
def test_a_real_worker_reports_its_heartbeat_at_start(file_store: Path, tmp_path: Path) -> None:
    """The signal wiring with real Celery: a worker on the filesystem broker writes its beat within seconds."""
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "CELERY_BROKER_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    command = [
        str(Path(sys.executable).parent / "celery"),
        "-A",
        "storyline",
        "worker",
        "--pool=solo",
        "-n",
        "beat-test@%h",
    ]
    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not worker_heartbeats():
            time.sleep(0.2)
        beats = worker_heartbeats()
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=20)
        log.close()
    assert [beat["worker"].split("@")[0] for beat in beats] == ["beat-test"], (tmp_path / "worker.log").read_text()
    assert datetime.fromisoformat(beats[0]["last_seen"]) > datetime.now(UTC) - timedelta(minutes=1)
