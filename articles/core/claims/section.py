"""Claim extraction inside one section's text (offsets relative to that text).

The result is cached per (section text, language) by the package; speakers are
resolved here only as far as the section itself allows (a pronoun to the last
person named in the section); the document pass finishes the job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from articles.core.types import ClaimType, Mention

from .frames import Frame, find_frames
from .lexicon import (
    ADVERBIAL_STARTS,
    AGENT_SUFFIXES,
    COMPLEMENTIZERS,
    DETERMINERS,
    REPORTED_FORMS,
    REPORTED_STEMS,
    REPORTIVE_SOLL,
    ROLE_SUFFIXES,
    STRONG_SPEECH,
)
from .phrases import Phrase, is_medium, is_pronoun, np_forward, role_split, subject_after, subject_before
from .quotes import QuotePair, find_quotes, is_long, is_title_like
from .text import Token, is_konjunktiv, sentences, tokenize

_END_PUNCT = ".!?;:…"


@dataclass(frozen=True, slots=True)
class Person:
    """A person (or organisation) named in the section, with where and how."""

    position: int
    name: str
    role: str | None = None
    spoke: bool = False


@dataclass(slots=True)
class Draft:
    """A claim under construction, in section-relative offsets."""

    type: ClaimType
    spans: list[tuple[int, int]]
    sentence: int
    speaker: Mention | None = None
    cue: Mention | None = None
    source: str | None = None
    addressee: Mention | None = None
    role: str | None = None
    name: str | None = None
    description: str | None = None
    apposition: str | None = None
    named_here: bool = False


@dataclass(frozen=True, slots=True)
class SectionResult:
    drafts: tuple[Draft, ...]
    persons: tuple[Person, ...]


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    tokens: list[Token]
    quoted: list[bool]
    frames: list[Frame] = field(default_factory=list)


def analyse_section(text: str, lang: str = "de") -> SectionResult:
    """Claims and named persons of one section's text."""
    quotes = find_quotes(text)
    sents = [_sentence(text, s, e, quotes) for s, e in sentences(text)]
    persons: list[Person] = []
    drafts: list[Draft] = []
    direct = _direct_claims(text, sents, quotes, lang)
    for index, sent in enumerate(sents):
        _register_subject(text, sent, persons)
        for draft in direct:
            if draft.sentence == index:
                if draft.speaker is None:
                    _speaker_without_frame(text, sent, draft, drafts)
                drafts.append(draft)
        claim = _sentence_claim(text, sents, index, drafts)
        if claim is not None:
            drafts.append(claim)
            drafts.extend(_nested(text, claim, quotes, direct, lang))
        for draft in drafts:
            if draft.sentence == index:
                _resolve_locally(draft, persons)
    ordered = sorted(drafts, key=lambda d: d.spans[0])
    return SectionResult(tuple(_merge_continuations(ordered)), tuple(persons))


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


def _sentence(text: str, start: int, end: int, quotes: Sequence[QuotePair]) -> _Sentence:
    tokens = tokenize(text, start, end)
    quoted = [any(q.open <= t.start < q.close for q in quotes) for t in tokens]
    sent = _Sentence(start, end, tokens, quoted)
    sent.frames = find_frames(tokens, quoted)
    return sent


def _mention(text: str, tokens: Sequence[Token], phrase: Phrase | None) -> Mention | None:
    if phrase is None or phrase.last <= phrase.first:
        return None
    start, end = tokens[phrase.first].start, tokens[phrase.last - 1].end
    return Mention(text[start:end], start, end)


def _cue(text: str, tokens: Sequence[Token], frame: Frame) -> Mention:
    start, end = tokens[frame.cue].start, tokens[frame.cue_end - 1].end
    return Mention(text[start:end], start, end)


def _apply_frame(text: str, sent: _Sentence, frame: Frame, draft: Draft) -> Draft:
    draft.speaker = _mention(text, sent.tokens, frame.speaker)
    if draft.speaker is not None and draft.speaker.text.lower() == "es":
        draft.speaker = _document_phrase(text, sent) or draft.speaker
    draft.cue = _cue(text, sent.tokens, frame)
    if frame.kind in ("laut", "nach") and draft.speaker is not None:
        draft.source = _strip_det(draft.speaker.text)
    elif frame.speaker is not None:
        draft.source = _channel(text, sent, max(frame.speaker.last, frame.cue + 1))
        draft.apposition = _apposition(text, sent, frame.speaker.last)
        draft.name = _name_apposition(sent, frame.speaker.last)
        if draft.name is not None and draft.speaker is not None:
            draft.role = _strip_det(draft.speaker.text)
            draft.named_here = True
    return draft


def _name_apposition(sent: _Sentence, j: int) -> str | None:
    """ "der Chef der Bundesagentur, Frank-Jürgen Weise, …": the name after a description."""
    tokens = sent.tokens
    if j + 2 >= len(tokens) or tokens[j].text != "," or tokens[j - 1].text[:1].isupper() is False:
        return None
    k = j + 1
    while k < len(tokens) and k - j <= 4 and tokens[k].is_cap and tokens[k].text.lower() not in DETERMINERS:
        k += 1
    if k - j < 3 or k >= len(tokens) or (tokens[k].text not in (",", ".", "(") and not tokens[k].text.islower()):
        return None
    return " ".join(t.text for t in tokens[j + 1 : k])


def _document_phrase(text: str, sent: _Sentence) -> Mention | None:
    """ "In der Mitteilung des WWF heißt es, …": the document speaks."""
    tokens = sent.tokens
    for k, token in enumerate(tokens[:-1]):
        if token.text.lower() in ("in", "im") and not sent.quoted[k]:
            return _mention(text, tokens, np_forward(tokens, k + 1))
    return None


def _strip_det(words: str) -> str:
    parts = words.split()
    return (
        " ".join(parts[1:])
        if len(parts) > 1 and parts[0].lower() in ("der", "die", "das", "den", "dem", "des", "einem", "einer", "einen")
        else words
    )


def _channel(text: str, sent: _Sentence, j: int) -> str | None:
    """ "gegenüber SRF", "zu SRF", "laut TASS", "der Bild-Zeitung", "sagte er Euronews" after the speaker."""
    tokens = sent.tokens
    for k in range(j, min(j + 8, len(tokens))):
        word = tokens[k].text.lower()
        if tokens[k].text in (",", ".", ":", "„", "»") or sent.quoted[k]:
            return None
        if word in ("gegenüber", "zu", "zum", "zur", "laut", "der", "dem", "the", "to") or (
            k == j and tokens[k].is_cap
        ):
            phrase = np_forward(tokens, k if k == j and tokens[k].is_cap else k + 1)
            if phrase is not None and (is_medium(tokens, phrase) or _acronym(tokens, phrase) or word == "laut"):
                return _strip_det(text[tokens[phrase.first].start : tokens[phrase.last - 1].end])
            if phrase is not None and word in ("gegenüber", "zu") and k == j:
                return None
    return None


def _acronym(tokens: Sequence[Token], phrase: Phrase) -> bool:
    words = [t.text for t in tokens[phrase.first : phrase.last]]
    return any(len(w) >= 2 and w.isupper() for w in words) or (len(words) == 1 and words[0] not in ("Reportern",))


# --- direct quotes -----------------------------------------------------------


def _sentence_of(sents: Sequence[_Sentence], position: int) -> int:
    for index, sent in enumerate(sents):
        if sent.start <= position < sent.end:
            return index
    return max(0, len(sents) - 1)


def _direct_claims(text: str, sents: list[_Sentence], quotes: list[QuotePair], lang: str) -> list[Draft]:
    drafts: list[Draft] = []
    skip: set[int] = set()
    for q_index, pair in enumerate(quotes):
        if q_index in skip or is_title_like(text, pair, lang):
            continue
        close_sent = _sentence_of(sents, pair.close - 1)
        open_sent = _sentence_of(sents, pair.open)
        frame, where = _frame_for_quote(sents, open_sent, close_sent, pair)
        if frame is not None and _inside_speaker(sents[where], frame, pair):
            continue  # „Aktion Deutschland hilft“ inside the speaker's name
        spans = [_inner(text, pair)]
        if frame is None and not is_long(text, pair) and not _judgement(text, pair):
            continue
        sent_index = where if frame is not None else open_sent
        draft = Draft("direct", spans, sent_index)
        if frame is not None:
            _apply_frame(text, sents[where], frame, draft)
            follower = _interrupted(text, sents[where], frame, quotes, q_index)
            if follower is not None:
                skip.add(follower)
                nxt = quotes[follower]
                draft.spans.append(_inner(text, nxt))
        drafts.append(draft)
    return drafts


def _inside_speaker(sent: _Sentence, frame: Frame, pair: QuotePair) -> bool:
    if frame.speaker is None:
        return False
    tokens = sent.tokens
    start, end = tokens[frame.speaker.first].start, tokens[frame.speaker.last - 1].end
    return start <= pair.open and pair.close <= end + 1


def _judgement(text: str, pair: QuotePair) -> bool:
    """A short quoted phrase starting lower-case ("„völlig unrealistisch“"): somebody's words, not a name."""
    content = pair.content(text).strip()
    return bool(content) and content[0].islower() and " " in content


def _inner(text: str, pair: QuotePair) -> tuple[int, int]:
    """The quoted words without the marks and without a trailing comma (English “…,” she said)."""
    start, end = pair.open + 1, pair.close - 1
    while end > start and text[end - 1] in ", ":
        end -= 1
    return start, end


def _frame_for_quote(
    sents: Sequence[_Sentence], open_sent: int, close_sent: int, pair: QuotePair
) -> tuple[Frame | None, int]:
    after = sents[close_sent]
    for frame in after.frames:
        start = after.tokens[frame.first].start
        if start >= pair.close and _only_punct_between(after, pair.close, start):
            return frame, close_sent
    generic = _verb_after_quote(after, pair)
    if generic is not None:
        return generic, close_sent
    before = sents[open_sent]
    candidates = [f for f in before.frames if before.tokens[f.cue].start < pair.open and f.kind != "so"]
    if candidates:
        return candidates[-1], open_sent
    colon = _colon_frame(before, pair)
    if colon is not None:
        return colon, open_sent
    later = [f for f in after.frames if after.tokens[f.cue].start >= pair.close]
    if later and open_sent == close_sent:
        return _subject_after_quote(after, later[0], pair), close_sent
    return None, close_sent


def _subject_after_quote(sent: _Sentence, frame: Frame, pair: QuotePair) -> Frame:
    """„…“, Mayor X told …  /  “…,” she said: the subject between the quote and the verb."""
    if frame.speaker is not None:
        return frame
    tokens = sent.tokens
    start = next((i for i, t in enumerate(tokens) if t.start >= pair.close), None)
    while start is not None and start < frame.cue and tokens[start].text in (",", "–", "—"):
        start += 1
    if start is None or start >= frame.cue:
        return frame
    speaker = subject_before(tokens, frame.cue, start)
    return Frame(frame.kind, frame.cue, speaker, frame.first, frame.last, frame.cue_last) if speaker else frame


_NOT_FINITE = frozenset(
    [
        "und",
        "oder",
        "aber",
        "sondern",
        "die",
        "der",
        "das",
        "den",
        "dem",
        "des",
        "denn",
        "weil",
        "wenn",
        "dass",
        "ob",
        "wie",
        "was",
        "als",
        "so",
    ]
)


def _verb_after_quote(sent: _Sentence, pair: QuotePair) -> Frame | None:
    """„…“, zeigte sich X zufrieden: a finite verb right after the quote, its subject follows."""
    tokens = sent.tokens
    k = next((i for i, t in enumerate(tokens) if t.start >= pair.close), None)
    if k is None or k + 1 >= len(tokens) or tokens[k].text != ",":
        return None
    verb = tokens[k + 1]
    if not verb.text.islower() or verb.text in _NOT_FINITE or sent.quoted[k + 1]:
        return None
    speaker = subject_after(tokens, k + 1)
    if speaker is None:
        return None
    return Frame("verb", k + 1, speaker, k + 1, k + 2)


def _first_verb(sent: _Sentence, stop: int = 8) -> int | None:
    """The finite verb of a main clause: its first lower-case word that is no article, preposition or adjective."""
    previous = ""
    for i, token in enumerate(sent.tokens[:stop]):
        word = token.text
        adjective = previous in DETERMINERS and word.endswith(("e", "en", "er", "es", "em"))
        candidate = word.islower() and word not in _NOT_FINITE and word not in DETERMINERS
        if i > 0 and candidate and word not in _PREPOSITIONS and not sent.quoted[i] and not adjective:
            return i
        previous = word.lower()
    return None


_PREPOSITIONS = frozenset(
    (
        *("in", "im", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach", "von", "vom", "vor", "zu", "zum"),
        *("zur", "für", "über", "unter", "durch", "gegen", "ohne", "um", "seit", "während", "wegen", "trotz", "laut"),
    )
)


def _colon_frame(sent: _Sentence, pair: QuotePair) -> Frame | None:
    """X stellte in Frage: „…“ — the subject of the clause before the colon."""
    tokens = sent.tokens
    k = next((i for i, t in enumerate(tokens) if t.start >= pair.open), None)
    if k is None or k < 2 or tokens[k - 1].text != ":":
        return None
    verb = _first_verb(sent, stop=k - 1)
    if verb is None:
        return None
    speaker = subject_before(tokens, verb, 0) or subject_after(tokens, verb)
    if speaker is None:
        return None
    return Frame("verb", verb, speaker, verb, verb + 1)


def _only_punct_between(sent: _Sentence, start: int, end: int) -> bool:
    return all(not t.text[0].isalnum() for t in sent.tokens if start <= t.start < end)


def _interrupted(text: str, sent: _Sentence, frame: Frame, quotes: Sequence[QuotePair], q_index: int) -> int | None:
    """„A“, sagte X, „B“: the quote that continues right after the frame."""
    if q_index + 1 >= len(quotes):
        return None
    nxt = quotes[q_index + 1]
    last = sent.tokens[max(frame.last, frame.speaker.last if frame.speaker else 0) - 1].end
    if not (sent.start <= nxt.open < sent.end) or nxt.open < last:
        return None
    gap = text[last : nxt.open]
    if len(gap) > 40 or any(c in gap for c in ".!?"):
        return None
    return q_index + 1 if gap.strip().startswith(",") or len(gap.strip()) < 25 else None


def _nested(text: str, claim: Draft, quotes: Sequence[QuotePair], direct: Sequence[Draft], lang: str) -> list[Draft]:
    """Quoted words inside an indirect claim are the speaker's own words: direct, same attribution."""
    found: list[Draft] = []
    taken = {d.spans[0][0] for d in direct}
    for pair in quotes:
        inner = (pair.open + 1, pair.close - 1)
        if inner[0] in taken or is_title_like(text, pair, lang):
            continue
        if any(s <= pair.open and pair.close <= e for s, e in claim.spans):
            nested = Draft("direct", [inner], claim.sentence, claim.speaker, claim.cue, claim.source, role=claim.role)
            found.append(nested)
    return found


def _speaker_without_frame(text: str, sent: _Sentence, draft: Draft, drafts: Sequence[Draft]) -> None:
    """A quote with no cue: the sentence's own subject ("X zur Lage: „…“"), else the last speaker."""
    if sent.tokens and not sent.quoted[0] and sent.tokens[0].text.lower() not in ADVERBIAL_STARTS:
        phrase = np_forward(sent.tokens, 0)
        if phrase is not None and phrase.last < len(sent.tokens):
            following = sent.tokens[phrase.last]
            if following.text.islower() or following.text in (",", ":"):
                draft.speaker = _mention(text, sent.tokens, phrase)
                return
        verb = _first_verb(sent)
        after = subject_after(sent.tokens, verb) if verb is not None else None
        if after is not None and not sent.quoted[after.first]:
            draft.speaker = _mention(text, sent.tokens, after)
            return
    previous = _previous_claim(drafts, draft.sentence + 1)
    if previous is not None:
        draft.speaker, draft.name, draft.role = previous.speaker, previous.name, previous.role
        draft.description = previous.description


# --- sentence-level claims ---------------------------------------------------


def _quoted_share(sent: _Sentence, first: int, last: int) -> float:
    words = [i for i in range(first, last) if sent.tokens[i].text[0].isalnum()]
    if not words:
        return 1.0
    return sum(sent.quoted[i] for i in words) / len(words)


def _span(sent: _Sentence, first: int, last: int) -> tuple[int, int] | None:
    tokens = sent.tokens
    while first < last and tokens[first].text in ",–—-:":
        first += 1
    while last > first and tokens[last - 1].text in _END_PUNCT + ",–—-":
        last -= 1
    if last <= first:
        return None
    return tokens[first].start, tokens[last - 1].end


def _has_konjunktiv(sent: _Sentence, first: int = 0, last: int | None = None) -> bool:
    stop = len(sent.tokens) if last is None else last
    for i in range(first, stop):
        if not sent.quoted[i] and is_konjunktiv(sent.tokens[i].text):
            if i > 0 and sent.tokens[i - 1].text.lower() == "ich":
                continue
            return True
    return False


def _sentence_claim(text: str, sents: list[_Sentence], index: int, drafts: list[Draft]) -> Draft | None:
    sent = sents[index]
    if not sent.tokens or _quoted_share(sent, 0, len(sent.tokens)) > 0.6:
        return None
    for frame in sent.frames:
        claim = _framed(text, sents, index, frame)
        if claim is not None:
            return claim
    return _unframed(text, sents, index, drafts)


def _framed(text: str, sents: list[_Sentence], index: int, frame: Frame) -> Draft | None:
    sent = sents[index]
    n = len(sent.tokens)
    if frame.kind == "verb":
        region = _verb_region(sent, frame)
        if region is None:
            if _demonstrative_subject(sent, frame) and index > 0:
                return _anaphoric(text, sents, index, frame)
            return _reported(text, sent, index, frame)
        first, last = region
        span = _span(sent, first, last)
        if span is None or (sent.quoted[first] and _quoted_share(sent, first, last) > 0.5):
            return None
        if _demonstrative_subject(sent, frame) and index > 0:
            return _anaphoric(text, sents, index, frame)
        return _apply_frame(text, sent, frame, Draft("indirect", [span], index))
    if frame.kind == "so" and frame.cue > 1:
        span = _span(sent, 0, frame.first)
        if span is None or _quoted_share(sent, 0, frame.first) > 0.5:
            return None
        spans = [span]
        rest = _so_rest(sent, frame)
        if rest is not None:
            spans.append(rest)  # "Sein Rivale, so Obama weiter, würde …": the quote resumes after the frame
        return _apply_frame(text, sent, frame, Draft("indirect", spans, index))
    spans = [s for s in (_span(sent, 0, frame.first), _span(sent, frame.last, n)) if s is not None]
    if not spans or _quoted_share(sent, 0, n) > 0.5:
        return None
    return _apply_frame(text, sent, frame, Draft("indirect", spans, index))


_DEMONSTRATIVES = frozenset(("dies", "das", "dieses", "diese", "dies", "this", "that"))


def _demonstrative_subject(sent: _Sentence, frame: Frame) -> bool:
    """ "Dies bestätigte der Minister." — the claim is the sentence before."""
    tokens = sent.tokens
    return (
        frame.cue == 1
        and tokens[0].text.lower() in _DEMONSTRATIVES
        and frame.speaker is not None
        and frame.speaker.first > frame.cue
    )


def _anaphoric(text: str, sents: list[_Sentence], index: int, frame: Frame) -> Draft | None:
    previous = sents[index - 1]
    span = _span(previous, 0, len(previous.tokens))
    if span is None or _quoted_share(previous, 0, len(previous.tokens)) > 0.5:
        return None
    draft = Draft("indirect", [span], index)
    return _apply_frame(text, sents[index], frame, draft)


def _colon_before_quote(sent: _Sentence, start: int) -> bool:
    tokens = sent.tokens
    return any(tokens[k].text == ":" and sent.quoted[k + 1] for k in range(start, min(start + 12, len(tokens) - 1)))


def _so_rest(sent: _Sentence, frame: Frame) -> tuple[int, int] | None:
    tokens = sent.tokens
    end = frame.speaker.last if frame.speaker is not None else frame.last
    for k in range(end, min(end + 8, len(tokens) - 1)):
        if tokens[k].text == ",":
            return _span(sent, k + 1, len(tokens))
        if tokens[k].text in (".", "!", "?"):
            return None
    return None


def _verb_region(sent: _Sentence, frame: Frame) -> tuple[int, int] | None:
    """The reported clause of a verb frame, as a token range, or None."""
    tokens, n, cue = sent.tokens, len(sent.tokens), frame.cue
    if cue >= 2 and tokens[cue - 1].text == "," and frame.speaker is not None and frame.speaker.first > cue:
        return 0, cue - 1
    begin = max(cue, frame.speaker.last if frame.speaker else cue)
    for j in range(cue + 1, min(cue + 8, n - 1)):
        if tokens[j].text.lower() == "that" or (tokens[j].text.lower() == "dass" and tokens[j - 1].text != ","):
            return j, n  # "told the BBC that …" (no comma in English)
        if tokens[j].text in (",", ".", ":", ";"):
            break
    for j in range(begin, min(begin + 14, n - 1)):
        if tokens[j].text in (",", ":"):
            nxt = tokens[j + 1].text.lower()
            if _colon_before_quote(sent, j + 1):
                return None  # "sagte X, Gründer der Band: „…“" — the quote is a direct claim
            if (
                nxt in COMPLEMENTIZERS
                or tokens[cue].text.lower().startswith(STRONG_SPEECH)
                or _has_konjunktiv(sent, j + 1)
                or tokens[j].text == ":"
                or _zu_infinitive(sent, j + 1)
            ):
                return j + 1, n
            return None
        if tokens[j].text in (".", "!", "?"):
            return None
    return None


def _zu_infinitive(sent: _Sentence, first: int) -> bool:
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


_PASSIVE = frozenset(("wurde", "wurden", "worden", "wird", "werden"))


def _reported(text: str, sent: _Sentence, index: int, frame: Frame) -> Draft | None:
    verb = sent.tokens[frame.cue].text.lower()
    if frame.speaker is None or (verb not in REPORTED_FORMS and not verb.startswith(tuple(REPORTED_STEMS))):
        return None
    words = {t.text.lower() for t in sent.tokens}
    subject = sent.tokens[frame.speaker.first].text.lower()
    if words & _PASSIVE or subject in ("es", "man", "ihm", "ihr", "ihnen") or verb.startswith("droh"):
        return None  # passives, "Es geht um …", "Ihm drohen …": no speech act
    span = _span(sent, 0, len(sent.tokens))
    if span is None:
        return None
    draft = Draft("reported", [span], index)
    draft.speaker = _mention(text, sent.tokens, frame.speaker)
    return draft


def _unframed(text: str, sents: list[_Sentence], index: int, drafts: list[Draft]) -> Draft | None:
    sent = sents[index]
    span = _span(sent, 0, len(sent.tokens))
    if span is None:
        return None
    dass = _dass_claim(text, sent, index)
    if dass is not None:
        return dass
    first_person = any(
        t.text.lower() in ("ich", "wir") and not q for t, q in zip(sent.tokens, sent.quoted, strict=True)
    )
    if _has_konjunktiv(sent) and not first_person:
        draft = Draft("indirect_free_indirect", [span], index)
        previous = _previous_claim(drafts, index, reach=2)
        adjacent = previous is not None and previous.sentence == index - 1
        subject = None if adjacent else _previous_subject(text, sents, index)
        if previous is not None and (subject is None or not _named(subject.text)):
            draft.speaker, draft.name, draft.role = previous.speaker, previous.name, previous.role
            draft.description = previous.description
        elif subject is not None and _agent_like(subject.text):
            draft.speaker = subject
        else:
            draft.speaker = _recent_agent(text, sents, index)
        return draft
    if _reportive(sent):
        draft = Draft("free_indirect", [span], index)
        previous = _previous_claim(drafts, index, reach=2)
        subject = _previous_subject(text, sents, index)
        if previous is not None:
            draft.speaker = previous.speaker  # hearsay right after an attribution continues it
        elif subject is not None and _agent_like(subject.text):
            draft.speaker = subject
        return draft
    return None


def _reportive(sent: _Sentence) -> bool:
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


def _dass_claim(text: str, sent: _Sentence, index: int) -> Draft | None:
    """ "Die Forscher gehen davon aus, dass …": a clause in Konjunktiv or after an opinion word, no known cue."""
    tokens = sent.tokens
    for j in range(1, len(tokens) - 1):
        if tokens[j].text != "," or tokens[j + 1].text.lower() not in ("dass", "ob") or sent.quoted[j]:
            continue
        noun = _noun_cue(text, sent, index, j)
        if noun is not None:
            return noun
        opinion = {tokens[j - 1].text.lower(), tokens[j - 2].text.lower() if j > 1 else ""}
        if not (_has_konjunktiv(sent, j + 1) or opinion & _OPINION_WORDS):
            return None
        subject = np_forward(tokens, 0)
        if subject is None or tokens[0].text.lower() in ("es", "das", "dies", "dabei") or subject.last >= j:
            return None
        span = _span(sent, j + 1, len(tokens))
        if span is None:
            return None
        draft = Draft("indirect", [span], index)
        draft.speaker = _mention(text, tokens, subject)
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


def _noun_cue(text: str, sent: _Sentence, index: int, comma: int) -> Draft | None:
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
        span = _span(sent, comma + 1, len(tokens))
        if speaker is None or span is None:
            return None
        draft = Draft("indirect", [span], index)
        draft.speaker = _mention(text, tokens, speaker)
        draft.cue = Mention(tokens[k].text, tokens[k].start, tokens[k].end)
        return draft
    return None


def _previous_claim(drafts: Sequence[Draft], index: int, reach: int = 2) -> Draft | None:
    for draft in reversed(drafts):
        if draft.sentence < index and draft.type != "free_indirect":
            return draft if index - draft.sentence <= reach and draft.speaker is not None else None
    return None


def _named(words: str) -> bool:
    """A phrase with a person's name or role in it ("Staatspräsident Georgi Parwanow", "Dekan Berg")."""
    role, name = role_split(words.split())
    return name is not None or (role is not None and role.split()[-1].lower().endswith(ROLE_SUFFIXES))


def _agent_like(words: str) -> bool:
    """A phrase that can speak: a name, a role, an organisation, a group ("Analysten")."""
    parts = words.split()
    _role, name = role_split(parts)
    if name is not None and len(parts) <= 6:
        return True
    return any(p.lower().endswith(AGENT_SUFFIXES) for p in parts)


def _recent_agent(text: str, sents: Sequence[_Sentence], index: int) -> Mention | None:
    """The nearest source in the three sentences before: a speaking subject or a "laut X" phrase."""
    for back in range(index - 1, max(-1, index - 4), -1):
        sources = [f for f in sents[back].frames if f.kind in ("laut", "nach", "zufolge") and f.speaker]
        if sources and sources[-1].speaker is not None:
            return _mention(text, sents[back].tokens, sources[-1].speaker)
        subject = _previous_subject(text, sents, back + 1)
        if subject is not None and _agent_like(subject.text):
            return subject
    return None


def _previous_subject(text: str, sents: Sequence[_Sentence], index: int) -> Mention | None:
    """The subject of the sentence before: "Die Kriminalpolizei bittet um Mithilfe. Der Mann sei …"."""
    if index == 0:
        return None
    previous = sents[index - 1]
    verb = _first_verb(previous)
    if verb is None or previous.quoted[0]:
        return None
    phrase = subject_before(previous.tokens, verb, 0) or subject_after(previous.tokens, verb)
    if phrase is None or previous.tokens[phrase.first].text.lower() in ("es", "das", "dies", "man"):
        return None
    return _mention(text, previous.tokens, phrase)


# --- persons and local resolution --------------------------------------------


def _register_subject(text: str, sent: _Sentence, persons: list[Person]) -> None:
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
        role = _apposition(text, sent, phrase.last)
    persons.append(Person(sent.tokens[phrase.first].start, name, role))


def _apposition(text: str, sent: _Sentence, j: int) -> str | None:
    tokens = sent.tokens
    if j >= len(tokens) - 2 or tokens[j].text != ",":
        return None
    for k in range(j + 1, min(j + 16, len(tokens))):
        if tokens[k].text == ",":
            words = [t.text for t in tokens[j + 1 : k]]
            role, _ = role_split(words[:2])
            if role is not None or (words and words[0].lower().endswith(ROLE_TAILS)):
                return text[tokens[j + 1].start : tokens[k - 1].end]
            return None
    return None


ROLE_TAILS = (
    "professor",
    "professorin",
    "wissenschaftler",
    "wissenschaftlerin",
    "experte",
    "expertin",
    "chef",
    "leiter",
)


def _resolve_locally(draft: Draft, persons: list[Person]) -> None:
    mention = draft.speaker
    if mention is not None and draft.named_here and draft.name is not None:
        persons.append(Person(mention.start, draft.name, draft.role, spoke=True))
    if mention is None or draft.name is not None or draft.type == "indirect_free_indirect":
        return
    words = mention.text.split()
    if is_pronoun(words):
        if words[0].lower() in ("er", "sie", "he", "she"):
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
    elif role is not None:
        draft.description = role
        match = _by_role(persons, role, mention.start)
        if match is not None:
            draft.name, draft.role = match.name, match.role
        else:
            draft.role = role


def _by_role(persons: Sequence[Person], role: str, before: int) -> Person | None:
    head = role.split()[-1].lower()
    stem = head[:6]
    earlier = [p for p in persons if p.position < before]
    for person in reversed(earlier):
        if person.role and stem in person.role.lower():
            return person
    speakers = [p for p in earlier if p.spoke]
    return speakers[-1] if speakers and head.endswith(ROLE_SUFFIXES) else None
