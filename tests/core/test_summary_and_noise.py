"""Lines that look like markers but are no sections: summaries, durations, banners."""

from __future__ import annotations

from articles.core import analyze_text


def _labels(text: str) -> list[str | None]:
    return [s.label for s in analyze_text(text).sections]


def test_compact_summary_list_at_the_top_is_the_lead() -> None:
    text = (
        "Ticker\n\n14:05 Uhr: Deich hält\n12:30 Uhr: Pegel sinkt\n\n"
        "14:05 Uhr: Der Deich an der Mühleninsel hält, sagt die Feuerwehr.\n\n"
        "12:30 Uhr: Der Pegel sinkt erstmals seit Tagen.\n"
    )
    sections = analyze_text(text).sections
    assert [s.kind for s in sections] == ["lead", "entry", "entry"]
    assert text[sections[0].start : sections[0].end] == "14:05 Uhr: Deich hält\n12:30 Uhr: Pegel sinkt"


def test_entries_sharing_a_minute_are_not_a_summary() -> None:
    long = "Die Feuerwehr meldet neue Einsätze in der Altstadt und bittet alle Anwohner, die Keller zu räumen. " * 2
    text = f"Ticker\n\n14:05 Uhr: {long}\n14:05 Uhr: {long}\n13:00 Uhr: Kurz.\n"
    assert _labels(text) == ["14:05 Uhr", "14:05 Uhr", "13:00 Uhr"]


def test_single_repeated_time_is_no_list() -> None:
    text = "Ticker\n\n14:05 Uhr: Kurz.\n\n14:05 Uhr: Noch eine Meldung aus derselben Minute.\n"
    assert _labels(text) == ["14:05 Uhr", "14:05 Uhr"]


def test_bare_times_count_only_in_tickers_and_never_next_to_a_video() -> None:
    ticker = "Ticker\n\n14:05\n\nEins.\n\n13:40\n\nZwei.\n\n12:10\n\nDrei.\n"
    assert _labels(ticker) == ["14:05", "13:40", "12:10"]
    video = "Meldung\n\nText davor.\n\nVideo: Die Flut aus der Luft\n\n01:07\n\nText danach.\n"
    assert [s.kind for s in analyze_text(video).sections] == ["body"]
    with_video = ticker.replace("Eins.", "Video: Eins")
    assert [s.kind for s in analyze_text(with_video).sections] == ["body"]


def test_banners_buttons_and_captions_are_not_headings() -> None:
    text = (
        "Titel\n\nEin Teaser.\n\nLive-Ticker aktualisieren\n\nAktualisieren\n\n"
        "+++ Auch spannend: Der Sommer wird heiß +++\n\n"
        "Ein Bild vom Hafen. © Storyline\n\nUpdate, 12.51 Uhr: Neu.\n"
    )
    lead, update = analyze_text(text).sections
    assert lead.headings == () and update.headings == ()
    assert text[lead.start : lead.end] == "Ein Teaser."


def test_relative_post_ages_are_furniture() -> None:
    text = "Strike live\n\n1h ago\n\n14.45 BST\n\nTalks resume.\n\n23 min ago\n\n13.20 BST\n\nTurnout was high.\n"
    sections = analyze_text(text, lang="en").sections
    assert [s.label for s in sections] == ["14.45 BST", "13.20 BST"]
    assert all(s.headings == () for s in sections)
    assert text[sections[0].start : sections[0].end] == "Talks resume."
