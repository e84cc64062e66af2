"""Read queries for the version diff page: the article, its version list and the two texts compared."""

from __future__ import annotations

from dataclasses import dataclass

from articles.models import Article, Version


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
    """The article (with outlet and story) and its versions without their texts: two queries."""
    article = Article.objects.select_related("outlet", "story").filter(pk=article_id).first()
    if article is None:
        return None
    versions = list(article.versions.defer("text", "raw_html_compressed").order_by("number"))
    return article, versions


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
