"""Canonical article URLs: one spelling per page, whatever the feed or the share button added.

Pure functions: no Django, no I/O.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that only say where a click came from, never which page it is.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "ocid",
        "icid",
        "cmpid",
        "wt_mc",
        "wt_zmc",
        "xtor",
        "at_medium",
        "at_campaign",
        "ref_src",
        "ito",
        "dicbo",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "at_")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# The longest URL the database stores (max_length of Article.url, FeedEntry.link, FetchAttempt.url, Feed.url).
MAX_URL_LENGTH = 2000
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z_:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_HEAD_END = re.compile(r"</head\s*>|<body\b", re.IGNORECASE)


class InvalidURL(ValueError):
    """The text is not an absolute http(s) URL."""


class URLTooLong(InvalidURL):
    """The URL, normalised, is longer than MAX_URL_LENGTH: it cannot be stored, so it is not usable."""


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def normalize_url(url: str) -> str:
    """The canonical spelling of an http(s) URL.

    Lower-case scheme and host, no default port, no fragment, no tracking
    parameters (``utm_*`` and friends), "/" for an empty path. The order of
    the remaining parameters is kept: some sites give it meaning.
    Raises InvalidURL for anything that is not an absolute http(s) URL, and
    URLTooLong (an InvalidURL) when the result is longer than MAX_URL_LENGTH.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise InvalidURL(f"not an absolute http(s) URL: {url!r}")
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError as error:
        raise InvalidURL(f"bad port in {url!r}") from error
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)]
    clean = urlunsplit((scheme, netloc, parts.path or "/", urlencode(query, doseq=True), ""))
    if len(clean) > MAX_URL_LENGTH:
        raise URLTooLong(f"URL longer than {MAX_URL_LENGTH} characters ({len(clean)}): {clean[:100]!r}…")
    return clean


def _attributes(tag: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTR.finditer(tag):
        value = next((group for group in match.groups()[1:] if group is not None), "")
        found[match[1].lower()] = unescape(value).strip()
    return found


def find_canonical(html: str, *, base_url: str) -> str | None:
    """The page's own canonical URL (``<link rel=canonical>``, else ``og:url``), normalised; None if absent or bad.

    A candidate longer than MAX_URL_LENGTH counts as bad: the caller keeps the URL it fetched.
    """
    head_end = _HEAD_END.search(html)
    head = html[: head_end.start()] if head_end else html[:200_000]
    candidates: list[str] = []
    for tag in _LINK_TAG.findall(head):
        attrs = _attributes(tag)
        if "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            candidates.append(attrs["href"])
    for tag in _META_TAG.findall(head):
        attrs = _attributes(tag)
        if attrs.get("property", "").lower() == "og:url" and attrs.get("content"):
            candidates.append(attrs["content"])
    for candidate in candidates:
        try:
            return normalize_url(urljoin(base_url, candidate))
        except InvalidURL:
            continue
    return None
