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
    """The two versions to compare (default: the last two), texts loaded in one query; None if absent."""
    numbers = [v.number for v in versions]
    if not numbers:
        return None
    new = new if new in numbers else numbers[-1]
    old = old if old in numbers and old != new else max([n for n in numbers if n < new], default=new)
    if old > new:
        old, new = new, old
    loaded = {
        v.number: v for v in Version.objects.filter(article=article, number__in={old, new}).defer("raw_html_compressed")
    }
    return VersionPair(article=article, versions=versions, old=loaded[old], new=loaded[new])
