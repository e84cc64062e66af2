"""The ``manage.py analyze`` contract, run as independent scripts run it (a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
FIXTURES = PROJECT_DIR / "tests" / "fixtures" / "sections"
SECTION_KEYS = {"kind", "label", "timestamp", "headings", "dateline", "start", "end"}
DOCUMENT_KEYS = {"title", "authors", "language", "published", "text", "sections", "claims"}


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    # An unreachable database and a C locale: the command needs neither a DB nor a UTF-8 terminal.
    env = {**os.environ, "DATABASE_URL": "postgres://postgres@127.0.0.1:1/nowhere", "LC_ALL": "C", "LANG": "C"}
    env.pop("PYTHONIOENCODING", None)
    return subprocess.run(
        [sys.executable, "manage.py", "analyze", *args],
        input=stdin,
        capture_output=True,
        cwd=PROJECT_DIR,
        env=env,
        timeout=120,
        check=False,
    )


def _json(result: subprocess.CompletedProcess[bytes]) -> Any:
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout.decode("utf-8"))


def test_plain_text_file() -> None:
    path = FIXTURES / "de_updates_dated.txt"
    document = _json(_run(str(path)))
    assert set(document) == DOCUMENT_KEYS
    assert document["text"] == path.read_text(encoding="utf-8")
    assert document["title"].startswith("Stromausfall in Kellinghusen")
    assert all(set(section) == SECTION_KEYS for section in document["sections"])
    assert document["sections"][1]["timestamp"] == "2024-06-08T09:30:00+02:00"
    assert "Kellinghusen" in {s["dateline"] for s in document["sections"]}


def test_html_on_stdin_is_detected_and_published_option_parses_rfc2822() -> None:
    html = (FIXTURES / "de_ticker_page.html").read_bytes()
    document = _json(_run("--published", "Sat, 14 Mar 2026 17:00:00 +0100", "-", stdin=html))
    assert document["published"] == "2026-03-14T17:00:00+01:00"
    assert document["title"] == "Hochwasser an der Auen: Deich bei Auenstedt hält"
    assert [s["kind"] for s in document["sections"]] == ["lead", "update", "update", "entry", "first_report"]
    assert "<" not in document["text"]


def test_published_and_lang_options_date_time_only_markers() -> None:
    text = b"Ticker\n\nUPDATE: 3:15 p.m. The storm has passed, the mayor said.\n"
    document = _json(_run("--published", "2024-10-09T20:00:00Z", "--lang", "en", "-", stdin=text))
    assert document["language"] == "en"
    assert document["sections"][0]["timestamp"] == "2024-10-09T15:15:00+00:00"


def test_bad_published_option_is_a_clear_error() -> None:
    result = _run("--published", "gestern", "-", stdin=b"Text")
    assert result.returncode != 0
    assert b"--published" in result.stderr


def test_missing_file_is_a_clear_error() -> None:
    result = _run("does/not/exist.txt")
    assert result.returncode != 0 and b"No such file" in result.stderr


def _line(index: int) -> dict[str, Any]:
    if index % 100 == 7:
        return {
            "id": f"a{index}",
            "html": f"<article><p><b>Update, 12.{index % 60:02d} Uhr:</b></p><p>Neu.</p></article>",
        }
    item: dict[str, Any] = {"id": f"a{index}", "text": f"Titel {index}\n\nUpdate, 14.05 Uhr: Text Nummer {index}.\n"}
    if index % 2:
        item["published"] = "2024-07-18T15:00:00+02:00"
    return item


def test_jsonl_thousand_lines_with_bad_lines_in_one_process() -> None:
    lines = [json.dumps(_line(i), ensure_ascii=False) for i in range(1000)]
    lines[10] = "{not json"
    lines[20] = json.dumps({"id": "no-content"})
    lines[30] = json.dumps({"id": "bad-date", "text": "x", "published": "32.13.2024"})
    lines[40] = json.dumps({"id": "bad-lang", "text": "x", "lang": "fr"})
    result = _run("--jsonl", "-", stdin=("\n".join(lines) + "\n").encode())
    assert result.returncode == 0, result.stderr.decode()
    out = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert len(out) == 1000
    errors = {item["id"]: item["error"] for item in out if "error" in item}
    assert set(errors) == {None, "no-content", "bad-date", "bad-lang"}
    good = [item for item in out if "error" not in item]
    assert all(set(item) == DOCUMENT_KEYS | {"id"} for item in good)
    assert out[1]["id"] == "a1" and out[1]["sections"][0]["timestamp"] == "2024-07-18T14:05:00+02:00"
    assert out[0]["sections"][0]["timestamp"] is None  # no date anywhere
    assert out[7]["sections"][0]["label"] == "Update, 12.07 Uhr"


def test_jsonl_file_keeps_non_ascii(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    line = json.dumps({"id": 1, "text": "Grüße aus Köln\n\nÄrger über Straßenbau."}, ensure_ascii=False)
    path.write_text(line + "\r\n", encoding="utf-8-sig")  # a BOM and Windows line ends
    result = _run("--jsonl", str(path))
    (item,) = [json.loads(out) for out in result.stdout.decode("utf-8").splitlines()]
    assert item["id"] == 1 and item["title"] == "Grüße aus Köln"
    assert "Grüße aus Köln" in result.stdout.decode("utf-8")  # not \u-escaped


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8"])
def test_input_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "artikel.txt"
    path.write_bytes("Überschrift mit Umlauten\n\nÄrger in Güstrow: Die Straße bleibt gesperrt.".encode(encoding))
    assert _json(_run(str(path)))["title"] == "Überschrift mit Umlauten"


def test_jsonl_hard_lines_keep_one_output_line_each() -> None:
    lines = [
        json.dumps({"id": "a", "text": "Der Deich hält."}),
        '{"id": "surrogate", "text": "Deich \\ud800 hält"}',  # a lone surrogate: UTF-8 cannot encode it
        "   ",
        '{"id": NaN, "text": "Deich"}',  # Python reads NaN; JSON has none
        json.dumps({"id": "z", "text": "Der Deich hält."}),
    ]
    result = _run("--jsonl", "-", stdin=("\n".join(lines) + "\n").encode())
    assert result.returncode == 0, result.stderr.decode()
    out = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [item["id"] for item in out] == ["a", "surrogate", None, None, "z"]
    assert out[1]["text"] == "Deich \ud800 hält"
    assert "empty" in out[2]["error"] and "finite" in out[3]["error"]


def test_library_warnings_never_reach_stdout() -> None:
    # An empty page makes the extraction library log a warning; stdout must stay one JSON document.
    result = _run("-", stdin=b"<html></html>")
    document = _json(result)
    assert document["text"] == ""
