"""The diff between two versions of an article."""

from __future__ import annotations

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from articles.access import newsroom_view
from articles.core.diffing import diff_paragraphs, diff_stats, fold_unchanged, headline_diff, word_diff
from articles.selectors.diffs import article_with_versions, version_pair
from articles.views.common import positive_int

DIFF_CACHE_SECONDS = 24 * 3600


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
    # Versions never change: a diff, once computed, holds for good.
    key = f"storyline:diff:v1:{pair.old.pk}:{pair.new.pk}"
    ops = cache.get(key)
    if ops is None:
        ops = word_diff(pair.old.text, pair.new.text)
        cache.set(key, ops, DIFF_CACHE_SECONDS)
    paragraphs = diff_paragraphs(ops)
    changes_only = request.GET.get("view") != "full"
    context = {
        "article": article,
        "pair": pair,
        "headline_ops": headline_diff(pair.old.title, pair.new.title),
        "blocks": fold_unchanged(paragraphs) if changes_only else paragraphs,
        "changes_only": changes_only,
        "stats": diff_stats(ops),
    }
    return render(request, "articles/version_diff.html", context)
