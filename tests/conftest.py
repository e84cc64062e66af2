"""Shared test set-up.

Tests run with no environment at all (SQLite, filesystem broker) as a new
user would, and against real PostgreSQL and Redis in CI. With CI=true a
missing service fails the run instead of skipping the tests that need it.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Playwright runs an event loop in the test thread; Django's async guard would
# refuse the live server's ORM calls (see RECIPES.md).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PROJECT_DIR = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("STORYLINE_SHARED_DIR", PROJECT_DIR.parent / "shared"))
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _reachable(url: str, default_port: int) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or default_port), timeout=2):
            return True
    except OSError:
        return False


def postgres_available() -> bool:
    url = os.environ.get("DATABASE_URL", "")
    return url.startswith(("postgres://", "postgresql://", "pgsql://")) and _reachable(url, 5432)


def redis_available() -> bool:
    url = os.environ.get("REDIS_URL", "")
    return url.startswith("redis://") and _reachable(url, 6379)


def pytest_sessionstart(session: pytest.Session) -> None:
    if IN_CI and not postgres_available():
        raise pytest.UsageError("CI=true but DATABASE_URL does not point at a reachable PostgreSQL server.")
    if IN_CI and not redis_available():
        raise pytest.UsageError("CI=true but REDIS_URL does not point at a reachable Redis server.")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    needs = {"postgres": postgres_available(), "redis": redis_available()}
    for item in items:
        for marker, available in needs.items():
            if item.get_closest_marker(marker) and not available:
                item.add_marker(pytest.mark.skip(reason=f"needs {marker}: set its URL (CI=true makes this a failure)"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder with the seed and evaluation data."""
    if not SHARED_DIR.is_dir():
        if IN_CI:
            pytest.fail(f"{SHARED_DIR} is missing")
        pytest.skip(f"{SHARED_DIR} is absent: seed and evaluation data are not available")
    return SHARED_DIR


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    return shared_dir / "seeds" / "000_fe929fc1e77a1e87.txt"


# --- Browser tests (Playwright driving Debian's Chromium) ---------------------------
CHROMIUM = Path(os.environ.get("STORYLINE_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS_DIR = PROJECT_DIR / "test-artifacts"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Launch Debian's Chromium (Playwright cannot download its own browsers here)."""
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium to run the browser tests")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_FLAGS}


@pytest.fixture
def artifacts_dir() -> Path:
    """Where browser tests save their screenshots (look at them)."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    return ARTIFACTS_DIR


@pytest.fixture(autouse=True)
def _forget_process_memos() -> None:
    """Per-process memos (stories by slug, stamps, facts, whole pages) must not outlive a test's rollback."""
    from articles.selectors.facts import forget_remembered
    from articles.views.shared_pages import forget_local_pages

    forget_remembered()
    forget_local_pages()
