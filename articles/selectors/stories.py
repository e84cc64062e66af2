"""Read queries for the list of stories."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from articles.models import Article, Claim, Story, Update
from articles.selectors.facts import story_updates_q
from articles.selectors.timeline import with_related


def _count(queryset: QuerySet[Any]) -> Coalesce:
    """A correlated ``SELECT COUNT(id)`` subquery: no row explosion from several joined counts."""
    counted = queryset.order_by().annotate(n=Func(F("id"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def story_list(*, search: str = "") -> QuerySet[Story]:
    """Stories with their counts, active first, most recently updated first; ``search`` matches title/description."""
    story = OuterRef("pk")
    updates = Update.objects.filter(Q(story=story) | Q(article__story=story))
    stories = Story.objects.annotate(
        article_count=_count(Article.objects.filter(story=story)),
        update_count=_count(updates),
        claim_count=_count(Claim.objects.filter(Q(update__story=story) | Q(update__article__story=story))),
        latest_update_at=Subquery(updates.order_by("-sort_time").values("sort_time")[:1]),
    )
    if search:
        stories = stories.filter(
            Q(title__icontains=search) | Q(description__icontains=search) | Q(slug__icontains=search)
        )
    return stories.order_by("-is_active", F("latest_update_at").desc(nulls_last=True), "title")


def outlets_by_story(*, story_ids: list[int]) -> dict[int, list[str]]:
    """The outlet names of each story's articles (one query)."""
    names: dict[int, list[str]] = defaultdict(list)
    rows = Article.objects.filter(story_id__in=story_ids, outlet__isnull=False).values_list("story_id", "outlet__name")
    for story_id, name in rows.distinct().order_by("story_id", "outlet__name"):
        names[story_id].append(name)
    return names


def timeline_for_story(*, story: Story) -> QuerySet[Update]:
    """Every update of the story, newest first, with claims, article, outlet and versions (constant queries).

    Kept for callers outside the timeline pages; the pages use ``articles.selectors.timeline``.
    """
    return with_related(Update.objects.filter(story_updates_q(story))).order_by("-sort_time", "-position", "-id")
