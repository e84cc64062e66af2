"""One short, self-written text per claim construction (no database, fast)."""

from __future__ import annotations

from articles.core.claims import cache_info, clear_cache, extract_claims
from articles.core.types import Claim, Section


def claims_of(text: str) -> tuple[Claim, ...]:
    return extract_claims(text, (Section(kind="body", start=0, end=len(text)),))


def only(claims: tuple[Claim, ...], kind: str) -> list[Claim]:
    return [c for c in claims if c.type == kind]


def test_direct_quote_with_speaker_after() -> None:
    text = "„Die Brücke bleibt bis Freitag gesperrt“, sagte Bauamtsleiterin Petra Lindner."
    (claim,) = claims_of(text)
    assert claim.type == "direct"
    assert claim.text == "Die Brücke bleibt bis Freitag gesperrt"
    assert claim.speaker == "Petra Lindner"
    assert claim.role == "Bauamtsleiterin"
    assert claim.cue is not None and claim.cue.text == "sagte"
    assert text[claim.start : claim.end] == claim.text


def test_direct_quote_with_speaker_before_and_colon() -> None:
    text = "Der Bürgermeister Jonas Weber sagte: „Wir haben keine andere Wahl.“"
    (claim,) = only(claims_of(text), "direct")
    assert claim.speaker == "Jonas Weber"
    assert claim.speaker_mention is not None and "Jonas Weber" in claim.speaker_mention.text


def test_direct_quote_so_frame_and_surname_resolution() -> None:
    text = "Anna Keller, Sprecherin der Stadtwerke, erklärte die Lage. „Das Wasser ist wieder trinkbar“, so Keller."
    direct = only(claims_of(text), "direct")
    assert [c.speaker for c in direct] == ["Anna Keller"]
    assert direct[0].cue is not None and direct[0].cue.text == "so"
    assert direct[0].speaker_mention is not None and direct[0].speaker_mention.text == "Keller"


def test_interrupted_quote_has_two_spans() -> None:
    text = "„Der Zug fällt aus“, sagte Bahnsprecher Tim Roth, „ein Ersatzbus fährt ab acht Uhr.“"
    (claim,) = claims_of(text)
    assert len(claim.spans) == 2
    assert [text[s:e] for s, e in claim.spans] == ["Der Zug fällt aus", "ein Ersatzbus fährt ab acht Uhr."]
    assert claim.speaker == "Tim Roth"


def test_multi_sentence_quote_and_other_quote_marks() -> None:
    text = "»Wir sind überrascht. Niemand hat damit gerechnet«, sagte Vereinschef Ole Brandt."
    (claim,) = claims_of(text)
    assert claim.type == "direct" and claim.speaker == "Ole Brandt"
    assert claim.text.startswith("Wir sind überrascht.")


def test_pronoun_resolves_to_last_person_and_channel() -> None:
    text = (
        "Die Ärztin Mara Voss leitet die Klinik seit zwei Jahren. "
        "„Die Betten reichen nicht“, sagte sie dem Regionalsender RTF."
    )
    (claim,) = only(claims_of(text), "direct")
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "sie"
    assert claim.speaker == "Mara Voss"
    assert claim.source == "Regionalsender RTF"


def test_indirect_speech_with_dass() -> None:
    text = "Der Landrat Paul Sommer sagte, dass die Schulen am Montag wieder öffnen."
    (claim,) = claims_of(text)
    assert claim.type == "indirect"
    assert claim.text == "dass die Schulen am Montag wieder öffnen"
    assert claim.speaker == "Paul Sommer"


def test_indirect_konjunktiv_clause_before_cue_with_gegenueber() -> None:
    text = "Die Lage sei unter Kontrolle, sagte Einsatzleiter Bernd Falk gegenüber SRF."
    (claim,) = claims_of(text)
    assert claim.type == "indirect"
    assert claim.text == "Die Lage sei unter Kontrolle"
    assert claim.speaker == "Bernd Falk"
    assert claim.source == "SRF"


def test_continuation_is_indirect_free_indirect_with_same_speaker() -> None:
    text = "Die Ernte sei gut ausgefallen, sagte Landwirtin Eva Horn. Hinzu komme, dass die Preise gestiegen seien."
    claims = claims_of(text)
    assert [c.type for c in claims] == ["indirect", "indirect_free_indirect"]
    assert claims[1].speaker == "Eva Horn"


def test_attributions_laut_zufolge_nach_angaben() -> None:
    text = (
        "Laut TASS wurden drei Schiffe beschädigt. "
        "Dem Bericht zufolge gab es keine Verletzten. "
        "Nach Angaben der Feuerwehr brannte die Halle vollständig aus."
    )
    claims = claims_of(text)
    assert [c.type for c in claims] == ["indirect", "indirect", "indirect"]
    assert [c.cue.text if c.cue else None for c in claims] == ["Laut", "zufolge", "Nach"]
    assert claims[0].source == "TASS"
    assert "TASS" not in claims[0].text


def test_hearsay_soll_without_source_is_free_indirect() -> None:
    text = "Der Täter soll das Auto schon am Vortag gestohlen haben."
    (claim,) = claims_of(text)
    assert claim.type == "free_indirect"
    assert claim.speaker is None


def test_summarised_speech_act_is_reported() -> None:
    text = "Die Firma Nordlicht forderte eine schnellere Entscheidung."
    (claim,) = claims_of(text)
    assert claim.type == "reported"
    assert claim.speaker_mention is not None and "Nordlicht" in claim.speaker_mention.text


def test_titles_names_and_scare_quotes_are_not_claims() -> None:
    text = (
        "Das Buch „Der stille Hafen“ erschien im Mai. "
        "Die Operation „Morgenrot“ begann um sechs Uhr. "
        "Das Lokal heißt „Zum Anker“ und ist beliebt."
    )
    assert claims_of(text) == ()


def test_quoted_phrase_inside_attributed_sentence_belongs_to_it() -> None:
    text = "Die neuen Mittel seien ein „Tropfen auf den heißen Stein“, sagte die Ökonomin Lea Brandt."
    claims = claims_of(text)
    indirect = only(claims, "indirect")[0]
    assert "„Tropfen auf den heißen Stein“" in indirect.text
    assert all(c.speaker == "Lea Brandt" for c in claims)


def test_description_resolves_to_person_with_matching_role() -> None:
    text = (
        "Jan Pohl, Professor für Meeresbiologie in Kiel, warnte vor der Hitze. "
        "„Die Ostsee erwärmt sich schnell“, sagte Pohl. "
        "Das Problem werde unterschätzt, so der Meeresbiologe."
    )
    claims = claims_of(text)
    assert claims[-1].speaker == "Jan Pohl"
    assert claims[-1].speaker_mention is not None and claims[-1].speaker_mention.text == "der Meeresbiologe"


def test_english_said_and_according_to() -> None:
    text = "“We will rebuild the bridge,” said Mayor Linda Moss. According to Reuters, the work starts in May."
    claims = extract_claims(text, (Section(kind="body", start=0, end=len(text)),), lang="en")
    assert claims[0].type == "direct" and claims[0].speaker == "Linda Moss"
    assert claims[1].cue is not None and claims[1].cue.text == "According to"
    assert claims[1].source == "Reuters"


def test_speaker_introduced_in_a_later_section_is_resolved_across_sections() -> None:
    update = "„Wir verlängern die Suche“, sagte Hartmann.\n\n"
    first = "Erstmeldung: Polizeisprecher Uwe Hartmann bestätigte den Einsatz."
    text = update + first
    sections = (
        Section(kind="update", start=0, end=len(update)),
        Section(kind="first_report", start=len(update), end=len(text)),
    )
    claims = extract_claims(text, sections)
    assert claims[0].speaker == "Uwe Hartmann"
    assert claims[0].role == "Polizeisprecher"
    assert claims[0].section == 0


def test_unchanged_sections_come_from_the_cache_with_shifted_offsets() -> None:
    clear_cache()
    old = "„Alles ruhig“, sagte Wachleiterin Ina Kurz."
    new_update = "Neu: Der Damm hält, sagte Deichgraf Leo Marx.\n\n"
    first = extract_claims(old, (Section(kind="body", start=0, end=len(old)),))
    text = new_update + old
    sections = (
        Section(kind="update", start=0, end=len(new_update)),
        Section(kind="first_report", start=len(new_update), end=len(text)),
    )
    second = extract_claims(text, sections)
    assert cache_info()["hits"] == 1
    moved = next(c for c in second if c.section == 1)
    assert moved.start == first[0].start + len(new_update)
    assert text[moved.start : moved.end] == "Alles ruhig"


def test_noun_cue_with_genitive_speaker() -> None:
    text = "Die Einschätzung des Kämmerers Olaf Brink, dass die Kasse leer sei, teilen viele."
    claims = claims_of(text)
    assert claims and claims[0].type == "indirect"
    assert claims[0].cue is not None and claims[0].cue.text == "Einschätzung"
    assert claims[0].speaker_mention is not None and "Olaf Brink" in claims[0].speaker_mention.text


def test_name_in_apposition_after_a_description() -> None:
    text = "„Wir bauen weiter“, sagte der Chef der Werft, Paul Abel, am Montag. „Es gibt genug Aufträge“, sagte er."
    claims = claims_of(text)
    assert [c.speaker for c in claims] == ["Paul Abel", "Paul Abel"]
    assert claims[0].role == "Chef der Werft"
    assert claims[1].speaker_mention is not None and claims[1].speaker_mention.text == "er"


def test_anaphoric_dies_bestaetigte_attributes_the_sentence_before() -> None:
    text = "Die Fähre fährt ab Mai wieder täglich. Dies bestätigte Reederei-Sprecherin Nina Falk."
    (claim,) = claims_of(text)
    assert claim.type == "indirect"
    assert claim.text == "Die Fähre fährt ab Mai wieder täglich"
    assert claim.speaker == "Nina Falk"


def test_opinion_verb_with_dass_clause_and_subject() -> None:
    text = "Die Gutachter gehen davon aus, dass der Damm noch zehn Jahre hält."
    (claim,) = claims_of(text)
    assert claim.type == "indirect"
    assert claim.text == "dass der Damm noch zehn Jahre hält"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Die Gutachter"


def test_consecutive_konjunktiv_sentences_form_one_continuation() -> None:
    text = (
        "Der Bau verzögere sich, sagte Architektin Ute Lang. "
        "Die Pläne seien zu spät gekommen. Außerdem fehle Personal. "
        "Der Winter war mild."
    )
    claims = claims_of(text)
    assert [c.type for c in claims] == ["indirect", "indirect_free_indirect"]
    assert claims[1].text.startswith("Die Pläne seien") and claims[1].text.endswith("fehle Personal")
    assert claims[1].speaker == "Ute Lang"


def test_english_told_the_bbc_that_and_pronoun_after_quote() -> None:
    text = "Mayor Linda Moss told the BBC that the bridge would reopen. “We are ready,” she said."
    claims = extract_claims(text, (Section(kind="body", start=0, end=len(text)),), lang="en")
    assert [(c.type, c.text) for c in claims] == [
        ("indirect", "that the bridge would reopen"),
        ("direct", "We are ready"),
    ]
    assert claims[0].source == "BBC" and claims[0].speaker == "Linda Moss"
    assert claims[1].speaker_mention is not None and claims[1].speaker_mention.text == "she"
    assert claims[1].speaker == "Linda Moss"


def test_offsets_index_the_document_for_any_section_cut() -> None:
    text = (
        "„Wir öffnen morgen wieder“, sagte Museumsleiterin Jana Ott. Die Schäden seien gering, so Ott. "
        "Laut Polizei wurde niemand verletzt. Der Täter soll durch ein Fenster gekommen sein."
    )
    for cut in range(1, len(text), 7):
        sections = (Section(kind="update", start=0, end=cut), Section(kind="first_report", start=cut, end=len(text)))
        for claim in extract_claims(text, sections):
            section = sections[claim.section]
            for start, end in claim.spans or ((claim.start, claim.end),):
                assert section.start <= start < end <= section.end
            if not claim.spans:
                assert text[claim.start : claim.end] == claim.text
            for mention in (claim.speaker_mention, claim.cue):
                assert mention is None or text[mention.start : mention.end] == mention.text


def test_quote_attributed_by_the_next_sentence() -> None:
    text = "„Wir haben keine Angst.“ Das sagte Innenministerin Eva Lind am Montag in Kiel."
    (claim,) = claims_of(text)
    assert claim.type == "direct"
    assert claim.speaker == "Eva Lind"
    assert claim.role == "Innenministerin"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Innenministerin Eva Lind"


def test_an_organisation_speaker_keeps_its_name_as_written() -> None:
    text = "Laut Landesamt für Vogelschutz ist die Zahl der Störche gestiegen."
    (claim,) = claims_of(text)
    assert claim.speaker == "Landesamt für Vogelschutz"


def test_a_speech_participle_used_as_an_adjective_is_no_speech_act() -> None:
    text = (
        "„Die Dämme halten“, sagte Ingenieurin Mara Holt dem Sender. "
        "Entscheidend sei, ob der angekündigte Sturm die Küste erreiche."
    )
    claims = claims_of(text)
    assert not only(claims, "reported")
    (continuation,) = only(claims, "indirect_free_indirect")
    assert continuation.speaker == "Mara Holt"


def test_according_to_names_the_body_as_the_source() -> None:
    text = "Nach Angaben der Wasserwacht sind drei Boote im Einsatz."
    (claim,) = claims_of(text)
    assert claim.type == "indirect"
    assert claim.source == "Wasserwacht"


def _direct(text: str) -> list[Claim]:
    claims = extract_claims(text, (Section(kind="body", start=0, end=len(text)),))
    return [c for c in claims if c.type == "direct"]


def _speaker_and_source(text: str) -> tuple[str, str | None]:
    (claim,) = _direct(text)
    return (claim.speaker_mention.text if claim.speaker_mention else "", claim.source)


def test_zitiert_active_gives_the_person_as_speaker_and_the_medium_as_source() -> None:
    text = "„Die Lage bleibt ernst“, zitiert die „Abendpost“ den Landrat Udo Brenner."
    assert _speaker_and_source(text) == ("den Landrat Udo Brenner", "Abendpost")


def test_zitiert_with_den_worten_after_the_frame() -> None:
    text = "Ein Radiosender zitierte Müller mit den Worten: „Wenn ich störe, gehe ich eben.“"
    assert _speaker_and_source(text) == ("Müller", "Radiosender")


def test_zitiert_passive_splits_person_and_medium() -> None:
    text = "Der Chef wird von der „Abendpost“ mit den Worten zitiert: „Er ist schwach. Das bleibt.“"
    assert _speaker_and_source(text) == ("Der Chef", "Abendpost")
    text = "„Wir halten an dem Plan fest“, wird der Trainer in der „Morgenpost“ zitiert."
    assert _speaker_and_source(text) == ("der Trainer", "Morgenpost")


def test_plain_speech_verb_gives_one_claim() -> None:
    assert len(_direct("„Wir halten an dem Plan fest“, sagte der Trainer der „Morgenpost“.")) == 1


def test_zitiert_medium_and_person_in_one_phrase_are_split() -> None:
    speaker, source = _speaker_and_source("„Die Lage ist ruhig“, zitiert die „Netzwoche“ Berger in einem Bericht.")
    assert speaker.startswith("Berger") and source == "Netzwoche"
    text = "„Die Lage ist ruhig“, zitiert radio.de Polizeisprecher Uwe Kranz."
    assert _speaker_and_source(text) == ("Polizeisprecher Uwe Kranz", "radio.de")


def test_view_of_a_holder_named_by_a_possessive() -> None:
    text = "Der Trainer Jan Ott verteidigte die Aufstellung. Seiner Meinung nach hätte die Elf den Sieg verdient."
    claim = only(claims_of(text), "indirect")[-1]
    assert claim.text == "hätte die Elf den Sieg verdient"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Seiner"
    assert claim.speaker == "Jan Ott"
    assert claim.source is None
    # "meiner Meinung nach" is the text's own voice (an interview answer), not an attribution.
    assert only(claims_of("Das war meiner Meinung nach ein Fehler."), "indirect") == []


def test_nach_einer_stellungnahme_is_a_source() -> None:
    (claim,) = claims_of("Nach einer Stellungnahme der Bahn fahren die Züge ab Montag wieder.")
    assert claim.type == "indirect"
    assert claim.source == "Stellungnahme der Bahn"


def test_website_after_laut_is_the_source() -> None:
    (claim,) = claims_of("Laut kasselnews.de blieben einige Demonstranten noch bis zum Abend auf dem Platz.")
    assert claim.type == "indirect" and claim.source == "kasselnews.de"
    text = (
        "Der Sprecher Jan Ott kommentierte den Beschluss laut „kasselnews.de“ mit diesen Worten: „Ein schwarzer Tag.“"
    )
    (quote,) = only(claims_of(text), "direct")
    assert quote.speaker == "Jan Ott"
    assert quote.source == "kasselnews.de"


def test_wie_frame_gives_its_speaker_to_the_quote_inside_the_claim() -> None:
    claims = claims_of("Der Hafen sei, wie sich Müller ausdrückte, „ein Tanz auf dem Vulkan“.")
    (quote,) = only(claims, "direct")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Müller"
    (claim,) = claims_of("Wie der Minister darlegte, handelte es sich um einen Testkoffer.")
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "der Minister"


def test_speaker_before_a_zufolge_phrase_keeps_the_colon_quote() -> None:
    text = "In der Fraktion sagte die Kanzlerin einigen Abgeordneten zufolge: „Er war ein Anker.“"
    (quote,) = only(claims_of(text), "direct")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "die Kanzlerin"


def test_view_inside_a_noun_phrase_is_no_frame() -> None:
    text = "Sie wandte sich gegen die ihrer Meinung nach verbreiteten Illusionen: „Das ist ein Irrglaube.“"
    (quote,) = only(claims_of(text), "direct")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Sie"


def test_so_frame_before_a_colon_introduces_the_quote() -> None:
    text = "Auch diese Lücke habe Methode, so Ott weiter: „Das ist in anderen Firmen genauso.“"
    (quote,) = only(claims_of(text), "direct")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Ott"


def test_views_stated_without_a_clause_are_reported_speech_acts() -> None:
    for text, speaker in [
        ("Die Polizei geht bei dem Fahrer von einem Unfall aus.", "Die Polizei"),
        ("Der Verband hält die neue Regel für verfehlt.", "Der Verband"),
        ("Die Gewerkschaft wertet das Ergebnis als Erfolg.", "Die Gewerkschaft"),
        ("Der Bürgermeister begründete seinen Rücktritt mit der Erkrankung seiner Frau.", "Der Bürgermeister"),
        ("Der Kassenchef erwartet für das nächste Jahr ein Defizit.", "Der Kassenchef"),
        ("Die Behörden werfen dem Mann Menschenhandel vor.", "Die Behörden"),
        ("Die Staatsanwaltschaft gab am Montag die Einstellung des Verfahrens bekannt.", "Die Staatsanwaltschaft"),
        ("Zudem regte ein Sprecher der Union eine Gipfelkonferenz an.", "ein Sprecher der Union"),
        ("Der Verband schätzt den Schaden auf zehn Millionen Euro.", "Der Verband"),
        ("Die Werft rechnet für das nächste Jahr mit einem Umsatz von einer Milliarde Euro.", "Die Werft"),
    ]:
        (claim,) = claims_of(text)
        assert claim.type == "reported", text
        assert claim.speaker_mention is not None and claim.speaker_mention.text == speaker


def test_same_verbs_without_a_view_are_no_claims() -> None:
    for text in [
        "Der Sturm hat sich wie erwartet abgeschwächt.",
        "Den Fahrer erwartet eine Anklage.",
        "Der Posten geht an Jan Ott, der aus dem Amt von Eva Pohl kommt.",
        "Die Läuferin hält den Rekord seit drei Jahren.",
        "Der Läufer gab nach dem zehnten Kilometer auf.",
        "Die Kapitänin führte die Mannschaft zum Sieg.",
    ]:
        assert [c.type for c in claims_of(text) if c.type == "reported"] == [], text


def test_claims_a_report_introduces() -> None:
    text = "Die Bank veröffentlichte heute neue Quartalszahlen. Danach verzeichnet sie Verluste von zwei Milliarden."
    claim = claims_of(text)[-1]
    assert claim.type == "indirect" and claim.text == "verzeichnet sie Verluste von zwei Milliarden"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "Danach"
    assert claims_of("Das Spiel endete spät. Danach gingen alle nach Hause.") == ()

    (claim,) = claims_of("Am Morgen erschien ein Bericht der Zeitung, wonach der Hafen schließen soll.")
    assert claim.text == "der Hafen schließen soll"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "ein Bericht der Zeitung"

    (claim,) = claims_of("Der Hafen bleibt geschlossen. Dies geht aus einer Mitteilung der Stadt hervor.")
    assert claim.text == "Der Hafen bleibt geschlossen"
    assert claim.speaker_mention is not None and claim.speaker_mention.text == "einer Mitteilung der Stadt"

    (claim,) = claims_of("Im April wurde dann bekannt, dass der Bürgermeister schwer erkrankt war.")
    assert claim.text == "dass der Bürgermeister schwer erkrankt war" and claim.speaker_mention is None


def test_a_speech_act_yields_to_the_frame_that_reports_the_whole_clause() -> None:
    (claim,) = claims_of("Nach dem Treffen kritisierte die Stadt den Plan scharf, sagte Jan Ott.")
    assert claim.type == "indirect" and claim.speaker_mention is not None
    assert claim.speaker_mention.text == "Jan Ott"
    # A participle of a verb that needs its particle is no speech act without it ("zu Hunger geführt").
    (claim,) = claims_of("Die Isolation habe zu Hunger geführt, sagte der Experte Jan Ott.")
    assert claim.type == "indirect" and claim.speaker_mention is not None
    assert claim.speaker_mention.text == "der Experte Jan Ott"


def test_source_with_an_indefinite_genitive_owner() -> None:
    (claim,) = claims_of("Satellitenbilder zeigen nach Angaben eines Analyseunternehmens neue Stellungen.")
    assert claim.speaker_mention is not None
    assert claim.speaker_mention.text == "Angaben eines Analyseunternehmens"
    assert claim.source == "Analyseunternehmens"
