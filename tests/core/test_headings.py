"""Which lines are headings, and which section they belong to."""

from __future__ import annotations

from articles.core import analyze_text


def test_quoted_sentence_on_its_own_line_is_prose_inside_the_body() -> None:
    text = (
        "Der Verein hat sich mit dem Spieler geeinigt. Der Wechsel ist perfekt.\n\n"
        "Der Präsident sagte: „Ja, wir haben uns geeinigt.“\n\nDie Ablöse ist unbekannt.\n"
    )
    (body,) = analyze_text(text).sections
    assert body.kind == "body" and body.headings == ()
    assert body.end == len(text.rstrip())


def test_last_line_introduces_nothing_so_it_stays_in_the_section() -> None:
    text = "Meldung\n\nDer Rat hat getagt. Es gab keine Einigung.\n\nDie Bewohner sehen das gelassen\n"
    (body,) = analyze_text(text).sections
    assert body.headings == () and text[body.start : body.end].endswith("sehen das gelassen")


def test_heading_before_a_marker_belongs_to_the_next_section() -> None:
    text = (
        "Titel\n\nTeaser des Artikels.\n\nUpdate vom 3. Mai, 10.00 Uhr: Neu.\n\n"
        "Was bisher geschah\n\nErstmeldung vom 3. Mai, 8.00 Uhr: Alt.\n\nZwischentitel im Text\n\nMehr alter Text.\n"
    )
    lead, update, first = analyze_text(text).sections
    assert (lead.headings, update.headings) == ((), ())
    assert first.headings == ("Was bisher geschah", "Zwischentitel im Text")
    assert text[update.start : update.end] == "Neu."


def test_datelines_in_their_common_shapes() -> None:
    cases = {
        "Title here\n\nKYIV, Ukraine — Drones struck the city overnight, officials said.\n": "KYIV",
        "Titel\n\nFrankfurt am Main – Die Börse schließt fester.\n": "Frankfurt am Main",
        "Titel\n\nUpdate, 12.51 Uhr: Bremen (dpa) – Der Zug fährt wieder.\n": "Bremen",
        "Titel\n\nDie Lage – so der Sprecher – bleibt ernst.\n": None,
    }
    for text, place in cases.items():
        section = analyze_text(text).sections[-1]
        assert section.dateline == place, text
        if place:
            assert text[section.start] not in "–—- ", text


def test_dateline_after_a_heading_under_a_bare_first_report() -> None:
    text = "Titel\n\nUpdate, 12.51 Uhr: Neu.\n\nErstmeldung\n\nWas wir wissen\n\nMoskau – Der Text beginnt.\n"
    first = analyze_text(text).sections[-1]
    assert (first.kind, first.dateline, first.headings) == ("first_report", "Moskau", ("Was wir wissen",))
    assert text[first.start : first.end].startswith("Was wir wissen")
