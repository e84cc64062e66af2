"""SSRF guard: a URL may only reach public addresses (unless settings allow private ones)."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from .errors import FetchError

ALLOWED_SCHEMES = ("http", "https")


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
        or not ip.is_global
    )


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (an IP literal resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError("network", f"cannot resolve {host}: {error}", url=host) from error
    return sorted({str(info[4][0]) for info in infos})


def check_url(url: str, *, allow_private: bool) -> None:
    """Raise FetchError(kind="blocked") unless ``url`` is http(s) to a host that resolves only to public addresses.

    Every address counts: a name resolving to one public and one private
    address is refused, so a rebinding trick needs a new answer between this
    check and the connection (a gap this guard does not close; see docs/ingestion.md).
    """
    parts = urlsplit(url)
    if parts.scheme not in ALLOWED_SCHEMES:
        raise FetchError("blocked", f"scheme {parts.scheme!r} is not allowed", url=url)
    host = parts.hostname
    if not host:
        raise FetchError("blocked", "URL has no host", url=url)
    if parts.username or parts.password:
        raise FetchError("blocked", "credentials in URLs are not allowed", url=url)
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise FetchError("blocked", f"bad port: {error}", url=url) from error
    for address in resolve(host, port):
        if not _is_public(address):
            raise FetchError("blocked", f"{host} resolves to non-public address {address}", url=url)
