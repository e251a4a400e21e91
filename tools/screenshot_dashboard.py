"""Developer script: the dashboard screenshot of the README (``docs/screenshots/dashboard.png``).

Builds a throw-away SQLite database with 18 months of made-up consultations (topics, Gemeinden,
consultants, response times), serves the web app on a free loopback port and photographs
``/dashboard`` with Debian's Chromium through Playwright (nothing is downloaded):

    .venv/bin/python tools/screenshot_dashboard.py [--output docs/screenshots/dashboard.png]

Not part of the test suite; the figures are random but reproducible (fixed seed)."""

from __future__ import annotations

import argparse
import random
import socket
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlmodel import select  # noqa: E402

from models import Consultation, Municipality, UserAccount, session_scope  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, make_settings, migrated_runtime  # noqa: E402
from tests.test_web_support import PASSWORD, SECRET, add_user  # noqa: E402
from web.server import WebServer  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def seed(runtime, rng: random.Random, today: datetime) -> None:
    for username, role in (("lea", "leitung"), ("anna", "berater"), ("bernd", "berater"), ("clara", "berater")):
        add_user(runtime, username, role)
    topics = list(runtime.taxonomy.ids)
    with session_scope(runtime.engine) as session:
        places = session.exec(select(Municipality.key)).all()
        people = session.exec(select(UserAccount.id).where(UserAccount.role == "berater")).all()
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
                        status="abgeschlossen" if closed and closed < today else "in_bearbeitung",
                        channel=rng.choice(("smtp", "smtp", "smtp", "imap", "chat")),
                        topics=chosen,
                        authority_key=rng.choice(popular),
                        assignee_id=rng.choice(people) if rng.random() < 0.9 else None,
                        received_at=received,
                        first_response_at=received + timedelta(hours=hours) if hours else None,
                        closed_at=closed if closed and closed < today else None,
                    )
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "screenshots" / "dashboard.png")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

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
                args.output.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(args.output), full_page=False)
                browser.close()
        finally:
            server.stop()
            runtime.engine.dispose()
    print(f"{args.output} geschrieben")


if __name__ == "__main__":
    main()
