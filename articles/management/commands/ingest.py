"""manage.py ingest URL [--story SLUG] [--sync]"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.core.urls import InvalidURL
from articles.models import Article, Claim, Update
from articles.services.ingestion import article_fetch, article_ingest
from articles.tasks import enqueue_fetch

from ._ingest_common import story_for_slug


class Command(BaseCommand):
    help = "Ingest one article now (tracked for changes from then on)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url", help="the article's http(s) URL")
        parser.add_argument("--story", help="slug of the story to file it under (created if missing)")
        parser.add_argument("--sync", action="store_true", help="fetch now in this process instead of enqueuing")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            article = article_ingest(url=options["url"], story=story_for_slug(options["story"]))
        except InvalidURL as error:
            raise CommandError(str(error)) from error
        if not options["sync"]:
            enqueue_fetch(article.pk)
            self.stdout.write(f"enqueued: article {article.pk} {article.url}")
            return
        result = article_fetch(article_id=article.pk, force=True)
        article = Article.objects.filter(pk=result.article_id).first() or article
        updates = Update.objects.filter(article=article).count()
        claims = Claim.objects.filter(update__article=article).count()
        versions = article.versions.count()
        counts = f"{versions} versions, {updates} updates, {claims} claims"
        line = f"{result.outcome}: article {article.pk} ({counts}) {article.url}"
        if article.last_error:
            line += f" error: {article.last_error}"
        self.stdout.write(line)
        if result.outcome not in ("ok", "unchanged", "not_modified"):
            raise CommandError(f"fetch failed: {article.last_error or result.outcome}")
