"""The header of a plain-text article: date line, headline, byline, captions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\s*(.*)$")
_BYLINE = re.compile(r"^\s*Von:\s*(.+?)\s*$")
_CREDIT = re.compile(r"©")
BERLIN = ZoneInfo("Europe/Berlin")


@dataclass(frozen=True, slots=True)
class Header:
    title: str | None
    authors: tuple[str, ...]
    published: datetime | None
    captions: tuple[str, ...]
    body_start: int


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for line in text.splitlines(keepends=True):
        out.append((offset, line.rstrip("\r\n")))
        offset += len(line)
    return out


def parse_header(text: str) -> Header:
    """Read the date line, headline, byline and image captions at the top."""
    lines = [(offset, line) for offset, line in _lines_with_offsets(text) if line.strip()]
    title, published, authors, captions = None, None, (), []
    body_start = 0
    index = 0
    if lines and (match := _DATE_LINE.match(lines[0][1])):
        year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
        published = datetime(year, month, day, tzinfo=BERLIN)
        title = match[4].strip() or None
        index = 1
    if title is None and index < len(lines):
        title = lines[index][1].strip()
        index += 1
    body_start = lines[index - 1][0] + len(lines[index - 1][1]) if index else 0
    for offset, line in lines[index : index + 3]:
        if byline := _BYLINE.match(line):
            authors = tuple(name.strip() for name in re.split(r",| und ", byline[1]) if name.strip())
            body_start = offset + len(line)
        elif _CREDIT.search(line):
            captions.append(line.split("©")[0].strip())
            body_start = offset + len(line)
    return Header(title, authors, published, tuple(captions), body_start)
