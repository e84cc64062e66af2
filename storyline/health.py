"""Health endpoints for load balancers and container probes.

- ``/healthz``: the process is up and serving (no I/O).
- ``/readyz``: the database and the Celery broker are reachable; 200, or 503 with the failing part named.

Neither needs a login. ``HealthCheckMiddleware`` (first in MIDDLEWARE) answers both paths before
host validation and the HTTPS redirect, because probes call the container by IP over plain HTTP.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from kombu.connection import Connection

logger = logging.getLogger(__name__)


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """The process answers: nothing else is checked, so a database outage never restarts web containers."""
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """200 ``{"status": "ok", "checks": {...}}`` when every dependency answers, else 503 naming the failures."""
    checks = {"database": _database_ok(), "broker": _broker_ok()}
    ready = all(checks.values())
    body = {
        "status": "ok" if ready else "unavailable",
        "checks": {name: "ok" if ok else "unreachable" for name, ok in checks.items()},
    }
    return JsonResponse(body, status=200 if ready else 503)


def _database_ok() -> bool:
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return bool(cursor.fetchone() == (1,))
    except Exception:
        logger.warning("readyz: database unreachable", exc_info=True)
        # A half-open connection must not be reused by the next request in this thread.
        connection.close()
        return False


def _broker_ok() -> bool:
    url = str(settings.CELERY_BROKER_URL)
    options = dict(settings.CELERY_BROKER_TRANSPORT_OPTIONS)
    if url.startswith("filesystem://"):
        return _filesystem_broker_ok(options)
    timeout = float(settings.STORYLINE_READY_TIMEOUT)
    broker = Connection(url, connect_timeout=timeout, transport_options=options)  # type: ignore[no-untyped-call]
    try:
        broker.ensure_connection(  # type: ignore[no-untyped-call]
            max_retries=1, interval_start=0, interval_step=0, timeout=timeout
        )
        return True
    except Exception:
        logger.warning("readyz: broker unreachable", exc_info=True)
        return False
    finally:
        broker.release()  # type: ignore[no-untyped-call]


def _filesystem_broker_ok(options: dict[str, object]) -> bool:
    """kombu's filesystem transport "connects" to anything; check that its folders are usable instead."""
    folders = {str(options[key]) for key in ("data_folder_in", "data_folder_out", "control_folder") if key in options}
    usable = all(Path(folder).is_dir() and os.access(folder, os.W_OK) for folder in folders)
    if not usable:
        logger.warning("readyz: filesystem broker folders missing or read-only: %s", sorted(folders))
    return usable


_PROBES: dict[str, Callable[[HttpRequest], HttpResponse]] = {"/healthz": healthz, "/readyz": readyz}


class HealthCheckMiddleware:
    """Answer GET/HEAD on the probe paths before ALLOWED_HOSTS and SECURE_SSL_REDIRECT apply.

    Container and load-balancer probes use the container's IP as Host and plain HTTP;
    the public site keeps both protections. Put this first in MIDDLEWARE.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = _PROBES.get(request.path_info.rstrip("/") or "/")
        if probe is not None and request.method in {"GET", "HEAD"}:
            return probe(request)
        return self.get_response(request)
