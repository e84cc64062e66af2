"""manage.py evaluate_claims PATH.jsonl [--json] [--pipeline] [--errors N]

Scores claim extraction against gold quotation annotations in the quotes-de
format (``{"id", "text", "annotations": [...]}`` per line). The figures and
their definitions are in ``articles.core.evaluation``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.core import analyze_text
from articles.core.claims import extract_claims
from articles.core.evaluation import Evaluation, quote_from_claim, quote_from_gold
from articles.core.types import Claim, Section


class Command(BaseCommand):
    help = "Score claim extraction on a gold JSONL file: quote-span P/R/F1, type/speaker/cue accuracy, per type."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="gold file, one JSON document per line")
        parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
        parser.add_argument(
            "--pipeline",
            action="store_true",
            help="run the whole analyze_text pipeline (header, sections) instead of one body section",
        )
        parser.add_argument("--lang", default="de")

    def handle(self, *args: Any, **options: Any) -> None:
        evaluation = Evaluation()
        for number, record in enumerate(self._records(Path(options["path"])), start=1):
            try:
                gold = [quote_from_gold(a) for a in record.get("annotations", [])]
                text = record["text"]
            except (KeyError, TypeError, ValueError) as error:
                raise CommandError(f"line {number}: not a gold record ({error})") from error
            claims = self._claims(text, pipeline=options["pipeline"], lang=options["lang"])
            evaluation.add_document(text, gold, [quote_from_claim(c) for c in claims])
        report = evaluation.report()
        if options["json"]:
            self.stdout.write(json.dumps(report, indent=2))
        else:
            self._print(report)

    def _records(self, path: Path) -> Any:
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as error:
                        raise CommandError(f"line {number}: invalid JSON ({error})") from error

    def _claims(self, text: str, *, pipeline: bool, lang: str) -> tuple[Claim, ...]:
        if pipeline:
            return analyze_text(text, lang=lang).claims
        return extract_claims(text, (Section(kind="body", start=0, end=len(text)),), lang=lang)

    def _print(self, report: dict[str, Any]) -> None:
        overall = report["overall"]
        self.stdout.write(f"documents: {report['documents']}")
        self.stdout.write(
            "quote spans: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}"
            "  (gold {gold}, predicted {predicted}, matched {matched})".format(**overall)
        )
        self.stdout.write(
            "token overlap: precision {token_precision:.3f}  recall {token_recall:.3f}  F1 {token_f1:.3f}".format(
                **overall
            )
        )
        self.stdout.write(
            "on matched quotes: type accuracy {type_accuracy:.3f}  speaker-mention accuracy {speaker_accuracy:.3f}"
            "  cue accuracy {cue_accuracy:.3f}".format(**overall)
        )
        self.stdout.write(
            "addressee mentions on matched quotes: precision {addressee_precision:.3f}"
            "  recall {addressee_recall:.3f}  (gold {addressee_gold}, predicted {addressee_predicted})".format(
                **overall
            )
        )
        self.stdout.write(f"{'type':<24}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}{'spk':>7}{'cue':>7}")
        for kind, f in report["by_type"].items():
            self.stdout.write(
                f"{kind:<24}{f['gold']:>6}{f['predicted']:>6}{f['precision']:>7.3f}{f['recall']:>7.3f}"
                f"{f['f1']:>7.3f}{f['speaker_accuracy']:>7.3f}{f['cue_accuracy']:>7.3f}"
            )
