"""Foundation: settings defaults, the import command, and the uniqueness rules."""

from __future__ import annotations

import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import IntegrityError

from articles.models import Article, Claim, Update, Version
from articles.services.articles import article_import_text
from tests.factories import ArticleFactory

PROJECT_DIR = Path(__file__).resolve().parent.parent
SAMPLE = PROJECT_DIR / "articles" / "sample_data"


def _settings_with(env: dict[str, str], expr: str) -> str:
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'storyline.settings'; django.setup(); "
        f"from django.conf import settings as s; print({expr})"
    )
    clean = {"PATH": "/usr/bin:/bin", **env}
    return (
        subprocess.run(
            [sys.executable, "-c", code], cwd=PROJECT_DIR, env=clean, capture_output=True, text=True, check=False
        ).stdout.strip()
        or "ERROR"
    )


def test_settings_defaults_need_no_environment() -> None:
    out = _settings_with({}, "s.DATABASES['default']['ENGINE'], s.CELERY_BROKER_URL, s.TIME_ZONE, s.USE_TZ, s.DEBUG")
    assert out == "django.db.backends.sqlite3 filesystem:// Europe/Berlin True True"


def test_settings_read_database_and_redis_urls() -> None:
    env = {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/x", "REDIS_URL": "redis://127.0.0.1:6379/3"}
    out = _settings_with(env, "s.DATABASES['default']['ENGINE'], s.CELERY_BROKER_URL")
    assert out == "django.db.backends.postgresql redis://127.0.0.1:6379/3"


def test_secret_key_required_without_debug() -> None:
    assert _settings_with({"DEBUG": "0"}, "s.SECRET_KEY") == "ERROR"
    assert _settings_with({"DEBUG": "0", "SECRET_KEY": "k" * 50}, "s.DEBUG") == "False"


@pytest.mark.django_db
def test_import_article_seed(seed_path: Path) -> None:
    out = StringIO()
    call_command(
        "import_article", str(seed_path), "--story", "nordkorea", "--url", "https://fr.example/kim", stdout=out
    )
    assert out.getvalue().startswith("created: article")
    article = Article.objects.get(url="https://fr.example/kim")
    assert article.story is not None and article.story.slug == "nordkorea"
    assert article.title.startswith("Waffen-Deal mit Kim?")
    version = article.versions.get()
    assert version.authors == ["Bona Hyun"]
    assert "Erstmeldung vom 7. September" in version.text
    kinds = list(Update.objects.filter(article=article).order_by("position").values_list("kind", flat=True))
    assert "update" in kinds and "first_report" in kinds
    assert Claim.objects.filter(update__article=article).exists()


@pytest.mark.django_db
def test_reimport_of_unchanged_content_creates_nothing(seed_path: Path) -> None:
    call_command("import_article", str(seed_path), "--url", "https://fr.example/kim", stdout=StringIO())
    counts = (Version.objects.count(), Update.objects.count(), Claim.objects.count())
    out = StringIO()
    call_command("import_article", str(seed_path), "--url", "https://fr.example/kim", stdout=out)
    assert out.getvalue().startswith("unchanged:")
    assert (Version.objects.count(), Update.objects.count(), Claim.objects.count()) == counts


@pytest.mark.django_db
def test_version_content_hash_is_unique_per_article() -> None:
    article = ArticleFactory()
    Version.objects.create(article=article, number=1, fetched_at="2026-03-14T06:45Z", content_hash="a", text="x")
    with pytest.raises(IntegrityError):
        Version.objects.create(article=article, number=2, fetched_at="2026-03-14T07:45Z", content_hash="a", text="x")


@pytest.mark.django_db
def test_sample_versions_keep_update_identity() -> None:
    url = "https://auentaler-bote.example/region/hochwasser-auenstedt"
    for name in ("hochwasser_v1.txt", "hochwasser_v2.txt", "hochwasser_v3.txt"):
        result = article_import_text(text=(SAMPLE / name).read_text(encoding="utf-8"), url=url)
        assert result.outcome == "created"
    first = Update.objects.get(label__startswith="Erstmeldung")
    assert (first.first_seen_version.number, first.last_seen_version.number) == (1, 3)
    rewritten = Update.objects.get(label="Update vom 14. März, 11.20 Uhr")
    assert rewritten.revision == 2 and rewritten.status == "rewritten"
    assert rewritten.first_seen_version.number == 2
    assert "400 Helferinnen" in rewritten.text


@pytest.mark.django_db
def test_load_sample_is_idempotent(client) -> None:
    call_command("load_sample", stdout=StringIO())
    call_command("load_sample", stdout=StringIO())
    assert Version.objects.count() == 4
