"""Claim extraction inside one section's text (offsets relative to that text).

The result is cached per (section text, language) by the package; speakers are
resolved here only as far as the section itself allows (a pronoun to the last
person named in the section); the document pass finishes the job.
"""

from __future__ import annotations

from articles.core.types import Mention

from .direct import coordinated_quotes, direct_claims, nested_quotes
from .drafts import (
    Draft,
    Person,
    SectionResult,
    Sentence,
    first_verb,
    make_sentence,
    mention_of,
)
from .persons import (
    register_subject,
    resolve_locally,
)
from .phrases import FOCUS, subject_before
from .quotes import find_quotes
from .sentence import (
    sentence_claim,
)
from .sources import agent_like, named, opinion_holder, previous_subject
from .text import sentences
from .unframed import speaker_without_frame


def analyse_section(text: str, lang: str = "de") -> SectionResult:
    """Claims and named persons of one section's text."""
    quotes = find_quotes(text)
    opens = [q.open for q in quotes]
    sents = [make_sentence(text, s, e, quotes, opens) for s, e in sentences(text)]
    persons: list[Person] = []
    drafts: list[Draft] = []
    direct = direct_claims(text, sents, quotes, lang)
    by_sentence: dict[int, list[Draft]] = {}
    for draft in direct:
        by_sentence.setdefault(draft.sentence, []).append(draft)
    taken = {d.spans[0][0] for d in direct}
    for index, sent in enumerate(sents):
        register_subject(text, sent, persons)
        first_new = len(drafts)
        for draft in by_sentence.get(index, []):
            if draft.speaker is None:
                draft.speaker = _focused_subject(text, sent) or opinion_holder(text, sent)
            if draft.speaker is None:
                speaker_without_frame(text, sent, draft, drafts)
            if draft.speaker is None and sent.quoted[0]:
                draft.speaker = _speaker_before(text, sents, index)
            drafts.append(draft)
        claim = sentence_claim(text, sents, index, drafts)
        if claim is not None:
            drafts.append(claim)
            drafts.extend(nested_quotes(text, claim, quotes, taken, lang))
            _adopt_attribution(claim, by_sentence.get(index, []))
        for draft in drafts[first_new:]:
            resolve_locally(draft, persons)
    drafts.extend(coordinated_quotes(text, quotes, drafts, lang))
    ordered = sorted(drafts, key=lambda d: d.spans[0])
    return SectionResult(tuple(_merge_continuations(ordered)), tuple(persons))


def _focused_subject(text: str, sent: Sentence) -> Mention | None:
    """ "Auch der Minister X attackierte den Iran als „…“": a quote with no frame in a sentence whose
    subject, behind a focus particle, can speak."""
    if not sent.tokens or sent.quoted[0] or sent.tokens[0].text.lower() not in FOCUS:
        return None
    verb = first_verb(sent, stop=len(sent.tokens))
    phrase = subject_before(sent.tokens, verb, 0) if verb is not None else None
    found = mention_of(text, sent.tokens, phrase)
    return found if found is not None and (named(found.text) or agent_like(found.text)) else None


def _speaker_before(text: str, sents: list[Sentence], index: int) -> Mention | None:
    """ "X verurteilte die Haltung der Regierung. „…“": a quote with no frame and no claim before
    it is the words of the named or speaking subject of the sentence before."""
    subject = previous_subject(text, sents, index)
    return subject if subject is not None and (named(subject.text) or agent_like(subject.text)) else None


def _adopt_attribution(claim: Draft, direct: list[Draft]) -> None:
    """Quoted words with no frame of their own inside an attributed claim are that speaker's words."""
    if claim.speaker is None:
        return
    for draft in direct:
        inside = any(s <= draft.spans[0][0] and draft.spans[-1][1] <= e for s, e in claim.spans)
        if inside and draft.cue is None and not draft.pinned:
            draft.speaker, draft.cue, draft.source = claim.speaker, claim.cue, claim.source
            draft.name, draft.role, draft.description = claim.name, claim.role, claim.description


def _merge_continuations(drafts: list[Draft]) -> list[Draft]:
    """Consecutive Konjunktiv sentences of one speaker are one continuation claim."""
    merged: list[Draft] = []
    for draft in drafts:
        last = merged[-1] if merged else None
        if (
            last is not None
            and draft.type == last.type == "indirect_free_indirect"
            and draft.sentence == last.sentence + 1
            and draft.speaker == last.speaker
        ):
            last.spans[-1] = (last.spans[-1][0], draft.spans[-1][1])
            last.sentence = draft.sentence
            continue
        merged.append(draft)
    return merged
