"""The diff between two versions of an article."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from articles.access import newsroom_view
from articles.core.diffing import diff_paragraphs, diff_stats, fold_unchanged, headline_diff, word_diff
from articles.models import Article
from articles.selectors.diffs import VersionPair, article_with_versions, version_pair, version_texts
from articles.views.cards import template_release
from articles.views.common import positive_int
from articles.views.shared_pages import CSRF_SLOT, fill_slots, shared_page

# A version's content changes only when re-analysis re-extracts it, and then its content hash and
# engine version change: both are in the key, so a cached diff never outlives its texts.
DIFF_CACHE_SECONDS = 24 * 3600


def _diff_html(pair: VersionPair, *, changes_only: bool) -> str:
    """The rendered headline diff, summary and text diff (cached per version pair, view and language)."""
    versions = f"{pair.old.pk}.{pair.old.content_hash[:16]}.{pair.new.pk}.{pair.new.content_hash[:16]}"
    key = f"storyline:diff:v3:{versions}:{pair.old.engine_version}:{int(changes_only)}:{get_language()}"
    html: str | None = cache.get(key)
    if html is None:
        old_text, new_text = version_texts(pair=pair)
        ops = word_diff(old_text, new_text)
        paragraphs = diff_paragraphs(ops)
        context = {
            "pair": pair,
            "headline_ops": headline_diff(pair.old.title, pair.new.title),
            "blocks": fold_unchanged(paragraphs) if changes_only else paragraphs,
            "stats": diff_stats(ops),
        }
        html = render_to_string("articles/_diff_body.html", context)
        cache.set(key, html, DIFF_CACHE_SECONDS)
    return html


def _page_key(article: Article, pair: VersionPair, changes_only: bool) -> str:
    """Everything the diff page shows but the reader's CSRF token: article, versions, pair, view, language, zone."""
    story = article.story
    parts = [
        article.title, article.url, article.outlet.name if article.outlet else "",
        story.slug if story else "", story.title if story else "",
        ",".join(f"{v.pk}.{v.number}" for v in pair.versions),
        pair.old.content_hash, pair.new.content_hash, pair.old.engine_version, pair.new.engine_version,
        str(changes_only), get_language() or "", timezone.get_current_timezone_name(),
    ]  # fmt: skip
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]
    return f"storyline:diff-page:{template_release()}:{article.pk}:{pair.old.pk}.{pair.new.pk}:{digest}"


def _render_page(request: HttpRequest, article: Article, pair: VersionPair, changes_only: bool) -> str:
    query = f"from={pair.old.number}&to={pair.new.number}" + ("" if changes_only else "&view=full")
    context = {
        "article": article,
        "pair": pair,
        "changes_only": changes_only,
        "diff": _diff_html(pair, changes_only=changes_only),
        "csrf_token": CSRF_SLOT,
        "next_path": f"{request.path}?{query}",
    }
    return render_to_string("articles/version_diff.html", context, request)


@newsroom_view
def version_diff(request: HttpRequest, article_id: int) -> HttpResponse:
    found = article_with_versions(article_id=article_id)
    if found is None:
        raise Http404("No such article.")
    article, versions = found
    pair = version_pair(
        article=article,
        versions=versions,
        old=positive_int(request.GET.get("from")),
        new=positive_int(request.GET.get("to")),
    )
    if pair is None:
        raise Http404("This article has no stored versions.")
    changes_only = request.GET.get("view") != "full"
    key = _page_key(article, pair, changes_only)
    page = shared_page(key, lambda: _render_page(request, article, pair, changes_only))
    return HttpResponse(fill_slots(page, csrf_token=get_token(request)))
