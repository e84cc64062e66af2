"""Reading docker-compose.yml and the Dockerfile for the ops tests (no Docker engine needed)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

PROJECT_DIR = Path(__file__).resolve().parents[2]
COMPOSE_FILE = PROJECT_DIR / "docker-compose.yml"
DOCKERFILE = PROJECT_DIR / "Dockerfile"
ENV_EXAMPLE = PROJECT_DIR / ".env.example"
APP_SERVICES = ("migrate", "web", "worker", "beat")
OVERRIDE_FILES = (PROJECT_DIR / "docker" / "compose.main-host.yml", PROJECT_DIR / "docker" / "compose.worker-host.yml")


def compose(path: Path = COMPOSE_FILE) -> dict[str, Any]:
    """A compose file as data, with YAML anchors and merge keys resolved (as docker compose does)."""
    data: dict[str, Any] = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return data


def service_command(name: str) -> list[str]:
    """The argv a service's container runs after the image's ENTRYPOINT."""
    command = compose()["services"][name]["command"]
    return list(command) if isinstance(command, list) else shlex.split(command)


def image_entrypoint() -> list[str]:
    """The final stage's ENTRYPOINT (exec form) from the Dockerfile."""
    match = re.findall(r"^ENTRYPOINT\s+(\[.*\])\s*$", DOCKERFILE.read_text(encoding="utf-8"), re.MULTILINE)
    assert match, "the Dockerfile has no exec-form ENTRYPOINT"
    return [part.strip().strip('"') for part in match[-1].strip("[]").split(",")]


def env_example_keys(*, commented: bool = False) -> set[str]:
    """Variables set in .env.example; with ``commented`` also the ``# NAME=value`` examples."""
    pattern = r"^(?:#\s*)?([A-Z_][A-Z0-9_]*)=" if commented else r"^([A-Z_][A-Z0-9_]*)="
    return set(re.findall(pattern, ENV_EXAMPLE.read_text(encoding="utf-8"), re.MULTILINE))


def interpolated_variables(path: Path = COMPOSE_FILE) -> set[str]:
    """Every ${VAR...} docker compose substitutes from the environment or .env ($${...} is a literal)."""
    text = path.read_text(encoding="utf-8")
    return set(re.findall(r"(?<!\$)\$\{([A-Z_][A-Z0-9_]*)", text))
