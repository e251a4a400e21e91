"""The chat widget in real headless Chromium (Debian's /usr/bin/chromium via Playwright):
chat, receive the reference and the guidance, see a consultant's answer arrive live; messages
shown as text; a message typed while the server is down is kept and sent after reconnecting."""

from __future__ import annotations

import re

import httpx
import pytest
from sqlmodel import Session, select

from models import Consultation, InboundMessage
from tests.chat_support import consultant_token, serve_app
from tests.conftest import assert_png, free_port, make_settings, migrated_runtime

# Generous timeouts: the first message of a process loads the classifier (seconds on a busy machine).
HTTP = httpx.Client(timeout=30)

pytestmark = pytest.mark.browser

INJECTION = "Förderfähig nach ThürEGovRL? <img src=x onerror=\"document.title='pwned'\"><b>fett</b>"


@pytest.fixture
def runtime(tmp_path):
    runtime = migrated_runtime(make_settings(database_url=f"sqlite:///{tmp_path / 'chat.db'}"))
    yield runtime
    runtime.engine.dispose()


def start_chat_in_page(page, base: str) -> None:
    page.goto(f"{base}/chat")
    page.get_by_label("Ihr Name").fill("Erika Muster")
    page.get_by_label("Ihre E-Mail-Adresse").fill("e.muster@erfurt.de")
    authority = page.get_by_label(re.compile("^Ihre Kommune"))
    authority.fill("Erfu")
    page.wait_for_selector('#chat-authority-options option[value="Erfurt (kreisfreie Stadt)"]', state="attached")
    authority.fill("Erfurt (kreisfreie Stadt)")
    page.get_by_role("button", name="Chat beginnen").click()
    page.get_by_label("Ihre Nachricht").wait_for()


def test_widget_chats_gets_reference_guidance_and_live_answer(browser, runtime, screenshots):
    port = free_port()
    with serve_app(runtime, port) as address:
        base = f"http://{address}"
        page = browser.new_page()
        problems: list[str] = []
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        start_chat_in_page(page, base)
        expect_status = page.locator("#chat-status")
        expect_status.filter(has_text="Verbunden.").wait_for(timeout=5000)

        page.get_by_label("Ihre Nachricht").fill(INJECTION)
        page.get_by_label("Ihre Nachricht").press("Enter")
        assistant = page.locator("#chat-log li.assistant")
        assistant.wait_for(timeout=15000)
        reply = assistant.inner_text()
        reference = re.search(r"KV-\d{4}-\d{5}", reply).group(0)
        assert "ThürEGovRL" in reply and "Antragsberechtigt" in reply
        assert f"Aktenzeichen {reference}" in page.locator("#chat-reference").inner_text()

        # The visitor's text is shown literally: no element was created from it, nothing ran.
        visitor = page.locator("#chat-log li.visitor .text")
        assert visitor.inner_text() == INJECTION
        assert page.locator("#chat-log img, #chat-log b").count() == 0
        assert page.title() != "pwned"

        with Session(runtime.engine) as session:
            consultation_id = session.exec(select(Consultation.id)).one()
        bearer = consultant_token(runtime)
        response = HTTP.post(
            f"{base}/chat/api/consultations/{consultation_id}/answers",
            json={"text": "Guten Tag Frau Muster, ja – ein DMS ist förderfähig."},
            headers={"Authorization": f"Bearer {bearer}"},
        )
        assert response.status_code == 201
        consultant = page.locator("#chat-log li.consultant")
        consultant.wait_for(timeout=3000)
        assert "ja – ein DMS ist förderfähig" in consultant.inner_text()
        assert "Anna Berater" in consultant.inner_text()
        page.set_viewport_size({"width": 900, "height": 1300})
        page.screenshot(path=str(screenshots / "chat-widget.png"), full_page=True)
        assert_png(screenshots / "chat-widget.png")
        assert problems == []  # no CSP violations or script errors


def test_widget_keeps_message_while_server_is_down_and_sends_it_after_reconnect(browser, runtime):
    port = free_port()
    page = browser.new_page()
    with serve_app(runtime, port) as address:
        base = f"http://{address}"
        start_chat_in_page(page, base)
        page.locator("#chat-status").filter(has_text="Verbunden.").wait_for(timeout=5000)
    # The server is gone: the widget says so clearly, and the typed message waits in the outbox.
    page.locator("#chat-status.offline").filter(has_text="Keine Verbindung zum Server").wait_for(timeout=5000)
    page.get_by_label("Ihre Nachricht").fill("Wo finde ich die Erläuterungen zu ThAVEL und OZG?")
    page.get_by_role("button", name="Senden").click()
    page.locator("#chat-log li.visitor.pending").wait_for()
    assert (
        "1 Nachricht(en) werden gesendet, sobald die Verbindung wieder steht"
        in page.locator("#chat-status").inner_text()
    )
    assert "wird gesendet, sobald die Verbindung steht" in page.locator("#chat-log li.visitor.pending").inner_text()
    with Session(runtime.engine) as session:
        assert session.exec(select(InboundMessage)).first() is None
    # The server is back: the widget reconnects by itself and sends what waited in the outbox.
    with serve_app(runtime, port):
        assistant = page.locator("#chat-log li.assistant")
        assistant.wait_for(timeout=20000)
        assert "ThAVEL" in assistant.inner_text()
        page.locator("#chat-status").filter(has_text="Verbunden").wait_for(timeout=5000)
    with Session(runtime.engine) as session:
        assert len(session.exec(select(InboundMessage)).all()) == 1


def test_consultant_answers_from_the_consultation_page_and_visitor_sees_it_live(browser, runtime, screenshots):
    with serve_app(runtime, free_port()) as address:
        base = f"http://{address}"
        visitor = browser.new_context().new_page()
        start_chat_in_page(visitor, base)
        visitor.get_by_label("Ihre Nachricht").fill("Wie beantrage ich Fördermittel nach ThürEGovRL?")
        visitor.get_by_role("button", name="Senden").click()
        visitor.locator("#chat-log li.assistant").wait_for(timeout=15000)
        with Session(runtime.engine) as session:
            reference = session.exec(select(Consultation.reference)).one()
        consultant_token(runtime)  # creates the account berater1

        desk = browser.new_context().new_page()
        problems: list[str] = []
        desk.on("pageerror", lambda error: problems.append(str(error)))
        desk.goto(f"{base}/anmelden")
        desk.get_by_label("Benutzername").fill("berater1")
        desk.get_by_label("Passwort").fill("ein-langes-passwort-123")
        desk.get_by_role("button", name="Anmelden").click()
        desk.goto(f"{base}/eingang")  # the chat consultation is in the ordinary triage inbox
        assert reference in desk.locator("main").inner_text()
        desk.goto(f"{base}/faelle/{reference}")
        presence = desk.locator("#chat-live-presence")
        presence.filter(has_text="gerade im Chat").wait_for(timeout=5000)
        assert "Wie beantrage ich Fördermittel" in desk.locator("#chat-live-log").inner_text()
        desk.get_by_label("Antwort im Chat").fill("Den Antrag finden Sie hier: <a href=x>Link</a>")
        desk.get_by_role("button", name="Im Chat antworten").click()
        desk.locator("#chat-live-log li.consultant").wait_for(timeout=5000)

        line = visitor.locator("#chat-log li.consultant")
        line.wait_for(timeout=3000)
        assert "Den Antrag finden Sie hier: <a href=x>Link</a>" in line.inner_text()
        assert visitor.locator("#chat-log a").count() == 0
        desk.locator("#chat-live-log li.consultant").filter(has_text="im Chat zugestellt").wait_for(timeout=5000)
        desk.set_viewport_size({"width": 1280, "height": 1400})
        desk.locator("#chat-live").screenshot(path=str(screenshots / "chat-consultation-panel.png"))
        assert_png(screenshots / "chat-consultation-panel.png")
        assert problems == []


def test_widget_validates_the_start_form(browser, runtime):
    with serve_app(runtime, free_port()) as address:
        page = browser.new_page()
        page.goto(f"http://{address}/chat")
        page.get_by_label("Ihr Name").fill("Erika Muster")
        page.get_by_label("Ihre E-Mail-Adresse").fill("keine-adresse")
        page.get_by_role("button", name="Chat beginnen").click()
        alert = page.get_by_role("alert")
        assert "gültige E-Mail-Adresse" in alert.inner_text() and "Kommune aus der Liste" in alert.inner_text()
        assert page.evaluate("document.activeElement.id") == "chat-email"
        assert page.get_by_label("Ihre E-Mail-Adresse").get_attribute("aria-invalid") == "true"
        assert page.locator("#chat-conversation").is_hidden()


def test_widget_falls_back_to_http_when_websockets_are_blocked(browser, runtime):
    with serve_app(runtime, free_port()) as address:
        base = f"http://{address}"
        page = browser.new_page()
        page.route_web_socket(re.compile(".*/chat/ws$"), lambda socket: socket.close())  # a proxy that blocks them
        start_chat_in_page(page, base)
        page.locator("#chat-status").filter(has_text="ohne WebSocket").wait_for(timeout=15000)
        page.get_by_label("Ihre Nachricht").fill("Wo wird das Vereinspaket erklärt?")
        page.get_by_label("Ihre Nachricht").press("Enter")
        page.locator("#chat-log li.assistant").wait_for(timeout=15000)
        with Session(runtime.engine) as session:
            consultation_id = session.exec(select(Consultation.id)).one()
        response = HTTP.post(
            f"{base}/chat/api/consultations/{consultation_id}/answers",
            json={"text": "Antwort über lange Abfragen"},
            headers={"Authorization": f"Bearer {consultant_token(runtime)}"},
        )
        assert response.status_code == 201 and response.json()["line"]["delivery"] == "pending"
        page.locator("#chat-log li.consultant").filter(has_text="Antwort über lange Abfragen").wait_for(timeout=5000)
