"""Story-wide facts for the timeline: what changed per update, and the charts.

Loaded as light ``values()`` rows in four queries whatever the story's size,
turned into plain dataclasses for ``articles.core.timeline`` and
``articles.core.charts``, and cached under a stamp (update and claim counts
and their latest edit times) so an unchanged story costs one query per request.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils import timezone

from articles.core.charts import ActivityChart, VoicesChart, activity_chart, voices_chart
from articles.core.timeline import Change, ClaimFact, UpdateFact, VersionFact, story_changes
from articles.local_memo import LocalMemo
from articles.models import Article, Claim, Story, Update, Version

CACHE_SECONDS = 600
LOCAL_FACTS_KEPT = 8
# Per-process memos: story id -> (expiry, stamp), and the last few stories' facts by stamp.
LOCAL_STORIES_KEPT = 256
_STAMPS: LocalMemo[int, tuple[str, datetime]] = LocalMemo(LOCAL_STORIES_KEPT)  # story id -> (stamp, read at)
_LOCAL_FACTS: LocalMemo[str, StoryFacts] = LocalMemo(LOCAL_FACTS_KEPT)
_STORIES: LocalMemo[str, Story] = LocalMemo(LOCAL_STORIES_KEPT)
# Chart groups for updates without an outlet (the editors' own, or an article with no outlet).
NEWSROOM = "Newsroom"
UNKNOWN_OUTLET = "?"


@dataclass(frozen=True)
class Option:
    """A choice for a filter: its URL value, its label and how many items it covers."""

    value: str
    label: str
    count: int


@dataclass(frozen=True)
class StoryFacts:
    changes: dict[int, Change]
    labels: dict[int, str]
    activity: ActivityChart
    voices: VoicesChart
    outlets: tuple[Option, ...]
    articles: tuple[Option, ...]
    speakers: tuple[Option, ...]
    update_count: int
    claim_count: int
    stamp: str = ""


def story_zone(story: Story) -> ZoneInfo:
    """The story's time zone, or the default zone when the stored name is unknown."""
    try:
        return ZoneInfo(story.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(settings.STORYLINE_DEFAULT_TIME_ZONE)


def story_updates_q(story: Story) -> Q:
    """Updates of the story: the editors' own and those of the story's articles.

    ``article_id IN (subquery)`` rather than a join on the article: PostgreSQL then ORs two index scans.
    """
    return Q(story=story) | Q(article_id__in=Article.objects.filter(story=story).values("pk"))


def speaker_key(person_slug: str | None, name: str) -> str:
    """The filter value for a speaker: the person's slug, else ``name:`` and the name as resolved."""
    if person_slug:
        return person_slug
    return f"name:{name}" if name else ""


def story_stamp(story: Story) -> str:
    """Changes whenever an update, claim or version of the story is added, edited or removed (three queries).

    Versions count on their own: a new version that only changes the headline touches no update.
    """
    updates = Update.objects.filter(story_updates_q(story))
    row = updates.aggregate(n_updates=Count("id"), updates_edited=Max("edited_at"))
    row |= Claim.objects.filter(update__in=updates.values("pk")).aggregate(
        n_claims=Count("id"), claims_edited=Max("edited_at")
    )
    row |= Version.objects.filter(article__story=story).aggregate(latest_version=Max("id"))
    keys = ("n_updates", "updates_edited", "n_claims", "claims_edited", "latest_version")
    return "|".join(str(row[key]) for key in keys)


def current_stamp(story: Story) -> str:
    """A short digest of ``story_stamp``, remembered in this process for STORYLINE_TIMELINE_STAMP_SECONDS.

    The memo spares the stamp query on busy pages; a new update shows up after at most that many seconds.
    """
    ttl = _memo_seconds()
    remembered = _STAMPS.get(story.pk) if ttl > 0 else None
    if remembered is not None:
        return remembered[0]
    read_at = timezone.now()
    stamp = hashlib.sha256(story_stamp(story).encode()).hexdigest()[:24]
    if ttl > 0:
        _STAMPS.put(story.pk, (stamp, read_at), ttl=ttl)
    return stamp


def _memo_seconds() -> float:
    """How long this process trusts what it remembers of a story (0: not at all)."""
    return float(settings.STORYLINE_TIMELINE_STAMP_SECONDS)


def story_by_slug(*, slug: str) -> Story | None:
    """The story with ``slug``, remembered in this process for STORYLINE_TIMELINE_STAMP_SECONDS like its stamp.

    The busiest pages (the timeline, the live notice's poll) then need no query at all while a story
    is unchanged; a renamed or deleted story shows within those seconds, as a new update does.
    """
    ttl = _memo_seconds()
    story = _STORIES.get(slug) if ttl > 0 else None
    if story is None:
        story = Story.objects.filter(slug=slug).first()
        if ttl > 0 and story is not None:
            _STORIES.put(slug, story, ttl=ttl)
    return story


def stamp_read_at(story: Story) -> datetime:
    """When the stamp this process uses for ``story`` was read: anything stored later may be missing from
    pages built for that stamp, so the live notice counts "new" from here (now, when nothing is remembered)."""
    remembered = _STAMPS.get(story.pk)
    return remembered[1] if remembered is not None else timezone.now()


def story_facts(*, story: Story) -> StoryFacts:
    """The story's facts: from this process's memory, else the shared cache, else computed (four queries)."""
    stamp = current_stamp(story)
    key = f"storyline:timeline-facts:v2:{story.pk}:{stamp}"
    facts = _LOCAL_FACTS.get(key)
    if facts is not None:
        return facts
    facts = cache.get(key)
    if facts is None:
        facts = replace(_compute(story), stamp=stamp)
        cache.set(key, facts, CACHE_SECONDS)
    _LOCAL_FACTS.put(key, facts)
    return facts


Row = dict[str, Any]
Loaded = tuple[list[UpdateFact], dict[int, str], list[Row], list[VersionFact], dict[int, Row]]


def _load(story: Story) -> Loaded:
    """Updates (with their outlet's name), claims, versions and articles of the story: four queries."""
    article_rows: dict[int, Row] = {
        row["id"]: dict(row)
        for row in Article.objects.filter(story=story).values("id", "title", "outlet_id", "outlet__name")
    }
    update_rows = Update.objects.filter(story_updates_q(story)).values_list(
        "id", "article_id", "sort_time", "position", "label", "status",
        "first_seen_version_id", "last_seen_version_id", "rewritten_in_version_id", "article__outlet__name", "origin",
    )  # fmt: skip
    updates: list[UpdateFact] = []
    outlet_of: dict[int, str] = {}
    for row in update_rows:
        updates.append(UpdateFact(*row[:9]))
        outlet_of[row[0]] = row[9] or (NEWSROOM if row[10] == "editor" else UNKNOWN_OUTLET)
    claim_fields = ("id", "update_id", "person__slug", "person__name", "speaker_name", "source", "status",
                    "last_seen_version_id")  # fmt: skip
    claims = list(Claim.objects.filter(update__in=[u.id for u in updates]).values(*claim_fields)) if updates else []
    article_ids = {u.article_id for u in updates if u.article_id} | set(article_rows)
    version_fields = ("id", "article_id", "number", "title", "fetched_at")
    versions = [
        VersionFact(*row) for row in Version.objects.filter(article_id__in=article_ids).values_list(*version_fields)
    ]
    return updates, outlet_of, claims, versions, article_rows


def _claim_fact(row: Row) -> ClaimFact:
    return ClaimFact(
        id=row["id"],
        update_id=row["update_id"],
        speaker=speaker_key(row["person__slug"], row["speaker_name"]),
        speaker_label=row["person__name"] or row["speaker_name"],
        source=row["source"],
        status=row["status"],
        last_seen_version_id=row["last_seen_version_id"],
    )


def _compute(story: Story) -> StoryFacts:
    updates, outlet_of, claim_rows, versions, article_rows = _load(story)
    claims = [_claim_fact(row) for row in claim_rows]
    zone = story_zone(story)
    times = {u.id: u.sort_time for u in updates}
    voice_points = [
        (c.speaker, c.speaker_label, times[c.update_id]) for c in claims if c.speaker and c.status != "removed"
    ]
    return StoryFacts(
        changes=story_changes(updates, claims, versions),
        labels={u.id: u.label for u in updates},
        activity=activity_chart([(u.sort_time, outlet_of[u.id]) for u in updates], zone),
        voices=voices_chart(voice_points, zone),
        outlets=_outlet_options(article_rows, updates),
        articles=_article_options(article_rows, updates),
        speakers=_speaker_options(voice_points),
        update_count=len(updates),
        claim_count=len(claims),
    )


def _outlet_options(article_rows: dict[int, Row], updates: list[UpdateFact]) -> tuple[Option, ...]:
    counts: dict[tuple[int, str], int] = {}
    for update in updates:
        row = article_rows.get(update.article_id or 0, {})
        if row.get("outlet_id"):
            key = (row["outlet_id"], row["outlet__name"])
            counts[key] = counts.get(key, 0) + 1
    return tuple(Option(str(oid), name, n) for (oid, name), n in sorted(counts.items(), key=lambda i: i[0][1]))


def _article_options(article_rows: dict[int, Row], updates: list[UpdateFact]) -> tuple[Option, ...]:
    counts: dict[int, int] = {}
    for update in updates:
        if update.article_id:
            counts[update.article_id] = counts.get(update.article_id, 0) + 1
    options = []
    for article_id, count in counts.items():
        row = article_rows.get(article_id, {})
        options.append(Option(str(article_id), row.get("title") or f"#{article_id}", count))
    return tuple(sorted(options, key=lambda o: o.label))


def _speaker_options(points: list[tuple[str, str, datetime]]) -> tuple[Option, ...]:
    counts: dict[str, int] = {}
    labels: dict[str, str] = {}
    for key, label, _ in points:
        counts[key] = counts.get(key, 0) + 1
        labels[key] = label
    return tuple(Option(key, labels[key], n) for key, n in sorted(counts.items(), key=lambda i: (-i[1], labels[i[0]])))


def forget_remembered() -> None:
    """Drop this process's memos of stories, stamps and facts (tests: a rolled-back story must not be remembered)."""
    _STORIES.clear()
    _STAMPS.clear()
    _LOCAL_FACTS.clear()
