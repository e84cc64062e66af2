"""Speaker-mention constructions (self-written sentences): who is the speaker in the claim's own sentence."""

from __future__ import annotations

from articles.core.claims import extract_claims
from articles.core.types import Claim, Section


def claims_of(text: str) -> tuple[Claim, ...]:
    return extract_claims(text, (Section(kind="body", start=0, end=len(text)),))


def mention(claim: Claim) -> str | None:
    return claim.speaker_mention.text if claim.speaker_mention else None


def test_agentless_passive_names_no_speaker() -> None:
    (claim,) = claims_of("Es wird befürchtet, dass der Pegel der Elbe weiter steigt.")
    assert claim.type == "indirect" and claim.text == "dass der Pegel der Elbe weiter steigt"
    assert mention(claim) is None
    assert claim.cue is not None and claim.cue.text == "befürchtet"


def test_passive_addressee_is_not_the_speaker() -> None:
    (claim,) = claims_of("Die Anwohner wurden aufgefordert, ihre Fenster geschlossen zu halten.")
    assert claim.text == "ihre Fenster geschlossen zu halten"
    assert mention(claim) is None


def test_passive_agent_with_von_speaks() -> None:
    (claim,) = claims_of("Von der Feuerwehr wird angenommen, dass ein Kurzschluss den Brand auslöste.")
    assert mention(claim) == "der Feuerwehr"


def test_passive_in_a_document_the_document_speaks() -> None:
    (claim,) = claims_of("In einer Mitteilung des Vereins wurde erklärt, dass die Halle saniert werde.")
    assert mention(claim) == "einer Mitteilung des Vereins"


def test_perfect_tense_is_not_passive() -> None:
    (claim,) = claims_of("Die Bürgermeisterin hat gesagt, dass die Schule im Herbst öffnet.")
    assert mention(claim) == "Die Bürgermeisterin"


def test_bare_hiess_es_names_nobody_but_a_document_does() -> None:
    bare, document = claims_of(
        "Bisher hieß es, die Brücke werde im Mai fertig. In dem Bericht heißt es, die Kosten seien gestiegen."
    )
    assert mention(bare) is None
    assert mention(document) == "dem Bericht"


def test_fronted_adverbial_is_not_the_subject() -> None:
    first, second = claims_of(
        "Des Weiteren verwies die Ministerin darauf, dass der Etat ausgeglichen sei. "
        "Ende Januar 2024 verkündete der Verband dann offiziell, dass er umziehen werde."
    )
    assert mention(first) == "die Ministerin"
    assert mention(second) == "der Verband"


def test_object_pronoun_sie_after_the_verb_is_not_the_speaker() -> None:
    claims = claims_of("Der Gutachter nannte sie „völlig unbrauchbar“ und verwies auf eigene Messungen.")
    direct = [c for c in claims if c.type == "direct"]
    assert [c.text for c in direct] == ["völlig unbrauchbar"]
    assert mention(direct[0]) == "Der Gutachter"


def test_inverted_subject_pronoun_sie_still_speaks() -> None:
    (claim,) = claims_of("„Wir fangen morgen an“, sagte sie.")
    assert mention(claim) == "sie"


def test_colon_quote_after_a_fronted_object_takes_the_named_subject() -> None:
    text = (
        "Die neue Regel zur Parkgebühr stellte der Fraktionsvorsitzende Emil Hartwig in Frage: "
        "„Das trifft die Falschen.“"
    )
    (claim,) = [c for c in extract_claims(text, (Section(kind="body", start=0, end=len(text)),)) if c.type == "direct"]
    assert mention(claim) == "der Fraktionsvorsitzende Emil Hartwig"


def test_colon_quote_keeps_a_named_subject_before_the_verb() -> None:
    text = "Die Bürgermeisterin stellte die Pläne in Frage: „Das trifft die Falschen.“"
    (claim,) = [c for c in extract_claims(text, (Section(kind="body", start=0, end=len(text)),)) if c.type == "direct"]
    assert mention(claim) == "Die Bürgermeisterin"


def test_wie_frame_with_a_domain_as_subject() -> None:
    (claim,) = claims_of("Wie stadtwerke-nord.de berichtet, ist die Leitung wieder in Betrieb.")
    assert claim.text == "ist die Leitung wieder in Betrieb"
    assert mention(claim) == "stadtwerke-nord.de"


def test_wie_frame_after_a_leading_conjunction() -> None:
    (claim,) = claims_of("Denn wie die Lokalzeitung am Montag berichtete, bleibt das Bad geschlossen.")
    assert claim.text == "bleibt das Bad geschlossen"
    assert mention(claim) is not None and mention(claim).startswith("die Lokalzeitung")
    assert claim.cue is not None and claim.cue.text == "berichtete"


def test_subject_after_the_verb_behind_a_time_adverb() -> None:
    (claim,) = claims_of("Am Morgen kündigte heute der Landrat Felix Brandt an, die Straße zu sperren.")
    assert mention(claim) == "der Landrat Felix Brandt"


def test_subject_of_a_verb_final_subordinate_clause() -> None:
    first, second = claims_of(
        "Das Blatt wurde verboten, nachdem sie berichtet hatte, die Wahl sei gefälscht. "
        "Der Mann hinterließ einen Zettel, in dem er verlangte, dass das Geld bereitliege."
    )
    assert first.text == "die Wahl sei gefälscht" and mention(first) == "sie"
    assert second.text == "dass das Geld bereitliege" and mention(second) == "er"


def test_subject_before_an_apposition_after_the_auxiliary() -> None:
    (claim,) = claims_of("Vor kurzem hatte ein Kommandeur der Miliz, Omar Salim, erklärt, die Truppen würden abziehen.")
    assert claim.text == "die Truppen würden abziehen"
    assert mention(claim) == "ein Kommandeur der Miliz"


def test_focus_particle_before_the_subject() -> None:
    (claim,) = claims_of("Einzig der Hersteller gab bekannt, ein Update anbieten zu wollen.")
    assert mention(claim) == "der Hersteller"


def test_comma_coordinated_second_verb_keeps_the_first_subject() -> None:
    (claim,) = claims_of("Die Beobachter monieren Mängel, sprechen aber davon, dass die Wahl fair war.")
    assert claim.text == "dass die Wahl fair war"
    assert mention(claim) == "Die Beobachter"


def test_auxiliary_far_before_the_participle() -> None:
    (claim,) = claims_of(
        "Die Hochschule hatte anlässlich der Prüfung des langen Berichts vor dem Senat in einer Sitzung "
        "am späten Abend des zweiten Tages erklärt, "
        "sie wolle den Fall erneut prüfen."
    )
    assert claim.text == "sie wolle den Fall erneut prüfen"
    assert mention(claim) == "Die Hochschule"


def test_continuation_skips_a_thing_or_time_subject_for_the_earlier_source() -> None:
    # A Konjunktiv sentence with no frame continues the last speaking source, not the subject
    # of the sentence just before when that names a thing ("Ausfälle") or a time ("Montag").
    text = (
        "Der Wetterdienst warnte am Morgen vor Sturm. "
        "Schwere Behinderungen traten auf den Autobahnen im Norden auf. "
        "Besonders die Küste sei betroffen."
    )
    claim = claims_of(text)[-1]
    assert claim.type == "indirect_free_indirect" and claim.text == "Besonders die Küste sei betroffen"
    assert mention(claim) == "Der Wetterdienst"


def test_continuation_takes_a_named_subject_before() -> None:
    text = "Die Bürgermeisterin Anna Berg lehnte den Plan ab. Der Haushalt sei zu knapp."
    claim = claims_of(text)[-1]
    assert claim.type == "indirect_free_indirect"
    assert mention(claim) == "Die Bürgermeisterin Anna Berg"


def test_continuation_after_a_long_subject_with_party_and_apposition() -> None:
    # The finite verb of the sentence before sits after a long subject (more than eight tokens).
    text = (
        "Die Landrätin des Kreises Nordheide, Petra Sommer (SPD), hat am Abend ihren Rücktritt erklärt. "
        "Sie bleibe allerdings Mitglied des Kreistags."
    )
    claim = claims_of(text)[-1]
    assert claim.type == "indirect_free_indirect"
    assert mention(claim) == "Die Landrätin des Kreises Nordheide"


def test_continuation_takes_the_passive_agent_of_the_sentence_before() -> None:
    # Two sentences back a speaker claimed something; the sentence just before names a new source
    # as the agent of a passive ("wurden von X als … bezeichnet"): the Konjunktiv continues that one.
    text = (
        "Der Verband forderte, die Maut für Busse abzuschaffen. "
        "Die Pläne wurden von Verkehrsministerin Olga Haas als überzogen bezeichnet. "
        "Viele Busse seien ohnehin kaum ausgelastet."
    )
    claim = claims_of(text)[-1]
    assert claim.type == "indirect_free_indirect"
    assert mention(claim) == "Verkehrsministerin Olga Haas"


def test_continuation_takes_the_document_of_the_sentence_before() -> None:
    text = (
        "Die Stadt kündigte an, neue Radwege zu bauen. "
        "In einer Analyse des Fahrradclubs wird das Vorhaben als zu zaghaft gesehen. "
        "So fehle weiterhin ein Weg entlang des Flusses."
    )
    claim = claims_of(text)[-1]
    assert claim.type == "indirect_free_indirect"
    assert mention(claim) == "einer Analyse des Fahrradclubs"


def test_continuation_takes_a_speaking_subject_of_the_sentence_before() -> None:
    text = (
        "Der Minister sagte, die Lage sei ernst. "
        "Die Hilfsorganisation verlangt von der Regierung einen „Plan für Notfälle“. "
        "Der Plan solle vor allem die Dörfer im Süden erreichen."
    )
    claim = claims_of(text)[-1]
    assert claim.type == "indirect_free_indirect"
    assert mention(claim) == "Die Hilfsorganisation"


def test_coordinated_verb_after_a_named_apposition_keeps_the_subject() -> None:
    (claim,) = claims_of("Einer der Gründer, Karl Bauer, dankte den Helfern und ergänzte, der Verein sei gerettet.")
    assert claim.text == "der Verein sei gerettet"
    assert mention(claim) is not None and mention(claim).startswith("Einer der Gründer")


def test_auxiliary_behind_a_parenthesis_with_a_comma_or_a_date() -> None:
    first, second = claims_of(
        "Landrätin Eva Roth (SPD) hat im Gespräch mit ihrem Kollegen Jan Wolf (Freie Wähler, kurz FW) betont, "
        "der Kreis stehe zu der Klinik. "
        "Der Kämmerer hatte am Montag, den 3.5. in der Sitzung die Ansicht vertreten, die Rücklage reiche aus."
    )
    assert first.text == "der Kreis stehe zu der Klinik"
    assert mention(first) == "Landrätin Eva Roth (SPD)"
    assert second.text == "die Rücklage reiche aus"
    assert mention(second) == "Der Kämmerer"


def test_quoted_sentence_without_frame_takes_the_named_subject_before() -> None:
    text = (
        "Die Abgeordnete Lena Vogt, eine der Unterzeichnerinnen des Aufrufs, besuchte am Sonntag das Flüchtlingsheim. "
        "„Diese Stadt hat viel erreicht, aber hier irrt sie sich.“"
    )
    claim = claims_of(text)[-1]
    assert claim.type == "direct"
    assert mention(claim) is not None and mention(claim).startswith("Die Abgeordnete Lena Vogt")


def test_document_before_a_relative_clause_speaks_for_a_passive_or_heisst_es() -> None:
    claims = claims_of(
        "In einer Erklärung, die am Abend im Rathaus verteilt wurde, wurde verkündet, dass die Brücke gesperrt werde. "
        "Im Schlusswort des Gutachtens, das dem Rat seit Mai vorliegt, heißt es: „Die Pfeiler sind nicht mehr sicher.“"
    )
    assert claims[0].text == "dass die Brücke gesperrt werde"
    assert mention(claims[0]) == "einer Erklärung"
    (direct,) = [c for c in claims if c.type == "direct"]
    assert mention(direct) == "Schlusswort des Gutachtens"


def test_konjunktiv_sentence_with_its_own_so_or_nach_source() -> None:
    # Mostly quoted, so no frame makes them claims; the source they name beats the speaker before.
    text = (
        "Der Landrat sagte, die Lage sei ernst. "
        "Die Schule müsse „sofort und gründlich von Grund auf saniert“ werden, so Bürgermeister Lutz. "
        "Nach Auffassung der Elternsprecherin Ida Kern sei es „ein Skandal, dass unsere Kinder so lange warten müssen“."
    )
    first, second = [c for c in claims_of(text) if c.type == "indirect_free_indirect"]
    assert mention(first) == "Bürgermeister Lutz"
    assert mention(second) is not None and mention(second).startswith("Auffassung der Elternsprecherin")


def test_konjunktiv_clause_after_an_indicative_clause_of_a_speaking_subject() -> None:
    text = (
        "Der Minister sagte, die Lage sei ernst. "
        "Die Hilfsorganisation ist unterdessen besorgt über fehlende Mittel, nur wenige Dörfer seien bisher versorgt."
    )
    claim = claims_of(text)[-1]
    assert claim.type == "indirect_free_indirect"
    assert mention(claim) == "Die Hilfsorganisation"


def test_fronted_dative_medium_is_the_addressee_not_the_speaker() -> None:
    (claim,) = claims_of("Der regionalen Zeitung sagte Jonas Brenner: „Wir geben nicht auf.“")
    assert mention(claim) == "Jonas Brenner"


def test_sie_after_a_coordinated_verb_is_the_object() -> None:
    claims = claims_of("Die Firma bestritt den Bericht der Zeitung und nannte sie „schlecht recherchiert“.")
    (direct,) = [c for c in claims if c.type == "direct"]
    assert mention(direct) == "Die Firma"


def test_the_quoted_person_of_a_passive_zitiert_speaks() -> None:
    first, second = claims_of(
        "Die Trainerin Maria Lenz wird von der Lokalzeitung mit den Worten zitiert, das Team sei bereit. "
        "In der Mitteilung des Vereins wird Kapitän Ole Frank wie folgt zitiert: „Wir freuen uns auf das Spiel.“"
    )
    assert mention(first) == "Die Trainerin Maria Lenz"
    assert mention(second) == "Kapitän Ole Frank"


def test_lower_case_names_with_a_hyphen() -> None:
    first, second = claims_of(
        "Ein Reporter des Senders n-tv berichtete, dass die Straße gesperrt sei. "
        "Zuvor sei laut el-Hamid die Brücke beschädigt worden."
    )
    assert mention(first) == "Ein Reporter des Senders n-tv"
    assert mention(second) == "el-Hamid"


def test_a_speaking_subject_before_bezeichnete_x_als_is_no_fronted_object() -> None:
    claims = claims_of("Das Fachmagazin Technik Heute bezeichnete Nordwerk im Mai als „Spätzünder“.")
    (direct,) = [c for c in claims if c.type == "direct"]
    assert mention(direct) is not None and mention(direct).startswith("Das Fachmagazin")


def test_sowohl_als_auch_subjects() -> None:
    (claim,) = claims_of("Sowohl die Stadtverwaltung als auch der Landkreis kündigten Gespräche an.")
    assert claim.type == "reported"
    assert mention(claim) == "die Stadtverwaltung als auch der Landkreis"


def test_quote_without_frame_after_a_focus_particle_takes_the_subject() -> None:
    text = (
        "Die Ministerin lobte den Plan: „Das ist ein guter Anfang.“ "
        "Auch der Landrat Peter Nolte verteidigte das Vorhaben als „längst überfällig“."
    )
    direct = [c for c in claims_of(text) if c.type == "direct"]
    assert mention(direct[-1]) == "der Landrat Peter Nolte"


def test_a_name_in_quote_marks_opening_the_sentence_is_the_subject() -> None:
    first, second = claims_of(
        "„Radio Nord“ berichtet unter Berufung auf einen Wärter, dass die Gefangenen geflohen seien. "
        "„Hilfe ohne Grenzen“ sowie das Technische Hilfswerk kündigten an, weitere Helfer zu schicken."
    )
    assert mention(first) == "„Radio Nord“"
    assert mention(second) == "„Hilfe ohne Grenzen“ sowie das Technische Hilfswerk"


def test_subordinator_after_a_quote_is_no_verb_of_saying() -> None:
    text = (
        "Die Kosten lägen bei zwei Millionen Euro und seien „mit Vorsicht zu genießen“, "
        "da ähnliche Bauten anderswo das Doppelte gekostet hätten, so der Verband."
    )
    (direct,) = [c for c in claims_of(text) if c.type == "direct"]
    assert mention(direct) == "der Verband"


def test_passive_with_an_als_quote_complement_takes_the_agent() -> None:
    (claim,) = claims_of("Seine Bilder werden von Kritikern als „Meilensteine der Malerei“ bezeichnet.")
    assert claim.type == "direct"
    assert mention(claim) == "Kritikern"


def test_subject_after_the_verb_behind_nur() -> None:
    (claim,) = claims_of("Von den Vereinen im Ort erklärten nur die Schützen, nicht am Umzug teilnehmen zu wollen.")
    assert claim.text == "nicht am Umzug teilnehmen zu wollen"
    assert mention(claim) == "die Schützen"


def test_main_clause_after_a_comma_has_its_own_subject() -> None:
    (claim,) = claims_of(
        "Der Neubau wird von der Stiftung begrüßt, die Anwohner bezweifeln aber, dass der Verkehr abnimmt."
    )
    assert claim.text == "dass der Verkehr abnimmt"
    assert mention(claim) == "die Anwohner"


def test_hearsay_opening_with_the_reports_it_comes_from() -> None:
    text = "Die Feuerwehr rückte aus. In den ersten Berichten hatte es geheißen, zwei Scheunen sollen gebrannt haben."
    claim = claims_of(text)[-1]
    assert claim.type == "free_indirect"
    assert mention(claim) == "den ersten Berichten"


def test_wie_frame_with_ausfuehrte() -> None:
    claims = claims_of("Wie die Richterin, Jana Hoff, ausführte, hätte der Plan „ein großes Unglück“ ausgelöst.")
    indirect = [c for c in claims if c.type == "indirect"]
    assert indirect and mention(indirect[0]) is not None and mention(indirect[0]).startswith("die Richterin")
    (direct,) = [c for c in claims if c.type == "direct"]
    assert mention(direct) is not None and mention(direct).startswith("die Richterin")


def test_a_time_is_no_passive_agent_and_wie_bekannt_wurde_names_nobody() -> None:
    claims = claims_of(
        "Im Juni war der Plan für gescheitert erklärt worden, das Werk zu verkaufen. "
        "Wie gestern bekannt wurde, bleibt das Werk geöffnet. "
        "Wie aus Kreisen der Regierung verlautete, wird die Steuer gesenkt."
    )
    assert claims[0].text == "das Werk zu verkaufen" and mention(claims[0]) is None
    assert all("gestern" not in (mention(c) or "") for c in claims)
    assert mention(claims[-1]) == "aus Kreisen der Regierung"


def test_words_in_quote_marks_are_no_verb_of_the_coordinated_subject() -> None:
    text = (
        "Unter dem Motto „Schule statt Stau“ zogen die Schüler durch die Stadt "
        "und skandierten dabei Parolen wie „Stoppt den Verkehrswahnsinn“."
    )
    (direct,) = [c for c in claims_of(text) if c.text == "Stoppt den Verkehrswahnsinn"]
    assert mention(direct) == "die Schüler"


def test_continuation_after_a_passive_sentence_citing_a_report() -> None:
    text = (
        "Der Minister sagte, die Lage sei ernst. "
        "Die Engpässe werden im Jahresbericht auf fehlende Lehrer zurückgeführt. "
        "Folge sei ein Unterrichtsausfall von zehn Prozent."
    )
    claim = claims_of(text)[-1]
    assert claim.type == "indirect_free_indirect"
    assert mention(claim) == "Jahresbericht"


def test_hearsay_without_a_claim_before_takes_the_nearest_source() -> None:
    text = (
        "Nach Angaben der Polizei brannte am Morgen eine Lagerhalle. "
        "Die Flammen schlugen meterhoch. "
        "Der Rauch zog bis in die Stadt. "
        "Ein Funke soll das Feuer ausgelöst haben."
    )
    claim = claims_of(text)[-1]
    assert claim.type == "free_indirect"
    assert mention(claim) == "Angaben der Polizei"


def test_fuer_x_gives_the_opinion_holder_of_a_konjunktiv_or_quote() -> None:
    text = (
        "Die Ministerin sagte, der Plan sei fertig. "
        "Der Verband lehnte ihn ab. "
        "Für den Ökonomen Paul Weber sei der Plan „ein mutiger erster Schritt“."
    )
    claims = claims_of(text)
    assert all(mention(c) == "den Ökonomen Paul Weber" for c in claims if "mutiger" in c.text)
    assert any("mutiger" in c.text for c in claims)


def test_place_after_a_name_is_no_part_of_the_name() -> None:
    from articles.core.claims.names import role_split

    assert role_split(["Jan", "Ott", "in", "Berlin"]) == (None, "Jan Ott")
    assert role_split(["Landrätin", "Eva", "Pohl", "in", "Kassel"]) == ("Landrätin", "Eva Pohl")
    # A place after a role noun is part of the role: "der Botschafter in Berlin".
    assert role_split(["der", "Botschafter", "in", "Berlin"])[1] is None


def test_role_of_a_body_has_no_name() -> None:
    from articles.core.claims.names import role_split

    assert role_split(["ein", "Sprecher", "der", "Polizei"]) == ("Sprecher der Polizei", None)
    assert role_split(["Kreml-Sprecher", "Dmitri", "Peskow"]) == ("Kreml-Sprecher", "Dmitri Peskow")


def test_description_with_another_role_is_not_the_last_speaker() -> None:
    from articles.core import analyze_text

    text = (
        "„Wir bleiben“, sagte Polizeisprecher Tom Reed. Der Minister sagte dagegen, der Plan sei "
        "unrealistisch. Der Sprecher fügte hinzu, die Lage sei ruhig."
    )
    speakers = [c.speaker for c in analyze_text(text).claims]
    assert speakers == ["Tom Reed", None, "Tom Reed"]


def test_english_clause_without_that_is_an_indirect_claim() -> None:
    from articles.core import analyze_text

    text = "Mayor Jane Holt spoke on Monday. She said the bridge would reopen in May."
    claims = [c for c in analyze_text(text, lang="en").claims if c.type == "indirect"]
    assert [(c.text, c.speaker) for c in claims] == [("the bridge would reopen in May", "Jane Holt")]
    text = '"It is a dark day," said Tom Reed, a union spokesman.'
    assert [c.type for c in analyze_text(text, lang="en").claims] == ["direct"]


def test_same_surname_with_another_first_name_is_another_person() -> None:
    from articles.core import analyze_text

    text = (
        "„Das reicht uns nicht“, sagte Bürgermeister Karl Muster. "
        "„Das reicht nicht aus für uns“, sagte Jens Muster. „Wir bleiben“, sagte Muster am Abend."
    )
    assert [c.speaker for c in analyze_text(text).claims] == ["Karl Muster", "Jens Muster", "Karl Muster"]


def test_journalist_review_constructions() -> None:
    """Constructions a journalist's review of our own sample articles found wrong."""
    from articles.core import analyze_text

    def speakers(text: str, lang: str = "de") -> list[tuple[str | None, str | None, str | None]]:
        return [(c.speaker, c.source, c.addressee_mention.text if c.addressee_mention else None)
                for c in analyze_text(text, lang=lang).claims if c.type == "direct"]  # fmt: skip

    # A medium after a surname is whom the speaker told, not part of the speaker.
    assert speakers("„Es gibt zu wenige Busse“, sagte Veit der Zeitung Morgenpost Kranstadt.") == [
        ("Veit", "Zeitung Morgenpost Kranstadt", "der Zeitung Morgenpost Kranstadt")
    ]
    # English: the subject before "told" speaks; the outlet after it listens.
    assert speakers('"We are leaving," Carl Brenner told NBC News on Monday.', "en") == [
        ("Carl Brenner", "NBC News", "NBC News")
    ]
    # An indefinite description is somebody new, even when its ministry sounds like a known minister.
    text = (
        "„Wir reden“, sagte Außenministerin Verena Gasser. Ein Sprecher des Außenministeriums sprach von "
        "einer „gezielten Provokation“."
    )
    assert [s for s, _, _ in speakers(text)] == ["Verena Gasser", None]
    # Academic titles and affiliations are no part of a name; "von der Leyen" is.
    text = (
        "Der Hydrologe Dr. Markus Eichhorn von der Universität Talheim warnte. „Das Wasser steigt“, sagte er. "
        "„Wir helfen“, sagte Kommissionspräsidentin Ursula von der Leyen."
    )
    assert [s for s, _, _ in speakers(text)] == ["Markus Eichhorn", "Ursula von der Leyen"]


def test_lower_case_agency_after_laut_is_the_source() -> None:
    from articles.core import analyze_text

    (claim,) = analyze_text("Laut dpa sind drei Dörfer am Deich evakuiert worden.").claims
    assert claim.source == "dpa"


def test_english_subject_before_said_after_an_opening_phrase() -> None:
    from articles.core import analyze_text

    text = "In a statement, Governor Ann Malloy said the state would send more crews."
    (claim,) = analyze_text(text, lang="en").claims
    assert (claim.type, claim.speaker, claim.text) == ("indirect", "Ann Malloy", "the state would send more crews")
    text = "Fire Chief Raymond Ostrowski said crews were focusing on the northern ridge."
    (claim,) = analyze_text(text, lang="en").claims
    assert claim.text == "crews were focusing on the northern ridge" and claim.speaker == "Raymond Ostrowski"
