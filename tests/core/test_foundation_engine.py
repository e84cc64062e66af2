"""The pure core runs with no Django and no database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from articles.core import analyze_text
from articles.core.identity import claim_key, section_keys, text_changed

PROJECT_DIR = Path(__file__).resolve().parents[2]


def test_core_imports_without_django() -> None:
    code = (
        "import sys, articles.core; assert 'django' not in sys.modules, sorted(m for m in sys.modules if 'django' in m)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PROJECT_DIR)


def test_header_and_marker_sections() -> None:
    text = (
        "date 2026-03 Pegel steigt\n\nVon: Lena Albrecht\n\nEin Teaser.\n\n"
        "Update vom 14. März, 11.20 Uhr: Neue Lage.\n\nErstmeldung vom 14. März, 06.40 Uhr: Alte Lage.\n"
    )
    document = analyze_text(text)
    assert document.title == "Pegel steigt"
    assert document.authors == ("Lena Albrecht",)
    assert [s.kind for s in document.sections] == ["lead", "update", "first_report"]
    assert document.sections[1].label == "Update vom 14. März, 11.20 Uhr"


def test_identity_keys_are_stable_and_distinguish_repeats() -> None:
    text = "date 2026-03 T\n\nUpdate vom 14. März, 11.20 Uhr: A.\n\nUpdate vom 14. März, 11.20 Uhr: B.\n"
    sections = analyze_text(text).sections
    keys = section_keys(sections)
    assert len(set(keys)) == len(keys)
    assert keys == section_keys(analyze_text(text.replace("A.", "A, reworded.")).sections)
    assert claim_key("Wir tun alles!") == claim_key("wir tun  alles")
    assert not text_changed("a  b\n", "a b")
    assert text_changed("a b", "a c")
