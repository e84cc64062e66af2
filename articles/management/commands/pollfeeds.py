"""manage.py pollfeeds [--all] [--sync]"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from articles.services.feeds import feed_poll
from articles.services.ingestion import article_fetch, feeds_claim_due
from articles.tasks import enqueue_poll


class Command(BaseCommand):
    help = "Enqueue a poll of the feeds that are due (or --all); --sync polls and fetches in this process."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="every active feed, due or not")
        parser.add_argument("--sync", action="store_true", help="poll now in this process and fetch new articles")

    def handle(self, *args: Any, **options: Any) -> None:
        ids = feeds_claim_due(everything=options["all"])
        if not options["sync"]:
            for feed_id in ids:
                enqueue_poll(feed_id)
            self.stdout.write(f"enqueued {len(ids)} feed poll(s)")
            return
        fetched = 0
        for feed_id in ids:
            result = feed_poll(feed_id=feed_id)
            self.stdout.write(f"feed {feed_id}: {result.outcome}, {result.entries_created} new entries")
            for article_id in result.article_ids:
                outcome = article_fetch(article_id=article_id)
                fetched += 1
                self.stdout.write(f"  article {outcome.article_id}: {outcome.outcome}")
        self.stdout.write(f"polled {len(ids)} feed(s), fetched {fetched} article(s)")
