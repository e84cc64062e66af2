"""Helpers shared by the views: JSON responses that are safe to embed, and query-string parsing."""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse

from articles.models import Story
from articles.selectors.facts import story_by_slug


def json_bytes(data: Any) -> bytes:
    """UTF-8 JSON with ``<``, ``>`` and ``&`` escaped (as json_script does), so it stays inert wherever pasted."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    # str.replace runs in C; str.translate with a dict is ten times slower on big payloads.
    return text.replace("&", "\\u0026").replace("<", "\\u003C").replace(">", "\\u003E").encode()


def json_response(data: Any, *, status: int = 200) -> HttpResponse:
    """A JSON response (see ``json_bytes``); ``data`` may already be encoded bytes."""
    body = data if isinstance(data, bytes) else json_bytes(data)
    response = HttpResponse(body, content_type="application/json; charset=utf-8", status=status)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def positive_int(value: str | None, *, default: int | None = None, maximum: int | None = None) -> int | None:
    """``value`` as a positive int (capped at ``maximum``), else ``default``."""
    try:
        number = int(value or "")
    except ValueError:
        return default
    if number < 1:
        return default
    return min(number, maximum) if maximum else number


def story_or_404(slug: str) -> Story:
    """The story with ``slug`` (remembered for a few seconds per process, see ``story_by_slug``), else a 404."""
    story = story_by_slug(slug=slug)
    if story is None:
        raise Http404("No such story.")
    return story
