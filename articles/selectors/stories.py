"""Read queries for stories and their timelines."""

from __future__ import annotations

from django.db.models import Count, Max, Prefetch, QuerySet

from articles.models import Claim, Story, Update


def story_list() -> QuerySet[Story]:
    """Stories with their counts, active first, most recently updated first."""
    return Story.objects.annotate(
        article_count=Count("articles", distinct=True),
        update_count=Count("updates", distinct=True),
        latest_update_at=Max("updates__sort_time"),
    ).order_by("-is_active", "-latest_update_at", "title")


def timeline_for_story(*, story: Story) -> QuerySet[Update]:
    """The story's updates, newest first, with their claims, article and outlet in a constant number of queries."""
    claims = Claim.objects.select_related("person").order_by("start")
    return (
        Update.objects.filter(story=story)
        .select_related("article__outlet", "first_seen_version")
        .prefetch_related(Prefetch("claims", queryset=claims))
        .order_by("-sort_time", "position")
    )
