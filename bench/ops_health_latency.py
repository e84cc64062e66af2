"""Latency of /healthz and /readyz through the compose file's web command (gunicorn, DEBUG=0).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sl_ops REDIS_URL=redis://127.0.0.1:6379/6 \\
        /work/venv/bin/python bench/ops_health_latency.py [--requests 300]

/healthz does no I/O, so it is the floor: the figure that matters is /readyz's extra cost
(one database round trip on a kept connection, one new broker connection). Prints medians,
95th percentiles and the ratio to the floor, all measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from ruamel.yaml import YAML

PROJECT_DIR = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def web_command() -> list[str]:
    compose = YAML(typ="safe").load((PROJECT_DIR / "docker-compose.yml").read_text(encoding="utf-8"))
    return [str(PROJECT_DIR / "docker" / "entrypoint.sh"), *compose["services"]["web"]["command"]]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def timings(client: httpx.Client, url: str, count: int) -> list[float]:
    result = []
    for _ in range(count):
        start = time.perf_counter()
        response = client.get(url)
        result.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code, response.text)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    port = free_port()
    env = {
        "PATH": f"{BIN}:/usr/bin:/bin",
        "HOME": "/tmp",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": os.environ["DATABASE_URL"],
        "REDIS_URL": os.environ["REDIS_URL"],
        "PORT": str(port),
        "GUNICORN_BIND_HOST": "127.0.0.1",
        "WEB_CONCURRENCY": "1",
        "LOG_LEVEL": "WARNING",
        "STATIC_ROOT": tempfile.mkdtemp(prefix="storyline-bench-static-"),  # no pages: nothing to collect
    }
    web = subprocess.Popen(web_command(), cwd=PROJECT_DIR, env=env, stdout=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(timeout=10) as client:
            for _ in range(100):
                try:
                    client.get(f"{base}/healthz")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            timings(client, f"{base}/readyz", 20)  # warm-up: imports, first connections
            floor = timings(client, f"{base}/healthz", args.requests)
            ready = timings(client, f"{base}/readyz", args.requests)
    finally:
        web.send_signal(signal.SIGTERM)
        web.wait(timeout=30)
    floor_median = statistics.median(floor)
    for name, values in (("/healthz (floor)", floor), ("/readyz", ready)):
        median = statistics.median(values)
        p95 = statistics.quantiles(values, n=20)[-1]
        print(f"{name:<17} median {median:6.2f} ms   p95 {p95:6.2f} ms   x{median / floor_median:5.1f} floor")
    print(f"({args.requests} sequential requests each, one gunicorn worker, {os.cpu_count()} CPUs, shared machine)")


if __name__ == "__main__":
    main()
