"""One timeline per consultation (issue 14) and ``@name`` in an internal note: the timeline
composes messages, answers, notes, status changes and tasks in order; a mention notifies the
consultant in the app (badge, list) and once in the daily digest mail."""

from __future__ import annotations

from datetime import date
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from casework import notifications
from casework.reminders import send_task_digests
from casework.timeline import ANSWER, INBOUND, NOTE, STATUS, TASK, timeline
from models import OutboundMail, UserAccount, session_scope
from models.notifications import Notification
from tests.test_web_support import add_user, consultation, csrf_from, ingest, login, mail, web_runtime
from web.app import create_app


@pytest.fixture(params=["sqlite", "postgres"])
def desk(request, sqlite_url, smtp_sink):
    _sink, port = smtp_sink
    url = sqlite_url if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    runtime = web_runtime(url, relay_host="127.0.0.1", relay_port=port)
    add_user(runtime, "anna", "berater", email="anna@tfm.thueringen.de")
    add_user(runtime, "ben", "berater", email="ben@tfm.thueringen.de")
    yield runtime
    runtime.engine.dispose()


def client_for(runtime, username: str) -> TestClient:
    client = TestClient(create_app(runtime))
    assert login(client, username).status_code == 303
    return client


def post(client, reference: str, action: str, **data):
    token = csrf_from(client.get(f"/faelle/{reference}").text)
    response = client.post(f"/faelle/{reference}/{action}", data={"csrf_token": token, **data}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return response


def test_timeline_holds_every_kind_of_event_in_order(desk):
    reference = ingest(desk, mail())
    with client_for(desk, "anna") as anna:
        post(anna, reference, "status", status="in_bearbeitung")
        post(anna, reference, "notizen", text="Richtlinie Nr. 2.1 prüfen.")
        post(anna, reference, "aufgaben", title="Förderbescheid anfordern", due="2099-01-15")
        post(anna, reference, "antwort", body="Ja, das ist förderfähig.")
        with Session(desk.engine) as session:
            events = timeline(session, consultation(desk, reference), today=date.today())
        kinds = [event.kind for event in events]
        assert kinds[0] == INBOUND
        for kind in (ANSWER, NOTE, STATUS, TASK):
            assert kind in kinds
        assert [event.at for event in events] == sorted(event.at for event in events)
        assert kinds.index(STATUS) < kinds.index(NOTE) < kinds.index(ANSWER)
        assert kinds[-1] == TASK and events[-1].record.title == "Förderbescheid anfordern"  # open, at its due date
        assert "note_added" not in [getattr(e.record, "action", None) for e in events]  # the note itself instead

        page = anna.get(f"/faelle/{reference}").text
    section = page[page.index('id="zeitleiste"') :]
    section = section[: section.index("</section>")]
    assert section.index("DMS nach der ThürEGovRL") < section.index("Status: neu → in Bearbeitung")
    assert section.index("Status: neu → in Bearbeitung") < section.index("Richtlinie Nr. 2.1 prüfen.")
    assert section.index("Richtlinie Nr. 2.1 prüfen.") < section.index("Ja, das ist förderfähig.")
    assert "Aufgabe „Förderbescheid anfordern“ angelegt" in section
    assert "fällig 15.01.2099" in section
    for label in ("Nachricht", "Antwort", "Interne Notiz", "Status", "Aufgabe"):
        assert f'<span class="badge timeline-kind">{label}</span>' in section


def test_mentioned_names_ignore_mail_addresses():
    assert notifications.mentioned_names("@Ben bitte mit @lea.m klären, Kopie an x@ben.de; @ben") == ["ben", "lea.m"]


def test_mention_notifies_in_the_app_and_in_the_digest_once(desk):
    reference = ingest(desk, mail())
    with client_for(desk, "anna") as anna:
        post(anna, reference, "notizen", text="@ben kannst du das übernehmen? @anna @niemand")
        assert 'id="notification-badge"' not in anna.get("/eingang").text  # not her own mention
    with session_scope(desk.engine) as session:
        rows = session.exec(select(Notification)).all()
        ben = session.exec(select(UserAccount).where(UserAccount.username == "ben")).one()
        assert [(row.user_id, row.actor) for row in rows] == [(ben.id, "anna")]  # neither anna nor unknown names

    with client_for(desk, "ben") as ben_client:
        inbox = ben_client.get("/eingang").text
        assert 'id="notification-badge">1<' in inbox
        listing = ben_client.get("/benachrichtigungen").text
        assert "hat Sie in" in listing and reference in listing and "kannst du das übernehmen?" in listing

        with session_scope(desk.engine) as session:  # the daily digest: ben has no tasks, only the mention
            mails = send_task_digests(session, settings=desk.settings, today=date.today())
        assert [(m.recipient, m.subject) for m in mails] == [
            ("ben@tfm.thueringen.de", f"Eingang: 1 Erwähnung am {date.today():%d.%m.%Y}")
        ]
        with Session(desk.engine) as session:
            raw = session.exec(select(OutboundMail).where(OutboundMail.kind == "digest")).one().raw
        assert raw is not None
        body = message_from_bytes(raw, policy=default_policy).get_body().get_content()
        assert "Erwähnungen (1):" in body
        assert f"- [{reference}] anna hat Sie in einer internen Notiz erwähnt" in body
        assert "kannst du das" not in body  # the note's text stays in the app
        with session_scope(desk.engine) as session:  # each mention goes out once
            assert send_task_digests(session, settings=desk.settings, today=date.today()) == []

        # Opening it marks it read and leads to the case's timeline.
        token = csrf_from(listing)
        with Session(desk.engine) as session:
            notification_id = session.exec(select(Notification.id)).one()
        response = ben_client.post(
            f"/benachrichtigungen/{notification_id}/oeffnen", data={"csrf_token": token}, follow_redirects=False
        )
        assert response.status_code == 303
        assert response.headers["location"] == f"/faelle/{reference}#zeitleiste"
        assert 'id="notification-badge"' not in ben_client.get("/eingang").text
        # Without the CSRF token nothing changes.
        assert ben_client.post("/benachrichtigungen/gelesen", data={}, follow_redirects=False).status_code == 403
