"""Conformance against real mail: the developer tool ``python -m tools.conformance`` over
../shared/corpora (``tools`` is not installed with Eingang; the tests import it from the checkout).

The corpora are read in place (never copied into the repository). Without them, as on a machine
that has only the repository, this test is skipped and says that the conformance test was not run."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tools.conformance import ZAMMAD_QUIRKS, main

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"


def run_tool(*args: str) -> tuple[int, str]:
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        code = main(list(args))
    return code, output.getvalue()


@pytest.fixture(scope="module")
def report() -> dict:
    if not CORPORA.is_dir():
        pytest.skip(f"conformance test NOT run: corpus directory {CORPORA} is missing")
    code, output = run_tool(str(CORPORA), "--format", "json")
    assert code == 0, output
    return json.loads(output)


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
    code, output = run_tool(str(CORPORA))
    assert code == 0, output
    assert "| from |" in output and "| attachments |" in output
    assert "Abweichungen:" in output


def test_missing_directory_is_a_clear_error(tmp_path):
    """Run as documented, ``python -m tools.conformance`` from the checkout."""
    result = subprocess.run(
        [sys.executable, "-m", "tools.conformance", str(tmp_path / "nirgends")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "nicht gefunden" in result.stderr


def test_tools_are_not_part_of_the_installed_package():
    import tomllib

    from setuptools import find_packages

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    installed = find_packages(where=str(ROOT), include=include)
    assert "intake" in installed and "eingang.cli" in installed
    assert not [name for name in installed if name == "tools" or name.startswith("tools.")]
    assert not (ROOT / "intake" / "conformance.py").exists()


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
