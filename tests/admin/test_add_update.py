"""An editor adds an update by hand: claims are extracted, shown for review, and it is on the timeline."""

from __future__ import annotations

from datetime import UTC, datetime
from unittest import mock

import pytest
from django.urls import reverse

from articles.models import AuditEntry, Claim, Update
from articles.services.editorial import claim_correct, update_create_by_editor, update_edit_by_editor
from tests.admin.forms import change_form_data
from tests.factories import ArticleFactory, PersonFactory, StoryFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_update_add")
TEXT = (
    "Die Stadt öffnet eine zweite Notunterkunft in der Turnhalle am Markt. "
    "„Niemand muss heute Nacht im Keller schlafen“, sagte Katrin Vogel. Das Rote Kreuz bringt Decken."
)
QUOTE = "Niemand muss heute Nacht im Keller schlafen"


def _post_data(story_id: int, **overrides: str) -> dict[str, str]:
    data = {
        "story": str(story_id),
        "article": "",
        "timestamp_0": "2026-03-14",
        "timestamp_1": "15:05",
        "kind": "update",
        "label": "Zweite Notunterkunft öffnet",
        "text": TEXT.replace("\n", "\r\n"),
    }
    return data | overrides


def test_add_form_defaults_to_now_in_the_story_zone(editor_client) -> None:
    story = StoryFactory(time_zone="America/New_York")
    frozen = datetime(2026, 3, 14, 10, 0, tzinfo=UTC)  # 06:00 in New York (EDT)
    with mock.patch("django.utils.timezone.now", return_value=frozen):
        response = editor_client.get(f"{ADD_URL}?story={story.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="timestamp_0" value="2026-03-14"' in html
    assert 'name="timestamp_1" value="06:00:00"' in html
    assert "America/New_York" in html


def test_add_from_an_article_prefills_its_story(editor_client) -> None:
    article = ArticleFactory()
    response = editor_client.get(f"{ADD_URL}?article={article.pk}")
    assert response.context["adminform"].form.initial["story"] == article.story_id


def test_adding_an_update_extracts_claims_and_puts_it_on_the_timeline(editor, editor_client) -> None:
    story = StoryFactory(time_zone="Europe/Berlin")
    response = editor_client.post(f"{ADD_URL}?story={story.pk}", _post_data(story.pk))
    update = Update.objects.get(label="Zweite Notunterkunft öffnet")
    assert response.status_code == 302 and response["Location"] == reverse(
        "admin:articles_update_change", args=[update.pk]
    )
    assert update.origin == "editor" and update.created_by == editor and update.story == story
    assert update.text == TEXT  # CRLF from the browser normalised, offsets stay valid
    assert update.timestamp == datetime(2026, 3, 14, 14, 5, tzinfo=UTC)  # 15:05 Berlin (CET)
    assert update.sort_time == update.timestamp
    claim = Claim.objects.get(update=update)
    assert claim.text == QUOTE and update.text[claim.start : claim.end] == QUOTE
    assert claim.person is not None and claim.person.name == "Katrin Vogel"
    assert claim.story == story and not claim.is_corrected

    review = editor_client.get(response["Location"])
    assert "1 claim was found" in review.content.decode()
    assert QUOTE in review.content.decode() and "claims-group" in review.content.decode()

    timeline = editor_client.get(story.get_absolute_url()).content.decode()
    assert f'id="update-{update.pk}"' in timeline and "Zweite Notunterkunft öffnet" in timeline

    entry = AuditEntry.objects.get(object_id=update.pk, content_type__model="update")
    assert entry.action == "create" and entry.user == editor and entry.user_name == "erika"
    assert entry.changes["text"] == {"before": None, "after": TEXT}


def test_time_is_read_in_the_story_zone(editor_client) -> None:
    story = StoryFactory(time_zone="Asia/Tokyo")
    editor_client.post(f"{ADD_URL}?story={story.pk}", _post_data(story.pk, timestamp_1="09:30"))
    assert Update.objects.get().timestamp == datetime(2026, 3, 14, 0, 30, tzinfo=UTC)


def test_an_update_needs_a_story_and_a_text(editor_client) -> None:
    response = editor_client.post(ADD_URL, _post_data(0, story="", text="  "))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "story" in errors and "text" in errors
    assert not Update.objects.exists()


def test_article_of_another_story_is_refused(editor_client) -> None:
    story, article = StoryFactory(), ArticleFactory()
    response = editor_client.post(ADD_URL, _post_data(story.pk, article=str(article.pk)))
    assert "article" in response.context["adminform"].form.errors
    assert not Update.objects.exists()


def test_editing_the_text_re_extracts_claims_and_keeps_corrections(editor, editor_client) -> None:
    story = StoryFactory()
    update = update_create_by_editor(user=editor, story=story, text=TEXT, heading="Notunterkunft")
    claim = update.claims.get()
    brenner = PersonFactory(name="Jonas Brenner")
    claim_correct(user=editor, claim=claim, person=brenner, verification="verified")
    url = reverse("admin:articles_update_change", args=[update.pk])
    data = change_form_data(editor_client.get(url))
    data["text"] = TEXT + " „Wir haben genug Feldbetten für alle da“, sagte Malte Kern."
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    claims = {c.text: c for c in Claim.objects.filter(update=update)}
    assert set(claims) == {QUOTE, "Wir haben genug Feldbetten für alle da"}
    kept = claims[QUOTE]
    assert kept.pk == claim.pk and kept.person == brenner and kept.verification == "verified"
    assert claims["Wir haben genug Feldbetten für alle da"].person.name == "Malte Kern"
    change = AuditEntry.objects.filter(content_type__model="update", object_id=update.pk, action="change").get()
    assert set(change.changes) == {"text"}


def test_removing_a_quote_from_the_text_marks_its_claim_removed(editor) -> None:
    update = update_create_by_editor(user=editor, story=StoryFactory(), text=TEXT)
    update_edit_by_editor(user=editor, update=update, text="Das Rote Kreuz bringt Decken.")
    assert update.claims.get().status == "removed"


def test_unchanged_save_records_nothing(editor, editor_client) -> None:
    update = update_create_by_editor(user=editor, story=StoryFactory(), text=TEXT)
    url = reverse("admin:articles_update_change", args=[update.pk])
    with mock.patch("django.utils.timezone.now", return_value=update.timestamp):
        data = change_form_data(editor_client.get(url))
    editor_client.post(url, data)
    assert not AuditEntry.objects.filter(action="change").exists()


def test_ingested_update_text_is_read_only(editor_client) -> None:
    update = Update.objects.create(
        article=ArticleFactory(), story=StoryFactory(), text="Aus dem Artikel.", sort_time=datetime.now(UTC), key="k"
    )
    response = editor_client.get(reverse("admin:articles_update_change", args=[update.pk]))
    form = response.context["adminform"].form
    assert "text" not in form.fields and "Aus dem Artikel." in response.content.decode()


def test_editor_updates_on_an_article_survive_new_versions_and_reanalysis(editor) -> None:
    from articles.services.articles import article_import_text
    from articles.services.versions import article_reanalyze

    url = "https://auentaler-bote.example/live"
    text = (
        "date 2026-03\nLiveblog Auenstedt\n\nVon: Lena Albrecht\n\nUpdate vom 14. März, 09.00 Uhr: Der Pegel steigt.\n"
    )
    story = StoryFactory()
    article = article_import_text(text=text, url=url, story=story).version.article
    ours = [
        update_create_by_editor(user=editor, story=story, article=article, text=TEXT, heading=f"Eigene Meldung {n}")
        for n in (1, 2)  # two keyless updates on one article: allowed by the constraint
    ]
    article_import_text(text=text + "\nUpdate vom 14. März, 10.00 Uhr: Er steigt weiter.\n", url=url)
    article_reanalyze(article=article)
    for update in ours:
        update.refresh_from_db()
        assert update.status == "current" and update.origin == "editor" and update.text == TEXT
        assert update.claims.get().status == "current"
    assert Update.objects.filter(article=article, origin="ingested").count() >= 2


def test_a_new_speaker_can_be_created_from_the_claim_form(editor_client) -> None:
    response = editor_client.post(
        reverse("admin:articles_person_add") + "?_to_field=id&_popup=1",
        {
            "name": "Malte Kern",
            "role": "Feuerwehrsprecher",
            "slug": "malte-kern",
            "_popup": "1",
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
            "aliases-MIN_NUM_FORMS": "0",
            "aliases-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200 and "popup_response" in response.templates[0].name
    assert (
        AuditEntry.objects.get(content_type__model="person", action="create").changes["name"]["after"] == "Malte Kern"
    )
