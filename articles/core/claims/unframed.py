"""Speakers of direct quotes that no frame attributes: a name before the quote in parentheses, the holder
of a view ("Für X ist …"), the sentence's own subject, else the speaker of the claim before."""

from __future__ import annotations

from collections.abc import Sequence

from articles.core.types import Mention

from .drafts import Draft, Sentence, first_verb, mention_of, previous_claim
from .frames import person_like
from .lexicon import ADVERBIAL_STARTS
from .phrases import Phrase, np_forward, subject_after


def pin_aside_speaker(text: str, sent: Sentence, draft: Draft) -> None:
    """Name („…“): the name before the parenthesis speaks; no frame or surrounding claim overrides it."""
    aside = _aside_speaker(text, sent, draft)
    if aside is not None:
        draft.speaker, draft.cue, draft.source, draft.pinned = aside, None, None, True
        draft.name = draft.role = draft.description = draft.apposition = None
        draft.named_here = False


def speaker_without_frame(text: str, sent: Sentence, draft: Draft, drafts: Sequence[Draft]) -> None:
    """A quote with no cue: the sentence's own subject ("X zur Lage: „…“"), else the last speaker."""
    holder = _opinion_holder(text, sent)
    if holder is not None:
        draft.speaker = holder
        return
    if sent.tokens and not sent.quoted[0] and sent.tokens[0].text.lower() not in ADVERBIAL_STARTS:
        phrase = np_forward(sent.tokens, 0)
        if phrase is not None and any(sent.quoted[phrase.first : phrase.last]):
            phrase = None  # "Eine „heiße Spur“ führte die Ermittler …": the quote is no speaker of itself
        if phrase is not None and phrase.last < len(sent.tokens):
            following = sent.tokens[phrase.last]
            if following.text.islower() or following.text in (",", ":"):
                draft.speaker = mention_of(text, sent.tokens, phrase)
                return
        verb = first_verb(sent)
        after = subject_after(sent.tokens, verb) if verb is not None else None
        if after is not None and not sent.quoted[after.first]:
            draft.speaker = mention_of(text, sent.tokens, after)
            return
    previous = previous_claim(drafts, draft.sentence + 1)
    if previous is not None:
        draft.speaker, draft.name, draft.role = previous.speaker, previous.name, previous.role
        draft.description = previous.description


def _aside_speaker(text: str, sent: Sentence, draft: Draft) -> Mention | None:
    """Name („…“): a quote in parentheses right after a name is that person's words."""
    tokens = sent.tokens
    k = next((i for i, t in enumerate(tokens) if t.start >= draft.spans[0][0] - 1), None)
    if k is None or k < 2 or tokens[k - 1].text != "(":
        return None
    first = k - 1
    while first > 0 and first > k - 5 and tokens[first - 1].text[:1].isupper() and not sent.quoted[first - 1]:
        first -= 1
    phrase = Phrase(first, k - 1)
    if first == k - 1 or not person_like(tokens, phrase):
        return None
    return mention_of(text, tokens, phrase)


def _opinion_holder(text: str, sent: Sentence) -> Mention | None:
    """„Für X ist die Lage „…“": the person after a sentence-initial "Für" holds the quoted view."""
    tokens = sent.tokens
    if len(tokens) < 3 or tokens[0].text.lower() != "für":
        return None
    phrase = np_forward(tokens, 1)
    if phrase is None or not person_like(tokens, phrase):
        return None
    return mention_of(text, tokens, phrase)
