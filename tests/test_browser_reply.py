"""The reply editor in real headless Chromium (issue 14): the consultant sets a signature on
„Mein Profil“, types "::" in the answer and inserts a text module with the keyboard (its
placeholders filled for the consultation), the draft is autosaved and survives a reload, and
the answer with signature, quoted original, CC and an attachment arrives at the relay sink
with the status chosen in the same step. Screenshots only into a temporary directory."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlmodel import Session, select

from casework import text_modules
from models import Consultation, session_scope
from tests.conftest import assert_png, free_port, wait_for_mail
from tests.test_browser_triage import VIEWPORT, Desk, log_in
from tests.test_web_support import add_user, ingest, mail, web_runtime
from web.server import start_web_server

pytestmark = pytest.mark.browser

MODULE = "{{anrede}}\n\nvielen Dank für Ihre Anfrage {{referenz}} ({{behoerde}}). Wir melden uns bis zum {{frist}}."


@pytest.fixture
def desk(tmp_path, smtp_sink, queue_for) -> Iterator[Desk]:
    _sink, relay_port = smtp_sink
    runtime = web_runtime(f"sqlite:///{tmp_path / 'reply.db'}", relay_host="127.0.0.1", relay_port=relay_port)
    add_user(runtime, "anna", "berater")
    queue_for(runtime)
    with session_scope(runtime.engine) as session:
        text_modules.create_module(session, actor="adam", title="Allgemeiner Dank", body="Danke.", topics=[])
        text_modules.create_module(
            session, actor="adam", title="Eingangsbestätigung Förderung", body=MODULE, topics=["eligibility"]
        )
    web = start_web_server(runtime, host="127.0.0.1", port=free_port())
    try:
        yield Desk(runtime, web.url, 0)
    finally:
        web.stop()
        runtime.engine.dispose()


def wait_until(check, what: str, timeout: float = 10) -> None:
    """Poll from Python (the page's CSP rightly forbids the eval of wait_for_function)."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


def test_text_module_by_keyboard_autosaved_draft_and_full_answer(browser, desk, smtp_sink, screenshots, tmp_path):
    sink, _port = smtp_sink
    body = (
        "Sehr geehrte Damen und Herren,\n\nist die Einführung eines DMS nach der ThürEGovRL förderfähig?\n\n"
        "Mit freundlichen Grüßen\nHauptamt\nVG Leinetal"
    )
    reference = ingest(desk.runtime, mail(subject="Förderung DMS", body=body))
    with Session(desk.runtime.engine) as session:
        row = session.exec(select(Consultation).where(Consultation.reference == reference)).one()
        row.topics = ["eligibility"]  # as if confirmed: the module tagged with it is suggested first
        session.add(row)
        session.commit()

    page = browser.new_page(viewport=VIEWPORT, locale="de-DE")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    log_in(page, desk.base, "anna")

    page.get_by_role("link", name="Mein Profil").click()
    page.get_by_label("Signatur Ihrer Antworten").fill("Anna Berater\nKompetenzzentrum Verwaltung 4.0")
    page.get_by_role("button", name="Signatur speichern").click()
    page.get_by_text("Signatur gespeichert.").wait_for()

    page.goto(f"{desk.base}/faelle/{reference}")
    page.keyboard.press("r")  # the triage shortcut focuses the answer
    page.keyboard.type("Guten Tag,\n\n::")
    picker = page.locator("#text-module-picker")
    picker.wait_for(state="visible")
    options = picker.get_by_role("option")
    assert options.count() == 2 and "Eingangsbestätigung Förderung" in options.first.inner_text()
    assert "passt zum Thema" in options.first.inner_text()
    page.screenshot(path=str(screenshots / "reply-text-modules.png"), full_page=False)
    page.keyboard.type("eingang")  # filter, then Enter inserts the highlighted module
    page.keyboard.press("Enter")
    picker.wait_for(state="hidden")
    text = page.locator("#reply-body").input_value()
    assert text.startswith("Guten Tag,\n\nSehr geehrte Damen und Herren,\n\nvielen Dank für Ihre Anfrage " + reference)
    assert "{{" not in text and "::" not in text and "Wir melden uns bis zum " in text
    page.keyboard.type("\nIhr Antrag ist grundsätzlich förderfähig.")

    status = page.locator("#draft-status")
    wait_until(lambda: "Entwurf gespeichert" in status.inner_text(), "the draft was not autosaved")
    page.reload()
    kept = page.locator("#reply-body").input_value()
    assert kept.endswith("Ihr Antrag ist grundsätzlich förderfähig.") and reference in kept
    assert "wiederhergestellt" in status.inner_text()

    page.get_by_label("CC").fill("kaemmerei@vg-leinetal.de")
    attachment = tmp_path / "Merkblatt Förderung.pdf"
    attachment.write_bytes(b"%PDF-1.4\n% Merkblatt\n")
    page.get_by_label("Anhänge").set_input_files(str(attachment))
    page.get_by_label("Status danach").select_option("wartet_auf_rueckmeldung")
    page.get_by_role("button", name="Antwort senden").click()
    # A new CC address becomes a contact only once confirmed; the browser forgets the file.
    page.get_by_text("als Kontakt hinzugefügt und erhält").wait_for()
    assert page.get_by_label("Status danach").input_value() == "wartet_auf_rueckmeldung"
    page.get_by_label("Ja, als Kontakt hinzufügen").check()
    page.get_by_label("Anhänge").set_input_files(str(attachment))
    page.screenshot(path=str(screenshots / "reply-editor.png"), full_page=True)
    page.get_by_role("button", name="Antwort senden").click()
    page.get_by_text("Antwort gesendet. Status: wartet auf Rückmeldung.").wait_for()
    assert page.locator("#reply-body").input_value() == ""  # sending cleared the draft

    (answer,) = [m for m in wait_for_mail(sink) if "Auto-Submitted" not in m]
    assert answer["To"] == "hauptamt@vg-leinetal.de" and answer["Cc"] == "kaemmerei@vg-leinetal.de"
    sent = answer.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")
    assert sent.startswith("Guten Tag,\n\nSehr geehrte Damen und Herren,\n\nvielen Dank für Ihre Anfrage " + reference)
    assert "\n\n-- \nAnna Berater\nKompetenzzentrum Verwaltung 4.0\n\nAm " in sent
    assert " schrieb Hauptamt VG Leinetal:\n> Sehr geehrte Damen und Herren,\n>\n> ist die Einführung" in sent
    (file,) = list(answer.iter_attachments())
    assert file.get_filename() == "Merkblatt Förderung.pdf" and file.get_content() == b"%PDF-1.4\n% Merkblatt\n"
    with Session(desk.runtime.engine) as session:
        after = session.exec(select(Consultation).where(Consultation.reference == reference)).one()
        assert after.status == "wartet_auf_rueckmeldung"
    # (the contact confirmation answers 409 by design; Chromium logs that as a console error)
    assert [e for e in errors if "status of 409" not in e] == [], errors
    for name in ("reply-text-modules.png", "reply-editor.png"):
        assert_png(screenshots / name)
