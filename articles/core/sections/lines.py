"""Cut the body into lines and say what each line is, in the context of its neighbours.

A line is one of: blank, text, summary (an item of a key-events list: text,
never a heading), heading, marker, day (a day heading), caption, noise
(banners, buttons) or edit (an "Updated at …" note inside a block).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Literal

from . import patterns as p
from .markers import DateParts, Marker, parse_day_heading, parse_marker

LineKind = Literal["blank", "text", "summary", "heading", "marker", "day", "caption", "noise", "edit"]

MAX_HEADING_CHARS = 160
MAX_HEADING_WORDS = 22
# Bare clock times alone on a line ("14:05") count as ticker stamps only when a
# page has at least this many; one or two are video durations ("01:07").
MIN_BARE_STAMPS = 3
_VIDEO = re.compile(r"\b(?:Video|Videos|Play|Abspielen|Wiedergabe|Dauer|watch)\b", re.IGNORECASE)
# A heading has no final punctuation; a quoted sentence ("… alles Gute.“") is prose.
_HEADING_END = re.compile(r"(?:[.,;:]|[.,;:!?…][\"“”»«’'])\s*$")
_HEADING_START = re.compile(r"^[\W_]*[A-ZÄÖÜ0-9„»\"'‚]")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the body; ``start``/``end`` index the document text (end excludes the newline)."""

    start: int
    end: int
    text: str
    kind: LineKind = "text"
    marker: Marker | None = None
    day: DateParts | None = None

    @property
    def content_start(self) -> int:
        return self.start + len(self.text) - len(self.text.lstrip())


def split_lines(text: str, start: int, end: int) -> list[Line]:
    """The lines of ``text[start:end]`` with their offsets into ``text``."""
    lines = []
    offset = start
    for raw in text[start:end].splitlines(keepends=True):
        stripped = raw.rstrip("\r\n")
        lines.append(Line(offset, offset + len(stripped.rstrip()), stripped.rstrip()))
        offset += len(raw)
    return lines


def _classify(line: Line) -> Line:
    text = line.text
    if not text.strip():
        return replace(line, kind="blank")
    if p.CAPTION.search(text):
        return replace(line, kind="caption")
    if p.EDIT_NOTE.match(text):
        return replace(line, kind="edit")
    if p.BULLET.match(text):
        return line  # list items (a key-events summary) are never markers
    marker = parse_marker(text)
    if marker is False:
        return replace(line, kind="edit")
    if isinstance(marker, Marker):
        return replace(line, kind="marker", marker=marker)
    if day := parse_day_heading(text):
        return replace(line, kind="day", day=day)
    if p.NOISE.match(text):
        return replace(line, kind="noise")
    return line


def _demote(line: Line) -> Line:
    return replace(line, kind="summary", marker=None)


def _drop_bare_stamps(lines: list[Line]) -> list[Line]:
    """Keep bare times only in tickers that use them (several, none next to a video)."""
    bare = [i for i, line in enumerate(lines) if line.marker and line.marker.bare]
    near_video = any(_VIDEO.search(lines[j].text) for i in bare for j in range(max(0, i - 2), min(len(lines), i + 3)))
    if len(bare) >= MIN_BARE_STAMPS and not near_video:
        return lines
    for i in bare:
        lines[i] = replace(lines[i], kind="noise", marker=None)
    return lines


def _stamp_key(marker: Marker) -> tuple[int | None, int | None]:
    return marker.hour, marker.minute


def _drop_summary(lines: list[Line]) -> list[Line]:
    """A key-events list at the top repeats the times of entries below: it is no section.

    The list is the leading run of marker lines whose times all recur further
    down and that are short items followed directly by another marker (or sit
    under a "Key events"/"Das Wichtigste" heading); one such line is no list.
    """
    markers = [(i, line.marker) for i, line in enumerate(lines) if line.marker]
    remaining = Counter(_stamp_key(marker) for _, marker in markers)
    run: list[int] = []
    under_summary = False
    for i, marker in markers:
        key = _stamp_key(marker)
        remaining[key] -= 1
        under_summary = under_summary or _after_summary_heading(lines, i)
        item = len(lines[i].text.strip()) <= MAX_HEADING_CHARS and _next_content_is_marker(lines, i)
        if key[0] is None or remaining[key] <= 0 or not (item or under_summary):
            break
        run.append(i)
    if len(run) >= 2 or (run and under_summary):
        for i in run:
            lines[i] = _demote(lines[i])
    return lines


def _after_summary_heading(lines: list[Line], index: int) -> bool:
    return any(p.SUMMARY_HEADING.match(line.text) for line in lines[max(0, index - 3) : index])


def _next_content_is_marker(lines: list[Line], index: int) -> bool:
    """True when the next non-blank line is another marker: a list of stamps, not an entry with text."""
    following = next((line for line in lines[index + 1 :] if line.kind != "blank"), None)
    return following is not None and following.kind == "marker"


def is_heading_shape(text: str) -> bool:
    stripped = text.strip()
    return (
        2 < len(stripped) <= MAX_HEADING_CHARS
        and len(stripped.split()) <= MAX_HEADING_WORDS
        and not _HEADING_END.search(stripped)
        and bool(_HEADING_START.match(stripped))
        and not (stripped.startswith("(") and stripped.endswith(")"))
    )


def _mark_headings(lines: list[Line]) -> list[Line]:
    """A short line standing alone as a paragraph, without final punctuation, is a heading.

    It must introduce something: a line after the last text or marker is prose.
    """
    last = max((i for i, line in enumerate(lines) if line.kind in ("text", "summary", "marker")), default=-1)
    for i, line in enumerate(lines[:last]):
        if line.kind != "text" or not is_heading_shape(line.text):
            continue
        before = lines[i - 1].kind if i > 0 else "blank"
        after = lines[i + 1].kind if i + 1 < len(lines) else "blank"
        if before not in ("text", "summary") and after not in ("text", "summary"):
            lines[i] = replace(line, kind="heading")
    return lines


def classify_lines(text: str, start: int, end: int) -> list[Line]:
    """Lines of ``text[start:end]``, each classified, with context filters applied."""
    lines = [_classify(line) for line in split_lines(text, start, end)]
    lines = _drop_bare_stamps(lines)
    lines = _drop_summary(lines)
    return _mark_headings(lines)
