"""Pages for the ingestion bench, built from the project's own sample text (articles/sample_data/).

Ordinary articles carry a lead and a few updates; live articles carry 60
timestamped updates. Markup is shaped like a news site: navigation, cookie
banner, <article> with headline and byline, update markers in <p><strong>
(every fifth in <h2>), quotes, related links, footer, canonical link, og: tags.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "articles" / "sample_data"
_SENTENCE = re.compile(r"(?<=[.!?“])\s+(?=[A-ZÄÖÜ„])")


def sample_sentences() -> list[str]:
    """Every body sentence of the sample story (header lines and markers dropped)."""
    out: list[str] = []
    for path in sorted(SAMPLE_DIR.glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n")[3:]:
            block = re.sub(r"^(Update vom|Erstmeldung vom)[^:]*:\s*|^\d{1,2}\.\d{2} Uhr:\s*", "", block.strip())
            out.extend(s.strip() for s in _SENTENCE.split(block) if len(s.strip()) > 30)
    return out


def update_label(index: int) -> str:
    """Update markers with distinct times, oldest = index 0: from 14 March 06.00 on, every 10 minutes."""
    minutes = 6 * 60 + index * 10
    day = 14 + minutes // (24 * 60)
    minutes %= 24 * 60
    kind = "Erstmeldung" if index == 0 else "Update"
    return f"{kind} vom {day}. März, {minutes // 60:02d}.{minutes % 60:02d} Uhr"


def update_paragraphs(sentences: list[str], article: int, index: int) -> list[str]:
    n = len(sentences)
    first = sentences[(article * 7 + index * 3) % n]
    second = sentences[(article * 7 + index * 3 + 1) % n]
    return [f"{first} (Meldung {index + 1})", second]


def page_html(*, url: str, article: int, updates: int, title: str, sentences: list[str]) -> str:
    head = (
        f'<meta charset="utf-8"><title>{escape(title)} | Auentaler Bote</title>'
        f'<link rel="canonical" href="{escape(url)}"><meta property="og:url" content="{escape(url)}">'
        f'<meta property="og:title" content="{escape(title)}"><meta property="og:type" content="article">'
    )
    body = [
        '<header><nav><a href="/">Start</a> <a href="/region/">Region</a> <a href="/sport/">Sport</a></nav></header>',
        '<div class="cookie-banner">Wir verwenden Cookies. <button>OK</button></div>',
        f'<main><article><h1>{escape(title)}</h1><p class="byline">Von: <span>Lena Albrecht</span></p>',
        f'<p class="lead"><b>{escape(sentences[article % len(sentences)])}</b></p>',
    ]
    for index in range(updates - 1, -1, -1):  # newest first, as live articles show them
        label = escape(update_label(index))
        first, *rest = (escape(p) for p in update_paragraphs(sentences, article, index))
        if index % 5 == 4:
            body.append(f"<h2>{label}:</h2><p>{first}</p>")
        else:
            body.append(f"<p><strong>{label}:</strong> {first}</p>")
        body.extend(f"<p>{p}</p>" for p in rest)
    body.append(
        '</article><aside><h3>Mehr zum Thema</h3><ul><li><a href="/region/pegel">Pegelstände</a></li></ul></aside>'
        '</main><footer><p>© Auentaler Bote</p><a href="/impressum">Impressum</a></footer>'
    )
    return f'<!DOCTYPE html><html lang="de"><head>{head}</head><body>{"".join(body)}</body></html>'


def feed_xml(*, base: str, items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f"<item><title>{escape(title)}</title><link>{escape(url)}</link><guid isPermaLink='true'>{escape(url)}</guid>"
        "<pubDate>Sat, 14 Mar 2026 06:00:00 +0100</pubDate></item>"
        for url, title in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Auentaler Bote (Bench)</title>'
        f"<link>{escape(base)}/</link>{entries}</channel></rss>"
    )
