"""Claims a report introduces without a verb of saying: "Danach …" after a published report, "…, wonach
…" after a report noun, "Dies geht aus X hervor" for the sentence before, "Es wurde bekannt, dass …"."""

from __future__ import annotations

from collections.abc import Sequence

from .drafts import Draft, Sentence, cued_draft, quoted_share, token_span
from .lexicon import SOURCE_SUFFIXES
from .phrases import Phrase, np_forward
from .text import Token

# What makes the sentence before a report whose content "Danach …" gives: a document noun or a verb of
# publishing ("veröffentlichte heute neue Zahlen. Danach …").
_PUBLISHING = ("veröffentlich", "vorgestellt", "stellte", "präsentiert", "legte", "publiziert", "erschien")
_DOCUMENTS = (*SOURCE_SUFFIXES, "zahlen", "quartalszahlen", "act", "gesetz", "urteil", "gutachten")
_BEKANNT = frozenset(("wurde", "wurden", "ist", "war", "wird"))


def report_claim(text: str, sents: list[Sentence], index: int) -> Draft | None:
    """A claim of sentence ``index`` introduced by a report (see the module docstring), or None."""
    sent = sents[index]
    if not sent.tokens or quoted_share(sent, 0, len(sent.tokens)) > 0.5:
        return None
    return (
        _danach(text, sents, index)
        or _wonach(text, sent, index)
        or _hervor(text, sents, index)
        or _bekannt_dass(text, sent, index)
    )


def _danach(text: str, sents: list[Sentence], index: int) -> Draft | None:
    """ "Die Bank veröffentlichte neue Zahlen. Danach verzeichnet sie Verluste." """
    sent = sents[index]
    tokens = sent.tokens
    if index == 0 or len(tokens) < 4 or tokens[0].text != "Danach" or not tokens[1].text.islower():
        return None
    before = [t.text.lower() for t in sents[index - 1].tokens]
    if not any(w.startswith(_PUBLISHING) or w.endswith(_DOCUMENTS) for w in before):
        return None  # "Danach" as "afterwards"
    span = token_span(sent, 1, len(tokens))
    if span is None:
        return None
    return cued_draft(text, tokens, index, span, cue=0, speaker=Phrase(0, 1))  # the corpus marks "Danach" itself


def _wonach(text: str, sent: Sentence, index: int) -> Draft | None:
    """ "…, wies einen Bericht der Zeitung zurück, wonach der Hafen schließt": the report says it."""
    tokens = sent.tokens
    k = next((i for i, t in enumerate(tokens) if t.text.lower() == "wonach" and i > 1), None)
    if k is None or tokens[k - 1].text != ",":
        return None
    report = _report_phrase_before(tokens, k - 1)
    end = next((j for j in range(k + 1, len(tokens)) if tokens[j].text in (".", ";")), len(tokens))
    span = token_span(sent, k + 1, end)
    if report is None or span is None:
        return None
    return cued_draft(text, tokens, index, span, cue=k, speaker=report)


def _report_phrase_before(tokens: Sequence[Token], comma: int) -> Phrase | None:
    """The last noun phrase of the clause before the comma whose head is a report noun ("einen Bericht
    der Zeitung zurückgewiesen, wonach …", "eine Schätzung, wonach …")."""
    start = next((k + 1 for k in range(comma - 1, -1, -1) if tokens[k].text in (",", ";", ":")), 0)
    found = None
    first = max(start, comma - 14)
    while first < comma:
        phrase = np_forward(tokens, first)
        if phrase is None or phrase.last > comma:
            first += 1
            continue
        heads = [t.text.lower() for t in tokens[phrase.first : phrase.last]]
        if any(w.endswith(_DOCUMENTS) or w in ("version", "darstellung") for w in heads[:3]):
            found = phrase
        first = phrase.last
    return found


def _hervor(text: str, sents: list[Sentence], index: int) -> Draft | None:
    """ "Der Hafen bleibt zu. Dies geht aus einer Mitteilung der Stadt hervor.": the sentence before."""
    sent = sents[index]
    tokens = sent.tokens
    words = [t.text.lower() for t in tokens]
    if index == 0 or len(tokens) < 5 or words[0] not in ("dies", "das") or words[1] not in ("geht", "ging"):
        return None
    if "aus" not in words or (words[-1] != "hervor" and words[-2:-1] != ["hervor"]):
        return None
    previous = sents[index - 1]
    span = token_span(previous, 0, len(previous.tokens))
    if span is None or quoted_share(previous, 0, len(previous.tokens)) > 0.5:
        return None
    return cued_draft(text, tokens, index, span, cue=1, speaker=np_forward(tokens, words.index("aus") + 1))


def _bekannt_dass(text: str, sent: Sentence, index: int) -> Draft | None:
    """ "Im April wurde bekannt, dass …": news that became known, from no named source."""
    tokens = sent.tokens
    for k in range(1, len(tokens) - 2):
        opens = tokens[k].text == "bekannt" and tokens[k + 1].text == "," and tokens[k + 2].text.lower() == "dass"
        if opens and any(t.text.lower() in _BEKANNT for t in tokens[max(0, k - 4) : k]):
            span = token_span(sent, k + 2, len(tokens))
            return cued_draft(text, tokens, index, span, cue=k, speaker=None) if span is not None else None
    return None
