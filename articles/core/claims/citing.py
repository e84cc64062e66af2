"""`zitieren`: a quote of a person passed on by a medium ("zitiert die Zeitung den Minister").

The person is the speaker and the medium the source, as with "laut TASS": one claim,
so the timeline shows the quote once, said by the minister, through the newspaper.
(The quotes-de corpus annotates such a quote twice, once per party; we do not.)
"""

from __future__ import annotations

from .drafts import Draft, Sentence, mention_of
from .frames import Frame
from .phrases import Phrase, np_forward, subject_after, subject_before

_PASSIVE = frozenset(("wird", "wurde", "werden", "wurden"))
_MEDIUM_LINKS = frozenset(("von", "vom", "in", "im", "bei", "auf"))


_ARTICLES = frozenset(("der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einer"))


def with_quoting_medium(text: str, sent: Sentence, frame: Frame, draft: Draft) -> list[Draft]:
    """ "zitiert die Zeitung den Minister" / "wird X in der Zeitung zitiert": the quoted person speaks,
    the quoting medium is the source. Returns ``[draft]``, changed in place when the clause is one of these."""
    parties = _quoting_parties(sent, frame.speaker)
    if parties is None:
        return [draft]
    person, medium = (mention_of(text, sent.tokens, p) for p in parties)
    if person is None or medium is None:
        return [draft]
    if draft.speaker != person:
        draft.speaker, draft.name, draft.role, draft.description = person, None, None, None
    draft.source = _medium_name(medium.text)
    return [draft]


def _medium_name(phrase: str) -> str:
    """ "von der „Abendpost“" -> "Abendpost": the name without link word, article and quote marks."""
    words = phrase.split()
    while len(words) > 1 and words[0].lower() in _MEDIUM_LINKS | _ARTICLES:
        words.pop(0)
    return " ".join(words).strip("„“”\"'‚‘")


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
