"""The one error type of the network door."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

FetchErrorKind = Literal[
    "blocked",  # scheme, SSRF guard or robots.txt said no
    "timeout",  # connect/read/total time limit
    "network",  # DNS, connection refused/reset, TLS
    "http",  # a non-2xx/304 status
    "redirects",  # too many redirects, or a loop
    "too_large",  # body (or decompressed body) over the limit
    "content_type",  # not a type we read (e.g. a PDF where a page was expected)
    "decode",  # broken compression
    "busy",  # the host's politeness slots stayed taken too long
]
# Kinds that a later attempt may well get past: the task retries these (bounded, with backoff).
RETRYABLE_KINDS: frozenset[str] = frozenset({"timeout", "network", "busy"})


@dataclass
class Attempt:
    """One request as it went out: what the fetch log records."""

    url: str
    purpose: str
    started_at: datetime
    duration_ms: int = 0
    status: int | None = None
    bytes_received: int = 0
    outcome: str = "ok"
    error: str = ""
    headers: dict[str, str] = field(default_factory=dict)


class FetchError(Exception):
    """Any failure of ``fetch``; ``kind`` says which, ``attempt`` is what to log."""

    def __init__(
        self,
        kind: FetchErrorKind,
        message: str,
        *,
        url: str,
        status: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.kind: FetchErrorKind = kind
        self.url = url
        self.status = status
        self.headers = headers or {}
        self.attempt: Attempt | None = None

    @property
    def retryable(self) -> bool:
        return self.kind in RETRYABLE_KINDS

    def __str__(self) -> str:
        status = f" {self.status}" if self.status else ""
        return f"{self.kind}{status}: {self.args[0]}"
