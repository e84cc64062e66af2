"""Split an article into its timestamped sections ("Update vom …", "Erstmeldung …")."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from .types import Section, SectionKind

BERLIN = ZoneInfo("Europe/Berlin")
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januar", "jänner"),
            ("februar",),
            ("märz",),
            ("april",),
            ("mai",),
            ("juni",),
            ("juli",),
            ("august",),
            ("september",),
            ("oktober",),
            ("november",),
            ("dezember",),
        ],
        start=1,
    )
    for name in names
}
_MARKER = re.compile(
    r"^(?P<label>(?P<word>Update|Erstmeldung)\b[^:\n]{0,60}?(?:(?P<day>\d{1,2})\.\s*(?P<month>[A-Za-zäÄ]+))?"
    r"[^:\n]*?(?P<hour>\d{1,2})[.:](?P<minute>\d{2})\s*Uhr)\s*:\s*",
    re.MULTILINE,
)


def _timestamp(match: re.Match[str], published: datetime | None) -> datetime | None:
    month = MONTHS.get((match["month"] or "").lower())
    year = published.year if published else None
    if year is None:
        return None
    day = int(match["day"]) if match["day"] and month else (published.day if published else 1)
    month = month or (published.month if published else 1)
    return datetime(year, month, day, int(match["hour"]), int(match["minute"]), tzinfo=BERLIN)


def split_sections(text: str, *, body_start: int = 0, published: datetime | None = None) -> tuple[Section, ...]:
    """Return the lead (text before the first marker) and one section per marker."""
    markers = [m for m in _MARKER.finditer(text) if m.start() >= body_start]
    if not markers:
        return (Section(kind="body", start=body_start, end=len(text)),)
    sections: list[Section] = []
    if text[body_start : markers[0].start()].strip():
        sections.append(Section(kind="lead", start=body_start, end=markers[0].start()))
    for index, match in enumerate(markers):
        end = markers[index + 1].start() if index + 1 < len(markers) else len(text)
        kind: SectionKind = "update" if match["word"] == "Update" else "first_report"
        sections.append(
            Section(kind=kind, start=match.end(), end=end, label=match["label"], timestamp=_timestamp(match, published))
        )
    return tuple(sections)
