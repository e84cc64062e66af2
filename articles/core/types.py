"""The analysis results: frozen dataclasses shared by every part of the core.

All offsets are character offsets into ``Document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

SectionKind = Literal["lead", "update", "first_report", "entry", "body"]
ClaimType = Literal["direct", "indirect", "indirect_free_indirect", "free_indirect", "reported"]

SECTION_KINDS: tuple[SectionKind, ...] = ("lead", "update", "first_report", "entry", "body")
CLAIM_TYPES: tuple[ClaimType, ...] = ("direct", "indirect", "indirect_free_indirect", "free_indirect", "reported")


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of the text that names something: a speaker, a cue, an addressee."""

    text: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Section:
    """One timestamped part of a live article (or the lead / plain body)."""

    kind: SectionKind
    start: int
    end: int
    label: str | None = None
    timestamp: datetime | None = None
    headings: tuple[str, ...] = ()
    dateline: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "label": self.label,
            "timestamp": self.timestamp.isoformat() if self.timestamp else None,
            "headings": list(self.headings),
            "dateline": self.dateline,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement attributed to somebody (or to nobody, for hearsay)."""

    type: ClaimType
    text: str
    start: int
    end: int
    section: int
    spans: tuple[tuple[int, int], ...] = ()
    speaker: str | None = None
    speaker_mention: Mention | None = None
    role: str | None = None
    cue: Mention | None = None
    source: str | None = None
    addressee_mention: Mention | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "spans": [list(span) for span in self.spans] if self.spans else [[self.start, self.end]],
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention.as_dict() if self.speaker_mention else None,
            "role": self.role,
            "cue": self.cue.as_dict() if self.cue else None,
            "source": self.source,
            "addressee_mention": self.addressee_mention.as_dict() if self.addressee_mention else None,
            "section": self.section,
        }


@dataclass(frozen=True, slots=True)
class Document:
    """The analysis of one article version."""

    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    language: str = "de"
    published: datetime | None = None
    sections: tuple[Section, ...] = ()
    claims: tuple[Claim, ...] = ()
    captions: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "authors": list(self.authors),
            "language": self.language,
            "published": self.published.isoformat() if self.published else None,
            "text": self.text,
            "sections": [section.as_dict() for section in self.sections],
            "claims": [claim.as_dict() for claim in self.claims],
        }

    def section_text(self, index: int) -> str:
        section = self.sections[index]
        return self.text[section.start : section.end]
