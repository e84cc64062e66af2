"""Starting the compose file's process commands outside Docker, for the ops integration tests."""

from __future__ import annotations

import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx
import pytest

from tests.ops.compose import PROJECT_DIR, image_entrypoint, service_command

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def production_env(tmp_path: Path, port: int) -> dict[str, str]:
    """What a container gets (DEBUG=0 and the required secrets), scaled down for one test machine."""
    return {
        "PATH": f"{BIN}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PORT": str(port),
        "GUNICORN_BIND_HOST": "127.0.0.1",
        "WEB_CONCURRENCY": "1",
        "CELERY_WORKER_CONCURRENCY": "2",
        "STATIC_ROOT": str(tmp_path / "static"),
        "CELERY_BEAT_SCHEDULE_FILENAME": str(tmp_path / "celerybeat-schedule"),
    }


@dataclass
class Processes:
    """Services started through the image's entrypoint with their compose commands; SIGTERM for each at the end."""

    workdir: Path
    env: dict[str, str]
    running: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    logs: dict[str, IO[bytes]] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.env['PORT']}"

    def argv(self, service: str) -> list[str]:
        entrypoint = str(PROJECT_DIR / image_entrypoint()[0].removeprefix("/app/"))
        return [entrypoint, *service_command(service)]

    def run(self, service: str) -> subprocess.CompletedProcess[str]:
        """A one-shot service (migrate), to completion."""
        return subprocess.run(
            self.argv(service), cwd=PROJECT_DIR, env=self.env, capture_output=True, text=True, timeout=60
        )

    def start(self, service: str) -> None:
        log = (self.workdir / f"{service}.log").open("wb")
        self.logs[service] = log
        self.running[service] = subprocess.Popen(
            self.argv(service), cwd=PROJECT_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )

    def manage(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(BIN / "python"), "manage.py", *args],
            cwd=PROJECT_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def collectstatic(self) -> None:
        """What the image build does, minus the admin's files (the tests never load admin pages):
        whitenoise compresses every file, which takes 2-10 s for the admin on a busy machine."""
        result = self.manage("collectstatic", "--noinput", "--ignore", "admin")
        assert result.returncode == 0, result.stderr

    def get(self, path: str) -> httpx.Response:
        # The TLS proxy in front of gunicorn sets X-Forwarded-Proto (SECURE_SSL_REDIRECT is on with DEBUG=0).
        return httpx.get(f"{self.base_url}{path}", headers={"X-Forwarded-Proto": "https"}, timeout=10)

    def wait_for(self, condition: Callable[[], bool], what: str, deadline: float) -> None:
        while time.monotonic() < deadline:
            self.assert_alive()
            try:
                if condition():
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        logs = "\n".join(f"--- {name} ---\n{self.log(name)}" for name in self.running)
        pytest.fail(f"timed out waiting for {what}\n{logs}")

    def assert_alive(self) -> None:
        for service, process in self.running.items():
            assert process.poll() is None, f"{service} exited with {process.returncode}:\n{self.log(service)}"

    def log(self, service: str) -> str:
        if not self.logs[service].closed:
            self.logs[service].flush()
        return (self.workdir / f"{service}.log").read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """SIGTERM to each main process (not the group: see RECIPES.md), SIGKILL only if one hangs."""
        for process in self.running.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.running.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        for log in self.logs.values():
            log.close()
