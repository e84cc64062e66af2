"""The timeline of a story, and the small endpoints its live notice polls."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.access import newsroom_view
from articles.models import Claim, Story, Update
from articles.selectors.facts import StoryFacts, story_facts, story_zone
from articles.selectors.timeline import (
    TimelineFilters,
    claims_by_id,
    new_updates_since,
    timeline_page,
    with_related,
)
from articles.views.common import json_response

NEW_FRAGMENT_LIMIT = 50


def _attach_changes(updates: list[Update], facts: StoryFacts) -> None:
    """Give each update its "what changed" record and the claims that disappeared with it (one query)."""
    changes = {u.pk: facts.changes.get(u.pk) for u in updates}
    wanted = {cid for change in changes.values() if change for cid in change.disappeared_claims}
    gone = claims_by_id(ids=wanted)
    for update in updates:
        change = changes[update.pk]
        update.change = change  # type: ignore[attr-defined]
        update.disappeared = [gone[c] for c in change.disappeared_claims if c in gone] if change else []  # type: ignore[attr-defined]
        update.removed_labels = [facts.labels.get(u, "") for u in change.removed_updates] if change else []  # type: ignore[attr-defined]


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


@newsroom_view
def story_timeline(request: HttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story, slug=slug)
    filters = TimelineFilters.from_query(request.GET, story=story)
    facts = story_facts(story=story)
    page = timeline_page(story=story, filters=filters)
    _attach_changes(page.updates, facts)
    context = {
        "story": story,
        "zone": story_zone(story).key,
        "facts": facts,
        "filters": filters,
        "page": page,
        "updates": page.updates,
        "as_of": timezone.now().isoformat(),
        "poll_seconds": settings.STORYLINE_POLL_SECONDS,
        "live_blog": _live_blog(request, story, page.updates),
        "claim_types": Claim.Type.choices,
        "update_kinds": [*Update.Kind.choices, ("editor", _("editor's note"))],
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
    updates = list(
        with_related(new_updates_since(story=story, since=since)).order_by("-sort_time")[:NEW_FRAGMENT_LIMIT]
    )
    _attach_changes(updates, facts)
    context = {"story": story, "zone": story_zone(story).key, "updates": updates, "now": timezone.now().isoformat()}
    return render(request, "articles/_update_list.html", context)
