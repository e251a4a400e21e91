"""``eingang evaluate``: measure the topic classifier, the linker and the auto-reply detection
on a labelled directory of raw mails, next to two baselines."""

from __future__ import annotations

from pathlib import Path

import typer

from classifiers import evaluation
from classifiers.baselines import KeywordBaseline, SvmBaseline, sklearn_available
from classifiers.corpus import CORPUS_DIR, read_jsonl, split_path
from classifiers.linker import link
from classifiers.predictions import TOPICS
from classifiers.topics import classify
from eingang.cli.common import FORMAT_OPTION, OutputFormat, fail, print_json


def _baselines(outcomes: list[evaluation.MailOutcome], corpus_dir: Path) -> dict:
    """Both baselines on the same mails (they read the same classification text)."""
    texts = [o.parsed.classification_text for o in outcomes]
    gold = [o.mail.topics for o in outcomes]
    results = {KeywordBaseline.name: evaluation.topic_scores(gold, KeywordBaseline().predict(texts), TOPICS)}
    train_path = split_path("train", corpus_dir)
    if not sklearn_available():
        results[SvmBaseline.name] = {"error": "scikit-learn ist nicht installiert (Entwicklungsabhängigkeit)"}
    elif not train_path.is_file():
        results[SvmBaseline.name] = {"error": f"Trainingsdaten {train_path} fehlen"}
    else:
        svm = SvmBaseline(TOPICS).fit(read_jsonl(train_path))
        results[SvmBaseline.name] = evaluation.topic_scores(gold, svm.predict(texts), TOPICS)
    return results


def evaluate(
    directory: Path = typer.Argument(..., help="Ordner mit *.eml-Dateien und labels.jsonl."),
    output_format: OutputFormat = FORMAT_OPTION,
    baselines: bool = typer.Option(True, "--baselines/--no-baselines", help="Die beiden Baselines mitmessen."),
    show_errors: bool = typer.Option(False, "--errors", help="Falsch klassifizierte Dateien mit ausgeben."),
    corpus_dir: Path = typer.Option(CORPUS_DIR, "--corpus", help="Ordner mit train.jsonl für die SVM-Baseline."),
) -> None:
    """Misst Themenklassifikation, Behördenzuordnung und Abwesenheitserkennung auf einem
    Ordner mit Rohmails und labels.jsonl (die echte Pipeline, ohne Datenbank)."""
    try:
        mails = evaluation.load_labelled_dir(directory)
    except evaluation.EvaluationDataError as error:
        fail(str(error))
    outcomes = evaluation.run_pipeline(mails, classify=classify, link=lambda parsed: link(parsed, known_senders=None))
    report = evaluation.summarise(outcomes, TOPICS)
    if baselines:
        report["baselines"] = _baselines(outcomes, corpus_dir)
    if show_errors:
        report["errors"] = evaluation.errors(outcomes)
    if output_format == OutputFormat.JSON:
        print_json(report)
        return
    _print_text(report)


def _print_text(report: dict) -> None:
    typer.echo(f"Mails: {report['n']}")
    topics = report["topics"]
    typer.echo(f"Themen Makro-F1: {topics['macro_f1']:.3f}")
    for label, scores in topics["per_label"].items():
        typer.echo(
            f"  {label:<12} P {scores['precision']:.3f}  R {scores['recall']:.3f}  "
            f"F1 {scores['f1']:.3f}  (n={scores['support']})"
        )
    for name, scores in report.get("baselines", {}).items():
        value = f"{scores['macro_f1']:.3f}" if "macro_f1" in scores else scores.get("error", "?")
        typer.echo(f"  Baseline {name}: Makro-F1 {value}")
    authority = report["authority"]
    typer.echo(
        f"Behörde: Genauigkeit {authority['accuracy']:.3f}, falsch {authority['wrong_rate']:.3f}, "
        f"ohne Vorschlag {authority['abstain_rate']:.3f}"
    )
    for flag in ("auto_reply", "urgent"):
        scores = report[flag]
        typer.echo(f"{flag}: P {scores['precision']:.3f}  R {scores['recall']:.3f}")
    for error in report.get("errors", []):
        typer.echo(f"  falsch: {error['file']}: {error['gold']} → {error['predicted']}")


def register(app: typer.Typer) -> None:
    app.command("evaluate")(evaluate)
