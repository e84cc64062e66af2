"""Vocabulary of update markers: words, month and weekday names, clock times, time zones.

Only the regular expressions and lookup tables live here; ``markers`` applies them.
"""

from __future__ import annotations

import re

_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("januar", "jänner", "jan", "january"),
    ("februar", "feber", "feb", "february"),
    ("märz", "maerz", "mär", "mrz", "march", "mar"),
    ("april", "apr"),
    ("mai", "may"),
    ("juni", "jun", "june"),
    ("juli", "jul", "july"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("oktober", "okt", "october", "oct"),
    ("november", "nov"),
    ("dezember", "dez", "december", "dec"),
)
MONTHS: dict[str, int] = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}

WEEKDAYS_DE = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Mo|Di|Mi|Do|Fr|Sa|So)\.?"
WEEKDAYS_EN = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH = rf"(?i:{_MONTH})\b\.?"

# Date and time pieces of a German marker. Numeric dates need the closing dot
# ("2.6.") so that a clock time ("8.22 Uhr") is never read as a date.
DATE_TEXT = rf"(?P<day>\d{{1,2}})\.\s*(?P<month_name>{MONTH})(?:\s+(?P<year>\d{{4}}))?"
DATE_NUM = r"(?P<nday>\d{1,2})\.\s?(?P<nmonth>\d{1,2})\.(?:\s?(?P<nyear>\d{4}|\d{2})(?![.:]?\d))?"
TIME_UHR = r"(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?\s*Uhr\b"
TIME_BARE = r"(?P<bhour>\d{1,2})[.:](?P<bminute>\d{2})(?![.:]?\d)"

_ITEM = (
    rf"(?:{WEEKDAYS_DE},?|\d{{1,2}}\.\s*{MONTH}(?:\s+\d{{4}})?"
    r"|\d{1,2}\.\s?\d{1,2}\.(?:\s?(?:\d{4}|\d{2})(?![.:]?\d))?"
    r"|\d{1,2}(?:[.:]\d{2})?\s*Uhr\b|\d{1,2}[.:]\d{2}(?![.:]?\d)"
    r"|vom|von|am|um|gegen|den|[,()])"
)
# The date/time part after the marker word, e.g. " vom Freitag, 7. Juni, 17.33 Uhr".
DESCRIPTOR = rf"(?:\s*{_ITEM})*"

UPDATE_WORD = r"(?:Update|UPDATE|Updtae|Udpate|Upate|Updates|Aktualisierung|Nachtrag)"
FIRST_WORD = (
    r"(?:Erstmeldung|Erste Meldung|Ursprungsmeldung|Ursprüngliche Meldung|Originalmeldung|Originalartikel"
    r"|Erstveröffentlichung|Original story|Original report|Original post)"
)
# What separates a marker from its text: "Update …: text", "21:25 Uhr | text", "Update: 17.17 Uhr/ text".
SEPARATOR = r"(?:\s*(?::|\||/|\+{3}|[–—-](?=\s)))"

GERMAN_MARKER = re.compile(
    rf"^(?P<banner>\+{{3}}\s*)?(?:(?P<update>{UPDATE_WORD})|(?P<first>{FIRST_WORD}))\b"
    rf"(?P<desc>(?:\s*:(?=\s*\d))?{DESCRIPTOR})(?P<sep>{SEPARATOR})?"
)
TICKER_MARKER = re.compile(
    rf"^(?P<banner>\+{{3}}\s*)?(?P<desc>(?:\s*{_ITEM})*?\s*\d{{1,2}}(?:[.:]\d{{2}})?\s*Uhr\b)(?P<sep>{SEPARATOR})?"
)
# n-tv style banners: "+++ 14:05 Pegel steigt weiter +++" (a time without "Uhr").
BANNER_TIME = re.compile(
    r"^\+{3}\s*(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?![.:]?\d)\s*(?:Uhr\b)?(?P<sep>\s*[:|–-])?\s*"
)
BARE_TIME_LINE = re.compile(r"^\s*(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)\s*$")

ZONES: dict[str, str] = {
    "BST": "Europe/London",
    "GMT": "Europe/London",
    "UTC": "UTC",
    "CET": "Europe/Berlin",
    "CEST": "Europe/Berlin",
    "MEZ": "Europe/Berlin",
    "MESZ": "Europe/Berlin",
    "ET": "America/New_York",
    "EDT": "America/New_York",
    "EST": "America/New_York",
    "CT": "America/Chicago",
    "CDT": "America/Chicago",
    "CST": "America/Chicago",
    "PT": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "PST": "America/Los_Angeles",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
}
_ZONE = "|".join(sorted(ZONES, key=len, reverse=True))
EN_TIME = (
    r"(?P<hour>\d{1,2})[.:](?P<minute>\d{2})(?![.:]?\d)\s*"
    rf"(?:(?P<ampm>[ap])\.?\s?m\b\.?)?\s*(?P<zone>(?:{_ZONE})\b)?"
)
EN_DATE = (
    rf"(?:{WEEKDAYS_EN},?\s*)?(?:(?P<month_name>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month_name2>{MONTH}))(?:,?\s+(?P<year>\d{{4}}))?\s*,?\s*(?:at\s+)?"
)
ENGLISH_MARKER = re.compile(
    r"^(?P<open>\[\s*)?(?:(?P<word>UPDATE|Update|UPDATED|Updated|Posted|POSTED"
    r"|(?:Initial|First|Original|INITIAL|FIRST|ORIGINAL) (?:report|post|story|REPORT|POST|STORY))\b"
    r"\s*(?:at\b)?\s*[:,|–-]?\s*)?"
    rf"(?:{EN_DATE})?{EN_TIME}\s*\]?(?P<sep>\s*(?::|\||[–—-](?=\s)))?"
)

DAY_HEADING_DE = re.compile(
    rf"^(?:{WEEKDAYS_DE},?\s*(?:den\s+)?)?(?:{DATE_TEXT}|{DATE_NUM})\s*:?\s*$",
)
DAY_HEADING_EN = re.compile(
    rf"^(?:{WEEKDAYS_EN},?\s*)?(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month_name>{MONTH})"
    rf"|(?P<month_name2>{MONTH})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+(?P<year>\d{{4}}))?\s*$",
)
DATE_IN_DESCRIPTOR = re.compile(rf"{DATE_TEXT}|{DATE_NUM}")
TIME_IN_DESCRIPTOR = re.compile(rf"{TIME_UHR}|{TIME_BARE}")

# Lines that are page furniture, never headings or section text.
CAPTION = re.compile(r"©|^\s*\(?(?:Foto|Fotos|Bild|Bildquelle|Photograph|Photo|Credit|Quelle)\s*:\s*\S", re.IGNORECASE)
EDIT_NOTE = re.compile(r"^\s*(?:Updated|Last updated|Zuletzt aktualisiert|Aktualisiert)\s+(?:at|um)?\s*\d", re.I)
NOISE = re.compile(
    r"^\s*(?:\+{3}(?!\s*(?:Update\b|\d{1,2}[.:]\d{2})).*\+{3}\s*$"
    r"|(?:(?:Live-?Ticker|Liveblog|Ticker|Seite|Artikel)\s+)?(?:aktualisieren|neu laden)\s*$|Refresh\s*$"
    r"|(?:Mehr laden|Mehr anzeigen|Weiterlesen|Mehr zum Thema.*|Zum Artikel|Auch spannend:.*|Lesen Sie auch:.*"
    r"|Anzeige|Werbung|Show more|Load more|Read more.*|Related:.*|Video|Bilder?strecke.*)\s*$"
    # relative ages of blog posts: "1h ago", "23 min ago", "vor 5 Minuten"
    r"|\d+\s?(?:h|hr|hrs|m|min|mins|d|Std\.?|Min\.?)\s+ago\s*$|vor\s+\d+\s+(?:Minuten|Stunden|Tagen)\s*$)",
    re.IGNORECASE,
)
BULLET = re.compile(r"^\s*(?:[-•*·▪►]|\d{1,2}\))\s+")
SUMMARY_HEADING = re.compile(
    r"^\s*(?:Key events|Summary|Das Wichtigste(?: in Kürze)?|Die wichtigsten \w+|Überblick|Zusammenfassung"
    r"|Highlights|Im Überblick)\b",
    re.IGNORECASE,
)
# Sentence openers are never places: "Die Lage – so der Sprecher – bleibt ernst."
_NOT_A_PLACE = (
    r"(?!(?:Der|Die|Das|Den|Dem|Des|Ein|Eine|Einer|Eines|Es|Er|Sie|Wir|Ich|Man|Auch|Doch|Aber|Und|Nur|So|Dies|Diese"
    r"|Dieser|Hier|Dort|Jetzt|Heute|The|A|An|It|He|She|We|They|This|That|But|And|Here|Now|Today)\b)"
)
DATELINE = re.compile(
    _NOT_A_PLACE
    + r"(?P<place>(?:[A-ZÄÖÜ][\w.'’-]+|[A-Z][A-Z.'’-]+)(?:[ /-](?:[A-ZÄÖÜ][\w.'’-]+|am|an der|bei|im)){0,2})"
    r"(?:,\s+[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?(?:\s*\([^()\n]{1,30}\))?\s+[–—-]\s+"
)
