"""When to poll a feed or re-check an article next: pure policy, in seconds.

Feeds: their own interval, never sooner than the server asks (Cache-Control
max-age, RSS ``<ttl>``, Retry-After), exponential backoff on failure capped
at the longest interval, and never giving up. Live articles: re-checked by
activity, fast while they change, slower as they go quiet, not at all once
quiet for long enough.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_MAX_AGE = re.compile(r"(?:^|,)\s*(?:s-maxage|max-age)\s*=\s*\"?(\d+)", re.IGNORECASE)
_NO_CACHE = re.compile(r"(?:^|,)\s*(?:no-store|no-cache)\b", re.IGNORECASE)


def backoff_delay(*, interval: float, failures: int, longest: float) -> float:
    """``interval`` doubled per consecutive failure, capped at ``longest`` (and at least ``interval``)."""
    if failures <= 0:
        return float(interval)
    return float(min(max(interval * 2 ** min(failures, 30), interval), max(longest, interval)))


def cache_max_age(header: str | None) -> int | None:
    """Seconds from a Cache-Control header (``s-maxage`` or ``max-age``); None without one or with no-cache."""
    if not header or _NO_CACHE.search(header):
        return None
    ages = [int(value) for value in _MAX_AGE.findall(header)]
    return max(ages) if ages else None


def retry_after(header: str | None, *, now: datetime) -> int | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date); None if absent or unreadable."""
    if not header:
        return None
    value = header.strip()
    if value.isdigit():
        return int(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(int((when - now).total_seconds()), 0)


def next_feed_delay(
    *,
    interval: float,
    longest: float,
    failures: int = 0,
    max_age: int | None = None,
    ttl_minutes: int | None = None,
    retry_after_seconds: int | None = None,
) -> float:
    """Seconds until a feed's next poll.

    A healthy feed waits its interval, or longer when the server's max-age or
    the feed's ``<ttl>`` ask for it; a failing one backs off exponentially.
    Everything is capped at ``longest`` so a feed is never given up on, except
    Retry-After, which is honoured up to a day.
    """
    delay = backoff_delay(interval=interval, failures=failures, longest=longest)
    if failures == 0:
        hints = [value for value in (max_age, (ttl_minutes or 0) * 60) if value]
        delay = min(max([delay, *hints]), max(longest, interval))
    if retry_after_seconds:
        delay = max(delay, min(float(retry_after_seconds), 24 * 3600.0))
    return float(delay)


def recheck_delay(*, quiet_for: float, steps: Sequence[tuple[float, float]], stop_after: float) -> float | None:
    """Seconds until a live article's next re-check, None to stop tracking it.

    ``quiet_for`` is how long ago it last changed; ``steps`` are
    (changed within seconds, re-check every seconds), shortest first.
    """
    if quiet_for >= stop_after:
        return None
    for within, every in steps:
        if quiet_for < within:
            return float(every)
    return float(steps[-1][1]) if steps else None
