"""robots.txt: fetched once per origin through the same door, cached, obeyed (RFC 9309)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from django.core.cache import cache

from .errors import FetchError

ROBOTS_TTL = 3600
UNREACHABLE_TTL = 300
ROBOTS_MAX_BYTES = 512 * 1024
PRODUCT_TOKEN = "Storyline"
# What the cache holds per origin: ("rules", text), or (error kind, reason) when unreachable.
RobotsState = tuple[str, str]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _load(origin: str, get_text: Callable[[str], str]) -> RobotsState:
    try:
        return ("rules", get_text(f"{origin}/robots.txt"))
    except FetchError as error:
        if error.kind == "http" and error.status is not None and 400 <= error.status < 500:
            return ("rules", "")  # RFC 9309: "unavailable" means no restrictions
        if error.kind == "too_large":
            return ("rules", "")
        # A server error means "disallow all" (blocked); a network failure is retried like any other.
        return ("network" if error.retryable else "blocked", str(error))


def check_robots(url: str, *, get_text: Callable[[str], str]) -> None:
    """Raise FetchError(kind="blocked") if the origin's robots.txt disallows ``url`` for Storyline.

    A robots.txt answering 5xx counts as "disallow all" for a few minutes, as
    RFC 9309 asks; one that cannot be reached at all is a (retryable) network
    error. Either way the feed or article backoff tries again.
    """
    origin = _origin(url)
    key = "storyline:robots:" + hashlib.sha1(origin.encode()).hexdigest()
    state: RobotsState | None = cache.get(key)
    if state is None:
        state = _load(origin, get_text)
        if state[0] != "network":  # a network failure is not remembered: the retry asks again
            cache.set(key, state, ROBOTS_TTL if state[0] == "rules" else UNREACHABLE_TTL)
    kind, payload = state
    if kind == "network":
        raise FetchError("network", f"robots.txt of {origin} unreachable ({payload})", url=url)
    if kind == "blocked":
        raise FetchError("blocked", f"robots.txt of {origin} unreachable ({payload})", url=url)
    parser = RobotFileParser()
    parser.parse(payload.splitlines())
    if not parser.can_fetch(PRODUCT_TOKEN, url):
        raise FetchError("blocked", f"robots.txt of {origin} disallows this URL", url=url)
