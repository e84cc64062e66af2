"""A small per-process memo: bounded, least recently used dropped first, entries optionally expiring.

Web processes keep a few hot things (story rows, stamps, facts, whole pages)
here to spare a round trip to the database or the shared cache. Each process
has its own copy; nothing here is shared or persisted.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class LocalMemo(Generic[K, V]):
    """At most ``size`` entries; ``get`` returns None for a missing or expired key."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._entries: OrderedDict[K, tuple[float, V]] = OrderedDict()

    def get(self, key: K) -> V | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry[0] <= time.monotonic():
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return entry[1]

    def put(self, key: K, value: V, *, ttl: float = math.inf) -> None:
        """Remember ``value`` for ``ttl`` seconds (for good by default), dropping the oldest entries past the size."""
        self._entries[key] = (time.monotonic() + ttl, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()
