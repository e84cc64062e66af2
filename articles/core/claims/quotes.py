"""Quotation-mark pairs, and whether a quoted stretch reads as a whole quoted sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLOSERS = {"„": '“”"', "»": "«", "«": "»", "“": "”", '"': '"', "‚": "‘’"}
_MAX_QUOTE = 2500
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class QuotePair:
    """Quote marks at ``open`` and ``close - 1``; the content is ``text[open + 1 : close - 1]``."""

    open: int
    close: int

    def content(self, text: str) -> str:
        return text[self.open + 1 : self.close - 1]


def find_quotes(text: str) -> list[QuotePair]:
    """Outermost quote pairs of a text; nested ‚…‘ inside „…“ are skipped; a pair never spans a blank line."""
    pairs: list[QuotePair] = []
    i = 0
    while i < len(text):
        closers = _CLOSERS.get(text[i])
        if closers is None or (text[i] == "‚" and i + 1 < len(text) and text[i + 1].isspace()):
            i += 1
            continue
        end = _find_close(text, i, closers)
        if end is None:
            i += 1
            continue
        pairs.append(QuotePair(i, end + 1))
        i = end + 1
    return pairs


def _find_close(text: str, i: int, closers: str) -> int | None:
    """The closing mark for the opener at ``i`` within the paragraph (regex search: linear, C speed)."""
    limit = min(len(text), i + _MAX_QUOTE)
    pattern = _CLOSE_PATTERNS.setdefault(closers, re.compile("[" + re.escape(closers) + "]|\n\n"))
    start = i + 2  # a quote has at least one character
    while (found := pattern.search(text, start, limit)) is not None:
        if found.group() == "\n\n":
            return None
        j = found.start()
        if text[i] == "‚" and j + 1 < len(text) and text[j + 1].isalpha():
            start = j + 1  # an apostrophe inside a word
            continue
        return _outer_close(text, i, j, pattern, limit)
    return None


def _outer_close(text: str, i: int, j: int, pattern: re.Pattern[str], limit: int) -> int:
    """„A „B“ C“: a quote nested in the same marks closes at its own mark; the outer quote closes at the
    next one, provided it comes before a blank line or a new opener (else a mark was simply left open)."""
    if text[i] not in "„»" or text.find(text[i], i + 1, j) < 0:
        return j
    found = pattern.search(text, j + 1, limit)
    if found is None or found.group() == "\n\n" or text.find(text[i], j + 1, found.start()) >= 0:
        return j
    return found.start()


_CLOSE_PATTERNS: dict[str, re.Pattern[str]] = {}


def words(content: str) -> list[str]:
    return _WORD.findall(content)


SENTENCE_END = re.compile(r"(?:[a-zäöüß]{2}(?<!\bInc)(?<!\bLtd)(?<!\bCorp)|[A-ZÄÖÜ]{3}|[)\]])[.!?…]+$|[!?]$")
_SENTENCE_INSIDE = re.compile(r"[a-zäöüß]{2}[.!?]\s+\S")


def is_long(text: str, pair: QuotePair) -> bool:
    """Quoted speech even without a frame in its sentence: a whole sentence (or more) in quote marks.

    Long titles ("„Der Einsatz der Trümmerbahnen in Dresden“") sit inside a sentence with no
    closing punctuation of their own; quoted sentences end in . ! ? or open the sentence or
    follow a colon.
    """
    content = pair.content(text).strip()
    if SENTENCE_END.search(content) or _SENTENCE_INSIDE.search(content):
        return True
    before = text[max(0, pair.open - 3) : pair.open].rstrip()
    opens_sentence = not before or before[-1] in ".!?:\n"
    return len(words(content)) >= 6 and opens_sentence
