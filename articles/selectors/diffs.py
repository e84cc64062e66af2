"""Read queries for the version diff page: the article, its version list and the two texts compared."""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings

from articles.models import Article, Version

LOCAL_ARTICLES_KEPT = 256
# Per-process memo: article id -> (expiry, (article, versions without texts)).
_ARTICLES: OrderedDict[int, tuple[float, tuple[Article, list[Version]]]] = OrderedDict()


@dataclass(frozen=True)
class VersionPair:
    article: Article
    versions: list[Version]  # every version, without text, oldest first
    old: Version
    new: Version

    @property
    def previous_step(self) -> tuple[int, int] | None:
        """The pair one version earlier, if any."""
        return (self.old.number - 1, self.old.number) if self.old.number > 1 else None

    @property
    def next_step(self) -> tuple[int, int] | None:
        last = self.versions[-1].number if self.versions else self.new.number
        return (self.new.number, self.new.number + 1) if self.new.number < last else None


def article_with_versions(*, article_id: int) -> tuple[Article, list[Version]] | None:
    """The article (with outlet and story) and its versions without their texts: two queries.

    Remembered per process for STORYLINE_TIMELINE_STAMP_SECONDS, like a story's stamp: a busy diff page
    then needs no query, and a new version shows up within those seconds, as a new update does.
    """
    ttl = float(settings.STORYLINE_TIMELINE_STAMP_SECONDS)
    now = time.monotonic()
    remembered = _ARTICLES.get(article_id)
    if ttl > 0 and remembered and remembered[0] > now:
        return remembered[1]
    article = Article.objects.select_related("outlet", "story").filter(pk=article_id).first()
    if article is None:
        return None
    found = article, list(article.versions.defer("text", "raw_html_compressed").order_by("number"))
    if ttl > 0:
        _ARTICLES[article_id] = (now + ttl, found)
        while len(_ARTICLES) > LOCAL_ARTICLES_KEPT:
            _ARTICLES.popitem(last=False)
    return found


def forget_remembered_articles() -> None:
    """Drop this process's memo (tests: a rolled-back article must not be remembered)."""
    _ARTICLES.clear()


def version_pair(*, article: Article, versions: list[Version], old: int | None, new: int | None) -> VersionPair | None:
    """The two versions to compare (default: the last two), without their texts; None if there are none."""
    numbers = [v.number for v in versions]
    if not numbers:
        return None
    new = new if new in numbers else numbers[-1]
    old = old if old in numbers and old != new else max([n for n in numbers if n < new], default=new)
    if old > new:
        old, new = new, old
    by_number = {v.number: v for v in versions}
    return VersionPair(article=article, versions=versions, old=by_number[old], new=by_number[new])


def version_texts(*, pair: VersionPair) -> tuple[str, str]:
    """The old and new versions' texts (one query)."""
    texts = dict(Version.objects.filter(pk__in=[pair.old.pk, pair.new.pk]).values_list("pk", "text"))
    return texts[pair.old.pk], texts[pair.new.pk]
