"""Dates given by callers: ISO 8601 or RFC 2822, made aware in the publisher's zone."""

from __future__ import annotations

from datetime import datetime, tzinfo
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")
UTC = ZoneInfo("UTC")


def zone_for(lang: str | None) -> tzinfo:
    """The default publisher zone of a language: Europe/Berlin for German, UTC otherwise."""
    return UTC if lang == "en" else BERLIN


def parse_published(value: str, *, zone: tzinfo = BERLIN) -> datetime:
    """Parse ``2023-09-07``, ``2023-09-07T10:14:00+02:00`` or ``Thu, 07 Sep 2023 10:14:00 +0200``.

    A value without an offset is taken to be local time in ``zone``. Raises
    ValueError with a readable message when the value is neither format.
    """
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            raise ValueError(f"not an ISO 8601 or RFC 2822 date: {value!r}") from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=zone)
