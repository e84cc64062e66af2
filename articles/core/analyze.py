"""Entry points of the analysis engine: text or HTML in, a Document out.

This is the smallest honest pipeline (header, marker-based sections and
quote-mark claims); the analysis issue replaces its parts with the full engine.
"""

from __future__ import annotations

import re
from datetime import datetime

from .claims import extract_claims
from .plaintext import parse_header
from .sections import split_sections
from .types import Document

_TAG = re.compile(r"<[^>]+>")


def analyze_text(text: str, *, published: datetime | None = None, lang: str | None = None) -> Document:
    """Analyse a plain-text article; offsets index ``text`` unchanged."""
    header = parse_header(text)
    published = published or header.published
    sections = split_sections(text, body_start=header.body_start, published=published)
    claims = extract_claims(text, sections)
    return Document(
        text=text,
        title=header.title,
        authors=header.authors,
        language=lang or "de",
        published=published,
        sections=sections,
        claims=claims,
        captions=header.captions,
    )


def analyze_html(html: str, *, published: datetime | None = None, lang: str | None = None) -> Document:
    """Analyse an HTML page by its visible text (the full engine extracts it properly)."""
    text = _TAG.sub("\n", html)
    text = re.sub(r"\n\s*\n+", "\n\n", text).strip()
    return analyze_text(text, published=published, lang=lang)
