"""``fetch``: the one door to the network. Every outbound request goes through here.

Timeouts (connect, read, total), a body cap enforced while streaming and
after decompression, a redirect limit with the SSRF guard on every hop,
http/https only, an allow-list of content types per purpose, robots.txt,
per-host politeness, and one error type (FetchError) with a kind.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urljoin, urlsplit

import httpx
from django.conf import settings
from django.utils import timezone

from .body import BadEncoding, BodyReader, BodyTooLarge, decode_html
from .errors import Attempt, FetchError
from .guard import GuardedBackend, check_url
from .limits import host_slot
from .robots import ROBOTS_MAX_BYTES, check_robots

Purpose = Literal["page", "feed", "robots"]
Observer = Callable[[Attempt], None]
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
        "application/x-atom+xml",
        # Misconfigured servers send feeds as these; the feed parser decides.
        "text/html",
        "text/plain",
        "application/octet-stream",
    }
)
ACCEPT = {
    "page": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    "feed": "application/rss+xml,application/atom+xml,application/rdf+xml;q=0.9,application/xml;q=0.8,*/*;q=0.1",
    "robots": "text/plain,*/*;q=0.1",
}
REDIRECTS = frozenset({301, 302, 303, 307, 308})
OUTCOME_FOR_KIND = {
    "blocked": "blocked",
    "timeout": "timeout",
    "network": "network_error",
    "http": "http_error",
    "redirects": "http_error",
    "too_large": "too_large",
    "content_type": "invalid",
    "decode": "invalid",
    "busy": "network_error",
}
_client: dict[int, httpx.Client] = {}


@dataclass(frozen=True)
class FetchResult:
    url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes
    text: str  # decoded HTML for pages and robots.txt; "" for feeds (the parser reads the bytes)
    charset: str
    attempt: Attempt

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


def _http() -> httpx.Client:
    """One pooled client per process (a forked worker child gets its own)."""
    pid = os.getpid()
    if pid not in _client:
        _client.clear()
        limits = httpx.Limits(max_connections=20, max_keepalive_connections=10)
        _client[pid] = httpx.Client(
            follow_redirects=False,
            trust_env=False,  # a proxy from the environment would bypass the SSRF guard
            limits=limits,
            transport=_guarded_transport(limits),
        )
    return _client[pid]


def _guarded_transport(limits: httpx.Limits) -> httpx.HTTPTransport:
    """httpx's transport with its connection pool opening sockets through the SSRF guard (``GuardedBackend``)."""
    transport = httpx.HTTPTransport(limits=limits, trust_env=False)
    # httpx takes no network backend of its own; its pool (httpcore, pinned in requirements.txt) does.
    transport._pool._network_backend = GuardedBackend(lambda: bool(settings.STORYLINE_ALLOW_PRIVATE_FETCH))  # type: ignore[attr-defined]
    return transport


def _timeout() -> httpx.Timeout:
    connect = float(settings.STORYLINE_FETCH_CONNECT_TIMEOUT)
    read = float(settings.STORYLINE_FETCH_READ_TIMEOUT)
    return httpx.Timeout(connect=connect, read=read, write=read, pool=connect)


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def _check_type(purpose: Purpose, headers: httpx.Headers, url: str) -> None:
    media = _media_type(headers.get("content-type", ""))
    allowed = PAGE_TYPES if purpose == "page" else FEED_TYPES if purpose == "feed" else None
    if allowed is not None and media and media not in allowed:
        raise FetchError("content_type", f"content type {media!r} is not read here", url=url)


def _read_body(response: httpx.Response, purpose: Purpose, url: str, deadline: float) -> tuple[bytes, int]:
    limit = ROBOTS_MAX_BYTES if purpose == "robots" else int(settings.STORYLINE_FETCH_MAX_BYTES)
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError("too_large", f"Content-Length {declared} over {limit} bytes", url=url, status=200)
    try:
        reader = BodyReader(content_encoding=response.headers.get("content-encoding", ""), limit=limit)
        for chunk in response.iter_raw(65536):
            reader.feed(chunk)
            if time.monotonic() > deadline:
                raise FetchError("timeout", "total time limit exceeded while reading", url=url, status=200)
    except BodyTooLarge as error:
        raise FetchError("too_large", str(error), url=url, status=response.status_code) from error
    except BadEncoding as error:
        raise FetchError("decode", str(error), url=url, status=response.status_code) from error
    return reader.body(), reader.wire_bytes


def _request(
    url: str, purpose: Purpose, headers: dict[str, str], deadline: float, attempt: Attempt
) -> tuple[httpx.Response, bytes]:
    """One GET (no redirects followed): the response, and its decoded body when it is a 2xx (else b"")."""
    host = urlsplit(url).hostname or ""
    try:
        with host_slot(host), _http().stream("GET", url, headers=headers, timeout=_timeout()) as response:
            attempt.status = response.status_code
            if response.status_code >= 300:  # redirects, 304 and errors: the body is not needed
                return response, b""
            _check_type(purpose, response.headers, url)
            body, wire = _read_body(response, purpose, url, deadline)
            attempt.bytes_received += wire
            return response, body
    except httpx.TimeoutException as error:
        raise FetchError("timeout", f"{type(error).__name__}: {error}", url=url) from error
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as error:
        raise FetchError("blocked", str(error), url=url) from error
    except (httpx.TransportError, httpx.StreamError) as error:
        raise FetchError("network", f"{type(error).__name__}: {error}", url=url) from error


def _robots_getter(observer: Observer | None) -> Callable[[str], str]:
    def get_text(robots_url: str) -> str:
        try:
            result = fetch(robots_url, purpose="robots", respect_robots=False)
        except FetchError as error:
            if observer and error.attempt:
                observer(error.attempt)
            raise
        if observer:
            observer(result.attempt)
        return result.text

    return get_text


def _follow(
    url: str, purpose: Purpose, headers: dict[str, str], robots: bool, observer: Observer | None, attempt: Attempt
) -> tuple[str, httpx.Response, bytes]:
    allow_private = bool(settings.STORYLINE_ALLOW_PRIVATE_FETCH)
    max_redirects = int(settings.STORYLINE_FETCH_MAX_REDIRECTS)
    deadline = time.monotonic() + float(getattr(settings, "STORYLINE_FETCH_TOTAL_TIMEOUT", 60))
    current, seen = url, {url}
    for _ in range(max_redirects + 1):
        check_url(current, allow_private=allow_private)
        if robots:
            check_robots(current, get_text=_robots_getter(observer))
        response, body = _request(current, purpose, headers, deadline, attempt)
        if response.status_code not in REDIRECTS:
            return current, response, body
        location = response.headers.get("location", "").strip()
        if not location:
            raise FetchError("http", "redirect without Location", url=current, status=response.status_code)
        target = urljoin(current, location)
        if target in seen:
            raise FetchError("redirects", f"redirect loop back to {target}", url=current, status=response.status_code)
        seen.add(target)
        current = target
    raise FetchError("redirects", f"more than {max_redirects} redirects", url=current)


def _result(url: str, purpose: Purpose, response: httpx.Response, body: bytes, attempt: Attempt) -> FetchResult:
    headers = {key.lower(): value for key, value in response.headers.items()}
    if response.status_code == 304:
        return FetchResult(url, 304, headers, b"", "", "", attempt)
    if not 200 <= response.status_code < 300:
        raise FetchError("http", f"HTTP {response.status_code}", url=url, status=response.status_code, headers=headers)
    if purpose == "page" and not headers.get("content-type") and not _looks_like_html(body):
        raise FetchError("content_type", "no content type, and the body is not HTML", url=url, status=200)
    text, charset = "", ""
    if purpose == "page":
        text, charset = decode_html(body, content_type=headers.get("content-type", ""))
    elif purpose == "robots":
        text, charset = body.decode("utf-8", errors="replace"), "utf-8"
    return FetchResult(url, response.status_code, headers, body, text, charset, attempt)


def fetch(
    url: str,
    *,
    purpose: Purpose = "page",
    etag: str = "",
    last_modified: str = "",
    respect_robots: bool = True,
    observer: Observer | None = None,
) -> FetchResult:
    """GET ``url`` through every guard; returns the final response or raises FetchError.

    ``etag`` / ``last_modified`` make it a conditional GET (a 304 comes back
    as a result with ``not_modified``). ``observer`` receives the attempts made
    on the side (robots.txt); the main attempt is ``result.attempt`` or
    ``error.attempt``, for the caller to log with its final outcome.
    """
    attempt = Attempt(url=url, purpose=purpose, started_at=timezone.now())
    started = time.monotonic()
    headers = {"User-Agent": settings.STORYLINE_USER_AGENT, "Accept": ACCEPT[purpose]}
    headers["Accept-Encoding"] = "gzip, deflate, br"
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        final_url, response, body = _follow(url, purpose, headers, respect_robots, observer, attempt)
        result = _result(final_url, purpose, response, body, attempt)
    except FetchError as error:
        attempt.outcome = OUTCOME_FOR_KIND[error.kind]
        attempt.error = str(error)[:2000]
        attempt.status = error.status or attempt.status
        attempt.headers = error.headers
        error.attempt = attempt
        raise
    finally:
        attempt.duration_ms = int((time.monotonic() - started) * 1000)
    attempt.outcome = "not_modified" if result.not_modified else "ok"
    attempt.headers = result.headers
    return result
