"""The diff between two versions of an article."""

from __future__ import annotations

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import get_language

from articles.access import newsroom_view
from articles.core.diffing import diff_paragraphs, diff_stats, fold_unchanged, headline_diff, word_diff
from articles.selectors.diffs import VersionPair, article_with_versions, version_pair, version_texts
from articles.views.common import positive_int

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
    context = {"article": article, "pair": pair, "changes_only": changes_only,
               "diff": _diff_html(pair, changes_only=changes_only)}  # fmt: skip
    return render(request, "articles/version_diff.html", context)
