"""Writes: a Celery worker records that it is alive."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from articles.heartbeats import heartbeat_store


def worker_heartbeat_record(*, worker: str, now: datetime | None = None) -> None:
    """Store ``now`` as ``worker``'s last heartbeat and forget workers silent for STORYLINE_HEARTBEAT_FORGET_AFTER.

    Forgetting keeps the list to live and recently lost workers after containers are scaled down
    or renamed; a worker that comes back simply reappears.
    """
    now = now or timezone.now()
    store = heartbeat_store()
    store.write(worker, now)
    cutoff = now - timedelta(seconds=settings.STORYLINE_HEARTBEAT_FORGET_AFTER)
    store.forget(name for name, seen in store.read().items() if seen < cutoff)
