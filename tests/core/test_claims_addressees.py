"""Whom a claim was told to (self-written sentences)."""

from __future__ import annotations

from articles.core.claims import extract_claims
from articles.core.types import Claim, Section


def claims_of(text: str) -> list[Claim]:
    return list(extract_claims(text, (Section(kind="body", start=0, end=len(text)),)))


def addressee_of(text: str) -> str | None:
    (claim,) = claims_of(text)
    return claim.addressee_mention.text if claim.addressee_mention else None


def test_dative_person_is_the_addressee_not_the_source() -> None:
    (claim,) = claims_of("„Wir bleiben hier“, sagte die Trainerin dem Minister am Abend.")
    assert claim.addressee_mention is not None and claim.addressee_mention.text == "dem Minister"
    assert claim.source is None


def test_medium_told_is_addressee_and_source() -> None:
    (claim,) = claims_of("„Wir bleiben hier“, sagte er der Bild-Zeitung.")
    assert claim.addressee_mention is not None and claim.addressee_mention.text == "der Bild-Zeitung"
    assert claim.source == "Bild-Zeitung"
    assert addressee_of("„Wir bleiben hier“, so Müller gegenüber der Zeitung.") == "der Zeitung"


def test_audience_interviewer_and_fronted_gegenueber() -> None:
    assert addressee_of("„Wir bleiben hier“, sagte er in Kassel vor Journalisten.") == "Journalisten"
    text = "Der Minister sagte in einem Interview mit der „Kasseler Post“, der Plan stehe."
    assert addressee_of(text) == "der „Kasseler Post“"
    text = "Gegenüber dem Sender erklärte die Ministerin, die Brücke werde im Mai fertig."
    assert addressee_of(text) == "dem Sender"


def test_accused_body_is_the_addressee() -> None:
    text = "Sie warf der Stadtverwaltung vor, die Anwohner zu spät informiert zu haben."
    assert addressee_of(text) == "der Stadtverwaltung"


def test_subjects_objects_topics_and_places_are_no_addressees() -> None:
    assert addressee_of("„Wir bleiben hier“, erklärte der Vereinsvorsitzende Jan Ott.") is None
    claims = claims_of("Die Ministerin nannte den Plan einen „völlig verfehlten Ansatz“.")
    assert claims and all(c.addressee_mention is None for c in claims)
    assert addressee_of("Die Ministerin sagte in Kassel, der Plan stehe.") is None
    assert addressee_of("Er sagte dem Bericht zufolge, der Plan stehe.") is None


def test_english_object_of_told_is_the_addressee() -> None:
    text = '"We stay," Mayor Jane Holt told reporters on Monday. Tom Reed told the BBC that the plan had failed.'
    claims = list(extract_claims(text, (Section(kind="body", start=0, end=len(text)),), lang="en"))
    assert [c.addressee_mention.text if c.addressee_mention else None for c in claims] == ["reporters", "the BBC"]
