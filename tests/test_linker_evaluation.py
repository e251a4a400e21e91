"""The linker measured through the real ``eingang evaluate`` on the labelled linking mails
(tests/data/linking_eval: raw .eml + labels.jsonl, all hard cases of issue 5)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from classifiers import evaluation
from classifiers.evaluation import load_labelled_dir
from classifiers.linker import link
from classifiers.predictions import TopicPrediction
from eingang.cli.main import app

EVAL_DIR = Path(__file__).parent / "data" / "linking_eval"


def test_linking_eval_set_is_large_and_covers_every_kind_of_answer():
    mails = load_labelled_dir(EVAL_DIR)
    kinds = Counter(
        "none" if m.authority is None else {5: "district", 8: "municipality", 9: "association"}[len(m.authority)]
        for m in mails
    )
    assert len(mails) >= 120
    assert kinds["none"] >= 20 and kinds["district"] >= 15 and kinds["association"] >= 15
    assert kinds["municipality"] >= 80


def test_evaluate_meets_the_linking_targets():
    result = CliRunner().invoke(app, ["evaluate", str(EVAL_DIR), "--format", "json", "--no-baselines"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    authority = report["authority"]
    assert report["n"] >= 120
    assert authority["accuracy"] >= 0.97, authority
    assert authority["wrong_rate"] <= 0.01, authority


def test_authority_metrics_of_the_evaluation_logic_without_the_topic_model():
    """The same metric code as ``evaluate`` (authority scores do not depend on topics), so the
    linker's numbers are checked even while the topic model is being retrained."""
    outcomes = evaluation.run_pipeline(
        load_labelled_dir(EVAL_DIR),
        classify=lambda parsed: TopicPrediction(scores=(), topics=()),
        link=lambda parsed: link(parsed, known_senders=None),
    )
    authority = evaluation.summarise(outcomes)["authority"]
    assert authority["accuracy"] >= 0.97, authority
    assert authority["wrong_rate"] <= 0.01, authority
