"""The inbox in real headless Chromium (issue 14): paging with a cursor, saved views and an own
saved filter, bulk actions by mouse and keyboard (audited per consultation), tags with
autocomplete and filtering, the SLA deadline on every row, Meine Aufgaben, and the layout at
1366×768 and at phone width. Screenshots only into tmp_path."""

from __future__ import annotations

import random
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import Session, select

from casework import tasks as task_functions
from casework.processing import process_message
from intake.channel import store_raw
from models import AuditEntry, Channel, Consultation, session_scope
from tests.test_browser_triage import log_in
from tests.test_inbox_api import add_consultations
from tests.test_web_support import add_user, mail, web_runtime
from web.server import start_web_server

pytestmark = pytest.mark.browser


@pytest.fixture
def inbox_desk(tmp_path):
    runtime = web_runtime(f"sqlite:///{tmp_path / 'inbox.db'}")
    add_user(runtime, "anna", "berater")
    add_user(runtime, "bernd", "berater")
    rng = random.Random(14)
    references = add_consultations(runtime, 64, rng=rng)
    with session_scope(runtime.engine) as session:
        for row in session.exec(select(Consultation)):
            row.status = "neu"
    web = start_web_server(runtime, host="127.0.0.1", port=_port())
    try:
        yield runtime, web.url, references
    finally:
        web.stop()
        runtime.engine.dispose()


def _port() -> int:
    from tests.conftest import free_port

    return free_port()


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")


def shown(page) -> list[str]:
    return page.eval_on_selector_all("tr.triage-row", "rows => rows.map(r => r.dataset.reference)")


def test_inbox_pages_views_bulk_tags_and_layout(browser, inbox_desk, tmp_path):
    runtime, base, references = inbox_desk
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="de-DE")
    page = context.new_page()
    log_in(page, base, "anna")
    assert no_horizontal_scroll(page), "the inbox scrolls sideways at 1366×768"
    assert "64 Beratungsfälle" in page.locator("#inbox-total").inner_text()
    first = shown(page)
    assert len(first) == 50
    # every row shows its first-response deadline, coloured
    assert page.locator("td.sla").count() == 50 and page.locator("td.sla-ueberfaellig").count() > 0
    page.screenshot(path=str(tmp_path / "inbox-1366.png"))

    # the next page: the rest, none twice, also when new mail arrived meanwhile
    add_consultations(runtime, 3, rng=random.Random(1), at=datetime.now(UTC))
    page.locator("#naechste-seite").click()
    second = shown(page)
    assert not set(first) & set(second) and set(references) <= set(first) | set(second)

    # saved view "Neu" with its count; the header link sorts
    page.goto(f"{base}/eingang")
    with Session(runtime.engine) as session:
        new_count = len(session.exec(select(Consultation.id).where(Consultation.status == "neu")).all())
    page.get_by_role("link", name=f"Neu {new_count}", exact=True).click()
    assert page.get_by_role("link", name=f"Neu {new_count}", exact=True).get_attribute("aria-current") == "page"
    assert page.locator("#inbox-total").get_attribute("data-total") == str(new_count)
    page.get_by_role("link", name="Alter").click()
    newest = shown(page)[0]
    with Session(runtime.engine) as session:
        latest = session.exec(
            select(Consultation).order_by(Consultation.received_at.desc(), Consultation.id.desc())
        ).first()
    assert newest == latest.reference

    # bulk: two by mouse (Shift+click makes it a range of three), one by keyboard (j … x)
    page.goto(f"{base}/eingang?sort=eingang")
    rows = shown(page)
    boxes = page.locator("input.row-select")
    boxes.nth(0).click()
    boxes.nth(2).click(modifiers=["Shift"])
    page.keyboard.press("j")  # from the row of the focused checkbox
    page.keyboard.press("j")
    page.keyboard.press("x")
    state = page.eval_on_selector_all("input.row-select", "b => b.map(x => x.checked).slice(0, 6)")
    assert page.locator("#markiert").inner_text() == "4 markiert", state
    marked = [rows[0], rows[1], rows[2], rows[4]]
    page.locator("#aktion").select_option("status:abgeschlossen")
    page.get_by_role("button", name="Anwenden").click()
    assert page.get_by_text("4 von 4 Fällen geändert.").is_visible()
    with Session(runtime.engine) as session:
        for reference in marked:
            row = session.exec(select(Consultation).where(Consultation.reference == reference)).one()
            assert row.status == "abgeschlossen"
            assert session.exec(select(AuditEntry.action).where(AuditEntry.consultation_id == row.id)).all() == [
                "closed"
            ]
    assert not set(marked) & set(shown(page))

    # tags: add by bulk, offered by autocomplete, shown as chips, filterable
    boxes = page.locator("input.row-select")
    boxes.nth(0).click()
    boxes.nth(1).click()
    tagged = shown(page)[:2]
    page.locator("#aktion").select_option("tags_add")
    page.locator("#sammel-schlagwort").fill("Newsletter")
    page.get_by_role("button", name="Anwenden").click()
    assert page.get_by_text("2 von 2 Fällen geändert.").is_visible()
    assert page.eval_on_selector_all("#schlagworte option", "o => o.map(x => x.value)") == ["Newsletter"]
    page.locator("a.tag", has_text="Newsletter").first.click()
    assert sorted(shown(page)) == sorted(tagged)

    # an own saved filter, with its count, and deleted again
    page.locator("#filter-name").fill("Rundschreiben")
    page.get_by_role("button", name="Speichern").click()
    own = page.locator(".own-filters a", has_text="Rundschreiben")
    assert own.inner_text().split()[-1] == "2"
    page.goto(f"{base}/eingang")
    page.locator(".own-filters a", has_text="Rundschreiben").click()
    assert sorted(shown(page)) == sorted(tagged)
    page.get_by_role("button", name="Filter „Rundschreiben“ löschen").click()
    assert page.locator(".own-filters").count() == 0

    # phone width: no sideways scrolling, the rows become cards, marking still works
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="de-DE", is_mobile=True, has_touch=True)
    small = phone.new_page()
    log_in(small, base, "anna")
    assert no_horizontal_scroll(small), "the inbox scrolls sideways at phone width"
    small.locator("input.row-select").first.tap()
    assert small.locator("#markiert").inner_text() == "1 markiert"
    small.screenshot(path=str(tmp_path / "inbox-phone.png"), full_page=False)
    phone.close()
    context.close()


def test_my_tasks_lists_overdue_today_and_this_week(browser, inbox_desk, tmp_path):
    runtime, base, references = inbox_desk
    today = date.today()
    week_end = today + timedelta(days=6 - today.weekday())
    with session_scope(runtime.engine) as session:
        task_functions.add_task(
            session,
            consultation=references[0],
            actor="anna",
            title="Rückruf Hauptamt",
            due=today - timedelta(days=2),
            assignee="anna",
        )
        task_functions.add_task(
            session, consultation=references[1], actor="anna", title="Förderbescheid prüfen", due=today, assignee="anna"
        )
        task_functions.add_task(
            session,
            consultation=references[2],
            actor="anna",
            title="Unterlagen nachfordern",
            due=week_end,
            assignee="anna",
        )
        task_functions.add_task(
            session, consultation=references[3], actor="anna", title="Nicht meine", due=today, assignee="bernd"
        )
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="de-DE")
    page = context.new_page()
    log_in(page, base, "anna")
    page.get_by_role("link", name="Meine Aufgaben").click()
    assert "Rückruf Hauptamt" in page.locator("#ueberfaellig").inner_text()
    assert "Förderbescheid prüfen" in page.locator("#heute").inner_text()
    assert ("Unterlagen nachfordern" in page.locator("#woche").inner_text()) or week_end == today
    assert "Nicht meine" not in page.content()
    assert no_horizontal_scroll(page)
    page.screenshot(path=str(tmp_path / "aufgaben.png"))
    page.locator("#heute").get_by_role("button", name="Erledigt").click()
    page.goto(f"{base}/aufgaben")
    assert "Förderbescheid prüfen" not in page.content()
    context.close()


def wait_until(check, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "the page did not update"
        time.sleep(0.1)


def test_inbox_updates_live_when_mail_arrives_or_a_colleague_changes_a_case(browser, inbox_desk):
    runtime, base, _references = inbox_desk
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="de-DE")
    page = context.new_page()
    log_in(page, base, "anna")
    page.goto(f"{base}/eingang?sort=-eingang")
    page.evaluate("document.body.dataset.unchanged = 'ja'")  # gone if the page reloads
    time.sleep(0.5)  # the event stream connects
    # new mail, processed the way the workers do it (casework.processing publishes after commit)
    inbound_id, _ = store_raw(runtime.engine, mail(subject="Live: neue Anfrage zum Breitband"), channel=Channel.SMTP)
    result = process_message(runtime, inbound_id)
    wait_until(lambda: result.reference in shown(page))
    assert "Neuer Fall eingegangen" in page.locator("#live-hinweis").inner_text()
    # a colleague assigns a case in another browser
    colleague = browser.new_context(viewport={"width": 1366, "height": 768}, locale="de-DE")
    other = colleague.new_page()
    log_in(other, base, "bernd")
    other.goto(f"{base}/eingang?sort=-eingang")
    other.locator(f'tr[data-reference="{result.reference}"] input.row-select').click()
    other.locator("#aktion").select_option("assignee:bernd")
    other.get_by_role("button", name="Anwenden").click()
    row = page.locator(f'tr[data-reference="{result.reference}"]')
    wait_until(lambda: "Bernd" in row.inner_text())
    assert page.evaluate("document.body.dataset.unchanged") == "ja"
    colleague.close()
    context.close()


def test_tags_on_the_case_page_with_autocomplete_and_the_inbox_filter(browser, inbox_desk):
    runtime, base, references = inbox_desk
    with session_scope(runtime.engine) as session:
        from casework.tags import set_tags

        set_tags(session, consultation=references[0], actor="anna", tags=["Breitbandförderung"])
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="de-DE")
    page = context.new_page()
    log_in(page, base, "anna")
    page.goto(f"{base}/faelle/{references[5]}")
    offered = page.eval_on_selector_all("#schlagworte-bekannt option", "o => o.map(x => x.value)")
    assert offered == ["Breitbandförderung"]
    page.locator("#schlagworte-feld").fill("Breitbandförderung, Presseanfrage")
    page.locator("#tags-form").get_by_role("button", name="Speichern").click()
    assert page.get_by_text("Schlagworte gespeichert.").is_visible()
    page.locator("a.tag", has_text="Presseanfrage").click()
    assert shown(page) == [references[5]]
    page.locator("#schlagwort-filter").fill("breitbandFÖRDERUNG")
    page.get_by_role("button", name="Filtern").click()
    assert sorted(shown(page)) == sorted([references[0], references[5]])
    with Session(runtime.engine) as session:
        row = session.exec(select(Consultation).where(Consultation.reference == references[5])).one()
        entry = session.exec(select(AuditEntry).where(AuditEntry.consultation_id == row.id)).one()
        assert (entry.action, entry.actor, entry.after) == (
            "tags_changed",
            "anna",
            ["Breitbandförderung", "Presseanfrage"],
        )
    context.close()
