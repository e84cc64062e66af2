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

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from articles import core
from articles.models import Article, Version

from .reconcile import reconcile_document

ENGINE_VERSION = "1"


@dataclass(frozen=True)
class VersionResult:
    outcome: Literal["created", "unchanged"]
    version: Version


def content_hash(*, title: str | None, text: str) -> str:
    """The identity of a version's content: its headline and extracted text."""
    return hashlib.sha256(f"{title or ''}\n{text}".encode()).hexdigest()


def analyze_content(
    *, text: str | None = None, html: str | None = None, published: datetime | None = None, lang: str | None = None
) -> core.Document:
    """Run the analysis engine on plain text or HTML."""
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
    existing = Version.objects.filter(article=article, content_hash=digest).first()
    if existing is not None:
        return VersionResult("unchanged", existing)
    fetched_at = fetched_at or timezone.now()
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

    Returns the number of versions re-analysed. Editor corrections survive (see reconcile).
    """
    versions = list(Version.objects.filter(article=article).order_by("number"))
    for version in versions:
        html = version.raw_html
        document = analyze_content(html=html) if html else analyze_content(text=version.text)
        with transaction.atomic():
            reconcile_document(article=article, version=version, document=document)
    return len(versions)
