"""What changed with each update of a story, computed in one pass over plain facts.

The selectors load three light lists (versions, updates, claims) and this
module works out, for every update, how the story differed from the state
before it:

* the claims it brought, and the speakers and sources never heard before;
* for an article's update, what else changed in the version that brought it
  (its "anchor"): a headline change, earlier updates rewritten in that
  version, earlier updates and claims that disappeared from it.

A version's changes are attached to the newest update (by sort time) the
article had at that version, so a version that only rewrote old text still
shows up on the timeline. Nothing here touches the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise

CURRENT, REWRITTEN, REMOVED = "current", "rewritten", "removed"


@dataclass(frozen=True, slots=True)
class VersionFact:
    id: int
    article_id: int
    number: int
    title: str
    fetched_at: datetime


@dataclass(frozen=True, slots=True)
class UpdateFact:
    id: int
    article_id: int | None
    sort_time: datetime
    position: int
    label: str
    status: str
    first_seen_version_id: int | None
    last_seen_version_id: int | None = None
    rewritten_in_version_id: int | None = None


@dataclass(frozen=True, slots=True)
class ClaimFact:
    """``speaker`` is a stable key (a person id or a normalised name), ``speaker_label`` what to show."""

    id: int
    update_id: int
    speaker: str
    speaker_label: str
    source: str
    status: str
    last_seen_version_id: int | None = None


@dataclass(frozen=True, slots=True)
class RewrittenRef:
    """An earlier update rewritten in ``to_version`` (the diff runs from the version before it)."""

    update_id: int
    label: str
    article_id: int
    from_version: int
    to_version: int


@dataclass(frozen=True, slots=True)
class Change:
    """How the story differed after an update; empty fields mean "nothing of that kind"."""

    update_id: int
    new_claims: int = 0
    new_speakers: tuple[str, ...] = ()
    new_sources: tuple[str, ...] = ()
    headline: tuple[str, str] | None = None
    rewritten: tuple[RewrittenRef, ...] = ()
    removed_updates: tuple[int, ...] = ()
    disappeared_claims: tuple[int, ...] = ()
    first_of_article: bool = False

    @property
    def is_empty(self) -> bool:
        return not (
            self.new_claims
            or self.new_speakers
            or self.new_sources
            or self.headline
            or self.rewritten
            or self.removed_updates
            or self.disappeared_claims
        )


@dataclass
class _VersionChanges:
    headline: tuple[str, str] | None = None
    rewritten: list[RewrittenRef] = field(default_factory=list)
    removed_updates: list[int] = field(default_factory=list)
    disappeared_claims: list[int] = field(default_factory=list)


def chronological(updates: Iterable[UpdateFact]) -> list[UpdateFact]:
    """Oldest first; ties broken by position in the article, then id."""
    return sorted(updates, key=lambda u: (u.sort_time, u.position, u.id))


def _version_changes(
    updates: Sequence[UpdateFact], claims: Sequence[ClaimFact], versions: Sequence[VersionFact]
) -> dict[int, _VersionChanges]:
    """Per version id: headline change, rewrites, and what vanished compared with the version before."""
    by_id = {v.id: v for v in versions}
    previous = _previous_versions(versions)
    changes: dict[int, _VersionChanges] = defaultdict(_VersionChanges)
    for version in versions:
        before = previous.get(version.id)
        if before is not None and before.title != version.title:
            changes[version.id].headline = (before.title, version.title)
    next_of = {prev.id: vid for vid, prev in previous.items()}
    for update in updates:
        rewritten_in = by_id.get(update.rewritten_in_version_id or -1)
        if rewritten_in is not None and rewritten_in.id != update.first_seen_version_id:
            before = previous.get(rewritten_in.id)
            changes[rewritten_in.id].rewritten.append(
                RewrittenRef(
                    update.id,
                    update.label,
                    rewritten_in.article_id,
                    before.number if before else 0,
                    rewritten_in.number,
                )
            )
        if update.status == REMOVED and update.last_seen_version_id in next_of:
            changes[next_of[update.last_seen_version_id]].removed_updates.append(update.id)
    for claim in claims:
        if claim.status != CURRENT and claim.last_seen_version_id in next_of:
            changes[next_of[claim.last_seen_version_id]].disappeared_claims.append(claim.id)
    return changes


def _previous_versions(versions: Sequence[VersionFact]) -> dict[int, VersionFact]:
    """Each version id mapped to the article's version just before it."""
    by_article: dict[int, list[VersionFact]] = defaultdict(list)
    for version in versions:
        by_article[version.article_id].append(version)
    previous: dict[int, VersionFact] = {}
    for article_versions in by_article.values():
        article_versions.sort(key=lambda v: v.number)
        for before, after in pairwise(article_versions):
            previous[after.id] = before
    return previous


def _anchors(updates: Sequence[UpdateFact], versions: Sequence[VersionFact]) -> dict[int, int]:
    """Per version id, the newest update its article had by then (the card that shows the version's changes)."""
    number = {v.id: v.number for v in versions}
    by_article: dict[int, list[UpdateFact]] = defaultdict(list)
    for update in updates:
        if update.article_id is not None and update.first_seen_version_id in number:
            by_article[update.article_id].append(update)
    anchors: dict[int, int] = {}
    for version in versions:
        present = [u for u in by_article[version.article_id] if number[u.first_seen_version_id or -1] <= version.number]
        if present:
            anchors[version.id] = max(present, key=lambda u: (u.sort_time, u.position, u.id)).id
    return anchors


def story_changes(
    updates: Sequence[UpdateFact], claims: Sequence[ClaimFact], versions: Sequence[VersionFact]
) -> dict[int, Change]:
    """For every update id, its Change. One pass over the updates in time order."""
    claims_of: dict[int, list[ClaimFact]] = defaultdict(list)
    for claim in claims:
        claims_of[claim.update_id].append(claim)
    per_version = _version_changes(updates, claims, versions)
    anchored: dict[int, list[_VersionChanges]] = defaultdict(list)
    for version_id, anchor in _anchors(updates, versions).items():
        if version_id in per_version:
            anchored[anchor].append(per_version[version_id])
    seen_speakers: set[str] = set()
    seen_sources: set[str] = set()
    seen_articles: set[int] = set()
    result: dict[int, Change] = {}
    for update in chronological(updates):
        own = [c for c in claims_of[update.id] if c.status != REMOVED]
        speakers = _new_items(((c.speaker, c.speaker_label) for c in own), seen_speakers)
        sources = _new_items(((c.source.casefold(), c.source) for c in own), seen_sources)
        first = update.article_id is not None and update.article_id not in seen_articles
        if update.article_id is not None:
            seen_articles.add(update.article_id)
        result[update.id] = _change(update.id, len(own), speakers, sources, anchored.get(update.id, []), first)
    return result


def _new_items(pairs: Iterable[tuple[str, str]], seen: set[str]) -> tuple[str, ...]:
    new: list[str] = []
    for key, label in pairs:
        if key and key not in seen:
            seen.add(key)
            new.append(label)
    return tuple(new)


def _change(
    update_id: int,
    claims: int,
    speakers: tuple[str, ...],
    sources: tuple[str, ...],
    versions: list[_VersionChanges],
    first: bool,
) -> Change:
    headline = next((v.headline for v in reversed(versions) if v.headline), None)
    return Change(
        update_id=update_id,
        new_claims=claims,
        new_speakers=speakers,
        new_sources=sources,
        headline=headline,
        rewritten=tuple(ref for v in versions for ref in v.rewritten if ref.update_id != update_id),
        removed_updates=tuple(uid for v in versions for uid in v.removed_updates),
        disappeared_claims=tuple(cid for v in versions for cid in v.disappeared_claims),
        first_of_article=first,
    )
