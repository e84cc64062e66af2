"""Whole pages rendered once per story state and shared by every reader, with a few per-reader slots.

A timeline page is the same for every reader who asks the same question of the
same story state, except for two values: the reader's CSRF token (the language
form) and the moment the live notice counts "new" from. The page is rendered
with a marker in their place, split at the markers into UTF-8 pieces, kept in
this process (a few pages) and in the shared cache; each request joins the
pieces with its own values, one copy of the bytes and no re-encoding.

The markers are HTML comments. Every ingested text is escaped before it
reaches a page (``<`` becomes ``&lt;``, and ``\\u003C`` inside JSON-LD), so a
marker can only come from our own templates, never from an article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.utils.safestring import mark_safe

from articles.local_memo import LocalMemo

# Our own constants, not outside content: safe to mark safe.
CSRF_SLOT = mark_safe("<!--storyline:csrf-token-->")
AS_OF_SLOT = mark_safe("<!--storyline:as-of-->")
_SLOTS = re.compile(r"<!--storyline:(csrf-token|as-of)-->")
PAGE_SECONDS = 600
# Part of every key: bump it when the stored shape changes, so a deploy never reads the old shape.
FORMAT = "pieces-v1"
LOCAL_PAGES_KEPT = 16
# A page as stored: UTF-8 pieces (bytes) and, between them, the names of the slots to fill (str).
Pieces = tuple[bytes | str, ...]
# Per-process memo: cache key -> pieces. Spares the shared cache a 200 KB round trip per request.
_LOCAL_PAGES: LocalMemo[str, Pieces | bytes] = LocalMemo(LOCAL_PAGES_KEPT)


def _pieces(page: str) -> Pieces:
    parts = _SLOTS.split(page)  # text, slot name, text, slot name, …, text
    return tuple(part if index % 2 else part.encode() for index, part in enumerate(parts))


def shared_page(key: str, render: Callable[[], str]) -> Pieces:
    """The page stored under ``key``: from this process, else the shared cache, else ``render()`` (then stored).

    ``key`` must cover everything the page depends on, other than the slots.
    """
    page: Pieces = _remembered(f"{key}:{FORMAT}", lambda: _pieces(render()))
    return page


def shared_body(key: str, render: Callable[[], bytes]) -> bytes:
    """A response body with no per-reader part (the JSON API), stored like ``shared_page``."""
    body: bytes = _remembered(key, render)
    return body


def _remembered(key: str, build: Callable[[], Pieces | bytes]) -> Any:
    value = _LOCAL_PAGES.get(key)
    if value is None:
        value = cache.get(key)
        if value is None:
            value = build()
            cache.set(key, value, PAGE_SECONDS)
        _LOCAL_PAGES.put(key, value)
    return value


def fill_slots(page: Pieces, *, csrf_token: str, as_of: str = "") -> bytes:
    """The page for one reader, as UTF-8. Both values are ours (a token, an ISO time): nothing to escape in them."""
    values = {"csrf-token": csrf_token.encode(), "as-of": as_of.encode()}
    return b"".join(values[piece] if isinstance(piece, str) else piece for piece in page)


def forget_local_pages() -> None:
    """Drop this process's memo (tests use it to measure a cold page)."""
    _LOCAL_PAGES.clear()
