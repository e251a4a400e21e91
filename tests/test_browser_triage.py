"""The triage desk in real headless Chromium (Debian's /usr/bin/chromium via Playwright):
a mail comes in over SMTP to the running intake, appears in the inbox, is confirmed, assigned
and answered (the relay sink receives the answer); the dashboard exports CSV; hostile mail
HTML neither runs nor loads anything. Saves screenshots to docs/screenshots/."""

from __future__ import annotations

import smtplib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from sqlmodel import Session, select

from eingang.runtime import Runtime
from intake.channel import store_raw
from intake.recipients import RecipientPolicy
from intake.smtp_server import IntakeHandler, start_smtp_server
from models import Channel, Consultation, InboundMessage
from queue_workers.dispatch import enqueue_processing
from tests.conftest import free_port
from tests.test_web_support import PASSWORD, add_user, ingest, mail, web_runtime
from web.server import start_web_server

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
VIEWPORT = {"width": 1440, "height": 960}


@dataclass
class Desk:
    runtime: Runtime
    base: str
    smtp_port: int


@pytest.fixture
def desk(tmp_path, smtp_sink, queue_for) -> Iterator[Desk]:
    """Eingang as `serve` runs it: SMTP intake + embedded queue worker + web app, relay = sink."""
    _sink, relay_port = smtp_sink
    runtime = web_runtime(f"sqlite:///{tmp_path / 'desk.db'}", relay_host="127.0.0.1", relay_port=relay_port)
    add_user(runtime, "anna", "berater")
    add_user(runtime, "lea", "leitung")
    queue_for(runtime)

    def store(raw: bytes, mail_from, rcpt_tos, peer, trace: bytes = b"") -> int:  # as `eingang serve` does
        inbound_id, _created = store_raw(
            runtime.engine,
            raw,
            channel=Channel.SMTP,
            envelope_from=mail_from,
            envelope_to=rcpt_tos,
            peer=peer,
            trace=trace,
        )
        return inbound_id

    handler = IntakeHandler(
        policy=RecipientPolicy(runtime.settings.accepted_recipients), store=store, on_stored=enqueue_processing
    )
    smtp_port = free_port()
    controller = start_smtp_server(handler, host="127.0.0.1", port=smtp_port, max_message_size=10_000_000)
    web = start_web_server(runtime, host="127.0.0.1", port=free_port())
    try:
        yield Desk(runtime, web.url, smtp_port)
    finally:
        web.stop()
        controller.stop()
        runtime.engine.dispose()


def send_via_smtp(port: int, raw: bytes) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        client.sendmail("hauptamt@vg-leinetal.de", ["egovernment@tfm.thueringen.de"], raw)


def wait_for_consultation(runtime: Runtime, subject: str, timeout: float = 30) -> Consultation:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with Session(runtime.engine) as session:
            found = session.exec(select(Consultation).where(Consultation.subject == subject)).first()
            if found is not None:
                return found
            failed = session.exec(select(InboundMessage).where(InboundMessage.status == "failed")).first()
            assert failed is None, f"processing failed: {failed.error}"
        time.sleep(0.1)
    raise AssertionError(f"no consultation '{subject}' after {timeout}s")


def log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/anmelden")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{base}/eingang")


def wait_for_images(page, timeout: float = 10) -> None:
    """Poll from Python: the page's CSP (rightly) forbids the eval that wait_for_function uses."""
    deadline = time.monotonic() + timeout
    script = "Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)"
    while not page.evaluate(script):
        assert time.monotonic() < deadline, "the dashboard's charts did not load"
        time.sleep(0.1)


def test_triage_end_to_end_from_smtp_to_answer_and_dashboard_export(browser, desk, smtp_sink):
    sink, _port = smtp_sink
    # Some other consultations so the inbox looks like a working day.
    ingest(
        desk.runtime,
        mail(
            subject="OZG-Umsetzung: Onlinedienst Wohngeld",
            body="Guten Tag,\nbis wann müssen "
            "wir den Onlinedienst Wohngeld nach dem OZG anbinden?\n\nGemeinde Kirchheim",
        ),
    )
    ingest(
        desk.runtime,
        mail(
            subject="Verdacht auf Phishing im Rathaus",
            sender="IT <it@stadt-sonneberg.de>",
            body="Hallo,\nein Kollege hat auf einen Phishing-Link geklickt. Was ist zu tun?",
        ),
    )
    subject = "Förderfähigkeit eines Dokumentenmanagementsystems"
    body = (
        "Sehr geehrte Damen und Herren,\n\nist die Einführung eines DMS in unserer Verwaltungsgemeinschaft "
        "nach der ThürEGovRL förderfähig? Welche Unterlagen brauchen Sie?\n\nMit freundlichen Grüßen\n"
        "Hauptamt\nVG Leinetal"
    )
    send_via_smtp(desk.smtp_port, mail(subject=subject, body=body))
    consultation = wait_for_consultation(desk.runtime, subject)

    page = browser.new_page(viewport=VIEWPORT, locale="de-DE")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    log_in(page, desk.base, "anna")
    row = page.locator("tr.triage-row", has_text=subject)
    row.wait_for()
    assert "neu" in row.inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.keyboard.press("j")  # keyboard triage: select the first row
    page.screenshot(path=str(SCREENSHOTS / "inbox.png"), full_page=True)

    row.get_by_role("link", name=subject).click()
    page.wait_for_url(f"{desk.base}/faelle/{consultation.reference}")
    page.keyboard.press("c")  # confirm the suggestions with one key
    page.get_by_text("Vorschläge bestätigt.").wait_for()
    page.get_by_label("Zuständig").select_option("anna")
    page.get_by_role("button", name="Zuweisen", exact=True).click()
    page.get_by_text("Zugewiesen an anna.").wait_for()
    page.keyboard.press("r")
    page.keyboard.type("Guten Tag,\n\nja, ein DMS ist nach Nr. 2.1 ThürEGovRL förderfähig.\n\nIhr Kompetenzzentrum")
    page.get_by_role("button", name="Antwort senden").click()
    page.get_by_text("Antwort gesendet.").wait_for()
    assert page.locator("article.message-outbound").count() == 1
    page.screenshot(path=str(SCREENSHOTS / "consultation.png"), full_page=True)
    page.keyboard.press("k")  # previous consultation in triage order (the answered one is last)
    page.wait_for_url(lambda url: consultation.reference not in url and "/faelle/KV-" in url)
    page.keyboard.press("u")
    page.wait_for_url(f"{desk.base}/eingang")

    with Session(desk.runtime.engine) as session:
        row_after = session.get(Consultation, consultation.id)
        assert row_after.topics_confirmed and row_after.assignee_id is not None
        assert row_after.status == "beantwortet"
    # (the relay also receives the automatic acknowledgement of receipt)
    answers = [m for m in sink.parsed() if "Auto-Submitted" not in m]
    assert len(answers) == 1 and answers[0]["To"] == "hauptamt@vg-leinetal.de"
    assert consultation.reference in answers[0]["Subject"] and "förderfähig" in answers[0].get_content()

    page.get_by_role("button", name="Abmelden").click()
    log_in(page, desk.base, "lea")
    page.get_by_role("link", name="Dashboard").click()
    page.get_by_role("heading", name="Themennennungen nach Monat").wait_for()
    wait_for_images(page)  # (the README's dashboard screenshot: tools/screenshot_dashboard.py)
    with page.expect_download() as download_info:
        page.locator("#tabelle-themen_monate").get_by_role("link", name="CSV").click()
    csv_text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    lines = csv_text.splitlines()
    assert lines[0].startswith("Monat;") and sum(int(line.split(";")[-1]) for line in lines[1:]) == 3
    assert not errors, errors


class _RecordingHandler(BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self):
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


@contextmanager
def recording_server() -> Iterator[tuple[int, list[str]]]:
    handler = type("Handler", (_RecordingHandler,), {"requests": []})
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], handler.requests
    finally:
        server.shutdown()
        server.server_close()


def test_hostile_mail_html_neither_runs_nor_loads_anything(browser, desk):
    with recording_server() as (port, requests):
        remote = f"http://127.0.0.1:{port}"
        html = (
            "<html><head><style>body{background:url(" + remote + "/style-bg)}</style>"
            f'<link rel="stylesheet" href="{remote}/sheet.css"></head><body>'
            "<p>Sehr geehrte Damen und Herren, anbei unsere Frage zur Förderung.</p>"
            "<script>window.__pwned = 'script'</script>"
            f'<img src="{remote}/pixel.png" onerror="window.__pwned = \'onerror\'" alt="Zählpixel">'
            f'<img src="x" onerror="window.__pwned = \'onerror2\'">'
            '<a id="evil" href="javascript:window.__pwned=\'link\'">Hier klicken</a> '
            '<a href="https://www.thueringen.de/">Landesportal</a>'
            f'<iframe src="{remote}/frame"></iframe>'
            '<svg onload="window.__pwned=\'svg\'"><circle r="5"/></svg>'
            f'<div style="background-image:url({remote}/inline-bg)" onclick="window.__pwned=\'click\'">Fläche</div>'
            "</body></html>"
        )
        reference = ingest(desk.runtime, mail(subject="Frage zur Förderung (HTML)", body="", html=html))
        page = browser.new_page(viewport=VIEWPORT, locale="de-DE")
        log_in(page, desk.base, "anna")
        page.goto(f"{desk.base}/faelle/{reference}")
        view = page.locator("details.html-view")
        if view.get_attribute("open") is None:
            view.locator("summary").click()
        mail_html = page.locator(".mail-html")
        mail_html.get_by_text("anbei unsere Frage").wait_for()
        mail_html.get_by_text("Hier klicken").click()
        mail_html.get_by_text("Fläche").click()
        page.wait_for_timeout(1000)
        assert page.evaluate("window.__pwned") is None
        assert requests == [], requests
        inner = mail_html.inner_html()
        assert "javascript:" not in inner and "onerror" not in inner and "<script" not in inner
        assert f"{remote}" not in inner and mail_html.locator("a[href='https://www.thueringen.de/']").count() == 1
        # The link target is shown next to the link text.
        shown = page.evaluate(
            "getComputedStyle(document.querySelector(\".mail-html a[href^='https']\"), '::after').content"
        )
        assert "thueringen.de" in shown
        # Positive control: when the consultant asks for remote images, the pixel is fetched.
        page.get_by_role("link", name="Externe Bilder anzeigen").click()
        page.locator("details.html-view summary").first.wait_for()
        deadline = time.monotonic() + 10
        while "/pixel.png" not in requests and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "/pixel.png" in requests
        assert page.evaluate("window.__pwned") is None
        assert not any(path in requests for path in ("/style-bg", "/sheet.css", "/frame", "/inline-bg"))


def test_api_docs_render_from_packaged_assets(browser, desk):
    page = browser.new_page(viewport=VIEWPORT)
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{desk.base}/api/docs")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() >= 20
    assert page.get_by_text("Eingang API").count() >= 1
    assert all(url.startswith(desk.base) for url in requested), requested  # nothing from a CDN
    assert not errors, errors
