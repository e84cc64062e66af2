"""manage.py addfeed URL [--story SLUG] [--interval SECONDS] [--no-robots]"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.core.urls import InvalidURL
from articles.services.feeds import feed_add

from ._ingest_common import story_for_slug


class Command(BaseCommand):
    help = "Add an RSS/Atom feed (idempotent); it is polled on its own interval from then on."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url", help="the feed's http(s) URL")
        parser.add_argument("--story", help="slug of the story its articles join (created if missing)")
        parser.add_argument(
            "--interval", type=int, help="poll interval in seconds (default: STORYLINE_FEED_DEFAULT_INTERVAL)"
        )
        parser.add_argument(
            "--no-robots", action="store_true", help="ignore robots.txt (only for the newsroom's own sites)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        interval = options["interval"]
        if interval is not None and interval < 60:
            raise CommandError("--interval must be at least 60 seconds")
        try:
            feed, created = feed_add(url=options["url"], story=story_for_slug(options["story"]), interval=interval)
        except InvalidURL as error:
            raise CommandError(str(error)) from error
        if options["no_robots"] and feed.respect_robots:
            feed.respect_robots = False
            feed.save(update_fields=["respect_robots"])
        story = feed.story.slug if feed.story else "-"
        verb = "created" if created else "exists"
        self.stdout.write(f"{verb}: feed {feed.pk} {feed.url} (story {story}, every {feed.poll_interval}s)")
