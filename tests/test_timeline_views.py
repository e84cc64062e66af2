"""Timeline pages and exports: content, filters, access, and a constant number of queries."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command

from articles.models import Article, Claim, Person, Story, Update, Version
from articles.views.shared_pages import forget_local_pages

pytestmark = pytest.mark.django_db
MAX_QUERIES = 15


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """A clean cache, and no per-process stamp memo (it would outlive a test's rollback)."""
    settings.STORYLINE_TIMELINE_STAMP_SECONDS = 0
    clear_caches()


def clear_caches() -> None:
    """The shared cache and this process's memo of whole pages: the next request renders from the database."""
    cache.clear()
    forget_local_pages()


@pytest.fixture
def reader(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    return client


def generate(slug: str, updates: int, claims: int) -> Story:
    call_command(
        "generate_story", slug=slug, articles=4, versions=3, updates=updates, claims=claims, people=8, stdout=StringIO()
    )
    return Story.objects.get(slug=slug)


def test_pages_need_a_login_unless_public(client, settings) -> None:
    story = generate("s", 8, 16)
    urls = ["/", f"/stories/{story.slug}/", f"/api/stories/{story.slug}/timeline.json",
            f"/stories/{story.slug}/feed.atom", f"/stories/{story.slug}/timelinejs.json",
            f"/articles/{story.articles.first().pk}/diff/", f"/people/{Person.objects.first().slug}/",
            f"/api/stories/{story.slug}/new.json?since=2000-01-01T00:00:00%2B00:00",
            f"/stories/{story.slug}/new/?since=2000-01-01T00:00:00%2B00:00"]  # fmt: skip
    for url in urls:
        assert client.get(url).status_code == 302, url
    settings.STORYLINE_PUBLIC = True
    for url in urls:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("size", [(20, 60), (300, 1500)])
def test_query_counts_do_not_grow_with_the_story(reader, django_assert_max_num_queries, size) -> None:
    story = generate(f"q{size[0]}", *size)
    article = story.articles.first()
    person = Person.objects.filter(claims__story=story).first()
    urls = [f"/stories/{story.slug}/", f"/stories/{story.slug}/?page=2&order=oldest",
            f"/stories/{story.slug}/?speaker={person.slug}", f"/stories/{story.slug}/?q=Sperrungen&type=direct",
            f"/api/stories/{story.slug}/timeline.json", f"/stories/{story.slug}/feed.atom",
            f"/stories/{story.slug}/timelinejs.json", f"/articles/{article.pk}/diff/?from=1&to=3",
            f"/people/{person.slug}/", "/"]  # fmt: skip
    for url in urls:
        clear_caches()
        with django_assert_max_num_queries(MAX_QUERIES):
            assert reader.get(url).status_code == 200, url


def test_timeline_shows_what_changed_and_filters(reader) -> None:
    story = generate("w", 30, 90)
    page = reader.get(f"/stories/{story.slug}/").content.decode()
    assert "What changed" in page and "Headline changed" in page and 'class="chip"' in page
    assert 'type="application/ld+json"' in page and '"LiveBlogPosting"' in page
    speaker = Person.objects.filter(claims__story=story).first()
    filtered = reader.get(f"/stories/{story.slug}/?speaker={speaker.slug}").content.decode()
    expected = Update.objects.filter(claims__person=speaker).distinct().count()
    assert f"{expected} update" in filtered
    kinds = reader.get(f"/stories/{story.slug}/?kind=editor").content.decode()
    assert "No updates match." in kinds


def test_search_finds_words_in_update_text(reader) -> None:
    story = generate("f", 10, 10)
    update = Update.objects.filter(story=story).first()
    update.text = "Der Fährmann über die Auen ist gesperrt."
    update.save()
    body = reader.get(f"/stories/{story.slug}/?q=Fährmann").content.decode()
    assert f'id="update-{update.pk}"' in body and "1 update matches" in body


def test_json_api_documents_updates_with_claims(reader) -> None:
    story = generate("j", 12, 36)
    data = json.loads(reader.get(f"/api/stories/{story.slug}/timeline.json?per_page=5").content)
    assert data["count"] == 12 and data["pages"] == 3 and data["next"].endswith("page=2&per_page=5")
    update = data["updates"][0]
    assert set(update) >= {"id", "kind", "label", "sort_time", "text", "article", "claims", "first_seen_version"}
    claim = update["claims"][0]
    assert claim["speaker"]["person"]["url"].startswith("/people/")
    assert update["text"][claim["start"] : claim["end"]] == claim["text"]


def test_timelinejs_export_has_one_event_per_update(reader) -> None:
    story = generate("t", 9, 9)
    data = json.loads(reader.get(f"/stories/{story.slug}/timelinejs.json").content)
    assert len(data["events"]) == 9
    event = data["events"][0]
    assert set(event["start_date"]) >= {"year", "month", "day", "hour", "minute"}
    assert event["group"] and event["unique_id"].startswith("update-") and event["text"]["headline"]


def test_atom_entry_id_changes_when_an_update_is_edited(reader) -> None:
    story = generate("a", 4, 4)
    feed = reader.get(f"/stories/{story.slug}/feed.atom").content.decode()
    assert feed.count("<entry>") == 4
    update = Update.objects.filter(story=story).order_by("-sort_time").first()
    update.text += " Korrigiert."
    update.save()
    edited = reader.get(f"/stories/{story.slug}/feed.atom").content.decode()
    old_ids = {line for line in feed.split("<id>") if line.startswith(f"urn:storyline:update:{update.pk}:")}
    new_ids = {line for line in edited.split("<id>") if line.startswith(f"urn:storyline:update:{update.pk}:")}
    assert old_ids and new_ids and old_ids != new_ids


def test_diff_page_steps_and_folds(reader) -> None:
    story = generate("d", 30, 30)
    article = story.articles.first()
    body = reader.get(f"/articles/{article.pk}/diff/?from=1&to=2").content.decode()
    assert "<ins>" in body and "Next version" in body and "Previous version" not in body
    assert reader.get(f"/articles/{article.pk}/diff/?from=x&to=99").status_code == 200  # bad input: defaults
    assert reader.get("/articles/999999/diff/").status_code == 404


def test_live_endpoints(reader) -> None:
    story = generate("l", 4, 4)
    assert reader.get(f"/api/stories/{story.slug}/new.json?since=nonsense").status_code == 400
    data = json.loads(reader.get(f"/api/stories/{story.slug}/new.json?since=2000-01-01T00:00:00%2B00:00").content)
    assert data["count"] == 4
    fragment = reader.get(f"/stories/{story.slug}/new/?since=2000-01-01T00:00:00%2B00:00").content.decode()
    assert fragment.count('class="card ') == 4


def test_person_page_lists_claims_and_aliases(reader) -> None:
    generate("p", 10, 30)
    person = Person.objects.filter(claims__isnull=False).first()
    body = reader.get(f"/people/{person.slug}/").content.decode()
    assert person.aliases.first().name in body
    assert body.count('class="claim-item') == Claim.objects.filter(person=person).count()


def test_story_list_counts_and_search(reader) -> None:
    story = generate("c", 6, 12)
    body = reader.get("/").content.decode()
    assert story.title in body and "6 updates" in body and "12 claims" in body and "4 articles" in body
    assert story.title not in reader.get("/?q=nothing-like-this").content.decode()


def test_csp_forbids_inline_script(reader) -> None:
    response = reader.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_german_interface(reader) -> None:
    story = generate("g", 4, 4)
    body = reader.get(f"/stories/{story.slug}/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert 'lang="de"' in body and "Was sich geändert hat" in body


def test_versions_and_articles_exist_for_the_contract_sizes() -> None:
    story = generate("z", 40, 200)
    assert Article.objects.filter(story=story).count() == 4
    assert Version.objects.filter(article__story=story).count() == 12
    assert Update.objects.filter(story=story).count() == 40 and Claim.objects.filter(story=story).count() == 200


def test_cached_cards_follow_edits_and_are_escaped_once(reader) -> None:
    story = generate("e", 4, 4)
    update = Update.objects.filter(story=story).order_by("-sort_time").first()
    first = reader.get(f"/stories/{story.slug}/").content.decode()
    assert reader.get(f"/stories/{story.slug}/").content.decode().count('class="card ') == first.count('class="card ')
    update.text = "Neu: <b>fett</b> & mehr."
    update.save()
    body = reader.get(f"/stories/{story.slug}/").content.decode()
    assert "Neu: &lt;b&gt;fett&lt;/b&gt; &amp; mehr." in body and "&amp;lt;" not in body


def test_query_counts_are_the_same_for_a_small_and_a_big_story(reader) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for slug, updates, claims in (("small", 40, 80), ("big", 400, 2000)):
        story = generate(slug, updates, claims)
        person = Person.objects.filter(claims__story=story).first()
        paths = {"timeline": f"/stories/{slug}/", "speaker": f"/stories/{slug}/?speaker={person.slug}",
                 "api": f"/api/stories/{slug}/timeline.json", "diff": f"/articles/{story.articles.first().pk}/diff/",
                 "person": f"/people/{person.slug}/", "feed": f"/stories/{slug}/feed.atom"}  # fmt: skip
        for name, path in paths.items():
            clear_caches()
            with CaptureQueriesContext(connection) as queries:
                assert reader.get(path).status_code == 200
            counts[(slug, name)] = len(queries)
    for name in ("api", "diff", "person", "feed"):
        assert counts[("small", name)] == counts[("big", name)] <= MAX_QUERIES, (name, counts)
    # A timeline page adds one lookup when it shows claims that disappeared (the big story's pages do).
    for name in ("timeline", "speaker"):
        assert counts[("big", name)] - counts[("small", name)] in (0, 1), (name, counts)
        assert counts[("big", name)] <= MAX_QUERIES


def test_unnamed_speaker_is_shown_by_role(reader) -> None:
    story = generate("u", 6, 12)
    claim = Claim.objects.filter(update__article__story=story).first()
    Claim.objects.filter(pk=claim.pk).update(person=None, speaker_name="", role="Sprecher der Wasserwacht")
    clear_caches()
    page = reader.get(f"/stories/{story.slug}/").content.decode()
    assert '<span class="chip chip-unresolved">Sprecher der Wasserwacht</span>' in page
