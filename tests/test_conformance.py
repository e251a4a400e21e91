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


def _holds(assertion: str, expected: str, actual: str) -> bool:
    if assertion == "equals":
        return actual == expected
    if assertion == "equals_after_strip":
        return actual.strip() == expected.strip()
    if assertion == "startswith":
        return actual.startswith(expected)
    return expected in actual  # "contains"


def test_django_helpdesk_expectations():
    """django-helpdesk's hand-transcribed assertions: subject, plain body, the forwarded part
    kept apart from the new text, and the PGP signature as an attachment with its exact bytes."""
    root = CORPORA / "django-helpdesk"
    if not root.is_dir():
        pytest.skip(f"conformance test NOT run: corpus directory {root} is missing")
    from intake.html_text import html_to_text
    from intake.parsing import parse

    expectations = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    for path, expected in expectations.items():
        if path.startswith("_"):
            continue
        parsed = parse((root / path).read_bytes())
        title, description = expected["title"], expected["description"]
        assert _holds(title["assert"], title["value"], parsed.subject), path
        # django-helpdesk may take the description from the HTML alternative (utf-nondecodable.eml
        # has text only there); we prefer text/plain and keep the HTML, so either must hold.
        readable = [parsed.body_text, html_to_text(parsed.html or "")]
        assert any(_holds(description["assert"], description["value"], text) for text in readable), path
        if "forwarded_part" in expected:
            assert expected["forwarded_part"]["value"] in parsed.quoted_text
            assert expected["forwarded_part"]["value"] not in parsed.new_text
        for attachment in expected.get("attachments", []):
            ours = [a for a in parsed.attachments if a.filename == attachment["original_filename"]]
            assert [(a.size, a.sha256, a.content_type) for a in ours] == [
                (attachment["bytes"], attachment["sha256"], attachment["content_type"])
            ]


def test_signatures_of_zammads_signature_detection_bodies():
    """Zammad's signature-detection bodies (German Outlook/Exchange clients, text and HTML):
    our signature must start where Zammad's expected signature starts (or earlier, at the
    closing formula before it). Measured: 9 of 10; example1.html is missed (its closing is
    'Freundliche Grü=DFe,' with a quoted-printable escape left in the HTML, and its contact block
    is spread over one-line paragraphs)."""
    root = CORPORA / "zammad" / "test" / "data" / "email_signature_detection"
    if not root.is_dir():
        pytest.skip(f"conformance test NOT run: corpus directory {root} is missing")
    from intake.bodies import split_body
    from intake.html_text import html_to_text

    expected = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    cases = {name: group["expected_signature"] for group in expected["find_signature"] for name in group["inputs"]}
    cases.update({case["input"]: case["signature"] for case in expected["find_signature_line"]})
    found = []
    for name, signature in sorted(cases.items()):
        text = (root / name).read_text(encoding="utf-8")
        _, _, ours = split_body(html_to_text(text) if name.endswith(".html") else text)
        first_line = "".join(next(line for line in signature.split("\n") if line.strip()).split())
        squeezed = "".join(ours.split())
        if first_line and first_line in squeezed[: len(first_line) + 40]:
            found.append(name)
    assert len(cases) == 10
    assert len(found) >= 9, sorted(set(cases) - set(found))
