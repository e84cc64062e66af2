"""The timeline of a story: filters, search, one page of updates with their claims.

A page costs a constant number of queries: a count, the page of updates (with
article, outlet and the version that brought them), their claims with people,
and the texts of claims that disappeared, shown in the "what changed" blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import QueryDict

from articles.models import Claim, Story, Update
from articles.selectors.facts import story_updates_q, story_zone

PAGE_SIZE = 25
MAX_QUERY_LENGTH = 200
# Version columns a card never shows: the full text and the compressed page.
VERSION_LIGHT_FIELDS = tuple(
    f"{relation}__{column}"
    for relation in ("first_seen_version", "last_seen_version", "rewritten_in_version")
    for column in ("text", "raw_html_compressed")
)
KINDS = {"lead", "update", "first_report", "entry", "body", "editor"}


def _int(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if number > 0 else None


@dataclass(frozen=True)
class TimelineFilters:
    """What the reader asked for in the query string; invalid values are ignored, never an error page."""

    outlet: int | None = None
    article: int | None = None
    speaker: str = ""
    claim_type: str = ""
    kind: str = ""
    q: str = ""
    start: datetime | None = None
    hours: int | None = None
    oldest_first: bool = False
    page: int = 1

    @classmethod
    def from_query(cls, params: QueryDict, *, story: Story) -> TimelineFilters:
        return cls(
            outlet=_int(params.get("outlet")),
            article=_int(params.get("article")),
            speaker=params.get("speaker", "")[:240],
            claim_type=params.get("type", "") if params.get("type", "") in Claim.Type.values else "",
            kind=params.get("kind", "") if params.get("kind", "") in KINDS else "",
            q=" ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH],
            start=_start(params.get("from", ""), story),
            hours=min(_int(params.get("hours")) or 1, 24 * 7) if params.get("from") else None,
            oldest_first=params.get("order") == "oldest",
            page=_int(params.get("page")) or 1,
        )

    @property
    def start_value(self) -> str:
        """The time window's start as written in the query string (the story's local time)."""
        return self.start.strftime("%Y-%m-%dT%H:%M") if self.start else ""

    @property
    def active(self) -> bool:
        return bool(self.outlet or self.article or self.speaker or self.claim_type or self.kind or self.q or self.start)

    def query(self, **changes: object) -> str:
        """The query string for these filters with ``changes`` applied (page resets unless given)."""
        changed = replace(self, **{"page": 1, **changes})  # type: ignore[arg-type]
        pairs = {
            "outlet": changed.outlet,
            "article": changed.article,
            "speaker": changed.speaker,
            "type": changed.claim_type,
            "kind": changed.kind,
            "q": changed.q,
            "from": changed.start.strftime("%Y-%m-%dT%H:%M") if changed.start else "",
            "hours": changed.hours if changed.start else "",
            "order": "oldest" if changed.oldest_first else "",
            "page": changed.page if changed.page > 1 else "",
        }
        return urlencode({k: v for k, v in pairs.items() if v})


def _start(value: str, story: Story) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value[:25])
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=story_zone(story))


@dataclass(frozen=True)
class TimelinePage:
    updates: list[Update]
    total: int
    page: int
    pages: int
    disappeared: dict[int, Claim] = field(default_factory=dict)

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def filtered_updates(*, story: Story, filters: TimelineFilters) -> QuerySet[Update]:
    """The story's updates that pass ``filters``, in the order asked for."""
    updates = Update.objects.filter(story_updates_q(story))
    if filters.outlet:
        updates = updates.filter(article__outlet_id=filters.outlet)
    if filters.article:
        updates = updates.filter(article_id=filters.article)
    if filters.kind == "editor":
        updates = updates.filter(origin="editor")
    elif filters.kind:
        updates = updates.filter(kind=filters.kind, origin="ingested")
    claim_q = _claim_filter(filters)
    if claim_q is not None:
        updates = updates.filter(Exists(Claim.objects.filter(claim_q, update=OuterRef("pk"))))
    if filters.start and filters.hours:
        updates = updates.filter(
            sort_time__gte=filters.start, sort_time__lt=filters.start + timedelta(hours=filters.hours)
        )
    if filters.q:
        updates = search_updates(updates, filters.q)
    order = ("sort_time", "position", "id") if filters.oldest_first else ("-sort_time", "-position", "-id")
    return updates.order_by(*order)


def _claim_filter(filters: TimelineFilters) -> Q | None:
    query = Q()
    if filters.speaker.startswith("name:"):
        query &= Q(speaker_name=filters.speaker.removeprefix("name:"), person__isnull=True)
    elif filters.speaker:
        query &= Q(person__slug=filters.speaker)
    if filters.claim_type:
        query &= Q(type=filters.claim_type)
    return query if query else None


def search_updates(updates: QuerySet[Update], text: str) -> QuerySet[Update]:
    """Full-text search: PostgreSQL's German configuration (GIN-indexed), a plain substring test elsewhere."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = SearchVector("text", config="german")
        return updates.annotate(search=vector).filter(
            search=SearchQuery(text, config="german", search_type="websearch")
        )
    words = Q()
    for word in text.split()[:10]:
        words &= Q(text__icontains=word) | Q(label__icontains=word)
    return updates.filter(words)


def timeline_page(
    *, story: Story, filters: TimelineFilters, per_page: int = PAGE_SIZE, claims: bool = True
) -> TimelinePage:
    """One page of the timeline: updates with article, outlet, versions and (unless ``claims`` is off) claims."""
    updates = filtered_updates(story=story, filters=filters)
    total = updates.count()
    pages = max((total + per_page - 1) // per_page, 1)
    page = min(filters.page, pages)
    offset = (page - 1) * per_page
    rows = list(with_related(updates, claims=claims)[offset : offset + per_page])
    return TimelinePage(updates=rows, total=total, page=page, pages=pages)


def claims_prefetch() -> Prefetch[Any]:
    """An update's claims with their people, in text order."""
    return Prefetch("claims", queryset=Claim.objects.select_related("person").order_by("start", "id"))


def with_related(updates: QuerySet[Update], *, claims: bool = True) -> QuerySet[Update]:
    """Updates with what a card shows, loaded up front (versions without their heavy text)."""
    updates = updates.select_related(
        "article__outlet", "first_seen_version", "last_seen_version", "rewritten_in_version"
    ).defer(*VERSION_LIGHT_FIELDS)
    return updates.prefetch_related(claims_prefetch()) if claims else updates


def claims_by_id(*, ids: set[int]) -> dict[int, Claim]:
    """Claims by id with their person, for the "disappeared" lists (one query)."""
    if not ids:
        return {}
    return {c.pk: c for c in Claim.objects.filter(pk__in=ids).select_related("person")}


def new_updates_since(*, story: Story, since: datetime) -> QuerySet[Update]:
    """Updates that arrived after ``since`` (by when they were stored, not by their timestamp)."""
    return Update.objects.filter(story_updates_q(story), created_at__gt=since)
