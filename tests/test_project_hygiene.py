"""The README documents every setting, and the code stays linted."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
ENV_READ = re.compile(r"env(?:\.(?:str|int|bool|float|list|db))?\(\s*\"([A-Z][A-Z0-9_]+)\"")


def test_readme_documents_every_environment_variable() -> None:
    settings = (PROJECT_DIR / "storyline" / "settings.py").read_text(encoding="utf-8")
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    variables = set(ENV_READ.findall(settings))
    assert len(variables) > 20, "the settings should read their variables through env.<type>(...)"
    missing = sorted(name for name in variables if f"`{name}`" not in readme)
    assert not missing, f"README's configuration table lacks {missing}"


def test_ruff_check_and_format_are_clean() -> None:
    ruff = Path(sys.executable).parent / "ruff"
    for args in (["check", "--quiet", "."], ["format", "--check", "--quiet", "."]):
        result = subprocess.run([str(ruff), *args], cwd=PROJECT_DIR, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    """Type hints everywhere, strict on the pure core (pyproject.toml holds the configuration)."""
    mypy = Path(sys.executable).parent / "mypy"
    result = subprocess.run(
        [str(mypy), "articles", "storyline"], cwd=PROJECT_DIR, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
