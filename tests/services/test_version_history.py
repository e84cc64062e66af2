"""A live article's history stays true: midnight, reverts, re-analysis, editors' claims, caches."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from articles.models import Claim, Update
from articles.selectors.facts import story_stamp
from articles.services.articles import article_import_text
from articles.services.editorial import claim_create_by_editor, person_claims_renamed
from articles.services.versions import article_reanalyze
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parents[2] / "articles" / "sample_data"
URL = "https://auental-tv.example/live/nacht"
HEAD = "date 2026-03-14 Liveticker: Die Nacht an der Auen\n\nVon: Tarek Sommer\n\n"
ENTRIES = {
    "00.15": "00.15 Uhr: Der Pegel sinkt erstmals leicht.\n\n",
    "23.50": "23.50 Uhr: Die Feuerwehr meldet ruhige Lage an der Mühleninsel.\n\n",
    "18.30": "18.30 Uhr: „Wir halten die Deiche“, sagte Landrat Peter Hollmann.\n\n",
}


def _ticker(*times: str) -> str:
    return HEAD + "".join(ENTRIES[time] for time in times)


def test_a_ticker_crossing_midnight_keeps_its_updates() -> None:
    article_import_text(text=_ticker("23.50", "18.30"), url=URL)
    article_import_text(text=_ticker("00.15", "23.50", "18.30"), url=URL)
    entries = Update.objects.filter(kind="entry")
    assert sorted(entries.values_list("label", flat=True)) == ["00.15 Uhr", "18.30 Uhr", "23.50 Uhr"]
    assert not entries.filter(status="removed").exists()
    assert Claim.objects.filter(text__startswith="Wir halten").count() == 1


def test_a_page_reverted_to_an_earlier_state_marks_the_later_update_removed() -> None:
    article_import_text(text=_ticker("23.50", "18.30"), url=URL)
    article_import_text(text=_ticker("00.15", "23.50", "18.30"), url=URL)
    result = article_import_text(text=_ticker("23.50", "18.30"), url=URL)
    assert result.outcome == "reverted" and result.version.number == 1
    assert Update.objects.get(label="00.15 Uhr").status == "removed"
    assert Update.objects.get(label="23.50 Uhr").status == "current"


def _import_sample_story() -> None:
    url = "https://auentaler-bote.example/region/hochwasser-auenstedt"
    for name in ("hochwasser_v1.txt", "hochwasser_v2.txt", "hochwasser_v3.txt"):
        article_import_text(text=(SAMPLE / name).read_text(encoding="utf-8"), url=url, story=StoryFactory())


def test_reanalysis_replays_history_without_counting_rewrites_again() -> None:
    _import_sample_story()
    before = list(Update.objects.order_by("pk").values_list("revision", "status", "last_seen_version", "text"))
    article = Update.objects.first().article
    for _ in range(2):
        article_reanalyze(article=article)
    after = list(Update.objects.order_by("pk").values_list("revision", "status", "last_seen_version", "text"))
    assert after == before
    assert any(revision == 2 for revision, *_ in after)


def test_a_claim_an_editor_added_is_recognised_by_the_engine(django_user_model) -> None:
    _import_sample_story()
    update = Update.objects.get(label="Update vom 14. März, 16.05 Uhr")
    sentence = "Die Turnhalle des Auengymnasiums steht als Notunterkunft bereit."
    start = update.text.index(sentence)
    Claim.objects.filter(update=update, text__contains="Turnhalle").delete()
    editor = django_user_model.objects.create(username="redaktion")
    added = claim_create_by_editor(user=editor, update=update, start=start, end=start + len(sentence) - 1)
    article_reanalyze(article=update.article)
    assert Claim.objects.filter(update=update, text__contains="Turnhalle").count() == 1
    added.refresh_from_db()
    assert added.is_corrected


def test_a_headline_only_version_and_a_renamed_person_change_the_story_stamp() -> None:
    _import_sample_story()
    update = Update.objects.exclude(story=None).first()
    story = update.story
    stamp = story_stamp(story)
    v3 = (SAMPLE / "hochwasser_v3.txt").read_text(encoding="utf-8")
    article_import_text(text=v3.replace("Evakuierung der Altstadt", "Altstadt wird geräumt", 1), url=update.article.url)
    assert story_stamp(story) != stamp
    stamp = story_stamp(story)
    person = Claim.objects.exclude(person=None).first().person
    person.name = "Katrin Vogel-Brandt"
    person.save()
    assert person_claims_renamed(person=person) >= 1
    assert story_stamp(story) != stamp
    assert set(Claim.objects.filter(person=person).values_list("speaker_name", flat=True)) == {"Katrin Vogel-Brandt"}


def test_the_diff_page_follows_re_extracted_text(settings) -> None:
    settings.STORYLINE_PUBLIC = True
    _import_sample_story()
    article = Update.objects.first().article
    page = Client().get(f"/articles/{article.pk}/diff/?from=1&to=2")
    assert page.status_code == 200 and "300 Helferinnen" in page.content.decode()
    v2 = article.versions.get(number=2)
    v2.text = v2.text.replace("300 Helferinnen", "350 Helferinnen")
    v2.content_hash = "re-extracted"
    v2.save()
    page = Client().get(f"/articles/{article.pk}/diff/?from=1&to=2")
    assert "350 Helferinnen" in page.content.decode()
