"""Timeline bench: the generated story on PostgreSQL, served by gunicorn, loaded by wrk from loopback.

    /work/venv/bin/python bench/timeline_bench.py [--duration 30] [--connections 20]

Starts and stops everything itself: (re)creates the bench database, migrates,
runs ``generate_story --slug bench --articles 20 --versions 5 --updates 2000
--claims 10000``, collects static files, counts the queries of each page,
starts gunicorn, runs wrk against a trivial view (the floor), the timeline's
first page, the JSON API and a diff page, and prints p50/p95 per URL and the
ratio of each p95 to the floor's. Needs PostgreSQL on 127.0.0.1:5432 and wrk.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DB = os.environ.get("BENCH_DB", "sl_timeline_bench")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PORT = int(os.environ.get("BENCH_PORT", "8791"))
SIZES = ["--articles", "20", "--versions", "5", "--updates", "2000", "--claims", "10000"]
COUNT_QUERIES = """
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.core.cache import cache
client = Client()
for url in {urls!r}:
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        client.get(url)
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    print(f"QUERIES {{url}} cold={{len(cold)}} warm={{len(warm)}}")
"""


def environment(static_root: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"{PG}/{DB}", DJANGO_SETTINGS_MODULE="bench.settings_bench", DEBUG="0", SECRET_KEY="bench-only",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver", SECURE_SSL_REDIRECT="0", STORYLINE_PUBLIC="1",
        STATIC_ROOT=static_root, LOG_LEVEL="WARNING", PYTHONPATH=str(ROOT),
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/4"),
    )  # fmt: skip
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return result.stdout


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB}"')


def urls(env: dict[str, str]) -> dict[str, str]:
    code = (
        "from articles.models import Article\n"
        "a = Article.objects.filter(story__slug='bench').order_by('id').first()\n"
        "print('ARTICLE', a.pk)"
    )
    article = manage(env, "shell", "-c", code).split("ARTICLE")[1].strip()
    return {
        "floor (trivial view)": "/bench/floor/",
        "timeline first page": "/stories/bench/",
        "JSON API first page": "/api/stories/bench/timeline.json",
        "diff page (v4 -> v5)": f"/articles/{article}/diff/?from=4&to=5",
    }


def wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"gunicorn did not answer {url}")


def run_wrk(url: str, duration: int, connections: int) -> dict[str, float]:
    script = Path(__file__).with_name("percentiles.lua")
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-s", str(script), url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    figures: dict[str, float] = json.loads(output.split("BENCH", 1)[1].strip().splitlines()[0])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")
    static_root = tempfile.mkdtemp(prefix="sl-bench-static-")
    env = environment(static_root)
    recreate_database()
    manage(env, "migrate", "--noinput")
    print(manage(env, "generate_story", "--slug", "bench", *SIZES).strip())
    manage(env, "collectstatic", "--noinput")
    targets = urls(env)
    print(manage(env, "shell", "-c", COUNT_QUERIES.format(urls=list(targets.values()))).strip())
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "storyline.wsgi", "-w", str(options.workers), "-b", f"127.0.0.1:{PORT}",
         "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{PORT}"
        wait_until_up(base + targets["floor (trivial view)"])
        for path in targets.values():  # warm every worker's connection and the facts cache
            for _ in range(4):
                urllib.request.urlopen(base + path, timeout=30).read()
        results = {name: run_wrk(base + path, options.duration, options.connections) for name, path in targets.items()}
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)
    report(results, options)


def report(results: dict[str, dict[str, float]], options: argparse.Namespace) -> None:
    floor = results["floor (trivial view)"]["p95"]
    print(f"\n{options.connections} connections, {options.duration} s each, gunicorn {options.workers} sync workers")
    print(f"{'URL':28} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>8} {'errors':>6} {'p95/floor':>9}")
    for name, r in results.items():
        print(f"{name:28} {r['p50']:8.1f} {r['p95']:8.1f} {r['p99']:8.1f} {r['rps']:8.1f} {r['errors']:6d} "
              f"{r['p95'] / floor:9.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
