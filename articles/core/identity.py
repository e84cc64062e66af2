"""Identity of updates and claims across versions of one article.

A labelled section ("Update vom 7. September, 15.05 Uhr") is the same update
in every version that carries the label, however its text is reworded; an
unlabelled one (lead, body) is identified by its kind. Repeated labels are
told apart by their order. A claim is identified by its normalised text.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

from .types import Section

_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w\s]")


def normalize(text: str) -> str:
    """Case-folded words separated by single spaces: rewording-insensitive to punctuation and spacing."""
    return _SPACE.sub(" ", _NON_WORD.sub(" ", text.casefold())).strip()


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:40]


def section_keys(sections: Sequence[Section]) -> list[str]:
    """One stable key per section, in order.

    The key is the kind and the label as written, never the resolved timestamp: a ticker that
    crosses midnight re-dates its older entries, and they must stay the same updates. Repeated
    labels ("18.30 Uhr" on two days) are counted from the bottom, the oldest end of a live
    article, so a new entry on top does not renumber the ones below it.
    """
    seen: Counter[str] = Counter()
    keys: list[str] = []
    for section in reversed(sections):
        base = f"{section.kind}|{normalize(section.label or '')}"
        seen[base] += 1
        keys.append(_digest(f"{base}|{seen[base]}"))
    return keys[::-1]


def claim_key(text: str) -> str:
    return _digest(normalize(text))


def text_changed(old: str, new: str) -> bool:
    """True when the wording changed, not just spacing or line breaks."""
    return _SPACE.sub(" ", old).strip() != _SPACE.sub(" ", new).strip()


def similarity(a: str, b: str) -> float:
    """Word-level similarity in [0, 1]; used to tell a reworded claim from a new one."""
    return SequenceMatcher(None, normalize(a).split(), normalize(b).split(), autojunk=False).ratio()
