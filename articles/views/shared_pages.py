"""Whole pages rendered once per story state and shared by every reader, with a few per-reader slots.

A timeline page is the same for every reader who asks the same question of the
same story state, except for two values: the reader's CSRF token (the language
form) and the moment the live notice counts "new" from. The page is rendered
with a marker in their place, kept in this process (a few pages) and in the
shared cache, and each request fills the markers in with two string replaces.

The markers are HTML comments. Every ingested text is escaped before it
reaches a page (``<`` becomes ``&lt;``, and ``\\u003C`` inside JSON-LD), so a
marker can only come from our own templates, never from an article.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

# Our own constants, not outside content: safe to mark safe.
CSRF_SLOT = mark_safe("<!--storyline:csrf-token-->")
AS_OF_SLOT = mark_safe("<!--storyline:as-of-->")
PAGE_SECONDS = 600
LOCAL_PAGES_KEPT = 16
# Per-process memo: cache key -> page. Sparing the shared cache a 200 KB round trip per request.
_LOCAL_PAGES: OrderedDict[str, str] = OrderedDict()


def shared_page(key: str, render: Callable[[], str]) -> str:
    """The page stored under ``key``: from this process, else the shared cache, else ``render()`` (then stored).

    ``key`` must cover everything the page depends on, other than the slots.
    """
    page = _LOCAL_PAGES.get(key)
    if page is None:
        page = cache.get(key)
        if page is None:
            page = render()
            cache.set(key, page, PAGE_SECONDS)
        _LOCAL_PAGES[key] = page
        while len(_LOCAL_PAGES) > LOCAL_PAGES_KEPT:
            _LOCAL_PAGES.popitem(last=False)
    else:
        _LOCAL_PAGES.move_to_end(key)
    return page


def fill_slots(page: str, *, csrf_token: str, as_of: str = "") -> SafeString:
    """The page for one reader. Both values are ours (a token, an ISO time): nothing in them needs escaping."""
    filled = page.replace(CSRF_SLOT, csrf_token)
    if as_of:
        filled = filled.replace(AS_OF_SLOT, as_of)
    return mark_safe(filled)  # the page came from our template, where every outside text was escaped


def forget_local_pages() -> None:
    """Drop this process's memo (tests, and the cache-clearing command)."""
    _LOCAL_PAGES.clear()
