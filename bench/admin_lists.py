"""Benchmark: the editors' admin list pages with 100,000 claims.

Usage (PostgreSQL is what production runs; SQLite works too):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sl_editors python bench/admin_lists.py [--claims 100000]

Creates a throw-away test database (``test_<name>``), fills it, and reports the
median time and query count of each list page, as a ratio against a floor
measured in the same run (the admin index page, which touches no Storyline
table). Figures are noisy on a shared machine: read the ratios, not the
milliseconds, and run it twice.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storyline.settings")

import django

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from articles.models import Article, Claim, Person, Story, Update  # noqa: E402

T0 = datetime(2026, 3, 14, 6, 0, tzinfo=UTC)
PAGES = {
    "floor: admin index": "/admin/",
    "claims": "/admin/articles/claim/",
    "claims, filtered (disputed)": "/admin/articles/claim/?verification__exact=disputed",
    "claims, search": "/admin/articles/claim/?q=Deich",
    "updates": "/admin/articles/update/",
    "people": "/admin/articles/person/",
    "articles": "/admin/articles/article/",
    "stories": "/admin/articles/story/",
}


def fill(claims: int) -> None:
    """``claims`` claims in 10-claim updates over 100 articles, 2 stories and 2,000 people."""
    stories = [Story.objects.create(slug=f"s{i}", title=f"Story {i}") for i in range(2)]
    articles = Article.objects.bulk_create(
        Article(url=f"https://bench.example/{i}", title=f"Artikel {i}", story=stories[i % 2]) for i in range(100)
    )
    people = Person.objects.bulk_create(Person(name=f"Person {i}", slug=f"p{i}") for i in range(2000))
    updates = Update.objects.bulk_create(
        (
            Update(
                article=articles[i % 100],
                story=stories[i % 2],
                key=f"u{i}",
                text="Text " * 40,
                sort_time=T0 + timedelta(seconds=i),
            )
            for i in range(claims // 10)
        ),
        batch_size=5000,
    )
    verifications = ["unverified"] * 7 + ["verified", "disputed", "false"]
    Claim.objects.bulk_create(
        (
            Claim(
                update=updates[i // 10],
                story=updates[i // 10].story,
                person=people[i % 2000],
                text=f"Zitat {i} über den Deich" if i % 50 == 0 else f"Zitat {i}",
                key=f"c{i}",
                speaker_name=f"Person {i % 2000}",
                verification=verifications[i % 10],
            )
            for i in range(claims)
        ),
        batch_size=5000,
    )


def measure(client: Client, url: str, runs: int) -> tuple[float, int]:
    client.get(url)  # warm caches
    times, queries = [], 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as context:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(context.captured_queries)
    return statistics.median(times) * 1000, queries


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        fill(args.claims)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # what autovacuum does to a real table; bulk-filled ones have no statistics yet
        print(f"{connection.vendor}: {Claim.objects.count():,} claims filled in {time.perf_counter() - started:.0f} s")
        client = Client()
        client.force_login(User.objects.create_superuser("bench", "bench@example.org", None))
        middle = max(args.claims // 50 // 2, 1)  # 50 claims a page: the middle page pays for its OFFSET
        pages = PAGES | {f"claims, page {middle}": f"/admin/articles/claim/?p={middle}"}
        results = {name: measure(client, url, args.runs) for name, url in pages.items()}
        floor = results["floor: admin index"][0]
        print(f"{'page':32} {'median ms':>10} {'x floor':>8} {'queries':>8}")
        for name, (median, queries) in results.items():
            print(f"{name:32} {median:10.1f} {median / floor:8.1f} {queries:8d}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
