"""Tokens, sentences and verb-mood checks on plain text, with offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import simplemma

from .lexicon import KONJUNKTIV_I, KONJUNKTIV_II, NOT_KONJUNKTIV

_TOKEN = re.compile(r"\w+(?:[-’'.]\w+)*-?|[^\w\s]")
_ABBREVIATIONS = frozenset(
    [
        "z",
        "b",
        "u",
        "a",
        "bzw",
        "ca",
        "dr",
        "prof",
        "st",
        "nr",
        "vgl",
        "usw",
        "etc",
        "evtl",
        "ggf",
        "inkl",
        "mio",
        "mrd",
        "jh",
        "jhd",
        "sog",
        "s",
        "o",
        "d",
        "h",
        "min",
        "max",
        "abs",
        "art",
        "bd",
        "dipl",
        "ing",
        "med",
        "mag",
        "jr",
        "sr",
        "mr",
        "mrs",
        "ms",
        "gen",
        "lt",
        "hl",
        "str",
        "tel",
        "jan",
        "feb",
        "mär",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "okt",
        "nov",
        "dez",
        "no",
        "vs",
    ]
)
_BOUNDARY = re.compile(r"[.!?…]+[“”\"«»‘’')\]]*(?=\s+[„“\"»«‚‘(\[]?[A-ZÄÖÜ0-9])")
_OPEN_QUOTES = '„»«"‚“'


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, offset: int = 0, end: int | None = None) -> list[Token]:
    """Word and punctuation tokens of ``text[offset:end]`` with absolute offsets."""
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, offset, stop)]


def _is_abbreviation(text: str, dot: int) -> bool:
    match = re.search(r"(\w+)$", text[max(0, dot - 12) : dot])
    if not match:
        return False
    word = match.group(1)
    if word.isdigit():
        return len(word) < 4
    return len(word) == 1 or word.lower() in _ABBREVIATIONS


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (absolute, whitespace-trimmed) of ``text[start:end]``.

    Lines are hard boundaries; inside a line, a sentence ends at . ! ? (and any
    closing quote marks) followed by an upper-case word, unless the dot ends an
    abbreviation, an initial or a short number ("7. September").
    """
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[start:stop]):
        line_start = start + line.start()
        line_end = start + line.end()
        cursor = line_start
        for boundary in _BOUNDARY.finditer(text, line_start, line_end):
            if text[boundary.start()] == "." and boundary.group() == "." and _is_abbreviation(text, boundary.start()):
                continue
            _add(text, spans, cursor, boundary.end())
            cursor = boundary.end()
        _add(text, spans, cursor, line_end)
    return spans


def _add(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


@lru_cache(maxsize=65536)
def is_konjunktiv(word: str) -> bool:
    """True for a finite Konjunktiv I form ("sei", "komme", "benötige") of a German verb."""
    low = word.lower()
    if low in KONJUNKTIV_I:
        return True
    if low in NOT_KONJUNKTIV or not low.endswith("e") or len(low) < 4 or not word.islower():
        return False
    lemma = simplemma.lemmatize(low, lang="de")
    if lemma.endswith(("eln", "ern")) and low == lemma[:-3] + lemma[-2] + "e":
        return True  # "handle" (handeln), "ändre" (ändern)
    return lemma.endswith("en") and lemma[:-1] == low and lemma != low


def is_konjunktiv_ii(word: str) -> bool:
    return word.lower() in KONJUNKTIV_II
