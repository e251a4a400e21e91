"""The README stays true: its first lines give the two fresh-machine commands that .ci/run uses,
and its configuration table is the one generated from the Settings class."""

from __future__ import annotations

import re
from pathlib import Path

from eingang.cli.config_commands import settings_table

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_fresh_machine_commands_and_ci_uses_the_test_one():
    head = README.split("\n## ", 1)[0]
    commands = re.findall(r"^(python3 -m venv .+)$", head, flags=re.MULTILINE)
    assert len(commands) == 2, head
    run_command, test_command = commands
    assert "eingang db upgrade" in run_command and "eingang serve" in run_command
    assert "pytest" in test_command
    ci_script = (ROOT / ".ci" / "run").read_text()
    assert test_command in ci_script.splitlines(), "the CI script must run the README's test command verbatim"


def test_readme_configuration_table_matches_settings():
    section = README.split("<!-- section:configuration -->", 1)[1].split("<!-- /section:configuration -->", 1)[0]
    assert settings_table() in section, "regenerate with `eingang config table` and paste into the README"
