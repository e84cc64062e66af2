"""Store a fetched state of an article and reconcile its updates and claims.

``version_store`` is the one write path for article content, used by the
import command, ingestion and re-analysis. It is idempotent: the unique
constraint on (article, content hash) turns a repeated call into "unchanged".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from articles import core
from articles.models import Article, Version

from .reconcile import reconcile_document

ENGINE_VERSION = "1"


@dataclass(frozen=True)
class VersionResult:
    # "reverted": the page went back to the content of an earlier (not the latest) version.
    outcome: Literal["created", "reverted", "unchanged"]
    version: Version


def content_hash(*, title: str | None, text: str) -> str:
    """The identity of a version's content: its headline and extracted text."""
    return hashlib.sha256(f"{title or ''}\n{text}".encode()).hexdigest()


def analyze_content(
    *, text: str | None = None, html: str | None = None, published: datetime | None = None, lang: str | None = None
) -> core.Document:
    """Run the analysis engine on plain text or HTML.

    ``published`` is handed over in the newsroom's time zone: a date read back
    from the database is UTC, and the engine reads day and month from it.
    """
    if published is not None and published.tzinfo is not None:
        published = published.astimezone(ZoneInfo(settings.STORYLINE_DEFAULT_TIME_ZONE))
    if html is not None:
        return core.analyze_html(html, published=published, lang=lang)
    return core.analyze_text(text or "", published=published, lang=lang)


def version_store(
    *,
    article: Article,
    document: core.Document,
    raw_html: str = "",
    fetched_at: datetime | None = None,
    save_article: bool = True,
) -> VersionResult:
    """Store ``document`` as a new Version of ``article`` unless its content is already stored.

    The article's headline, language, published and last fetched/changed times
    are updated in memory, and saved unless ``save_article`` is False (a caller
    that saves the article itself right after saves a query).
    """
    digest = content_hash(title=document.title, text=document.text)
    fetched_at = fetched_at or timezone.now()
    existing = Version.objects.filter(article=article, content_hash=digest).first()
    if existing is not None:
        return _seen_before(article, existing, document, fetched_at, save_article)
    try:
        with transaction.atomic():
            version = _create_version(article, document, digest, raw_html, fetched_at)
            reconcile_document(article=article, version=version, document=document)
            _touch_article(article, document, fetched_at, save=save_article)
    except IntegrityError:
        # A concurrent worker stored the same content first: that is "unchanged". Anything else is a bug.
        stored = Version.objects.filter(article=article, content_hash=digest).first()
        if stored is None:
            raise
        return VersionResult("unchanged", stored)
    return VersionResult("created", version)


def _seen_before(
    article: Article, existing: Version, document: core.Document, fetched_at: datetime, save_article: bool
) -> VersionResult:
    """Content already stored. If it is not the latest version, the page was reverted: updates and claims
    that only the later versions had must be marked gone, so reconcile against the earlier version."""
    latest = Version.objects.filter(article=article).order_by("-number").values_list("pk", flat=True).first()
    if existing.pk == latest:
        return VersionResult("unchanged", existing)
    with transaction.atomic():
        reconcile_document(article=article, version=existing, document=document)
        _touch_article(article, document, fetched_at, save=save_article)
    return VersionResult("reverted", existing)


def _create_version(
    article: Article, document: core.Document, digest: str, raw_html: str, fetched_at: datetime
) -> Version:
    number = (Version.objects.filter(article=article).aggregate(n=Max("number"))["n"] or 0) + 1
    version = Version(
        article=article,
        number=number,
        fetched_at=fetched_at,
        content_hash=digest,
        title=(document.title or "")[:500],
        authors=list(document.authors),
        published_at=document.published,
        text=document.text,
        engine_version=ENGINE_VERSION,
    )
    version.raw_html = raw_html
    version.save()
    return version


def _touch_article(article: Article, document: core.Document, fetched_at: datetime, *, save: bool) -> None:
    article.title = (document.title or article.title)[:500]
    article.language = document.language or article.language
    article.published_at = article.published_at or document.published
    article.last_fetched_at = fetched_at
    article.last_changed_at = fetched_at
    if save:
        article.save(update_fields=["title", "language", "published_at", "last_fetched_at", "last_changed_at"])


def article_reanalyze(*, article: Article) -> int:
    """Re-run the engine on the stored versions of ``article`` (oldest first), without refetching.

    Each version is analysed from its raw HTML (or its text) with the same
    publication date ingestion used, so update identities stay put; its stored
    text, headline and content hash follow the engine (a hash another version
    already has is kept as it was). Returns the number of versions re-analysed.
    Editor corrections survive (see reconcile).
    """
    # One transaction under the article's row lock: a fetch storing a new version meanwhile would
    # otherwise see its new updates marked removed by the replay of the older versions.
    with transaction.atomic():
        Article.objects.select_for_update().filter(pk=article.pk).first()
        versions = list(Version.objects.filter(article=article).order_by("number"))
        for version in versions:
            document = _analyze_stored(version, article)
            reconcile_document(article=article, version=version, document=document)
            _refresh_version(version, document)
    return len(versions)


def _analyze_stored(version: Version, article: Article) -> core.Document:
    published = version.published_at or article.published_at
    html = version.raw_html
    if html:
        return analyze_content(html=html, published=published)
    return analyze_content(text=version.text, published=published)


def _refresh_version(version: Version, document: core.Document) -> None:
    title = (document.title or "")[:500]
    if (version.text, version.title, version.engine_version) == (document.text, title, ENGINE_VERSION):
        return
    version.text, version.title, version.engine_version = document.text, title, ENGINE_VERSION
    digest = content_hash(title=document.title, text=document.text)
    taken = Version.objects.filter(article_id=version.article_id, content_hash=digest).exclude(pk=version.pk).exists()
    if not taken:
        version.content_hash = digest
    version.save(update_fields=["text", "title", "engine_version", "content_hash"])
