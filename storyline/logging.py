"""Structured logs: one JSON object per line on stdout, for Docker and log shippers.

No Django import here: gunicorn's master process loads these formatters
(storyline/gunicorn.conf.py) before the Django application exists.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

# Attributes every LogRecord has; anything else on a record came from `extra=`.
_RECORD_ATTRS = frozenset(vars(logging.LogRecord("x", logging.INFO, "x", 0, "x", None, None))) | {
    "message",
    "asctime",
    "taskName",
}


def _json_default(value: object) -> str:
    """Render what json cannot (requests, exceptions, dates) as text instead of failing the log call."""
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


class JsonFormatter(logging.Formatter):
    """Format a record as one line of JSON.

    Keys: ``time`` (ISO 8601, UTC, milliseconds), ``level``, ``logger``, ``message``,
    ``process``, then every ``extra=`` field, then ``exception`` / ``stack`` when present.
    A message containing quotes, newlines or non-ASCII text stays valid JSON.
    """

    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(self.fields(record), default=_json_default, ensure_ascii=False)

    def fields(self, record: logging.LogRecord) -> dict[str, Any]:
        data: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "process": record.process,
        }
        for key, value in vars(record).items():
            if key not in _RECORD_ATTRS and not key.startswith("_") and key not in data:
                data[key] = value
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            data["stack"] = self.formatStack(record.stack_info)
        return data


# gunicorn's access-log atoms (see its docs) and the names we give them.
_ACCESS_ATOMS = {
    "h": "remote_addr",
    "m": "method",
    "U": "path",
    "q": "query",
    "s": "status",
    "B": "bytes",
    "D": "duration_us",
    "a": "user_agent",
    "f": "referer",
}

_NUMERIC = frozenset({"status", "bytes", "duration_us"})


class GunicornAccessJsonFormatter(JsonFormatter):
    """gunicorn's access log as JSON: the request's fields as keys, not one Apache-style string."""

    def fields(self, record: logging.LogRecord) -> dict[str, Any]:
        data = super().fields(record)
        atoms = record.args if isinstance(record.args, Mapping) else {}
        for atom, key in _ACCESS_ATOMS.items():
            value = atoms.get(atom)
            if value in (None, "-", ""):
                continue
            data[key] = int(str(value)) if key in _NUMERIC and str(value).isdigit() else value
        return data
