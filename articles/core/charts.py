"""Chart geometry for the timeline's "pictures before prose": plain numbers, drawn as SVG by a template.

``activity_chart`` stacks updates per time bucket by outlet; ``voices_chart``
ranks people by number of claims, each with a strip of their claims over the
same buckets. Bucket width grows (1 h, 2 h, … 1 week) until the story fits in
``max_buckets`` bars; buckets start on whole hours/days in the story's zone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

BUCKET_HOURS = (1, 2, 3, 6, 12, 24, 48, 168)
WIDTH = 600
HEIGHT = 130
STRIP_HEIGHT = 14


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    group: int
    count: int


@dataclass(frozen=True, slots=True)
class Bar:
    start: datetime
    hours: int
    total: int
    x: float
    width: float
    rects: tuple[Rect, ...]
    # Invisible full-height target so a click anywhere in the column filters.
    hit_y: float = 0.0


@dataclass(frozen=True, slots=True)
class ActivityChart:
    groups: tuple[str, ...]
    bars: tuple[Bar, ...]
    hours: int
    max_total: int
    width: int = WIDTH
    height: int = HEIGHT


@dataclass(frozen=True, slots=True)
class Voice:
    key: str
    label: str
    count: int
    bar_width: float
    strip: tuple[Rect, ...]


@dataclass(frozen=True, slots=True)
class VoicesChart:
    voices: tuple[Voice, ...]
    width: int = WIDTH
    strip_height: int = STRIP_HEIGHT


def _floor(moment: datetime, hours: int, zone: tzinfo) -> datetime:
    local = moment.astimezone(zone)
    if hours >= 24:
        local = local.replace(hour=0)
        days = (hours // 24) if hours < 168 else 7
        local -= timedelta(days=(local.toordinal() % days) if days > 1 else 0)
    else:
        local = local.replace(hour=local.hour - local.hour % hours)
    return local.replace(minute=0, second=0, microsecond=0)


def bucket_plan(times: Sequence[datetime], zone: tzinfo, max_buckets: int = 48) -> tuple[int, list[datetime]]:
    """The bucket width in hours and the bucket starts covering ``times`` (oldest first)."""
    if not times:
        return 1, []
    first, last = min(times), max(times)
    for hours in BUCKET_HOURS:
        start = _floor(first, hours, zone)
        count = int((last - start) / timedelta(hours=hours)) + 1
        if count <= max_buckets or hours == BUCKET_HOURS[-1]:
            return hours, [start + timedelta(hours=hours * n) for n in range(count)]
    raise AssertionError("unreachable")


def _index(moment: datetime, starts: list[datetime], hours: int) -> int:
    return min(int((moment - starts[0]) / timedelta(hours=hours)), len(starts) - 1)


def activity_chart(points: Sequence[tuple[datetime, str]], zone: tzinfo, max_buckets: int = 48) -> ActivityChart:
    """Stacked bars of updates per bucket; ``points`` are (sort time, outlet name)."""
    hours, starts = bucket_plan([t for t, _ in points], zone, max_buckets)
    groups = tuple(name for name, _ in Counter(g for _, g in points).most_common())
    group_index = {name: n for n, name in enumerate(groups)}
    counts: list[Counter[int]] = [Counter() for _ in starts]
    for moment, group in points:
        counts[_index(moment, starts, hours)][group_index[group]] += 1
    max_total = max((sum(c.values()) for c in counts), default=0)
    step = WIDTH / max(len(starts), 1)
    bars = tuple(_bar(start, hours, counts[n], n * step, step, max_total) for n, start in enumerate(starts))
    return ActivityChart(groups=groups, bars=bars, hours=hours, max_total=max_total)


def _bar(start: datetime, hours: int, counts: Counter[int], x: float, step: float, max_total: int) -> Bar:
    width = max(step * 0.8, 1.0)
    rects: list[Rect] = []
    y = float(HEIGHT)
    for group in sorted(counts):
        height = HEIGHT * counts[group] / max_total if max_total else 0.0
        y -= height
        rects.append(Rect(round(x, 2), round(y, 2), round(width, 2), round(height, 2), group, counts[group]))
    return Bar(start, hours, sum(counts.values()), round(x, 2), round(width, 2), tuple(rects))


def voices_chart(
    points: Sequence[tuple[str, str, datetime]], zone: tzinfo, *, limit: int = 8, max_buckets: int = 48
) -> VoicesChart:
    """The ``limit`` people with most claims; ``points`` are (speaker key, label, time) per claim."""
    totals = Counter(key for key, _, _ in points)
    labels = {key: label for key, label, _ in points}
    hours, starts = bucket_plan([t for _, _, t in points], zone, max_buckets)
    per_bucket: dict[str, Counter[int]] = defaultdict(Counter)
    for key, _, moment in points:
        per_bucket[key][_index(moment, starts, hours)] += 1
    top = sorted(totals.items(), key=lambda item: (-item[1], labels[item[0]]))[:limit]
    most = top[0][1] if top else 0
    step = WIDTH / max(len(starts), 1)
    voices = []
    for key, count in top:
        peak = max(per_bucket[key].values())
        strip = tuple(
            Rect(
                round(n * step, 2),
                round(STRIP_HEIGHT * (1 - c / peak), 2),
                round(max(step * 0.8, 1.0), 2),
                round(STRIP_HEIGHT * c / peak, 2),
                0,
                c,
            )
            for n, c in sorted(per_bucket[key].items())
        )
        voices.append(Voice(key, labels[key], count, round(100 * count / most, 1), strip))
    return VoicesChart(voices=tuple(voices))
