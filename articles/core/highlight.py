"""Cut an update's text into paragraphs of plain and claim segments, for highlighting.

The renderer escapes every segment's text and only then wraps claim segments
in markup, so no ingested character ever reaches the page unescaped. Offsets
that do not fit the text (stale or corrupt rows) are dropped, never trusted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_OPENING_QUOTES = "„‚“‘«»\"'"
_CLOSING_QUOTES = "“‘”’»«\"'"


@dataclass(frozen=True, slots=True)
class ClaimSpans:
    """Where claim number ``index`` sits in the text: ``spans`` if interrupted, else ``start``..``end``."""

    index: int
    start: int
    end: int
    spans: tuple[tuple[int, int], ...] = ()
    direct: bool = False


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text; ``claim`` is the index of the claim it belongs to, ``last`` marks its final piece."""

    text: str
    claim: int | None = None
    last: bool = False
    quoted: bool = False


def _is_quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1] in _OPENING_QUOTES and text[end] in _CLOSING_QUOTES


def _intervals(text: str, claims: Sequence[ClaimSpans]) -> list[tuple[int, int, int, bool]]:
    """Valid, non-overlapping (start, end, claim index, quoted) intervals in text order."""
    found: list[tuple[int, int, int, bool]] = []
    for claim in claims:
        for start, end in claim.spans or ((claim.start, claim.end),):
            if not 0 <= start < end <= len(text):
                continue
            quoted = False
            if _is_quoted(text, start, end) and claim.direct:
                start, end, quoted = start - 1, end + 1, True
            found.append((start, end, claim.index, quoted))
    found.sort()
    kept: list[tuple[int, int, int, bool]] = []
    for interval in found:
        if not kept or interval[0] >= kept[-1][1]:
            kept.append(interval)
    return kept


def _segments(text: str, claims: Sequence[ClaimSpans]) -> list[Segment]:
    intervals = _intervals(text, claims)
    last_piece = {claim: index for index, (_, _, claim, _) in enumerate(intervals)}
    segments: list[Segment] = []
    position = 0
    for number, (start, end, claim, quoted) in enumerate(intervals):
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], claim, last_piece[claim] == number, quoted))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


def paragraphs(text: str, claims: Sequence[ClaimSpans] = ()) -> tuple[tuple[Segment, ...], ...]:
    """The text as paragraphs (split at blank lines) of segments; a claim crossing a break is cut in two."""
    result: list[list[Segment]] = [[]]
    for segment in _segments(text, claims):
        pieces = _PARAGRAPH_BREAK.split(segment.text)
        for number, piece in enumerate(pieces):
            if number > 0:
                result.append([])
            if piece:
                is_last = segment.last and number == len(pieces) - 1
                result[-1].append(Segment(piece, segment.claim, is_last, segment.quoted and len(pieces) == 1))
    return tuple(tuple(p) for p in result if any(s.text.strip() for s in p))
