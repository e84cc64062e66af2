"""SSRF guard: a URL may only reach public addresses (unless settings allow private ones)."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

import httpcore

from .errors import FetchError

ALLOWED_SCHEMES = ("http", "https")


# NAT64 (RFC 6052) and IPv4-compatible (deprecated) addresses carry an IPv4 address in their last 32 bits.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")
IP = ipaddress.IPv4Address | ipaddress.IPv6Address


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address leads to: mapped, 6to4, Teredo (server and client), NAT64, compatible."""
    found = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    if ip in _NAT64 or ip in _IPV4_COMPATIBLE:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [address for address in found if address is not None]


def _is_public_ip(ip: IP) -> bool:
    return not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
        or not ip.is_global
    )


def _is_public(address: str) -> bool:
    """True if ``address`` and every IPv4 address embedded in it are public (a 6to4 address of 127.0.0.1 is not)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        # ::ffff:a.b.c.d is that IPv4 host: judge it alone (IPv6 calls the whole ::ffff:0:0/96 range private).
        if ip.ipv4_mapped is not None:
            return _is_public_ip(ip.ipv4_mapped)
        return _is_public_ip(ip) and all(_is_public_ip(v4) for v4 in embedded)
    return _is_public_ip(ip)


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (an IP literal resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError("network", f"cannot resolve {host}: {error}", url=host) from error
    return sorted({str(info[4][0]) for info in infos})


def public_addresses(host: str, port: int) -> list[str]:
    """Every address of ``host``, if all are public; else FetchError(kind="blocked")."""
    addresses = resolve(host, port)
    for address in addresses:
        if not _is_public(address):
            raise FetchError("blocked", f"{host} resolves to non-public address {address}", url=host)
    return addresses


def check_url(url: str, *, allow_private: bool) -> None:
    """Raise FetchError(kind="blocked") unless ``url`` is http(s) to a host that resolves only to public addresses.

    Every address counts: a name resolving to one public and one private
    address is refused. The connection itself checks again and connects only to
    an address it checked (``GuardedBackend``), so a DNS answer that changes
    between this check and the connection (rebinding) is refused too.
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
    try:
        public_addresses(host, port)
    except FetchError as error:
        raise FetchError(error.kind, str(error.args[0]), url=url) from error


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, resolving names itself and connecting only to addresses that passed the guard.

    ``check_url`` runs before each request; this runs when a connection is opened,
    on the very answer it connects to, which closes the rebinding gap between the two.
    TLS still verifies the certificate against the URL's host name (httpcore passes it
    as ``server_hostname``), so connecting by address changes nothing there.
    """

    def __init__(self, allow_private: Callable[[], bool]) -> None:
        self._allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        if self._allow_private():
            return super().connect_tcp(host, port, timeout, local_address, socket_options)
        last: httpcore.ConnectError | None = None
        for address in public_addresses(host, port):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as error:  # try the next checked address, as create_connection would
                last = error
        raise last or httpcore.ConnectError(f"no address for {host}")
