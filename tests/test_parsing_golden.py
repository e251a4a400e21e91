"""Golden files: each ``tests/golden/NAME.eml`` beside ``NAME.json``, the expected parse result.

To regenerate on purpose (after a deliberate parser change), run
``EINGANG_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_parsing_golden.py`` and review
the diff of the JSON files before committing them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from intake.parsing import parse

GOLDEN = Path(__file__).parent / "golden"
MAILS = sorted(GOLDEN.glob("*.eml"))


def test_golden_files_cover_the_required_cases():
    names = {path.stem for path in MAILS}
    required = {
        "outlook_de_reply", "thunderbird_am_schrieb", "iso_8859_1", "charset_lies", "html_only",
        "forwarded_inline", "rfc822_attachment", "rfc2231_filename", "out_of_office", "dsn",
        "missing_message_id", "broken_rfc2047",
    }  # fmt: skip
    assert required <= names


@pytest.mark.parametrize("mail", MAILS, ids=[path.stem for path in MAILS])
def test_parse_matches_golden_file(mail: Path):
    actual = parse(mail.read_bytes()).as_dict()
    expected_path = mail.with_suffix(".json")
    if os.environ.get("EINGANG_REGENERATE_GOLDEN"):
        expected_path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        pytest.skip(f"{expected_path.name} regenerated — review the diff before committing")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual == expected
