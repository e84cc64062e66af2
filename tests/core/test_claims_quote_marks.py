"""Which stretches in quote marks are direct quotations (self-written sentences)."""

from __future__ import annotations

from articles.core.claims import extract_claims
from articles.core.types import Claim, Section


def direct_of(text: str) -> list[Claim]:
    claims = extract_claims(text, (Section(kind="body", start=0, end=len(text)),))
    return [c for c in claims if c.type == "direct"]


def test_single_inflected_word_inside_reported_speech_is_quoted() -> None:
    # "totgespart" is missing from the dictionary: an unknown lower-case word is no foreign name.
    text = "Die Gewerkschaft sagte, das Klinikum sei „totgespart“ worden und brauche Geld."
    (claim,) = direct_of(text)
    assert claim.text == "totgespart"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Die Gewerkschaft"


def test_short_capitalised_term_outside_speech_is_no_quote() -> None:
    assert direct_of("Die Stadt baut für das Freibad einen „Sanierungsfonds“ auf.") == []
    assert direct_of("Am Samstag wurde auf dem Marktplatz die „Lichterwoche“ eröffnet.") == []
    assert direct_of("Dies nennt man einen „Ringtausch“.") == []


def test_capitalised_word_after_als_is_a_quoted_judgement() -> None:
    (claim,) = direct_of("Der Bürgermeister bezeichnete den Beschluss als „Katastrophe“.")
    assert claim.text == "Katastrophe"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Der Bürgermeister"


def test_quoted_medium_after_the_verb_is_the_speaker_not_a_second_span() -> None:
    (claim,) = direct_of("„Die Saison war ein Wunder. Ein echtes Wunder“, schrieb „Die Woche“ am Montag.")
    assert claim.text == "Die Saison war ein Wunder. Ein echtes Wunder"
    assert claim.spans == ()
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "„Die Woche“"


def test_quoted_medium_as_addressee_is_no_continuation() -> None:
    (claim,) = direct_of("„Wir bleiben in der Stadt“, sagte die Ministerin dem „Hamburger Abendblatt“.")
    assert claim.text == "Wir bleiben in der Stadt"
    assert claim.spans == ()


def test_interrupted_quote_still_continues_after_a_comma() -> None:
    (claim,) = direct_of("„Das Dach ist dicht“, sagte Hausmeister Jan Ott, „Wasser kommt keines mehr rein.“")
    assert len(claim.spans) == 2


def test_brand_in_camel_case_is_no_quote() -> None:
    assert direct_of("Der Hersteller stellte auf der Messe den neuen „eKessel mini“ vor.") == []


def test_quoted_name_before_bekannt_or_genannt_is_no_quote() -> None:
    assert direct_of("Die Polizei räumte am Morgen das als „Zeltstadt am Ufer“ bekannte Lager.") == []
    assert direct_of("Der Stadtrat stimmte für den auch „Kleiner Ring“ genannten Ausbau.") == []


def test_als_beats_a_title_noun_two_words_before() -> None:
    (claim,) = direct_of("Der Landrat wertete die Arbeit im Verein als „großen Gewinn für das ganze Dorf“.")
    assert claim.text == "großen Gewinn für das ganze Dorf"


def test_quoted_sentence_in_parentheses_belongs_to_the_name_before() -> None:
    text = "Viele gratulierten, darunter die Ministerin Petra Lind („Ich kenne niemanden, der das besser könnte.“)."
    (claim,) = direct_of(text)
    assert claim.text == "Ich kenne niemanden, der das besser könnte."
    assert claim.speaker_mention is not None and "Petra Lind" in claim.speaker_mention.text


def test_translation_in_parentheses_stays_no_quote() -> None:
    assert direct_of("Die Band spielte zum Schluss „Heimweh“ („Homesick“) vor vollem Saal.") == []


def test_adjective_and_noun_after_indefinite_article_is_a_quoted_judgement() -> None:
    (claim,) = direct_of("Der Bürgermeister begründete seinen Rücktritt mit einer „verfahrenen Lage“ im Rat.")
    assert claim.text == "verfahrenen Lage"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Der Bürgermeister"


def test_adjective_and_noun_after_definite_article_stays_a_term() -> None:
    assert direct_of("Der Kreis fördert den „sanften Tourismus“ im Tal.") == []


def test_quote_inside_the_subject_is_not_its_own_speaker() -> None:
    (claim,) = direct_of("Eine „ganz heiße Spur“ führte die Ermittler am Montag nach Kassel.")
    assert claim.speaker_mention is None or "Spur" not in claim.speaker_mention.text


def test_ordinal_or_abbreviation_point_does_not_make_a_quoted_sentence() -> None:
    assert direct_of("Am Samstag wurde auf dem Domplatz die „5. Lichternacht“ eröffnet.") == []
    text = "Es ist nur eine Nachricht des „Förderkreis Altstadt – Verein zur Pflege alter Häuser e.V.“ zu sehen."
    assert direct_of(text) == []


def test_quoted_sentence_ending_in_a_word_and_point_is_still_long() -> None:
    (claim,) = direct_of("Am Ende blieb nur ein Satz: „Wir kommen wieder.“ Dann fuhr der Bus ab.")
    assert claim.text == "Wir kommen wieder."


def test_capitalised_name_after_von_is_no_quote() -> None:
    assert direct_of("Laut einem Bericht von „Radio Nord“ brannte die Scheune bis zum Morgen.") == []
    assert direct_of("Die Ministerin sagte, die von „Data Plus“ erstellte Studie sei fehlerhaft.") == []


def test_quoted_name_right_before_its_reporting_verb_is_the_source() -> None:
    # A quotation is set off from the verb after it by a comma; a name is the verb's subject.
    assert direct_of("Wie „Radio Nord“ berichtet, wurde die Brücke am Abend gesperrt.") == []
    assert direct_of("Die Fähre fiel aus. Wie „nord aktuell“ meldet, fehlt ein Ersatzteil.") == []
    assert direct_of("Die Zeitung „Nordkurier“ berichtet, die Fähre falle aus.") == []


def test_foreign_title_with_small_foreign_words_is_no_quote() -> None:
    assert direct_of("Auf dem Konzert stellte er dann die neue Platte vor: „Keep the lights on“.") == []
    text = "Insbesondere die belgische „Amis pour la Musique“, aber auch andere Vereine hatten dazu aufgerufen."
    assert direct_of(text) == []


def test_company_name_ending_in_inc_is_no_quoted_sentence() -> None:
    assert direct_of("Den Zuschlag erhielt schließlich „Nordlicht Holding Inc.“ aus Boston.") == []


def test_quote_inside_a_clause_before_the_frame_is_no_interrupted_quote() -> None:
    text = "Er sei „tief erschüttert“ über den Brand, sagte der Bürgermeister, seine „Hilfe gilt allen Familien“."
    claims = direct_of(text)
    assert sorted(c.text for c in claims) == ["Hilfe gilt allen Familien", "tief erschüttert"]
    assert all(c.spans == () for c in claims)


def test_quoted_part_of_a_compound_word_is_no_quote() -> None:
    assert direct_of("Die Ministerin lehnte eine „Alles oder nichts“-Lösung ab, sagte ihr Sprecher.") == []


def test_what_one_calls_oneself_is_a_name() -> None:
    assert direct_of("Die Gruppe, die sich selbst „Rat der freien Bürger“ nennt, hat am Montag demonstriert.") == []
    assert direct_of("Ein Mann, der sich als „Dorfsheriff“ bezeichnete, wurde festgenommen.") == []


def test_reflexive_verb_before_a_quote_still_quotes() -> None:
    (claim,) = direct_of("Die Trainerin zeigte sich „sehr zufrieden mit der Mannschaft“.")
    assert claim.text == "sehr zufrieden mit der Mannschaft"


def test_quote_coordinated_with_a_quote_is_a_quote_too() -> None:
    text = "Ein Drittel der Befragten hält das neue Gesetz für „ziemlich überflüssig“ oder „schädlich“."
    assert sorted(c.text for c in direct_of(text)) == ["schädlich", "ziemlich überflüssig"]


def test_quote_after_als_with_a_verb_of_judging_is_the_judges() -> None:
    (claim,) = direct_of("Die Senatorin wies die Vorwürfe am Rande der Sitzung als „völlig haltlos“ zurück.")
    assert claim.text == "völlig haltlos"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Die Senatorin"
    (claim,) = direct_of("Die Demonstranten beschrieb der Polizeisprecher als „friedlich“.")
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "der Polizeisprecher"


def test_quote_after_a_compound_title_noun_is_a_name() -> None:
    # "Förderbereich", "Themenbereich": a compound whose head names what follows, like "Bereich" itself.
    text = "Die Ministerin sagte, im Förderbereich „ländliche Entwicklung“ seien zwölf Anträge eingegangen."
    assert direct_of(text) == []
    assert direct_of("Laut dem Bericht liegt das Land im Bereich „digitale Verwaltung“ weit vorne.") == []


def test_short_term_explained_in_parentheses_is_no_quote() -> None:
    text = "Im Mai soll nach Angaben der Agentur ein „pressure test“ (Drucktest) der Kapsel folgen."
    assert direct_of(text) == []
    (claim,) = direct_of("Der Trainer sagte: „Wir haben gut gespielt.“ (Mehr dazu im Sportteil.)")
    assert claim.text == "Wir haben gut gespielt."


def test_short_quote_with_its_speaker_in_parentheses_is_no_term() -> None:
    """No article before it: the parenthesis names who said it, it does not explain a term."""
    from articles.core.claims.quotes import find_quotes
    from articles.core.claims.titles import title_reason

    text = "Der Abend endete mit dem Satz: „Wir halten durch“ (Bürgermeisterin Jana Pohl)."
    (pair,) = find_quotes(text)
    assert title_reason(text, pair) != "gloss"


def test_quote_nested_in_the_same_marks_stays_inside_the_outer_quote() -> None:
    text = "„Wir nennen das Vorhaben intern „Leuchtturm“ und sind stolz darauf“, sagte die Leiterin."
    (claim,) = direct_of(text)
    assert claim.text == "Wir nennen das Vorhaben intern „Leuchtturm“ und sind stolz darauf"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "die Leiterin"


def test_mark_left_open_before_a_quote_does_not_swallow_the_next_one() -> None:
    text = (
        "Der Verein „Grüne Wiese lud ein. „Alle sind willkommen“, sagte die Vorsitzende. „Auch Kinder“, fügte sie an."
    )
    texts = [c.text for c in direct_of(text)]
    assert "Auch Kinder" not in " ".join(t for t in texts if "willkommen" in t)


def test_quoted_adjective_before_its_noun_is_no_quote() -> None:
    text = "Der Kämmerer sagte, die Stadt müsse wegen der „plötzlichen“ Kostensteigerung sparen."
    assert direct_of(text) == []


def test_quoted_adjectives_coordinated_before_a_noun_stay_quotes() -> None:
    text = "Der Kämmerer sagte, das Konzept bestehe aus „harten“ und „weichen“ Einsparungen."
    assert [c.text for c in direct_of(text)] == ["harten", "weichen"]


def test_quote_in_the_view_of_a_person_opening_the_sentence() -> None:
    (claim,) = direct_of("Für die Bürgermeisterin Anna Keller ist der Zustand der Brücke „beängstigend“.")
    assert claim.text == "beängstigend"
    assert claim.speaker_mention is not None and "Anna Keller" in claim.speaker_mention.text
    assert direct_of("Für die neue Saison der „Lichterwoche“ begann der Vorverkauf.") == []


def test_capitalised_word_opening_a_reported_clause_is_a_quote() -> None:
    text = "Die Senatorin sagte, „Sperrzonen“ werde es in der Stadt nicht geben."
    (claim,) = direct_of(text)
    assert claim.text == "Sperrzonen"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Die Senatorin"


def test_quoted_wording_after_a_laut_source_is_no_part_of_its_name() -> None:
    text = "Der Brand wird laut der Feuerwehr Kassel „mit aller gebotenen Sorgfalt“ untersucht."
    (claim,) = direct_of(text)
    assert claim.text == "mit aller gebotenen Sorgfalt"
    claims = extract_claims(text, (Section(kind="body", start=0, end=len(text)),))
    sources = [c.source for c in claims if c.type == "indirect"]
    assert sources == ["Feuerwehr Kassel"]


def test_lower_case_magazine_name_after_its_medium_noun_stays_a_name() -> None:
    assert direct_of("Laut einer Umfrage des Magazins „kiez“ fahren viele Kasseler Rad.") == []


def test_long_wording_after_a_noun_two_words_back_is_a_quote() -> None:
    # "Verein" names things ("der Verein „Hilfe für Kinder“"), but lower-case wording after a name is quoted.
    text = (
        "„Das ist ein Skandal“, so Müller wörtlich. Außerdem hätte der Verein Schulze „die Chance gegeben, "
        "sich als Retter der Liga darzustellen, ohne dass jemand nachfragt“."
    )
    texts = [c.text for c in direct_of(text)]
    assert "die Chance gegeben, sich als Retter der Liga darzustellen, ohne dass jemand nachfragt" in texts


def test_quote_after_als_and_an_indefinite_article_is_the_judges() -> None:
    (claim,) = direct_of("Die Ministerin beschrieb den Vorfall als einen „Akt blanker Willkür“.")
    assert claim.text == "Akt blanker Willkür"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Die Ministerin"


def test_word_somebody_spoke_of_is_a_quote_not_a_name() -> None:
    (claim,) = direct_of("Händler sprachen am Morgen von „Notverkäufen“.")
    assert claim.text == "Notverkäufen"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Händler"
    assert direct_of("Ein Bericht von „Radio Nord“ nannte die Zahlen.") == []


def test_quote_before_bekanntgegeben_is_announced_not_named() -> None:
    text = "Der Minister Karl Berg hat die Zusage seines Hauses „trotz mancher Bedenken“ bekanntgegeben."
    (claim,) = direct_of(text)
    assert claim.text == "trotz mancher Bedenken"
    assert direct_of("Die Polizei räumte das als „Zeltstadt“ bekannte Lager.") == []


def test_object_of_a_speech_act_in_quote_marks_is_the_speakers_wording() -> None:
    (claim,) = direct_of("Die Ärztekammer warnte am Dienstag vor „Panikmache“.")
    assert claim.text == "Panikmache"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Die Ärztekammer"
    (claim,) = direct_of("Der Trainer riet seiner Mannschaft zu „Ruhe und Geduld“.")
    assert claim.text == "Ruhe und Geduld"
    # A colon or a full stop ends the speech act: the quoted name after it stays a name.
    assert direct_of("Die Ärztekammer warnte. Am Abend lief „Tatort Kassel“.") == []


def test_only_geht_davon_aus_is_a_reported_speech_act() -> None:
    text = "In Kassel ging der Umsatz um drei Prozent zurück. Der Vorstand geht davon aus, dass er steigt."
    claims = extract_claims(text, (Section(kind="body", start=0, end=len(text)),))
    assert [c.type for c in claims if c.start < 48] == []
    assert any(c.start > 48 for c in claims)


def test_speech_act_without_a_clause_frames_its_quoted_object() -> None:
    (claim,) = direct_of("Sie sicherte dabei dem Verein ihre „volle Unterstützung“ zu.")
    assert claim.text == "volle Unterstützung"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Sie"
    (claim,) = direct_of("Die Jury würdigte damit seinen Einsatz zur „Stärkung der Nachbarschaft“.")
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Die Jury"


def test_quoted_object_of_a_preposition_after_a_speech_act_is_no_name() -> None:
    (claim,) = direct_of("Schon früher warnte Berg vor den „Sparmodellen“ der Kasse.")
    assert claim.text == "Sparmodellen"
    # Right after the verb, "der „…“" is the subject: a name.
    assert direct_of("Zudem wirft der „Arbeitskreis Radweg“ der Stadt Untätigkeit vor.") == []


def test_capitalised_name_with_an_apostrophe_s_is_a_name() -> None:
    text = (
        "Die oppositionelle „Northern People's Democratic Farmers Union“ hat der Wahlkommission zufolge "
        "zwölf Sitze gewonnen."
    )
    assert direct_of(text) == []


def test_colon_after_a_thing_as_subject_gives_no_frame() -> None:
    # "Das Buch … ist ihr Erstwerk: „…“": a book speaks not; the quoted stretch is its title.
    assert direct_of("Das Buch, das sie in Kassel vorstellte, ist ihr erster Roman: „Wir warten am Ufer“.") == []
    assert direct_of("Der Film ist sein erstes Werk: „Wir warten am Ufer“.") == []


def test_white_space_inside_the_marks_is_no_part_of_the_quote() -> None:
    (claim,) = direct_of("„ Wir bleiben hier\r\n“, sagte die Trainerin.")
    assert claim.text == "Wir bleiben hier"
