"""Recognise one line as an update marker, a ticker time stamp or a day heading.

Each parser looks at a single line (no context); ``lines`` decides which
candidates survive in their surroundings (summary lists, video durations).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from articles.core.types import SectionKind

from . import patterns as p


@dataclass(frozen=True, slots=True)
class DateParts:
    """A calendar date as written; ``year`` is None when the marker leaves it out."""

    day: int
    month: int
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Marker:
    """A marker found at the start of a line; offsets are relative to that line."""

    kind: SectionKind
    label: str
    label_start: int
    text_start: int
    date: DateParts | None = None
    hour: int | None = None
    minute: int | None = None
    zone: str | None = None
    bare: bool = False
    banner: bool = False

    @property
    def has_time(self) -> bool:
        return self.hour is not None


def _year(value: str | None) -> int | None:
    if not value:
        return None
    year = int(value)
    return year + 2000 if year < 100 else year


def date_from(match: re.Match[str]) -> DateParts | None:
    """The date in a match of DATE_TEXT/DATE_NUM (either spelling), if it is a real calendar day."""
    groups = match.groupdict()
    if groups.get("day") and groups.get("month_name"):
        day, month = int(groups["day"]), p.MONTHS[groups["month_name"].rstrip(".").lower()]
        year = _year(groups.get("year"))
    elif groups.get("nday") and groups.get("nmonth"):
        day, month, year = int(groups["nday"]), int(groups["nmonth"]), _year(groups.get("nyear"))
    else:
        return None
    return DateParts(day, month, year) if 1 <= day <= 31 and 1 <= month <= 12 else None


def _descriptor_parts(desc: str) -> tuple[DateParts | None, int | None, int | None]:
    """Date and clock time written in a marker's descriptor (" vom 7. September, 15.05 Uhr")."""
    date = None
    if match := p.DATE_IN_DESCRIPTOR.search(desc):
        date = date_from(match)
        desc = desc[: match.start()] + " " * (match.end() - match.start()) + desc[match.end() :]
    time = p.TIME_IN_DESCRIPTOR.search(desc)
    if time is None:
        return date, None, None
    hour = int(time["hour"] or time["bhour"])
    minute = int(time["minute"] or time["bminute"] or 0)
    if hour > 24 or minute > 59:
        return date, None, None
    return date, hour % 24, minute


def _text_start(line: str, end: int) -> int:
    """Where the section text begins after a marker ending at ``end``: past spaces."""
    while end < len(line) and line[end].isspace():
        end += 1
    return end


def _label(line: str, start: int, end: int) -> str:
    return line[start:end].strip().rstrip(",(").strip()


def parse_german(line: str) -> Marker | None:
    """``Update vom 7. September, 15.05 Uhr:``, ``Erstmeldung:``, ``+++ Update vom 24. Juli +++`` …"""
    match = p.GERMAN_MARKER.match(line)
    if match is None:
        return None
    date, hour, minute = _descriptor_parts(match["desc"])
    rest = line[match.end() :].strip()
    if match["update"] and date is None and hour is None:
        return None  # "Update für Windows …": the word alone is no marker.
    if not match["sep"] and rest and "Uhr" not in match["desc"]:
        return None
    kind: SectionKind = "update" if match["update"] else "first_report"
    return _marker(line, match, kind, date, hour, minute)


def parse_ticker(line: str) -> Marker | None:
    """Ticker stamps without the word Update: ``02:28 Uhr: …``, ``21:25 Uhr | …``, ``15:40 Uhr Headline``."""
    match = p.TICKER_MARKER.match(line)
    if match is None:
        return None
    date, hour, minute = _descriptor_parts(match["desc"])
    rest = line[match.end() :].strip()
    if hour is None or (rest and not match["sep"] and not re.search(r"[.:]\d{2}\s*Uhr$", match["desc"])):
        return None  # "15 Uhr ist Anpfiff." is prose, "15:40 Uhr Headline" a stamp.
    return _marker(line, match, "entry", date, hour, minute)


def _marker(
    line: str,
    match: re.Match[str],
    kind: SectionKind,
    date: DateParts | None,
    hour: int | None,
    minute: int | None,
) -> Marker:
    """The Marker of a matched "Update …" / "Erstmeldung …" / ticker line: label, text start, banner."""
    label_start = match.end("banner") if match["banner"] else 0
    return Marker(
        kind=kind,
        label=_label(line, label_start, match.end("desc")),
        label_start=label_start,
        text_start=_text_start(line, match.end()),
        date=date,
        hour=hour,
        minute=minute,
        banner=bool(match["banner"]),
    )


def parse_banner_time(line: str) -> Marker | None:
    """``+++ 14:05 Pegel steigt weiter +++``: a banner opened by a clock time is a ticker entry."""
    match = p.BANNER_TIME.match(line)
    if match is None or int(match["hour"]) > 23:
        return None
    label_end = match.end("sep") - 1 if match["sep"] else match.end()
    return Marker(
        kind="entry",
        label=line[3:label_end].strip(),
        label_start=3 + len(line[3:]) - len(line[3:].lstrip()),
        text_start=match.end(),
        hour=int(match["hour"]),
        minute=int(match["minute"]),
        banner=True,
    )


def _twelve_hour(hour: int, ampm: str | None) -> int:
    if ampm is None:
        return hour
    return hour % 12 + (12 if ampm.lower() == "p" else 0)


def parse_english(line: str) -> Marker | bool | None:
    """``12.50 BST``, ``UPDATE: 12:51 a.m.``, ``6:30 p.m.``, ``[Posted at 2:51 p.m.]``.

    Returns False for an edit note (``Updated at 12.36 BST``): part of the block above, not a marker.
    """
    match = p.ENGLISH_MARKER.match(line)
    if match is None or not (match["ampm"] or match["zone"] or match["word"]):
        return None
    word = (match["word"] or "").lower()
    if word == "updated":
        return False
    rest = line[match.end() :].strip()
    if rest and not (match["sep"] or match["zone"] or word):
        return None
    hour, minute = _twelve_hour(int(match["hour"]), match["ampm"]), int(match["minute"])
    if hour > 23 or minute > 59:
        return None
    label_start = match.end("open") if match["open"] else 0
    first = word.split(" ")[0] in ("initial", "first", "original")  # "Initial report, 9:40 a.m.:"
    return Marker(
        kind="first_report" if first else "update" if word == "update" else "entry",
        label=line[label_start : match.end()].strip().strip("[]:|–- ").strip(),
        label_start=label_start,
        text_start=_text_start(line, match.end()),
        date=_english_date(match),
        hour=hour,
        minute=minute,
        zone=p.ZONES.get(match["zone"] or ""),
    )


def _english_date(match: re.Match[str]) -> DateParts | None:
    """``July 18``, ``18 July 2024``, ``Nov. 6`` in an English marker or day heading."""
    name = match["month_name"] or match["month_name2"]
    day = match["day"] or match["day2"]
    if not (name and day) or not 1 <= int(day) <= 31:
        return None
    return DateParts(int(day), p.MONTHS[name.rstrip(".").lower()], _year(match["year"]))


def parse_bare_time(line: str) -> Marker | None:
    """A clock time alone on its line (``14:05``): a stamp in tickers, a video duration elsewhere."""
    match = p.BARE_TIME_LINE.match(line)
    if match is None or int(match["hour"]) > 23:
        return None
    return Marker(
        kind="entry",
        label=line.strip(),
        label_start=len(line) - len(line.lstrip()),
        text_start=len(line),
        hour=int(match["hour"]),
        minute=int(match["minute"]),
        bare=True,
    )


def parse_day_heading(line: str) -> DateParts | None:
    """``Donnerstag, 18. 7.``, ``Freitag, 19. Juli 2024``, ``Thursday 18 July``: dates the entries below."""
    stripped = line.strip()
    if match := p.DAY_HEADING_DE.match(stripped):
        return date_from(match)
    if match := p.DAY_HEADING_EN.match(stripped):
        return _english_date(match)
    return None


def parse_marker(line: str) -> Marker | bool | None:
    """The marker at the start of ``line`` (leading spaces allowed), False for an edit note, else None."""
    indent = len(line) - len(line.lstrip())
    body = line[indent:]
    for parser in (parse_german, parse_ticker, parse_banner_time, parse_english, parse_bare_time):
        found = parser(body)
        if found is False:
            return False
        if isinstance(found, Marker):
            return _shift(found, indent)
    return None


def _shift(marker: Marker, indent: int) -> Marker:
    if not indent:
        return marker
    return replace(marker, label_start=marker.label_start + indent, text_start=marker.text_start + indent)
