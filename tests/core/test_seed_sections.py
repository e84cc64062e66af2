"""The seed article's header and sections against the hand annotation (../shared/eval/seed_gold.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from articles.core import Document, analyze_text


@pytest.fixture(scope="module")
def gold(shared_dir: Path) -> dict[str, Any]:
    return json.loads((shared_dir / "eval" / "seed_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def document(seed_path: Path) -> Document:
    return analyze_text(seed_path.read_text(encoding="utf-8"))


def test_header(document: Document, gold: dict[str, Any]) -> None:
    assert document.title == gold["title"]
    assert list(document.authors) == gold["authors"]
    assert document.language == gold["language"]
    assert gold["lead"]["image_caption"] in document.captions


def test_lead_is_the_teaser_without_caption(document: Document, gold: dict[str, Any]) -> None:
    lead = document.sections[0]
    text = document.section_text(0)
    assert lead.kind == "lead"
    assert text.startswith(gold["lead"]["teaser_starts_with"])
    assert text.endswith(gold["lead"]["teaser_ends_with"])
    assert "©" not in text and gold["lead"]["image_credit"] not in text


def test_sections_match_gold(document: Document, gold: dict[str, Any]) -> None:
    ours = {(s.kind, s.label): i for i, s in enumerate(document.sections)}
    assert len(document.sections) == len(gold["sections"]) + 1  # plus the lead
    for want in gold["sections"]:
        index = ours[(want["kind"], want["label"])]
        section = document.sections[index]
        text = document.section_text(index)
        assert section.timestamp is not None and section.timestamp.isoformat() == want["timestamp"]
        assert list(section.headings) == want["headings"]
        assert section.dateline == want.get("dateline")
        assert text.startswith(want["starts_with"]), text[:80]
        assert text.endswith(want["ends_with"]), text[-80:]
