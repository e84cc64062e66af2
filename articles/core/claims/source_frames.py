"""Frames with no verb of saying: "laut X", "X zufolge", "nach Angaben von X", "seiner Meinung nach",
", so X", "wie X berichtete"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .frame import Frame
from .lexicon import ADVERBIAL_STARTS, AUXILIARIES, DETERMINERS, PRONOUNS, SOURCE_SUFFIXES, SPEECH_FORMS, WIE_VERBS
from .phrases import Phrase, np_forward, subject_after
from .text import Token, is_konjunktiv

_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}")


_LOWER_CASE_AGENCIES = frozenset(("dpa", "afp", "epd", "kna", "apa", "sda", "ddp", "dapd"))


def domain_phrase(tokens: Sequence[Token], j: int) -> Phrase | None:
    """ "laut kasselnews.de", "laut „kasselnews.de“", "laut dpa": a website or an agency written lower-case."""
    if j < len(tokens) and (_DOMAIN.fullmatch(tokens[j].text) or tokens[j].text in _LOWER_CASE_AGENCIES):
        return Phrase(j, j + 1)
    quoted = j + 2 < len(tokens) and tokens[j].text in ("„", '"', "»") and tokens[j + 2].text in ("“", '"', "«")
    return Phrase(j, j + 3) if quoted and _DOMAIN.fullmatch(tokens[j + 1].text) else None


def preposition_frame(tokens: Sequence[Token], i: int, kind: str, skip: int = 1) -> Frame | None:
    phrase = np_forward(tokens, i + skip) or domain_phrase(tokens, i + skip)
    if phrase is None and i == 0:
        phrase = up_to_finite_verb(tokens, i + skip)
    if phrase is None:
        return None
    return Frame(kind, i, phrase, i, phrase.last, cue_last=i + skip if skip > 1 else -1)


def zufolge_frame(tokens: Sequence[Token], i: int) -> Frame | None:
    for first in range(max(0, i - 10), i):
        phrase = np_forward(tokens, first)
        if phrase is not None and phrase.last == i and tokens[first].text.lower() not in ADVERBIAL_STARTS:
            return Frame("zufolge", i, phrase, first, i + 1)
    return None


_VIEWS = frozenset(("meinung", "ansicht", "auffassung", "einschätzung", "überzeugung", "darstellung"))
_POSSESSIVES = frozenset(("seiner", "ihrer", "deren", "dessen"))  # "meiner Meinung nach": the text's own voice


def view_before(tokens: Sequence[Token], i: int) -> bool:
    """ "Seiner Meinung nach", "ihrer Ansicht nach": the holder's view, postposed "nach"."""
    if tokens[i - 1].text.lower() not in _VIEWS or tokens[i - 2].text.lower() not in _POSSESSIVES:
        return False
    return i == 2 or tokens[i - 3].text.lower() not in DETERMINERS  # "die ihrer Meinung nach …e X": an attribute


def nach_frame(tokens: Sequence[Token], i: int) -> Frame | None:
    phrase = np_forward(tokens, i + 1)
    if phrase is None:
        return None
    heads = [t.text.lower() for t in tokens[phrase.first : phrase.last]]
    if not any(word.endswith(SOURCE_SUFFIXES) for word in heads[:4]):
        return None
    return Frame("nach", i, phrase, i, phrase.last)


def so_frame(tokens: Sequence[Token], i: int) -> Frame | None:
    if i + 1 < len(tokens) and tokens[i + 1].text.lower() in SPEECH_FORMS:
        speaker = subject_after(tokens, i + 1)
        if speaker is not None:
            return Frame("so", i + 1, speaker, i, speaker.last)
    phrase = np_forward(tokens, i + 1)
    if phrase is None:
        return None
    after = phrase.last
    if (
        after < len(tokens)
        and tokens[after].text not in (".", ",", "!", "?", ";", "–", ")")
        and not _tail_ok(tokens, after)
    ):
        return None
    return Frame("so", i, phrase, i, phrase.last)


def _tail_ok(tokens: Sequence[Token], j: int) -> bool:
    """After "so X" only a short tail may follow: "so Frank gegenüber SRF."."""
    if tokens[j].text.lower() in ("gegenüber", "zu", "am", "im", "in", "laut", "weiter", "zudem", "auf"):
        return True
    tail = tokens[j : j + 3]
    return bool(tail) and tail[0].text.islower() and any(t.text in (".", "!", "?", ",") for t in tail[1:])


def wie_frame(tokens: Sequence[Token], i: int) -> Frame | None:
    """ "Wie X (, Apposition,) berichtete, …" or "…, wie X mitteilte.": the frame runs to the comma after the verb."""
    for k in range(i + 2, min(i + 30, len(tokens))):
        word = tokens[k].text
        if word in (".", "!", "?", ";", ":"):
            return None
        if word.islower() and (word in WIE_VERBS or word in SPEECH_FORMS):
            end = k + 1
            while end < len(tokens) and tokens[end].text.islower() and end - k < 3:
                end += 1  # "zitiert wird", "mitgeteilt hatte"
            if end < len(tokens) and tokens[end].text == ",":
                end += 1
            # "wie schon X", "wie sich X ausdrückte": the subject comes after the particle or "sich".
            first = i + 2 if tokens[i + 1].text.lower() in ("schon", "auch", "bereits", "zuvor", "sich") else i + 1
            # A subject the phrase finder cannot parse ("t-online.de", "Dr. X aus dem Team") is still
            # everything between "wie" and its verb; "wie gestern bekannt wurde" names nobody.
            phrase = np_forward(tokens, first) or (Phrase(first, k) if k > first else None)
            word = tokens[first].text
            source = word in DETERMINERS or word in PRONOUNS or word in ("aus", "von", "vom", "seitens") or "." in word
            if word.islower() and not source:
                phrase = np_forward(tokens, first)  # "wie gestern bekannt wurde" names nobody
                return Frame("wie", k, phrase, i, end)
            return None if phrase is None else Frame("wie", k, phrase, i, end)
    return None


def up_to_finite_verb(tokens: Sequence[Token], start: int) -> Phrase | None:
    """ "Laut einer am Dienstag veröffentlichten Mitteilung des WFP wurden …": everything before the verb."""
    seen_cap = False
    for k in range(start, min(start + 14, len(tokens))):
        word = tokens[k].text
        if word in (",", ".", ":", ";"):
            return None
        if tokens[k].is_cap:
            seen_cap = True
        elif seen_cap and (word in AUXILIARIES or is_konjunktiv(word) or word.endswith(("te", "ten"))):
            return Phrase(start, k) if k > start else None
    return None
