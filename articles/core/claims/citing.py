"""`zitieren`: a quote attributed both to the quoted person and to the medium that quotes them."""

from __future__ import annotations

from .drafts import Draft, Sentence, mention_of
from .frames import Frame
from .phrases import Phrase, np_forward, subject_after, subject_before

_PASSIVE = frozenset(("wird", "wurde", "werden", "wurden"))
_MEDIUM_LINKS = frozenset(("von", "vom", "in", "im", "bei", "auf"))


def with_quoting_medium(text: str, sent: Sentence, frame: Frame, draft: Draft) -> list[Draft]:
    """ "zitiert die Zeitung den Minister" / "wird X in der Zeitung zitiert": both the quoted person and the
    quoting medium are speakers of the quote; the claim naming the later one comes first (as annotated)."""
    parties = _quoting_parties(sent, frame.speaker)
    if parties is None:
        return [draft]
    person, medium = (mention_of(text, sent.tokens, p) for p in parties)
    if person is None or medium is None:
        return [draft]
    twin = Draft("direct", list(draft.spans), draft.sentence, medium, draft.cue, source=draft.source)
    if draft.speaker != person:
        draft.speaker, draft.name, draft.role, draft.description = person, None, None, None
    return [twin, draft] if medium.start > person.start else [draft, twin]


def _quoting_parties(sent: Sentence, speaker: Phrase | None) -> tuple[Phrase, Phrase] | None:
    """(quoted person, quoting medium) of a "zitieren" clause, or None."""
    tokens, quoted = sent.tokens, sent.quoted
    z = next((i for i, t in enumerate(tokens) if t.text.startswith("zitier") and not quoted[i]), None)
    if z is None:
        return None
    aux = next((i for i in range(z) if tokens[i].text in _PASSIVE and not quoted[i]), None)
    if aux is None:
        subject = subject_before(tokens, z, _clause_start(sent, z)) or subject_after(tokens, z)
        if subject is not None and subject.first > z:
            split = _medium_end(sent, subject)
            subject = Phrase(subject.first, split) if split else subject
        start = subject.last if subject is not None and subject.first > z else z + 1
        obj = np_forward(tokens, start)
        return (obj, subject) if subject is not None and obj is not None else None
    person = speaker or subject_after(tokens, aux) or subject_before(tokens, aux, _clause_start(sent, aux))
    link = next(
        (i for i in range(_clause_start(sent, z), z) if tokens[i].text.lower() in _MEDIUM_LINKS and not quoted[i]),
        None,
    )
    if person is None or link is None:
        return None
    medium = np_forward(tokens, link + 1)
    if medium is None:
        return None
    if person.first < link < person.last:
        person = Phrase(person.first, link)  # "wie Boll von der Zeitung zitiert wird"
    return person, Phrase(link, medium.last)


def _medium_end(sent: Sentence, phrase: Phrase) -> int | None:
    """ "zitiert die „Netzwoche“ Berger" / "zitiert radio.de Sprecher X": where the medium ends and the
    quoted person begins inside one phrase (after a quoted name or a domain, before a capital)."""
    tokens = sent.tokens
    for k in range(phrase.first + 1, phrase.last):
        medium_end = tokens[k - 1].text in '“”"' or "." in tokens[k - 1].text
        if medium_end and tokens[k].text[:1].isupper() and not sent.quoted[k]:
            return k
    return None


def _clause_start(sent: Sentence, i: int) -> int:
    """The token after the last comma or colon outside quote marks before ``i``."""
    for j in range(i - 1, -1, -1):
        if sent.tokens[j].text in (",", ":") and not sent.quoted[j]:
            return j + 1
    return 0
