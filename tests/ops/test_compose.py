"""docker-compose.yml, Dockerfile and entrypoint, checked without a Docker engine."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ops.compose import (
    APP_SERVICES,
    COMPOSE_FILE,
    DOCKERFILE,
    ENV_EXAMPLE,
    OVERRIDE_FILES,
    PROJECT_DIR,
    compose,
    env_example_keys,
    image_entrypoint,
    interpolated_variables,
    service_command,
)

CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
LONG_RUNNING = ("db", "redis", "web", "worker", "beat")


def _validate(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.compose-spec", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_compose_files_match_the_compose_specification() -> None:
    # One run for the main file and the multi-host overrides: the validator takes a second to start.
    result = _validate(COMPOSE_FILE, *OVERRIDE_FILES)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("override", OVERRIDE_FILES, ids=lambda path: path.name)
def test_multi_host_override_files(override: Path) -> None:
    assert set(compose(override)["services"]) <= set(compose()["services"])
    missing = interpolated_variables(override) - env_example_keys(commented=True)
    assert not missing, f".env.example does not mention {sorted(missing)}"


def test_schema_validation_rejects_a_broken_compose_file(tmp_path: Path) -> None:
    broken = tmp_path / "docker-compose.yml"
    text = COMPOSE_FILE.read_text(encoding="utf-8").replace("service_completed_successfully", "service_finished")
    broken.write_text(text, encoding="utf-8")
    assert _validate(broken).returncode != 0


def test_services_are_the_production_set() -> None:
    assert set(compose()["services"]) == {"db", "redis", *APP_SERVICES}


def test_every_dependency_names_a_defined_service() -> None:
    services = compose()["services"]
    for name, service in services.items():
        depends_on = service.get("depends_on", {})
        assert isinstance(depends_on, dict), f"{name}: use the long depends_on form with conditions"
        for dependency, rule in depends_on.items():
            assert dependency in services, f"{name} depends on undefined service {dependency}"
            assert dependency != name
            assert rule["condition"] in {"service_healthy", "service_completed_successfully"}, (name, dependency)
            if rule["condition"] == "service_healthy":
                assert "healthcheck" in services[dependency], f"{name} waits for {dependency}, which has no healthcheck"


def test_postgres_has_a_named_volume_and_pg_isready_healthcheck() -> None:
    data = compose()
    db = data["services"]["db"]
    assert db["image"] == "postgres:16"
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    volume, target = db["volumes"][0].split(":")[:2]
    assert volume in data["volumes"] and target == "/var/lib/postgresql/data"


def test_redis_persists_append_only_and_has_a_healthcheck() -> None:
    data = compose()
    redis = data["services"]["redis"]
    assert redis["image"] == "redis:7"
    command = redis["command"]
    assert command[command.index("--appendonly") + 1] == "yes"
    assert redis["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]
    volume, target = redis["volumes"][0].split(":")[:2]
    assert volume in data["volumes"] and target == "/data"


def test_app_services_share_one_build_and_image() -> None:
    services = compose()["services"]
    builds = {repr(services[name]["build"]) for name in APP_SERVICES}
    images = {services[name]["image"] for name in APP_SERVICES}
    assert len(builds) == 1 and len(images) == 1
    build = services["web"]["build"]
    assert (PROJECT_DIR / build["context"] / build["dockerfile"]).resolve() == DOCKERFILE


def test_migrations_complete_before_web_and_worker_start() -> None:
    services = compose()["services"]
    assert service_command("migrate") == ["migrate"]
    assert services["migrate"]["restart"] == "no"
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    for name in ("web", "worker", "beat"):
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully", name
    for name in ("web", "worker"):
        for backing in ("db", "redis"):
            assert services[name]["depends_on"][backing]["condition"] == "service_healthy", (name, backing)


def test_process_commands() -> None:
    assert service_command("web")[0] == "gunicorn"
    assert "storyline/gunicorn.conf.py" in service_command("web")
    assert service_command("worker")[:4] == ["celery", "-A", "storyline", "worker"]
    assert service_command("beat")[:4] == ["celery", "-A", "storyline", "beat"]


def test_restart_policies() -> None:
    services = compose()["services"]
    for name in LONG_RUNNING:
        assert services[name]["restart"] in {"always", "unless-stopped"}, name


def test_worker_can_scale_and_beat_cannot_duplicate() -> None:
    services = compose()["services"]
    for key in ("container_name", "ports", "hostname"):
        assert key not in services["worker"], f"worker sets {key}: `--scale worker=4` would clash"
    assert services["beat"].get("deploy", {}).get("replicas", 1) == 1


def test_app_services_run_with_production_settings() -> None:
    services = compose()["services"]
    for name in APP_SERVICES:
        env = services[name]["environment"]
        assert env["DEBUG"] == "0", name
        assert env["SECRET_KEY"].startswith("${SECRET_KEY:?"), f"{name}: SECRET_KEY must be required"
        assert "@db:5432/" in env["DATABASE_URL"] and env["REDIS_URL"].startswith("redis://redis:6379/"), name


def test_env_example_documents_every_variable_the_compose_file_reads() -> None:
    assert ENV_EXAMPLE.is_file()
    missing = interpolated_variables() - env_example_keys() - {"STORYLINE_IMAGE_TAG"}
    assert not missing, f".env.example lacks {sorted(missing)}"
    # Secrets stay empty in the example, so a copied file fails loudly until they are set.
    assert re.search(r"^SECRET_KEY=$", ENV_EXAMPLE.read_text(encoding="utf-8"), re.MULTILINE)


def test_env_files_exist_or_are_optional() -> None:
    for name, service in compose()["services"].items():
        for entry in service.get("env_file", []):
            path, required = (entry, True) if isinstance(entry, str) else (entry["path"], entry.get("required", True))
            assert not required or (PROJECT_DIR / path).is_file(), f"{name}: env file {path} is missing"
    ignored = (PROJECT_DIR / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert ".env" in ignored, ".env holds secrets: it must stay out of git"
    assert ".env" in (PROJECT_DIR / ".dockerignore").read_text(encoding="utf-8").splitlines()


def _stages(text: str) -> list[str]:
    return re.split(r"^(?=FROM )", text, flags=re.MULTILINE)[1:]


def test_dockerfile_is_multi_stage_slim_and_non_root() -> None:
    stages = _stages(DOCKERFILE.read_text(encoding="utf-8"))
    assert len(stages) >= 2
    assert all(stage.startswith("FROM python:3.11-slim") for stage in stages)
    final = stages[-1]
    assert "build-essential" not in final and "gcc" not in final, "build tools must stay in the build stage"
    assert "COPY --from=build /opt/venv" in final
    users = re.findall(r"^USER\s+(\S+)", final, re.MULTILINE)
    assert users and not users[-1].startswith(("root", "0")), "the final image must not run as root"
    assert "collectstatic --noinput" in final


def test_entrypoint_exists_and_is_executable() -> None:
    entrypoint = image_entrypoint()
    local = PROJECT_DIR / entrypoint[0].removeprefix("/app/")
    assert local.is_file() and os.access(local, os.X_OK)


def _entrypoint(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin"}
    return subprocess.run(
        [str(PROJECT_DIR / "docker" / "entrypoint.sh"), *args],
        cwd=PROJECT_DIR,
        env={**base, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_entrypoint_execs_the_command() -> None:
    result = _entrypoint("sh", "-c", 'echo "pid $$"')
    assert result.returncode == 0 and result.stdout.startswith("pid ")
    assert _entrypoint().returncode == 64


def test_entrypoint_runs_migrations(tmp_path: Path) -> None:
    database = tmp_path / "db.sqlite3"
    env = {"DATABASE_URL": f"sqlite:///{database}"}
    service = _entrypoint(*service_command("migrate"), env=env)
    assert service.returncode == 0, service.stderr
    assert "Applying articles.0001_initial... OK" in service.stdout
    assert database.stat().st_size > 0
    # MIGRATE_ON_START=1: migrate first (nothing left to do here), then exec the command.
    on_start = _entrypoint("sh", "-c", "echo started", env={**env, "MIGRATE_ON_START": "1"})
    assert on_start.returncode == 0, on_start.stderr
    assert on_start.stdout.index("No migrations to apply") < on_start.stdout.index("started")
