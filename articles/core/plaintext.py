"""The header and footer of a plain-text article.

Header: an optional ``date YYYY-MM[-DD]`` line (with the headline on the same
line or the next), a headline, a byline (``Von: Bona Hyun``, ``By …``), a
date line (``Stand: 07.09.2023, 15:05 Uhr``) and image captions with their
credits (``Caption. © Valery Melnikov/TASS``). Footer: a closing author or
agency line (``(Bona Hyun)``, ``(dpa)``). The body is what lies between; its
first paragraphs before any update marker are the teaser (the ``lead`` section).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from .sections.markers import parse_marker

BERLIN = ZoneInfo("Europe/Berlin")
Precision = Literal["none", "month", "day", "time"]

MAX_TITLE_CHARS = 250
MAX_TITLE_WORDS = 30
MAX_KICKER_WORDS = 3
# How many lines after the headline may still be byline, date or caption lines.
HEADER_WINDOW = 5

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\b\s*(.*)$")
_BYLINE = re.compile(r"^\s*(?:Von:?|By:?|Autor(?:in)?:)\s+(?P<names>[A-ZÄÖÜ][^\n]{1,120}?)\s*$")
# "Von Lena Albrecht | 14.03.2026, 16:05 Uhr": the names end at a bar or a date.
_BYLINE_TAIL = re.compile(r"\s*(?:[|·•]|\s[-–—]\s|,?\s*\d{1,2}\.\s?\d{1,2}\.)")
_NAME = r"[A-ZÄÖÜ][\w'’.-]+(?:\s+(?:von\s+|van\s+|de\s+)?[A-ZÄÖÜ][\w'’.-]+){1,3}"
_NAMES = re.compile(rf"^{_NAME}(?:\s*(?:,|und|and|&)\s*{_NAME})*$")
_STAMP_LINE = re.compile(
    r"^\s*(?:(?:Stand|Veröffentlicht|Erstellt|Aktualisiert|Zuletzt aktualisiert|Published|Updated)(?:\s+am)?:?\s*)?"
    r"(?:\w+,\s*)?"
    r"(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.\s?(?P<year>\d{4})"
    r"(?:,?\s*(?:um\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*(?:Uhr)?)?\s*$"
)
_CAPTION = re.compile(r"^(?P<caption>.*?)\s*(?:©|\(?(?:Foto|Fotos|Bild|Photograph|Photo)\s*:)\s*(?P<credit>.*?)\)?\s*$")
_CLOSING = re.compile(r"\(\s*(?P<inner>[^()\n]{2,80}?)\s*\)\s*$")
_AGENCIES = re.compile(r"^(?:mit Material (?:von|der|des)\s+)?(?:[A-Za-zÄÖÜäöü]{2,8}(?:\s*[/,]\s*|$))+$")


@dataclass(frozen=True, slots=True)
class Header:
    """What surrounds the body; ``body_start``/``body_end`` delimit it in the text."""

    title: str | None
    authors: tuple[str, ...]
    published: datetime | None
    captions: tuple[str, ...]
    body_start: int
    body_end: int
    credits: tuple[str, ...] = ()
    precision: Precision = "none"


def _lines(text: str) -> list[tuple[int, str]]:
    """Non-blank lines with their offsets (trailing spaces and line ends stripped)."""
    out, offset = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            out.append((offset, line.rstrip()))
        offset += len(line)
    return out


def _is_headline(line: str, has_more: bool) -> bool:
    stripped = line.strip()
    return (
        has_more
        and parse_marker(stripped) is None  # "Update, 12.51 Uhr: Kurz" opens a section, it is no title
        and len(stripped) <= MAX_TITLE_CHARS
        and len(stripped.split()) <= MAX_TITLE_WORDS
        and not stripped.endswith((".", ":", ","))
    )


def _is_kicker(line: str) -> bool:
    """A word or two above or below the headline ("Liveticker", "Hochwasser"): header, if a header line follows."""
    stripped = line.strip()
    return len(stripped.split()) <= MAX_KICKER_WORDS and not stripped.endswith((".", ":", "!", "?"))


def split_names(names: str) -> tuple[str, ...]:
    """``A, B und C`` → (A, B, C); drops agency suffixes such as ``dpa``."""
    parts = re.split(r"\s*(?:,|\bund\b|\band\b|&|/)\s*", names)
    return tuple(part.strip() for part in parts if re.fullmatch(_NAME, part.strip()))


def _published(match: re.Match[str]) -> tuple[datetime | None, Precision]:
    try:
        if match["hour"]:
            stamp = datetime(int(match["year"]), int(match["month"]), int(match["day"]), int(match["hour"]))
            return stamp.replace(minute=int(match["minute"]), tzinfo=BERLIN), "time"
        return datetime(int(match["year"]), int(match["month"]), int(match["day"]), tzinfo=BERLIN), "day"
    except ValueError:
        return None, "none"


@dataclass(slots=True)
class _HeaderState:
    title: str | None = None
    published: datetime | None = None
    precision: Precision = "none"
    authors: tuple[str, ...] = ()
    body_start: int = 0


def _date_line(lines: list[tuple[int, str]], state: _HeaderState) -> int:
    """Read a leading ``date YYYY-MM`` line; returns how many lines it used."""
    match = _DATE_LINE.match(lines[0][1]) if lines else None
    if match is None:
        return 0
    try:
        state.published = datetime(int(match[1]), int(match[2]), int(match[3] or 1), tzinfo=BERLIN)
        state.precision = "day" if match[3] else "month"
    except ValueError:
        pass
    state.title = match[4].strip() or None
    state.body_start = lines[0][0] + len(lines[0][1])
    return 1


def _header_line(line: str, state: _HeaderState, captions: list[str], credits: list[str]) -> bool:
    """Consume one byline, date or caption line; False when the body begins."""
    if (byline := _BYLINE.match(line)) and (names := split_names(_BYLINE_TAIL.split(byline["names"])[0])):
        state.authors = names
    elif stamp := _STAMP_LINE.match(line):
        if state.precision in ("none", "month"):  # the first and most precise date wins
            state.published, state.precision = _published(stamp)
    elif "©" in line or re.match(r"^\s*\(?(?:Foto|Bild|Photograph|Photo)\s*:", line):
        caption, credit = split_caption(line)
        captions.append(caption)
        credits.append(credit)
    else:
        return False
    return True


def split_caption(line: str) -> tuple[str, str]:
    """``Caption. © Credit`` → (caption, credit); credit is empty when none is given."""
    match = _CAPTION.match(line.strip())
    if match is None:
        return line.strip(), ""
    return match["caption"].strip(), match["credit"].strip()


def _closing(text: str, body_start: int) -> tuple[int, tuple[str, ...]]:
    """Where a closing ``(Bona Hyun)`` / ``(dpa)`` starts, and the person names in it."""
    stripped = text.rstrip()
    match = _CLOSING.search(stripped, body_start)
    if match is None:
        return len(stripped), ()
    inner = match["inner"].strip()
    if _NAMES.match(inner) or _AGENCIES.match(inner):
        return len(stripped[: match.start()].rstrip()), split_names(inner)
    return len(stripped), ()


def parse_header(text: str, *, title_line: bool = True) -> Header:
    """Read the headline, byline, date and captions at the top and the closing byline at the end.

    With ``title_line=False`` the first line is never taken for the headline.
    """
    lines = _lines(text)
    state = _HeaderState()
    index = _date_line(lines, state)
    at_headline = title_line and state.title is None and index < len(lines)
    if at_headline and _is_headline(lines[index][1], index + 1 < len(lines)):
        state.title = lines[index][1].strip()
        state.body_start = lines[index][0] + len(lines[index][1])
        index += 1
    captions: list[str] = []
    credits: list[str] = []
    for offset, line in lines[index : index + HEADER_WINDOW]:
        if _header_line(line, state, captions, credits):
            state.body_start = offset + len(line)
        elif not _is_kicker(line):
            break
    body_end, closing_authors = _closing(text, state.body_start)
    return Header(
        title=state.title,
        authors=state.authors or closing_authors,
        published=state.published,
        captions=tuple(captions),
        body_start=state.body_start,
        body_end=max(body_end, state.body_start),
        credits=tuple(credits),
        precision=state.precision,
    )
