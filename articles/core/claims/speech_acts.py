"""Reported speech acts: a verb of saying with an object and no reported clause ("Die Firma forderte eine
schnellere Entscheidung", "Die Polizei geht von Suizid aus")."""

from __future__ import annotations

from .drafts import Draft, Sentence, mention_of, token_span
from .frames import Frame, person_like
from .lexicon import REPORTED_FORMS, REPORTED_STEMS

_PASSIVE = frozenset(("wurde", "wurden", "worden", "wird", "werden"))


def reported_act(text: str, sent: Sentence, index: int, frame: Frame) -> Draft | None:
    verb = sent.tokens[frame.cue].text.lower()
    if frame.speaker is None or (verb not in REPORTED_FORMS and not verb.startswith(tuple(REPORTED_STEMS))):
        return None
    words = {t.text.lower() for t in sent.tokens}
    subject = sent.tokens[frame.speaker.first].text.lower()
    if words & _PASSIVE or subject in ("es", "man", "ihm", "ihr", "ihnen") or verb.startswith("droh"):
        return None  # passives, "Es geht um …", "Ihm drohen …": no speech act
    # Inside the word, so participles count too ("geführt", "gerechnet", "geschätzt", "gegeben").
    needed = next((w for stems, w in _NEEDS_WORD if any(stem in verb for stem in stems)), None)
    if needed is not None and not words & needed:
        return None  # "hält … für", "wertet … als", "begründet … mit": without it no view is stated
    if verb.startswith(("geh", "ging")) and not (
        _clause_ends_with(sent, frame.cue, "aus") and words & {"davon", "von"}
    ):
        return None  # only "geht (da)von … aus" states a view; "ging zurück", "gehen weiter" report no speech
    if frame.cue > 0 and sent.tokens[frame.cue - 1].text.lower() == "wie":
        return None  # "wie erwartet": as expected, nobody's view
    if subject in ("den", "dem") or (verb.startswith("erwart") and not person_like(sent.tokens, frame.speaker)):
        return None  # "Den Fahrer erwartet eine Anklage": what awaits somebody is no view
    span = token_span(sent, 0, len(sent.tokens))
    if span is None:
        return None
    draft = Draft("reported", [span], index)
    draft.speaker = mention_of(text, sent.tokens, frame.speaker)
    return draft


def _clause_ends_with(sent: Sentence, cue: int, particle: str) -> bool:
    """The separable particle closes the verb's clause: "geht von Suizid aus", "…, geht … aus, dass"."""
    tokens = sent.tokens
    end = next(
        (k for k in range(cue + 1, len(tokens)) if tokens[k].text in (",", ".", ";", ":", "!", "?")), len(tokens)
    )
    return end > cue + 1 and tokens[end - 1].text.lower() == particle


_NEEDS_WORD = (
    (("gab", "gibt", "geben"), frozenset(("bekannt", "an"))),
    (("regt", "führt"), frozenset(("an",))),
    (("rechne",), frozenset(("mit",))),
    (("schätz",), frozenset(("auf", "ein"))),
    (("hält", "halt", "hielt"), frozenset(("für",))),
    (("wert",), frozenset(("als",))),
    (("begründ",), frozenset(("mit", "damit"))),
)
