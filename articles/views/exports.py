"""Feeds and exports: the Atom feed, the JSON API and TimelineJS JSON."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from articles.access import newsroom_view
from articles.models import Story, Update
from articles.selectors.exports import feed_updates, timelinejs_data, update_as_json
from articles.selectors.facts import current_stamp
from articles.selectors.timeline import TimelineFilters, timeline_page
from articles.views.common import json_bytes, json_response, positive_int, story_or_404
from articles.views.shared_pages import shared_body

if TYPE_CHECKING:  # Feed is generic only in django-stubs
    _FeedBase = Feed[Update, Story]
else:
    _FeedBase = Feed

API_PAGE_SIZE = 100
API_MAX_PAGE_SIZE = 500


@newsroom_view
def timeline_json(request: HttpRequest, slug: str) -> HttpResponse:
    """The documented JSON API: one page of updates with their claims (same filters as the page)."""
    story = story_or_404(slug)
    filters = TimelineFilters.from_query(request.GET, story=story)
    per_page = positive_int(request.GET.get("per_page"), default=API_PAGE_SIZE, maximum=API_MAX_PAGE_SIZE)
    # Same story state, same question: the same answer (the stamp changes with every update or claim).
    query = f"{request.get_host()}:{per_page}:{filters.query(page=filters.page)}"
    state = f"{story.pk}:{story.updated_at.timestamp()}:{current_stamp(story)}"
    key = f"storyline:api:v2:{state}:{hashlib.sha256(query.encode()).hexdigest()[:24]}"
    body = shared_body(key, lambda: json_bytes(_timeline_data(request, story, filters, per_page or API_PAGE_SIZE)))
    return json_response(body)


def _timeline_data(request: HttpRequest, story: Story, filters: TimelineFilters, per_page: int) -> dict[str, Any]:
    page = timeline_page(story=story, filters=filters, per_page=per_page)
    base = request.build_absolute_uri(request.path)

    def link(number: int) -> str:
        return f"{base}?{filters.query(page=number)}&per_page={per_page}".replace("?&", "?")

    return {
        "story": {
            "slug": story.slug,
            "title": story.title,
            "time_zone": story.time_zone,
            "url": story.get_absolute_url(),
        },
        "count": page.total,
        "page": page.page,
        "pages": page.pages,
        "per_page": per_page,
        "next": link(page.page + 1) if page.has_next else None,
        "previous": link(page.page - 1) if page.has_previous else None,
        "updates": [update_as_json(u, story=story) for u in page.updates],
    }


@newsroom_view
def timelinejs_json(request: HttpRequest, slug: str) -> HttpResponse:
    story = story_or_404(slug)
    return json_response(timelinejs_data(story=story))


class StoryAtomFeed(_FeedBase):
    """One entry per update; the entry id includes a hash of the content, so an edited update is a new entry."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Story:
        return story_or_404(kwargs["slug"])

    def title(self, obj: Story) -> str:
        return obj.title

    def link(self, obj: Story) -> str:
        return obj.get_absolute_url()

    def subtitle(self, obj: Story) -> str:
        return obj.description

    def items(self, obj: Story) -> Any:
        return feed_updates(story=obj)

    def item_title(self, item: Update) -> str:
        outlet = item.article.outlet.name if item.article and item.article.outlet else ""
        label = (
            item.label or (item.first_seen_version.title if item.first_seen_version else "") or item.get_kind_display()
        )
        return f"{outlet}: {label}" if outlet else label

    def item_description(self, item: Update) -> str:
        # Atom summaries are type="html": escape once here so readers show the text, never run it.
        return escape(item.text)

    def item_link(self, item: Update) -> str:
        story = item.story or (item.article.story if item.article else None)
        story_url = story.get_absolute_url() if story else "/"
        return f"{story_url}#update-{item.pk}"

    def item_guid(self, item: Update) -> str:
        digest = hashlib.sha256(f"{item.label}\n{item.headings}\n{item.text}".encode()).hexdigest()[:16]
        return f"urn:storyline:update:{item.pk}:{digest}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Update) -> Any:
        return item.sort_time

    def item_updateddate(self, item: Update) -> Any:
        return item.edited_at


story_feed = newsroom_view(StoryAtomFeed())
