"""Create articles and import plain-text versions of them."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from articles.models import Article, Outlet, Story

from .versions import VersionResult, analyze_content, version_store

# The columns an outlet is created from (Outlet.domain, Outlet.name): a longer host is no domain at all.
OUTLET_DOMAIN_LENGTH = 253
OUTLET_NAME_LENGTH = 200


def outlet_domain(url: str) -> str:
    """The outlet domain of ``url`` (host without "www."), or "" if it has none or it is too long to be one."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    return host if len(host) <= OUTLET_DOMAIN_LENGTH else ""


def outlet_for_url(*, url: str) -> Outlet | None:
    """The outlet that publishes ``url``, created from its domain on first sight."""
    host = outlet_domain(url)
    if not host:
        return None
    outlet, _ = Outlet.objects.get_or_create(domain=host, defaults={"name": host[:OUTLET_NAME_LENGTH]})
    return outlet


def article_get_or_create(*, url: str, story: Story | None = None) -> tuple[Article, bool]:
    """The article at canonical ``url``; a new one joins ``story``, an existing one keeps its story."""
    article, created = Article.objects.get_or_create(
        url=url, defaults={"story": story, "outlet": outlet_for_url(url=url)}
    )
    if not created and story is not None and article.story_id is None:
        article.story = story
        article.save(update_fields=["story"])
    return article, created


def article_import_text(
    *, text: str, url: str, story: Story | None = None, fetched_at: datetime | None = None
) -> VersionResult:
    """Import one plain-text state of an article as a Version (idempotent by content)."""
    article, _ = article_get_or_create(url=url, story=story)
    document = analyze_content(text=text)
    return version_store(article=article, document=document, fetched_at=fetched_at)
