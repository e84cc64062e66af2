"""manage.py ingeststatus [--json]"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from articles.selectors.health import worker_heartbeats
from articles.selectors.ingestion import failing_feeds, ingest_status


class Command(BaseCommand):
    help = (
        "Counts of feeds (ok, failing), articles, versions, updates, claims, fetches in the last hour, "
        "and the workers' last heartbeats."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="print exactly one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        status = ingest_status()
        if options["json"]:
            self.stdout.write(json.dumps(status, sort_keys=True))
            return
        ok = status["feeds"] - status["feeds_failing"]
        self.stdout.write(f"feeds:     {status['feeds']} ({ok} ok, {status['feeds_failing']} failing)")
        for feed in failing_feeds():
            self.stdout.write(f"  failing: {feed.url} ({feed.failure_count}x) {feed.last_error[:100]}")
        for key in ("articles", "versions", "updates", "claims"):
            self.stdout.write(f"{key + ':':<11}{status[key]}")
        fetches = status["fetches_last_hour"]
        detail = ", ".join(f"{name} {count}" for name, count in sorted(fetches.items())) or "none"
        self.stdout.write(f"fetches in the last hour: {sum(fetches.values())} ({detail})")
        self._write_workers()

    def _write_workers(self) -> None:
        # Heartbeats stay out of --json: that output is a contract with exactly the counting keys.
        workers = worker_heartbeats()
        if not workers:
            self.stdout.write("workers:   no heartbeat seen (is a Celery worker running?)")
        for worker in workers:
            self.stdout.write(f"worker {worker['worker']} last seen {worker['last_seen']}")
