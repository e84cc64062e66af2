"""manage.py reanalyze [--all | ARTICLE_ID ...]"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.models import Article
from articles.services.versions import article_reanalyze

from ._ingest_common import Progress


class Command(BaseCommand):
    help = "Rebuild updates and claims from the stored raw HTML of every version (no refetching)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("article_ids", nargs="*", type=int, help="articles to re-analyse")
        parser.add_argument("--all", action="store_true", help="every article")

    def handle(self, *args: Any, **options: Any) -> None:
        ids: list[int] = options["article_ids"]
        if options["all"] == bool(ids):
            raise CommandError("give either --all or one or more ARTICLE_IDs")
        articles = Article.objects.order_by("pk")
        if ids:
            articles = articles.filter(pk__in=ids)
            missing = set(ids) - set(articles.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"no such article(s): {', '.join(map(str, sorted(missing)))}")
        progress = Progress(articles.count())
        total_versions = done = 0
        for article in articles.iterator(chunk_size=200):
            total_versions += article_reanalyze(article=article)
            done += 1
            progress.step(article.title or article.url)
        progress.close()
        self.stdout.write(f"re-analysed {done} article(s), {total_versions} version(s)")
