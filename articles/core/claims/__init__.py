"""Claim extraction: who said what, through which outlet, with the speaker resolved.

``extract_claims(text, sections, lang=...)`` analyses every section on its own
(cached by section text and language in a bounded LRU, so re-analysing a new
version of a live article costs about what changed), shifts the offsets into
``text``, then resolves speakers across sections: a surname or a description
in an update at the top is matched with the full name introduced in the first
report at the bottom.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from threading import Lock

from articles.core.types import Claim, Mention, Section

from .drafts import Draft, Person, SectionResult
from .persons import role_head
from .section import analyse_section

__all__ = ["cache_info", "clear_cache", "extract_claims"]

CACHE_SIZE = 4096
_cache: OrderedDict[tuple[str, str], SectionResult] = OrderedDict()
_lock = Lock()
_stats = {"hits": 0, "misses": 0}


def _section_result(text: str, lang: str) -> SectionResult:
    key = (text, lang)
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            _stats["hits"] += 1
            return found
    result = analyse_section(text, lang)
    with _lock:
        _stats["misses"] += 1
        _cache[key] = result
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return result


def cache_info() -> dict[str, int]:
    """Hits, misses and current size of the per-section cache."""
    with _lock:
        return {**_stats, "size": len(_cache)}


def clear_cache() -> None:
    with _lock:
        _cache.clear()
        _stats.update(hits=0, misses=0)


def extract_claims(text: str, sections: Sequence[Section], *, lang: str = "de") -> tuple[Claim, ...]:
    """All claims of ``text``; offsets index ``text``, ``section`` indexes ``sections``.

    Text outside every section (title, byline, captions) yields no claims.
    """
    located: list[tuple[int, int, Draft]] = []
    persons: list[Person] = []
    for index, section in enumerate(sections):
        result = _section_result(text[section.start : section.end], lang)
        located.extend((index, section.start, draft) for draft in result.drafts)
        persons.extend(Person(p.position + section.start, p.name, p.role) for p in result.persons)
    registry = _Registry(persons)
    return tuple(_claim(text, index, offset, draft, registry) for index, offset, draft in located)


class _Registry:
    """Full names and roles of everyone named anywhere in the document."""

    def __init__(self, persons: Sequence[Person]) -> None:
        self.persons = list(persons)
        self.full: dict[str, str] = {}
        self.roles: dict[str, str] = {}
        for person in self.persons:
            parts = person.name.split()
            if len(parts) > 1 and len(person.name) > len(self.full.get(parts[-1], "")):
                self.full[parts[-1]] = person.name
            if person.role and person.name not in self.roles:
                self.roles[person.name] = person.role

    def resolve(self, name: str) -> str:
        """The fullest form of a name: "Frank" → "Rüdiger Frank"; "Jens Muster" stays itself next to
        "Karl Muster" (same surname, another first name: another person)."""
        parts = name.split()
        full = self.full.get(parts[-1])
        if full is None or len(parts) == 1:
            return full or name
        return full if _same_person(parts[:-1], full.split()[:-1]) else name

    def by_description(self, description: str) -> str | None:
        stem = role_head(description)[:6]
        for person in self.persons:
            if person.role and stem in person.role.lower():
                return self.resolve(person.name)
        return None


def _same_person(given: Sequence[str], known: Sequence[str]) -> bool:
    """Every given first name or initial ("J." for "Jens") appears among the known ones."""
    known_lower = [k.lower().rstrip(".") for k in known]
    for part in given:
        low = part.lower().rstrip(".")
        if not any(k == low or (part.endswith(".") and k.startswith(low)) for k in known_lower):
            return False
    return True


def _shift(mention: Mention | None, offset: int) -> Mention | None:
    if mention is None:
        return None
    return Mention(mention.text, mention.start + offset, mention.end + offset)


def _claim(text: str, section: int, offset: int, draft: Draft, registry: _Registry) -> Claim:
    spans = tuple((start + offset, end + offset) for start, end in draft.spans)
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    speaker = registry.resolve(draft.name) if draft.name else None
    if speaker is None and draft.description:
        speaker = registry.by_description(draft.description)
    role = draft.role or (registry.roles.get(speaker) if speaker else None)
    return Claim(
        type=draft.type,
        text=" … ".join(text[s:e] for s, e in spans),
        start=start,
        end=end,
        section=section,
        spans=spans if len(spans) > 1 else (),
        speaker=speaker,
        speaker_mention=_shift(draft.speaker, offset),
        role=role,
        cue=_shift(draft.cue, offset),
        source=draft.source,
        addressee_mention=_shift(draft.addressee, offset),
    )
