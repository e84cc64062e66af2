"""Shared bits of the ingestion commands."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from articles.models import Story


def story_for_slug(slug: str | None) -> Story | None:
    if not slug:
        return None
    story, _ = Story.objects.get_or_create(slug=slug, defaults={"title": slug})
    return story


class Progress:
    """A one-line progress bar with an ETA, drawn only when ``stream`` is a terminal."""

    def __init__(self, total: int, stream: TextIO | None = None, width: int = 30) -> None:
        self.total, self.done, self.width = total, 0, width
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() and total > 0
        self.started = time.monotonic()

    def step(self, label: str = "") -> None:
        self.done += 1
        if not self.enabled:
            return
        elapsed = time.monotonic() - self.started
        eta = elapsed / self.done * (self.total - self.done)
        filled = int(self.width * self.done / self.total)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} ETA {eta:5.0f}s {label[:40]:<40}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
