"""The shipped topic model: targets on the labelled test mails (via the real command), evidence,
new text only, automatic mail, caching, and that the artifact is part of the package."""

from __future__ import annotations

import json
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest
from typer.testing import CliRunner

from classifiers.topic_model import PACKAGED_MODEL, TopicModel, load_topic_model
from classifiers.topics import classify
from eingang.cli.main import app
from intake.parsing import parse

ROOT = Path(__file__).resolve().parents[1]
EVALUATION_DIR = ROOT / "tests" / "data" / "evaluation"


def _parsed(subject: str, body: str, **headers: str):
    message = EmailMessage()
    message["From"] = "Hauptamt <hauptamt@example.org>"
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = subject
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return parse(bytes(message))


@pytest.fixture(scope="module")
def report() -> dict:
    result = CliRunner().invoke(app, ["evaluate", str(EVALUATION_DIR), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_shipped_model_meets_the_targets_on_the_test_mails(report: dict) -> None:
    assert report["n"] >= 80
    macro = report["topics"]["macro_f1"]
    assert macro >= 0.92
    assert macro > report["baselines"]["keyword_rules"]["macro_f1"]
    assert macro > report["baselines"]["tfidf_linear_svm"]["macro_f1"]
    assert report["urgent"]["recall"] == 1.0
    assert report["urgent"]["support"] >= 5


def test_every_predicted_topic_has_evidence() -> None:
    parsed = _parsed(
        "Förderung DMS",
        "Guten Tag,\nist die Einführung eines Dokumentenmanagementsystems nach der ThürEGovRL förderfähig?\n"
        "Wie hoch ist der Eigenanteil?",
    )
    prediction = classify(parsed, load_topic_model())
    assert prediction.topics == ("eligibility",)
    evidence = {s.topic: s.evidence for s in prediction.scores}
    assert "ThürEGovRL" in evidence["eligibility"]
    assert prediction.as_dict()["evidence"]["eligibility"]


def test_urgent_incident_is_flagged_with_evidence() -> None:
    parsed = _parsed(
        "Hilfe",
        "Seit heute früh sind alle Dateien auf dem Server verschlüsselt, es gibt eine Lösegeldforderung.",
    )
    prediction = classify(parsed, load_topic_model())
    assert prediction.urgent
    assert "it_security" in prediction.topics
    assert prediction.urgent_evidence


def test_non_it_security_and_other_funding_are_no_topic() -> None:
    traffic = _parsed("Verkehrssicherheit", "Die Verkehrssicherheit am Schulweg ist nicht gegeben. Wer ist zuständig?")
    sports = _parsed("Sportplatz", "Gibt es Fördermittel für die Sanierung des Sportplatzes? Wie hoch ist die Quote?")
    assert classify(traffic, load_topic_model()).topics == ()
    assert classify(sports, load_topic_model()).topics == ()


def test_only_the_new_text_is_classified_not_the_quoted_history() -> None:
    parsed = _parsed(
        "Re: Termin",
        "Der Termin am Donnerstag passt uns gut.\n\n"
        "Am 02.11.2026 um 10:00 schrieb Kompetenzzentrum:\n"
        "> Ihr Antrag nach der ThürEGovRL ist förderfähig, der Verwendungsnachweis ist bis 30.6. fällig.\n"
        "> Zum ISMS und BSI-Grundschutz melden wir uns.",
    )
    assert "ThürEGovRL" not in parsed.classification_text
    assert classify(parsed, load_topic_model()).topics == ()


def test_automatic_mail_gets_no_topic() -> None:
    parsed = _parsed(
        "Newsletter: OZG, Förderung und IT-Sicherheit",
        "Themen: OZG-Umsetzung, Förderaufruf ThürEGovRL, Phishing-Welle.",
        List_Id="<news.example.org>",
    )
    assert parsed.auto_reply
    prediction = classify(parsed, load_topic_model())
    assert prediction.topics == ()
    assert not prediction.urgent
    assert max(s.score for s in prediction.scores) > 0.5  # the scores are kept for the UI


def test_predictions_are_deterministic() -> None:
    """Feature dropout is a training-only regulariser: the same text always gets the same scores."""
    model = load_topic_model()
    text = "Frage\n\nKönnen wir für das Ratsinformationssystem Fördermittel bekommen, und brauchen wir ein ISMS?"
    first = model.classify_text(text)
    assert all(model.classify_text(text) == first for _ in range(5))


def test_model_is_loaded_once_per_process() -> None:
    assert load_topic_model() is load_topic_model(PACKAGED_MODEL)


def test_model_artifact_is_shipped_in_the_package(tmp_path: Path) -> None:
    """Build the package the way pip does (setuptools build_py) and load the model from the copy."""
    source = tmp_path / "src"
    subprocess.run(
        f"git -C {ROOT} ls-files -z | xargs -0 -I{{}} cp --parents {{}} {source}",
        shell=True,
        check=True,
        executable="/bin/bash",
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        preexec_fn=lambda: source.mkdir(parents=True, exist_ok=True),
    )
    build = tmp_path / "build"
    subprocess.run(
        [sys.executable, "-c", "from setuptools import setup; setup()", "build_py", "-d", str(build)],
        cwd=source,
        check=True,
        capture_output=True,
    )
    packaged = build / "classifiers" / "model"
    assert (build / "classifiers" / "data" / "strong_terms.yaml").is_file()
    assert (build / "classifiers" / "training" / "config.cfg").is_file()
    model = TopicModel.load(packaged)
    assert model.classify_text("Frage zur ThAVEL-Anbindung und zum OZG").topics == ("ozg_duties",)


def test_strong_terms_travel_with_the_model_directory(tmp_path: Path) -> None:
    """A saved model reads its own copy of the strong terms, not the package's file."""
    model = TopicModel.load(PACKAGED_MODEL)
    model.save(tmp_path / "m")
    copy = tmp_path / "m" / "strong_terms.yaml"
    assert copy.is_file()
    copy.write_text("topics:\n  ozg_duties:\n    word: [{term: zauberwort, weight: 0.9}]\n", encoding="utf-8")
    edited = TopicModel.load(tmp_path / "m")
    groups = {t.group for t in edited.raw_scores("Frage zum Zauberwort").terms}
    assert groups == {"ozg_duties"}
    assert not edited.raw_scores("Frage zur ThAVEL").terms
