"""Passive cues: "X wurde aufgefordert, …", "Von der Polizei wird vermutet, …" and who, if anyone, speaks."""

from __future__ import annotations

from collections.abc import Sequence

from .phrases import Phrase, adverbial_phrase, np_forward
from .text import Token

_PASSIVE_AUX = frozenset(("wird", "wurde", "wurden", "werden", "worden"))
_AGENT_LINKS = frozenset(("von", "vom", "seitens"))
_DOCUMENT_LINKS = frozenset(("in", "im"))


def passive(tokens: Sequence[Token], i: int) -> bool:
    """ "Es wird befürchtet, dass …", "X wurde aufgefordert, …": a participle with a form of "werden"."""
    word = tokens[i].text.lower()
    participle = word.endswith("t") or (word.endswith("en") and "ge" in word[:6])
    if not participle:
        return False
    if i + 1 < len(tokens) and tokens[i + 1].text.lower() in ("worden", "werden"):
        return True
    j = i - 1
    while j >= max(0, i - 16):
        if tokens[j].text == "“":
            j = _before_als_quote(tokens, j)  # "werden von X als „…“ bezeichnet": skip the complement
        if j < 0 or tokens[j].text in (",", ";", ":", "„", "“"):
            return False
        if tokens[j].text.lower() in _PASSIVE_AUX:
            return True
        j -= 1
    return False


def _before_als_quote(tokens: Sequence[Token], close: int) -> int:
    """The token before "als „…“" ending at ``close``; ``close`` itself when the quote is no such complement."""
    for k in range(close - 1, max(-1, close - 12), -1):
        if tokens[k].text == "„":
            return k - 2 if k > 0 and tokens[k - 1].text.lower() == "als" else close
    return close


def passive_agent(tokens: Sequence[Token], i: int) -> Phrase | None:
    """The agent of a passive cue ("von den Behörden", "seitens der Regierung") or the document it is
    written in ("In einer Presseerklärung wurde verkündet"); none in an agentless passive."""
    start = clause_start_comma(tokens, i)
    for links in (_AGENT_LINKS, _DOCUMENT_LINKS):
        for j in range(start, i):
            if tokens[j].text.lower() in links:
                phrase = np_forward(tokens, j + 1)
                if phrase is not None and phrase.last <= i and not adverbial_phrase(tokens, phrase):
                    return phrase  # not "Im März wurde … erklärt": a time is no agent
    return leading_document(tokens, i)


def leading_document(tokens: Sequence[Token], i: int) -> Phrase | None:
    """ "In einer Erklärung, die am Mittwoch veröffentlicht wurde, wurde verkündet": the document
    opening the sentence, separated from the cue at ``i`` by a relative clause."""
    if len(tokens) < 4 or tokens[0].text.lower() not in _DOCUMENT_LINKS:
        return None
    phrase = np_forward(tokens, 1)
    if phrase is None or phrase.last >= i or tokens[phrase.last].text != ",":
        return None
    relative = phrase.last + 1 < i and tokens[phrase.last + 1].text.lower() in (
        "die",
        "der",
        "das",
        "welche",
        "welcher",
    )
    return phrase if relative else None


def clause_start_comma(tokens: Sequence[Token], i: int) -> int:
    """The first token of the comma-delimited clause around ``i`` (at most 30 tokens back)."""
    for j in range(i - 1, max(-1, i - 30), -1):
        if tokens[j].text in (",", ";", ":"):
            return j + 1
    return max(0, i - 30)
