"""/healthz and /readyz: no login, plain HTTP by IP, 503 naming what is down."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import OperationalError, connections
from django.test import Client

from tests.conftest import redis_available


def _closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def broker_up(settings, tmp_path: Path) -> None:
    """A reachable broker: the configured Redis in CI, else a filesystem broker with its folders present."""
    if str(settings.CELERY_BROKER_URL).startswith("redis://") and redis_available():
        return
    folder = tmp_path / "broker"
    folder.mkdir()
    settings.CELERY_BROKER_URL = "filesystem://"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(folder),
        "data_folder_out": str(folder),
        "control_folder": str(folder),
    }


@pytest.fixture
def production_like(settings) -> None:
    """The public site only answers its own host over HTTPS."""
    settings.ALLOWED_HOSTS = ["storyline.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    settings.STORYLINE_PUBLIC = False


def test_healthz_answers_without_database_login_or_host(client: Client, production_like: None) -> None:
    response = client.get("/healthz", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert client.head("/healthz", HTTP_HOST="10.1.2.3:8000").status_code == 200
    # Only reads are probes: anything else goes through the normal stack (and its host check).
    assert client.post("/healthz", HTTP_HOST="10.1.2.3:8000").status_code == 400


def test_public_pages_keep_host_check_and_https_redirect(client: Client, production_like: None) -> None:
    assert client.get("/", HTTP_HOST="10.1.2.3:8000").status_code == 400
    response = client.get("/", HTTP_HOST="storyline.example.org")
    assert response.status_code == 301 and response["Location"].startswith("https://")


@pytest.mark.django_db
def test_readyz_ok_when_database_and_broker_answer(client: Client, broker_up: None, production_like: None) -> None:
    response = client.get("/readyz", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "broker": "ok"}}


@pytest.mark.django_db
def test_readyz_reachable_through_the_url_conf_too(client: Client, broker_up: None) -> None:
    # Without the middleware (e.g. a project that drops it) the routed views still answer.
    from django.urls import reverse

    assert reverse("readyz") == "/readyz" and reverse("healthz") == "/healthz"
    assert client.get(reverse("readyz")).status_code == 200


@pytest.mark.django_db
def test_readyz_503_when_the_broker_is_down(client: Client, settings) -> None:
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{_closed_port()}/0"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {}
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "ok", "broker": "unreachable"}}


@pytest.mark.django_db
def test_readyz_503_when_the_filesystem_broker_folder_is_missing(client: Client, settings, tmp_path: Path) -> None:
    missing = str(tmp_path / "gone")
    settings.CELERY_BROKER_URL = "filesystem://"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"data_folder_in": missing, "data_folder_out": missing}
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["checks"]["broker"] == "unreachable"


@contextmanager
def database_unreachable() -> Iterator[None]:
    """Make the default database unreachable, then restore it.

    PostgreSQL: reconnect to a closed port (a real failed connection). SQLite's in-memory test
    database cannot be closed without destroying it, so there the driver's error is raised instead.
    """
    connection = connections["default"]
    saved = dict(connection.settings_dict)
    cursor = connection.cursor
    if connection.vendor == "postgresql":
        connection.close()
        connection.settings_dict["HOST"], connection.settings_dict["PORT"] = "127.0.0.1", _closed_port()
    else:

        def refuse(*args: object, **kwargs: object) -> None:
            raise OperationalError("unable to open database file")

        connection.cursor = refuse  # type: ignore[method-assign]
    try:
        yield
    finally:
        connection.cursor = cursor  # type: ignore[method-assign]
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


@pytest.mark.django_db(transaction=True)
def test_readyz_503_when_the_database_is_down_and_200_when_it_returns(client: Client, broker_up: None) -> None:
    with database_unreachable():
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "unreachable", "broker": "ok"}}
    # The failed check dropped its connection: the next request connects afresh.
    assert client.get("/readyz").status_code == 200
