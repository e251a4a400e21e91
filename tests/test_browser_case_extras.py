"""The case page's extras in real headless Chromium (issue 14): an answered consultation shows
up under "Ähnliche Fälle" of a new one and one key takes its answer into the reply; an ``@ben``
note appears on the timeline and gives Ben a badge and a notification leading back to it; the
authority link leads to the authority page. No console errors (the CSP forbids inline scripts).
Screenshots go to a temporary directory only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import assert_png, free_port
from tests.test_browser_triage import VIEWPORT, log_in
from tests.test_web_support import add_user, ingest, mail, web_runtime
from web.server import start_web_server

pytestmark = pytest.mark.browser

ANSWER = "Guten Tag,\n\nja, ein DMS ist nach Nr. 2.1 ThürEGovRL förderfähig.\n\nIhr Kompetenzzentrum"


@pytest.fixture
def desk(tmp_path, smtp_sink) -> Iterator[tuple]:
    _sink, relay_port = smtp_sink
    runtime = web_runtime(f"sqlite:///{tmp_path / 'extras.db'}", relay_host="127.0.0.1", relay_port=relay_port)
    add_user(runtime, "anna", "berater")
    add_user(runtime, "ben", "berater")
    web = start_web_server(runtime, host="127.0.0.1", port=free_port())
    try:
        yield runtime, web.url
    finally:
        web.stop()
        runtime.engine.dispose()


def watch(page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


def test_similar_answer_by_key_mention_on_timeline_and_authority_page(browser, desk, screenshots):
    runtime, base = desk
    earlier = ingest(
        runtime, mail("DMS förderfähig?", "Ist ein Dokumentenmanagementsystem nach der ThürEGovRL förderfähig?")
    )
    ingest(
        runtime,
        mail("Phishing im Rathaus", "Ein Kollege hat auf einen Phishing-Link geklickt.", sender="it@sonneberg.de"),
    )
    new = ingest(
        runtime,
        mail(
            "Förderung eines Dokumentenmanagementsystems",
            "Wir möchten ein DMS einführen. Ist das nach der ThürEGovRL förderfähig?\n\nHauptamt\nVG Leinetal",
        ),
    )

    page = browser.new_page(viewport=VIEWPORT, locale="de-DE")
    errors = watch(page)
    log_in(page, base, "anna")
    page.goto(f"{base}/faelle/{earlier}")
    page.keyboard.press("r")
    page.keyboard.type(ANSWER)
    page.get_by_role("button", name="Antwort senden").click()
    page.get_by_text("Antwort gesendet.").wait_for()

    page.goto(f"{base}/faelle/{new}")
    similar = page.locator("#aehnliche-faelle")
    similar.get_by_role("link", name=earlier).wait_for()
    assert page.locator("#reply-body").input_value() == ""
    page.locator("body").click(position={"x": 5, "y": 5})  # focus outside any field
    page.keyboard.press("1")  # one key: the first similar case's answer into the reply
    assert page.locator("#reply-body").input_value() == ANSWER
    assert page.evaluate("document.activeElement.id") == "reply-body"
    page.locator("#reply-body").fill("")
    similar.get_by_role("button", name="Antwort übernehmen").first.click()  # the button does the same
    assert "nach Nr. 2.1 ThürEGovRL förderfähig" in page.locator("#reply-body").input_value()

    page.locator("#note-text").fill("@ben kannst du die Unterlagen prüfen?")
    page.get_by_role("button", name="Notiz speichern").click()
    page.get_by_text("Notiz gespeichert.").wait_for()
    timeline = page.locator("#zeitleiste")
    note = timeline.locator("li.timeline-notiz", has_text="@ben kannst du die Unterlagen prüfen?")
    note.wait_for()
    kinds = timeline.locator("li.timeline-event").evaluate_all("items => items.map(i => i.dataset.kind)")
    assert kinds[0] == "eingang" and "notiz" in kinds
    page.screenshot(path=str(screenshots / "case-extras.png"), full_page=True)

    page.locator("#einordnung a.authority-link").click()
    page.wait_for_url(f"{base}/behoerden/*")
    page.get_by_role("heading", name="Beratungsfälle").wait_for()
    assert page.locator("table.authority-cases").get_by_role("link", name=new).count() == 1
    page.get_by_role("heading", name="Themen nach Quartal").wait_for()
    page.screenshot(path=str(screenshots / "authority.png"), full_page=True)
    page.get_by_role("button", name="Abmelden").click()

    log_in(page, base, "ben")
    badge = page.locator("#notification-badge")
    assert badge.inner_text().startswith("1")
    page.get_by_role("link", name="Benachrichtigungen").click()
    page.get_by_text("kannst du die Unterlagen prüfen?").wait_for()
    page.get_by_role("button", name=f"Zum Fall {new}").click()
    page.wait_for_url(f"{base}/faelle/{new}#zeitleiste")
    assert page.locator("#notification-badge").count() == 0
    assert not errors, errors
    for name in ("case-extras.png", "authority.png"):
        assert_png(screenshots / name)
