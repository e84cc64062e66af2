"""Entry points of the analysis engine: text or HTML in, a Document out.

``analyze_text`` keeps the input string unchanged as ``Document.text`` so that
every offset indexes the input; ``analyze_html`` analyses the text extracted
from the page (see ``html``). Claim extraction caches per section text, so
re-analysing a new version costs about what changed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, tzinfo

from .claims import extract_claims
from .dates import zone_for
from .html import extract_page, looks_like_html
from .plaintext import Header, parse_header, split_caption
from .sections import split_sections
from .types import Document

_GERMAN = re.compile(r"\b(?:und|der|die|das|nicht|ist|sich|mit|auf|für|sagte|dass|wird|auch|eine?)\b")
_ENGLISH = re.compile(r"\b(?:and|the|of|to|is|not|with|for|said|that|will|also|an?)\b")
DETECT_CHARS = 5000


def detect_language(text: str) -> str:
    """``de`` or ``en`` by counting common function words (German wins ties)."""
    sample = text[:DETECT_CHARS]
    return "en" if len(_ENGLISH.findall(sample)) > len(_GERMAN.findall(sample)) else "de"


def _most_precise(given: datetime | None, header: Header) -> datetime | None:
    """``given`` wins, unless it is a bare date and the header gives a time on that same day."""
    if given is None:
        return header.published
    bare = (given.hour, given.minute, given.second) == (0, 0, 0)
    if bare and header.precision == "time" and header.published and header.published.date() == given.date():
        return header.published
    return given


def analyze_text(
    text: str,
    *,
    published: datetime | None = None,
    lang: str | None = None,
    zone: tzinfo | None = None,
    title_line: bool = True,
) -> Document:
    """Analyse a plain-text article; offsets index ``text`` unchanged.

    ``published`` (else the header's date) dates markers that give only a time;
    ``zone`` overrides the publisher's zone (Europe/Berlin for German, for
    English the zone the markers name, else UTC). ``title_line=False`` says the
    text has no headline line (HTML bodies whose title came from metadata).
    """
    header = parse_header(text, title_line=title_line)
    language = lang or detect_language(text[header.body_start : header.body_end])
    published = _most_precise(published, header)
    sections = split_sections(
        text,
        body_start=header.body_start,
        body_end=header.body_end,
        published=published,
        lang=language,
        zone=zone,
    )
    return Document(
        text=text,
        title=header.title,
        authors=header.authors,
        language=language,
        published=published,
        sections=sections,
        claims=extract_claims(text, sections, lang=language),
        captions=header.captions,
    )


def analyze_html(
    html: str, *, published: datetime | None = None, lang: str | None = None, zone: tzinfo | None = None
) -> Document:
    """Analyse an HTML page by its extracted text; title, authors and date fall back to the page's metadata."""
    page = extract_page(html)
    language = lang or (page.language if page.language in ("de", "en") else None) or detect_language(page.text)
    published = published or page.published
    if published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=zone or zone_for(language))  # a page date without offset is local
    document = analyze_text(page.text, published=published, lang=language, zone=zone, title_line=page.has_headline)
    return replace(
        document,
        title=document.title or page.title,
        authors=document.authors or page.authors,
        captions=document.captions + tuple(split_caption(caption)[0] for caption in page.captions),
    )


def analyze_content(
    content: str, *, published: datetime | None = None, lang: str | None = None, zone: tzinfo | None = None
) -> Document:
    """Analyse ``content`` as HTML when it looks like a page, else as plain text."""
    if looks_like_html(content):
        return analyze_html(content, published=published, lang=lang, zone=zone)
    return analyze_text(content, published=published, lang=lang, zone=zone)
