"""Reading a response body safely: size cap, decompression-bomb guard, charset."""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import Callable

import brotli
from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*\"?([a-zA-Z0-9_.:-]+)", re.IGNORECASE)


class BodyTooLarge(Exception):
    pass


class BadEncoding(Exception):
    pass


def _zlib_step(decoder: zlib._Decompress) -> Callable[[bytes, int], bytes]:
    def step(data: bytes, room: int) -> bytes:
        out = decoder.decompress(data, room + 1)
        if decoder.unconsumed_tail or len(out) > room:
            raise BodyTooLarge("decompressed body over the limit")
        return out

    return step


def _brotli_step(decoder: brotli.Decompressor) -> Callable[[bytes, int], bytes]:
    def step(data: bytes, room: int) -> bytes:
        out = decoder.process(data, output_buffer_limit=room + 1)
        if len(out) > room or not decoder.can_accept_more_data():
            raise BodyTooLarge("decompressed body over the limit")
        return bytes(out)

    return step


class BodyReader:
    """Accumulates raw (possibly compressed) chunks; at most ``limit`` bytes on the wire and after decoding.

    Decompression is bounded per call (``max_length`` / ``output_buffer_limit``),
    so a small gzip bomb never expands past the limit in memory.
    """

    def __init__(self, *, content_encoding: str, limit: int) -> None:
        self.limit = limit
        self.wire_bytes = 0
        self._parts: list[bytes] = []
        self._size = 0
        self._encoding = content_encoding.strip().lower()
        self._step: Callable[[bytes, int], bytes] | None = None
        if self._encoding in ("gzip", "x-gzip"):
            self._step = _zlib_step(zlib.decompressobj(16 + zlib.MAX_WBITS))
        elif self._encoding == "br":
            self._step = _brotli_step(brotli.Decompressor())
        elif self._encoding not in ("", "identity", "deflate"):
            raise BadEncoding(f"unsupported Content-Encoding {content_encoding!r}")

    def feed(self, chunk: bytes) -> None:
        self.wire_bytes += len(chunk)
        if self.wire_bytes > self.limit:
            raise BodyTooLarge(f"body over {self.limit} bytes")
        if self._encoding == "deflate" and self._step is None:
            # "deflate" is zlib-wrapped by the spec, raw in practice on some servers.
            wbits = zlib.MAX_WBITS if chunk[:1] == b"\x78" else -zlib.MAX_WBITS
            self._step = _zlib_step(zlib.decompressobj(wbits))
        try:
            out = self._step(chunk, self.limit - self._size) if self._step else chunk
        except (zlib.error, brotli.error) as error:
            raise BadEncoding(f"broken {self._encoding} stream: {error}") from error
        self._size += len(out)
        if self._size > self.limit:
            raise BodyTooLarge(f"body over {self.limit} bytes")
        self._parts.append(out)

    def body(self) -> bytes:
        return b"".join(self._parts)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def header_charset(content_type: str) -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    return _codec(match[1]) if match else None


def decode_html(body: bytes, *, content_type: str) -> tuple[str, str]:
    """(text, charset): charset from the header, then ``<meta>``, then detection; never raises.

    A declared charset that cannot decode the bytes (a wrong header is common)
    falls through to the next source instead of producing mojibake.
    """
    if body.startswith(codecs.BOM_UTF8):
        return body[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8"
    meta = _META_CHARSET.search(body[:4096])
    for candidate in (header_charset(content_type), _codec(meta[1].decode("ascii", "ignore")) if meta else None):
        if candidate:
            try:
                return body.decode(candidate), candidate
            except (UnicodeDecodeError, LookupError):
                continue
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(body[:200_000]).best()
    encoding = _codec(best.encoding) if best else None
    encoding = encoding or "windows-1252"
    return body.decode(encoding, errors="replace"), encoding
