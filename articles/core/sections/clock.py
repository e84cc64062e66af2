"""Resolve marker times to aware datetimes.

The date of a marker comes from the marker itself, else from the last dated
marker or day heading above it, else from ``published``. Markers above the
first dated one take their date from it, walking upwards. A run of clock times
that crosses midnight moves to the next or previous day: in a newest-first
ticker a later clock time *below* an earlier one means the day changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from itertools import pairwise
from typing import Literal

from .markers import DateParts, Marker

Direction = Literal["newest_first", "oldest_first"]
Event = Marker | DateParts

# Clock times out of order by less than this are a sloppy ticker, not a new day.
SLACK_MINUTES = 60
ONE_DAY = timedelta(days=1)
# Entries dated only by ``published`` that would all lie this far after it are from the day before.
FUTURE_SLACK = timedelta(hours=6)


@dataclass(frozen=True, slots=True)
class ClockContext:
    """What the whole page tells about dates: ``published`` and the default zone."""

    zone: tzinfo
    published: datetime | None = None


def _minutes(marker: Marker) -> int | None:
    if marker.hour is None:
        return None
    return marker.hour * 60 + (marker.minute or 0)


def direction_of(events: Sequence[Event]) -> Direction:
    """Newest-first unless most consecutive clock times go up."""
    times = [m for e in events if isinstance(e, Marker) and (m := _minutes(e)) is not None]
    ups = sum(1 for a, b in pairwise(times) if b > a)
    downs = sum(1 for a, b in pairwise(times) if b < a)
    return "oldest_first" if ups > downs else "newest_first"


def resolve_date(parts: DateParts, reference: date | None) -> date | None:
    """The calendar date of ``parts``; a missing year is the one closest to ``reference``."""
    years = (
        [parts.year] if parts.year else ([reference.year - 1, reference.year, reference.year + 1] if reference else [])
    )
    candidates = []
    for year in years:
        try:
            candidates.append(date(year, parts.month, parts.day))
        except ValueError:
            continue
    if not candidates:
        return None
    if reference is None:
        return candidates[0]
    return min(candidates, key=lambda day: abs((day - reference).days))


def _date_of(event: Event) -> DateParts | None:
    return event if isinstance(event, DateParts) else event.date


def _stamp(day: date | None, marker: Marker, zone: tzinfo) -> datetime | None:
    """The marker's moment; a date-only marker is midnight, a marker with neither date nor time has none."""
    if day is None or (marker.hour is None and marker.date is None):
        return None
    zone = _zone_of(marker, zone)
    return datetime(day.year, day.month, day.day, marker.hour or 0, marker.minute or 0, tzinfo=zone)


def _zone_of(marker: Marker, default: tzinfo) -> tzinfo:
    if marker.zone is None:
        return default
    from zoneinfo import ZoneInfo

    return ZoneInfo(marker.zone)


def _step(day: date, previous: int | None, current: int | None, sign: int) -> date:
    """Move ``day`` when the clock jumps the wrong way; ``sign`` +1 for a later day, -1 for an earlier one."""
    if previous is None or current is None:
        return day
    if sign < 0 and current > previous + SLACK_MINUTES:
        return day - ONE_DAY
    if sign > 0 and current < previous - SLACK_MINUTES:
        return day + ONE_DAY
    return day


@dataclass(slots=True)
class _Walk:
    day: date | None
    clock: int | None = None


def _forward(events: Sequence[Event], start: int, walk: _Walk, sign: int, ctx: ClockContext) -> dict[int, datetime]:
    """Resolve events[start:] top to bottom; ``sign`` is the day change a backwards clock jump means."""
    out: dict[int, datetime] = {}
    for index in range(start, len(events)):
        event = events[index]
        parts = _date_of(event)
        if parts is not None:
            walk.day = resolve_date(parts, walk.day or _published_day(ctx)) or walk.day
            walk.clock = _minutes(event) if isinstance(event, Marker) else None
        elif isinstance(event, Marker) and walk.day is not None:
            current = _minutes(event)
            walk.day = _step(walk.day, walk.clock, current, sign)
            walk.clock = current if current is not None else walk.clock
        if isinstance(event, Marker) and (stamp := _stamp(walk.day, event, ctx.zone)):
            out[index] = stamp
    return out


def _backward(events: Sequence[Event], stop: int, walk: _Walk, sign: int, ctx: ClockContext) -> dict[int, datetime]:
    """Resolve events[:stop] bottom to top, starting from the first dated event at ``stop``."""
    out: dict[int, datetime] = {}
    for index in range(stop - 1, -1, -1):
        event = events[index]
        if not isinstance(event, Marker) or walk.day is None:
            continue
        current = _minutes(event)
        walk.day = _step(walk.day, walk.clock, current, sign)
        walk.clock = current if current is not None else walk.clock
        if stamp := _stamp(walk.day, event, ctx.zone):
            out[index] = stamp
    return out


def _published_day(ctx: ClockContext) -> date | None:
    if ctx.published is None:
        return None
    published = ctx.published.astimezone(ctx.zone) if ctx.published.tzinfo else ctx.published
    return published.date()


def _is_midnight(moment: datetime) -> bool:
    return (moment.hour, moment.minute, moment.second) == (0, 0, 0)


def _from_published(events: Sequence[Event], sign: int, ctx: ClockContext) -> dict[int, datetime]:
    """Resolve a page with no dated marker from the published day, placed at the top entry.

    ``published`` may be the first publication or the latest change. Only when
    every entry would lie hours after it (a ticker fetched just after midnight
    whose entries are all from the evening before) does the run start a day earlier.
    """
    day = _published_day(ctx)
    found = _forward(events, 0, _Walk(day), sign, ctx)
    published = ctx.published
    if day is None or published is None or published.tzinfo is None or _is_midnight(published):
        return found  # a bare date (or a month) says nothing about the clock
    if found and min(found.values()) > published + FUTURE_SLACK:
        return _forward(events, 0, _Walk(day - ONE_DAY), sign, ctx)
    return found


def resolve_timestamps(events: Sequence[Event], ctx: ClockContext) -> list[datetime | None]:
    """One aware datetime (or None) per event; day headings get None."""
    newest_first = direction_of(events) == "newest_first"
    # Walking down a newest-first page, a clock jump upwards means an earlier day.
    down_sign, up_sign = (-1, 1) if newest_first else (1, -1)
    first_dated = next((i for i, e in enumerate(events) if _date_of(e) is not None), None)
    if first_dated is None:
        found = _from_published(events, down_sign, ctx)
    else:
        found = _forward(events, first_dated, _Walk(None), down_sign, ctx)
        anchor = found.get(first_dated)
        first = events[first_dated]
        walk = _Walk(
            anchor.date() if anchor else resolve_date(_date_of(first) or DateParts(1, 1), _published_day(ctx)),
            _minutes(first) if isinstance(first, Marker) else None,
        )
        found.update(_backward(events, first_dated, walk, up_sign, ctx))
    return [found.get(i) for i in range(len(events))]
