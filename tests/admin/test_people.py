"""Merging two entries for the same person: names become aliases, claims move, the trail records it."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import AuditEntry, Claim, Person, PersonAlias
from articles.services.editorial import people_merge
from articles.services.people import people_for_names
from tests.factories import ClaimFactory, PersonFactory

pytestmark = pytest.mark.django_db
LIST = reverse("admin:articles_person_changelist")


@pytest.fixture
def two_peskows() -> tuple[Person, Person]:
    keep = PersonFactory(name="Dmitri Peskow", role="Kreml-Sprecher")
    PersonAlias.objects.create(person=keep, name="Peskow")
    dupe = PersonFactory(name="Dmitrij Peskow")
    PersonAlias.objects.create(person=dupe, name="Kremlsprecher Peskow")
    PersonAlias.objects.create(person=dupe, name="peskow")  # already known to keep, case-insensitively
    for person in (keep, dupe, dupe):
        ClaimFactory(person=person, speaker_name=person.name)
    return keep, dupe


def test_merge_moves_claims_and_names(editor, two_peskows) -> None:
    keep, dupe = two_peskows
    dupe_id = dupe.pk
    result = people_merge(user=editor, target=keep, others=[dupe])
    assert (result.merged, result.claims_moved, result.aliases_added) == (1, 2, 2)
    assert not Person.objects.filter(pk=dupe_id).exists()
    assert sorted(keep.aliases.values_list("name", flat=True)) == ["Dmitrij Peskow", "Kremlsprecher Peskow", "Peskow"]
    assert Claim.objects.filter(person=keep).count() == 3
    assert set(Claim.objects.values_list("speaker_name", flat=True)) == {"Dmitri Peskow"}
    # Re-analysis resolves the old name to the person kept, through the new alias.
    assert people_for_names(names=["Dmitrij Peskow"])["Dmitrij Peskow"] == keep

    merges = AuditEntry.objects.filter(action="merge")
    assert merges.filter(content_type__model="claim").count() == 2
    claim_entry = merges.filter(content_type__model="claim").first()
    assert claim_entry.changes["person"] == {
        "before": f"Dmitrij Peskow (#{dupe_id})",
        "after": f"Dmitri Peskow (#{keep.pk})",
    }
    assert "Dmitrij Peskow" in merges.get(content_type__model="person").note
    assert AuditEntry.objects.get(action="delete", object_id=dupe_id).user == editor


def test_merge_needs_another_person(editor) -> None:
    keep = PersonFactory()
    with pytest.raises(ValidationError):
        people_merge(user=editor, target=keep, others=[keep])


def test_merge_action_asks_which_one_to_keep(editor_client, two_peskows) -> None:
    keep, dupe = two_peskows
    selected = {"action": "merge", ACTION_CHECKBOX_NAME: [keep.pk, dupe.pk]}
    page = editor_client.post(LIST, selected)
    assert page.status_code == 200
    html = page.content.decode()
    assert f'name="target" value="{keep.pk}"' in html and "Kremlsprecher Peskow" in html
    assert Person.objects.count() == 2

    done = editor_client.post(LIST, selected | {"confirm": "yes", "target": keep.pk}, follow=True)
    assert "2 claims moved" in done.content.decode()
    assert list(Person.objects.all()) == [keep]


def test_merge_action_needs_two_people(editor_client, two_peskows) -> None:
    keep, _ = two_peskows
    response = editor_client.post(LIST, {"action": "merge", ACTION_CHECKBOX_NAME: [keep.pk]}, follow=True)
    assert "at least two" in response.content.decode()
    assert Person.objects.count() == 2


def test_journalist_cannot_merge(journalist_client, two_peskows) -> None:
    keep, dupe = two_peskows
    data = {"action": "merge", ACTION_CHECKBOX_NAME: [keep.pk, dupe.pk], "confirm": "yes", "target": keep.pk}
    journalist_client.post(LIST, data)
    assert Person.objects.count() == 2


def test_alias_changes_are_recorded_on_the_person(editor, editor_client) -> None:
    person = PersonFactory(name="Katrin Vogel")
    url = reverse("admin:articles_person_change", args=[person.pk])
    data = {
        "name": "Katrin Vogel",
        "role": "Bürgermeisterin",
        "slug": person.slug,
        "aliases-TOTAL_FORMS": "1",
        "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
        "aliases-0-name": "Bürgermeisterin Vogel",
        "aliases-0-id": "",
        "aliases-0-person": str(person.pk),
    }
    assert editor_client.post(url, data).status_code == 302
    entries = {tuple(sorted(e.changes)): e for e in AuditEntry.objects.filter(content_type__model="person")}
    assert entries[("role",)].changes["role"] == {"before": "", "after": "Bürgermeisterin"}
    assert entries[("aliases",)].changes["aliases"] == {"before": [], "after": ["Bürgermeisterin Vogel"]}


def test_history_page_labels_fields_by_their_names(editor_client) -> None:
    person = PersonFactory(name="Katrin Vogel")
    url = reverse("admin:articles_person_change", args=[person.pk])
    data = {
        **{"name": "Katrin Vogel", "role": "Bürgermeisterin", "slug": person.slug},
        **{"aliases-TOTAL_FORMS": "1", "aliases-INITIAL_FORMS": "0", "aliases-MIN_NUM_FORMS": "0"},
        **{"aliases-MAX_NUM_FORMS": "1000", "aliases-0-name": "K. Vogel", "aliases-0-id": ""},
    }
    editor_client.post(url, data)
    history = editor_client.get(reverse("admin:articles_person_history", args=[person.pk])).content.decode()
    trail = history[history.index('id="audit-trail"') :]
    assert "<b>role</b>" in trail and "<b>aliases</b>" in trail and "K. Vogel" in trail


def test_claim_count_links_to_the_persons_claims(editor_client, two_peskows) -> None:
    _, dupe = two_peskows
    html = editor_client.get(LIST).content.decode()
    link = f"{reverse('admin:articles_claim_changelist')}?person__id__exact={dupe.pk}"
    assert f'href="{link}"' in html
    claims = editor_client.get(link)
    assert claims.status_code == 200 and {c.person_id for c in claims.context["cl"].result_list} == {dupe.pk}
    assert len(claims.context["cl"].result_list) == 2
