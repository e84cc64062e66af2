"""Production settings: with DEBUG off, only SECRET_KEY and ALLOWED_HOSTS are needed for a clean deploy check."""

from __future__ import annotations

import json
import secrets
import subprocess
import sys

from tests.ops.compose import PROJECT_DIR

MINIMAL = {"DEBUG": "0", "ALLOWED_HOSTS": "storyline.example.org"}


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run in a clean environment: nothing from the developer's or CI's shell leaks in."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT_DIR,
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _deploy_check(**extra: str) -> subprocess.CompletedProcess[str]:
    env = {**MINIMAL, "SECRET_KEY": secrets.token_urlsafe(50), **extra}
    return _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)


def _settings(env: dict[str, str], names: list[str]) -> dict[str, object]:
    code = (
        "import django, json, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'storyline.settings'; django.setup(); "
        "from django.conf import settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {names!r}}}, default=str))"
    )
    result = _run(["-c", code], env)
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def test_deploy_check_passes_with_only_debug_secret_key_and_allowed_hosts() -> None:
    result = _deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_fails_when_a_secure_default_is_turned_off() -> None:
    # Proves the check above can fail: switching HSTS off is reported as a warning, and warnings fail.
    result = _deploy_check(SECURE_HSTS_SECONDS="0")
    assert result.returncode != 0
    assert "security.W004" in result.stderr


def test_deploy_check_fails_without_allowed_hosts() -> None:
    result = _run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        {"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50)},
    )
    assert result.returncode != 0 and "security.W020" in result.stderr


def test_debug_off_refuses_to_start_without_secret_key() -> None:
    result = _run(["manage.py", "check"], MINIMAL)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_secure_defaults_when_debug_is_off() -> None:
    env = {
        **MINIMAL,
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "storyline.example.org,www.storyline.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://storyline.example.org",
    }
    values = _settings(
        env,
        [
            "DEBUG",
            "ALLOWED_HOSTS",
            "CSRF_TRUSTED_ORIGINS",
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "SECURE_SSL_REDIRECT",
            "SECURE_HSTS_SECONDS",
            "SECURE_PROXY_SSL_HEADER",
            "STORAGES",
            "LOGGING",
            "MIDDLEWARE",
        ],
    )
    assert values["DEBUG"] is False
    assert values["ALLOWED_HOSTS"] == ["storyline.example.org", "www.storyline.example.org"]
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://storyline.example.org"]
    assert values["SESSION_COOKIE_SECURE"] is True and values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000  # type: ignore[operator]
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    storages = values["STORAGES"]
    assert storages["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"  # type: ignore[index]
    logging = values["LOGGING"]
    assert logging["handlers"]["stderr"]["formatter"] == "json"  # type: ignore[index]
    assert logging["handlers"]["stderr"]["stream"] == "ext://sys.stderr"  # type: ignore[index]
    assert logging["formatters"]["json"]["()"] == "storyline.logging.JsonFormatter"  # type: ignore[index]
    middleware = values["MIDDLEWARE"]
    assert middleware[0] == "storyline.health.HealthCheckMiddleware"  # type: ignore[index]
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in middleware  # type: ignore[operator]


def test_production_logs_are_json_lines_on_stderr() -> None:
    code = (
        "import django, logging, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'storyline.settings'; django.setup(); "
        "logging.getLogger('storyline.test').warning('Pegel \"steigt\"\\nweiter', extra={'feed_id': 7})"
    )
    result = _run(["-c", code], {**MINIMAL, "SECRET_KEY": "x" * 50})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""  # stdout stays free for a command's own output
    line = json.loads(result.stderr.strip())
    assert line["level"] == "WARNING" and line["logger"] == "storyline.test"
    assert line["message"] == 'Pegel "steigt"\nweiter' and line["feed_id"] == 7
