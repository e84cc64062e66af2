"""Read-only pages for journalists. Login required unless STORYLINE_PUBLIC is set."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from articles.access import newsroom_view
from articles.models import Story
from articles.selectors.stories import story_list, timeline_for_story


@newsroom_view
def story_index(request: HttpRequest) -> HttpResponse:
    return render(request, "articles/story_list.html", {"stories": story_list()})


@newsroom_view
def story_timeline(request: HttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story, slug=slug)
    return render(request, "articles/story_timeline.html", {"story": story, "updates": timeline_for_story(story=story)})
