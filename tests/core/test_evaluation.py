"""The pure scoring behind evaluate_claims."""

from __future__ import annotations

import pytest

from articles.core.evaluation import Evaluation, Quote, quote_from_claim, quote_from_gold
from articles.core.types import Claim, Mention

TEXT = "Der Hafen bleibt zu, sagte Ina Roth. Später regnete es. Die Firma forderte Geld."


def test_gold_conversion_and_unknown_type() -> None:
    gold = quote_from_gold(
        {"type": "Indirect", "quote": {"spans": [[0, 19]]}, "speaker": {"spans": [[27, 35]]}, "cue": None}
    )
    assert gold == Quote("indirect", ((0, 19),), ((27, 35),), ())
    with pytest.raises(ValueError):
        quote_from_gold({"type": "Rumour", "quote": {"spans": [[0, 1]]}})


def test_one_to_one_matching_precision_recall_and_accuracies() -> None:
    gold = [Quote("indirect", ((0, 19),), ((27, 35),), ((21, 26),)), Quote("reported", ((56, 81),), ((56, 65),))]
    predicted = [
        Quote("indirect", ((0, 19),), ((27, 35),), ((21, 26),)),
        Quote("indirect", ((4, 19),), ((27, 35),)),  # same quote again: one-to-one, so a false positive
        Quote("direct", ((37, 55),)),  # no gold there
    ]
    evaluation = Evaluation()
    evaluation.add_document(TEXT, gold, predicted)
    figures = evaluation.report()["overall"]
    assert figures["matched"] == 1
    assert figures["precision"] == pytest.approx(1 / 3)
    assert figures["recall"] == pytest.approx(1 / 2)
    assert figures["f1"] == pytest.approx(0.4)
    assert figures["speaker_accuracy"] == 1.0 and figures["cue_accuracy"] == 1.0
    by_type = evaluation.report()["by_type"]
    assert by_type["reported"]["recall"] == 0.0 and by_type["indirect"]["recall"] == 1.0


def test_small_overlap_is_no_match_and_type_speaker_errors_count() -> None:
    gold = [Quote("indirect", ((0, 19),), ((27, 35),))]
    evaluation = Evaluation()
    evaluation.add_document(TEXT, gold, [Quote("direct", ((14, 35),), ((0, 9),))])
    assert evaluation.report()["overall"]["matched"] == 0
    evaluation = Evaluation()
    evaluation.add_document(TEXT, gold, [Quote("direct", ((0, 15),), ((0, 9),))])
    figures = evaluation.report()["overall"]
    assert figures["matched"] == 1 and figures["type_accuracy"] == 0.0 and figures["speaker_accuracy"] == 0.0


def test_quote_from_claim_uses_spans_and_mentions() -> None:
    claim = Claim(
        type="direct",
        text="x",
        start=0,
        end=30,
        section=0,
        spans=((0, 10), (20, 30)),
        speaker_mention=Mention("Ina", 1, 4),
        cue=Mention("sagte", 5, 10),
    )
    assert quote_from_claim(claim) == Quote("direct", ((0, 10), (20, 30)), ((1, 4),), ((5, 10),))


def test_addressee_precision_and_recall_on_matched_quotes() -> None:
    gold = [
        Quote("indirect", ((0, 19),), addressee=((27, 35),)),
        Quote("reported", ((56, 81),), addressee=((56, 65),)),
    ]
    predicted = [
        Quote("indirect", ((0, 19),), addressee=((27, 31),)),  # shares a token: right
        Quote("reported", ((56, 81),)),  # the gold names an addressee we missed
    ]
    evaluation = Evaluation()
    evaluation.add_document(TEXT, gold, predicted)
    figures = evaluation.report()["overall"]
    assert figures["addressee_gold"] == 2 and figures["addressee_predicted"] == 1
    assert figures["addressee_precision"] == 1.0 and figures["addressee_recall"] == 0.5
