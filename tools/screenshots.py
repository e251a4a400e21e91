"""Regenerate the README's screenshots in docs/screenshots on demand.

The browser tests save their screenshots to a temporary directory, so an ordinary test run never
rewrites tracked files. This script runs the tests that take the pictures with the directory set
to docs/screenshots (or the one given) and lists what was written::

    .venv/bin/python tools/screenshots.py            # → docs/screenshots/*.png
    .venv/bin/python tools/screenshots.py /tmp/shots

Needs what the browser tests need (Debian's Chromium and Playwright).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIRECTORY = ROOT / "docs" / "screenshots"
# The variable tests/conftest.py's ``screenshots`` fixture reads.
VARIABLE = "EINGANG_DEV_SCREENSHOTS_DIR"
TESTS = (
    "tests/test_browser_triage.py::test_triage_end_to_end_from_smtp_to_answer_and_dashboard_export",
    "tests/test_chat_browser.py::test_widget_chats_gets_reference_guidance_and_live_answer",
    "tests/test_chat_browser.py::test_consultant_answers_from_the_consultation_page_and_visitor_sees_it_live",
)
PICTURES = ("inbox.png", "consultation.png", "dashboard.png", "chat-widget.png", "chat-consultation-panel.png")


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    directory = Path(arguments[0]).resolve() if arguments else DEFAULT_DIRECTORY
    directory.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, VARIABLE: str(directory), "CI": "true"}  # CI: fail, not skip, without Chromium
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *TESTS], cwd=ROOT, env=environment
    )
    if result.returncode != 0:
        print(
            "Fehler: die Browser-Tests sind fehlgeschlagen; Bildschirmfotos nicht (vollständig) erneuert.",
            file=sys.stderr,
        )
        return result.returncode
    for name in PICTURES:
        print(directory / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
