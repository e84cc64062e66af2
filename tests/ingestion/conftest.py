"""Fixtures for ingestion tests: a local HTTP server the fetcher may reach, and fast politeness settings."""

from __future__ import annotations

import uuid

import pytest
from pytest_httpserver import HTTPServer


@pytest.fixture
def net(settings, httpserver: HTTPServer) -> HTTPServer:
    """The local test server, reachable: private fetches allowed, no per-host gap, short timeouts.

    A fresh local-memory cache per test keeps robots.txt answers from leaking between tests.
    """
    settings.STORYLINE_ALLOW_PRIVATE_FETCH = True
    settings.STORYLINE_HOST_MIN_GAP = 0
    settings.STORYLINE_FETCH_CONNECT_TIMEOUT = 2.0
    settings.STORYLINE_FETCH_READ_TIMEOUT = 2.0
    settings.STORYLINE_FETCH_TOTAL_TIMEOUT = 5.0
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": uuid.uuid4().hex}
    }
    return httpserver


@pytest.fixture
def robots_ok(net: HTTPServer) -> HTTPServer:
    """A robots.txt that allows everything (most sites have one)."""
    net.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n", content_type="text/plain")
    return net
