"""Learning from consultants: corrections in the database → `eingang train --include-corrections`
→ `eingang evaluate --model` compares → `eingang promote-model` puts the model in use."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casework.runtime import Runtime
from classifiers.corpus import read_jsonl, write_jsonl
from classifiers.corrections import correction_examples
from classifiers.topic_model import TopicModel
from eingang.cli.main import app
from eingang.runtime import build_runtime
from models import Consultation, TopicCorrection, session_scope
from tests.conftest import make_settings
from tests.test_classifier_training import TINY, _examples

CORRECTED_TEXT = "Wasserzähler\n\nKönnen wir die Funkauslesung der Wasserzähler über die Digitalrichtlinie abrechnen?"


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_jsonl(corpus / "train.jsonl", _examples(TINY * 2))
    write_jsonl(corpus / "dev.jsonl", _examples(TINY))
    write_jsonl(corpus / "test.jsonl", _examples(TINY[:6]))
    return corpus


@pytest.fixture
def cli_env(sqlite_runtime: Runtime, monkeypatch: pytest.MonkeyPatch) -> Runtime:
    monkeypatch.setenv("EINGANG_DATABASE_URL", sqlite_runtime.settings.database_url)
    monkeypatch.delenv("EINGANG_TOPIC_MODEL_PATH", raising=False)
    yield sqlite_runtime


def _store_corrections(runtime: Runtime, corrections: list[tuple[str, list[str]]]) -> None:
    with session_scope(runtime.engine) as session:
        consultation = Consultation(reference="KV-2026-09999", channel="email", subject="Test")
        session.add(consultation)
        session.flush()
        for text, corrected in corrections:
            session.add(
                TopicCorrection(
                    consultation_id=consultation.id, text=text, suggested=[], corrected=corrected, author="berater1"
                )
            )


def _train(args: list[str]) -> dict:
    result = CliRunner().invoke(app, ["train", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # the JSON report; log lines go to stderr (CliRunner mixes them into .output)


def test_corrections_are_learned_compared_and_promoted(cli_env: Runtime, tiny_corpus: Path, tmp_path: Path) -> None:
    _store_corrections(cli_env, [(CORRECTED_TEXT, ["ozg_duties"]), (CORRECTED_TEXT, ["eligibility"])])
    with session_scope(cli_env.engine) as session:
        examples = correction_examples(session)
    assert len(examples) == 1 and examples[0].cats["eligibility"] == 1.0  # the latest correction wins
    assert "urgent" not in examples[0].cats  # unknown, so not taught as "not urgent"

    plain = _train(["--output", str(tmp_path / "plain"), "--corpus", str(tiny_corpus)])
    assert plain["corrections"] == 0
    learned = _train(["--include-corrections", "--output", str(tmp_path / "cand"), "--corpus", str(tiny_corpus)])
    assert learned["corrections"] == 1
    assert learned["train_examples"] == plain["train_examples"] + 1
    before = TopicModel.load(tmp_path / "plain").raw_scores(CORRECTED_TEXT).probabilities["eligibility"]
    after = TopicModel.load(tmp_path / "cand").raw_scores(CORRECTED_TEXT).probabilities["eligibility"]
    assert after > before

    eval_dir = tmp_path / "eval"
    eval_dir.mkdir()
    message = EmailMessage()
    message["From"] = "hauptamt@example.org"
    message["Subject"] = "Förderung"
    message.set_content("Ist ein DMS nach der ThürEGovRL förderfähig?")
    (eval_dir / "a.eml").write_bytes(bytes(message))
    (eval_dir / "labels.jsonl").write_text(
        '{"file": "a.eml", "topics": ["eligibility"], "authority": null, "auto_reply": false, "urgent": false}\n'
    )
    result = CliRunner().invoke(
        app, ["evaluate", str(eval_dir), "--model", str(tmp_path / "cand"), "--format", "json", "--no-baselines"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["model"] == str(tmp_path / "cand")
    assert report["comparison"]["model_in_use"].endswith("classifiers/model")
    assert isinstance(report["comparison"]["candidate_better"], bool)
    assert "macro_f1" in report["comparison"]["in_use"]["topics"]

    target = tmp_path / "in-use"
    result = CliRunner().invoke(app, ["promote-model", str(tmp_path / "cand"), "--target", str(target)])
    assert result.exit_code == 0, result.output
    assert "EINGANG_TOPIC_MODEL_PATH" in result.output
    in_use = build_runtime(make_settings(topic_model_path=str(target)))  # what every process edge does
    assert in_use.topic_model.directory == target
    assert TopicModel.load(target).settings == TopicModel.load(tmp_path / "cand").settings
    # Promoting again replaces the model in use and leaves no staging or retired folder behind.
    again = CliRunner().invoke(app, ["promote-model", str(tmp_path / "cand"), "--target", str(target)])
    assert again.exit_code == 0, again.output
    assert TopicModel.load(target).settings == TopicModel.load(tmp_path / "cand").settings
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("in-use")) == ["in-use"]


def test_promote_refuses_a_directory_without_a_model(cli_env: Runtime, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["promote-model", str(tmp_path), "--target", str(tmp_path / "x")])
    assert result.exit_code == 1
    assert "lässt sich nicht laden" in result.output
    assert not (tmp_path / "x").exists()


def test_corrections_with_unknown_topics_are_refused(cli_env: Runtime, tiny_corpus: Path, tmp_path: Path) -> None:
    _store_corrections(cli_env, [("Text", ["steuern"])])
    result = CliRunner().invoke(
        app, ["train", "--include-corrections", "--output", str(tmp_path / "m"), "--corpus", str(tiny_corpus)]
    )
    assert result.exit_code == 1
    assert "steuern" in result.output
    assert not (tmp_path / "m").exists()
    assert read_jsonl(tiny_corpus / "train.jsonl")  # corpus untouched
