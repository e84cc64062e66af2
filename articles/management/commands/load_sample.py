"""manage.py load_sample: the project's own fictional flood story, in three versions plus a ticker."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser

from articles.models import Story
from articles.services.articles import article_import_text

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "sample_data"
BERLIN = ZoneInfo("Europe/Berlin")
# (file, canonical URL, fetched at): a live article seen three times, and a ticker.
SAMPLE_VERSIONS = [
    ("hochwasser_v1.txt", "https://auentaler-bote.example/region/hochwasser-auenstedt", datetime(2026, 3, 14, 6, 45)),
    ("hochwasser_v2.txt", "https://auentaler-bote.example/region/hochwasser-auenstedt", datetime(2026, 3, 14, 11, 25)),
    ("hochwasser_v3.txt", "https://auentaler-bote.example/region/hochwasser-auenstedt", datetime(2026, 3, 14, 16, 10)),
    ("pegel_ticker.txt", "https://auental-tv.example/live/hochwasser-ticker", datetime(2026, 3, 14, 18, 35)),
]


class Command(BaseCommand):
    help = "Load the fictional sample story 'Hochwasser an der Auen' (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--demo-user", action="store_true", help="also create the local login editor/storyline")

    def handle(self, *args: Any, **options: Any) -> None:
        story, _ = Story.objects.get_or_create(
            slug="hochwasser-auen",
            defaults={
                "title": "Hochwasser an der Auen",
                "description": "Fictional sample story: a flood in the made-up town of Auenstedt, followed live.",
            },
        )
        for name, url, fetched in SAMPLE_VERSIONS:
            text = (SAMPLE_DIR / name).read_text(encoding="utf-8")
            result = article_import_text(text=text, url=url, story=story, fetched_at=fetched.replace(tzinfo=BERLIN))
            self.stdout.write(f"{result.outcome}: {name} -> version {result.version.number}")
        if options["demo_user"]:
            self._demo_user()

    def _demo_user(self) -> None:
        user_model = get_user_model()
        if not user_model.objects.filter(username="editor").exists():
            user_model.objects.create_superuser("editor", "editor@example.org", "storyline")
        self.stdout.write("Log in at http://127.0.0.1:8000/admin/ as editor / storyline")
