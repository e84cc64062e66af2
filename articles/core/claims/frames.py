"""Attribution frames inside one sentence: a cue, its speaker, and the words the frame occupies."""

from __future__ import annotations

import re
from collections.abc import Sequence

from simplemma import is_known

from .frame import Frame as Frame  # re-exported: the claims package imports Frame from here
from .lexicon import (
    ADVERBIAL_STARTS,
    AGENT_SUFFIXES,
    AUXILIARIES,
    DETERMINERS,
    NEEDS_PARTICLE,
    PARTICLES,
    PRONOUNS,
    SPEECH_FORMS,
)
from .passive import clause_start_comma, passive, passive_agent
from .phrases import Phrase, dative_medium, np_forward, subject_after, subject_before
from .source_frames import (
    nach_frame,
    preposition_frame,
    so_frame,
    view_before,
    wie_frame,
    zufolge_frame,
)
from .text import Token, is_konjunktiv

_SEPARABLE_NOT_SPEECH = frozenset(["ab", "zu"])
_SUBORDINATORS = frozenset(
    ["als", "wenn", "nachdem", "weil", "da", "obwohl", "bevor", "während", "falls", "sobald", "seit", "seitdem"]
)


def find_frames(tokens: Sequence[Token], quoted: Sequence[bool]) -> list[Frame]:
    """Every attribution frame of a sentence, in text order."""
    frames: list[Frame] = []
    for i, token in enumerate(tokens):
        if quoted[i]:
            continue
        low = token.text.lower()
        frame: Frame | None = None
        if low in SPEECH_FORMS and (token.text.islower() or i == 0):
            frame = _verb_frame(tokens, i)
        elif low in ("laut", "gemäß") or (low == "according" and i + 1 < len(tokens) and tokens[i + 1].text == "to"):
            frame = preposition_frame(tokens, i, "laut", skip=2 if low == "according" else 1)
        elif low == "zufolge":
            frame = zufolge_frame(tokens, i)
        elif low == "nach" and i >= 2 and view_before(tokens, i):
            frame = Frame("view", i, Phrase(i - 2, i - 1), i - 2, i + 1)  # "Seiner Meinung nach …": "Seiner"
        elif low == "nach" and i + 1 < len(tokens):
            frame = nach_frame(tokens, i)
        elif low == "so" and i > 0 and tokens[i - 1].text in (",", "–", "—", "-", "“", "«", '"'):
            frame = so_frame(tokens, i)
        elif low == "wie" and (i == 0 or tokens[i - 1].text == "," or (i == 1 and tokens[0].text in _WIE_LEADS)):
            frame = wie_frame(tokens, i)
        elif low == "demnach" or (low == "danach" and any(is_konjunktiv(t.text) for t in tokens)):
            frame = Frame("demnach", i, Phrase(i, i + 1), i, i + 1)
        if frame is not None:
            frames.append(frame)
    # "…, wie X sagte, …": the verb belongs to its wie-frame, which knows the speaker.
    wie_cues = {f.cue for f in frames if f.kind == "wie"}
    return [f for f in frames if f.kind != "verb" or f.cue not in wie_cues]


_INFLECTED_PARTICIPLE = re.compile(r"^[a-zäöü]*ge[a-zäöüß]+(?:t|en)(?:e|en|em|er|es)$")


def _attributive(tokens: Sequence[Token], i: int) -> bool:
    """An inflected participle between an article and its noun is an adjective: "der angekündigte Regen".

    Finite forms ("Das sagte Innenministerin …") have no ge- participle and stay frames.
    """
    if not 0 < i < len(tokens) - 1 or not _INFLECTED_PARTICIPLE.match(tokens[i].text):
        return False
    return tokens[i - 1].text.lower() in DETERMINERS and tokens[i + 1].text[:1].isupper()


def _verb_frame(tokens: Sequence[Token], i: int) -> Frame | None:
    if _separable_not_speech(tokens, i) or (i > 0 and tokens[i - 1].text == "zu") or _attributive(tokens, i):
        return None  # "weigerte sich, zu äußern": an infinitive is no act of saying
    if 0 < i < len(tokens) - 1 and tokens[i + 1].text.lower() in _SUBJECT_PRONOUNS and not _object_pronoun(tokens, i):
        return Frame("verb", i, Phrase(i + 1, i + 2), i, i + 1)  # "…, warnte er, …": inverted pronoun subject
    if passive(tokens, i):
        quoted = _subject_around_auxiliary(tokens, i) if tokens[i].text.lower() == "zitiert" else None
        return Frame("verb", i, quoted or passive_agent(tokens, i), i, i + 1)  # "X wird (von Y) zitiert"
    speaker: Phrase | None = None
    demonstrative = i == 1 and tokens[0].text.lower() in ("dies", "das", "dieses", "diese")
    if i > 0 and tokens[0].text.lower() not in _SUBORDINATORS and not demonstrative:
        speaker = subject_before(tokens, i, _clause_start(tokens, i))
    verb_final = i + 1 < len(tokens) and tokens[i + 1].text == ","
    if speaker is not None and (_object_first(tokens, i, speaker) or dative_medium(tokens, speaker)):
        speaker = subject_after(tokens, i)  # "Die Äußerungen bezeichnete Wiefelspütz als …", "Der Zeitung sagte X"
    if speaker is None and i > 1 and tokens[0].text.lower() in _SUBORDINATORS and verb_final:
        speaker = subject_before(tokens, i, 1)  # "Während X ankündigte, …"
    comma_coordinated = (
        0 < i < len(tokens) - 1 and tokens[i - 1].text == "," and tokens[i + 1].text.lower() in _COORDINATION_ADVERBS
    )
    if (
        speaker is None
        and i > 0
        and (tokens[i - 1].text.lower() in ("und", "aber", "sowie", "sondern") or comma_coordinated)
    ):
        speaker = _coordinated_subject(tokens, i)
    if speaker is None and i > 0 and tokens[i - 1].text not in (",", "–", "—"):
        speaker = _subject_around_auxiliary(tokens, i)
    if speaker is None and i > 1 and tokens[i - 1].text == ",":
        speaker = _subject_before_apposition(tokens, i)
    if speaker is None:
        speaker = _subordinate_subject(tokens, i)
    if speaker is None:
        speaker = _english_subject(tokens, i)
    if speaker is None:
        speaker = subject_after(tokens, i)
    return Frame("verb", i, speaker, i, i + 1)


_ENGLISH_VERBS = frozenset(("said", "says", "told", "tells", "added", "wrote", "stated", "warned", "argued"))


def _english_subject(tokens: Sequence[Token], i: int) -> Phrase | None:
    """ "In a statement, Governor Ann Malloy said …": the run of capitalised words right before an
    English verb of saying is its subject (English puts it there; the German rules look elsewhere)."""
    if tokens[i].text not in _ENGLISH_VERBS:
        return None
    first = i
    while first > 0 and tokens[first - 1].is_cap and tokens[first - 1].text.isalpha() and i - first < 5:
        first -= 1
    return Phrase(first, i) if first < i else None


def comma_clause_subject(tokens: Sequence[Token], i: int) -> Phrase | None:
    """ "A wird positiv gesehen, die Organisation bezweifelt aber, …": a main clause after a comma
    has its own subject between the comma and the verb at ``i``. Only for naming the speaker of a
    claim found anyway; no frame gets it, so it makes no reported speech act of its own."""
    start = clause_start_comma(tokens, i)
    if i < 3 or start == 0 or start >= i or tokens[start].text.lower() in _CLAUSE_LEADS | {"dass", "ob", "und"}:
        return None
    phrase = np_forward(tokens, start)
    return phrase if phrase is not None and phrase.last == i else None


# "X monieren Unregelmäßigkeiten, sprechen aber davon, …": a second verb of the same subject.
_COORDINATION_ADVERBS = frozenset(("aber", "jedoch", "zudem", "außerdem", "dann"))
_CLAUSE_LEADS = _SUBORDINATORS | frozenset(("nachdem", "wie", "dem", "denen"))


def _subordinate_subject(tokens: Sequence[Token], i: int) -> Phrase | None:
    """A verb-final clause "…, nachdem sie berichtet hatte," / "in dem er verlangte,": the phrase right
    after the subordinator or relative "in dem" is the subject."""
    after = i + 1
    if after < len(tokens) and tokens[after].text.lower() in AUXILIARIES:
        after += 1
    if after < len(tokens) and tokens[after].text not in (",", ".", ";", ":"):
        return None
    start = clause_start_comma(tokens, i)
    for k in range(start, i):
        word = tokens[k].text.lower()
        relative = word in ("dem", "denen") and k > 0 and tokens[k - 1].text.lower() == "in"
        if word in _SUBORDINATORS or word == "nachdem" or relative:
            phrase = np_forward(tokens, k + 1)
            return phrase if phrase is not None and phrase.last <= i else None
    return None


_HEAD_STOPS = frozenset(("der", "des", "von", "vom", "für", "in", "im", "aus", "bei", "zu", "zur", "zum", "mit", ","))


def person_like(tokens: Sequence[Token], phrase: Phrase) -> bool:
    """Can the phrase's head speak: a pronoun, a role or agent noun, or a name (words the dictionary lacks)."""
    head: list[str] = []
    for token in tokens[phrase.first : phrase.last]:
        if head and token.text.lower() in _HEAD_STOPS:
            break
        head.append(token.text)
    if len(head) == 1 and head[0].lower() in PRONOUNS:
        return True
    if any(w.lower().endswith(AGENT_SUFFIXES) for w in head):
        return True
    capitalised = [w for w in head if w[:1].isupper() and w.lower() not in DETERMINERS]
    return any(not is_known(w.lower(), lang="de") for w in capitalised)


_WIE_LEADS = frozenset(("Denn", "Doch", "Und", "Aber"))
_SUBJECT_PRONOUNS = frozenset(("er", "sie", "wir", "ich", "man", "he", "she", "they"))


def _object_pronoun(tokens: Sequence[Token], i: int) -> bool:
    """ "Der Minister nannte sie „fahrlässig“": "sie" after the verb is the object when a subject precedes."""
    if tokens[i + 1].text != "sie" or tokens[i - 1].text in (",", "–", "—", ":", "“", "”", '"', "«"):
        return False
    start = _clause_start(tokens, i)
    if tokens[start].text.lower() in _SUBORDINATORS:
        return False
    if tokens[i - 1].text.lower() == "und":
        return _coordinated_subject(tokens, i) is not None  # "X bestritt den Bericht und nannte sie …"
    return subject_before(tokens, i, start) is not None


def _object_first(tokens: Sequence[Token], i: int, before: Phrase) -> bool:
    """An object fronted before "bezeichnete/nannte X … als": a bare name right after the verb is the subject."""
    if tokens[before.first].text.lower() not in DETERMINERS or i + 1 >= len(tokens):
        return False
    head = next(
        (t.text.lower() for t in tokens[before.first : before.last] if t.is_cap and t.text.lower() not in DETERMINERS),
        "",
    )
    if head.endswith(AGENT_SUFFIXES):
        return False  # "Das Magazin X bezeichnete Y als …": the speaking subject comes first
    nxt = tokens[i + 1]
    if not nxt.is_cap or nxt.text.lower() in DETERMINERS or nxt.text.lower() in ADVERBIAL_STARTS:
        return False
    return any(t.text == "als" for t in tokens[i + 1 : i + 12])


def _coordinated_subject(tokens: Sequence[Token], i: int) -> Phrase | None:
    """ "X sprach sich dagegen aus und sagte, …": the subject of the clause's first verb."""
    start = 0
    last = i - 2 if tokens[i - 1].text == "," else i - 1  # ", sprechen aber davon": the comma joins the verbs
    for j in range(last, max(-1, i - 30), -1):
        if tokens[j].text == ",":
            start = j + 1
            break
    found = _first_clause_subject(tokens, start, i)
    begin = _clause_start(tokens, start)
    if found is None and start > 0 and not any(t.text in _QUOTE_MARKS for t in tokens[begin:i]):
        # "Einer der Gründer, Karl Bauer, dankte … und ergänzte": the comma closed an apposition
        found = _first_clause_subject(tokens, begin, i)
    return found


_QUOTE_MARKS = frozenset(("„", "“", "”", "»", "«", '"'))


def _first_clause_subject(tokens: Sequence[Token], start: int, i: int) -> Phrase | None:
    """The subject of the clause's first verb; words in quote marks („Freiheit statt Angst“) are no verb."""
    previous = ""
    inside = False
    for j in range(start, min(i - 1, start + 40)):
        word = tokens[j].text
        if word in ("„", "»", "“", "«"):
            inside = word in ("„", "»")
            continue
        adjective = previous in DETERMINERS and word.endswith(("e", "en", "er", "es", "em"))
        if word.islower() and word not in _NOT_VERBS and not adjective and not inside:
            return subject_before(tokens, j, start) or subject_after(tokens, j)
        previous = word.lower()
    return None


_NOT_VERBS = DETERMINERS | frozenset(
    (
        *("und", "oder", "von", "vom", "für", "in", "im", "am", "zum", "zur", "mit", "auf", "aus", "bei", "zu"),
        *("nach", "vor", "über", "unter", "gegen", "ohne", "um", "seit", "während", "wegen", "durch", "sich"),
    )
)


def _subject_around_auxiliary(tokens: Sequence[Token], i: int) -> Phrase | None:
    """ "X wird … zitiert" or "Im Vorfeld hatte das Komitee betont": the subject before or after the auxiliary."""
    depth = 0
    for j in range(i - 1, max(-1, i - 25), -1):
        depth += (tokens[j].text == ")") - (tokens[j].text == "(")
        if tokens[j].text in (",", ":", ";") and depth <= 0 and not _date_comma(tokens, j):
            return None
        if tokens[j].text.lower() in AUXILIARIES and depth <= 0:
            before = subject_before(tokens, j, _clause_start(tokens, j)) if j > 0 else None
            return before or subject_after(tokens, j)
    return None


def _date_comma(tokens: Sequence[Token], j: int) -> bool:
    """ "am Donnerstag, den 7.10.": the comma of a date, not a clause boundary."""
    return j + 2 < len(tokens) and tokens[j + 1].text.lower() == "den" and tokens[j + 2].text[:1].isdigit()


def _subject_before_apposition(tokens: Sequence[Token], i: int) -> Phrase | None:
    """ "Vor kurzem hatte ein Talibanführer, Baitullah Mehsud, erklärt, …": the subject after the
    auxiliary, before an apposition in commas that ends right before the participle."""
    opening = next((k for k in range(i - 2, max(-1, i - 10), -1) if tokens[k].text == ","), None)
    if opening is None or not all(t.is_cap for t in tokens[opening + 1 : i - 1]):
        return None
    phrase = _subject_around_auxiliary(tokens, opening)
    return phrase if phrase is not None and phrase.last <= opening else None


def _clause_start(tokens: Sequence[Token], i: int) -> int:
    for j in range(i - 1, max(-1, i - 60), -1):
        if tokens[j].text in (":", ";"):
            return j + 1
    return max(0, i - 60)


def _separable_not_speech(tokens: Sequence[Token], i: int) -> bool:
    """Not speech: "sagte das Konzert ab"; "gab Geld" (but "gab an" is): check the clause's particle."""
    needs = tokens[i].text.lower() in NEEDS_PARTICLE
    if i + 1 < len(tokens) and tokens[i + 1].text == ":":
        return False  # "rief: „…“" introduces a quote whatever the particle
    for j in range(i + 1, min(i + 20, len(tokens) + 1)):
        if j == len(tokens) or tokens[j].text in (",", ".", ";", ":", "!", "?", "„", "»"):
            last = tokens[j - 1].text
            if needs:
                return last not in PARTICLES
            return last in _SEPARABLE_NOT_SPEECH and tokens[i].text.startswith("sag")
    return needs
