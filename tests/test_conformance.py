"""Conformance against real mail: the ``eingang conformance`` command over ../shared/corpora.

The corpora are read in place (never copied into the repository). Without them, as on a machine
that has only the repository, this test is skipped and says that the conformance test was not run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eingang.cli.main import app
from intake.conformance import ZAMMAD_QUIRKS

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


@pytest.fixture(scope="module")
def report() -> dict:
    if not CORPORA.is_dir():
        pytest.skip(f"conformance test NOT run: corpus directory {CORPORA} is missing")
    result = CliRunner().invoke(app, ["conformance", str(CORPORA), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_every_mail_parses_without_a_crash(report):
    assert report["mails"] == 242
    assert report["crashes"] == 0


def test_zammad_agreement_meets_the_targets(report):
    assert report["with_expectations"] == 115
    fields = report["fields"]
    # Plain agreement, every disagreement counted (measured: from 95.7 %, to 100 %, subject 99.1 %,
    # body 91.3 %, attachments 91.3 %). from/attachments stay under 98/95 % only through the
    # documented Zammad quirks below.
    assert fields["to"] >= 0.98
    assert fields["subject"] >= 0.98
    assert fields["body"] >= 0.90
    assert fields["from"] >= 0.95
    assert fields["attachments"] >= 0.91
    # With the hand-checked Zammad quirks counted as explained, the targets hold.
    explained = report["fields_with_known_zammad_quirks"]
    for name in ("from", "to", "subject"):
        assert explained[name] >= 0.98, name
    assert explained["body"] >= 0.90
    assert explained["attachments"] >= 0.95


def test_each_disagreement_has_a_reason_and_quirks_are_real(report):
    disagreements = report["disagreements"]
    assert all(d["reason"] for d in disagreements)
    quirk_mails = {(Path(d["mail"]).stem.split("-", 1)[0], d["field"]) for d in disagreements if d["zammad_quirk"]}
    # A quirk that no longer occurs would inflate the explained ratios: the list must stay exact.
    assert quirk_mails == set(ZAMMAD_QUIRKS)


def test_text_table_lists_fields_and_disagreements():
    if not CORPORA.is_dir():
        pytest.skip(f"conformance test NOT run: corpus directory {CORPORA} is missing")
    result = CliRunner().invoke(app, ["conformance", str(CORPORA)])
    assert result.exit_code == 0, result.output
    assert "| from |" in result.output and "| attachments |" in result.output
    assert "Abweichungen:" in result.output


def test_missing_directory_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["conformance", str(tmp_path / "nirgends")])
    assert result.exit_code != 0
    assert "nicht gefunden" in result.output
