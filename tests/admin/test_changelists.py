"""Every model has an admin; list pages cost a constant number of queries however many rows they show."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import (
    Claim,
    Feed,
    FeedEntry,
    FetchAttempt,
    Person,
    PersonAlias,
    Update,
    Version,
)
from articles.services.audit import audit_record
from tests.factories import ArticleFactory, StoryFactory

pytestmark = pytest.mark.django_db
MODELS = ["story", "outlet", "feed", "feedentry", "fetchattempt", "article", "version", "update", "claim", "person"]
MODELS += ["auditentry", "personalias"]
_serial = itertools.count()
T0 = datetime(2026, 3, 14, 6, 0, tzinfo=UTC)


def populate(rows: int) -> None:
    """``rows`` more of everything, linked the way ingestion links them."""
    story = StoryFactory()
    for _ in range(rows):
        n = next(_serial)
        article = ArticleFactory(story=story, failure_count=n % 2)
        version = Version.objects.create(article=article, number=1, fetched_at=T0, content_hash=f"h{n}", text="x" * 500)
        version.raw_html = "<p>roh</p>" * 50
        version.save()
        feed = Feed.objects.create(url=f"https://feeds.example/{n}.xml", story=story, failure_count=n % 3)
        FeedEntry.objects.create(feed=feed, guid=f"g{n}", link=article.url, article=article)
        FetchAttempt.objects.create(url=article.url, article=article, started_at=T0, outcome="ok", status_code=200)
        FetchAttempt.objects.create(url=feed.url, feed=feed, started_at=T0, outcome="timeout")
        person = Person.objects.create(name=f"Sprecherin {n}", slug=f"sprecherin-{n}")
        PersonAlias.objects.create(person=person, name=f"S. {n}")
        update = Update.objects.create(
            article=article, story=story, key=f"k{n}", text=f"Text {n}", sort_time=T0 + timedelta(minutes=n)
        )
        Claim.objects.create(update=update, story=story, person=person, text=f"Zitat {n}", key=f"c{n}")
        Claim.objects.create(update=update, story=story, text=f"Anonym {n}", key=f"a{n}", is_corrected=True)
        audit_record(user=None, instance=update, action="change", changes={"text": {"before": "a", "after": "b"}})


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def test_list_page_queries_do_not_grow_with_rows(superuser_client) -> None:
    urls = {model: reverse(f"admin:articles_{model}_changelist") for model in MODELS}
    populate(3)
    few = {model: _queries(superuser_client, url) for model, url in urls.items()}
    populate(40)
    many = {model: _queries(superuser_client, url) for model, url in urls.items()}
    assert many == few, "a list page makes queries per row"


def test_list_pages_stay_within_a_query_budget(superuser_client, django_assert_max_num_queries) -> None:
    populate(60)
    for model in MODELS:
        with django_assert_max_num_queries(12):
            assert superuser_client.get(reverse(f"admin:articles_{model}_changelist")).status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_change_and_history_pages_render(superuser_client, editor_client, model: str) -> None:
    populate(2)
    obj = apps.get_model("articles", model).objects.first()
    for client in (superuser_client, editor_client):
        for view in ("change", "history"):
            assert client.get(reverse(f"admin:articles_{model}_{view}", args=[obj.pk])).status_code == 200


def test_version_page_never_shows_the_compressed_html(superuser_client) -> None:
    populate(1)
    version = Version.objects.get()
    html = superuser_client.get(reverse("admin:articles_version_change", args=[version.pk])).content.decode()
    assert "bytes compressed" in html and "raw_html_compressed" not in html
    assert "x\\x9c" not in html and "&lt;p&gt;roh" not in html  # neither the zlib bytes nor the page source
    assert superuser_client.get(reverse("admin:articles_version_add")).status_code == 403


def test_article_page_lists_versions_with_diff_links(superuser_client) -> None:
    article = ArticleFactory()
    for number in (1, 2, 3):
        Version.objects.create(article=article, number=number, fetched_at=T0, content_hash=f"v{number}", text="t")
    html = superuser_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert f"/articles/{article.pk}/diff/?from=1&amp;to=2" in html
    assert f"/articles/{article.pk}/diff/?from=2&amp;to=3" in html
    assert "?from=0" not in html
    assert f"{reverse('admin:articles_update_add')}?article={article.pk}" in html


@pytest.mark.parametrize("model", ["fetchattempt", "version", "feedentry", "auditentry"])
def test_machine_records_are_read_only(superuser_client, model: str) -> None:
    populate(1)
    assert superuser_client.get(reverse(f"admin:articles_{model}_add")).status_code == 403


def test_site_header(editor_client) -> None:
    html = editor_client.get("/admin/").content.decode()
    assert "Storyline newsroom" in html
