"""Noun phrases around cue words: who speaks, through which outlet, in what role."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from simplemma import is_known, lemmatize

from .lexicon import (
    ACCUSATIVE_DETERMINERS,
    ADVERBIAL_STARTS,
    AGENT_SUFFIXES,
    AUXILIARIES,
    CALENDAR_WORDS,
    DETERMINERS,
    MEDIA_WORDS,
    NAME_PARTICLES,
    NP_STOPS,
    PRONOUNS,
)
from .text import Token

GENITIVE_LINKS = frozenset(
    ("der", "des", "eines", "einer", "von", "vom", "für", "in", "aus", "bei", "im", "am", "beim", "zum", "zur")
)
_DATIVE = frozenset(["dem", "ihm", "ihr", "ihnen", "einem"])


@dataclass(frozen=True, slots=True)
class Phrase:
    """Tokens ``[first, last)`` of a sentence's token list."""

    first: int
    last: int


@lru_cache(maxsize=16384)
def adverb_like(word: str) -> bool:
    """A capitalised word that is an adverb or adjective written at a sentence start ("Ursprünglich")."""
    if not word[:1].isupper() or word.lower() in PRONOUNS or word.lower() in DETERMINERS:
        return False
    low = word.lower()
    if low.endswith("end") and len(low) > 6:
        return True
    lemma = lemmatize(word, lang="de")
    # An inflected verb form written capitalised at a sentence start is a noun ("Vertraute").
    return is_known(low, lang="de") and lemma.islower() and (lemma == low or not lemma.endswith("en"))


def _is_adjective(token: Token) -> bool:
    low = token.text
    if not low.islower() or low in NP_STOPS or low in DETERMINERS or low in AUXILIARIES:
        return False
    return low.endswith(("e", "en", "er", "es", "em"))


def _is_name_part(token: Token) -> bool:
    if "." in token.text and token.text[-1].isalpha():
        return True  # a domain: "faz.net"
    if token.text.islower() is False and "-" in token.text and token.text[:1].islower():
        return True  # a lower-case name part before a capital: "el-Baradei", "ai-Bericht"
    if "-" in token.text and token.text.islower() and len(token.text) <= 5:
        return True  # a short lower-case brand: "n-tv"
    return token.is_cap and token.text.lower() not in ADVERBIAL_STARTS


def _skip_parenthesis(tokens: Sequence[Token], j: int) -> int:
    if j < len(tokens) and tokens[j].text == "(":
        for k in range(j + 1, min(j + 8, len(tokens))):
            if tokens[k].text == ")":
                return k + 1
    return j


_TITLES = frozenset(("Dr", "Prof", "Dipl", "Ing", "Mag", "Dres"))


def _caps(tokens: Sequence[Token], j: int) -> int:
    start = j
    while j < len(tokens):
        token = tokens[j]
        if token.text in _TITLES and j + 2 < len(tokens) and tokens[j + 1].text == "." and tokens[j + 2].is_cap:
            j += 2  # "Dr. Hannah Lemberg", "Prof. Dr. Jan Ott": the title's point is no end
        elif _is_name_part(token):
            j += 1
        elif token.text in NAME_PARTICLES and j > start and j + 1 < len(tokens) and tokens[j + 1].is_cap:
            if token.text in ("der", "den") and j + 1 < len(tokens):
                break
            j += 1
        else:
            break
    return j


def np_forward(tokens: Sequence[Token], i: int, *, genitive: bool = True) -> Phrase | None:
    """The noun phrase starting at token ``i``: a pronoun, a name, or a description."""
    if i >= len(tokens):
        return None
    called = i > 0 and tokens[i - 1].text.lower() == "als"  # "als „Fest“ bezeichnet": a term, no name
    if tokens[i].text in ("„", "»") and i + 1 < len(tokens) and tokens[i + 1].is_cap and not called:
        end = _skip_quoted_name(tokens, i)  # „Radio Nord“ berichtet: a name in quote marks
        inner = tokens[i + 1 : end - 1]
        if end == i or len(inner) > 4 or not all(t.is_cap or t.text in _NAME_SMALL_WORDS for t in inner):
            return None  # „Frieden schaffen ohne Waffen“: a slogan, not a name
        return Phrase(i, _genitive_chain(tokens, end) if genitive else end)
    if adverb_like(tokens[i].text):
        adjective = tokens[i].text.lower().endswith(("e", "en", "er", "es", "em"))
        if adjective and i + 1 < len(tokens) and tokens[i + 1].is_cap and not adverb_like(tokens[i + 1].text):
            return _adjective_start(tokens, i, genitive)  # "Internationale Medien"
        return None
    possessive = tokens[i].text.lower() == "ihr" and i + 1 < len(tokens) and tokens[i + 1].is_cap
    if tokens[i].text.lower() in PRONOUNS and not possessive:
        return Phrase(i, i + 1)
    j = i
    if tokens[j].text.lower() in DETERMINERS:
        j += 1
    adjectives = 0
    while j < len(tokens) and _is_adjective(tokens[j]) and adjectives < 3:
        j += 1
        adjectives += 1
    end = _caps(tokens, _skip_quoted_name(tokens, j) if j > i else j)
    if end == j:
        return None
    end = _skip_quoted_name(tokens, end)
    end = _skip_parenthesis(tokens, end)
    if genitive:
        end = _genitive_chain(tokens, end)
    return Phrase(i, end)


_NAME_SMALL_WORDS = frozenset(("ohne", "für", "und", "der", "die", "das", "des", "von", "vom", "im", "in", "am", "zur"))


def _skip_quoted_name(tokens: Sequence[Token], j: int) -> int:
    """A name in quote marks inside a phrase: die „Süddeutsche Zeitung“, die Wochenzeitung „Die Zeit“."""
    if j + 1 < len(tokens) and tokens[j].text in ("„", "»", '"', "“") and _name_can_start(tokens, j):
        for k in range(j + 1, min(j + 9, len(tokens))):
            if tokens[k].text in ("“", "«", '"', "”"):
                return k + 1 if k > j + 1 else j
    return j


# Short media names ("ard", "tv") only as whole words: "Reinhard" is no broadcaster.
_MEDIA_SUFFIXES = tuple(m for m in MEDIA_WORDS if len(m) >= 5)
_MEDIA_NOUNS = (*_MEDIA_SUFFIXES, "blatt", "portal", "dienst")


def _name_can_start(tokens: Sequence[Token], j: int) -> bool:
    """A lower-case start („mit großer Sorge“) is quoted wording after the phrase, not part of a name,
    unless a medium introduces it ("des Magazins „profil“")."""
    if tokens[j + 1].is_cap:
        return True
    before = tokens[j - 1].text.lower() if j > 0 else ""
    return any(noun in before for noun in _MEDIA_NOUNS)


def _adjective_start(tokens: Sequence[Token], i: int, genitive: bool) -> Phrase | None:
    end = _caps(tokens, i + 1)
    if end == i + 1:
        return None
    return Phrase(i, _genitive_chain(tokens, end) if genitive else end)


_TEMPORAL = CALENDAR_WORDS | frozenset(
    (
        *("jahr", "monat", "woche", "tag", "abend", "morgen", "nachmittag", "vormittag"),
        *("interview", "gespräch", "rahmen", "anschluss", "vorfeld", "verlauf", "namen", "frage"),
    )
)


def _genitive_chain(tokens: Sequence[Token], end: int) -> int:
    for _ in range(4):
        if end < len(tokens) and tokens[end].text in GENITIVE_LINKS:
            inner = np_forward(tokens, end + 1, genitive=False)
            if inner is None or tokens[end + 1].text.lower() in PRONOUNS:
                break
            if tokens[inner.last - 1].text.lower() in _TEMPORAL or tokens[end].text in ("am", "zum", "zur"):
                break  # "am Montag", "im Mai", "im Interview" say when, not who
            if _dative_medium_after_name(tokens, end, inner):
                break  # "sagte Veit der Zeitung X": told the paper; "der Sprecher der Zeitung" stays one phrase
            end = _skip_parenthesis(tokens, inner.last)
        else:
            break
    return end


def _dative_medium_after_name(tokens: Sequence[Token], link: int, inner: Phrase) -> bool:
    before = tokens[link - 1].text
    if tokens[link].text not in ("der", "dem") or not before[:1].isupper() or before.lower() in DETERMINERS:
        return False
    quoted_name = tokens[inner.first].text in ("„", "»", '"')  # "sagte Lukas Veit der „Morgenpost“"
    return not before.lower().endswith(AGENT_SUFFIXES) and (quoted_name or is_medium(tokens, inner))


_NP_INTERNAL = (
    DETERMINERS
    | NAME_PARTICLES
    | GENITIVE_LINKS
    | frozenset(["ohne", "und", "für", "mit", "im", "am", "zum", "zur", "vom", "zu"])
)


def first_constituent(tokens: Sequence[Token], verb: int, clause_start: int) -> Phrase | None:
    """Everything before the verb when the verb is the clause's first real lower-case word (German V2)."""
    first = tokens[clause_start].text.lower() if verb > clause_start else ""
    if not first or first in ADVERBIAL_STARTS or first in ACCUSATIVE_DETERMINERS:
        return None
    if adverb_like(tokens[clause_start].text):
        return None
    if not tokens[clause_start].is_cap:
        return None
    previous = ""
    previous_adjective = False
    quoted = False
    for k in range(clause_start, verb):
        word = tokens[k].text
        if word in ("„", "“", "»", "«", '"'):
            quoted = word in ("„", "»") or (word == '"' and not quoted)
            continue
        internal = (
            quoted
            or word in _NP_INTERNAL
            # An adjective follows a determiner or another adjective, never a noun ("Die Beobachter monieren").
            or (_is_adjective(tokens[k]) and (previous in DETERMINERS or previous_adjective))
        )
        if word.islower() and not internal:
            return None
        previous = word.lower()
        previous_adjective = word.islower() and word.endswith(("e", "en", "er", "es"))
    last = verb
    while last > clause_start and tokens[last - 1].text in (",", "–"):
        last -= 1
    return Phrase(clause_start, last) if verb - clause_start <= 25 else None


FOCUS = frozenset(
    (
        *("auch", "selbst", "sogar", "nur", "bereits", "schon", "ebenfalls", "gerade", "aber", "und", "doch"),
        *("denn", "einzig", "lediglich", "insbesondere", "sowohl"),
    )
)


def subject_before(tokens: Sequence[Token], verb: int, clause_start: int) -> Phrase | None:
    """A subject filling the clause from ``clause_start`` up to the verb (with appositions)."""
    if clause_start + 1 < verb and tokens[clause_start].text.lower() in FOCUS:
        clause_start += 1  # "Auch der Minister sagte …"
    phrase = _subject_phrase(tokens, verb, clause_start) or first_constituent(tokens, verb, clause_start)
    if phrase is None or adverbial_phrase(tokens, phrase) or _unbalanced_quotes(tokens, phrase):
        return None
    return phrase


def _unbalanced_quotes(tokens: Sequence[Token], phrase: Phrase) -> bool:
    """The tail of a quotation the sentence splitter cut off („… Kopf. Der Künstler“, schrieb X) is no subject."""
    marks = [t.text for t in tokens[phrase.first : phrase.last] if t.text in ("„", "“", "»", "«", "”")]
    return sum(m in ("„", "»") for m in marks) * 2 != len(marks)


_TIME_HEADS = frozenset(("ende", "anfang", "mitte", "tage", "zeit", "weiteren", "jahres", "monats"))


def adverbial_phrase(tokens: Sequence[Token], phrase: Phrase) -> bool:
    """A fronted adverbial, not a subject: "Des Weiteren", "Ende Januar 2006", "Seiner Zeit", "dieser Tage"."""
    words = [t.text.lower() for t in tokens[phrase.first : phrase.last]]
    if words[0] == "des" or words[0] in _TIME_HEADS:
        return True
    head = words[-1]
    return head in _TEMPORAL or head in _TIME_HEADS or head.isdigit()


def _subject_phrase(tokens: Sequence[Token], verb: int, clause_start: int) -> Phrase | None:
    if tokens[clause_start].text.lower() in ACCUSATIVE_DETERMINERS:
        return None  # "Den Unmut der CDU brachte X zum Ausdruck": an object comes first
    phrase = np_forward(tokens, clause_start)
    if phrase is None or tokens[clause_start].text.lower() in ADVERBIAL_STARTS:
        return None
    end = phrase.last
    while end < verb and (link := _coordination(tokens, end)) and (more := np_forward(tokens, end + link)):
        end = more.last
    if end + 1 == verb and tokens[end].text.lower() in ("selbst", "auch", "jedoch", "aber", "dagegen", "hingegen"):
        return Phrase(phrase.first, end)  # "Hartmann selbst schrieb …"
    if end == verb:
        return Phrase(phrase.first, end)
    if end < verb and tokens[end].text == "," and _comma_before(tokens, end + 1, verb):
        return Phrase(phrase.first, end)
    return None


def _coordination(tokens: Sequence[Token], j: int) -> int:
    """Tokens joining two subjects at ``j``: "und", "sowie", "als auch" ("Sowohl X als auch Y"); 0 if none."""
    word = tokens[j].text.lower()
    if word in ("und", "sowie"):
        return 1
    return 2 if word == "als" and j + 1 < len(tokens) and tokens[j + 1].text.lower() == "auch" else 0


def _comma_before(tokens: Sequence[Token], start: int, verb: int) -> bool:
    """An apposition ", Professor für …," closed right before the verb."""
    return verb - 1 > start and tokens[verb - 1].text == "," and verb - start < 28


_AFTER_VERB_ADVERBS = frozenset(
    (
        *("sich", "auch", "nun", "jedoch", "zudem", "dazu", "aber", "heute", "gestern", "erneut", "dann"),
        *("bereits", "zuvor", "zuletzt", "inzwischen", "damals", "ebenfalls", "später", "jetzt", "nochmals"),
        *("nur", "sogar", "lediglich", "allerdings", "unterdessen", "indessen", "wiederum", "mittlerweile"),
    )
)


def subject_after(tokens: Sequence[Token], verb: int) -> Phrase | None:
    """The subject following an inverted verb ("sagte Kreml-Sprecher X"), skipping datives and media."""
    j = verb + 1
    for _ in range(3):
        while j < len(tokens) and tokens[j].text.lower() in _AFTER_VERB_ADVERBS:
            j += 1
        if j >= len(tokens):
            return None
        word = tokens[j].text.lower()
        quoted_name = _skip_quoted_name(tokens, j)
        inner = tokens[j + 1 : quoted_name - 1]
        if quoted_name > j and len(inner) <= 4 and all(t.is_cap for t in inner):
            return Phrase(j, quoted_name)  # "schrieb „Die Zeit“": a capitalised name, not a quotation
        phrase = np_forward(tokens, j)
        if phrase is None:
            return None
        expletive = word == "es" and phrase.last < len(tokens) and np_forward(tokens, phrase.last) is not None
        if word in _DATIVE or word in ACCUSATIVE_DETERMINERS or expletive or dative_medium(tokens, phrase):
            j = phrase.last
            continue
        return phrase
    return None


_FEMININE_MEDIA = ("zeitung", "zeitschrift", "agentur", "nachrichtenagentur", "presse", "rundschau")


def dative_medium(tokens: Sequence[Token], phrase: Phrase) -> bool:
    """ "sagte der Bild-Zeitung", "sagte dem Sender": a medium as addressee, not the speaker."""
    if not is_medium(tokens, phrase):
        return False
    det = tokens[phrase.first].text.lower()
    if det in ("dem", "einem"):
        return True
    head = next(
        (t.text.lower() for t in tokens[phrase.first : phrase.last] if t.is_cap and t.text.lower() not in DETERMINERS),
        "",
    )
    return det in ("der", "einer") and head.endswith(_FEMININE_MEDIA)


def is_medium(tokens: Sequence[Token], phrase: Phrase) -> bool:
    """The phrase's head (before any genitive or prepositional attachment) names a medium."""
    words: list[str] = []
    for token in tokens[phrase.first : phrase.last]:
        if words and token.text in GENITIVE_LINKS:
            break
        words.append(token.text.lower())
    return any(w.endswith(_MEDIA_SUFFIXES) or w.split("-")[-1] in MEDIA_WORDS for w in words)


def is_pronoun(words: Sequence[str]) -> bool:
    return len(words) == 1 and words[0].lower() in PRONOUNS
