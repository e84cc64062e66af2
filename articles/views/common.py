"""Helpers shared by the views: JSON responses that are safe to embed, and query-string parsing."""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse

from articles.templatetags.storyline import JSON_SCRIPT_ESCAPES


def json_response(data: Any, *, status: int = 200) -> HttpResponse:
    """UTF-8 JSON with ``<``, ``>`` and ``&`` escaped, so a payload stays inert wherever it is pasted."""
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
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
