"""The pure timeline core: diffing, highlighting, what changed, charts (no database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from articles.core.charts import activity_chart, bucket_plan, voices_chart
from articles.core.diffing import Folded, diff_paragraphs, diff_stats, fold_unchanged, headline_diff, word_diff
from articles.core.highlight import ClaimSpans, paragraphs
from articles.core.timeline import ClaimFact, UpdateFact, VersionFact, story_changes

T0 = datetime(2026, 3, 14, 6, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


def test_word_diff_keeps_whole_words_and_reads_as_one_change() -> None:
    ops = word_diff("Der Pegel steigt weiter. Ende.", "Der Pegel sinkt langsam wieder. Ende.")
    assert [(op.op, op.text) for op in ops] == [
        ("equal", "Der Pegel "),
        ("delete", "steigt weiter"),
        ("insert", "sinkt langsam wieder"),
        ("equal", ". Ende."),
    ]
    assert diff_stats(ops).inserted_words == 3 and diff_stats(ops).deleted_words == 2


def test_diff_round_trips_both_texts() -> None:
    old, new = "A b c.\n\nD e f.\n\nG h.", "A b x c.\n\nD e f.\n\nG h i."
    ops = word_diff(old, new)
    assert "".join(op.text for op in ops if op.op != "insert") == old
    assert "".join(op.text for op in ops if op.op != "delete") == new


def test_changes_only_folds_unchanged_paragraphs() -> None:
    old = "\n\n".join(f"Absatz {n} bleibt gleich." for n in range(6))
    new = old.replace("Absatz 5 bleibt", "Absatz 5 ändert sich und bleibt")
    blocks = fold_unchanged(diff_paragraphs(word_diff(old, new)), context=1)
    assert isinstance(blocks[0], Folded) and blocks[0].count == 4
    assert not isinstance(blocks[-1], Folded) and blocks[-1].changed
    assert headline_diff("Gleich", "Gleich") == ()


def test_highlight_cuts_paragraphs_and_expands_direct_quotes() -> None:
    text = "Sie sagte: „Wir bleiben hier“.\n\nDanach Ruhe."
    start = text.index("Wir")
    result = paragraphs(text, [ClaimSpans(0, start, start + len("Wir bleiben hier"), direct=True)])
    assert len(result) == 2
    quote = next(s for s in result[0] if s.claim == 0)
    assert quote.text == "„Wir bleiben hier“" and quote.quoted and quote.last


def test_highlight_ignores_offsets_outside_the_text_and_overlaps() -> None:
    text = "Kurz."
    result = paragraphs(text, [ClaimSpans(0, 2, 99), ClaimSpans(1, 0, 3), ClaimSpans(2, 1, 4)])
    assert [(s.text, s.claim) for s in result[0]] == [("Kur", 1), ("z.", None)]


def _story() -> tuple[list[UpdateFact], list[ClaimFact], list[VersionFact]]:
    v1 = VersionFact(1, 10, 1, "Pegel steigt", T0)
    v2 = VersionFact(2, 10, 2, "Deich bricht", T0 + timedelta(hours=5))
    updates = [
        UpdateFact(100, 10, T0, 0, "Erstmeldung", "rewritten", 1, 2, 2),
        UpdateFact(101, 10, T0 + timedelta(hours=2), 1, "Update 8 Uhr", "removed", 1, 1),
        UpdateFact(102, 10, T0 + timedelta(hours=4), 2, "Update 10 Uhr", "current", 2, 2),
        UpdateFact(200, None, T0 + timedelta(hours=3), 0, "", "current", None),
    ]
    claims = [
        ClaimFact(1, 100, "vogel", "Katrin Vogel", "", "current", 2),
        ClaimFact(2, 101, "kern", "Malte Kern", "dpa", "removed", 1),
        ClaimFact(3, 102, "vogel", "Katrin Vogel", "dpa", "current", 2),
        ClaimFact(4, 102, "brenner", "Jonas Brenner", "", "current", 2),
        ClaimFact(5, 200, "kern", "Malte Kern", "", "current"),
    ]
    return updates, claims, [v1, v2]


def test_what_changed_comes_from_the_data() -> None:
    changes = story_changes(*_story())
    first, editor, latest = changes[100], changes[200], changes[102]
    assert first.first_of_article and first.new_speakers == ("Katrin Vogel",) and first.new_claims == 1
    assert changes[101].new_claims == 0  # its only claim disappeared later
    assert editor.new_speakers == ("Malte Kern",)
    assert latest.new_speakers == ("Jonas Brenner",) and latest.new_sources == ("dpa",)
    assert latest.headline == ("Pegel steigt", "Deich bricht")
    assert [(r.update_id, r.from_version, r.to_version) for r in latest.rewritten] == [(100, 1, 2)]
    assert latest.removed_updates == (101,) and latest.disappeared_claims == (2,)
    assert not latest.first_of_article and not latest.is_empty


def test_bucket_plan_grows_until_the_story_fits() -> None:
    times = [T0 + timedelta(hours=h) for h in range(0, 200, 5)]
    hours, starts = bucket_plan(times, BERLIN, max_buckets=48)
    assert hours == 6 and len(starts) <= 48 and starts[0] <= times[0]


def test_activity_and_voices_charts() -> None:
    points = [(T0, "A"), (T0 + timedelta(minutes=10), "B"), (T0 + timedelta(hours=2), "A")]
    chart = activity_chart(points, BERLIN)
    assert chart.groups == ("A", "B") and chart.max_total == 2
    assert sum(bar.total for bar in chart.bars) == 3
    tallest = max(chart.bars, key=lambda b: b.total)
    assert round(sum(r.height for r in tallest.rects)) == chart.height
    voices = voices_chart([("v", "Vogel", T0), ("v", "Vogel", T0), ("k", "Kern", T0)], BERLIN)
    assert [(v.label, v.count, v.bar_width) for v in voices.voices] == [("Vogel", 2, 100.0), ("Kern", 1, 50.0)]
