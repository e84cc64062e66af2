"""Whole timeline and diff pages are shared between readers: each still gets its own token, and edits show."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from articles.models import Story, Update
from articles.views.shared_pages import AS_OF_SLOT, CSRF_SLOT, forget_local_pages

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _public(settings):
    settings.STORYLINE_PUBLIC = True
    settings.STORYLINE_TIMELINE_STAMP_SECONDS = 0
    cache.clear()
    forget_local_pages()


@pytest.fixture
def story() -> Story:
    call_command("generate_story", slug="shared", articles=2, versions=3, updates=12, claims=24, stdout=StringIO())
    return Story.objects.get(slug="shared")


def test_each_reader_gets_their_own_token_and_no_marker(story: Story) -> None:
    first, second = Client(), Client()
    for url in (f"/stories/{story.slug}/", f"/articles/{story.articles.first().pk}/diff/"):
        pages = [first.get(url).content.decode(), second.get(url).content.decode()]
        tokens = [TOKEN.search(page).group(1) for page in pages]
        assert tokens[0] != tokens[1], url
        for page in pages:
            assert "<!--storyline:" not in page, url
    timeline = first.get(f"/stories/{story.slug}/").content.decode()
    since = re.search(r'data-since="([^"]+)"', timeline).group(1)
    assert since.startswith(str(timezone.now().year))


def test_a_story_edit_or_a_new_update_shows_on_the_next_request(story: Story) -> None:
    client = Client()
    api = f"/api/stories/{story.slug}/timeline.json"
    assert "Renamed story" not in client.get(f"/stories/{story.slug}/").content.decode()
    assert client.get(api).json()["story"]["title"] != "Renamed story"
    story.title = "Renamed story"
    story.save()
    page = client.get(f"/stories/{story.slug}/").content.decode()
    assert "Renamed story" in page
    assert client.get(api).json()["story"]["title"] == "Renamed story"
    Update.objects.create(story=story, label="Late note", text="Eine späte Notiz der Redaktion.",
                          sort_time=timezone.now(), origin="editor")  # fmt: skip
    assert "Eine späte Notiz der Redaktion." in client.get(f"/stories/{story.slug}/").content.decode()


def test_marker_text_in_an_article_stays_text(story: Story) -> None:
    """An article that quotes our marker verbatim gets it escaped: no reader's token is put into its text."""
    Update.objects.create(story=story, label="Trap", text=f"Vorher {CSRF_SLOT} {AS_OF_SLOT} nachher.",
                          sort_time=timezone.now(), origin="editor")  # fmt: skip
    page = Client().get(f"/stories/{story.slug}/").content.decode()
    assert "Vorher &lt;!--storyline:csrf-token--&gt; &lt;!--storyline:as-of--&gt; nachher." in page
    assert "<!--storyline:" not in page


def test_the_language_form_returns_to_the_same_question(story: Story) -> None:
    page = Client().get(f"/stories/{story.slug}/?order=oldest&page=1&junk=1").content.decode()
    assert f'name="next" value="/stories/{story.slug}/?order=oldest"' in page


def test_a_busy_timeline_asks_the_database_nothing_while_the_story_is_unchanged(
    story: Story, settings, django_assert_num_queries
) -> None:
    """Story row, stamp, facts and page are remembered for STORYLINE_TIMELINE_STAMP_SECONDS in the process."""
    settings.STORYLINE_TIMELINE_STAMP_SECONDS = 60
    client = Client()
    client.get(f"/stories/{story.slug}/")
    with django_assert_num_queries(0):
        assert client.get(f"/stories/{story.slug}/").status_code == 200
    settings.STORYLINE_TIMELINE_STAMP_SECONDS = 0  # the memo is off: the story and its stamp are read again
    with django_assert_num_queries(4):
        assert client.get(f"/stories/{story.slug}/").status_code == 200


def test_an_unknown_story_is_not_found_on_every_page() -> None:
    client = Client()
    since = "2026-01-01T00:00:00%2B00:00"
    for url in ("/stories/nope/", "/api/stories/nope/timeline.json", "/stories/nope/feed.atom",
                "/stories/nope/timelinejs.json", f"/api/stories/nope/new.json?since={since}"):  # fmt: skip
        assert client.get(url).status_code == 404, url
