"""The network door against a local server: every guard, every failure kind."""

from __future__ import annotations

import gzip
import time
import zlib

import brotli
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from articles.fetching import FetchError, fetch
from articles.fetching import guard as guard_module
from articles.fetching.guard import check_url

PAGE = "<!DOCTYPE html><html><head><title>Pegel</title></head><body><p>Der Pegel steigt.</p></body></html>"


def _error(url: str, **kwargs) -> FetchError:
    with pytest.raises(FetchError) as info:
        fetch(url, respect_robots=False, **kwargs)
    return info.value


def test_fetches_html_and_sends_user_agent(net: HTTPServer, settings) -> None:
    net.expect_request("/a", headers={"User-Agent": settings.STORYLINE_USER_AGENT}).respond_with_data(
        PAGE, content_type="text/html; charset=utf-8"
    )
    result = fetch(net.url_for("/a"), respect_robots=False)
    assert result.status == 200 and "Der Pegel steigt." in result.text
    assert result.attempt.outcome == "ok" and result.attempt.bytes_received == len(PAGE.encode())
    assert (
        "Storyline" in settings.STORYLINE_USER_AGENT and settings.STORYLINE_CONTACT_URL in settings.STORYLINE_USER_AGENT
    )


def test_conditional_get_returns_not_modified(net: HTTPServer) -> None:
    net.expect_request("/a", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    result = fetch(net.url_for("/a"), etag='"v1"', respect_robots=False)
    assert result.not_modified and result.attempt.outcome == "not_modified"


@pytest.mark.parametrize("status", [404, 410, 500, 503])
def test_http_errors_have_kind_http_and_status(net: HTTPServer, status: int) -> None:
    net.expect_request("/a").respond_with_data("nope", status=status)
    error = _error(net.url_for("/a"))
    assert (error.kind, error.status, error.attempt.outcome) == ("http", status, "http_error")
    assert not error.retryable


def test_429_carries_retry_after(net: HTTPServer) -> None:
    net.expect_request("/a").respond_with_data("slow down", status=429, headers={"Retry-After": "120"})
    error = _error(net.url_for("/a"))
    assert error.status == 429 and error.headers["retry-after"] == "120"


def test_slow_response_times_out(net: HTTPServer, settings) -> None:
    settings.STORYLINE_FETCH_READ_TIMEOUT = 0.3

    def slow(request: Request) -> Response:
        time.sleep(1.0)
        return Response(PAGE, content_type="text/html")

    net.expect_request("/slow").respond_with_handler(slow)
    error = _error(net.url_for("/slow"))
    assert error.kind == "timeout" and error.retryable and error.attempt.outcome == "timeout"


def test_body_over_the_limit_declared_and_streamed(net: HTTPServer, settings) -> None:
    settings.STORYLINE_FETCH_MAX_BYTES = 100_000
    net.expect_request("/big").respond_with_data("x" * 200_000, content_type="text/html")

    def streamed(request: Request) -> Response:
        return Response((b"<p>" + b"y" * 10_000 for _ in range(50)), content_type="text/html")

    net.expect_request("/stream").respond_with_handler(streamed)
    assert _error(net.url_for("/big")).kind == "too_large"
    error = _error(net.url_for("/stream"))
    assert error.kind == "too_large" and error.attempt.outcome == "too_large"
    assert error.attempt.bytes_received <= 100_000 + 65536


def test_gzip_bomb_stops_at_the_limit(net: HTTPServer, settings) -> None:
    settings.STORYLINE_FETCH_MAX_BYTES = 1_000_000
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    net.expect_request("/bomb").respond_with_data(bomb, content_type="text/html", headers={"Content-Encoding": "gzip"})
    error = _error(net.url_for("/bomb"))
    assert error.kind == "too_large" and "decompressed" in str(error)


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as some servers send it
        ("br", brotli.compress),
    ],
)
def test_compressed_bodies_are_decoded(net: HTTPServer, encoding: str, compress) -> None:
    net.expect_request("/c").respond_with_data(
        compress(PAGE.encode()), content_type="text/html", headers={"Content-Encoding": encoding}
    )
    assert fetch(net.url_for("/c"), respect_robots=False).text == PAGE


def test_broken_gzip_is_a_decode_error(net: HTTPServer) -> None:
    net.expect_request("/c").respond_with_data(
        b"not gzip at all", content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    assert _error(net.url_for("/c")).kind == "decode"


def test_redirects_are_followed_with_a_limit_and_loops_refused(net: HTTPServer, settings) -> None:
    net.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    net.expect_request("/new").respond_with_data(PAGE, content_type="text/html")
    assert fetch(net.url_for("/old"), respect_robots=False).url == net.url_for("/new")
    net.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    net.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    assert _error(net.url_for("/a")).kind == "redirects"
    settings.STORYLINE_FETCH_MAX_REDIRECTS = 2
    for n in range(5):
        net.expect_request(f"/hop{n}").respond_with_data("", status=307, headers={"Location": f"/hop{n + 1}"})
    assert "more than 2 redirects" in str(_error(net.url_for("/hop0")))


@pytest.mark.parametrize("media", ["application/pdf", "image/png", "application/json"])
def test_non_html_content_type_is_refused(net: HTTPServer, media: str) -> None:
    net.expect_request("/f").respond_with_data(b"%PDF-1.7", content_type=media)
    error = _error(net.url_for("/f"))
    assert error.kind == "content_type" and error.attempt.outcome == "invalid"


def test_missing_content_type_is_sniffed(net: HTTPServer) -> None:
    net.expect_request("/html").respond_with_response(Response(PAGE.encode(), headers={"Content-Type": ""}))
    net.expect_request("/bin").respond_with_response(Response(b"\x89PNG\r\n", headers={"Content-Type": ""}))
    assert "Pegel" in fetch(net.url_for("/html"), respect_robots=False).text
    assert _error(net.url_for("/bin")).kind == "content_type"


@pytest.mark.parametrize(
    ("body", "content_type", "charset"),
    [
        (
            "<html><body>Grüße aus Mühlheim</body></html>".encode("iso-8859-1"),
            "text/html; charset=ISO-8859-1",
            "iso8859-1",
        ),
        (
            '<html><head><meta charset="windows-1252"></head><body>Grüße aus Mühlheim</body></html>'.encode("cp1252"),
            "text/html",
            "cp1252",
        ),
        # The header lies (says UTF-8, the bytes are Latin-1): the meta tag wins.
        (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
            "<body>Grüße aus Mühlheim</body></html>".encode("iso-8859-1"),
            "text/html; charset=utf-8",
            "iso8859-1",
        ),
        ("<html><body>Grüße aus Mühlheim</body></html>".encode(), "text/html", "utf-8"),
    ],
)
def test_charset_from_header_then_meta_then_detection(
    net: HTTPServer, body: bytes, content_type: str, charset: str
) -> None:
    net.expect_request("/enc").respond_with_data(body, content_type=content_type)
    result = fetch(net.url_for("/enc"), respect_robots=False)
    assert "Grüße aus Mühlheim" in result.text and result.charset == charset


def test_undeclared_latin1_is_detected(net: HTTPServer) -> None:
    sentence = "Die Straßen in Mühlheim sind überflutet, die Brücke über die Auen ist gesperrt."
    text = f"<html><body><p>{sentence}</p></body></html>"
    net.expect_request("/enc").respond_with_data(text.encode("cp1252"), content_type="text/html")
    assert "Straßen in Mühlheim sind überflutet" in fetch(net.url_for("/enc"), respect_robots=False).text


def test_robots_txt_is_obeyed_and_logged(net: HTTPServer) -> None:
    net.expect_request("/robots.txt").respond_with_data(
        "User-agent: Storyline\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n", content_type="text/plain"
    )
    net.expect_request("/news/a").respond_with_data(PAGE, content_type="text/html")
    seen = []
    assert fetch(net.url_for("/news/a"), observer=seen.append).status == 200
    with pytest.raises(FetchError) as info:
        fetch(net.url_for("/private/b"), observer=seen.append)
    assert info.value.kind == "blocked" and "robots.txt" in str(info.value)
    assert [a.purpose for a in seen] == ["robots"]  # fetched once, then cached


def test_missing_robots_txt_allows_everything(net: HTTPServer) -> None:
    net.expect_request("/robots.txt").respond_with_data("", status=404)
    net.expect_request("/a").respond_with_data(PAGE, content_type="text/html")
    assert fetch(net.url_for("/a")).status == 200


def test_unreachable_robots_txt_blocks_for_now(net: HTTPServer) -> None:
    net.expect_request("/robots.txt").respond_with_data("oops", status=503)
    with pytest.raises(FetchError) as info:
        fetch(net.url_for("/a"))
    assert info.value.kind == "blocked" and "unreachable" in str(info.value)


# --- SSRF guard: with the allow-setting OFF ----------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8000/admin/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
        "http://[2002:7f00:1::1]/",  # 6to4 of 127.0.0.1
        "http://[2002:a9fe:a9fe::1]/",  # 6to4 of the cloud metadata address
        "http://[64:ff9b::7f00:1]/",  # NAT64 of 127.0.0.1
        "http://[::127.0.0.1]/",  # IPv4-compatible
        "http://[2001:0:c0a8:101::1]/",  # Teredo through a private server
        "ftp://example.org/",
        "file:///etc/passwd",
        "http://user:pw@example.org/",
    ],
)
def test_ssrf_guard_refuses_private_and_odd_urls(url: str, settings) -> None:
    settings.STORYLINE_ALLOW_PRIVATE_FETCH = False
    with pytest.raises(FetchError) as info:
        check_url(url, allow_private=False)
    assert info.value.kind == "blocked"
    with pytest.raises(FetchError) as info:
        fetch(url, respect_robots=False)
    assert info.value.kind == "blocked" and info.value.attempt.outcome == "blocked"


def test_ssrf_guard_lets_public_addresses_through() -> None:
    check_url("http://93.184.215.14/", allow_private=False)
    check_url("https://[2606:4700::1111]/", allow_private=False)


@pytest.mark.parametrize("target", ["http://127.0.0.2:{port}/x", "http://10.0.0.1/x", "http://[::1]:{port}/x"])
def test_ssrf_guard_applies_to_every_redirect_hop(httpserver: HTTPServer, settings, monkeypatch, target: str) -> None:
    """The first hop is our test server, treated as public; the redirect to a private address is refused."""
    settings.STORYLINE_ALLOW_PRIVATE_FETCH = False
    settings.STORYLINE_HOST_MIN_GAP = 0
    real = guard_module._is_public
    monkeypatch.setattr(guard_module, "_is_public", lambda address: address == "127.0.0.1" or real(address))
    location = target.format(port=httpserver.port)
    httpserver.expect_request("/go").respond_with_data("", status=302, headers={"Location": location})
    with pytest.raises(FetchError) as info:
        fetch(httpserver.url_for("/go"), respect_robots=False)
    assert info.value.kind == "blocked" and "non-public" in str(info.value)


def _answers(monkeypatch, *answers: list[str]) -> list[str]:
    """Make the guard's name lookups return ``answers`` in turn (the last one from then on); returns the hosts asked."""
    asked: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        return answers[min(len(asked), len(answers)) - 1]

    monkeypatch.setattr(guard_module, "resolve", resolve)
    return asked


def test_dns_rebinding_between_check_and_connect_is_refused(httpserver: HTTPServer, settings, monkeypatch) -> None:
    """The name is public when checked, then points at a private address when the connection opens."""
    settings.STORYLINE_ALLOW_PRIVATE_FETCH = False
    settings.STORYLINE_HOST_MIN_GAP = 0
    httpserver.expect_request("/").respond_with_data(PAGE, content_type="text/html")
    asked = _answers(monkeypatch, ["93.184.215.14"], ["127.0.0.1"])
    error = _error(f"http://rebind.test:{httpserver.port}/")
    assert error.kind == "blocked" and "non-public address 127.0.0.1" in str(error)
    assert asked == ["rebind.test", "rebind.test"]


def test_connection_goes_to_the_address_that_was_checked(httpserver: HTTPServer, settings, monkeypatch) -> None:
    """A name the system cannot resolve still connects: the socket opens to the guard's own, checked answer."""
    settings.STORYLINE_ALLOW_PRIVATE_FETCH = False
    settings.STORYLINE_HOST_MIN_GAP = 0
    httpserver.expect_request("/").respond_with_data(PAGE, content_type="text/html")
    real = guard_module._is_public
    monkeypatch.setattr(guard_module, "_is_public", lambda address: address == "127.0.0.1" or real(address))
    _answers(monkeypatch, ["127.0.0.1"])
    result = fetch(f"http://pinned.invalid:{httpserver.port}/", respect_robots=False)
    assert "Der Pegel steigt." in result.text
