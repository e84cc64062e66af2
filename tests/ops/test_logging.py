"""storyline.logging: one valid JSON object per record, whatever the message holds."""

from __future__ import annotations

import json
import logging
import sys

from storyline.logging import GunicornAccessJsonFormatter, JsonFormatter


def _record(msg: str, args: object = None, **extra: object) -> logging.LogRecord:
    record = logging.LogRecord("articles.tasks", logging.ERROR, __file__, 10, msg, args, None)  # type: ignore[arg-type]
    record.__dict__.update(extra)
    return record


def test_message_with_quotes_newlines_and_umlauts_is_valid_json() -> None:
    line = JsonFormatter().format(_record('Feed %s: „Überschrift“ mit "Zitat"\nund Zeile', ("Küstenkurier",)))
    data = json.loads(line)
    assert "\n" not in line
    assert data["message"] == 'Feed Küstenkurier: „Überschrift“ mit "Zitat"\nund Zeile'
    assert data["level"] == "ERROR" and data["logger"] == "articles.tasks"
    assert data["time"].endswith("+00:00") and "T" in data["time"]


def test_extra_fields_are_kept_and_unserialisable_values_become_text() -> None:
    data = json.loads(JsonFormatter().format(_record("fetched", feed_id=3, request=object())))
    assert data["feed_id"] == 3
    assert data["request"].startswith("<object object")


def test_exceptions_are_included() -> None:
    try:
        raise ValueError("kaputt")
    except ValueError:
        record = _record("failed")
        record.exc_info = sys.exc_info()
    data = json.loads(JsonFormatter().format(record))
    assert "ValueError: kaputt" in data["exception"]


def test_gunicorn_access_atoms_become_fields() -> None:
    atoms = {"h": "10.0.0.7", "m": "GET", "U": "/readyz", "q": "", "s": "503", "B": 57, "D": 1234, "a": "probe/1"}
    record = _record("%(h)s %(m)s %(U)s %(s)s", atoms)
    data = json.loads(GunicornAccessJsonFormatter().format(record))
    assert data["message"] == "10.0.0.7 GET /readyz 503"
    assert (data["method"], data["path"], data["status"], data["bytes"], data["duration_us"]) == (
        "GET",
        "/readyz",
        503,
        57,
        1234,
    )
    assert "query" not in data
