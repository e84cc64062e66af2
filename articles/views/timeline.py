"""The timeline of a story, and the small endpoints its live notice polls."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
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
from articles.views.common import json_response, story_or_404
from articles.views.shared_pages import AS_OF_SLOT, CSRF_SLOT, fill_slots, shared_page

NEW_FRAGMENT_LIMIT = 50


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


def _page_key(request: HttpRequest, story: Story, filters: TimelineFilters, facts: StoryFacts) -> str:
    """Everything a timeline page depends on but its slots: templates, story row and state, language, question."""
    question = f"{request.get_host()}|{story_zone(story).key}|{filters.query(page=filters.page)}"
    digest = hashlib.sha256(question.encode()).hexdigest()[:24]
    state = f"{story.pk}:{story.updated_at.timestamp()}:{facts.stamp}"
    # The template release keeps a deploy from serving pages drawn by the previous templates.
    return f"storyline:timeline-page:{template_release()}:{state}:{get_language()}:{digest}"


def _render_page(request: HttpRequest, story: Story, filters: TimelineFilters, facts: StoryFacts) -> str:
    """The whole timeline page with slots for the reader's CSRF token and the live notice's start time.

    Rendered without the request's context processors' per-reader values, so nothing about one reader
    (token, user) can end up in the shared copy.
    """
    zone = story_zone(story).key
    page = timeline_page(story=story, filters=filters, claims=False)
    query = filters.query(page=filters.page)
    context = {
        "story": story,
        "zone": zone,
        "facts": facts,
        "filters": filters,
        "page": page,
        "cards": rendered_cards(updates=page.updates, facts=facts, zone=zone),
        "claim_types": Claim.Type.choices,
        "update_kinds": [*Update.Kind.choices, ("editor", _("editor's note"))],
        "ld": ld_json(_live_blog(request, story, page.updates)),
        "csrf_token": CSRF_SLOT,
        "as_of": AS_OF_SLOT,
        "next_path": f"{request.path}?{query}" if query else request.path,
        "poll_seconds": settings.STORYLINE_POLL_SECONDS,
    }
    return render_to_string("articles/story_timeline.html", context, request)


@newsroom_view
def story_timeline(request: HttpRequest, slug: str) -> HttpResponse:
    story = story_or_404(slug)
    filters = TimelineFilters.from_query(request.GET, story=story)
    facts = story_facts(story=story)
    page = shared_page(_page_key(request, story, filters, facts), lambda: _render_page(request, story, filters, facts))
    # The page may be built for a stamp read a few seconds ago: count "new" from then (the script drops
    # cards it already shows, so an update counted twice is never shown twice).
    as_of = (stamp_read_at(story) - timedelta(seconds=1)).isoformat()
    return HttpResponse(fill_slots(page, csrf_token=get_token(request), as_of=as_of))


def _since(request: HttpRequest) -> datetime | None:
    try:
        moment = datetime.fromisoformat(request.GET.get("since", "")[:40])
    except ValueError:
        return None
    return moment if moment.tzinfo else None


@newsroom_view
def timeline_new_json(request: HttpRequest, slug: str) -> HttpResponse:
    """How many updates arrived since ``?since=`` (an ISO time with zone): the live notice polls this."""
    story = story_or_404(slug)
    since = _since(request)
    if since is None:
        return json_response({"error": "since must be an ISO 8601 time with a zone"}, status=400)
    return json_response({"count": new_updates_since(story=story, since=since).count(), "now": timezone.now()})


@newsroom_view
def timeline_new_fragment(request: HttpRequest, slug: str) -> HttpResponse:
    """The cards of the updates that arrived since ``?since=``, newest first, for the live notice to insert."""
    story = story_or_404(slug)
    since = _since(request)
    if since is None:
        return HttpResponse("since must be an ISO 8601 time with a zone", status=400, content_type="text/plain")
    facts = story_facts(story=story)
    arrived = with_related(new_updates_since(story=story, since=since), claims=False).order_by("-sort_time")
    updates = list(arrived[:NEW_FRAGMENT_LIMIT])
    cards = rendered_cards(updates=updates, facts=facts, zone=story_zone(story).key)
    context = {"cards": cards, "now": timezone.now().isoformat()}
    return render(request, "articles/_update_list.html", context)
