"""manage.py import_article PATH [--story SLUG] [--url URL]"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.models import Claim, Story, Update
from articles.services.articles import article_import_text


class Command(BaseCommand):
    help = "Import a plain-text article (first line 'date YYYY-MM', headline, 'Von:' byline, paragraphs) as a version."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="the article's text file, or - for standard input")
        parser.add_argument("--story", help="slug of the story to file the article under (created if missing)")
        parser.add_argument("--url", help="canonical URL of the article (default: the file's file:// URL)")

    def handle(self, *args: Any, **options: Any) -> None:
        text, default_url = self._read(options["path"])
        story = None
        if options["story"]:
            story, _ = Story.objects.get_or_create(slug=options["story"], defaults={"title": options["story"]})
        result = article_import_text(text=text, url=options["url"] or default_url, story=story)
        version = result.version
        updates = Update.objects.filter(article=version.article).count()
        claims = Claim.objects.filter(update__article=version.article).count()
        self.stdout.write(
            f"{result.outcome}: article {version.article_id} version {version.number} "
            f"({updates} updates, {claims} claims) {version.article.url}"
        )

    def _read(self, path: str) -> tuple[str, str]:
        if path == "-":
            text = sys.stdin.read()
            return text, f"urn:storyline:stdin:{hashlib.sha1(text[:200].encode()).hexdigest()[:16]}"
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            return file.read_text(encoding="utf-8"), file.resolve().as_uri()
        except UnicodeDecodeError as error:
            raise CommandError(f"{path} is not UTF-8 text: {error}") from error
