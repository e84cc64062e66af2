"""Timestamp resolution on whole texts: dates carried down, midnight runs, years, zones."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from articles.core import analyze_text

BERLIN = ZoneInfo("Europe/Berlin")


def _stamps(text: str, **kwargs: object) -> list[str | None]:
    document = analyze_text(text, **kwargs)  # type: ignore[arg-type]
    return [s.timestamp.isoformat() if s.timestamp else None for s in document.sections if s.kind != "lead"]


def test_oldest_first_ticker_moves_to_next_day_after_midnight() -> None:
    text = (
        "Wahlabend im Landtag\n\nDonnerstag, 5. 9.\n\n22:10 Uhr: Erste Hochrechnung.\n\n"
        "23:45 Uhr: Die Auszählung stockt.\n\n00:30 Uhr: Das vorläufige Ergebnis liegt vor.\n\n"
        "01:05 Uhr: Die Wahlleiterin geht nach Hause.\n"
    )
    assert _stamps(text, published=datetime(2024, 9, 5, 20, tzinfo=BERLIN)) == [
        "2024-09-05T22:10:00+02:00",
        "2024-09-05T23:45:00+02:00",
        "2024-09-06T00:30:00+02:00",
        "2024-09-06T01:05:00+02:00",
    ]


def test_time_only_markers_above_the_first_dated_one_take_its_date() -> None:
    text = (
        "Brand in der Altstadt\n\nUpdate, 00.30 Uhr: Die Feuerwehr meldet: Brand gelöscht.\n\n"
        "Update, 23.10 Uhr: Das Feuer greift auf ein Nachbarhaus über.\n\n"
        "Erstmeldung vom 8. März, 21.50 Uhr: In der Altstadt brennt ein Dachstuhl.\n"
    )
    assert _stamps(text, published=datetime(2024, 3, 1, tzinfo=BERLIN)) == [
        "2024-03-09T00:30:00+01:00",
        "2024-03-08T23:10:00+01:00",
        "2024-03-08T21:50:00+01:00",
    ]


def test_year_is_the_one_nearest_the_publication_date() -> None:
    text = (
        "Jahreswechsel in Berlin\n\nUpdate vom 1. Januar, 00.20 Uhr: Das Feuerwerk ist vorbei.\n\n"
        "Erstmeldung vom 31. Dezember, 18.00 Uhr: Die Polizei ist mit vielen Kräften im Einsatz.\n"
    )
    assert _stamps(text, published=datetime(2025, 1, 1, 9, tzinfo=BERLIN)) == [
        "2025-01-01T00:20:00+01:00",
        "2024-12-31T18:00:00+01:00",
    ]


def test_date_from_the_last_dated_marker_then_day_change() -> None:
    text = (
        "Gipfel in Brüssel\n\nUpdate vom 27. Juni, 09.15 Uhr: Einigung am Morgen.\n\n"
        "Update, 02.40 Uhr: Die Verhandlungen laufen noch.\n\nUpdate, 22.00 Uhr: Die Sitzung wird unterbrochen.\n"
    )
    assert _stamps(text, published=datetime(2024, 6, 27, 10, tzinfo=BERLIN)) == [
        "2024-06-27T09:15:00+02:00",
        "2024-06-27T02:40:00+02:00",
        "2024-06-26T22:00:00+02:00",
    ]


def test_no_date_anywhere_gives_no_timestamp() -> None:
    text = "Kurzmeldungen\n\nUpdate, 12.51 Uhr: Eins.\n\nUpdate, 11.02 Uhr: Zwei.\n"
    assert _stamps(text) == [None, None]


def test_top_entry_later_than_publication_belongs_to_the_day_before() -> None:
    text = "Nachtticker\n\n23:50 Uhr: Ruhige Lage.\n\n22:15 Uhr: Die Feuerwehr rückt ab.\n"
    assert _stamps(text, published=datetime(2024, 5, 2, 0, 30, tzinfo=BERLIN)) == [
        "2024-05-01T23:50:00+02:00",
        "2024-05-01T22:15:00+02:00",
    ]


def test_english_without_zone_or_publication_uses_utc_and_zone_override() -> None:
    text = "Storm live\n\nUPDATE: 3:15 p.m. The storm has passed.\n\n[Posted at 1:05 p.m.] Winds are rising.\n"
    published = datetime(2024, 10, 9, 20, 0, tzinfo=ZoneInfo("UTC"))
    assert _stamps(text, published=published, lang="en") == ["2024-10-09T15:15:00+00:00", "2024-10-09T13:05:00+00:00"]
    eastern = ZoneInfo("America/New_York")
    assert _stamps(text, published=published, lang="en", zone=eastern) == [
        "2024-10-09T15:15:00-04:00",
        "2024-10-09T13:05:00-04:00",
    ]


def test_gmt_blocks_are_london_time_in_winter() -> None:
    text = "Budget live\n\n14.02 GMT\n\nThe chancellor sits down.\n\n12.31 GMT\n\nThe speech begins.\n"
    assert _stamps(text, published=datetime(2024, 11, 20, 15, tzinfo=ZoneInfo("UTC")), lang="en") == [
        "2024-11-20T14:02:00+00:00",
        "2024-11-20T12:31:00+00:00",
    ]


def test_published_as_first_publication_keeps_later_entries_on_that_day() -> None:
    text = "Streiktag\n\n17:00 Uhr: Der Streik endet.\n\n12:00 Uhr: Mittagspause.\n\n09:05 Uhr: Der Streik beginnt.\n"
    assert _stamps(text, published=datetime(2024, 7, 18, 9, tzinfo=BERLIN)) == [
        "2024-07-18T17:00:00+02:00",
        "2024-07-18T12:00:00+02:00",
        "2024-07-18T09:05:00+02:00",
    ]
