"""Speed of the analysis pipeline over the quotes-de train portion, and of re-analysing a grown live article.

Run: /work/venv/bin/python bench/claims_bench.py [PATH.jsonl]
Reports articles/s (median of 3 passes over all articles, cold section cache each pass),
peak RSS, and the time to re-analyse a 60-update article after one new update.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles.core import analyze_text
from articles.core.claims import clear_cache, extract_claims
from articles.core.types import Section

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "quotes-de" / "train.jsonl"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    rates = []
    for _ in range(3):
        clear_cache()
        started = time.perf_counter()
        for text in texts:
            analyze_text(text)
        rates.append(len(texts) / (time.perf_counter() - started))
    print(f"articles: {len(texts)}; analyze_text (cold cache) median {statistics.median(rates):.1f} articles/s")
    rates = []
    for _ in range(3):
        clear_cache()
        started = time.perf_counter()
        for text in texts:
            extract_claims(text, (Section(kind="body", start=0, end=len(text)),))
        rates.append(len(texts) / (time.perf_counter() - started))
    median = statistics.median(rates)
    print(f"extract_claims on the whole text as one section (cold cache) median {median:.1f} articles/s")
    updates = [t.split("\n\n")[0] for t in texts[:61]]
    text, sections = _live(updates[1:])
    clear_cache()
    started = time.perf_counter()
    extract_claims(text, sections)
    full = time.perf_counter() - started
    text, sections = _live(updates)
    started = time.perf_counter()
    extract_claims(text, sections)
    grown = time.perf_counter() - started
    print(f"60-update article: first analysis {full * 1000:.1f} ms; after one new update {grown * 1000:.1f} ms")
    worst = "Er sagte „ etwas " * 10000  # 10,000 unclosed quote marks in one 170 kB line
    started = time.perf_counter()
    extract_claims(worst, (Section(kind="body", start=0, end=len(worst)),))
    print(f"pathological line (10,000 unclosed quote marks, 170 kB): {time.perf_counter() - started:.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


def _live(updates: list[str]) -> tuple[str, tuple[Section, ...]]:
    text, sections, cursor = "", [], 0
    for update in updates:
        sections.append(Section(kind="update", start=cursor, end=cursor + len(update)))
        text += update + "\n\n"
        cursor = len(text)
    return text, tuple(sections)


if __name__ == "__main__":
    main()
