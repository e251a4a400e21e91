"""The topic classifier's life cycle on the command line:

- ``eingang train [--include-corrections]`` trains a candidate model from the corpus in the repo
  (plus consultants' corrections from the database) into an output directory;
- ``eingang evaluate DIR [--model CANDIDATE]`` measures the pipeline on labelled raw mails, next to
  two baselines, and compares a candidate with the model in use;
- ``eingang promote-model CANDIDATE`` installs a candidate as the model in use."""

from __future__ import annotations

import shutil
from pathlib import Path

import typer

from classifiers import evaluation
from classifiers.baselines import KeywordBaseline, SvmBaseline, sklearn_available
from classifiers.corpus import CORPUS_DIR, read_jsonl, split_path
from classifiers.corrections import correction_examples
from classifiers.linker import link
from classifiers.predictions import TOPICS
from classifiers.topic_model import ModelNotFoundError, TopicModel, load_topic_model
from classifiers.topics import classify
from classifiers.trainer import train as train_model
from eingang.cli.common import FORMAT_OPTION, OutputFormat, fail, print_json, runtime
from models import session_scope

DEFAULT_CANDIDATE = Path("topic-model-candidate")


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


def _run(mails: list[evaluation.LabelledMail], model: TopicModel) -> list[evaluation.MailOutcome]:
    return evaluation.run_pipeline(
        mails,
        classify=lambda parsed: classify(parsed, model),
        link=lambda parsed: link(parsed, known_senders=None),
    )


def _is_better(candidate: dict, current: dict) -> bool:
    """A candidate is better when its macro-F1 is higher and it misses no more urgent incidents."""
    return (
        candidate["topics"]["macro_f1"] > current["topics"]["macro_f1"]
        and candidate["urgent"]["recall"] >= current["urgent"]["recall"]
    )


def evaluate(
    directory: Path = typer.Argument(..., help="Ordner mit *.eml-Dateien und labels.jsonl."),
    output_format: OutputFormat = FORMAT_OPTION,
    model_dir: Path | None = typer.Option(
        None, "--model", help="Kandidat aus `eingang train` messen und mit dem eingesetzten Modell vergleichen."
    ),
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
    in_use_dir = runtime().topic_model.directory  # EINGANG_TOPIC_MODEL_PATH or the packaged one
    try:
        model = load_topic_model(model_dir or in_use_dir)
    except ModelNotFoundError as error:
        fail(str(error))
    outcomes = _run(mails, model)
    report = {"model": str(model_dir or in_use_dir), **evaluation.summarise(outcomes, TOPICS)}
    if model_dir is not None:
        current = evaluation.summarise(_run(mails, load_topic_model(in_use_dir)), TOPICS)
        report["comparison"] = {
            "model_in_use": str(in_use_dir),
            "in_use": {"topics": current["topics"], "urgent": current["urgent"]},
            "candidate_better": _is_better(report, current),
        }
    if baselines:
        report["baselines"] = _baselines(outcomes, corpus_dir)
    if show_errors:
        report["errors"] = evaluation.errors(outcomes)
    if output_format == OutputFormat.JSON:
        print_json(report)
        return
    _print_text(report)


def train(
    output: Path = typer.Option(DEFAULT_CANDIDATE, "--output", "-o", help="Zielordner des neuen Modells."),
    include_corrections: bool = typer.Option(
        False, "--include-corrections", help="Themenkorrekturen der Berater aus der Datenbank mitlernen."
    ),
    corpus_dir: Path = typer.Option(CORPUS_DIR, "--corpus", help="Ordner mit train.jsonl, dev.jsonl, test.jsonl."),
    output_format: OutputFormat = FORMAT_OPTION,
) -> None:
    """Trainiert ein neues Themenmodell (fester Seed) aus dem Korpus im Repository, optional mit
    den Korrekturen der Berater. Das Modell wird erst mit `eingang promote-model` eingesetzt."""
    corrections = []
    if include_corrections:
        with session_scope(runtime().engine) as session:
            try:
                corrections = correction_examples(session)
            except ValueError as error:
                fail(str(error))
    quiet = output_format == OutputFormat.JSON
    result = train_model(
        output, corpus_dir=corpus_dir, extra_examples=corrections, progress=None if quiet else typer.echo
    )
    summary = {
        "output": str(result.output),
        "train_examples": result.train_examples,
        "corrections": result.corrections,
        "dev_examples": result.dev_examples,
        "best_epoch": result.best_epoch,
        "dev": result.dev_metrics,
        "test": result.test_metrics,
        "seconds": result.seconds,
    }
    if quiet:
        print_json(summary)
        return
    typer.echo(
        f"Modell gespeichert in {result.output} ({result.train_examples} Trainingsbeispiele, davon "
        f"{result.corrections} Korrekturen); Dev-Makro-F1 {result.dev_metrics['macro_f1']:.3f}."
    )
    typer.echo(f"Vergleichen: eingang evaluate tests/data/evaluation --model {result.output}")


def promote_model(
    candidate: Path = typer.Argument(..., help="Ordner eines mit `eingang train` erzeugten Modells."),
    target: Path | None = typer.Option(
        None, "--target", help="Zielordner; Standard: EINGANG_TOPIC_MODEL_PATH bzw. ./topic-model."
    ),
) -> None:
    """Setzt ein trainiertes Themenmodell ein: prüft, dass es lädt, und kopiert es an den Ort,
    von dem Worker und Web-App es laden (EINGANG_TOPIC_MODEL_PATH)."""
    try:
        TopicModel.load(candidate)
    except (ModelNotFoundError, OSError, ValueError) as error:
        fail(f"Modell {candidate} lässt sich nicht laden: {error}")
    configured = runtime().settings.topic_model_path
    destination = target or Path(configured or "topic-model")
    staging = destination.with_name(destination.name + ".neu")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(candidate, staging)
    # Two renames instead of delete-then-rename: the model folder is never missing for long.
    retired = destination.with_name(destination.name + ".alt")
    shutil.rmtree(retired, ignore_errors=True)
    if destination.exists():
        destination.rename(retired)
    staging.rename(destination)
    shutil.rmtree(retired, ignore_errors=True)
    typer.echo(f"Themenmodell eingesetzt: {destination.resolve()}")
    if not configured or Path(configured).resolve() != destination.resolve():
        typer.echo(f"Damit Worker und Web-App es laden: EINGANG_TOPIC_MODEL_PATH={destination.resolve()} setzen.")
    typer.echo("Laufende Worker laden das Modell beim nächsten Start.")


def _print_text(report: dict) -> None:
    typer.echo(f"Modell: {report['model']}")
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
    comparison = report.get("comparison")
    if comparison:
        verdict = "besser" if comparison["candidate_better"] else "nicht besser"
        typer.echo(
            f"Vergleich mit dem eingesetzten Modell ({comparison['in_use']['topics']['macro_f1']:.3f}): "
            f"Kandidat ist {verdict}"
        )
    for error in report.get("errors", []):
        typer.echo(f"  falsch: {error['file']}: {error['gold']} → {error['predicted']}")


def register(app: typer.Typer) -> None:
    app.command("train")(train)
    app.command("evaluate")(evaluate)
    app.command("promote-model")(promote_model)
