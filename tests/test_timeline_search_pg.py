"""German full-text search on PostgreSQL: stemming works and the GIN index of 0002_timeline serves it."""

from __future__ import annotations

import pytest
from django.db import connection

from articles.models import Update
from articles.selectors.timeline import search_updates
from tests.factories import UpdateFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_german_stemming_finds_inflected_words() -> None:
    hit = UpdateFactory(text="Die Deiche an der Mühleninsel wurden verstärkt.")
    UpdateFactory(text="Der Bahnverkehr ruht.")
    found = list(search_updates(Update.objects.all(), "Deich Mühleninsel"))
    assert found == [hit]


def test_search_uses_the_gin_index() -> None:
    UpdateFactory(text="Der Pegel steigt.")
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
    plan = search_updates(Update.objects.all(), "Pegel").explain()
    assert "articles_update_text_search_de" in plan
