"""Assemble classified lines into sections: spans, headings, datelines, timestamps."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

from articles.core.types import Section, SectionKind

from . import patterns as p
from .clock import ClockContext, Event, resolve_timestamps
from .lines import Line, classify_lines, is_heading_shape
from .markers import Marker

BERLIN = ZoneInfo("Europe/Berlin")
UTC = ZoneInfo("UTC")
# A dateline ("Moskau –", "Kyiv (AP) —") is short and opens the section.
MAX_DATELINE_CHARS = 60


@dataclass(slots=True)
class _Draft:
    kind: SectionKind
    marker: Marker | None = None
    start: int | None = None
    end: int | None = None
    label_end: int = 0
    first_text: int | None = None  # where the first paragraph starts (after any headings)
    headings: list[str] = field(default_factory=list)


def _text_end(line: Line) -> int:
    """End of a text line, without a closing ticker banner (``… +++``)."""
    text = line.text.rstrip()
    if text.endswith("+++"):
        return line.start + len(text[:-3].rstrip())
    return line.start + len(text)


@dataclass(slots=True)
class _Walker:
    """Walks the lines once, opening a draft at every marker."""

    drafts: list[_Draft] = field(default_factory=list)
    events: list[tuple[_Draft | None, Event]] = field(default_factory=list)
    pending: list[Line] = field(default_factory=list)
    current: _Draft = field(default_factory=lambda: _Draft("lead"))
    # "15:40 Uhr Helfer verteilen Sandsäcke": the rest of a marker line is the
    # entry's headline when it looks like one and text follows.
    headline: str | None = None

    def marker(self, line: Line, marker: Marker) -> None:
        self.drafts.append(self.current)
        self.current = _Draft(marker.kind, marker, headings=[h.text.strip() for h in self.pending])
        self.pending = []
        self.headline = None
        self.current.label_end = line.start + marker.text_start
        if line.start + marker.text_start < line.end:
            self.current.start = self.current.first_text = line.start + marker.text_start
            self.current.end = _text_end(line)
            rest = line.text[marker.text_start :].strip()
            rest = rest.removesuffix("+++").strip() if marker.banner else rest
            self.headline = rest if is_heading_shape(rest) else None
        self.events.append((self.current, marker))

    def text(self, line: Line) -> None:
        if self.current.start is None:
            self.current.start = (self.pending[0] if self.pending else line).content_start
        if self.current.first_text is None:
            self.current.first_text = line.content_start
        if self.headline:
            self.current.headings.append(self.headline)
            self.headline = None
        self.current.headings.extend(h.text.strip() for h in self.pending)
        self.pending = []
        self.current.end = _text_end(line)

    def finish(self) -> list[_Draft]:
        self.current.headings.extend(h.text.strip() for h in self.pending)
        self.drafts.append(self.current)
        return [d for d in self.drafts if d.marker is not None or d.start is not None]


def _walk(lines: list[Line]) -> _Walker:
    walker = _Walker()
    for line in lines:
        if line.kind == "marker" and line.marker is not None:
            walker.marker(line, line.marker)
        elif line.kind == "day" and line.day is not None:
            walker.events.append((None, line.day))
        elif line.kind == "heading":
            walker.pending.append(line)
        elif line.kind in ("text", "summary"):
            walker.text(line)
    return walker


def _dateline(text: str, start: int, end: int) -> tuple[str | None, int]:
    """The place name opening a section ("Moskau – …") and where the text after it begins."""
    match = p.DATELINE.match(text, start, min(end, start + MAX_DATELINE_CHARS))
    if match is None:
        return None, start
    return match["place"], match.end()


def default_zone(lang: str, markers: list[Marker], published: datetime | None, zone: tzinfo | None) -> tzinfo:
    """``zone`` when given; else Europe/Berlin for German; for English the zone most markers name,
    else the zone of ``published``, else UTC. A marker naming its own zone keeps it (see ``clock``)."""
    if zone is not None:
        return zone
    if lang == "de":
        return BERLIN
    named = Counter(m.zone for m in markers if m.zone)
    if named:
        return ZoneInfo(named.most_common(1)[0][0])
    if published is not None and published.tzinfo is not None:
        return published.tzinfo
    return UTC


def _section(text: str, draft: _Draft, timestamp: datetime | None) -> Section:
    start = draft.start if draft.start is not None else draft.label_end
    end = max(draft.end if draft.end is not None else start, start)
    # The dateline opens the first paragraph; the span skips it only when that paragraph opens the section.
    probe = draft.first_text if draft.first_text is not None else start
    dateline, after = _dateline(text, probe, end)
    start = after if probe == start else start
    return Section(
        kind=draft.kind,
        start=start,
        end=end,
        label=draft.marker.label if draft.marker else None,
        timestamp=timestamp,
        headings=tuple(draft.headings),
        dateline=dateline,
    )


def split_sections(
    text: str,
    *,
    body_start: int = 0,
    body_end: int | None = None,
    published: datetime | None = None,
    lang: str = "de",
    zone: tzinfo | None = None,
) -> tuple[Section, ...]:
    """Split ``text[body_start:body_end]`` into sections.

    Without markers the body is one ``body`` section; otherwise the text before
    the first marker is the ``lead`` and each marker opens a section whose span
    starts after its label (and dateline) and ends with its last paragraph.
    """
    lines = classify_lines(text, body_start, len(text) if body_end is None else body_end)
    walker = _walk(lines)
    drafts = walker.finish()
    if len(drafts) == 1 and drafts[0].marker is None:
        drafts[0].kind = "body"
    markers = [event for _, event in walker.events if isinstance(event, Marker)]
    ctx = ClockContext(default_zone(lang, markers, published, zone), published)
    stamps = resolve_timestamps([event for _, event in walker.events], ctx)
    by_draft = {id(draft): stamp for (draft, _), stamp in zip(walker.events, stamps, strict=True) if draft}
    return tuple(_section(text, draft, by_draft.get(id(draft))) for draft in drafts)
