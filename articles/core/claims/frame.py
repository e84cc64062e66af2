"""The attribution frame of a sentence: a cue, its speaker, and the tokens the frame occupies."""

from __future__ import annotations

from dataclasses import dataclass

from .phrases import Phrase


@dataclass(frozen=True, slots=True)
class Frame:
    """``kind``: verb, so, laut, zufolge, nach, view ("seiner Meinung nach"), wie, demnach. Token indices
    into the sentence."""

    kind: str
    cue: int
    speaker: Phrase | None
    first: int
    last: int
    cue_last: int = -1

    @property
    def cue_end(self) -> int:
        return self.cue_last if self.cue_last > self.cue else self.cue + 1
