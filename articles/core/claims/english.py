"""English reported clauses that German frames do not cover: "She said the bridge would reopen" drops "that"."""

from __future__ import annotations

import re

from .drafts import Sentence
from .frames import Frame
from .phrases import np_forward

_ENGLISH_SAYING = frozenset(
    (
        *("said", "says", "say", "added", "adds", "believes", "believed", "thinks", "thought", "claimed", "claims"),
        *("insisted", "insists", "argued", "argues", "warned", "warns", "stated", "states", "told", "tells"),
    )
)
_ENGLISH_TIME = re.compile(r"(?:on|at|in|late|early)$", re.IGNORECASE)
_ENGLISH_CLAUSE_STARTS = frozenset(
    ("the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "there", "this", "his", "her", "their", "its")
)


def english_bare_clause(sent: Sentence, frame: Frame) -> tuple[int, int] | None:
    """ "She said the bridge would reopen", "He told reporters the talks had failed": English drops "that".

    Only with the speaker before the verb and a clause that opens like one (a pronoun, an article or
    a name); "told" first skips its object.
    """
    tokens, cue = sent.tokens, frame.cue
    verb = tokens[cue].text.lower()
    if verb not in _ENGLISH_SAYING or frame.speaker is None or frame.speaker.first > cue:
        return None
    start = cue + 1
    if verb in ("told", "tells"):
        listener = np_forward(tokens, start)
        start = listener.last if listener is not None else start + 1  # "told reporters …"
    if start + 1 < len(tokens) and _ENGLISH_TIME.match(tokens[start].text) and tokens[start + 1].is_cap:
        start += 2  # "said on Tuesday he would …"
    if start >= len(tokens) - 1 or sent.quoted[start]:
        return None
    word = tokens[start].text
    if word.lower() in _ENGLISH_CLAUSE_STARTS or (word[:1].isupper() and word.lower() != "that"):
        return start, len(tokens)
    following = {t.text.lower() for t in tokens[start + 1 : start + 3]}
    if word.isalpha() and following & _ENGLISH_AUXILIARIES:
        return start, len(tokens)  # "said crews were focusing on …": a bare plural subject
    return None


_ENGLISH_AUXILIARIES = frozenset(
    ("was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "should", "might", "must", "did")
)
