"""Shared pieces of per-section extraction: drafts of claims, sentences, mentions and frames applied."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from simplemma import is_known

from articles.core.types import ClaimType, Mention

from .addressees import addressee_phrase
from .frames import Frame, comma_clause_subject, find_frames
from .lexicon import (
    DETERMINERS,
)
from .names import role_split
from .passive import leading_document
from .phrases import Phrase, is_medium, np_forward
from .quotes import QuotePair
from .source_frames import domain_phrase
from .text import Token, is_konjunktiv, tokenize

END_PUNCT = ".!?;:…"


@dataclass(frozen=True, slots=True)
class Person:
    """A person (or organisation) named in the section, with where and how."""

    position: int
    name: str
    role: str | None = None
    spoke: bool = False


@dataclass(slots=True)
class Draft:
    """A claim under construction, in section-relative offsets."""

    type: ClaimType
    spans: list[tuple[int, int]]
    sentence: int
    speaker: Mention | None = None
    cue: Mention | None = None
    source: str | None = None
    addressee: Mention | None = None
    role: str | None = None
    name: str | None = None
    description: str | None = None
    apposition: str | None = None
    named_here: bool = False
    # The speaker comes from the quote's own position ("Name („…“)"); no frame or claim overrides it.
    pinned: bool = False


@dataclass(frozen=True, slots=True)
class SectionResult:
    drafts: tuple[Draft, ...]
    persons: tuple[Person, ...]


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    tokens: list[Token]
    quoted: list[bool]
    frames: list[Frame] = field(default_factory=list)


def make_sentence(
    text: str, start: int, end: int, quotes: Sequence[QuotePair], opens: Sequence[int] | None = None
) -> Sentence:
    """``opens``: the quotes' opening offsets, passed in by callers that build many sentences (a list per
    sentence made a section with 10,000 quotes quadratic)."""
    tokens = tokenize(text, start, end)
    if opens is None:
        opens = [q.open for q in quotes]  # quote pairs never overlap and come in text order
    quoted = []
    for token in tokens:
        k = bisect.bisect_right(opens, token.start) - 1
        quoted.append(k >= 0 and token.start < quotes[k].close)
    sent = Sentence(start, end, tokens, quoted)
    sent.frames = find_frames(tokens, quoted)
    return sent


def mention_of(text: str, tokens: Sequence[Token], phrase: Phrase | None) -> Mention | None:
    if phrase is None or phrase.last <= phrase.first:
        return None
    start, end = tokens[phrase.first].start, tokens[phrase.last - 1].end
    return Mention(text[start:end], start, end)


def cued_draft(
    text: str, tokens: Sequence[Token], index: int, span: tuple[int, int], *, cue: int, speaker: Phrase | None
) -> Draft:
    """An indirect claim of sentence ``index`` whose cue is the single token ``cue``."""
    draft = Draft("indirect", [span], index)
    draft.speaker = mention_of(text, tokens, speaker)
    draft.cue = mention_of(text, tokens, Phrase(cue, cue + 1))
    return draft


def cue_of(text: str, tokens: Sequence[Token], frame: Frame) -> Mention:
    start, end = tokens[frame.cue].start, tokens[frame.cue_end - 1].end
    return Mention(text[start:end], start, end)


def apply_frame(text: str, sent: Sentence, frame: Frame, draft: Draft) -> Draft:
    speaker = frame.speaker
    if speaker is None and frame.kind == "verb":
        speaker = comma_clause_subject(sent.tokens, frame.cue)
    draft.speaker = mention_of(text, sent.tokens, speaker)
    if draft.speaker is not None and draft.speaker.text.lower() == "es":
        # "In der Mitteilung heißt es": the document speaks; a bare "hieß es" names nobody.
        cue = sent.tokens[frame.cue].text.lower()
        fallback = None if cue.startswith(("heiß", "hieß", "geheiß")) else draft.speaker
        draft.speaker = _document_phrase(text, sent, frame.cue) or fallback
    draft.cue = cue_of(text, sent.tokens, frame)
    if frame.kind == "view":
        return draft  # "Seiner Meinung nach": the holder is all the frame says
    if frame.kind in ("laut", "nach") and draft.speaker is not None:
        draft.source = source_name(draft.speaker.text)
    elif frame.speaker is not None:
        draft.addressee = mention_of(text, sent.tokens, addressee_phrase(sent, frame))
        draft.source = _channel(text, sent, max(frame.speaker.last, frame.cue + 1))
        draft.apposition = apposition(text, sent, frame.speaker.last)
        draft.name = _name_apposition(sent, frame.speaker.last)
        if draft.name is not None and draft.speaker is not None:
            draft.role = strip_det(draft.speaker.text)
            draft.named_here = True
    return draft


def _name_apposition(sent: Sentence, j: int) -> str | None:
    """ "der Chef der Bundesagentur, Frank-Jürgen Weise, …": the name after a description."""
    tokens = sent.tokens
    if j + 2 >= len(tokens) or tokens[j].text != "," or tokens[j - 1].text[:1].isupper() is False:
        return None
    k = j + 1
    while k < len(tokens) and k - j <= 4 and tokens[k].is_cap and tokens[k].text.lower() not in DETERMINERS:
        k += 1
    if k - j < 3 or k >= len(tokens) or (tokens[k].text not in (",", ".", "(") and not tokens[k].text.islower()):
        return None
    return " ".join(t.text for t in tokens[j + 1 : k])


def _document_phrase(text: str, sent: Sentence, cue: int) -> Mention | None:
    """ "In der Mitteilung des WWF heißt es, …": the document speaks.

    Only the frame's own clause (between the commas around the cue) is searched, so a
    phrase inside the reported words ("…, die Brücke werde im Mai fertig") is never taken.
    """
    tokens = sent.tokens
    first = next((k + 1 for k in range(cue - 1, -1, -1) if tokens[k].text in (",", ":", ";")), 0)
    last = next((k for k in range(cue + 1, len(tokens)) if tokens[k].text in (",", ":", ";")), len(tokens))
    for k in range(first, min(last, len(tokens) - 1)):
        if tokens[k].text.lower() in ("in", "im", "bei", "beim", "auf", "aus", "von", "vom") and not sent.quoted[k]:
            return mention_of(text, tokens, np_forward(tokens, k + 1))
    return mention_of(text, tokens, leading_document(tokens, cue))


_ACCORDING_TO = re.compile(
    r"^(?:Angaben|Informationen|Aussagen|Auskunft|Darstellung)\s+(?:von\s+|vom\s+|des\s+|der\s+|eines\s+|einer\s+)?",
    re.I,
)


def source_name(words: str) -> str:
    """The outlet or body a claim came through: "Angaben der Feuerwehr" → "Feuerwehr"."""
    stripped = _ACCORDING_TO.sub("", words).strip().strip('„“"»«')
    return strip_det(stripped) if stripped else strip_det(words)


def strip_det(words: str) -> str:
    parts = words.split()
    return (
        " ".join(parts[1:])
        if len(parts) > 1
        and parts[0].lower()
        in ("der", "die", "das", "den", "dem", "des", "ein", "eine", "eines", "einem", "einer", "einen")
        else words
    )


def _channel(text: str, sent: Sentence, j: int) -> str | None:
    """ "gegenüber SRF", "zu SRF", "laut TASS", "der Bild-Zeitung", "sagte er Euronews" after the speaker."""
    tokens = sent.tokens
    for k in range(j, min(j + 8, len(tokens))):
        word = tokens[k].text.lower()
        if tokens[k].text in (",", ".", ":", "„", "»") or sent.quoted[k]:
            return None
        if word in ("gegenüber", "zu", "zum", "zur", "laut", "der", "dem", "the", "to") or (
            k == j and tokens[k].is_cap
        ):
            phrase = np_forward(tokens, k if k == j and tokens[k].is_cap else k + 1)
            if phrase is None and word == "laut":
                phrase = domain_phrase(tokens, k + 1)  # "laut „kasselnews.de“"
            if phrase is not None and (is_medium(tokens, phrase) or _acronym(tokens, phrase) or word == "laut"):
                return strip_det(text[tokens[phrase.first].start : tokens[phrase.last - 1].end]).strip('„“"»«')
            if phrase is not None and word in ("gegenüber", "zu") and k == j:
                return None
    return None


def _acronym(tokens: Sequence[Token], phrase: Phrase) -> bool:
    words = [t.text for t in tokens[phrase.first : phrase.last]]
    if any(len(w) >= 2 and w.isupper() for w in words):
        return True
    # One capitalised word is an outlet ("sagte er Euronews"), unless the dictionary knows it as a common
    # noun ("dem Minister", "der Stadtverwaltung"): then it is whom the speaker told, not a channel.
    return len(words) == 1 and not is_known(words[0].lower(), lang="de")


def sentence_of(sents: Sequence[Sentence], position: int) -> int:
    """Index of the sentence containing ``position`` (else the one before it)."""
    return max(0, bisect.bisect_right(sents, position, key=lambda sent: sent.start) - 1)


NOT_FINITE = frozenset(
    [
        "und",
        "oder",
        "aber",
        "sondern",
        "die",
        "der",
        "das",
        "den",
        "dem",
        "des",
        "denn",
        "weil",
        "wenn",
        "dass",
        "ob",
        "wie",
        "was",
        "als",
        "so",
        # Subordinators open a clause, they are no finite verb („…“, da ähnliche Bauten …).
        *("da", "obwohl", "während", "nachdem", "bevor", "falls", "sodass", "damit", "zumal", "indem"),
    ]
)


def first_verb(sent: Sentence, stop: int = 8) -> int | None:
    """The finite verb of a main clause: its first lower-case word that is no article, preposition or adjective."""
    previous = ""
    for i, token in enumerate(sent.tokens[:stop]):
        word = token.text
        adjective = previous in DETERMINERS and word.endswith(("e", "en", "er", "es", "em"))
        candidate = word.islower() and word not in NOT_FINITE and word not in DETERMINERS
        if i > 0 and candidate and word not in PREPOSITIONS and not sent.quoted[i] and not adjective:
            return i
        previous = word.lower()
    return None


PREPOSITIONS = frozenset(
    (
        *("in", "im", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach", "von", "vom", "vor", "zu", "zum"),
        *("zur", "für", "über", "unter", "durch", "gegen", "ohne", "um", "seit", "während", "wegen", "trotz", "laut"),
    )
)


def quoted_share(sent: Sentence, first: int, last: int) -> float:
    words = [i for i in range(first, last) if sent.tokens[i].text[0].isalnum()]
    if not words:
        return 1.0
    return sum(sent.quoted[i] for i in words) / len(words)


def token_span(sent: Sentence, first: int, last: int) -> tuple[int, int] | None:
    tokens = sent.tokens
    while first < last and tokens[first].text in ",–—-:":
        first += 1
    while last > first and tokens[last - 1].text in END_PUNCT + ",–—-":
        last -= 1
    if last <= first:
        return None
    return tokens[first].start, tokens[last - 1].end


def has_konjunktiv(sent: Sentence, first: int = 0, last: int | None = None) -> bool:
    stop = len(sent.tokens) if last is None else last
    for i in range(first, stop):
        if not sent.quoted[i] and is_konjunktiv(sent.tokens[i].text):
            if i > 0 and sent.tokens[i - 1].text.lower() == "ich":
                continue
            return True
    return False


def previous_claim(drafts: Sequence[Draft], index: int, reach: int = 2) -> Draft | None:
    for draft in reversed(drafts):
        if draft.sentence < index and draft.type != "free_indirect":
            return draft if index - draft.sentence <= reach and draft.speaker is not None else None
    return None


def apposition(text: str, sent: Sentence, j: int) -> str | None:
    tokens = sent.tokens
    if j >= len(tokens) - 2 or tokens[j].text != ",":
        return None
    for k in range(j + 1, min(j + 16, len(tokens))):
        if tokens[k].text == ",":
            words = [t.text for t in tokens[j + 1 : k]]
            role, _ = role_split(words[:2])
            if role is not None or (words and words[0].lower().endswith(ROLE_TAILS)):
                return text[tokens[j + 1].start : tokens[k - 1].end]
            return None
    return None


ROLE_TAILS = (
    "professor",
    "professorin",
    "wissenschaftler",
    "wissenschaftlerin",
    "experte",
    "expertin",
    "chef",
    "leiter",
)
