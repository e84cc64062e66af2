"""Whom a claim was told to: "sagte er dem Minister", "erklärte sie gegenüber SRF", "Gegenüber der Presse
sagte X". The addressee is a phrase of the frame's own clause, never part of the reported words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .frames import Frame, person_like
from .lexicon import CALENDAR_WORDS, ROLE_SUFFIXES
from .phrases import Phrase, is_medium, np_forward
from .text import Token

if TYPE_CHECKING:
    from .drafts import Sentence  # drafts applies frames and imports this module

# Words that end the frame's clause: the addressee is never searched past them.
_CLAUSE_ENDS = frozenset((",", ".", ":", ";", "„", "»", "“", '"', "(", "–", "—"))
_PREPOSITIONS = frozenset(("gegenüber", "zu", "zum", "zur", "an", "to"))  # "appellierte an X"
# "sagte vor Journalisten"; "warnte vor X", "stellt sich vor X" name a topic or a stance.
_BEFORE_AUDIENCE = ("sag", "erklär", "sprach", "sprech", "äußer", "bericht", "betont", "kündigt")
_DATIVES = frozenset(("dem", "der", "den", "einem", "einer"))
# A dative phrase followed by these is a source or a time, not a listener: "dem Bericht zufolge".
_NOT_AFTER = frozenset(("zufolge", "nach", "gemäß", "entsprechend"))
_REACH = 8
_TIME_PREPOSITIONS = frozenset(("am", "im", "seit", "bis"))
_OTHER_PREPOSITIONS = frozenset(
    (
        *("in", "auf", "aus", "mit", "über", "von", "vom", "für", "gegen", "nach", "bei", "beim", "unter"),
        *("durch", "wegen", "um", "wie", "als", "ins", "ans", "aufs", "im", "am", "laut", "seit", "bis"),
    )
)
_TIMES = CALENDAR_WORDS | frozenset(("abend", "morgen", "mittag", "vormittag", "nachmittag", "sonntagabend"))
# Verbs whose accusative object is the one addressed: "forderte die SPD auf", "warnte die Stadt".
_ADDRESSING_VERBS = ("forder", "warn", "bat", "bitt", "rief", "ruf", "mahnt", "ermahn", "informier")
# Verbs whose dative or accusative object is what is judged or quoted, not who is told.
_OBJECT_VERBS = ("zitier", "nenn", "nann", "bezeichn", "würdig", "kritisier", "beschreib", "beschrieb", "lob")


def addressee_phrase(sent: Sentence, frame: Frame) -> Phrase | None:
    """The addressee of a verb frame, or None.

    Searched after the speaker (or the cue, when the speaker comes first) up to the clause's end,
    and at the clause's start for a fronted "Gegenüber X". Only a phrase that can listen counts:
    a person, a role, an organisation or a medium.
    """
    if frame.kind not in ("verb", "so") or frame.speaker is None:
        return None  # with no speaker found, a phrase after the verb may well be the subject
    after = max(frame.speaker.last, frame.cue + 1)
    if sent.tokens[frame.cue].text.lower() in ("told", "tells", "tell"):
        return _english_object(sent.tokens, after)
    found = _after_frame(sent, after, frame)
    return found if found is not None else _fronted(sent, frame)


def _after_frame(sent: Sentence, start: int, frame: Frame) -> Phrase | None:
    """The first phrase after the frame decides: a listener, or (an object, a place, a time) nobody."""
    tokens = sent.tokens
    if tokens[frame.cue].text.lower().startswith(_OBJECT_VERBS):
        return None  # "zitiert X den Minister", "nannte den Plan …": the object is no listener
    k = start
    while k < min(start + _REACH, len(tokens)):
        word = tokens[k].text.lower()
        if tokens[k].text in _CLAUSE_ENDS or sent.quoted[k]:
            return None
        interview = _interview_partner(tokens, k)
        if interview is not None:
            return interview
        accusative = word in ("die", "den") and tokens[frame.cue].text.lower().startswith(_ADDRESSING_VERBS)
        audience = word == "vor" and tokens[frame.cue].text.lower().startswith(_BEFORE_AUDIENCE)
        if word in _PREPOSITIONS or word in _DATIVES or accusative or audience or (k == start and tokens[k].is_cap):
            phrase = _listener_at(tokens, k)
            return None if phrase is None or _inside(frame, phrase) else phrase
        if word in _TIME_PREPOSITIONS and k + 1 < len(tokens) and tokens[k + 1].text.lower() in _TIMES:
            k += 2  # "sagte er am Montag der Zeitung"
            continue
        if word in ("in", "im") and k + 2 < len(tokens) and tokens[k + 1].is_cap and not tokens[k + 2].is_cap:
            k += 2  # a place: "sagte er in Kassel vor Journalisten"
            continue
        if word in _TIMES:
            k += 1  # "sagte heute Abend gegenüber der Presse"
            continue
        if not word.isalpha() or word != tokens[k].text or word in _OTHER_PREPOSITIONS:
            return None  # a noun, a name or another preposition comes first
        k += 1  # an adverb: "sagte er heute der Zeitung"
    return None


def _english_object(tokens: Sequence[Token], k: int) -> Phrase | None:
    """ "told reporters", "told the BBC": the object of "tell" is whom the speaker told."""
    if k >= len(tokens):
        return None
    phrase = np_forward(tokens, k)
    if phrase is None and tokens[k].text.isalpha() and tokens[k].text.islower():
        phrase = Phrase(k, k + 1)  # a bare plural: "reporters", "journalists"
    return phrase if phrase is not None and _can_listen(tokens, phrase) else None


def _fronted(sent: Sentence, frame: Frame) -> Phrase | None:
    """ "Gegenüber der Zeitung sagte X, …": the addressee opens the frame's clause, before the cue."""
    tokens = sent.tokens
    start = next((k + 1 for k in range(frame.cue - 1, -1, -1) if tokens[k].text in _CLAUSE_ENDS), 0)
    if start < frame.cue and tokens[start].text.lower() == "gegenüber":
        phrase = np_forward(tokens, start + 1, genitive=True)
        if phrase is not None and phrase.last <= frame.cue and _can_listen(tokens, phrase):
            return phrase
    return None


def _listener_at(tokens: Sequence[Token], k: int) -> Phrase | None:
    word = tokens[k].text.lower()
    phrase = np_forward(tokens, k + 1) if word in _PREPOSITIONS or word == "vor" else np_forward(tokens, k)
    if phrase is not None and word == "den" and not tokens[phrase.last - 1].text.endswith("n"):
        return None  # "den Minister" is an accusative object; "den Journalisten" a dative plural
    if (
        phrase is not None
        and word == "der"
        and any(_masculine_role(t.text) for t in tokens[phrase.first : phrase.last])
    ):
        return None  # "erklärte der Landesvorsitzende X": the subject, not a listener
    if phrase is None or (phrase.last < len(tokens) and tokens[phrase.last].text.lower() in _NOT_AFTER):
        return None
    return phrase if _can_listen(tokens, phrase) else None


def _masculine_role(word: str) -> bool:
    low = word.lower()
    return (low.endswith(ROLE_SUFFIXES) and not low.endswith(("in", "innen"))) or low.endswith("vorsitzende")


def _can_listen(tokens: Sequence[Token], phrase: Phrase) -> bool:
    acronym = any(len(t.text) >= 2 and t.text.isupper() for t in tokens[phrase.first : phrase.last])
    head = tokens[phrase.last - 1].text.lower()
    audience = any(stem in head for stem in _AUDIENCES)
    return acronym or audience or is_medium(tokens, phrase) or person_like(tokens, phrase)


# Bodies and groups one speaks to besides those ``person_like`` knows: "warf der Stadtverwaltung vor",
# "sagte er vor Journalisten".
_AUDIENCES = (
    *("verwaltung", "stadt", "gemeinde", "bahn", "union", "öffentlichkeit", "bevölkerung", "leitung", "führung"),
    *("journalist", "reporter", "abgeordnet", "mitarbeiter", "anhänger", "zuhörer", "teilnehmer", "delegiert"),
    *("bürger", "kunden", "mitglieder", "wähler", "schüler", "eltern", "press", "crowd"),
)


_TALKS = frozenset(("interview", "gespräch", "telefonat", "telefongespräch", "fernsehinterview", "radiointerview"))


def _interview_partner(tokens: Sequence[Token], k: int) -> Phrase | None:
    """ "sagte er in einem Interview mit der „Zeit“": the interviewer is the addressee."""
    if tokens[k].text.lower() not in ("in", "im", "einem"):
        return None
    for m in range(k + 1, min(k + 5, len(tokens) - 1)):
        if tokens[m].text.lower() in _TALKS and tokens[m + 1].text.lower() == "mit":
            phrase = np_forward(tokens, m + 2)
            return phrase if phrase is not None and _can_listen(tokens, phrase) else None
    return None


def _inside(frame: Frame, phrase: Phrase) -> bool:
    speaker = frame.speaker
    return speaker is not None and speaker.first <= phrase.first < speaker.last
