"""The frame that attributes a direct quote: after it, before it, at a colon, or a verb of judging or
a speech act whose object the quote is."""

from __future__ import annotations

from collections.abc import Sequence

from .drafts import NOT_FINITE, Sentence, first_verb
from .frames import Frame, person_like
from .phrases import Phrase, subject_after, subject_before
from .quotes import QuotePair, words
from .text import Token
from .titles import SPEECH_ACT_VERB, after_speech_act

INDEFINITE = frozenset(("ein", "eine", "einer", "eines", "einem", "einen", "kein", "keine", "keinen", "keiner"))


def anaphoric_frame(sents: list[Sentence], index: int) -> tuple[Frame | None, int]:
    """„…“ Das sagte Innenminister X. — the next sentence attributes the quote."""
    if index >= len(sents) or not sents[index].frames:
        return None, index
    sent, frame = sents[index], sents[index].frames[0]
    demonstrative = sent.tokens[0].text.lower() in ("das", "dies", "so")
    if frame.kind == "verb" and frame.cue == 1 and demonstrative and frame.speaker is not None:
        return frame, index
    return None, index


_JUDGING_STEMS = (
    "bezeichn",
    "beschreib",
    "beschrieb",
    "beurteil",
    "bewert",
    "wertet",
    "verurteil",
    "kritisier",
    "charakterisier",
    "zurückw",
    "wies",
    "weist",
    "abgetan",
    "eingestuft",
    "stuft",
)


def judging_frame(text: str, pair: QuotePair, sent: Sentence) -> Frame | None:
    """ "Als „verpasste Chance“ beurteilte X …" / "X wies dies als „Unsinn“ zurück": the quoted words after
    "als" with a verb of judging are the judge's words; the judge is the verb's subject."""
    before = [w.lower() for w in words(text[max(0, pair.open - 20) : pair.open])]
    if before[-1:] and before[-1] in INDEFINITE:
        before = before[:-1]  # "bezeichnete den Besuch als ein „wichtiges Zeichen“"
    if not before or before[-1] != "als" or not text[: pair.open].endswith(" "):
        return None
    tokens = sent.tokens
    verb = next(
        (i for i, t in enumerate(tokens) if t.text.lower().startswith(_JUDGING_STEMS) and not sent.quoted[i]), None
    )
    return _subject_frame(sent, verb)


def speech_act_frame(text: str, pair: QuotePair, sent: Sentence) -> Frame | None:
    """ "Sie sicherte ihm ihre „volle Unterstützung“ zu": the quoted object of a speech act is the words of
    the act's subject, even when the verb frames no clause."""
    if not after_speech_act(text, pair):
        return None
    tokens = sent.tokens
    verbs = [
        i
        for i, t in enumerate(tokens)
        if t.end <= pair.open and not sent.quoted[i] and SPEECH_ACT_VERB.fullmatch(t.text.lower())
    ]
    return _subject_frame(sent, verbs[-1] if verbs else None)


def _subject_frame(sent: Sentence, verb: int | None) -> Frame | None:
    """A frame whose cue is ``verb`` and whose speaker is the verb's subject (before it, else after it)."""
    if verb is None:
        return None
    tokens = sent.tokens
    speaker = subject_before(tokens, verb, 0)
    after = subject_after(tokens, verb)
    if speaker is None or (after is not None and not person_like(tokens, speaker) and person_like(tokens, after)):
        speaker = after  # "Die Mönche beschrieb die Agentur als „…“": the subject after the verb
    return Frame("verb", verb, speaker, verb, verb + 1) if speaker is not None else None


def frame_for_quote(
    sents: Sequence[Sentence], open_sent: int, close_sent: int, pair: QuotePair
) -> tuple[Frame | None, int]:
    after = sents[close_sent]
    for frame in after.frames:
        start = after.tokens[frame.first].start
        if start >= pair.close and only_punct_between(after, pair.close, start):
            return frame, close_sent
    generic = _verb_after_quote(after, pair)
    if generic is not None:
        return generic, close_sent
    before = sents[open_sent]
    # A view ("ihrer Meinung nach") states no quote; "so X" frames only what precedes it.
    candidates = [f for f in before.frames if before.tokens[f.cue].start < pair.open and f.kind not in ("so", "view")]
    # "X kommentierte laut „bbc.com“: „…“", "sagte X einigen Teilnehmern zufolge: „…“": X speaks; the
    # laut/zufolge phrase is the channel.
    relayed = len(candidates) >= 2 and candidates[-1].kind in ("laut", "zufolge") and candidates[-2].kind == "verb"
    if relayed and candidates[-2].speaker is not None:
        return candidates[-2], open_sent
    if candidates:
        return candidates[-1], open_sent
    colon = _so_before_colon(before, pair) or _colon_frame(before, pair)
    if colon is not None:
        return colon, open_sent
    later = [f for f in after.frames if after.tokens[f.cue].start >= pair.close]
    if later and open_sent == close_sent:
        return _subject_after_quote(after, later[0], pair), close_sent
    return None, close_sent


def _subject_after_quote(sent: Sentence, frame: Frame, pair: QuotePair) -> Frame:
    """„…“, Mayor X told …  /  “…,” she said: the subject between the quote and the verb. It beats a
    phrase after the verb, which is then the listener ("Brenner told CNN")."""
    tokens = sent.tokens
    start = next((i for i, t in enumerate(tokens) if t.start >= pair.close), None)
    while start is not None and start < frame.cue and tokens[start].text in (",", "–", "—"):
        start += 1
    if start is None or start >= frame.cue:
        return frame
    speaker = subject_before(tokens, frame.cue, start) or _english_description(tokens, start, frame.cue)
    if speaker is None:
        return frame
    return Frame(frame.kind, frame.cue, speaker, frame.first, frame.last, frame.cue_last)


def _english_description(tokens: Sequence[Token], start: int, cue: int) -> Phrase | None:
    """ "“…,” the mayor told reporters": an English description is lower-case, which German phrase rules
    do not take for a noun phrase."""
    words = tokens[start:cue]
    if 2 <= len(words) <= 5 and words[0].text.lower() in ("the", "a", "an") and all(w.text.isalpha() for w in words):
        return Phrase(start, cue)
    return None


def _verb_after_quote(sent: Sentence, pair: QuotePair) -> Frame | None:
    """„…“, zeigte sich X zufrieden: a finite verb right after the quote, its subject follows."""
    tokens = sent.tokens
    k = next((i for i, t in enumerate(tokens) if t.start >= pair.close), None)
    if k is None or k + 1 >= len(tokens) or tokens[k].text != ",":
        return None
    verb = tokens[k + 1]
    if not verb.text.islower() or verb.text in NOT_FINITE or sent.quoted[k + 1]:
        return None
    speaker = subject_after(tokens, k + 1)
    if speaker is None:
        return None
    return Frame("verb", k + 1, speaker, k + 1, k + 2)


def _so_before_colon(sent: Sentence, pair: QuotePair) -> Frame | None:
    """ "…, so X weiter: „…“": the so-frame that ends at the colon introduces the quote too."""
    tokens = sent.tokens
    k = next((i for i, t in enumerate(tokens) if t.start >= pair.open), None)
    if k is None or k < 2 or tokens[k - 1].text != ":":
        return None
    for frame in sent.frames:
        tail = [t.text.lower() for t in tokens[frame.last : k - 1]]
        if frame.kind == "so" and frame.speaker is not None and all(w in ("weiter", "zudem", "außerdem") for w in tail):
            return frame
    return None


def _colon_frame(sent: Sentence, pair: QuotePair) -> Frame | None:
    """X stellte in Frage: „…“ — the subject of the clause before the colon."""
    tokens = sent.tokens
    k = next((i for i, t in enumerate(tokens) if t.start >= pair.open), None)
    if k is None or k < 2 or tokens[k - 1].text != ":":
        return None
    verb = first_verb(sent, stop=k - 1)
    if verb is None:
        return None
    speaker = subject_before(tokens, verb, 0)
    after = subject_after(tokens, verb)
    if speaker is None or (after is not None and not person_like(tokens, speaker) and person_like(tokens, after)):
        speaker = after  # "Die Anwendung der Regel stellte der Vorsitzende X in Frage: „…“"
    if speaker is None or not person_like(tokens, speaker):
        return None  # "Seine Zuversicht gründet sich auf …: „…“": a thing speaks not; the speaker is earlier
    return Frame("verb", verb, speaker, verb, verb + 1)


def only_punct_between(sent: Sentence, start: int, end: int) -> bool:
    return all(not t.text[0].isalnum() for t in sent.tokens if start <= t.start < end)
