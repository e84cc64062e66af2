"""Sources without a frame of their own: whom a Konjunktiv sentence or hearsay continues (the source of
the sentence before, a following "so X", the nearest "laut X"), and the sources a sentence names
outside any frame ("…“, so X" after a long quotation, "Für X sei …", "In den Berichten hieß es …")."""

from __future__ import annotations

from collections.abc import Sequence

from articles.core.types import Mention

from .drafts import Sentence, first_verb, has_konjunktiv, mention_of
from .lexicon import AGENT_SUFFIXES, ROLE_SUFFIXES
from .names import role_split
from .phrases import np_forward, subject_after, subject_before
from .text import is_konjunktiv


def following_so(text: str, sents: Sequence[Sentence], index: int) -> Mention | None:
    if index + 1 >= len(sents) or not has_konjunktiv(sents[index + 1]):
        return None
    nxt = sents[index + 1]
    for frame in nxt.frames:
        if frame.kind == "so" and frame.speaker is not None and frame.cue > 1:
            return mention_of(text, nxt.tokens, frame.speaker)
    return None


def named(words: str) -> bool:
    """A phrase with a person's name or role in it ("Staatspräsident Georgi Parwanow", "Dekan Berg")."""
    role, name = role_split(words.split())
    return name is not None or (role is not None and role.split()[-1].lower().endswith(ROLE_SUFFIXES))


def agent_like(words: str) -> bool:
    """A phrase that can speak: a name, a role, an organisation, a group ("Analysten")."""
    parts = words.split()
    if any(p.lower().endswith(AGENT_SUFFIXES) for p in parts):
        return True
    if _thing_head(parts):
        return False  # "Besondere Probleme traten auf", "Am Montag …": a thing or a time, no source
    _role, name = role_split(parts)
    return name is not None and len(parts) <= 6


_THING_ENDINGS = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "nis", "nisse", "ismus", "zahlen", "probleme")
_WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
_MONTHS = ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august")
_MONTHS_LATE = ("september", "oktober", "november", "dezember")
_PERIODS = ("jahr", "jahren", "jahres", "monat", "monaten", "monate", "woche", "wochen", "tag", "tagen")
_TIME_WORDS = frozenset((*_WEEKDAYS, *_MONTHS, *_MONTHS_LATE, *_PERIODS))
_AGENT_ENDINGS_UNG = ("stiftung", "vereinigung", "bewegung", "verwaltung", "leitung", "führung", "zeitung")


def _thing_head(parts: Sequence[str]) -> bool:
    """The head noun (last word before a genitive or "von") names a thing or a time, not a speaker."""
    head: list[str] = []
    for part in parts:
        if part.lower() in ("der", "des", "von", "vom", "für", "aus") and head:
            break
        head.append(part)
    last = head[-1].lower().strip('„“"(),.')
    if last in _TIME_WORDS:
        return True
    return last.endswith(_THING_ENDINGS) and not last.endswith(_AGENT_ENDINGS_UNG)


def recent_agent(text: str, sents: Sequence[Sentence], index: int) -> Mention | None:
    """The nearest source in the three sentences before: a speaking subject or a "laut X" phrase."""
    for back in range(index - 1, max(-1, index - 4), -1):
        sources = [f for f in sents[back].frames if f.kind in ("laut", "nach", "zufolge") and f.speaker]
        if sources and sources[-1].speaker is not None:
            return mention_of(text, sents[back].tokens, sources[-1].speaker)
        subject = previous_subject(text, sents, back + 1)
        if subject is not None and agent_like(subject.text):
            return subject
    return None


def previous_subject(text: str, sents: Sequence[Sentence], index: int) -> Mention | None:
    """The subject of the sentence before: "Die Kriminalpolizei bittet um Mithilfe. Der Mann sei …"."""
    if index == 0:
        return None
    previous = sents[index - 1]
    verb = first_verb(previous, stop=len(previous.tokens))  # long subjects: "Der Landrat des Kreises X (SPD), hat …"
    if verb is None or previous.quoted[0]:
        return None
    phrase = subject_before(previous.tokens, verb, 0) or subject_after(previous.tokens, verb)
    if phrase is None or previous.tokens[phrase.first].text.lower() in ("es", "das", "dies", "man"):
        return None
    return mention_of(text, previous.tokens, phrase)


_DOCUMENT_HEADS = (
    "bericht",
    "analyse",
    "studie",
    "mitteilung",
    "erklärung",
    "stellungnahme",
    "urteil",
    "gutachten",
    "resolution",
    "report",
    "untersuchung",
)


def source_in(text: str, sent: Sentence) -> Mention | None:
    """The source a sentence names without being a claim itself: a frame's speaker ("wurden von
    Minister X als … bezeichnet", "laut X", an organisation that "fordert") or the document it is
    written in ("In einer Analyse des Senders wird …")."""
    if not sent.tokens or sent.quoted[0]:
        return None
    tokens = sent.tokens
    for frame in sent.frames:
        if frame.speaker is None or frame.kind == "demnach":
            continue
        agent = frame.speaker.first > 0 and tokens[frame.speaker.first - 1].text.lower() in ("von", "vom", "seitens")
        found = mention_of(text, tokens, frame.speaker)
        if found is not None and (frame.kind != "verb" or agent or agent_like(found.text)):
            return found
    return _document_at_start(text, sent) or _document_inside(text, sent)


def _document_at_start(text: str, sent: Sentence) -> Mention | None:
    tokens = sent.tokens
    if len(tokens) < 3 or tokens[0].text.lower() not in ("in", "im"):
        return None
    return _document_phrase(text, sent, 1)


def _document_phrase(text: str, sent: Sentence, first: int) -> Mention | None:
    """The phrase at ``first`` when its head names a report or statement ("den ersten Berichten")."""
    tokens = sent.tokens
    phrase = np_forward(tokens, first)
    if phrase is None or sent.quoted[first]:
        return None
    head = [
        t.text.lower().removesuffix("en").removesuffix("n")
        for t in tokens[phrase.first : min(phrase.last, phrase.first + 3)]
    ]
    return mention_of(text, tokens, phrase) if any(w.endswith(_DOCUMENT_HEADS) for w in head) else None


def _document_inside(text: str, sent: Sentence) -> Mention | None:
    """ "Die Konflikte werden im Bericht auf … zurückgeführt": a report a passive sentence cites."""
    tokens = sent.tokens
    if not any(t.text.lower() in ("wird", "werden", "wurde", "wurden") for t in tokens):
        return None
    for k, token in enumerate(tokens[:-1]):
        if token.text.lower() in ("im", "in") and not sent.quoted[k]:
            found = _document_phrase(text, sent, k + 1)
            if found is not None:
                return found
    return None


def own_source(text: str, sent: Sentence) -> Mention | None:
    """A source the sentence names itself, though no frame made it a claim: "…“, so X." after a
    quotation, "laut X", "nach Auffassung des X"."""
    for frame in sent.frames:
        if frame.speaker is None or frame.kind in ("verb", "demnach"):
            continue
        if sent.tokens[frame.speaker.first].text.lower() in ("es", "man", "das", "dies"):
            continue
        return mention_of(text, sent.tokens, frame.speaker)
    return opinion_holder(text, sent, konjunktiv=True) or _document_at_start(text, sent)


_CLAUSE_LINKS = frozenset(
    (
        *("als", "wenn", "weil", "da", "obwohl", "nachdem", "bevor", "während", "falls", "sobald", "seit"),
        *("der", "die", "das", "dem", "den", "denen", "deren", "dessen", "welche", "welcher", "wo", "um"),
    )
)


def own_subject(text: str, sent: Sentence) -> Mention | None:
    """ "Die Staatsanwaltschaft hegt den Verdacht, X könnte …": an indicative main clause whose
    speaking subject introduces the Konjunktiv clause after the comma."""
    comma = next((k for k, t in enumerate(sent.tokens) if t.text == "," and not sent.quoted[k]), None)
    if comma is None or has_konjunktiv(sent, 0, comma) or not has_konjunktiv(sent, comma + 1):
        return None
    if comma + 1 < len(sent.tokens) and sent.tokens[comma + 1].text.lower() in _CLAUSE_LINKS:
        return None  # "…, als er … gesucht habe": a subordinate clause, not the reported one
    verb = first_verb(sent, stop=comma)
    phrase = subject_before(sent.tokens, verb, 0) if verb is not None else None
    found = mention_of(text, sent.tokens, phrase)
    return found if found is not None and agent_like(found.text) else None


def opinion_holder(text: str, sent: Sentence, *, konjunktiv: bool = False) -> Mention | None:
    """ "Für den Theologen X sei der Rücktritt „verständlich“": the person whose view the sentence
    gives; with ``konjunktiv`` only when a Konjunktiv verb follows the phrase (not "Für X gilt …")."""
    tokens = sent.tokens
    if len(tokens) < 4 or tokens[0].text != "Für" or sent.quoted[1]:
        return None
    phrase = np_forward(tokens, 1)
    if phrase is None or phrase.last >= len(tokens):
        return None
    if konjunktiv and not is_konjunktiv(tokens[phrase.last].text):
        return None
    found = mention_of(text, tokens, phrase)
    return found if found is not None and (named(found.text) or agent_like(found.text)) else None
