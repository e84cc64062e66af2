"""Editors correct claims; a correction survives re-analysis and later versions; the trail sits next to the claim."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import AuditEntry, Claim
from articles.services.articles import article_import_text
from articles.services.editorial import claim_correct, claim_create_by_editor, update_create_by_editor
from articles.services.versions import article_reanalyze
from tests.admin.forms import change_form_data
from tests.factories import PersonFactory, StoryFactory

pytestmark = pytest.mark.django_db

URL = "https://auentaler-bote.example/region/deich"
V1 = """date 2026-03
Deich bei Auenstedt hält vorerst

Von: Lena Albrecht

Die Deiche an der Auen halten, die Lage bleibt aber angespannt.

Erstmeldung vom 14. März, 06.40 Uhr: Auenstedt – Der Pegel steigt weiter. \
„Wir rechnen mit dem Scheitel am Sonntagabend“, sagte Bürgermeisterin Katrin Vogel. \
Die Uferstraße ist gesperrt.
"""
V2 = V1.replace(
    "Die Deiche an der Auen halten, die Lage bleibt aber angespannt.\n",
    "Die Deiche an der Auen halten, die Lage bleibt aber angespannt.\n\n"
    "Update vom 14. März, 11.20 Uhr: Die Feuerwehr verstärkt den Deich. „Wir brauchen jede helfende Hand am Ufer“, "
    "sagte Einsatzleiter Malte Kern.\n",
)
QUOTE = "Wir rechnen mit dem Scheitel am Sonntagabend"


def _claim_of(quote: str) -> Claim:
    return Claim.objects.get(text=quote)


def test_correction_survives_reanalysis_and_a_new_version(editor) -> None:
    article_import_text(text=V1, url=URL, story=StoryFactory())
    claim = _claim_of(QUOTE)
    engine_speaker = claim.speaker_name
    assert engine_speaker  # the engine resolved somebody; the editor disagrees
    spokesperson = PersonFactory(name="Pressestelle der Stadt Auenstedt")
    start = claim.update.text.index("Scheitel")
    claim_correct(
        user=editor,
        claim=claim,
        person=spokesperson,
        type="indirect",
        start=start,
        end=start + len("Scheitel am Sonntagabend"),
        verification="disputed",
        verification_note="Die Stadt nennt Montagmorgen.",
    )

    def assert_corrected() -> None:
        row = Claim.objects.get(pk=claim.pk)
        assert row.is_corrected and row.person == spokesperson and row.speaker_name == spokesperson.name
        assert (row.type, row.text) == ("indirect", "Scheitel am Sonntagabend")
        assert (row.verification, row.verification_note) == ("disputed", "Die Stadt nennt Montagmorgen.")
        assert row.status == "current"

    assert_corrected()
    article = claim.update.article
    result = article_import_text(text=V2, url=URL)
    assert result.outcome == "created" and result.version.number == 2
    assert_corrected()
    assert _claim_of("Wir brauchen jede helfende Hand am Ufer").last_seen_version == result.version

    # Re-analysis does rewrite claims nobody corrected: vandalise one, it comes back.
    count = Claim.objects.filter(update__article=article).count()
    Claim.objects.filter(text="Wir brauchen jede helfende Hand am Ufer").update(speaker_name="falsch", type="reported")
    assert article_reanalyze(article=article) == 2
    assert_corrected()
    restored = _claim_of("Wir brauchen jede helfende Hand am Ufer")
    assert restored.speaker_name != "falsch" and restored.type == "direct"
    assert Claim.objects.filter(update__article=article).count() == count  # matched, not duplicated


def test_correcting_through_the_admin_records_field_level_changes(editor, editor_client) -> None:
    update = update_create_by_editor(
        user=editor, story=StoryFactory(), text="„Die Brücke bleibt bis Montag gesperrt“, sagte Katrin Vogel."
    )
    claim = update.claims.get()
    katrin, other = claim.person, PersonFactory(name="Jonas Brenner")
    url = reverse("admin:articles_claim_change", args=[claim.pk])
    data = change_form_data(editor_client.get(url))
    data |= {"person": str(other.pk), "verification": "verified", "verification_note": "Beim Amt nachgefragt."}
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    claim.refresh_from_db()
    assert claim.is_corrected and claim.person == other and claim.speaker_name == "Jonas Brenner"
    entry = AuditEntry.objects.get(content_type__model="claim", object_id=claim.pk, action="change")
    assert entry.user == editor
    assert entry.changes["person"] == {
        "before": f"Katrin Vogel (#{katrin.pk})",
        "after": f"Jonas Brenner (#{other.pk})",
    }
    assert entry.changes["verification"] == {"before": "unverified", "after": "verified"}
    assert entry.changes["speaker_name"] == {"before": "Katrin Vogel", "after": "Jonas Brenner"}
    assert set(entry.changes) == {"person", "speaker_name", "verification", "verification_note"}

    page = editor_client.get(url).content.decode()
    trail = page[page.index('id="audit-trail"') :]
    assert "erika" in trail and "Beim Amt nachgefragt." in trail and "Katrin Vogel" in trail
    history = editor_client.get(reverse("admin:articles_claim_history", args=[claim.pk])).content.decode()
    assert 'id="audit-trail"' in history and "Jonas Brenner" in history


def test_span_is_validated_against_the_update_text(editor, editor_client) -> None:
    update = update_create_by_editor(user=editor, story=StoryFactory(), text="„Kurz und wichtig gesagt“, sagte Kern.")
    claim = update.claims.get()
    url = reverse("admin:articles_claim_change", args=[claim.pk])
    data = change_form_data(editor_client.get(url)) | {"start": "5", "end": "500"}
    response = editor_client.post(url, data)
    assert response.status_code == 200 and "end" in response.context["adminform"].form.errors
    claim.refresh_from_db()
    assert not claim.is_corrected and claim.end != 500
    assert not AuditEntry.objects.filter(content_type__model="claim").exists()
    with pytest.raises(ValidationError):
        claim_correct(user=editor, claim=claim, start=10, end=3)


def test_span_change_rereads_the_text(editor) -> None:
    update = update_create_by_editor(user=editor, story=StoryFactory(), text="„Kurz und wichtig gesagt“, sagte Kern.")
    claim = claim_correct(user=editor, claim=update.claims.get(), start=1, end=5)
    assert claim.text == "Kurz" and claim.spans == [[1, 5]] and claim.is_corrected


def test_a_correction_that_changes_nothing_is_not_recorded(editor) -> None:
    update = update_create_by_editor(user=editor, story=StoryFactory(), text="„Kurz und wichtig gesagt“, sagte Kern.")
    claim = update.claims.get()
    claim_correct(user=editor, claim=claim, type=claim.type, verification=claim.verification)
    claim.refresh_from_db()
    assert not claim.is_corrected
    assert not AuditEntry.objects.filter(content_type__model="claim").exists()


def test_unknown_choices_are_refused(editor) -> None:
    update = update_create_by_editor(user=editor, story=StoryFactory(), text="„Kurz und wichtig gesagt“, sagte Kern.")
    with pytest.raises(ValidationError):
        claim_correct(user=editor, claim=update.claims.get(), verification="probably")


def test_claims_can_be_corrected_inline_on_the_update(editor, editor_client) -> None:
    update = update_create_by_editor(
        user=editor, story=StoryFactory(), text="„Die Brücke bleibt bis Montag gesperrt“, sagte Katrin Vogel."
    )
    claim = update.claims.get()
    url = reverse("admin:articles_update_change", args=[update.pk])
    data = change_form_data(editor_client.get(url))
    data["claims-0-verification"] = "false"
    data["claims-0-verification_note"] = "Die Brücke ist seit gestern offen."
    response = editor_client.post(url, data)
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.verification == "false" and claim.is_corrected
    entry = AuditEntry.objects.get(content_type__model="claim", object_id=claim.pk)
    assert entry.changes["verification"] == {"before": "unverified", "after": "false"}


def test_an_editor_adds_a_claim_the_engine_missed(editor, editor_client) -> None:
    text = "Der Landrat kündigte an, die Schulen blieben am Montag geschlossen."
    update = update_create_by_editor(user=editor, story=StoryFactory(), text=text)
    engine_found = set(update.claims.values_list("pk", flat=True))  # whatever the engine makes of it
    person = PersonFactory(name="Landrat Udo Seibel")
    start = text.index("die Schulen")
    response = editor_client.post(
        reverse("admin:articles_claim_add"),
        {
            "update": update.pk,
            "type": "indirect",
            "start": start,
            "end": len(text) - 1,
            "person": person.pk,
            "verification": "verified",
            "verification_note": "Pressemitteilung des Kreises.",
        },
    )
    assert response.status_code == 302
    claim = update.claims.exclude(pk__in=engine_found).get()
    assert claim.text == "die Schulen blieben am Montag geschlossen" and claim.is_corrected and claim.person == person
    assert AuditEntry.objects.filter(content_type__model="claim", object_id=claim.pk, action="create").exists()


def test_claim_create_checks_the_span(editor) -> None:
    update = update_create_by_editor(user=editor, story=StoryFactory(), text="Kurzer Text.")
    with pytest.raises(ValidationError):
        claim_create_by_editor(user=editor, update=update, start=0, end=99)
