"""Sentence-level claims: indirect speech, source phrases, reported speech acts, continuations, hearsay."""

from __future__ import annotations

import re

from articles.core.types import Mention

from .drafts import (
    Draft,
    Sentence,
    apply_frame,
    cued_draft,
    has_konjunktiv,
    mention_of,
    previous_claim,
    quoted_share,
    token_span,
)
from .english import english_bare_clause
from .frames import Frame
from .lexicon import (
    COMPLEMENTIZERS,
    REPORTIVE_SOLL,
    SPEECH_FORMS,
    STRONG_SPEECH,
)
from .phrases import Phrase, np_forward
from .reports import report_claim
from .sources import agent_like, following_so, named, own_source, own_subject, previous_subject, recent_agent, source_in
from .speech_acts import reported_act


def sentence_claim(text: str, sents: list[Sentence], index: int, drafts: list[Draft]) -> Draft | None:
    sent = sents[index]
    if not sent.tokens or (sent.quoted[0] and quoted_share(sent, 0, len(sent.tokens)) > 0.6):
        return None
    fallback = None
    for frame in sent.frames:
        claim = _framed(text, sents, index, frame)
        if claim is not None and claim.type != "reported":
            return claim
        fallback = fallback or claim  # a speech act yields to a later frame with a reported clause
    if fallback is not None:
        return fallback
    return report_claim(text, sents, index) or _unframed(text, sents, index, drafts)


def _framed(text: str, sents: list[Sentence], index: int, frame: Frame) -> Draft | None:
    sent = sents[index]
    n = len(sent.tokens)
    if frame.kind == "verb":
        region = _verb_region(sent, frame)
        if region is None:
            if _demonstrative_subject(sent, frame) and index > 0:
                return _anaphoric(text, sents, index, frame)
            return reported_act(text, sent, index, frame)
        first, last = region
        span = token_span(sent, first, last)
        if span is None or (sent.quoted[first] and quoted_share(sent, first, last) > 0.5):
            return None
        if _demonstrative_subject(sent, frame) and index > 0:
            return _anaphoric(text, sents, index, frame)
        return apply_frame(text, sent, frame, Draft("indirect", [span], index))
    if frame.kind == "so" and frame.cue > 1:
        span = token_span(sent, 0, frame.first)
        if span is None or quoted_share(sent, 0, frame.first) > 0.5:
            return None
        spans = [span]
        rest = _so_rest(sent, frame)
        if rest is not None:
            spans.append(rest)  # "Sein Rivale, so Obama weiter, würde …": the quote resumes after the frame
        return apply_frame(text, sent, frame, Draft("indirect", spans, index))
    lead = 1 if frame.kind == "wie" and frame.first == 1 else 0  # "Denn wie X berichtete, …"
    before = token_span(sent, 0, frame.first) if frame.first > lead else None
    spans = [s for s in (before, token_span(sent, frame.last, n)) if s is not None]
    if not spans or quoted_share(sent, 0, n) > 0.5:
        return None
    return apply_frame(text, sent, frame, Draft("indirect", spans, index))


_DEMONSTRATIVES = frozenset(("dies", "das", "dieses", "diese", "dies", "this", "that"))


def _demonstrative_subject(sent: Sentence, frame: Frame) -> bool:
    """ "Dies bestätigte der Minister." — the claim is the sentence before."""
    tokens = sent.tokens
    return (
        frame.cue == 1
        and tokens[0].text.lower() in _DEMONSTRATIVES
        and frame.speaker is not None
        and frame.speaker.first > frame.cue
    )


def _anaphoric(text: str, sents: list[Sentence], index: int, frame: Frame) -> Draft | None:
    previous = sents[index - 1]
    span = token_span(previous, 0, len(previous.tokens))
    if span is None or quoted_share(previous, 0, len(previous.tokens)) > 0.5:
        return None
    draft = Draft("indirect", [span], index)
    return apply_frame(text, sents[index], frame, draft)


def _colon_before_quote(sent: Sentence, start: int) -> bool:
    tokens = sent.tokens
    return any(tokens[k].text == ":" and sent.quoted[k + 1] for k in range(start, min(start + 12, len(tokens) - 1)))


def _so_rest(sent: Sentence, frame: Frame) -> tuple[int, int] | None:
    tokens = sent.tokens
    end = frame.speaker.last if frame.speaker is not None else frame.last
    for k in range(end, min(end + 8, len(tokens) - 1)):
        if tokens[k].text == ",":
            return token_span(sent, k + 1, len(tokens))
        if tokens[k].text in (".", "!", "?"):
            return None
    return None


_CLOSING = frozenset(('"', "”"))  # English closing marks; German „…“ puts the comma outside


def _verb_region(sent: Sentence, frame: Frame) -> tuple[int, int] | None:
    """The reported clause of a verb frame, as a token range, or None."""
    tokens, n, cue = sent.tokens, len(sent.tokens), frame.cue
    # "„…“, sagte X" and the English “…,” said X (the comma inside the marks): the words before the verb.
    comma_before = tokens[cue - 1].text == "," or (tokens[cue - 1].text in _CLOSING and tokens[cue - 2].text == ",")
    if cue >= 2 and comma_before and frame.speaker is not None and frame.speaker.first > cue:
        return 0, cue - 1
    begin = max(cue, frame.speaker.last if frame.speaker else cue)
    bare = english_bare_clause(sent, frame)
    if bare is not None:
        return bare
    for j in range(cue + 1, min(cue + 8, n - 1)):
        if tokens[j].text.lower() == "that" or (tokens[j].text.lower() == "dass" and tokens[j - 1].text != ","):
            return j, n  # "told the BBC that …" (no comma in English)
        if tokens[j].text in (",", ".", ":", ";"):
            break
    for j in range(begin, min(begin + 14, n - 1)):
        if tokens[j].text in (",", ":"):
            nxt = tokens[j + 1].text.lower()
            if nxt in SPEECH_FORMS and tokens[j + 1].text.islower():
                return None  # "…, sagte X": the next frame, not the reported words
            if _colon_before_quote(sent, j + 1):
                return None  # "sagte X, Gründer der Band: „…“" — the quote is a direct claim
            if (
                nxt in COMPLEMENTIZERS
                or tokens[cue].text.lower().startswith(STRONG_SPEECH)
                or has_konjunktiv(sent, j + 1)
                or tokens[j].text == ":"
                or _zu_infinitive(sent, j + 1)
            ):
                return j + 1, n
            return None
        if tokens[j].text in (".", "!", "?"):
            return None
    return None


def _zu_infinitive(sent: Sentence, first: int) -> bool:
    """ "…, den Mitarbeiter nicht mehr einsetzen zu wollen": an infinitive clause with zu."""
    words = [t.text for t in sent.tokens[first:] if t.text[0].isalnum()]
    if words and words[0].lower() in ("um", "ohne", "statt", "anstatt", "als"):
        return False
    for k, word in enumerate(words[:-1]):
        if word == "zu" and words[k + 1].islower() and words[k + 1].endswith(("en", "ern", "eln")):
            return True
    return bool(words) and bool(_ZU_VERB.match(words[-1]))


_ZU_VERB = re.compile(
    r"^(?:an|auf|aus|ein|mit|vor|zurück|ab|zu|fest|weiter|bei|dar|her|hin|nieder|durch|um|los|weg|heraus|hervor"
    r"|statt|teil|wahr|frei|fort|nach|hinzu|voran|vorbei|herbei|zusammen|bereit|offen|bekannt|fern)zu[a-zäöü]+en$"
)


def _unframed(text: str, sents: list[Sentence], index: int, drafts: list[Draft]) -> Draft | None:
    sent = sents[index]
    span = token_span(sent, 0, len(sent.tokens))
    if span is None:
        return None
    dass = _dass_claim(text, sent, index)
    if dass is not None:
        return dass
    first_person = any(
        t.text.lower() in ("ich", "wir") and not q for t, q in zip(sent.tokens, sent.quoted, strict=True)
    )
    if has_konjunktiv(sent) and not first_person:
        draft = Draft("indirect_free_indirect", [span], index)
        draft.speaker = own_source(text, sent) or own_subject(text, sent)
        if draft.speaker is None:
            _continue_speaker(text, sents, index, drafts, draft)
        return draft
    if _reportive(sent):
        draft = Draft("free_indirect", [span], index)
        previous = previous_claim(drafts, index, reach=2)
        subject = previous_subject(text, sents, index)
        draft.speaker = own_source(text, sent)
        if draft.speaker is not None:
            return draft
        if previous is not None:
            draft.speaker = previous.speaker  # hearsay right after an attribution continues it
        elif subject is not None and agent_like(subject.text):
            draft.speaker = subject
        else:
            draft.speaker = recent_agent(text, sents, index)
        return draft
    return None


def _continue_speaker(text: str, sents: list[Sentence], index: int, drafts: list[Draft], draft: Draft) -> None:
    """A Konjunktiv sentence naming no source continues the source of the sentences around it."""
    previous = previous_claim(drafts, index, reach=2)
    adjacent = previous is not None and previous.sentence == index - 1
    subject = None if adjacent else previous_subject(text, sents, index)
    following = following_so(text, sents, index)
    source = None if adjacent or index == 0 else source_in(text, sents[index - 1])
    if following is not None and not adjacent:
        draft.speaker = following  # "A sei B. C sei D, so X.": X speaks for both
    elif source is not None:
        draft.speaker = source
    elif previous is not None and (subject is None or not named(subject.text)):
        draft.speaker, draft.name, draft.role = previous.speaker, previous.name, previous.role
        draft.description = previous.description
    elif subject is not None and agent_like(subject.text):
        draft.speaker = subject
    else:
        draft.speaker = recent_agent(text, sents, index)


def _reportive(sent: Sentence) -> bool:
    """Hearsay "soll … getan haben / geschehen sein"."""
    words = [t.text.lower() for t, q in zip(sent.tokens, sent.quoted, strict=True) if not q]
    for k, word in enumerate(words):
        if word in REPORTIVE_SOLL:
            return any(w in ("haben", "sein") for w in words[k + 1 :])
    return False


_OPINION_WORDS = frozenset(
    [
        "davon",
        "darauf",
        "dafür",
        "überzeugt",
        "zuversichtlich",
        "sicher",
        "meinung",
        "ansicht",
        "auffassung",
        "überzeugung",
    ]
)


def _dass_claim(text: str, sent: Sentence, index: int) -> Draft | None:
    """ "Die Forscher gehen davon aus, dass …": a clause in Konjunktiv or after an opinion word, no known cue."""
    tokens = sent.tokens
    for j in range(1, len(tokens) - 1):
        if tokens[j].text != "," or tokens[j + 1].text.lower() not in ("dass", "ob") or sent.quoted[j]:
            continue
        noun = _noun_cue(text, sent, index, j)
        if noun is not None:
            return noun
        if has_konjunktiv(sent, 0, j):
            return None  # "X sei so beschränkt, dass …": the main clause itself is reported speech
        opinion = {tokens[j - 1].text.lower(), tokens[j - 2].text.lower() if j > 1 else ""}
        if not (has_konjunktiv(sent, j + 1) or opinion & _OPINION_WORDS):
            return None
        subject = np_forward(tokens, 0)
        if subject is None or tokens[0].text.lower() in ("es", "das", "dies", "dabei") or subject.last >= j:
            return None
        span = token_span(sent, j + 1, len(tokens))
        if span is None:
            return None
        draft = Draft("indirect", [span], index)
        draft.speaker = mention_of(text, tokens, subject)
        cue = tokens[subject.last]
        draft.cue = Mention(cue.text, cue.start, cue.end) if cue.text.islower() else None
        return draft
    return None


_NOUN_CUES = (
    "einschätzung",
    "ansicht",
    "meinung",
    "auffassung",
    "überzeugung",
    "aussage",
    "behauptung",
    "forderung",
    "warnung",
    "vorwurf",
    "hinweis",
    "befürchtung",
    "erklärung",
    "ankündigung",
    "angaben",
    "feststellung",
    "vermutung",
    "kritik",
    "argument",
    "annahme",
    "these",
    "bericht",
    "information",
    "informationen",
)


def _noun_cue(text: str, sent: Sentence, index: int, comma: int) -> Draft | None:
    """ "die Einschätzung des Ministers, dass …": a speech noun with its genitive speaker."""
    tokens = sent.tokens
    for k in range(comma - 1, max(-1, comma - 10), -1):
        word = tokens[k].text.lower()
        if not tokens[k].is_cap or not word.endswith(_NOUN_CUES) or sent.quoted[k]:
            continue
        if k + 1 < comma and tokens[k + 1].text.lower() in ("des", "der", "von", "vom"):
            speaker = np_forward(tokens, k + 2)
        elif k > 0 and tokens[k - 1].text.lower() in ("seine", "seiner", "ihre", "ihrer", "seinen", "ihren"):
            speaker = Phrase(k - 1, k)
        else:
            continue
        span = token_span(sent, comma + 1, len(tokens))
        if speaker is None or span is None:
            return None
        return cued_draft(text, tokens, index, span, cue=k, speaker=speaker)
    return None
