"""Word-level diffs between two versions of an article, for the diff page.

``word_diff`` tokenises both texts into words and the whitespace/punctuation
between them, diffs the token sequences with diff-match-patch (each distinct
token mapped to one private character, the library's lines-to-chars trick
applied to words) and runs its semantic cleanup so that a reworded sentence
reads as one deletion and one insertion instead of a salad of fragments.
``diff_paragraphs`` cuts the result into paragraphs and ``fold_unchanged``
collapses runs of unchanged paragraphs for the "changes only" view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from diff_match_patch import diff_match_patch

Op = Literal["equal", "insert", "delete"]
_OPS: dict[int, Op] = {0: "equal", 1: "insert", -1: "delete"}
_TOKEN = re.compile(r"\n\s*\n|\w+|[^\w\n]+|\n", re.UNICODE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# diff-match-patch works on str; tokens become characters from this offset on
# (Supplementary Private Use Area-A, far from anything an article contains).
_TOKEN_BASE = 0xF0000


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One run of text that is equal in both versions, only in the new one, or only in the old one."""

    op: Op
    text: str


@dataclass(frozen=True, slots=True)
class DiffParagraph:
    """The operations of one paragraph; ``changed`` when any of them is not equal."""

    ops: tuple[DiffOp, ...]

    @property
    def changed(self) -> bool:
        return any(op.op != "equal" for op in self.ops)


@dataclass(frozen=True, slots=True)
class Folded:
    """A run of unchanged paragraphs hidden in the "changes only" view."""

    paragraphs: tuple[DiffParagraph, ...]

    @property
    def count(self) -> int:
        return len(self.paragraphs)


@dataclass(frozen=True, slots=True)
class DiffStats:
    inserted_words: int
    deleted_words: int

    @property
    def unchanged(self) -> bool:
        return self.inserted_words == 0 and self.deleted_words == 0


def tokenize(text: str) -> list[str]:
    """Words, paragraph breaks, single newlines and the runs between words; joining them gives ``text`` back."""
    return _TOKEN.findall(text)


def _encode(tokens: list[str], table: dict[str, str]) -> str:
    chars = []
    for token in tokens:
        if token not in table:
            table[token] = chr(_TOKEN_BASE + len(table))
        chars.append(table[token])
    return "".join(chars)


def word_diff(old: str, new: str, *, timeout: float = 2.0) -> tuple[DiffOp, ...]:
    """The word-level diff from ``old`` to ``new`` after semantic cleanup; adjacent runs of one op are merged."""
    table: dict[str, str] = {}
    encoded_old = _encode(tokenize(old), table)
    encoded_new = _encode(tokenize(new), table)
    decode = {char: token for token, char in table.items()}
    engine = diff_match_patch()
    engine.Diff_Timeout = timeout
    raw: list[tuple[int, str]] = engine.diff_main(encoded_old, encoded_new, False)
    # Cleaning up on the encoded form keeps every boundary on a token boundary:
    # one character is one whole word, so no word is ever split.
    engine.diff_cleanupSemantic(raw)
    ops = [DiffOp(_OPS[code], "".join(decode[char] for char in chars)) for code, chars in raw if chars]
    return _merge(ops)


def _merge(ops: list[DiffOp]) -> tuple[DiffOp, ...]:
    merged: list[DiffOp] = []
    for op in ops:
        if merged and merged[-1].op == op.op:
            merged[-1] = DiffOp(op.op, merged[-1].text + op.text)
        else:
            merged.append(op)
    return tuple(merged)


def diff_stats(ops: tuple[DiffOp, ...]) -> DiffStats:
    """How many words were inserted and deleted."""
    inserted = sum(len(re.findall(r"\w+", op.text)) for op in ops if op.op == "insert")
    deleted = sum(len(re.findall(r"\w+", op.text)) for op in ops if op.op == "delete")
    return DiffStats(inserted_words=inserted, deleted_words=deleted)


def diff_paragraphs(ops: tuple[DiffOp, ...]) -> tuple[DiffParagraph, ...]:
    """Cut the operations at paragraph breaks (blank lines) of the text they produce."""
    paragraphs: list[tuple[DiffOp, ...]] = []
    current: list[DiffOp] = []
    for op in ops:
        pieces = _PARAGRAPH_BREAK.split(op.text)
        for index, piece in enumerate(pieces):
            if index > 0:
                paragraphs.append(tuple(current))
                current = []
            if piece:
                current.append(DiffOp(op.op, piece))
    paragraphs.append(tuple(current))
    return tuple(DiffParagraph(p) for p in paragraphs if any(op.text.strip() for op in p))


def fold_unchanged(paragraphs: tuple[DiffParagraph, ...], *, context: int = 1) -> tuple[DiffParagraph | Folded, ...]:
    """Keep changed paragraphs and ``context`` paragraphs around each; fold every other run of unchanged ones."""
    keep: set[int] = set()
    for index, paragraph in enumerate(paragraphs):
        if paragraph.changed:
            keep.update(range(index - context, index + context + 1))
    blocks: list[DiffParagraph | Folded] = []
    hidden: list[DiffParagraph] = []
    for index, paragraph in enumerate(paragraphs):
        if index in keep:
            if hidden:
                blocks.append(Folded(tuple(hidden)))
                hidden = []
            blocks.append(paragraph)
        else:
            hidden.append(paragraph)
    if hidden:
        blocks.append(Folded(tuple(hidden)))
    return tuple(blocks)


def headline_diff(old: str, new: str) -> tuple[DiffOp, ...]:
    """The word-level diff of two headlines (empty when they are equal)."""
    if old == new:
        return ()
    return word_diff(old, new)
