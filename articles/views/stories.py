"""The list of stories."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from articles.access import newsroom_view
from articles.selectors.stories import outlets_by_story, story_list


@newsroom_view
def story_index(request: HttpRequest) -> HttpResponse:
    search = " ".join(request.GET.get("q", "").split())[:200]
    stories = list(story_list(search=search))
    outlets = outlets_by_story(story_ids=[s.pk for s in stories])
    for story in stories:
        story.outlet_names = outlets.get(story.pk, [])  # type: ignore[attr-defined]
    return render(request, "articles/story_list.html", {"stories": stories, "search": search})
