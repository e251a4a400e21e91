"""Who receives what (issue 13): answers go to the consultation's contacts, never to whoever
quoted its reference number last; a reference number is not a key (the flag is visible and
can be resolved by split/merge); acknowledgements cannot be used to mail third parties."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
from sqlmodel import select

from casework.accounts import create_user, issue_api_token
from models import AuditEntry, ConsultationContact, InboundMessage, make_engine, session_scope
from tests.conftest import RecordingSink, free_port
from tests.helpers import EINGANG, cli_env, municipal_mail, run_cli, send_smtp, stop_process, wait_for_port

ORIGINAL = "hauptamt@vg-leinetal.de"
STRANGER = "fremder@example.org"


def _wait(condition, *, timeout: float = 60, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _answers(sink: RecordingSink, text: str) -> list[tuple[list[str], object]]:
    """(envelope recipients, parsed message) of every delivered mail whose body contains ``text``."""
    found = []
    for (_from, rcpts, _raw), parsed in zip(sink.messages, sink.parsed(), strict=True):
        if text in parsed.get_body(("plain",)).get_content():
            found.append((sorted(rcpts), parsed))
    return found


def _start_serve(tmp_path: Path, relay_port: int):
    database = f"sqlite:///{tmp_path / 'eingang.db'}"
    smtp_port, web_port = free_port(), free_port()
    env = cli_env(
        database_url=database,
        smtp_port=smtp_port,
        web_port=web_port,
        relay_host="127.0.0.1",
        relay_port=relay_port,
    )
    run_cli(["db", "upgrade"], env, cwd=tmp_path)
    engine = make_engine(database)
    with session_scope(engine) as session:
        user = create_user(session, username="anna", password="ein-langes-passwort-123", role="berater")
        token = issue_api_token(session, user)
    import subprocess

    server = subprocess.Popen(
        [EINGANG, "serve"], env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    wait_for_port(smtp_port, process=server)
    wait_for_port(web_port, process=server)
    return server, engine, smtp_port, f"http://127.0.0.1:{web_port}", {"Authorization": f"Bearer {token}"}


def _processed(engine, count: int) -> bool:
    with session_scope(engine) as session:
        rows = session.exec(select(InboundMessage.status)).all()
    return len(rows) >= count and all(status != "received" for status in rows)


def test_strangers_reference_mail_does_not_receive_the_answer_and_to_cc_are_explicit(tmp_path, smtp_sink):
    sink, relay_port = smtp_sink
    server, engine, smtp_port, base, auth = _start_serve(tmp_path, relay_port)
    try:
        send_smtp(smtp_port, municipal_mail())
        _wait(lambda: _processed(engine, 1), what="the first mail to be processed")
        with httpx.Client(base_url=base, headers=auth, timeout=30) as client:
            (row,) = client.get("/api/consultations").json()
            reference = row["reference"]
            # references are sequential: anyone can guess one and write "[KV-…] Nachtrag"
            send_smtp(
                smtp_port,
                municipal_mail(
                    sender=f"Jemand <{STRANGER}>",
                    subject=f"[{reference}] Nachtrag",
                    body="Bitte schicken Sie die Antwort an mich.",
                ),
            )
            _wait(lambda: _processed(engine, 2), what="the stranger's mail to be processed")
            detail = client.get(f"/api/consultations/{reference}").json()
            assert [c["address"] for c in detail["contacts"]] == [ORIGINAL]

            response = client.post(
                f"/api/consultations/{reference}/answers", json={"body": "Antwort eins: ja, förderfähig."}
            )
            assert response.status_code == 201, response.text
            assert response.json()["recipients"] == [ORIGINAL]
            ((rcpts, sent),) = _wait(lambda: _answers(sink, "Antwort eins"), what="the answer")
            assert rcpts == [ORIGINAL] and sent["To"] == ORIGINAL and sent["Cc"] is None

            # explicit to/cc: the consultant adds a colleague of the municipality as a contact
            response = client.post(
                f"/api/consultations/{reference}/answers",
                json={"body": "Antwort zwei.", "to": [ORIGINAL], "cc": ["Kaemmerei@VG-Leinetal.de"]},
            )
            assert response.status_code == 201, response.text
            ((rcpts, sent),) = _wait(lambda: _answers(sink, "Antwort zwei"), what="the second answer")
            assert rcpts == sorted([ORIGINAL, "kaemmerei@vg-leinetal.de"])
            assert sent["Cc"] == "kaemmerei@vg-leinetal.de"
            # invalid addresses are refused, nothing is sent
            bad = client.post(
                f"/api/consultations/{reference}/answers", json={"body": "drei", "to": ["a@b.de\r\nBcc: x@y.de"]}
            )
            assert bad.status_code == 409 and "keine gültige E-Mail-Adresse" in bad.json()["detail"]
    finally:
        stop_process(server)
    with session_scope(engine) as session:
        contacts = session.exec(select(ConsultationContact).order_by(ConsultationContact.id)).all()
        assert [(c.address, c.role, c.added_by) for c in contacts] == [
            (ORIGINAL, "eroeffnet", "system"),
            ("kaemmerei@vg-leinetal.de", "bestaetigt", "anna"),
        ]
        added = session.exec(select(AuditEntry).where(AuditEntry.action == "contact_added")).all()
        assert [(a.actor, a.after) for a in added] == [("anna", "kaemmerei@vg-leinetal.de")]
    assert not any(STRANGER in rcpts for _f, rcpts, _raw in sink.messages)  # no answer, no acknowledgement
    engine.dispose()


def test_answer_form_prefills_contacts_and_adds_a_new_address_only_after_confirmation(sqlite_url, smtp_sink, queue_for):
    from fastapi.testclient import TestClient

    from tests.test_web_support import add_user, csrf_from, ingest, login, mail, web_runtime
    from web.app import create_app

    sink, port = smtp_sink
    runtime = web_runtime(sqlite_url, relay_host="127.0.0.1", relay_port=port)
    queue_for(runtime)
    add_user(runtime, "anna", "berater")
    reference = ingest(runtime, mail())
    ingest(runtime, mail(subject=f"AW: [{reference}] Nachtrag", sender=f"Jemand <{STRANGER}>"))
    with TestClient(create_app(runtime)) as client:
        assert login(client, "anna").status_code == 303
        page = client.get(f"/faelle/{reference}").text
        assert f'name="to" value="{ORIGINAL}"' in page and 'name="cc" value=""' in page
        form = {
            "csrf_token": csrf_from(page),
            "body": "Unsere Antwort.",
            "to": ORIGINAL,
            "cc": "kaemmerei@vg-leinetal.de",
        }
        first = client.post(f"/faelle/{reference}/antwort", data=form, follow_redirects=False)
        assert first.status_code == 409
        assert "kaemmerei@vg-leinetal.de</strong> wird als Kontakt hinzugefügt" in first.text
        assert "Unsere Antwort." in first.text  # nothing typed is lost
        with session_scope(runtime.engine) as session:
            assert session.exec(select(ConsultationContact.address)).all() == [ORIGINAL]
        confirmed = client.post(
            f"/faelle/{reference}/antwort",
            data={**form, "confirm_contacts": "kaemmerei@vg-leinetal.de"},
            follow_redirects=False,
        )
        assert confirmed.status_code == 303
        page = client.get(f"/faelle/{reference}").text
        assert "als Kontakt hinzugefügt" in page
        assert f'name="to" value="{ORIGINAL}"' in page and 'name="cc" value="kaemmerei@vg-leinetal.de"' in page
    ((rcpts, _sent),) = _wait(lambda: _answers(sink, "Unsere Antwort"), what="the answer")
    assert rcpts == sorted([ORIGINAL, "kaemmerei@vg-leinetal.de"])
