"""One line at a time: which lines are markers, and what they say."""

from __future__ import annotations

import pytest

from articles.core.sections.markers import DateParts, Marker, parse_day_heading, parse_marker

MARKERS = [
    # line, kind, label, date, (hour, minute)
    ("Update vom 7. September, 15.05 Uhr: Text", "update", "Update vom 7. September, 15.05 Uhr", (7, 9, None), (15, 5)),
    (
        "Update vom Freitag, 7. Juni, 17.33 Uhr: Text",
        "update",
        "Update vom Freitag, 7. Juni, 17.33 Uhr",
        (7, 6, None),
        (17, 33),
    ),
    (
        "Update vom 3. Januar 2025, 18:00 Uhr: Text",
        "update",
        "Update vom 3. Januar 2025, 18:00 Uhr",
        (3, 1, 2025),
        (18, 0),
    ),
    ("Update vom 9. Mai (16:45 Uhr): Text", "update", "Update vom 9. Mai (16:45 Uhr)", (9, 5, None), (16, 45)),
    ("Update, 12.51 Uhr: Text", "update", "Update, 12.51 Uhr", None, (12, 51)),
    ("Update, 14 Uhr: Text", "update", "Update, 14 Uhr", None, (14, 0)),
    ("Update 2.6., 8.22 Uhr: Text", "update", "Update 2.6., 8.22 Uhr", (2, 6, None), (8, 22)),
    ("Update, 28.4.2020, 12.45 Uhr: Text", "update", "Update, 28.4.2020, 12.45 Uhr", (28, 4, 2020), (12, 45)),
    ("+++ Update vom 24. Juli +++", "update", "Update vom 24. Juli", (24, 7, None), None),
    ("Update: 17.17 Uhr/ Text", "update", "Update: 17.17 Uhr", None, (17, 17)),
    ("Update von 26. November, 15 Uhr: Text", "update", "Update von 26. November, 15 Uhr", (26, 11, None), (15, 0)),
    (
        "Erstmeldung vom 7. September, 10.14 Uhr: Text",
        "first_report",
        "Erstmeldung vom 7. September, 10.14 Uhr",
        (7, 9, None),
        (10, 14),
    ),
    ("Erstmeldung: Text", "first_report", "Erstmeldung", None, None),
    ("Erstmeldung", "first_report", "Erstmeldung", None, None),
    ("Ursprungsmeldung vom 2. Mai: Text", "first_report", "Ursprungsmeldung vom 2. Mai", (2, 5, None), None),
    ("Originalmeldung: Text", "first_report", "Originalmeldung", None, None),
    ("Original story: Text", "first_report", "Original story", None, None),
    ("02:28 Uhr: Text", "entry", "02:28 Uhr", None, (2, 28)),
    ("21:25 Uhr | Text", "entry", "21:25 Uhr", None, (21, 25)),
    ("+++ 11:33 Uhr: Text +++", "entry", "11:33 Uhr", None, (11, 33)),
    ("15:40 Uhr Schlagzeile ohne Doppelpunkt", "entry", "15:40 Uhr", None, (15, 40)),
    ("14.05 Uhr", "entry", "14.05 Uhr", None, (14, 5)),
    ("12.50 BST", "entry", "12.50 BST", None, (12, 50)),
    ("UPDATE: 12:51 a.m. Text", "update", "UPDATE: 12:51 a.m.", None, (0, 51)),
    ("6:30 p.m.", "entry", "6:30 p.m.", None, (18, 30)),
    ("[Posted at 2:51 p.m.] Text", "entry", "Posted at 2:51 p.m.", None, (14, 51)),
    ("UPDATE, Nov. 6, 12:51 a.m.: Text", "update", "UPDATE, Nov. 6, 12:51 a.m.", (6, 11, None), (0, 51)),
    (
        "Update, July 18 2024, 2:51 p.m. ET: Text",
        "update",
        "Update, July 18 2024, 2:51 p.m. ET",
        (18, 7, 2024),
        (14, 51),
    ),
    ("Thursday 18 July 09.12 BST", "entry", "Thursday 18 July 09.12 BST", (18, 7, None), (9, 12)),
]


@pytest.mark.parametrize(("line", "kind", "label", "date", "clock"), MARKERS, ids=[m[0] for m in MARKERS])
def test_marker(
    line: str, kind: str, label: str, date: tuple[int, int, int | None] | None, clock: tuple[int, int] | None
) -> None:
    marker = parse_marker(line)
    assert isinstance(marker, Marker)
    assert (marker.kind, marker.label) == (kind, label)
    assert marker.date == (DateParts(*date) if date else None)
    assert (marker.hour, marker.minute) == (clock or (None, None))
    assert not line[marker.text_start :].startswith((":", "|", "/", " "))


@pytest.mark.parametrize(
    "line",
    [
        "+++ Auch spannend: So kommen Sie günstig in den Urlaub +++",
        "Live-Ticker aktualisieren",
        "9:12: Technische Auszeit",
        "Update für die Warn-App: Hersteller behebt Fehler",
        "Updates gibt es hier im Laufe des Tages.",
        "15 Uhr ist Anpfiff im Stadion.",
        "Erstmeldung ist ein Begriff aus der Zeitungssprache.",
        "Die Sitzung beginnt um 18 Uhr.",
    ],
)
def test_not_a_marker(line: str) -> None:
    assert parse_marker(line) is None


def test_edit_note_is_flagged_not_a_marker() -> None:
    assert parse_marker("Updated at 12.36 BST") is False


def test_video_duration_parses_as_bare_time_for_context_to_judge() -> None:
    marker = parse_marker("01:07")
    assert isinstance(marker, Marker) and marker.bare


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Donnerstag, 18. 7.", DateParts(18, 7)),
        ("Freitag, 19. Juli 2024", DateParts(19, 7, 2024)),
        ("Thursday 18 July", DateParts(18, 7)),
        ("Sunday, March 3, 2024", DateParts(3, 3, 2024)),
    ],
)
def test_day_heading(line: str, date: DateParts) -> None:
    assert parse_day_heading(line) == date
    assert parse_day_heading(f"{line} war ein langer Tag.") is None


def test_english_initial_report_is_a_first_report() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from articles.core import analyze_text

    text = (
        "Wildfire near Harbor City forces evacuations\n\n"
        "Update, 4:30 p.m.: Crews have contained a third of the fire.\n\n"
        "Initial report, 9:40 a.m.: A wildfire broke out north of Harbor City on Tuesday morning.\n"
    )
    published = datetime(2026, 8, 4, tzinfo=ZoneInfo("UTC"))
    sections = analyze_text(text, lang="en", published=published).sections
    assert [(s.kind, s.label) for s in sections] == [
        ("update", "Update, 4:30 p.m."),
        ("first_report", "Initial report, 9:40 a.m."),
    ]
    assert sections[1].timestamp is not None and sections[1].timestamp.hour == 9
