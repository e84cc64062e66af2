"""HTML → plain text that keeps document order, headings and paragraph boundaries.

Live pages put a marker and its text in different elements
(``<p><strong>Update …:</strong></p><p>…</p>``, ``<h2>`` markers, a
``<time>`` beside the entry's ``<p>``). trafilatura's extractor drops such
``<time>`` elements and may move blocks out of order, which breaks a ticker,
so the text comes from our own walk over the main content element (lxml,
iterative, so hostile nesting cannot exhaust the stack), with navigation,
scripts, forms and buttons removed and figure captions set aside. trafilatura
supplies metadata (title, author, date) and is the fallback when the page has
no usable structure. Every block becomes one paragraph; blocks are separated
by a blank line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from .plaintext import split_names

DROP = frozenset(
    {"script", "style", "noscript", "nav", "aside", "form", "button", "select", "option", "svg", "iframe", "template",
     "object", "embed", "video", "audio", "canvas", "input", "textarea", "label", "menu", "dialog"}
)  # fmt: skip
PAGE_FURNITURE = frozenset({"header", "footer"})
BLOCK = frozenset(
    {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
     "dd", "blockquote", "pre", "table", "tr", "header", "footer", "figure", "hr", "address", "summary", "details"}
)  # fmt: skip
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u2009\u202f\u200b]+")
_WHITESPACE = re.compile(r"\s+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MIN_MAIN_CHARS = 200
# The <h1> is taken for the headline line only when it is among the first blocks.
HEADLINE_WINDOW = 5
# One <article> holding this share of all article text is the page's article;
# otherwise the <article>s are entries of a ticker and their parent is the root.
MAIN_ARTICLE_SHARE = 0.6
_INVISIBLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BOILERPLATE_CLASS = re.compile(r"\b(?:share|social|newsletter|related|teaser-list|comments?|cookie|ad|advert)\b")


@dataclass(frozen=True, slots=True)
class Page:
    """The readable content of an HTML page."""

    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    language: str | None = None
    captions: tuple[str, ...] = ()
    has_headline: bool = False


_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|article|main|div|p|h[1-6]|section)\b", re.I | re.S
)
_TAGS = re.compile(r"</(?:p|div|h[1-6]|li|article|section|span|a|body|html)\s*>", re.I)


def looks_like_html(content: str) -> bool:
    """True when ``content`` is an HTML page or fragment rather than plain text."""
    return bool(_HTML_START.match(content)) or len(_TAGS.findall(content[:20000])) >= 3


def decode_html(data: bytes) -> str:
    """Decode page bytes: BOM, then a declared charset, then UTF-8, then Windows-1252."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    declared = _CHARSET.search(data[:4096])
    codecs = [declared[1].decode("ascii", "ignore")] if declared else []
    # A page that can declare its charset in ASCII is no UTF-16/32 page: browsers read it as UTF-8.
    codecs = ["utf-8" if c.lower().replace("_", "-").startswith(("utf-16", "utf-32")) else c for c in codecs]
    for codec in [*codecs, "utf-8"]:
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


@dataclass(slots=True)
class _Blocks:
    blocks: list[str] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)

    def add(self, text: str | None) -> None:
        """Inline text: source line breaks are spaces."""
        if text:
            self.buffer.append(_WHITESPACE.sub(" ", text))

    def at_block_start(self) -> bool:
        return not "".join(self.buffer).strip()

    def line_break(self) -> None:
        self.buffer.append("\n")

    def flush(self) -> None:
        lines = (_SPACE.sub(" ", line).strip() for line in "".join(self.buffer).split("\n"))
        block = "\n".join(line for line in lines if line)
        if block:
            self.blocks.append(block)
        self.buffer = []


def _tag(element: Any) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _classes(element: Any) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}".lower()


def _is_dropped(element: Any) -> bool:
    tag = _tag(element)
    if not tag or tag in DROP or element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if _INVISIBLE.search(element.get("style") or ""):
        return True
    return bool(_BOILERPLATE_CLASS.search(_classes(element)))


def _walk_blocks(root: Any, captions: list[str]) -> list[str]:
    """The text blocks of ``root`` in document order; figures go to ``captions``.

    A ``<time>`` that opens a block ends its line (``<p><time>14:05</time> Text</p>``
    becomes a stamp line and a text line), as a ticker's stamp should.
    """
    out = _Blocks()
    stamps: list[Any] = []  # the elements themselves: a freed proxy's id() can come back
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = _tag(element)
        if event == "start":
            if element is not root and (_is_dropped(element) or tag in ("figure", "figcaption")):
                if tag in ("figure", "figcaption"):
                    captions.append(_SPACE.sub(" ", element.text_content()).strip())
                walker.skip_subtree()
                continue
            if tag in BLOCK:
                out.flush()
            if tag == "time" and out.at_block_start():
                stamps.append(element)
            out.add(element.text)
            continue
        if tag in BLOCK:
            out.flush()
        elif tag == "br" or (tag == "time" and any(stamp is element for stamp in stamps)):
            out.line_break()
        if element is not root:
            out.add(element.tail)
    out.flush()
    return out.blocks


def _common_ancestor(elements: list[Any]) -> Any:
    """The deepest element containing every one of ``elements``."""
    chain = [elements[0], *elements[0].iterancestors()]
    for candidate in chain:
        if all(candidate is e or any(a is candidate for a in e.iterancestors()) for e in elements):
            return candidate
    return chain[-1]


def _articles_root(document: Any) -> Any | None:
    """The one main <article>; on a ticker whose entries are <article>s each, their common parent."""
    articles = [
        e
        for e in document.xpath("//article[not(ancestor::article)]")
        if not _is_dropped(e) and not any(_is_dropped(a) for a in e.iterancestors())
    ]
    sizes = [len(e.text_content().strip()) for e in articles]
    if sum(sizes) < MIN_MAIN_CHARS:
        return None
    largest = max(range(len(articles)), key=sizes.__getitem__)
    if sizes[largest] >= MAIN_ARTICLE_SHARE * sum(sizes):
        return articles[largest]
    return _common_ancestor([a for a, size in zip(articles, sizes, strict=True) if size])


def _main_element(document: Any) -> Any:
    """The article(s), else <main>, else the body; page header and footer outside an article are removed."""
    root = _articles_root(document)
    for path in ("//main", "//*[@role='main']"):
        if root is not None:
            break
        root = next((e for e in document.xpath(path) if len(e.text_content()) >= MIN_MAIN_CHARS), None)
    if root is None:
        body = document.find("body")
        root = body if body is not None else document
    if _tag(root) not in ("article",):
        for element in list(root.iter(*PAGE_FURNITURE)):
            if element.getparent() is not None and not any(_tag(a) == "article" for a in element.iterancestors()):
                element.getparent().remove(element)
    return root


def _meta(document: Any, *names: str) -> str | None:
    for name in names:
        for attribute in ("property", "name", "itemprop"):
            values = document.xpath(f"//meta[@{attribute}=$name]/@content", name=name)
            if values and str(values[0]).strip():
                return str(values[0]).strip()
    return None


def _json_ld(document: Any) -> Iterator[dict[str, Any]]:
    for script in document.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        yield from (item for item in items if isinstance(item, dict))


def parse_datetime(value: str | None) -> datetime | None:
    """An ISO 8601 date or datetime, else None."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _ld_authors(item: dict[str, Any]) -> list[str]:
    authors = item.get("author")
    entries = authors if isinstance(authors, list) else [authors]
    return [str(a.get("name")) if isinstance(a, dict) else str(a) for a in entries if a]


def _metadata(document: Any, html: str) -> tuple[str | None, tuple[str, ...], datetime | None]:
    """Title, authors and publication date from meta tags and JSON-LD, else trafilatura's reading."""
    title, authors, published = _own_metadata(document)
    if title and authors and published:
        return title, authors, published
    found = _trafilatura_metadata(html)
    if found is None:
        return title, authors, published
    authors = authors or tuple(n for name in re.split(r"\s*;\s*", found.author or "") for n in split_names(name))
    return title or found.title or None, authors, published or parse_datetime(found.date)


def _trafilatura_metadata(html: str) -> Any:
    try:
        from trafilatura.metadata import extract_metadata

        # No extensive date search: it guesses from copyright lines ("© 2019") and mends invalid dates.
        return extract_metadata(html, extensive=False)
    except Exception:  # a broken page must not stop the analysis
        return None


def _own_metadata(document: Any) -> tuple[str | None, tuple[str, ...], datetime | None]:
    title = _meta(document, "og:title", "twitter:title")
    author = _meta(document, "author", "article:author", "byl")
    published = parse_datetime(_meta(document, "article:published_time", "datePublished", "date", "pubdate"))
    names: list[str] = [author] if author and not author.startswith("http") else []
    for item in _json_ld(document):
        title = title or (str(item["headline"]) if item.get("headline") else None)
        published = published or parse_datetime(str(item.get("datePublished") or ""))
        names += [] if names else _ld_authors(item)
    if title is None and (head_title := document.findtext(".//title")):
        title = head_title.strip() or None
    authors = tuple(dict.fromkeys(n for name in names for n in (split_names(name) or (name.strip(),)) if n))
    return title, authors, published


def _parse(html: str) -> Any:
    html = _CONTROL.sub("", html)
    if not html.strip():
        return None
    # huge_tree: without it libxml2 drops everything below 256 levels of nesting (hostile or broken pages).
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        return lxml_html.document_fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


def _trafilatura_text(html: str) -> str:
    """trafilatura's reading of the page, for pages our walk finds nothing in."""
    try:
        import trafilatura

        return trafilatura.extract(html, include_comments=False, favor_recall=True) or ""
    except Exception:  # a broken page must not stop the analysis
        return ""


def extract_page(html: str) -> Page:
    """Readable text and metadata of an HTML page; never raises on malformed input."""
    document = _parse(html)
    if document is None:
        return Page(text=_trafilatura_text(html) if html.strip() else "")
    captions: list[str] = []
    title, authors, published = _metadata(document, html)
    blocks = _walk_blocks(_main_element(document), captions) or _trafilatura_text(html).split("\n")
    if not any(block.strip() for block in blocks):
        blocks = _plain_blocks(html)  # nesting deeper than libxml2 goes: the text still counts
    headline, blocks = _headline_first(document, blocks, title)
    text = "\n\n".join([headline, *blocks] if headline else blocks)
    language = (document.get("lang") or "").split("-")[0].lower() or None
    return Page(text, title or headline, authors, published, language, tuple(c for c in captions if c), bool(headline))


class _TextCollector(HTMLParser):
    """The stdlib's tokenizer keeps no tree, so no nesting depth stops it: text of block elements."""

    _SKIP = frozenset(("script", "style", "template", "noscript", "head", "title"))
    _BLOCKS = frozenset(("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "tr"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)

    def flush(self) -> None:
        block = _SPACE.sub(" ", _WHITESPACE.sub(" ", "".join(self.parts))).strip()
        if block:
            self.blocks.append(block)
        self.parts = []


def _plain_blocks(html: str) -> list[str]:
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except Exception:  # the stdlib tokenizer is forgiving; this is the last resort, so it must not raise
        return []
    collector.flush()
    return collector.blocks


def _headline_first(document: Any, blocks: list[str], title: str | None) -> tuple[str | None, list[str]]:
    """The page's headline as the first line: its <h1> moved up from near the top, else the metadata title.

    Kickers and breadcrumbs above the <h1> stay where they are (in the lead).
    """
    h1 = _SPACE.sub(" ", _WHITESPACE.sub(" ", document.xpath("string(//h1)"))).strip()
    if h1 and h1 in blocks[:HEADLINE_WINDOW]:
        index = blocks.index(h1)
        return h1, blocks[:index] + blocks[index + 1 :]
    return (title.strip() or None) if title else None, blocks
