"""Scoring claim extraction against gold quotation annotations (pure; no I/O).

Contract of the figures (what ``manage.py evaluate_claims`` prints):

- Quotes are compared by their *word tokens* (``\\w+`` runs of the document, by
  position, so punctuation and quote marks do not count).
- A predicted and a gold quote *overlap* by the number of tokens they share; their
  score is the Dice coefficient ``2·shared / (|pred| + |gold|)``. Pairs are matched
  one-to-one, greedily by descending score; a pair with score ≥ ``threshold``
  (0.5) is a match.
- Span precision = matches / predicted, recall = matches / gold, F1 their
  harmonic mean. ``token`` figures weigh the same matches by shared tokens
  (shared / all predicted tokens, shared / all gold tokens).
- On matched pairs: type accuracy (same type), speaker-mention accuracy (the
  predicted and gold speaker mentions share a token, or both are absent), cue
  accuracy (likewise for the cue).
- Addressee mentions on matched pairs, as precision and recall: of the pairs where we
  name an addressee, how many share a token with the gold addressee; of the pairs where
  the gold names one, how many we found.
- Per type: the same matching restricted to gold and predicted quotes of that type.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .types import CLAIM_TYPES, Claim, ClaimType

Spans = tuple[tuple[int, int], ...]

_WORD = re.compile(r"\w+")
_GOLD_TYPES: dict[str, ClaimType] = {
    "Direct": "direct",
    "Indirect": "indirect",
    "IndirectFreeIndirect": "indirect_free_indirect",
    "FreeIndirect": "free_indirect",
    "Reported": "reported",
}


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation, gold or predicted, reduced to what is scored."""

    type: ClaimType
    spans: Spans
    speaker: Spans = ()
    cue: Spans = ()
    addressee: Spans = ()


def quote_from_gold(annotation: Mapping[str, Any]) -> Quote:
    """Convert one annotation of the quotes-de format (see its README)."""
    kind = annotation["type"]
    if kind not in _GOLD_TYPES:
        raise ValueError(f"unknown gold quote type {kind!r}")

    def spans(role: str) -> Spans:
        value = annotation.get(role)
        return tuple((int(s), int(e)) for s, e in value["spans"]) if value else ()

    return Quote(
        type=_GOLD_TYPES[kind],
        spans=spans("quote"),
        speaker=spans("speaker"),
        cue=spans("cue"),
        addressee=spans("addressee"),
    )


def quote_from_claim(claim: Claim) -> Quote:
    mention, addressee = claim.speaker_mention, claim.addressee_mention
    return Quote(
        type=claim.type,
        spans=claim.spans or ((claim.start, claim.end),),
        speaker=((mention.start, mention.end),) if mention else (),
        cue=((claim.cue.start, claim.cue.end),) if claim.cue else (),
        addressee=((addressee.start, addressee.end),) if addressee else (),
    )


class _Tokens:
    """Word-token indices of a text, looked up by character spans."""

    def __init__(self, text: str) -> None:
        self.starts = [m.start() for m in _WORD.finditer(text)]
        self.ends = [m.end() for m in _WORD.finditer(text)]

    def covered(self, spans: Spans) -> frozenset[int]:
        found: set[int] = set()
        for start, end in spans:
            first = bisect.bisect_right(self.ends, start)
            for index in range(first, len(self.starts)):
                if self.starts[index] >= end:
                    break
                found.add(index)
        return frozenset(found)


@dataclass(slots=True)
class Tally:
    """Counts for one set of quotes (all, or one type)."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    gold_tokens: int = 0
    predicted_tokens: int = 0
    shared_tokens: int = 0
    type_right: int = 0
    speaker_right: int = 0
    cue_right: int = 0
    addressee_gold: int = 0
    addressee_predicted: int = 0
    addressee_right: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float | int]:
        precision = _ratio(self.matched, self.predicted)
        recall = _ratio(self.matched, self.gold)
        token_p = _ratio(self.shared_tokens, self.predicted_tokens)
        token_r = _ratio(self.shared_tokens, self.gold_tokens)
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": precision,
            "recall": recall,
            "f1": _f1(precision, recall),
            "token_precision": token_p,
            "token_recall": token_r,
            "token_f1": _f1(token_p, token_r),
            "type_accuracy": _ratio(self.type_right, self.matched),
            "speaker_accuracy": _ratio(self.speaker_right, self.matched),
            "cue_accuracy": _ratio(self.cue_right, self.matched),
            "addressee_gold": self.addressee_gold,
            "addressee_predicted": self.addressee_predicted,
            "addressee_precision": _ratio(self.addressee_right, self.addressee_predicted),
            "addressee_recall": _ratio(self.addressee_right, self.addressee_gold),
        }


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _match(
    gold: Sequence[frozenset[int]], predicted: Sequence[frozenset[int]], threshold: float
) -> list[tuple[int, int]]:
    candidates = []
    for g, g_tokens in enumerate(gold):
        for p, p_tokens in enumerate(predicted):
            shared = len(g_tokens & p_tokens)
            if shared:
                dice = 2 * shared / (len(g_tokens) + len(p_tokens))
                if dice >= threshold:
                    candidates.append((dice, g, p))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, g, p in candidates:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            pairs.append((g, p))
    return pairs


def _mention_right(tokens: _Tokens, gold: Spans, predicted: Spans) -> bool:
    if not gold or not predicted:
        return not gold and not predicted
    return bool(tokens.covered(gold) & tokens.covered(predicted))


def _tally_addressee(tally: Tally, tokens: _Tokens, gold: Quote, predicted: Quote) -> None:
    tally.addressee_gold += bool(gold.addressee)
    tally.addressee_predicted += bool(predicted.addressee)
    if gold.addressee and predicted.addressee:
        tally.addressee_right += _mention_right(tokens, gold.addressee, predicted.addressee)


def _tally(tokens: _Tokens, gold: Sequence[Quote], predicted: Sequence[Quote], threshold: float) -> Tally:
    gold_sets = [tokens.covered(q.spans) for q in gold]
    pred_sets = [tokens.covered(q.spans) for q in predicted]
    tally = Tally(
        gold=len(gold),
        predicted=len(predicted),
        gold_tokens=sum(map(len, gold_sets)),
        predicted_tokens=sum(map(len, pred_sets)),
    )
    for g, p in _match(gold_sets, pred_sets, threshold):
        tally.matched += 1
        tally.shared_tokens += len(gold_sets[g] & pred_sets[p])
        tally.type_right += gold[g].type == predicted[p].type
        tally.speaker_right += _mention_right(tokens, gold[g].speaker, predicted[p].speaker)
        tally.cue_right += _mention_right(tokens, gold[g].cue, predicted[p].cue)
        _tally_addressee(tally, tokens, gold[g], predicted[p])
    return tally


@dataclass(slots=True)
class Evaluation:
    """Accumulates tallies over documents; ``report()`` gives the figures."""

    threshold: float = 0.5
    overall: Tally = field(default_factory=Tally)
    by_type: dict[str, Tally] = field(default_factory=lambda: {t: Tally() for t in CLAIM_TYPES})
    documents: int = 0

    def add_document(self, text: str, gold: Iterable[Quote], predicted: Iterable[Quote]) -> Tally:
        """Score one document; returns its overall tally."""
        gold, predicted = list(gold), list(predicted)
        tokens = _Tokens(text)
        tally = _tally(tokens, gold, predicted, self.threshold)
        self.overall.add(tally)
        for kind in CLAIM_TYPES:
            self.by_type[kind].add(
                _tally(
                    tokens,
                    [q for q in gold if q.type == kind],
                    [q for q in predicted if q.type == kind],
                    self.threshold,
                )
            )
        self.documents += 1
        return tally

    def report(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "overall": self.overall.figures(),
            "by_type": {kind: tally.figures() for kind, tally in self.by_type.items()},
        }
