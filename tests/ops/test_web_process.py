"""The compose `web` service's command, run for real: gunicorn, whitenoise, health endpoints, JSON logs.

Runs everywhere (SQLite and the filesystem broker); the PostgreSQL/Redis version of this, with
the worker and beat too, is test_smoke_processes.py.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.ops.processes import Processes, free_port, production_env

pytestmark = pytest.mark.integration


@pytest.fixture
def web(tmp_path: Path) -> Iterator[Processes]:
    broker = tmp_path / "celery"
    for folder in ("queue", "control"):
        (broker / folder).mkdir(parents=True)
    env = production_env(tmp_path, free_port())
    env.update(
        {
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "CELERY_BROKER_DIR": str(broker),
            "STORYLINE_PUBLIC": "1",
        }
    )
    procs = Processes(workdir=tmp_path, env=env)
    try:
        procs.collectstatic()
        migrated = procs.run("migrate")
        assert migrated.returncode == 0, migrated.stderr
        procs.start("web")
        procs.wait_for(lambda: procs.get("/healthz").status_code == 200, "gunicorn's /healthz", time.monotonic() + 30)
        yield procs
    finally:
        procs.stop()


def test_web_service_serves_pages_static_files_probes_and_json_logs(web: Processes) -> None:
    assert web.get("/readyz").json() == {"status": "ok", "checks": {"database": "ok", "broker": "ok"}}

    home = web.get("/")
    assert home.status_code == 200
    stylesheet = re.search(r'href="(/static/css/storyline\.[0-9a-f]{12}\.css)"', home.text)
    assert stylesheet, "static files are not hashed (CompressedManifestStaticFilesStorage)"
    css = web.get(stylesheet.group(1))
    assert css.status_code == 200 and css.headers["content-encoding"] in {"br", "gzip"}
    assert "immutable" in css.headers["cache-control"]

    # Plain HTTP is redirected to HTTPS, unknown hosts are refused, but probes by IP still answer.
    plain = httpx.get(f"{web.base_url}/", timeout=10)
    assert plain.status_code == 301 and plain.headers["location"].startswith("https://")
    assert httpx.get(f"{web.base_url}/", headers={"Host": "10.9.8.7"}, timeout=10).status_code == 400
    assert httpx.get(f"{web.base_url}/healthz", headers={"Host": "10.9.8.7"}, timeout=10).status_code == 200

    web.stop()
    lines = [json.loads(line) for line in web.log("web").splitlines() if line.strip()]
    assert any(line["logger"] == "gunicorn.error" and "Listening at" in line["message"] for line in lines)
    access = [line for line in lines if line["logger"] == "gunicorn.access" and line.get("path") == "/readyz"]
    assert access and access[-1]["status"] == 200 and access[-1]["method"] == "GET"
    refused = [line for line in lines if line["logger"] == "django.security.DisallowedHost"]
    assert refused and refused[0]["level"] == "ERROR"
