"""A small fake news site for the local test server: pages that can change, a feed, ETags, request counts."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.ingestion.pages import LivePage


@dataclass
class FakeSite:
    server: HTTPServer
    pages: dict[str, LivePage] = field(default_factory=dict)
    feed_paths: list[str] = field(default_factory=list)  # the article paths the feed lists, in order
    etags: bool = False
    hits: Counter[str] = field(default_factory=Counter)
    feed_status: int = 200
    feed_headers: dict[str, str] = field(default_factory=dict)

    def install(self) -> FakeSite:
        self.server.expect_request("/robots.txt").respond_with_data(
            "User-agent: *\nAllow: /\n", content_type="text/plain"
        )
        self.server.expect_request("/feed.xml").respond_with_handler(self._feed)
        self.server.expect_request(re.compile(r"/news/.*")).respond_with_handler(self._page)
        return self

    def url(self, path: str) -> str:
        return self.server.url_for(path)

    def add(self, path: str, page: LivePage, *, in_feed: bool = True) -> None:
        self.pages[path] = page
        if in_feed:
            self.feed_paths.append(path)

    def feed_xml(self) -> str:
        items = "".join(
            f"<item><title>{escape(self.pages[path.split('?')[0]].title)}</title><link>{escape(self.url(path))}</link>"
            f"<guid isPermaLink='false'>guid-{escape(path)}</guid>"
            f"<pubDate>Sat, 14 Mar 2026 06:40:00 +0100</pubDate></item>"
            for path in self.feed_paths
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Auentaler Bote</title>'
            f"<link>{self.url('/')}</link>{items}</channel></rss>"
        )

    def _conditional(self, request: Request, body: str, content_type: str, extra: dict[str, str]) -> Response:
        tag = '"' + hashlib.sha1(body.encode()).hexdigest()[:16] + '"'
        if self.etags and request.headers.get("If-None-Match") == tag:
            return Response(status=304, headers={"ETag": tag})
        headers = {"ETag": tag, **extra} if self.etags else dict(extra)
        return Response(body, content_type=content_type, headers=headers)

    def _feed(self, request: Request) -> Response:
        self.hits["/feed.xml"] += 1
        if self.feed_status != 200:
            return Response("error", status=self.feed_status, headers=self.feed_headers)
        return self._conditional(request, self.feed_xml(), "application/rss+xml; charset=utf-8", self.feed_headers)

    def _page(self, request: Request) -> Response:
        self.hits[request.path] += 1
        page = self.pages.get(request.path)
        if page is None:
            return Response("not found", status=404)
        return self._conditional(request, page.html(), "text/html; charset=utf-8", {})
