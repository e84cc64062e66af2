"""Direct quotes: quote marks, the frame that attributes them, interrupted and nested quotes."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from .citing import with_quoting_medium
from .drafts import (
    Draft,
    Sentence,
    apply_frame,
    has_konjunktiv,
    sentence_of,
)
from .frames import Frame, person_like
from .phrases import np_forward
from .quote_frames import (
    INDEFINITE,
    anaphoric_frame,
    frame_for_quote,
    judging_frame,
    only_punct_between,
    speech_act_frame,
)
from .quotes import QuotePair, is_long, words
from .titles import after_speech_act, is_title_like, spoken_of, title_reason
from .unframed import pin_aside_speaker


def direct_claims(text: str, sents: list[Sentence], quotes: list[QuotePair], lang: str) -> list[Draft]:
    drafts: list[Draft] = []
    skip: set[int] = set()
    for q_index, pair in enumerate(quotes):
        if q_index in skip or is_title_like(text, pair, lang):
            continue
        close_sent = sentence_of(sents, pair.close - 1)
        open_sent = sentence_of(sents, pair.open)
        frame, where = frame_for_quote(sents, open_sent, close_sent, pair)
        if frame is None and _quote_is_sentence(text, sents[close_sent], pair):
            frame, where = anaphoric_frame(sents, close_sent + 1)
        said_after = frame is not None and sents[where].tokens[frame.cue].start >= pair.close
        if _short_term(text, pair) and not said_after:
            continue  # „Alles ruhig“, sagte X — but not "forderte einen „Management Plan“"
        if frame is not None and _inside_speaker(sents[where], frame, pair):
            continue  # „Aktion Deutschland hilft“ inside the speaker's name
        spans = [_inner(text, pair)]
        if frame is None:
            judged = judging_frame(text, pair, sents[open_sent])
            frame, where = judged or speech_act_frame(text, pair, sents[open_sent]), open_sent
        if frame is None and not _quoted_view(text, pair, sents[open_sent]):
            continue
        sent_index = where if frame is not None else open_sent
        draft = Draft("direct", spans, sent_index)
        if frame is not None:
            apply_frame(text, sents[where], frame, draft)
            follower = _interrupted(text, sents[where], frame, quotes, q_index, lang)
            if follower is not None:
                skip.add(follower)
                nxt = quotes[follower]
                draft.spans.append(_inner(text, nxt))
        pin_aside_speaker(text, sents[open_sent], draft)
        drafts.extend(with_quoting_medium(text, sents[where], frame, draft) if frame is not None else [draft])
    return drafts


def _short_term(text: str, pair: QuotePair) -> bool:
    """One or two capitalised words in quote marks ("baut einen „Sanierungsfonds“", "zum „Austausch“") are a
    term or a name, not a quotation of their own, unless introduced by "als" ("als „Fest“ bezeichnet"), the
    object of a speech act ("warnte vor „Panikmache“", "sprach von „Notverkäufen“") or exclaimed; inside an
    attributed claim they are taken as that speaker's words (``nested_quotes``)."""
    content = pair.content(text).strip()
    found = words(content)
    if not found or len(found) > 2 or not content[:1].isupper() or content[-1:] in "!?":
        return False
    before = words(text[max(0, pair.open - 20) : pair.open])
    if not before:
        return True
    if before[-1].lower() == "als":
        return False
    return not spoken_of(text, pair) and not after_speech_act(text, pair)


def _quote_is_sentence(text: str, sent: Sentence, pair: QuotePair) -> bool:
    return text[pair.close : sent.end].strip() in ("", ".", "!", "?")


def _inside_speaker(sent: Sentence, frame: Frame, pair: QuotePair) -> bool:
    if frame.speaker is None:
        return False
    tokens = sent.tokens
    start, end = tokens[frame.speaker.first].start, tokens[frame.speaker.last - 1].end
    return start <= pair.open and pair.close <= end + 1


def _quoted_view(text: str, pair: QuotePair, sent: Sentence) -> bool:
    """A quote with no frame is still somebody's words when it is a whole sentence, a quoted judgement,
    or the view of the person a sentence opens with ("Für die Ärztin ist die Lage „kritisch“")."""
    return is_long(text, pair) or _judgement(text, pair, sent) or _view_of_holder(text, pair, sent)


_COPULAS = frozenset(("ist", "sind", "war", "waren", "sei", "seien", "wäre", "wären", "bleibt", "bleiben", "blieb"))


def _view_of_holder(text: str, pair: QuotePair, sent: Sentence) -> bool:
    """ "Für X ist/war … „…“": a copula right after the holder, the quote after it."""
    tokens = sent.tokens
    if len(tokens) < 3 or tokens[0].text.lower() != "für":
        return False
    phrase = np_forward(tokens, 1)
    if phrase is None or phrase.last >= len(tokens) or not person_like(tokens, phrase):
        return False
    return tokens[phrase.last].text in _COPULAS and tokens[phrase.last].end <= pair.open


def _judgement(text: str, pair: QuotePair, sent: Sentence) -> bool:
    """A short quoted phrase starting lower-case ("„völlig unrealistisch“"): somebody's words, not a name.

    A bare adjective + noun ("„großen Budget“") is a term unless the sentence reports speech (Konjunktiv).
    """
    content = pair.content(text).strip()
    if not content or not content[0].islower() or " " not in content:
        return False
    parts = content.split()
    term = len(parts) == 2 and parts[1][:1].isupper()
    return not term or has_konjunktiv(sent) or _after_indefinite(text, pair)


# Verbs that pass a judgement "als „…“" ("wies die Kritik als „Unsinn“ zurück", "beschrieb ihn als „…“").
def _after_indefinite(text: str, pair: QuotePair) -> bool:
    """ "mit einer „verfahrenen Lage“": an indefinite article marks a quoted judgement, not a fixed term."""
    before = words(text[max(0, pair.open - 12) : pair.open])
    return bool(before) and before[-1].lower() in INDEFINITE and text[: pair.open].endswith(" ")


def _inner(text: str, pair: QuotePair) -> tuple[int, int]:
    """The quoted words without the marks, the white space inside them, or a trailing comma (English
    “…,” she said)."""
    start, end = pair.open + 1, pair.close - 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1] == "," or text[end - 1].isspace()):
        end -= 1
    return start, end


def _interrupted(
    text: str, sent: Sentence, frame: Frame, quotes: Sequence[QuotePair], q_index: int, lang: str
) -> int | None:
    """„A“, sagte X, „B“: the quote that continues right after the frame.

    Not a name in the frame itself: „A“, schrieb „Die Zeit“ / sagte sie dem „Hamburger Abendblatt“.
    """
    if q_index + 1 >= len(quotes):
        return None
    nxt = quotes[q_index + 1]
    last = sent.tokens[max(frame.last, frame.speaker.last if frame.speaker else 0) - 1].end
    if not (sent.start <= nxt.open < sent.end) or nxt.open < last:
        return None
    if not _frame_follows(sent, frame, quotes[q_index]):
        return None  # "Sie sei „geschockt“ über X, sagte Y, ihre „…“": two quotations, not one interrupted
    gap = text[last : nxt.open]
    if len(gap) > 40 or any(c in gap for c in ".!?"):
        return None
    if gap.strip().startswith(","):
        return q_index + 1
    return q_index + 1 if len(gap.strip()) < 25 and not is_title_like(text, nxt, lang) else None


def _frame_follows(sent: Sentence, frame: Frame, pair: QuotePair) -> bool:
    """The frame comes right after the quote, only punctuation between („A“, sagte X, …)."""
    tokens = sent.tokens
    first = min(frame.first, frame.cue, frame.speaker.first if frame.speaker else frame.cue)
    start = tokens[first].start
    return start >= pair.close and only_punct_between(sent, pair.close, start)


def nested_quotes(text: str, claim: Draft, quotes: Sequence[QuotePair], taken: set[int], lang: str) -> list[Draft]:
    """Quoted words inside an indirect claim are the speaker's own words: direct, same attribution.

    ``taken``: start offsets of quotes that are direct claims already.
    """
    found: list[Draft] = []
    first = bisect.bisect_left(quotes, claim.spans[0][0] - 1, key=_open_of)
    last = bisect.bisect_right(quotes, claim.spans[-1][1], key=_open_of)
    for pair in quotes[first:last]:
        inner = (pair.open + 1, pair.close - 1)
        if inner[0] in taken or is_title_like(text, pair, lang):
            continue
        if any(s <= pair.open and pair.close <= e for s, e in claim.spans):
            nested = Draft("direct", [inner], claim.sentence, claim.speaker, claim.cue, claim.source, role=claim.role)
            found.append(nested)
    return found


def _open_of(pair: QuotePair) -> int:
    return pair.open


_COORDINATION = re.compile(r"\s*(?:,|und|oder|sowie)\s*")
# A sibling quote may overrule only the weak "looks like a name" verdicts of the title filter.
_WEAK_REASONS = (None, "capitalised")


def coordinated_quotes(text: str, quotes: Sequence[QuotePair], drafts: Sequence[Draft], lang: str) -> list[Draft]:
    """ "„zu teuer“ oder „unnötig“": a quote coordinated with a direct quote is direct too, same attribution.

    Returns copies of the neighbouring draft for the sibling quotes not yet taken.
    """
    by_start = {d.spans[0][0]: d for d in drafts if d.type == "direct"}
    found: list[Draft] = []
    for k, pair in enumerate(quotes):
        inner = _inner(text, pair)
        if inner[0] in by_start:
            continue
        sibling = _coordinated_sibling(text, quotes, k, by_start)
        if sibling is not None and title_reason(text, pair, lang) in _WEAK_REASONS:
            copy = replace(sibling, spans=[inner])
            found.append(copy)
            by_start[inner[0]] = copy
    return found


def _coordinated_sibling(text: str, quotes: Sequence[QuotePair], k: int, by_start: dict[int, Draft]) -> Draft | None:
    for j in (k - 1, k + 1):
        if 0 <= j < len(quotes) and quotes[j].open + 1 in by_start:
            first, second = sorted((quotes[j], quotes[k]), key=lambda q: q.open)
            if _COORDINATION.fullmatch(text[first.close : second.open]):
                return by_start[quotes[j].open + 1]
    return None
