"""Pure ingestion helpers: canonical URLs, scheduling policy, feed parsing against fixtures."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from articles.core.feeds import FeedError, parse_feed
from articles.core.schedule import backoff_delay, cache_max_age, next_feed_delay, recheck_delay, retry_after
from articles.core.urls import MAX_URL_LENGTH, InvalidURL, URLTooLong, find_canonical, normalize_url

FEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"
STEPS = [(3600, 120), (21600, 900), (86400, 3600), (604800, 21600)]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://Example.ORG:443/a?utm_source=x&b=2&utm_medium=y#frag", "https://example.org/a?b=2"),
        ("http://example.org", "http://example.org/"),
        ("http://example.org:8080/x?fbclid=1&gclid=2&id=7", "http://example.org:8080/x?id=7"),
        ("https://example.org/a?z=1&a=2", "https://example.org/a?z=1&a=2"),
        ("https://example.org/a?pk_campaign=rss&mc_cid=1", "https://example.org/a"),
    ],
)
def test_normalize_url_drops_tracking_and_fragment(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


@pytest.mark.parametrize("url", ["ftp://example.org/x", "javascript:alert(1)", "/relative/path", "file:///etc/passwd"])
def test_normalize_url_refuses_non_http(url: str) -> None:
    with pytest.raises(InvalidURL):
        normalize_url(url)


def test_find_canonical_prefers_link_then_og_url_and_resolves_relative() -> None:
    html = (
        '<html><head><meta property="og:url" content="https://x.example/og">'
        "<link href='/a/b?utm_source=feed' rel='canonical'></head><body>"
        '<link rel="canonical" href="https://x.example/in-body"></body></html>'
    )
    assert find_canonical(html, base_url="https://x.example/a/b?x=1") == "https://x.example/a/b"
    og_only = '<head><meta content="https://x.example/og#top" property="og:url"></head>'
    assert find_canonical(og_only, base_url="https://x.example/") == "https://x.example/og"
    assert find_canonical("<head><title>t</title></head>", base_url="https://x.example/") is None


def test_backoff_doubles_and_caps() -> None:
    assert [backoff_delay(interval=600, failures=n, longest=21600) for n in range(7)] == [
        600,
        1200,
        2400,
        4800,
        9600,
        19200,
        21600,
    ]
    assert backoff_delay(interval=600, failures=500, longest=21600) == 21600


def test_feed_delay_honours_server_hints_but_never_gives_up() -> None:
    assert next_feed_delay(interval=600, longest=21600) == 600
    assert next_feed_delay(interval=600, longest=21600, max_age=1800) == 1800
    assert next_feed_delay(interval=600, longest=21600, ttl_minutes=60) == 3600
    assert next_feed_delay(interval=600, longest=21600, max_age=10**9) == 21600
    assert next_feed_delay(interval=600, longest=21600, failures=3, retry_after_seconds=7200) == 7200
    assert next_feed_delay(interval=600, longest=21600, failures=40) == 21600


def test_cache_control_and_retry_after_parsing() -> None:
    assert cache_max_age("public, max-age=300") == 300
    assert cache_max_age("max-age=60, s-maxage=900") == 900
    assert cache_max_age("no-cache, max-age=300") is None
    assert cache_max_age(None) is None
    now = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
    assert retry_after("120", now=now) == 120
    assert retry_after("Sat, 14 Mar 2026 12:10:00 GMT", now=now) == 600
    assert retry_after("soon", now=now) is None


def test_recheck_delay_backs_off_with_quiet_time_and_stops() -> None:
    delays = [recheck_delay(quiet_for=q, steps=STEPS, stop_after=604800) for q in (0, 3599, 3600, 30000, 90000)]
    assert delays == [120, 120, 900, 3600, 21600]
    assert recheck_delay(quiet_for=604800, steps=STEPS, stop_after=604800) is None


@pytest.mark.parametrize("expected_path", sorted(FEEDS.glob("*.expected.json")), ids=lambda p: p.name)
def test_feed_fixtures(expected_path: Path) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    stem = expected_path.name.removesuffix(".expected.json")
    (source,) = [p for p in FEEDS.glob(stem + ".*") if not p.name.endswith(".json")]
    if "error" in expected:
        with pytest.raises(FeedError, match=expected["error"]):
            parse_feed(source.read_bytes(), base_url=expected["base_url"], content_type=expected["content_type"])
        return
    parsed = parse_feed(source.read_bytes(), base_url=expected["base_url"], content_type=expected["content_type"])
    assert (parsed.warning is not None) == expected.pop("repaired")
    del expected["base_url"], expected["content_type"]
    assert parsed.as_dict() == expected


def test_duplicate_guids_are_kept_once_and_linkless_entries_skipped() -> None:
    parsed = parse_feed((FEEDS / "rss2.xml").read_bytes(), base_url="https://auentaler-bote.example/")
    guids = [item.guid for item in parsed.items]
    assert len(guids) == len(set(guids)) == 3
    assert all(item.link.startswith("https://auentaler-bote.example/region/") for item in parsed.items)


def test_garbage_is_not_a_feed() -> None:
    for data in (b"", b"\x00\x01\x02 binary", b"just some text, no markup at all"):
        with pytest.raises(FeedError):
            parse_feed(data, base_url="https://x.example/")


def test_a_url_too_long_to_store_is_refused_after_normalising() -> None:
    base = "https://example.org/"
    fits = base + "a" * (MAX_URL_LENGTH - len(base))
    assert normalize_url(fits) == fits
    with pytest.raises(URLTooLong) as info:
        normalize_url(fits + "a")
    assert isinstance(info.value, InvalidURL)
    assert normalize_url(fits + "?utm_source=" + "x" * 100) == fits  # the limit applies to the stored spelling


def test_an_overlong_canonical_is_ignored() -> None:
    long_href = "/news/" + "a" * 2_100
    both = f'<head><link rel="canonical" href="{long_href}"><meta property="og:url" content="/news/kurz"></head>'
    assert find_canonical(both, base_url="https://example.org/x") == "https://example.org/news/kurz"
    only_long = f'<head><link rel="canonical" href="{long_href}"></head>'
    assert find_canonical(only_long, base_url="https://example.org/x") is None


def test_entries_with_an_overlong_link_are_skipped_and_counted() -> None:
    long_link = "https://example.org/news/" + "a" * 2_100
    rss = (
        '<rss version="2.0"><channel><title>T</title>'
        "<item><title>Kurz</title><link>https://example.org/news/kurz</link></item>"
        f"<item><title>Lang</title><link>{long_link}</link><guid isPermaLink='false'>lang</guid></item>"
        f"<item><title>Lange GUID</title><guid>{long_link}</guid></item>"
        "</channel></rss>"
    ).encode()
    parsed = parse_feed(rss, base_url="https://example.org/feed")
    assert [item.link for item in parsed.items] == ["https://example.org/news/kurz"]
    assert parsed.too_long == 2
    assert parsed.skipped_note == f"skipped 2 entries whose link is longer than {MAX_URL_LENGTH} characters"
