"""Reads: the Celery workers' last heartbeats (for `ingeststatus` and operators)."""

from __future__ import annotations

from articles.heartbeats import heartbeat_store


def worker_heartbeats() -> list[dict[str, str]]:
    """Every known worker and when it last reported, as ``[{"worker": name, "last_seen": iso}]``.

    Sorted by worker name; ``last_seen`` is ISO 8601 in UTC. A worker appears once it has
    started (celery sends its first heartbeat at start-up) and stays until forgotten.
    """
    beats = heartbeat_store().read()
    return [{"worker": name, "last_seen": beats[name].isoformat()} for name in sorted(beats)]
