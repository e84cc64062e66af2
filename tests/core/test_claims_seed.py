"""The seed article: every required claim of the hand annotation, with the right speaker."""

from __future__ import annotations

import json
import re
from pathlib import Path

from articles.core import analyze_text
from articles.core.types import Claim

_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _matches(gold: dict[str, object], claim: Claim, section_index: int) -> bool:
    """The gold file's `matching` rule: half the gold tokens shared, same section."""
    if claim.section != section_index:
        return False
    gold_words = _words(str(gold["text"]))
    return len(gold_words & _words(claim.text)) * 2 >= len(gold_words)


def _speaker_right(gold: dict[str, object], claim: Claim) -> bool:
    if gold.get("speaker") is None:
        return True
    return claim.speaker is not None and claim.speaker.split()[-1] == str(gold["speaker"]).split()[-1]


def test_seed_required_claims_found_with_speaker(shared_dir: Path, seed_path: Path) -> None:
    gold = json.loads((shared_dir / "eval" / "seed_gold.json").read_text(encoding="utf-8"))
    document = analyze_text(seed_path.read_text(encoding="utf-8"))
    kinds = [s.kind for s in document.sections]
    section_of_gold = {0: kinds.index("update"), 1: kinds.index("first_report")}
    required = [c for c in gold["claims"] if c["required"]]
    assert len(required) == 10
    missing = []
    for claim in required:
        found = [c for c in document.claims if _matches(claim, c, section_of_gold[claim["section"]])]
        if not any(_speaker_right(claim, c) for c in found):
            missing.append((claim["text"][:60], [c.speaker for c in found]))
    assert missing == []


def test_seed_peskow_claim_has_role_source_and_cue(seed_path: Path) -> None:
    document = analyze_text(seed_path.read_text(encoding="utf-8"))
    peskow = [c for c in document.claims if c.speaker == "Dmitri Peskow"]
    assert peskow and peskow[0].role == "Kreml-Sprecher" and peskow[0].source == "TASS"
    assert peskow[0].cue is not None and peskow[0].cue.text == "sagte"
