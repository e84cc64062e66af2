"""Regression floor on the quotes-de dev portion (read from ../shared at run time)."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

from django.core.management import call_command


def test_evaluate_claims_on_dev_stays_above_floor(shared_dir: Path) -> None:
    out = StringIO()
    call_command("evaluate_claims", str(shared_dir / "eval" / "quotes-de" / "dev.jsonl"), "--json", stdout=out)
    report = json.loads(out.getvalue())
    overall = report["overall"]
    assert report["documents"] == 150
    assert overall["f1"] >= 0.77
    assert overall["speaker_accuracy"] >= 0.80
    assert report["by_type"]["direct"]["f1"] >= 0.90
