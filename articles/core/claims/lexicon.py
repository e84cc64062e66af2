"""Word lists for claim extraction (German first, a little English).

Cue verbs are listed as weak stems (forms are generated) or as explicit
irregular forms; everything is matched lower-cased on single tokens.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs of saying/thinking whose object can be a clause or quote. Weak stems.
_WEAK_SPEECH = (
    "sag erklär betont meint bericht teilt* kündigt* warnt fordert kritisiert räumt* äußert bestätigt "
    "dementiert ergänzt fügt* unterstreicht behauptet argumentiert versichert beklagt bemängelt lobt "
    "mahnt verkündet schildert erzählt antwortet entgegnet kontert bekräftigt präzisiert glaubt vermutet "
    "hofft fürchtet befürchtet erwartet bezweifelt zweifelt schätzt rechnet spekuliert zitiert "
    "verlautbart informiert erläutert folgert resümiert bilanziert klagt wirft* weist* ruft* gibt* sieht* "
    "überlegt skandiert appelliert droht verweist* hebt* stellt* macht* deutet* merkt* gesteht* bezeichnet nennt* "
    "verspricht* beteuert vermeldet meldet signalisiert erinnert urteilt bedauert begrüßt verurteilt "
    "prognostiziert vorhersagt* zeigt* kommentiert twittert schreibt* spricht* heißt* widerspricht* "
    "bestreitet* wiederholt insistiert unterstellt vorwirft* empfiehlt* rät* bekennt* ankündigt* "
    "annimmt* ausschließt* erklärt* sagt* befindet* vertritt* kündigt mitteilt* unterrichtet "
    "vorschlägt* vorrechnet* einräumt* hinweist* zugibt* bekanntgibt*"
)

# Explicit finite forms (irregular or separable-prefix verbs), lower-cased.
IRREGULAR_CUES = _words(
    """
    sagte sagten sagt sage sagen gesagt teilte teilten teilt mitgeteilt mit kündigte kündigten
    kündigt angekündigt räumte räumten räumt eingeräumt fügte fügten fügt hinzugefügt warf warfen
    wirft vorgeworfen wies wiesen weist hingewiesen verwies verwiesen verweist rief riefen ruft
    aufgerufen gab gaben gibt angegeben bekanntgegeben zugegeben sah sahen sieht hob hoben hebt
    hervorgehoben stellte stellten stellt klargestellt machte machten macht deutlich deutete
    deuteten deutet angedeutet merkte merkten merkt angemerkt gestand gestanden gesteht nannte
    nannten nennt genannt versprach versprachen verspricht versprochen schrieb schrieben schreibt
    geschrieben sprach sprachen spricht gesprochen hieß heißt widersprach widersprechen widerspricht
    widersprochen bestritt bestritten bestreitet empfahl empfahlen empfiehlt empfohlen riet rieten
    rät geraten bekannte bekannten bekennt zeigte zeigten zeigt vertrat vertraten vertritt vertreten
    befand befanden befindet schloss schlossen schließt ausgeschlossen nahm nahmen nimmt angenommen
    aufgefordert zugesagt angedroht vorgeschlagen beschlossen vereinbart erwogen erwägt erwog erwägen
    beschloss beschließt
    verglich verglichen vergleicht bezifferte bezifferten beziffert geht gehen ging gingen
    zurückgewiesen vorgeworfen ausgesprochen
    said says told stated added explained warned claimed argued insisted announced reported
    """
)

# Verbs that, with a plain object and no clause, summarise a speech act ("reported").
REPORTED_STEMS = _words(
    """
    fordert kritisiert warnt kündigt lehnt begrüßt lobt bestätigt dementiert beklagt
    bemängelt appelliert droht verspricht räumt wirft ruft spricht sprach kündigte bekräftigt
    verlangt beantragt plädiert empfiehlt empfahl warf rief versprach bestritt protestiert
    dementierte sprechen bericht nennt nannte bezeichnet verweist verwies weist wies klagt
    vorgeworfen zurückgewiesen ausgesprochen angekündigt beziffert verglich vergleicht geht gehen
    ging gingen vermutet erwartet erwog erwogen erwägt befürchtet hält halten hielt hielten wertet
    werten wertete werteten begründet begründete begründeten werfen gab gaben gibt regte regt regten
    führte führt führten rechnet rechnete rechnen schätzt schätzte schätzten schätzen
    """
)

# Weekdays and months: a phrase headed by one says when, not who ("am Montag", "im Mai").
CALENDAR_WORDS = frozenset(
    (
        *("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "wochenende"),
        *("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober"),
        *("november", "dezember"),
    )
)

# Nouns that head a "source" phrase: "laut einem Bericht", "nach Angaben von".
SOURCE_NOUNS = _words(
    """
    angaben angabe informationen information berichten bericht berichte aussage aussagen auskunft
    darstellung einschätzung einschätzungen schätzung schätzungen ansicht meinung auffassung
    erkenntnissen erkenntnisse ermittlungen recherchen worten aussagen mitteilung meldung meldungen
    untersuchungen untersuchung umfrage studie experten polizeiangaben behördenangaben
    medienberichten medienberichte zeugenaussagen augenzeugen vermutung
    """
)

# Verbs used in "wie X berichtete," attributions.
WIE_VERBS = _words(
    """
    berichtete berichteten berichtet meldete meldeten meldet mitteilte mitteilten mitteilt sagte
    sagten sagt erklärte erklärten erklärt bestätigte bestätigten bestätigt schrieb schreibt
    bekanntgab ankündigte hieß heißt verlautete informierte betonte ausführte ausführt ausführten angab
    angaben erläuterte erläutert feststellte ausdrückte ausdrückt ausdrückten formulierte formuliert
    darlegte darlegt
    """
)

PRONOUNS = _words(
    """
    er sie es man wir ich du ihr he she they we i
    """
)
PERSONAL_PRONOUNS = _words(
    """
    er sie he she
    """
)

DETERMINERS = _words(
    """
    der die das den dem des ein eine einer eines einem einen sein seine seiner seines seinem seinen
    ihr ihre ihrer ihres ihrem ihren dieser diese dieses diesem diesen jener jene beide beiden alle
    zwei drei vier mehrere viele einige the a an
    """
)

# Name particles that may sit inside a name.
NAME_PARTICLES = _words(
    """
    von van de der den al el bin ibn da di dos du le la ter ten
    """
)

# Capitalised words that start adverbials, never a subject.
ADVERBIAL_STARTS = _words(
    """
    am im in an auf aus bei beim nach vor seit während wegen trotz zum zur vom mit ohne gegen über
    unter durch für dazu zudem außerdem zuvor gestern heute morgen dann später jetzt nun bereits
    schon auch doch aber allerdings jedoch deshalb daher dabei darin damit so bisher zuletzt
    zunächst inzwischen mittlerweile weiter weiters ebenfalls erst noch vergangene vergangenen
    letzte letzten anschließend gleichzeitig insgesamt demnach laut zufolge gegenüber
    zwar aufgrund angesichts infolge nachdem besorgt selbst wenn da weil als obwohl falls hinzu
    von bislang anders ähnlich genauso ebenso umgekehrt stattdessen trotzdem dennoch folglich somit also
    """
)

# Lower-case words that end a noun phrase going forward.
NP_STOPS = _words(
    """
    gegenüber zu zum zur laut am im in auf bei beim vor nach am heute gestern weiter zudem außerdem
    jedoch auch aber dabei bereits noch nun jetzt dazu damals ebenfalls mit über unter durch während
    seit, und sowie oder sich dass ob wie
    """
)

ROLE_SUFFIXES = (
    "sprecher",
    "sprecherin",
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "chef",
    "chefin",
    "experte",
    "expertin",
    "kanzler",
    "kanzlerin",
    "leiter",
    "leiterin",
    "direktor",
    "direktorin",
    "sekretär",
    "sekretärin",
    "vorsitzende",
    "vorsitzender",
    "führer",
    "führerin",
    "professor",
    "professorin",
    "meister",
    "meisterin",
    "trainer",
    "trainerin",
    "anwalt",
    "anwältin",
    "richter",
    "richterin",
    "kommissar",
    "kommissarin",
    "botschafter",
    "botschafterin",
    "berater",
    "beraterin",
    "analyst",
    "analystin",
    "forscher",
    "forscherin",
    "wissenschaftler",
    "wissenschaftlerin",
    "abgeordnete",
    "abgeordneter",
    "senator",
    "senatorin",
    "gouverneur",
    "könig",
    "königin",
    "papst",
    "general",
    "manager",
    "managerin",
    "gründer",
    "autor",
    "autorin",
    "staatsanwalt",
    "beauftragte",
    "beauftragter",
    "vertreter",
    "vertreterin",
    "funktionär",
    "politiker",
    "politikerin",
    "kandidat",
    "kandidatin",
    "offizier",
    "kommandeur",
    "arzt",
    "ärztin",
    "ökonom",
    "ökonomin",
    "historiker",
    "journalist",
    "journalistin",
    "aktivist",
    "aktivistin",
    "sprecher",
    "bürgermeister",
    "bürgermeisterin",
    "regierungschef",
    "premier",
    "premierminister",
    "spokesman",
    "spokeswoman",
    "minister",
    "president",
    "secretary",
    "chief",
    "director",
    "mayor",
    "governor",
    "spokesperson",
    "chairman",
    "wirt",
    "wirtin",
    "graf",
)

PERSON_ROLE_HEADS = ROLE_SUFFIXES

MEDIA_WORDS = (
    "zeitung",
    "zeitschrift",
    "magazin",
    "agentur",
    "nachrichtenagentur",
    "sender",
    "blatt",
    "radio",
    "fernsehen",
    "tv",
    "news",
    "post",
    "times",
    "journal",
    "spiegel",
    "focus",
    "bild",
    "welt",
    "stern",
    "presse",
    "rundschau",
    "anzeiger",
    "kurier",
    "tagesschau",
    "ard",
    "zdf",
    "bbc",
    "cnn",
    "srf",
    "orf",
    "dpa",
    "afp",
    "reuters",
    "tass",
    "interfax",
    "euronews",
    "guardian",
    "herald",
    "tribune",
)

# Finite Konjunktiv forms not derivable by the "-en → -e" rule, and Konjunktiv II.
KONJUNKTIV_I = _words(
    """
    sei seien seiest habe werde könne müsse solle wolle dürfe möge wisse gebe komme gehe stehe liege
    lasse sehe bleibe tue
    """
)
KONJUNKTIV_II = _words(
    """
    wäre wären hätte hätten würde würden könnte könnten müsste müssten dürfte dürften sollte sollten
    gäbe gäben käme kämen ginge gingen stünde stünden läge lägen bräuchte bräuchten
    """
)
NOT_KONJUNKTIV = _words(
    """
    bitte gerne ohne hole meine deine seine keine eine gerade lange
    """
)

REPORTIVE_SOLL = _words(
    """
    soll sollen
    """
)


_INSEPARABLE = ("be", "er", "ver", "zer", "ent", "emp", "ge", "miss", "unter", "über", "wider", "hinter")
# Generated forms that are common non-verbs.
_NOT_CUES = _words(
    """
    meine meinen rechte sehe macht stellt stellen weise
    """
)


def _expand(stems: str) -> frozenset[str]:
    forms: set[str] = set()
    for raw in stems.split():
        stem = raw.rstrip("*")
        base = stem[:-1] if stem.endswith("t") and not stem.endswith("tt") else stem
        for ending in ("t", "te", "ten", "en", "et", "ete", "eten"):
            forms.add(base + ending)
        forms.add(stem)
        forms.add(base + "n")
        if stem.endswith("t"):  # a true stem ending in t: "bericht" → "berichtet", "berichtete"
            forms.update(stem + ending for ending in ("et", "ete", "eten", "en"))
        if not base.startswith(_INSEPARABLE) and not base.endswith("ier"):
            forms.add("ge" + base + "t")
    return frozenset(forms - _NOT_CUES)


# Separable particles: cue verbs only together with their verb ("teilte mit"), not alone.
WEAK_ALONE = _words(
    """
    mit an hinzu ein vor auf deutlich klar
    """
)
# Reported speech acts: every generated form ("warnen", "verlangte", "kritisierten") plus irregular ones.
REPORTED_FORMS = (_expand(" ".join(REPORTED_STEMS)) | (IRREGULAR_CUES & REPORTED_STEMS)) - WEAK_ALONE
SPEECH_FORMS = (_expand(_WEAK_SPEECH) | IRREGULAR_CUES | REPORTED_FORMS) - WEAK_ALONE

COMPLEMENTIZERS = _words(
    """
    dass ob wie warum weshalb wieso wann wo was wer welche welcher welches that
    """
)

AUXILIARIES = _words(
    """
    hat hatte hatten haben habe hätte hätten ist war waren sind sei wird wurde wurden werden will wollte gab
    gibt gebe müssten müsste könnte könnten dürfte dürften
    wollen soll sollte sollen kann konnte können muss musste müssen has had have will would was were
    """
)
ACCUSATIVE_DETERMINERS = _words("den einen seinen ihren diesen jenen unseren meinen keinen")

SOURCE_SUFFIXES = (
    *SOURCE_NOUNS,
    "berechnungen",
    "ergebnis",
    "ergebnissen",
    "analyse",
    "auffassung",
    "überzeugung",
    "prognose",
    "prognosen",
    "hochrechnung",
    "hochrechnungen",
    "zählung",
    "schätzung",
    "darstellung",
    "plan",
    "einschätzung",
    "worten",
    "äußerungen",
    "aussagen",
    "daten",
    "statistik",
    "zahlen",
    "stellungnahme",
    "erkenntnisstand",
    "planungen",
    "hinweisen",
    "unterlagen",
    "dokumenten",
)

# Verbs that are speech only with their particle: "gab an", "teilte mit", "wies darauf hin".
NEEDS_PARTICLE = _words(
    """
    gab gibt gaben geben teilte teilt teilten stellte stellt stellten machte macht machten wies weist
    wiesen rief ruft riefen hob hebt hoben räumte räumt räumten fügte fügt fügten kündigte kündigt
    kündigten merkte merkt merkten deutete deutet deuteten warf wirft warfen werfen zeigte zeigt zeigten
    regte regt regten führte führt führten
    """
)
PARTICLES = _words("an mit fest klar heraus hervor hin ein hinzu auf vor zu bekannt zurück aus deutlich")

AGENT_SUFFIXES = (
    *ROLE_SUFFIXES,
    *MEDIA_WORDS,
    "polizei",
    "regierung",
    "ministerium",
    "behörde",
    "behörden",
    "staatsanwaltschaft",
    "gericht",
    "gerichtshof",
    "firma",
    "unternehmen",
    "konzern",
    "verband",
    "partei",
    "organisation",
    "gewerkschaft",
    "kommission",
    "medien",
    "experten",
    "kritiker",
    "analysten",
    "ermittler",
    "ärzte",
    "rat",
    "amt",
    "senat",
    "fraktion",
    "komitee",
    "dienst",
    "militär",
    "armee",
    "bundesregierung",
    "bericht",
    "mitteilung",
    "erklärung",
    "zeugen",
    "augenzeugen",
    "vertreter",
    "sprecher",
    "gruppe",
    "opposition",
    "rebellen",
    "aktivisten",
    "anwalt",
    "anwälte",
    "feuerwehr",
    "verein",
    "club",
    "stiftung",
    "institut",
    "universität",
)

# Verbs of saying whose comma clause is reported speech even in the indicative ("Er sagte, es regnet").
STRONG_SPEECH = (
    "sag",
    "erklär",
    "meint",
    "betont",
    "bericht",
    "schrieb",
    "schreib",
    "behaupt",
    "argumentiert",
    "versichert",
    "warnt",
    "teilte",
    "teilt",
    "ergänzt",
    "fügte",
    "unterstrich",
    "bekräftigt",
    "antwortet",
    "entgegnet",
    "mahnt",
    "kritisiert",
    "said",
    "told",
    "stated",
)
