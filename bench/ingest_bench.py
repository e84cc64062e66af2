"""Ingestion bench: a local feed of 500 articles, real Celery workers, Redis, PostgreSQL.

    /work/venv/bin/python bench/ingest_bench.py [--articles 500] [--live 25] [--workers 1 2]

Measures, on 127.0.0.1 with pages built from the project's own sample text:
  * articles per second end to end (feed poll -> fetch -> extraction -> version) with 1 and 2 worker processes;
  * processing time per article with fetching excluded: first fetch, a re-check that finds nothing new,
    a re-check that finds one new update on a 60-update live article (medians, with a floor measured in the
    same run: one primary-key query round trip);
  * the workers' peak RSS (VmHWM of every worker process).
It starts and stops everything itself (own database sl_ingestion_bench, Redis db 3 with its own queue name)
and gives up after --timeout seconds. The per-host minimum gap is set to 0: all 500 pages live on one local
host, and politeness towards real sites is a deployment setting, not processing cost.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from bench.sitegen import feed_xml, page_html, sample_sentences  # noqa: E402

DB_NAME = "sl_ingestion_bench"
PG_BASE = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
QUEUE = f"bench-ingestion-{uuid.uuid4().hex[:8]}"
ENV = {
    **os.environ,
    "DATABASE_URL": f"{PG_BASE}/{DB_NAME}",
    "REDIS_URL": REDIS_URL,
    "CELERY_TASK_DEFAULT_QUEUE": QUEUE,
    "STORYLINE_ALLOW_PRIVATE_FETCH": "1",
    "STORYLINE_HOST_MIN_GAP": "0",
    "LOG_LEVEL": "WARNING",
    "DEBUG": "1",
}


# --- The local site ------------------------------------------------------------------------


class Site:
    """Pages by path; a live page can grow by one update while the server runs."""

    def __init__(self, articles: int, live: int) -> None:
        self.sentences = sample_sentences()
        self.base = ""
        self.updates: dict[str, int] = {}
        for n in range(articles):
            self.updates[f"/news/{n}"] = 60 if n % max(articles // max(live, 1), 1) == 0 and live else 3 + n % 4
        self.lock = threading.Lock()

    def title(self, path: str) -> str:
        n = int(path.rsplit("/", 1)[1])
        kind = "Liveticker" if self.updates[path] >= 60 else "Meldung"
        return f"{kind} {n}: Hochwasser an der Auen"

    def page(self, path: str) -> str:
        n = int(path.rsplit("/", 1)[1])
        return page_html(
            url=self.base + path,
            article=n,
            updates=self.updates[path],
            title=self.title(path),
            sentences=self.sentences,
        )

    def feed(self) -> str:
        return feed_xml(base=self.base, items=[(self.base + p, self.title(p)) for p in self.updates])

    def serve(self) -> ThreadingHTTPServer:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else headers and body in two writes stall 40 ms on delayed ACKs

            def do_GET(self) -> None:
                if self.path == "/robots.txt":
                    body, ctype = "User-agent: *\nAllow: /\n", "text/plain"
                elif self.path == "/feed.xml":
                    body, ctype = site.feed(), "application/rss+xml; charset=utf-8"
                elif self.path in site.updates:
                    body, ctype = site.page(self.path), "text/html; charset=utf-8"
                else:
                    self.send_error(404)
                    return
                data = body.encode()
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        self.base = f"http://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server


# --- Services -------------------------------------------------------------------------------


def reset_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG_BASE}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=PROJECT_DIR, env=ENV, check=True)


def truncate_tables() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE articles_claim, articles_update, articles_version, articles_fetchattempt, articles_feedentry, "
            "articles_article, articles_feed, articles_outlet, articles_person, articles_personalias, articles_story "
            "RESTART IDENTITY CASCADE"
        )


def clear_redis() -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for pattern in ("storyline:*", f"{QUEUE}*", ":1:storyline:*"):
        for key in client.scan_iter(pattern):
            client.delete(key)


def start_worker(concurrency: int, log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "celery", "-A", "storyline", "worker", f"--concurrency={concurrency}"]
    command += ["--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"]
    out = log.open("wb")
    process = subprocess.Popen(
        command, cwd=PROJECT_DIR, env=ENV, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while "ready." not in log.read_text(errors="replace"):
        if time.monotonic() > deadline or process.poll() is not None:
            raise RuntimeError(f"worker did not start: {log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.2)
    return process


def stop_worker(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def process_tree(pid: int) -> list[int]:
    pids, queue = [], [pid]
    while queue:
        current = queue.pop()
        pids.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                queue.extend(int(child) for child in children)
        except OSError:
            continue
    return pids


def peak_rss_mb(pid: int) -> dict[int, float]:
    peaks = {}
    for member in process_tree(pid):
        try:
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks[member] = int(line.split()[1]) / 1024
        except OSError:
            continue
    return peaks


# --- Phases ---------------------------------------------------------------------------------


def throughput(site: Site, concurrency: int, timeout: float) -> dict[str, float]:
    from django.core.management import call_command

    from articles.models import Article, Version
    from articles.services.feeds import feed_add

    truncate_tables()
    clear_redis()
    feed_add(url=site.base + "/feed.xml")
    worker = start_worker(concurrency, PROJECT_DIR / "var" / f"bench-worker-{concurrency}.log")
    try:
        total = len(site.updates)
        started = time.monotonic()
        call_command("pollfeeds", "--all", stdout=open(os.devnull, "w"))  # noqa: SIM115
        while (done := Version.objects.count()) < total:
            if time.monotonic() - started > timeout:
                raise RuntimeError(f"only {done}/{total} articles after {timeout:.0f}s")
            time.sleep(0.1)
        elapsed = time.monotonic() - started
        peaks = peak_rss_mb(worker.pid)
        failed = list(Article.objects.exclude(last_error="").values_list("url", "last_error")[:5])
    finally:
        stop_worker(worker)
    return {
        "workers": concurrency,
        "articles": total,
        "seconds": round(elapsed, 2),
        "articles_per_s": round(total / elapsed, 1),
        "peak_rss_mb_max_process": round(max(peaks.values()), 1),
        "peak_rss_mb_all_processes": round(sum(peaks.values()), 1),
        "articles_with_errors": failed,
    }


def _timed_store(article_id: int, result, *, has_versions: bool) -> tuple[float, str]:
    from django.db import transaction
    from django.utils import timezone

    from articles.models import Article
    from articles.services.ingestion import article_store_fetched

    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article_id)  # taken before the fetch in production
        started = time.perf_counter()
        outcome = article_store_fetched(article=article, result=result, now=timezone.now(), has_versions=has_versions)
    return (time.perf_counter() - started) * 1000, outcome.outcome  # includes the commit


def processing(site: Site, sample: int) -> dict[str, object]:
    """Per-article processing with the fetch excluded (pages fetched first, through the real door, untimed)."""
    from articles.fetching import fetch
    from articles.models import Article
    from articles.services.ingestion import article_ingest
    from articles.services.versions import analyze_content

    truncate_tables()
    clear_redis()
    live = [p for p, n in site.updates.items() if n >= 60]
    plain = [p for p, n in site.updates.items() if n < 60][:sample]
    ids = {path: article_ingest(url=site.base + path).pk for path in plain + live}
    first, first_live, unchanged, new_update, analysis_live, floor = [], [], [], [], [], []
    for path, article_id in ids.items():
        ms, outcome = _timed_store(article_id, fetch(site.base + path), has_versions=False)
        assert outcome == "ok", outcome
        (first_live if path in live else first).append(ms)
    for path, article_id in ids.items():
        ms, outcome = _timed_store(article_id, fetch(site.base + path), has_versions=True)
        assert outcome == "unchanged", outcome
        unchanged.append(ms)
        started = time.perf_counter()
        Article.objects.filter(pk=article_id).exists()
        floor.append((time.perf_counter() - started) * 1000)
    for path in live:
        with site.lock:
            site.updates[path] += 1
        result = fetch(site.base + path)
        started = time.perf_counter()
        analyze_content(html=result.text)
        analysis_live.append((time.perf_counter() - started) * 1000)
        ms, outcome = _timed_store(ids[path], result, has_versions=True)
        assert outcome == "ok", outcome
        new_update.append(ms)
    median = statistics.median
    floor_ms = median(floor)
    return {
        "sample": {"ordinary": len(plain), "live_60_updates": len(live)},
        "floor_ms_pk_query": round(floor_ms, 3),
        "first_fetch_ms_median": round(median(first), 2),
        "first_fetch_live60_ms_median": round(median(first_live), 2),
        "unchanged_recheck_ms_median": round(median(unchanged), 2),
        "unchanged_recheck_ms_p95": round(sorted(unchanged)[int(len(unchanged) * 0.95) - 1], 2),
        "unchanged_recheck_x_floor": round(median(unchanged) / floor_ms, 1),
        "new_update_on_60_ms_median": round(median(new_update), 2),
        "new_update_on_60_ms_max": round(max(new_update), 2),
        "of_which_analysis_ms_median": round(median(analysis_live), 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--live", type=int, default=25, help="how many of them are 60-update live articles")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--sample", type=int, default=100, help="ordinary articles in the processing phase")
    parser.add_argument("--timeout", type=float, default=240, help="give up a throughput run after this long")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, lambda *_: sys.exit("bench: overall time limit reached"))
    signal.alarm(int(args.timeout * (len(args.workers) + 1) + 120))

    (PROJECT_DIR / "var").mkdir(exist_ok=True)
    os.environ.update(ENV)
    os.environ["DJANGO_SETTINGS_MODULE"] = "storyline.settings"
    site = Site(args.articles, args.live)
    server = site.serve()
    reset_database()
    import django

    django.setup()
    results: dict[str, object] = {"machine": f"{os.cpu_count()} cores, shared with other work; figures are noisy"}
    try:
        results["throughput"] = [throughput(site, n, args.timeout) for n in args.workers]
        results["processing"] = processing(site, args.sample)
    finally:
        server.shutdown()
        clear_redis()
    print(json.dumps(results, indent=2))
    out = PROJECT_DIR / "var" / "ingest_bench.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
