"""Per-host politeness: at most N requests at once and a minimum gap between requests to one host.

Shared across worker processes through Redis when REDIS_URL is set (a lease
per request, expiring on its own if a worker dies); a process-local fallback
otherwise (one worker process in development).
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from .errors import FetchError

# KEYS: slots (zset token -> lease expiry ms), next (earliest next start ms).
# ARGV: max concurrent, gap ms, lease ms, token. Returns 0 when acquired, else ms to wait.
_ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 25 end
local nxt = tonumber(redis.call('GET', KEYS[2]) or '0')
if nxt > now then return nxt - now end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[4])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
if tonumber(ARGV[2]) > 0 then redis.call('SET', KEYS[2], now + tonumber(ARGV[2]), 'PX', tonumber(ARGV[2])) end
return 0
"""


@dataclass
class _LocalHost:
    active: int = 0
    next_start: float = 0.0
    lock: threading.Condition = field(default_factory=threading.Condition)


_local_hosts: dict[str, _LocalHost] = {}
_local_guard = threading.Lock()
_redis: dict[str, Any] = {}


def _redis_client() -> Any:
    url = settings.REDIS_URL
    if url not in _redis:
        import redis

        _redis.clear()
        _redis[url] = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)
    return _redis[url]


def _lease_ms() -> int:
    total = float(getattr(settings, "STORYLINE_FETCH_TOTAL_TIMEOUT", 60))
    return int((total + 10) * 1000)


@contextmanager
def _redis_slot(host: str, *, limit: int, gap: float, wait_max: float) -> Iterator[None]:
    client = _redis_client()
    keys = [f"storyline:host:{host}:slots", f"storyline:host:{host}:next"]
    token = uuid.uuid4().hex
    deadline = time.monotonic() + wait_max
    while True:
        wait_ms = int(client.eval(_ACQUIRE, 2, *keys, limit, int(gap * 1000), _lease_ms(), token))
        if wait_ms <= 0:
            break
        if time.monotonic() + wait_ms / 1000 > deadline:
            raise FetchError("busy", f"{host}: politeness slots taken for over {wait_max:.0f}s", url=host)
        time.sleep(max(wait_ms, 5) / 1000)
    try:
        yield
    finally:
        client.zrem(keys[0], token)


@contextmanager
def _local_slot(host: str, *, limit: int, gap: float, wait_max: float) -> Iterator[None]:
    with _local_guard:
        state = _local_hosts.setdefault(host, _LocalHost())
    deadline = time.monotonic() + wait_max
    with state.lock:
        while True:
            now = time.monotonic()
            if state.active < limit and now >= state.next_start:
                break
            wait = max(state.next_start - now, 0.01)
            if now + wait > deadline:
                raise FetchError("busy", f"{host}: politeness slots taken for over {wait_max:.0f}s", url=host)
            state.lock.wait(timeout=wait)
        state.active += 1
        state.next_start = now + gap
    try:
        yield
    finally:
        with state.lock:
            state.active -= 1
            state.lock.notify_all()


@contextmanager
def host_slot(host: str) -> Iterator[None]:
    """Hold one of the host's request slots, waiting for a free one and for the minimum gap."""
    limit = max(int(settings.STORYLINE_HOST_MAX_CONCURRENCY), 1)
    gap = max(float(settings.STORYLINE_HOST_MIN_GAP), 0.0)
    wait_max = float(getattr(settings, "STORYLINE_HOST_WAIT_MAX", 60))
    slot = _redis_slot if settings.REDIS_URL else _local_slot
    with slot(host.lower(), limit=limit, gap=gap, wait_max=wait_max):
        yield
