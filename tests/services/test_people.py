"""Speakers become people once, whoever meets them first."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from articles.models import Person, PersonAlias
from articles.services.people import people_for_names
from tests.factories import PersonFactory


@pytest.mark.django_db
def test_names_and_aliases_resolve_case_insensitively() -> None:
    peskow = PersonFactory(name="Dmitri Peskow", slug="dmitri-peskow")
    PersonAlias.objects.create(person=peskow, name="Dmitri S. Peskow")
    found = people_for_names(
        names=["dmitri peskow", "Dmitri S. Peskow", "Katrin Vogel"], roles={"Katrin Vogel": "Bürgermeisterin"}
    )
    assert found["dmitri peskow"] == peskow
    assert found["Dmitri S. Peskow"] == peskow
    assert found["Katrin Vogel"].role == "Bürgermeisterin"
    assert Person.objects.count() == 2


@pytest.mark.django_db
def test_a_second_person_with_the_same_slug_gets_a_suffix() -> None:
    PersonFactory(name="Katrin Vögel", slug="katrin-vogel")
    found = people_for_names(names=["Katrin Vogel"])
    assert found["Katrin Vogel"].slug == "katrin-vogel-2"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_workers_meeting_new_speakers_at_once_make_one_person_each() -> None:
    names = [f"Jonas Brenner {n}" for n in range(8)]
    barrier = threading.Barrier(4)
    results: list[dict[str, int]] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait(timeout=10)
            found = people_for_names(names=names)
            results.append({name: person.pk for name, person in found.items()})
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert len(results) == 4 and all(result == results[0] for result in results)
    assert Person.objects.filter(name__startswith="Jonas Brenner").count() == len(names)
