"""Claim extraction: direct quotes in „…“ with a "sagte X" frame."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .types import Claim, Mention, Section

_QUOTE = re.compile(r"„([^“]{12,})“")
_FRAME_AFTER = re.compile(r"\W{0,3}\s*(?P<cue>sagte|so|erklärte)\s+(?P<speaker>(?:[A-ZÄÖÜ][\w-]+\s?){1,3}|er|sie)")


def _section_of(position: int, sections: Sequence[Section]) -> int:
    for index, section in enumerate(sections):
        if section.start <= position < section.end:
            return index
    return max(len(sections) - 1, 0)


def extract_claims(text: str, sections: Sequence[Section], *, lang: str = "de") -> tuple[Claim, ...]:
    """Find direct quotes; a speaker is set only when a frame follows the quote."""
    claims = []
    for match in _QUOTE.finditer(text):
        frame = _FRAME_AFTER.match(text, match.end())
        speaker = cue = None
        if frame:
            speaker = Mention(
                frame["speaker"].strip(), frame.start("speaker"), frame.start("speaker") + len(frame["speaker"].strip())
            )
            cue = Mention(frame["cue"], frame.start("cue"), frame.end("cue"))
        claims.append(
            Claim(
                type="direct",
                text=match[1],
                start=match.start(1),
                end=match.end(1),
                section=_section_of(match.start(), sections),
                speaker=speaker.text if speaker and speaker.text not in ("er", "sie") else None,
                speaker_mention=speaker,
                cue=cue,
            )
        )
    return tuple(claims)
