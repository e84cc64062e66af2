"""Every marker family on short articles written for these tests (tests/fixtures/sections).

Each ``NAME.txt`` or ``NAME.html`` has a ``NAME.expected.json`` beside it with
the header fields and every section: kind, label, timestamp, headings,
dateline, and how its text starts and ends.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from articles.core import Document, analyze_html, analyze_text
from articles.core.dates import parse_published, zone_for
from articles.core.html import decode_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sections"
CASES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html"))


def _analyze(path: Path, expected: dict[str, Any]) -> Document:
    lang = expected.get("lang")
    published = parse_published(expected["published"], zone=zone_for(lang)) if expected.get("published") else None
    if path.suffix == ".html":
        return analyze_html(decode_html(path.read_bytes()), published=published, lang=lang)
    content = path.read_text(encoding="utf-8")
    document = analyze_text(content, published=published, lang=lang)
    assert document.text == content  # offsets index the input unchanged
    return document


def _observed(document: Document, index: int) -> dict[str, Any]:
    section = document.sections[index]
    observed = section.as_dict()
    body = document.section_text(index)
    observed.pop("start"), observed.pop("end")
    observed["text_ok"] = body == body.strip() and section.start <= section.end
    return observed


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_sections_match_expected(path: Path) -> None:
    expected = json.loads(path.with_name(f"{path.stem}.expected.json").read_text(encoding="utf-8"))
    document = _analyze(path, expected)
    assert document.title == expected["title"]
    assert list(document.authors) == expected["authors"]
    if "published_out" in expected:
        assert document.published is not None and document.published.isoformat() == expected["published_out"]
    assert [s.kind for s in document.sections] == [s["kind"] for s in expected["sections"]]
    for index, want in enumerate(expected["sections"]):
        got = _observed(document, index)
        body = document.section_text(index)
        assert body.startswith(want["starts_with"]), (index, body[:80])
        assert body.endswith(want["ends_with"]), (index, body[-80:])
        assert got["text_ok"], (index, repr(body))
        for field in ("kind", "label", "timestamp", "headings", "dateline"):
            assert got[field] == want[field], (index, field, got[field])
