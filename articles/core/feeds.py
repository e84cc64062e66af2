"""Feed parsing: RSS 0.9x/1.0/2.0 and Atom bytes in, frozen entries out.

feedparser is only ever given bytes (never a URL), so this stays free of I/O.
"""

from __future__ import annotations

import calendar
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

from .urls import MAX_URL_LENGTH, InvalidURL, URLTooLong, normalize_url


class FeedError(ValueError):
    """The bytes are not a feed we can read (malformed beyond repair, or not a feed at all)."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry: identified by its GUID, else by its (normalised) link."""

    guid: str
    link: str
    title: str
    published: datetime | None
    updated: datetime | None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str
    version: str
    ttl_minutes: int | None
    items: tuple[FeedItem, ...]
    warning: str | None  # what feedparser had to repair, if anything
    too_long: int = 0  # entries skipped because their link is longer than MAX_URL_LENGTH

    @property
    def skipped_note(self) -> str:
        """What the reader should know about skipped entries ("" if none were)."""
        if not self.too_long:
            return ""
        noun = "entry" if self.too_long == 1 else "entries"
        return f"skipped {self.too_long} {noun} whose link is longer than {MAX_URL_LENGTH} characters"

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "version": self.version,
            "ttl_minutes": self.ttl_minutes,
            "items": [
                {
                    "guid": item.guid,
                    "link": item.link,
                    "title": item.title,
                    "published": item.published.isoformat() if item.published else None,
                    "updated": item.updated.isoformat() if item.updated else None,
                }
                for item in self.items
            ],
        }


def _when(value: Any) -> datetime | None:
    if not isinstance(value, time.struct_time):
        return None
    return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)


def _ttl(raw: Any) -> int | None:
    try:
        value = int(str(raw).strip())
    except (TypeError, ValueError):
        return None
    return value if value > 0 else None


def _item(entry: Any, base_url: str) -> FeedItem | None:
    """The entry, or None without a usable link. Raises URLTooLong when its link cannot be stored."""
    link = str(entry.get("link") or "").strip()
    try:
        link = normalize_url(urljoin(base_url, link)) if link else ""
    except URLTooLong:
        raise
    except InvalidURL:
        link = ""
    guid = str(entry.get("id") or "").strip() or link
    if not link and guid.startswith(("http://", "https://")):
        try:
            link = normalize_url(guid)
        except URLTooLong:
            raise
        except InvalidURL:
            link = ""
    if not link:
        return None
    return FeedItem(
        guid=guid[:2000],
        link=link,
        title=str(entry.get("title") or "").strip()[:500],
        published=_when(dict.get(entry, "published_parsed")),
        updated=_when(dict.get(entry, "updated_parsed")),  # no fallback to published
    )


def parse_feed(data: bytes, *, base_url: str, content_type: str | None = None) -> ParsedFeed:
    """Read a feed; entries without a usable link are skipped, duplicates (same GUID) kept once.

    Entries whose link is longer than MAX_URL_LENGTH are skipped too, and counted in ``too_long``.

    Raises FeedError when the bytes are not a feed (e.g. an HTML page) or are
    malformed so badly that no entry can be recovered.
    """
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=False, resolve_relative_uris=False)
    version = str(parsed.get("version") or "")
    entries = list(parsed.get("entries") or [])
    bozo = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not version and not entries:
        reason = f": {bozo}" if bozo else ""
        raise FeedError(f"not an RSS or Atom feed{reason}")
    items: list[FeedItem] = []
    seen: set[str] = set()
    too_long = 0
    for entry in entries:
        try:
            item = _item(entry, base_url)
        except URLTooLong:
            too_long += 1
            continue
        if item is not None and item.guid not in seen:
            seen.add(item.guid)
            items.append(item)
    if bozo and not items:
        raise FeedError(f"malformed feed, no entry recoverable: {bozo}")
    channel = parsed.get("feed") or {}
    return ParsedFeed(
        title=str(channel.get("title") or "").strip()[:300],
        version=version,
        ttl_minutes=_ttl(channel.get("ttl")),
        items=tuple(items),
        warning=str(bozo) if bozo else None,
        too_long=too_long,
    )
