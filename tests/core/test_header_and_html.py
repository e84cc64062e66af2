"""Header/footer of plain text; HTML extraction, metadata, hostile pages and odd encodings."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from articles.core import analyze_html, analyze_text
from articles.core.html import decode_html, extract_page, looks_like_html
from articles.core.plaintext import parse_header


def test_header_date_line_byline_caption_and_closing() -> None:
    text = (
        " date 2024-05 Neuer Bahnhof in Lindau: Eröffnung im Herbst\n\nVon: Anna Berg, Tim Roth und Ole Lund\n\n"
        "Der neue Bahnsteig im Mai. © Bahn/Lindauer Zeitung\n\nDer Teaser.\n\nDer Text endet hier. (Anna Berg)\n"
    )
    header = parse_header(text)
    assert header.title == "Neuer Bahnhof in Lindau: Eröffnung im Herbst"
    assert header.authors == ("Anna Berg", "Tim Roth", "Ole Lund")
    assert header.captions == ("Der neue Bahnsteig im Mai.",)
    assert header.credits == ("Bahn/Lindauer Zeitung",)
    assert text[header.body_start : header.body_end].strip() == "Der Teaser.\n\nDer Text endet hier."
    assert header.published is not None and (header.published.year, header.published.month) == (2024, 5)


def test_closing_author_when_no_byline_and_agency_is_no_author() -> None:
    assert parse_header("Titel der Meldung\n\nText der Meldung. (Jonas Feld)").authors == ("Jonas Feld",)
    agency = parse_header("Titel der Meldung\n\nText der Meldung. (dpa/AFP)")
    assert agency.authors == () and agency.body_end == len("Titel der Meldung\n\nText der Meldung.")


def test_closing_parenthetical_sentence_stays_in_the_body() -> None:
    text = "Titel\n\nEr sagte das zum Abschied. (Ein kleiner Schritt für uns alle, so der Sprecher, war es nicht.)"
    assert parse_header(text).body_end == len(text)


def test_first_paragraph_is_not_taken_for_a_title() -> None:
    text = "1969 betrat ein Mensch den Mond. Heute ist das lange her.\n\nDer zweite Absatz."
    header = parse_header(text)
    assert header.title is None and header.body_start == 0
    assert analyze_text(text).sections[0].start == 0


def test_a_marker_on_the_first_line_is_no_title() -> None:
    text = "Update, 12.51 Uhr: Die Lage bleibt ruhig\n\nErstmeldung: Am Morgen begann der Einsatz.\n"
    document = analyze_text(text)
    assert document.title is None
    assert [s.kind for s in document.sections] == ["update", "first_report"]


def test_stand_line_gives_publication_time() -> None:
    header = parse_header("Titel\n\nStand: 07.09.2023, 15:05 Uhr\n\nText.")
    assert header.published is not None and header.published.isoformat() == "2023-09-07T15:05:00+02:00"


def test_html_metadata_and_order() -> None:
    page = extract_page(
        '<html lang="en"><head><meta property="og:title" content="Storm live">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"name": "Dana Whitfield"}],'
        ' "datePublished": "2024-10-09T18:00:00-04:00"}</script></head>'
        "<body><main><p>First paragraph of the live blog with enough words to count as content here.</p>"
        "<div><time>6:30 p.m.</time><p>Second block.</p></div><p>"
        + "Filler sentence. " * 20
        + "</p></main></body></html>"
    )
    assert page.title == "Storm live"
    assert page.authors == ("Dana Whitfield",)
    assert page.published is not None and page.published.isoformat() == "2024-10-09T18:00:00-04:00"
    assert page.language == "en"
    assert page.has_headline
    assert page.text.split("\n\n")[:4] == [
        "Storm live",
        "First paragraph of the live blog with enough words to count as content here.",
        "6:30 p.m.",
        "Second block.",
    ]


def test_metadata_falls_back_to_trafilatura_and_local_dates_get_the_zone() -> None:
    html = (
        "<html><head><title>Brand in Kiel - Kieler Bote</title></head><body><article><h1>Brand in Kiel</h1>"
        '<p class="author">Von Jonas Feld</p><time datetime="2024-03-05T10:00">5. März 2024</time>'
        + "<p>Am Hafen brennt eine Lagerhalle, die Feuerwehr ist mit vielen Kräften im Einsatz.</p>" * 3
        + "<p>Update, 12.51 Uhr: Das Feuer ist gelöscht.</p></article></body></html>"
    )
    document = analyze_html(html)
    assert document.title == "Brand in Kiel"
    assert document.authors == ("Jonas Feld",)
    assert document.published is not None and document.published.date().isoformat() == "2024-03-05"
    assert document.published.tzinfo is not None
    assert document.sections[-1].timestamp is not None
    assert document.sections[-1].timestamp.isoformat() == "2024-03-05T12:51:00+01:00"


def test_time_opening_a_block_is_a_stamp_line() -> None:
    entries = "".join(
        f"<li><time>{stamp}</time> Meldung {n}: Die Lage in der Stadt bleibt angespannt, sagt die Polizei.</li>"
        for n, stamp in enumerate(["14:05", "13:40", "12:10"])
    )
    html = (
        f"<html><body><main><h1>Ticker</h1><ul>{entries}</ul><p>Mehr um <time>18 Uhr</time>.</p></main></body></html>"
    )
    document = analyze_html(html, published=datetime(2024, 5, 2, 15, tzinfo=ZoneInfo("Europe/Berlin")))
    assert [s.label for s in document.sections] == ["14:05", "13:40", "12:10"]
    assert document.section_text(2).endswith("Mehr um 18 Uhr.")
    assert document.sections[0].timestamp is not None
    assert document.sections[0].timestamp.isoformat() == "2024-05-02T14:05:00+02:00"


def test_hidden_and_boilerplate_elements_are_dropped() -> None:
    page = extract_page(
        "<html><body><article><h1>Titel</h1>"
        + "<p>Sichtbarer Text über die Lage in der Stadt, lang genug für einen Artikel.</p>" * 4
        + '<p style="display: none">Update vom 1. Mai, 10.00 Uhr: versteckt</p><p hidden>auch versteckt</p>'
        + '<div class="newsletter-box"><p>Jetzt abonnieren</p></div><script>var x = "Skript";</script>'
        + "</article></body></html>"
    )
    assert "versteckt" not in page.text and "abonnieren" not in page.text and "Skript" not in page.text
    assert page.text.startswith("Titel\n\nSichtbarer Text")


def test_h1_becomes_the_headline_line_and_byline_with_date_is_read() -> None:
    html = (
        '<html><head><meta property="og:title" content="Deich hält | Auentaler Bote"></head><body><article>'
        '<p class="kicker">Liveticker</p><h1>Deich hält</h1><p>Von Lena Albrecht | 14.03.2026, 16:05 Uhr</p>'
        "<p>Aktualisiert: 14.03.2026, 18:10 Uhr</p>"
        "<p>Die Lage an der Auen bleibt angespannt, doch der Deich an der Mühleninsel hält weiter.</p>"
        "<p>Update, 17.40 Uhr: Der Pegel sinkt.</p>"
        + "<p>Mehr Text über das Hochwasser und die Helfer.</p>" * 4
        + "</article></body></html>"
    )
    document = analyze_html(html)
    assert document.text.startswith("Deich hält\n\nLiveticker\n\nVon Lena Albrecht")
    assert document.title == "Deich hält"
    assert document.authors == ("Lena Albrecht",)
    assert document.published is not None and document.published.isoformat() == "2026-03-14T18:10:00+01:00"
    assert [s.kind for s in document.sections] == ["lead", "update"]
    assert document.sections[1].timestamp is not None
    assert document.sections[1].timestamp.isoformat() == "2026-03-14T17:40:00+01:00"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<",
        "<html><body><p>Unclosed <b>bold <i>italic <p>next",
        "<div>" * 5000 + "deep" + "</div>" * 10,
        "<p>Null\x00byte and \x07bell</p>",
        "<?xml version='1.0' encoding='iso-8859-1'?><html><body><p>Deklariert</p></body></html>",
        "<html><body><script>" + "x" * 100_000 + "</script><p>Text</p></body></html>",
        "<html><body><p>" + "&#xD800;&#0;&bogus;" + "</p></body></html>",
        "\ufeff<!DOCTYPE html><p>BOM</p>",
        '<html><head><script type="application/ld+json">{"@graph": [1, "x", null]}</script></head></html>',
    ],
)
def test_hostile_html_does_not_crash(html: str) -> None:
    document = analyze_html(html)
    assert isinstance(document.text, str)
    for section in document.sections:
        assert 0 <= section.start <= section.end <= len(document.text)


def test_decode_html_encodings() -> None:
    assert decode_html("<p>Grüße</p>".encode("cp1252")) == "<p>Grüße</p>"
    declared = '<meta charset="iso-8859-1"><p>Straße</p>'
    assert decode_html(declared.encode("latin-1")) == declared
    assert decode_html("<p>Grüße</p>".encode("utf-16")) == "<p>Grüße</p>"
    assert decode_html(b"\xef\xbb\xbf<p>\xc3\xa4</p>") == "<p>ä</p>"
    assert decode_html('<meta charset="no-such-codec"><p>\xc3\xa4</p>'.encode("latin-1")) == (
        '<meta charset="no-such-codec"><p>ä</p>'
    )


@pytest.mark.parametrize(
    ("content", "is_html"),
    [
        ("<!doctype html><html><body>x</body></html>", True),
        ("  <p>Eins</p>\n<p>Zwei</p>", True),
        ("Titel\n\nText mit a < b und c > d.", False),
        ("date 2023-09 Titel\n\nVon: A B\n\nText.", False),
    ],
)
def test_looks_like_html(content: str, is_html: bool) -> None:
    assert looks_like_html(content) is is_html


def test_copyright_year_or_an_impossible_date_is_no_publication_date() -> None:
    from articles.core import analyze_html

    page = (
        "<html><body><article><p>Der Deich hält.</p><p>Update, 17.30 Uhr: Das Wasser sinkt.</p></article>"
        "<footer>Copyright 2019 Kasseler Verlag</footer></body></html>"
    )
    document = analyze_html(page)
    assert document.published is None
    assert all(section.timestamp is None for section in document.sections)
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Deich",'
        ' "datePublished": "2023-02-30T25:61:00"}</script></head><body><article><p>Der Deich hält.</p>'
        "</article></body></html>"
    )
    assert analyze_html(page).published is None


def test_declared_utf16_on_a_utf8_page_is_read_as_utf8() -> None:
    page = '<html><head><meta charset="utf-16"></head><body><p>Grüße aus Köln</p></body></html>'
    data = page.encode("utf-8")
    data += b" " * (len(data) % 2)  # an even length would decode as UTF-16 without complaint
    assert "Grüße aus Köln" in decode_html(data)


def test_text_nested_deeper_than_the_parser_goes_is_kept() -> None:
    for depth in (300, 3000):
        page = "<html><body>" + "<div>" * depth + "<p>Der Deich hält, sagte die Bürgermeisterin.</p>"
        page += "</div>" * depth + "<script>var x = '<p>kein Text</p>';</script></body></html>"
        assert extract_page(page).text == "Der Deich hält, sagte die Bürgermeisterin.", depth
