"""Where worker heartbeats live: a Redis hash, or files beside the filesystem broker.

Every worker host writes its own entry, so any number of workers on any number of
machines report without coordination. With Redis (production) the entries sit in the
hash ``storyline:worker-heartbeats``; without it (local runs on the filesystem broker)
in ``<CELERY_BROKER_DIR>/heartbeats/``, one file per worker. Times are UTC.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol
from urllib.parse import quote, unquote

import redis
from django.conf import settings

REDIS_KEY = "storyline:worker-heartbeats"


class HeartbeatStore(Protocol):
    def write(self, worker: str, at: datetime) -> None: ...
    def read(self) -> dict[str, datetime]: ...
    def forget(self, workers: Iterable[str]) -> None: ...


class RedisHeartbeatStore:
    def __init__(self, url: str) -> None:
        self.client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2, decode_responses=True)

    def write(self, worker: str, at: datetime) -> None:
        self.client.hset(REDIS_KEY, worker, at.astimezone(UTC).isoformat())

    def read(self) -> dict[str, datetime]:
        raw: dict[str, str] = self.client.hgetall(REDIS_KEY)  # type: ignore[assignment]
        return {key: datetime.fromisoformat(value) for key, value in raw.items()}

    def forget(self, workers: Iterable[str]) -> None:
        names = list(workers)
        if names:
            self.client.hdel(REDIS_KEY, *names)


class FileHeartbeatStore:
    """One file per worker, replaced atomically, so readers never see half a timestamp."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def write(self, worker: str, at: datetime) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        os.fchmod(fd, 0o644)  # readable by `manage.py` run as another user
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(at.astimezone(UTC).isoformat())
        os.replace(tmp, self.folder / quote(worker, safe=""))

    def read(self) -> dict[str, datetime]:
        if not self.folder.is_dir():
            return {}
        beats = {}
        for path in self.folder.iterdir():
            if not path.name.startswith(".tmp-"):
                beats[unquote(path.name)] = datetime.fromisoformat(path.read_text(encoding="utf-8").strip())
        return beats

    def forget(self, workers: Iterable[str]) -> None:
        for worker in workers:
            (self.folder / quote(worker, safe="")).unlink(missing_ok=True)


def heartbeat_store() -> HeartbeatStore:
    """The store for the current settings: Redis when REDIS_URL is set, else files."""
    if settings.REDIS_URL:
        return RedisHeartbeatStore(settings.REDIS_URL)
    return FileHeartbeatStore(Path(settings.CELERY_BROKER_DIR) / "heartbeats")
