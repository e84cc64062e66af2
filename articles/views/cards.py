"""Update cards, rendered once per story state and language, then served from the cache.

A card depends on its update, the story-wide "what changed" facts (both
covered by the story's stamp), the language and the story's time zone. It
holds nothing about the reader (no CSRF token, no user), so it can be shared.
Relative times are filled in by the browser from the card's ``datetime``.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from articles.models import Update
from articles.selectors.facts import StoryFacts
from articles.selectors.timeline import claims_by_id, claims_prefetch

CARD_SECONDS = 3600
# A deploy that changes how pages are drawn must not serve HTML cached by the previous release.
_TEMPLATES = Path(settings.BASE_DIR) / "templates"
_TAGS = Path(__file__).resolve().parents[1] / "templatetags" / "storyline.py"


@lru_cache(maxsize=1)
def template_release() -> str:
    """A digest of the templates and template tags cached HTML comes from, computed once per process."""
    digest = hashlib.sha256()
    # base.html too: whole pages are cached (views/shared_pages.py), not only cards.
    for source in [_TEMPLATES / "base.html", *sorted((_TEMPLATES / "articles").glob("*.html")), _TAGS]:
        digest.update(source.name.encode())
        digest.update(source.read_bytes() if source.exists() else b"")
    return digest.hexdigest()[:12]


def attach_changes(updates: list[Update], facts: StoryFacts) -> None:
    """Give each update its "what changed" record and the claims that disappeared with it (one query)."""
    changes = {u.pk: facts.changes.get(u.pk) for u in updates}
    wanted = {cid for change in changes.values() if change for cid in change.disappeared_claims}
    gone = claims_by_id(ids=wanted)
    for update in updates:
        change = changes[update.pk]
        update.change = change  # type: ignore[attr-defined]
        update.disappeared = [gone[c] for c in change.disappeared_claims if c in gone] if change else []  # type: ignore[attr-defined]
        update.removed_labels = [facts.labels.get(u, "") for u in change.removed_updates] if change else []  # type: ignore[attr-defined]


def rendered_cards(*, updates: list[Update], facts: StoryFacts, zone: str) -> list[SafeString]:
    """The cards' HTML in the order of ``updates``; only the ones not cached are rendered (claims loaded for them)."""
    language = get_language() or "en"
    release = template_release()
    keys = {u.pk: f"storyline:card:{release}:{u.pk}:{u.revision}:{facts.stamp}:{language}:{zone}" for u in updates}
    found = cache.get_many(list(keys.values()))
    missing = [u for u in updates if keys[u.pk] not in found]
    if missing:
        prefetch_related_objects(missing, claims_prefetch())
        attach_changes(missing, facts)
        fresh = {
            keys[u.pk]: render_to_string("articles/_update_card.html", {"update": u, "zone": zone}) for u in missing
        }
        cache.set_many(fresh, CARD_SECONDS)
        found.update(fresh)
    # Our own template's output (a SafeString, which the cache pickles as such): every text was escaped there.
    return [found[keys[u.pk]] for u in updates]
