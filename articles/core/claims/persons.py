"""Persons named in a section, and the local resolution of pronouns and descriptions."""

from __future__ import annotations

from collections.abc import Sequence

from .drafts import (
    Draft,
    Person,
    Sentence,
    apposition,
)
from .lexicon import (
    ROLE_SUFFIXES,
)
from .names import role_split
from .phrases import is_pronoun, np_forward


def register_subject(text: str, sent: Sentence, persons: list[Person]) -> None:
    """A name opening a sentence ("Fyodor Tertitskiy, Wissenschaftler an …, glaubt") is a person."""
    if not sent.tokens or sent.quoted[0]:
        return
    phrase = np_forward(sent.tokens, 0)
    if phrase is None:
        return
    words = [t.text for t in sent.tokens[phrase.first : phrase.last]]
    role, name = role_split(words)
    if name is None:
        return
    if role is None:
        role = apposition(text, sent, phrase.last)
    persons.append(Person(sent.tokens[phrase.first].start, name, role))


def resolve_locally(draft: Draft, persons: list[Person]) -> None:
    mention = draft.speaker
    if mention is not None and draft.named_here and draft.name is not None:
        persons.append(Person(mention.start, draft.name, draft.role, spoke=True))
    if mention is None or draft.name is not None or draft.type == "indirect_free_indirect":
        return
    words = mention.text.split()
    if is_pronoun(words) or _holder_pronoun(words):
        if words[0].lower() in ("er", "sie", "he", "she", *_HOLDERS):
            earlier = [p for p in persons if p.position < mention.start]
            if earlier:
                draft.name, draft.role = earlier[-1].name, draft.role or earlier[-1].role
                persons.append(Person(mention.start, earlier[-1].name, earlier[-1].role, spoke=True))
        return
    role, name = role_split(words)
    if name is not None:
        draft.name = name
        draft.role = draft.role or role or draft.apposition
        persons.append(Person(mention.start, name, draft.role, spoke=True))
    elif role is not None and words[0].lower() in _INDEFINITE:
        draft.role = draft.role or role  # "Ein Sprecher des Ministeriums": somebody new, not a known person
    elif role is not None:
        draft.description = role
        match = _by_role(persons, role, mention.start)
        if match is not None:
            draft.name, draft.role = match.name, match.role
        else:
            draft.role = role


# "Seiner Meinung nach": the possessive names the holder of the view, as "er" names a speaker.
_HOLDERS = ("seiner", "ihrer", "dessen", "deren")


def _holder_pronoun(words: Sequence[str]) -> bool:
    return len(words) == 1 and words[0].lower() in _HOLDERS


_INDEFINITE = frozenset(("ein", "eine", "einer", "einem", "einen", "a", "an"))


def role_head(role: str) -> str:
    """The role noun of a description: "Sprecher des Außenministeriums" → "sprecher" (not the ministry)."""
    words = role.lower().split()
    return next((w for w in words if w.endswith(ROLE_SUFFIXES)), words[-1])


def _by_role(persons: Sequence[Person], role: str, before: int) -> Person | None:
    head = role_head(role)
    stem = head[:6]
    earlier = [p for p in persons if p.position < before]
    for person in reversed(earlier):
        if person.role and stem in person.role.lower():
            return person
    # Else the last speaker, when nothing says otherwise: their role is unknown, or is the same kind of
    # role ("Der Sprecher" after "Polizeisprecher X"); "The minister" is not a union spokesman.
    if len(role.split()) > 1:
        return None  # "der Sprecher der Stadt" says whose spokesperson: not just the last one who spoke
    speakers = [p for p in earlier if p.spoke and (p.role is None or head[-5:] in p.role.lower())]
    return speakers[-1] if speakers and head.endswith(ROLE_SUFFIXES) else None
