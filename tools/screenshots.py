"""Regenerate the README's screenshots in docs/screenshots on demand (one script for all of them).

The browser tests save their screenshots to a temporary directory, so an ordinary test run never
rewrites tracked files. This script runs the tests that take the inbox, consultation and chat
pictures with the directory set to docs/screenshots (or the one given), then photographs the
dashboard itself: a throw-away SQLite database with 18 months of made-up consultations (topics,
Gemeinden, consultants, response times; random but reproducible, fixed seed), served on a free
loopback port. It lists what was written::

    .venv/bin/python tools/screenshots.py            # → docs/screenshots/*.png
    .venv/bin/python tools/screenshots.py /tmp/shots

Needs what the browser tests need (Debian's Chromium and Playwright; nothing is downloaded).
"""

from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIRECTORY = ROOT / "docs" / "screenshots"
# The variable tests/conftest.py's ``screenshots`` fixture reads.
VARIABLE = "EINGANG_DEV_SCREENSHOTS_DIR"
TESTS = (
    "tests/test_browser_triage.py::test_triage_end_to_end_from_smtp_to_answer_and_dashboard_export",
    "tests/test_chat_browser.py::test_widget_chats_gets_reference_guidance_and_live_answer",
    "tests/test_chat_browser.py::test_consultant_answers_from_the_consultation_page_and_visitor_sees_it_live",
    "tests/test_browser_case_extras.py::test_similar_answer_by_key_mention_on_timeline_and_authority_page",
    "tests/test_browser_reply.py::test_text_module_by_keyboard_autosaved_draft_and_full_answer",
)
# Taken by the tests above; dashboard.png is taken by dashboard() below.
PICTURES = (
    "inbox.png",
    "consultation.png",
    "chat-widget.png",
    "chat-consultation-panel.png",
    "case-extras.png",
    "authority.png",
    "reply-text-modules.png",
    "reply-editor.png",
)
DASHBOARD = "dashboard.png"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def seed(runtime, rng: random.Random, today: datetime) -> None:
    from sqlmodel import select

    from models import Channel, Consultation, ConsultationStatus, Municipality, Role, UserAccount, session_scope
    from tests.test_web_support import add_user

    for username, role in (("lea", "leitung"), ("anna", "berater"), ("bernd", "berater"), ("clara", "berater")):
        add_user(runtime, username, role)
    topics = list(runtime.taxonomy.ids)
    with session_scope(runtime.engine) as session:
        places = session.exec(select(Municipality.key)).all()
        people = session.exec(select(UserAccount.id).where(UserAccount.role == Role.CONSULTANT)).all()
        popular = rng.sample(places, 120)
        counter = 0
        for days_ago in range(540, -1, -1):
            day = today - timedelta(days=days_ago)
            if day.weekday() >= 5:
                continue
            for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
                counter += 1
                received = day.replace(hour=rng.randint(7, 16), minute=rng.randint(0, 59))
                chosen = rng.sample(topics, rng.choice((1, 1, 1, 2)))
                hours = rng.lognormvariate(2.6, 0.9) if days_ago > 2 or rng.random() < 0.5 else None
                closed = received + timedelta(days=rng.randint(3, 40)) if hours and rng.random() < 0.8 else None
                session.add(
                    Consultation(
                        reference=f"KV-{received.year}-{counter:05d}",
                        subject="Anfrage",
                        status=(
                            ConsultationStatus.CLOSED if closed and closed < today else ConsultationStatus.IN_PROGRESS
                        ),
                        channel=rng.choice((Channel.SMTP, Channel.SMTP, Channel.SMTP, Channel.IMAP, Channel.CHAT)),
                        topics=chosen,
                        authority_key=rng.choice(popular),
                        assignee_id=rng.choice(people) if rng.random() < 0.9 else None,
                        received_at=received,
                        first_response_at=received + timedelta(hours=hours) if hours else None,
                        closed_at=closed if closed and closed < today else None,
                    )
                )


def dashboard(output: Path) -> None:
    """Photograph /dashboard over 18 months of generated consultations into ``output``."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS, make_settings, migrated_runtime
    from tests.test_web_support import PASSWORD, SECRET
    from web.server import WebServer

    today = datetime.now(UTC).replace(second=0, microsecond=0)
    with tempfile.TemporaryDirectory() as directory:
        settings = make_settings(database_url=f"sqlite:///{directory}/screenshot.db", web_secret_key=SECRET)
        runtime = migrated_runtime(settings)
        seed(runtime, random.Random(17), today)
        server = WebServer(runtime, host="127.0.0.1", port=free_port()).start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--lang=de-DE"])
                page = browser.new_page(viewport={"width": 1400, "height": 1500}, locale="de-DE")
                page.goto(f"{server.url}/anmelden")
                page.fill("#username", "lea")
                page.fill("#password", PASSWORD)
                page.click("button[type=submit]")
                page.goto(f"{server.url}/dashboard")
                page.wait_for_load_state("networkidle")
                output.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(output), full_page=False)
                browser.close()
        finally:
            server.stop()
            runtime.engine.dispose()


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
    dashboard(directory / DASHBOARD)
    for name in (*PICTURES, DASHBOARD):
        print(directory / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
