"""The timeline of a story, and the small endpoints its live notice polls."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from articles.access import newsroom_view
from articles.models import Claim, Story, Update
from articles.selectors.facts import StoryFacts, stamp_read_at, story_facts, story_zone
from articles.selectors.timeline import TimelineFilters, new_updates_since, timeline_page, with_related
from articles.templatetags.storyline import ld_json
from articles.views.cards import rendered_cards, template_release
from articles.views.common import json_response

NEW_FRAGMENT_LIMIT = 50
BODY_CACHE_SECONDS = 600


def _live_blog(request: HttpRequest, story: Story, updates: list[Update]) -> dict[str, Any]:
    """schema.org LiveBlogPosting for the page (data only; rendered as an escaped JSON-LD block)."""
    page_url = request.build_absolute_uri(story.get_absolute_url())
    return {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": story.title,
        "description": story.description,
        "url": page_url,
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": u.label or (u.first_seen_version.title if u.first_seen_version else story.title),
                "datePublished": u.sort_time.isoformat(),
                "articleBody": u.text,
                "url": f"{page_url}#update-{u.pk}",
            }
            for u in updates
        ],
    }


def _timeline_body(request: HttpRequest, story: Story, filters: TimelineFilters, facts: StoryFacts) -> tuple[str, str]:
    """The charts, filters, cards and pagination, and the JSON-LD block, for this story state and question.

    Cached per story stamp, language, zone, host and filters. Rendered without the request, so nothing
    about the reader (CSRF token, user) can end up in the shared copy.
    """
    zone = story_zone(story).key
    question = f"{request.get_host()}|{zone}|{filters.query(page=filters.page)}"
    digest = hashlib.sha256(question.encode()).hexdigest()[:24]
    # The template release keeps a deploy from serving bodies drawn by the previous templates.
    key = f"storyline:timeline-body:{template_release()}:{story.pk}:{facts.stamp}:{get_language()}:{digest}"
    cached: tuple[str, str] | None = cache.get(key)
    if cached is not None:
        return cached
    page = timeline_page(story=story, filters=filters, claims=False)
    context = {
        "story": story,
        "facts": facts,
        "filters": filters,
        "page": page,
        "cards": rendered_cards(updates=page.updates, facts=facts, zone=zone),
        "claim_types": Claim.Type.choices,
        "update_kinds": [*Update.Kind.choices, ("editor", _("editor's note"))],
    }
    result = (
        render_to_string("articles/_timeline_body.html", context),
        ld_json(_live_blog(request, story, page.updates)),
    )
    cache.set(key, result, BODY_CACHE_SECONDS)
    return result


@newsroom_view
def story_timeline(request: HttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story, slug=slug)
    filters = TimelineFilters.from_query(request.GET, story=story)
    facts = story_facts(story=story)
    body, ld = _timeline_body(request, story, filters, facts)
    context = {
        "story": story,
        "zone": story_zone(story).key,
        "facts": facts,
        "filters": filters,
        "body": body,
        "ld": ld,
        # The body may be built for a stamp read a few seconds ago: count "new" from then (the script drops
        # cards it already shows, so an update counted twice is never shown twice).
        "as_of": (stamp_read_at(story) - timedelta(seconds=1)).isoformat(),
        "poll_seconds": settings.STORYLINE_POLL_SECONDS,
    }
    return render(request, "articles/story_timeline.html", context)


def _since(request: HttpRequest) -> datetime | None:
    try:
        moment = datetime.fromisoformat(request.GET.get("since", "")[:40])
    except ValueError:
        return None
    return moment if moment.tzinfo else None


@newsroom_view
def timeline_new_json(request: HttpRequest, slug: str) -> HttpResponse:
    """How many updates arrived since ``?since=`` (an ISO time with zone): the live notice polls this."""
    story = get_object_or_404(Story, slug=slug)
    since = _since(request)
    if since is None:
        return json_response({"error": "since must be an ISO 8601 time with a zone"}, status=400)
    return json_response({"count": new_updates_since(story=story, since=since).count(), "now": timezone.now()})


@newsroom_view
def timeline_new_fragment(request: HttpRequest, slug: str) -> HttpResponse:
    """The cards of the updates that arrived since ``?since=``, newest first, for the live notice to insert."""
    story = get_object_or_404(Story, slug=slug)
    since = _since(request)
    if since is None:
        return HttpResponse("since must be an ISO 8601 time with a zone", status=400, content_type="text/plain")
    facts = story_facts(story=story)
    arrived = with_related(new_updates_since(story=story, since=since), claims=False).order_by("-sort_time")
    updates = list(arrived[:NEW_FRAGMENT_LIMIT])
    cards = rendered_cards(updates=updates, facts=facts, zone=story_zone(story).key)
    context = {"cards": cards, "now": timezone.now().isoformat()}
    return render(request, "articles/_update_list.html", context)
