"""manage.py recheck [--all] [--sync]"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from articles.services.ingestion import article_fetch, articles_claim_due
from articles.tasks import enqueue_fetch

from ._ingest_common import Progress


class Command(BaseCommand):
    help = "Re-fetch the tracked articles that are due (or --all tracked ones); --sync does it in this process."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="every tracked article, due or not")
        parser.add_argument("--sync", action="store_true", help="re-fetch now in this process")

    def handle(self, *args: Any, **options: Any) -> None:
        ids = articles_claim_due(everything=options["all"])
        if not options["sync"]:
            for article_id in ids:
                enqueue_fetch(article_id)
            self.stdout.write(f"enqueued {len(ids)} article re-check(s)")
            return
        outcomes: Counter[str] = Counter()
        progress = Progress(len(ids))
        for article_id in ids:
            outcomes[article_fetch(article_id=article_id).outcome] += 1
            progress.step(f"article {article_id}")
        progress.close()
        summary = ", ".join(f"{name} {count}" for name, count in sorted(outcomes.items())) or "nothing due"
        self.stdout.write(f"re-checked {len(ids)} article(s): {summary}")
