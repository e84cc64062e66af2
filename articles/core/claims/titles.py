"""Whether a quoted stretch is somebody's words or a title, a name or a term in quote marks."""

from __future__ import annotations

import re

from simplemma import is_known

from .lexicon import SPEECH_FORMS
from .quotes import SENTENCE_END, QuotePair, words

_FUNCTION_WORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "und",
        "oder",
        "im",
        "in",
        "am",
        "an",
        "auf",
        "of",
        "the",
        "and",
        "for",
        "to",
        "a",
        "für",
        "von",
        "vom",
        "zu",
        "zum",
        "zur",
    ]
)
_TITLE_NOUNS = frozenset(
    [
        "titel",
        "motto",
        "operation",
        "slogan",
        "namen",
        "name",
        "genannt",
        "genannte",
        "genannten",
        "heißt",
        "hieß",
        "buch",
        "film",
        "album",
        "song",
        "lied",
        "roman",
        "kampagne",
        "projekt",
        "aktion",
        "programm",
        "sendung",
        "zeitung",
        "zeitschrift",
        "magazin",
        "gruppe",
        "partei",
        "organisation",
        "bewegung",
        "schlagzeile",
        "überschrift",
        "stichwort",
        "begriff",
        "unwort",
        "wort",
        "kategorie",
        "klasse",
        "typs",
        "typ",
        "marke",
        "spitznamen",
        "sogenannte",
        "sogenannten",
        "sogenannter",
        "bezeichnung",
        "kürzel",
        "initiative",
        "verein",
        "serie",
        "studie",
        "codenamen",
        "tageszeitung",
        "wochenzeitung",
        "blatt",
        "sender",
        "bündnis",
        "plattform",
        "schiff",
        "app",
        "motto",
        "bereich",
    ]
)
# Compounds ending in a longer title noun name what follows as well ("Phänomenbereich „…“", "Kinofilm"
# is too short to tell from "Antwort"): heads of six letters or more only.
_TITLE_HEADS = tuple(sorted(n for n in _TITLE_NOUNS if len(n) >= 6 and not n.startswith(("genannt", "sogenannt"))))


def _title_noun(word: str) -> bool:
    """A title noun or a compound whose head is one ("Wahlkampfslogan", "Phänomenbereich")."""
    return word in _TITLE_NOUNS or (len(word) > 8 and word.endswith(_TITLE_HEADS))


# Words before a quoted noun that make it a quoted judgement, not a name: "eine „Zeitungsente“".
_QUOTE_INTRODUCERS = frozenset(
    ["ein", "eine", "einen", "einem", "einer", "eines", "als", "von", "vor", "wie", "keine", "kein"]
)


_DEFINITE = frozenset(("der", "die", "das", "den", "dem", "des", "zur", "zum", "im", "vom", "beim", "am", "ins"))


def is_title_like(text: str, pair: QuotePair, lang: str = "de") -> bool:
    """Names, titles and translations in quote marks: not quotations."""
    return title_reason(text, pair, lang) is not None


def title_reason(text: str, pair: QuotePair, lang: str = "de") -> str | None:
    """Why the quoted stretch is a name or title (a short label), or None when it may be a quotation."""
    content = pair.content(text).strip()
    found = words(content)
    if not found:
        return "empty"
    before = text[max(0, pair.open - 40) : pair.open]
    after = text[pair.close : pair.close + 12]
    if _in_parentheses(before, after) and not _whole_sentence(content):
        return "parentheses"
    if (
        _GLOSS_AFTER.match(after)
        and _ARTICLE_BEFORE.search(before)
        and len(found) <= 4
        and not SENTENCE_END.search(content)
    ):
        # A term explained in parentheses: "ein „pressure test“ (Drucktest)". The article before it keeps
        # a quote with its speaker in parentheses ("„Wir schaffen das“ (Kanzlerin)") a quote.
        return "gloss"
    if _NAMED_AFTER.match(after):
        return "named"  # das als „Dschungel am Fluss“ bekannte Lager
    if _attributive(content, found, before, after):
        return "attributive"  # a quoted adjective of the noun after it: "der „drastischen“ Erhöhung"
    if re.match(r"[a-zäöü]+[A-Z]", content):
        return "camel case"  # a brand: „iPod mini“, „eBay“
    if _COMPOUND_AFTER.match(after):
        return "compound"  # part of a compound word: "eine „Eins zu Eins“-Runde"
    if lang == "de" and _opens_reported_clause(before):
        return None  # "Er sagte, „Sperrzonen“ dürfe es nicht geben": the speaker's word opens the clause
    # Only words right before the quote mark (no colon or comma between) name what follows.
    previous = [w.lower() for w in words(before)[-3:]] if before.rstrip()[-1:].isalnum() else []
    if _self_named(previous):
        return "self-named"  # "die sich selbst „Bund freier Bauern“ nennt", "der sich als „Bürgeranwalt“ sieht"
    previous = previous[-2:]
    # "Wie „Radio Nord“ berichtet": a quotation is set off from the verb after it by a comma.
    speaks = lang == "de" and _speaks_itself(content, found, after)
    if speaks and previous[-1:] == ["wie"]:
        return "speaker"
    reason = _reason_before(previous, content, found, spoken=spoken_of(text, pair))
    if reason == "definite" and lang == "de" and _after_preposition(previous) and after_speech_act(text, pair):
        reason = None  # "warnte vor den „Sparmodellen“": the speaker's word; "wirft der „AK X“ vor": a name
    if reason is not None:
        return reason or None
    if speaks and content[:1].isupper():
        return "speaker"
    reason = _reason_of_content(content, found, lang)
    if reason == "capitalised" and lang == "de" and after_speech_act(text, pair):
        return None  # "riet zu „Gelassenheit und Geduld“"
    return reason


def _reason_before(previous: list[str], content: str, found: list[str], *, spoken: bool) -> str | None:
    """A reason from the words before the quote; "" when they mark a quotation ("als", "eine")."""
    if not previous:
        return None
    if _title_noun(previous[-1]):
        return "title noun"
    if previous[-1] == "von" and content[:1].isupper() and not spoken:
        return "von"  # the name of a source or maker: "ein Bericht von „Radio Nord“"
    if previous[-1] in _QUOTE_INTRODUCERS:
        return ""  # "als" / "eine" beats a noun before it: "hält den Verein als „…“"
    if _title_noun(previous[0]) and content[:1].isupper():
        return "title noun"  # "der Verein „Hilfe für Kinder“"; "der Verein Schulze „die Chance gegeben“" is wording
    if previous[-1] in _DEFINITE and content[:1].isupper() and len(found) <= 8:
        return "definite"  # "die „Aktion Deutschland hilft“": a name after a definite article
    return None


def _reason_of_content(content: str, found: list[str], lang: str) -> str | None:
    if " " not in content and re.search(r"\w\.\w", content):
        return "domain"  # „tagesschau.de“
    foreign = sum(not is_known(w.lower(), lang="de") for w in found) * 2 > len(found)
    # A single lower-case word the dictionary lacks is mostly an inflected German form ("„anhabe“").
    single_lower = len(found) == 1 and (content[:1].islower() or _german_compound(found[0]))
    if lang == "de" and len(found) <= 4 and foreign and not single_lower:
        return "foreign"  # mostly non-German words: a foreign name or title ("Brothers to the Rescue")
    if lang == "de" and _foreign_phrase(content, found):
        return "foreign"  # the dictionary knows "day", "nice": a small foreign word gives the name away
    sentence_like = bool(re.search(r"[.!?,:;]\s*$", content)) or bool(re.search(r"[.!?]\s", content))
    # One-letter pieces are no words of their own: the "s" of "People's", the "d" of "d'Or".
    content_words = [w for w in found if w.lower() not in _FUNCTION_WORDS and len(w) > 1]
    all_caps = all(w[:1].isupper() or w[:1].isdigit() for w in content_words) if content_words else True
    return "capitalised" if all_caps and len(found) <= 6 and not sentence_like else None


_COMPOUND_AFTER = re.compile(r"-\w")
_SPEAKING_OF = re.compile(
    r"\b(?:sprach|sprachen|spricht|sprechen|redete|redeten|redet)\b(?:\s+\S+){0,6}?\s+von"
    r"(?:\s+(?:der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen))?\s*$"
)


# Speech acts whose object in quote marks is the speaker's wording ("warnte vor „Panikmache“",
# "warfen der Regierung „Wortbruch“ vor", "riet zu „Gelassenheit und Geduld“").
SPEECH_ACT_VERB = re.compile(
    r"(?:warn\w*|gewarnt|forder\w*|gefordert|riet|rieten|rät|warf|warfen|wirft|werfen|kritisier\w*|lob\w*"
    r"|gelobt|begrüß\w*|verlang\w*|sicher\w*|beklag\w*|appellier\w*|mahn\w*|gemahnt|prangert\w*|würdig\w*)"
)
_SPEECH_ACT = re.compile(r"\b" + SPEECH_ACT_VERB.pattern + r"\b[^.!?:;„“”\"»«()]*$")


_PREPOSITIONS = frozenset(("vor", "von", "für", "gegen", "über", "auf", "an", "neben", "mit", "in", "zu", "um"))


def _after_preposition(previous: list[str]) -> bool:
    """ "vor den", "neben der", "zur": the quote is the object of a preposition, not a clause's subject."""
    contracted = previous[-1:] in (["zur"], ["zum"], ["vom"], ["beim"])
    return contracted or (len(previous) >= 2 and previous[-2] in _PREPOSITIONS)


def after_speech_act(text: str, pair: QuotePair) -> bool:
    """The quote is an object of a speech act in its own clause: the speaker's words, not a term."""
    return _SPEECH_ACT.search(text[max(0, pair.open - 80) : pair.open]) is not None


def spoken_of(text: str, pair: QuotePair) -> bool:
    """ "Analysten sprachen von „Panikverkäufen“": the words somebody used, not a term or a name."""
    return _SPEAKING_OF.search(text[max(0, pair.open - 80) : pair.open]) is not None


_GERMAN_ENDINGS = ("ung", "ungen", "heit", "keit", "schaft", "modell", "modellen", "theorie", "theorien", "lich")


def _german_compound(word: str) -> bool:
    """A long capitalised word the dictionary lacks is mostly a German compound ("Sparmodellen"), not
    a foreign name, when it has umlauts or a German suffix."""
    lower = word.lower()
    return len(word) >= 8 and (any(c in lower for c in "äöüß") or lower.endswith(_GERMAN_ENDINGS))


def _self_named(previous: list[str]) -> bool:
    """What one calls oneself ("sich selbst „…“", "sich als „…“", "nennt sich „…“") is a name or a
    self-description; "zeigte sich „sehr zufrieden“" stays a quotation."""
    if previous[-2:] in (["sich", "selbst"], ["sich", "als"]) or previous[-3:] == ["sich", "selbst", "als"]:
        return True
    return previous[-1:] == ["sich"] and len(previous) >= 2 and previous[-2].startswith(("nenn", "nann"))


_ADJECTIVE_END = re.compile(r"[a-zäöüß]{3,}(?:e|en|er|es|em)$")
_NOUN_AFTER = re.compile(r" [A-ZÄÖÜ]")
_QUOTE_SIBLING_BEFORE = re.compile(r"[“”\"»«]\s*(?:,|und|oder|sowie)\s*$")


def _attributive(content: str, found: list[str], before: str, after: str) -> bool:
    """One lower-case adjective in quote marks before its noun marks the word, not somebody's
    statement; "aus „harten“ und „weichen“ Gründen" stays a quote (coordinated with a quote)."""
    if len(found) != 1 or not _ADJECTIVE_END.fullmatch(content) or not _NOUN_AFTER.match(after):
        return False
    return not _QUOTE_SIBLING_BEFORE.search(before)


_VERB_COMMA = re.compile(r"\b([a-zäöüß]+) ?, ?$")


def _opens_reported_clause(before: str) -> bool:
    found = _VERB_COMMA.search(before)
    return found is not None and found.group(1) in SPEECH_FORMS


_GLOSS_AFTER = re.compile(r" ?\((?!\.)")
_ARTICLE_BEFORE = re.compile(r"\b(?:ein|eine|einen|einem|einer|eines|der|die|das|den|dem|des)\s*$", re.IGNORECASE)
# "das als „…“ bekannte Lager", but not "„…“ bekanntgegeben" (announced: a verb of saying).
_NAMED_AFTER = re.compile(r"\s*(?:bekannt(?:e[mnrs]?)?|genannt\w*|benannt\w*|getauft\w*)\b")


def _speaks_itself(content: str, found: list[str], after: str) -> bool:
    following = _NEXT_WORD.match(after)
    short = len(found) <= 5 and not re.search(r"[,.!?…]$", content)
    return short and following is not None and following.group(1) in SPEECH_FORMS


_NEXT_WORD = re.compile(r" ([a-zäöüß]+)\b")


# Small words of English, French, Spanish, Italian, Latin and Arabic names that German sentences lack.
_FOREIGN_SMALL_WORDS = frozenset(
    ("a", "the", "of", "for", "to", "is", "are", "pour", "la", "le", "les", "du", "el", "los", "y", "con", "pro", "al")
)


def _foreign_phrase(content: str, found: list[str]) -> bool:
    if len(found) < 2 or len(found) > 6 or re.search(r"[.!?…]$", content):
        return False
    return any(w.lower() in _FOREIGN_SMALL_WORDS for w in re.findall(r"[^\W\d_]+", content))


def _in_parentheses(before: str, after: str) -> bool:
    return before.rstrip().endswith("(") or after.lstrip().startswith(")")


def _whole_sentence(content: str) -> bool:
    """A quoted sentence in parentheses is an aside quote ("X („Das war knapp.“) nickte"), not a translation."""
    return bool(re.search(r"[.!?…]$", content)) and len(words(content)) >= 4


# A sentence ends after a word, not after an ordinal ("4. Winterwelt") or an abbreviation ("e.V.", "Inc.").
