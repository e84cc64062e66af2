"""manage.py analyze [--jsonl] [--published DATE] [--lang de|en] PATH|-

A contract: independent scripts call it exactly so. Without ``--jsonl`` the
input is one article (plain text or HTML, detected from the content) and the
output one JSON document. With ``--jsonl`` every input line is
``{"id", "text" | "html", "published"?, "lang"?}`` and every output line
``{"id", …document}``, or ``{"id", "error"}`` for a line that cannot be
analysed (processing continues; a blank line is reported too, so output line N
always answers input line N). When a line has both ``html`` and ``text``, the
``html`` is analysed. Output is UTF-8 JSON; text the input holds but UTF-8
cannot encode (a lone surrogate from a ``\ud800`` escape) is written as a JSON
escape. A claim with several spans has as ``text`` its spans joined by " … ".
No database is used.
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.core import analyze_content, analyze_html, analyze_text
from articles.core.dates import parse_published, zone_for
from articles.core.html import decode_html

LANGUAGES = ("de", "en")


class Command(BaseCommand):
    help = "Analyse an article (plain text or HTML) or a JSON-lines file of articles; print JSON."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="the article's file, or - for standard input")
        parser.add_argument("--jsonl", action="store_true", help='one {"id", "text"|"html", ...} object per line')
        parser.add_argument("--published", help="publication date, ISO 8601 or RFC 2822")
        parser.add_argument("--lang", choices=LANGUAGES, help="the article's language (default: detected)")

    def handle(self, *args: Any, **options: Any) -> None:
        _utf8_stdout()
        lang: str | None = options["lang"]
        published = _published_option(options["published"], lang)
        try:
            with _open(options["path"]) as stream:
                if options["jsonl"]:
                    for number, raw in enumerate(stream, start=1):
                        self._emit(_analyze_line(raw, number, published=published, lang=lang))
                    return
                content = decode_html(stream.read())
            self._emit(analyze_content(content, published=published, lang=lang).as_dict())
        except BrokenPipeError:
            _quiet_broken_pipe()  # "analyze --jsonl big.jsonl | head": the reader has what it wanted

    def _emit(self, payload: dict[str, Any]) -> None:
        try:
            self.stdout.write(json.dumps(payload, ensure_ascii=False, allow_nan=False))
        except UnicodeEncodeError:  # raised while encoding, before anything is written
            self.stdout.write(json.dumps(payload, ensure_ascii=True, allow_nan=False))  # a lone surrogate as \ud800
        self.stdout.flush()


def _quiet_broken_pipe() -> None:
    """Python would report the closed pipe again when it flushes stdout at exit; point stdout at devnull."""
    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _utf8_stdout() -> None:
    """JSON goes out as UTF-8 whatever the locale says."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        with suppress(ValueError, OSError):
            reconfigure(encoding="utf-8")


def _published_option(value: str | None, lang: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return parse_published(value, zone=zone_for(lang))
    except ValueError as error:
        raise CommandError(f"--published: {error}") from error


@contextmanager
def _open(path: str) -> Iterator[IO[bytes]]:
    """The input as a binary stream: a file, or standard input for ``-``."""
    if path == "-":
        yield sys.stdin.buffer
        return
    if not Path(path).is_file():
        raise CommandError(f"No such file: {path}")
    with Path(path).open("rb") as file:
        yield file


def _analyze_line(raw: bytes, number: int, *, published: datetime | None, lang: str | None) -> dict[str, Any]:
    """One output object for one input line; errors are reported, never raised."""
    item_id: Any = None
    try:
        if not raw.strip():
            raise ValueError("the line is empty")
        item = json.loads(raw.decode("utf-8").lstrip("\ufeff"))
        if not isinstance(item, dict):
            raise ValueError("the line is not a JSON object")
        item_id = _checked_id(item.get("id"))
        return {"id": item_id, **_analyze_item(item, published=published, lang=lang)}
    except Exception as error:  # one bad line must not stop the other 999
        return {"id": item_id, "error": f"line {number}: {type(error).__name__}: {error}"}


def _checked_id(value: Any) -> Any:
    """JSON has no NaN or Infinity; Python's reader accepts them, so they are refused here."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"the id must be a string or a finite number, not {value}")
    return value


def _analyze_item(item: dict[str, Any], *, published: datetime | None, lang: str | None) -> dict[str, Any]:
    item_lang = item.get("lang") or lang
    if item_lang is not None and item_lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, not {item_lang!r}")
    if item.get("published"):
        published = parse_published(str(item["published"]), zone=zone_for(item_lang))
    if isinstance(item.get("html"), str):
        return analyze_html(item["html"], published=published, lang=item_lang).as_dict()
    if isinstance(item.get("text"), str):
        return analyze_text(item["text"], published=published, lang=item_lang).as_dict()
    raise ValueError('the object needs a "text" or an "html" string')
