"""Speed and memory of the analysis engine, end to end (header, sections, claims).

    python bench/analyze_bench.py [--data PATH] [--runs 3] [--cpu N]

1. Throughput: each run is a fresh process pinned to one core that analyses
   every article of ../shared/eval/quotes-de/train.jsonl (700) with
   ``analyze_text``; it reports articles/s and the process's peak RSS
   (``resource.getrusage``). Fresh processes keep per-section caches cold, so
   the figure is what a new worker sees. Printed: the median of the runs, and
   the ratio against a floor measured in the same process (a regex word split
   over the same texts), so figures from a busy machine stay comparable.
2. Live article: a 60-update article generated from our own sentences is
   analysed, one new update is put on top, and the new version is analysed
   again in the same process (what ingestion does). Printed: the median time of
   the re-analysis and the time of a cold analysis of the old version (after a
   warm-up on an unrelated text, so model loading is not counted).

Goals (issue 3): >= 10 articles/s, peak RSS <= 300 MB, re-analysis well under 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
DEFAULT_DATA = PROJECT_DIR.parent / "shared" / "eval" / "quotes-de" / "train.jsonl"
LIVE_UPDATES = 60
LIVE_REPEATS = 5

_SPEAKERS = [
    ("Landrätin Petra Albers", "Albers"),
    ("Feuerwehrsprecher Malte Kern", "Kern"),
    ("Bürgermeister Tobias Rehm", "Rehm"),
    ("der Hydrologe Jonas Brenner", "Brenner"),
]
_FACTS = [
    "Der Pegel der Auen ist auf {n},{m}0 Meter gestiegen.",
    "In der Altstadt wurden {n}00 weitere Sandsäcke verteilt.",
    "Die Bahnstrecke nach Kleinmühlen bleibt für {n} Stunden gesperrt.",
    "Rund {n}0 Helferinnen und Helfer sind an der Mühleninsel im Einsatz.",
]


def _update(number: int) -> str:
    """One update of the synthetic live article (our own wording, varied by number)."""
    hour, minute = divmod(6 * 60 + number * 13, 60)
    full, short = _SPEAKERS[number % len(_SPEAKERS)]
    fact = _FACTS[number % len(_FACTS)].format(n=number % 9 + 1, m=number % 7)
    return (
        f"Update vom 14. März, {hour % 24:02d}.{minute:02d} Uhr: {fact} "
        f"„Wir haben die Lage im Griff, aber die Nacht wird lang“, sagte {full} am Abend. "
        f"{short} sagte, die Helfer seien seit dem Morgen ununterbrochen im Einsatz. "
        f"Nach Angaben des Landkreises sollen die Deiche halten. Laut Wetterdienst regnet es bis Freitag weiter.\n\n"
    )


def live_article(updates: int) -> str:
    """A plain-text live article with ``updates`` updates, newest first, plus a first report."""
    head = "date 2026-03 Hochwasser an der Auen: Der Ticker\n\nVon: Lena Albrecht\n\nDie Lage im Überblick.\n\n"
    body = "".join(_update(number) for number in range(updates, 0, -1))
    first = "Erstmeldung vom 14. März, 06.00 Uhr: Auenstedt – Der Regen hält an. (Lena Albrecht)\n"
    return head + body + first


def html_article(updates: int) -> str:
    """The live article as a page: marker in <strong> in its own <p>, text in the next, with page furniture."""
    blocks = []
    for paragraph in live_article(updates).split("\n\n")[3:]:
        marker, _, rest = paragraph.partition(": ")
        blocks.append(f"<p><strong>{marker}:</strong></p>\n<p>{rest}</p>" if rest else f"<p>{paragraph}</p>")
    nav = "".join(f'<li><a href="/r{n}">Rubrik {n}</a></li>' for n in range(40))
    return (
        '<!doctype html><html lang="de"><head><meta charset="utf-8">'
        '<meta property="og:title" content="Hochwasser an der Auen: Der Ticker">'
        '<meta property="article:published_time" content="2026-03-14T21:00:00+01:00"></head>'
        f"<body><header><nav><ul>{nav}</ul></nav></header><main><article><h1>Hochwasser an der Auen: Der Ticker</h1>"
        f"<p>Von: Lena Albrecht</p>{''.join(blocks)}</article><aside>{nav}</aside></main><footer>Impressum</footer>"
        "</body></html>"
    )


def _pin(cpu: int) -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {cpu})


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child_throughput(data: Path, cpu: int) -> dict[str, Any]:
    """One run: analyse every article once in this process; print figures as JSON."""
    _pin(cpu)
    texts = [json.loads(line)["text"] for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    started = time.perf_counter()
    from articles.core import analyze_text
    from articles.core.plaintext import parse_header
    from articles.core.sections import split_sections

    import_seconds = time.perf_counter() - started
    floor_started = time.perf_counter()
    words = sum(len(re.findall(r"\w+", text)) for text in texts)
    floor = time.perf_counter() - floor_started
    sections_started = time.perf_counter()
    for text in texts:
        header = parse_header(text)
        split_sections(text, body_start=header.body_start, body_end=header.body_end, published=header.published)
    sections_only = time.perf_counter() - sections_started
    started = time.perf_counter()
    claims = sum(len(analyze_text(text).claims) for text in texts)
    seconds = time.perf_counter() - started
    return {
        "articles": len(texts),
        "words": words,
        "claims": claims,
        "import_s": import_seconds,
        "seconds": seconds,
        "sections_only_s": sections_only,
        "floor_s": floor,
        "peak_rss_mb": _peak_rss_mb(),
    }


def child_live(cpu: int) -> dict[str, Any]:
    """Re-analysis of a 60-update article after one new update, against a cold analysis."""
    _pin(cpu)
    from articles.core import analyze_text

    old = live_article(LIVE_UPDATES)
    new = live_article(LIVE_UPDATES + 1)
    # Load lazily built models once, on a text sharing no section with the article.
    warm_started = time.perf_counter()
    analyze_text("Warm-up\n\nDer Minister sagte, es gebe keine Einigung. „Wir verhandeln weiter“, sagte er.\n")
    first_call = time.perf_counter() - warm_started
    cold_started = time.perf_counter()
    analyze_text(old)
    cold = time.perf_counter() - cold_started
    times = []
    for _ in range(LIVE_REPEATS):
        analyze_text(old)  # the stored version, as ingestion has it
        started = time.perf_counter()
        document = analyze_text(new)
        times.append(time.perf_counter() - started)
    return {
        **_html_figures(),
        "sections": len(document.sections),
        "claims": len(document.claims),
        "chars": len(new),
        "first_call_s": first_call,
        "cold_s": cold,
        "reanalysis_median_s": statistics.median(times),
        "peak_rss_mb": _peak_rss_mb(),
    }


def _html_figures() -> dict[str, Any]:
    """Text extraction from the HTML page of the live article."""
    from articles.core import analyze_html
    from articles.core.html import extract_page

    page = html_article(LIVE_UPDATES)
    times = []
    for _ in range(LIVE_REPEATS):
        started = time.perf_counter()
        extract_page(page)
        times.append(time.perf_counter() - started)
    return {
        "html_chars": len(page),
        "html_extract_median_s": statistics.median(times),
        "html_sections": len(analyze_html(page).sections),
    }


def _spawn(*args: str) -> dict[str, Any]:
    result = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=PROJECT_DIR)
    if result.returncode != 0:
        sys.exit(f"bench run {' '.join(args)} failed:\n{result.stderr}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cpu", type=int, default=0, help="the core to pin each run to")
    parser.add_argument("--child", choices=["throughput", "live"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "throughput":
        print(json.dumps(child_throughput(args.data, args.cpu)))
        return
    if args.child == "live":
        print(json.dumps(child_live(args.cpu)))
        return
    report(args)


def report(args: argparse.Namespace) -> None:
    runs = [_spawn("--child", "throughput", "--data", str(args.data), "--cpu", str(args.cpu)) for _ in range(args.runs)]
    rates = [run["articles"] / run["seconds"] for run in runs]
    ratios = [run["seconds"] / run["floor_s"] for run in runs]
    first = runs[0]
    print(
        f"data: {args.data} ({first['articles']} articles, {first['words']} words), {args.runs} runs, core {args.cpu}"
    )
    each = ", ".join(f"{rate:.1f}" for rate in rates)
    print(f"analyze_text: {statistics.median(rates):.1f} articles/s (median; runs: {each})")
    sections_rates = [run["articles"] / run["sections_only_s"] for run in runs]
    print(f"  header+sections only: {statistics.median(sections_rates):.0f} articles/s (median)")
    print(f"  ratio to floor (regex word split of the same texts): {statistics.median(ratios):.0f}x")
    print(f"  claims found: {first['claims']}; engine import: {statistics.median(r['import_s'] for r in runs):.2f} s")
    print(f"peak RSS: {max(run['peak_rss_mb'] for run in runs):.0f} MB (max over runs)")
    live = _spawn("--child", "live", "--cpu", str(args.cpu))
    print(
        f"live article: {LIVE_UPDATES}+1 updates, {live['chars']} chars, {live['sections']} sections, "
        f"{live['claims']} claims"
    )
    print(f"  first call in a fresh process (loads models): {live['first_call_s'] * 1000:.0f} ms")
    print(f"  cold analysis of the 60-update version: {live['cold_s'] * 1000:.0f} ms")
    print(f"  re-analysis after one new update: {live['reanalysis_median_s'] * 1000:.0f} ms (median of {LIVE_REPEATS})")
    print(
        f"  HTML page of the same article ({live['html_chars']} chars, {live['html_sections']} sections): "
        f"text extraction {live['html_extract_median_s'] * 1000:.0f} ms (median of {LIVE_REPEATS})"
    )
    print("goals: >= 10 articles/s, peak RSS <= 300 MB, re-analysis well under 1 s")


if __name__ == "__main__":
    main()
