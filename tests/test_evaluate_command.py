"""``eingang evaluate DIR --format json``: the JSON shape and the metric definitions."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pytest
from typer.testing import CliRunner

from classifiers.evaluation import (
    EvaluationDataError,
    authority_scores,
    binary_scores,
    load_labelled_dir,
    topic_scores,
)
from eingang.cli.main import app


def _mail(subject: str, body: str, sender: str, **headers: str) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = subject
    message["Message-ID"] = f"<{abs(hash(subject))}@test.example>"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return bytes(message)


def _write_dir(directory: Path) -> None:
    mails = {
        "foerderung.eml": (
            _mail(
                "Förderfähigkeit DMS nach ThürEGovRL",
                "Guten Tag,\nist die Einführung eines DMS nach der ThürEGovRL förderfähig, und wie hoch ist der "
                "Eigenanteil?\n\nMit freundlichen Grüßen\nHauptamt",
                "Hauptamt <hauptamt@example.org>",
            ),
            {"topics": ["eligibility"], "authority": "16055000", "auto_reply": False, "urgent": False},
        ),
        "angriff.eml": (
            _mail(
                "DRINGEND: Ransomware auf dem Rathausserver",
                "Heute früh waren alle Dateien verschlüsselt, auf dem Bildschirm eine Lösegeldforderung. "
                "Bitte rufen Sie zurück.",
                "IT <it@example.org>",
            ),
            {"topics": ["it_security"], "authority": None, "auto_reply": False, "urgent": True},
        ),
        "abwesend.eml": (
            _mail(
                "Abwesenheitsnotiz: Ihre Anfrage",
                "Ich bin bis zum 3.12. nicht im Büro.",
                "Kämmerei <kaemmerei@example.org>",
                Auto_Submitted="auto-replied",
            ),
            {"topics": [], "authority": None, "auto_reply": True, "urgent": False},
        ),
    }
    lines = []
    for name, (raw, labels) in mails.items():
        (directory / name).write_bytes(raw)
        lines.append(json.dumps({"file": name, **labels}))
    (directory / "labels.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_evaluate_prints_the_documented_json(tmp_path: Path) -> None:
    _write_dir(tmp_path)
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path), "--format", "json", "--errors"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["n"] == 3
    assert 0.0 <= report["topics"]["macro_f1"] <= 1.0
    for label in ("ozg_duties", "eligibility", "it_security"):
        assert set(report["topics"]["per_label"][label]) >= {"precision", "recall", "f1", "support"}
    assert report["topics"]["per_label"]["eligibility"]["support"] == 1
    assert set(report["authority"]) >= {"accuracy", "wrong_rate", "abstain_rate"}
    assert report["auto_reply"]["recall"] == 1.0
    assert set(report["urgent"]) >= {"precision", "recall"}
    assert report["urgent"]["recall"] == 1.0
    assert set(report["baselines"]) == {"keyword_rules", "tfidf_linear_svm"}
    assert "macro_f1" in report["baselines"]["keyword_rules"]
    assert isinstance(report["errors"], list)


def test_evaluate_refuses_a_directory_without_labels(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    assert "labels.jsonl" in result.output


def test_labels_naming_a_missing_file_are_refused(tmp_path: Path) -> None:
    (tmp_path / "labels.jsonl").write_text('{"file": "fehlt.eml", "topics": []}\n', encoding="utf-8")
    with pytest.raises(EvaluationDataError, match=r"fehlt\.eml"):
        load_labelled_dir(tmp_path)


def test_authority_metric_definitions() -> None:
    gold = ["16055000", "16055000", "16061", None, None]
    predicted = ["16055000", None, "16062", "16053000", None]
    scores = authority_scores(gold, predicted)
    # accuracy over the 3 mails with a gold authority: 1 right
    assert scores["accuracy"] == pytest.approx(1 / 3, abs=1e-4)
    # wrong over all 5 mails: a key was predicted and differs (16062 vs 16061, 16053000 vs null)
    assert scores["wrong_rate"] == pytest.approx(2 / 5)
    # abstained among the 3 mails with a gold authority: 1
    assert scores["abstain_rate"] == pytest.approx(1 / 3, abs=1e-4)


def test_topic_and_flag_metric_definitions() -> None:
    gold = [frozenset({"eligibility"}), frozenset({"eligibility", "it_security"}), frozenset()]
    predicted = [{"eligibility"}, {"it_security"}, {"eligibility"}]
    scores = topic_scores(gold, predicted, ("ozg_duties", "eligibility", "it_security"))
    eligibility = scores["per_label"]["eligibility"]
    assert (eligibility["precision"], eligibility["recall"], eligibility["support"]) == (0.5, 0.5, 2)
    assert scores["per_label"]["it_security"]["f1"] == 1.0
    # a label nobody has nor predicts counts as perfect, so macro = (1 + 0.5 + 1) / 3
    assert scores["macro_f1"] == pytest.approx(2.5 / 3, abs=1e-4)
    flags = binary_scores([True, False, True, False], [True, True, False, False])
    assert (flags["precision"], flags["recall"]) == (0.5, 0.5)
