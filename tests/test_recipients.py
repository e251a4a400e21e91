"""Who receives what (issue 13): answers go to the consultation's contacts, never to whoever
quoted its reference number last; a reference number is not a key (the flag is visible and
can be resolved by split/merge); acknowledgements cannot be used to mail third parties."""

from __future__ import annotations

import re
import time
from pathlib import Path

import httpx
from sqlmodel import select

from casework.accounts import create_user, issue_api_token
from models import AuditEntry, InboundMessage, make_engine, session_scope
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
            (row,) = client.get("/api/consultations").json()["items"]
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
            response = client.post(
                f"/api/consultations/{reference}/answers", json={"body": "Antwort eins: ja, förderfähig."}
            )
            assert response.status_code == 201, response.text
            ((rcpts, sent),) = _wait(lambda: _answers(sink, "Antwort eins"), what="the answer")
            assert rcpts == [ORIGINAL] and sent["To"] == ORIGINAL and sent["Cc"] is None
            assert response.json()["recipients"] == [ORIGINAL]
            detail = client.get(f"/api/consultations/{reference}").json()
            assert [c["address"] for c in detail["contacts"]] == [ORIGINAL]

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
    from models import ConsultationContact

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

    from models import ConsultationContact
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


def test_reference_is_not_a_key_flag_is_visible_and_split_and_merge_resolve_it(sqlite_url):
    from fastapi.testclient import TestClient

    from tests.test_web_support import add_user, ingest, login, mail, web_runtime
    from web.app import create_app

    runtime = web_runtime(sqlite_url)
    token = add_user(runtime, "anna", "berater", token=True)
    reference = ingest(runtime, mail())
    other = ingest(runtime, mail(subject="Breitbandausbau", sender="Bauamt <bauamt@vg-leinetal.de>"))
    # the body signs as "Hauptamt VG Leinetal": a claim in the text proves nothing
    assert ingest(runtime, mail(subject=f"[{reference}] Nachtrag", sender=f"Jemand <{STRANGER}>")) == reference
    api = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(runtime)) as client:
        detail = client.get(f"/api/consultations/{reference}", headers=api).json()
        assert detail["needs_review"] and STRANGER in detail["review_reason"]
        assert [c["address"] for c in detail["contacts"]] == [ORIGINAL]  # the stranger adds no recipient
        flagged = client.get("/api/consultations", params={"pruefen": "true"}, headers=api).json()
        assert [r["reference"] for r in flagged["items"]] == [reference] and flagged["total"] == 1

        assert login(client, "anna").status_code == 303
        inbox = client.get("/eingang").text
        assert inbox.count('class="badge review"') == 1 and "nur „zu prüfen“" in inbox
        only = client.get("/eingang", params={"pruefen": "1"}).text
        assert reference in only and other not in only
        page = client.get(f"/faelle/{reference}").text
        banner = page[page.index('id="zu-pruefen"') : page.index('class="case-layout"')]
        assert STRANGER in banner and ORIGINAL in banner and "erhält keine Antworten" in banner
        assert "kein Kontakt" in page and "Als eigenen Fall abtrennen" in page

        messages = client.get(f"/api/consultations/{reference}/messages", headers=api).json()
        stranger_message = next(m for m in messages if m["sender"] == STRANGER)
        split = client.post(
            f"/api/consultations/{reference}/split", json={"message_id": stranger_message["id"]}, headers=api
        )
        assert split.status_code == 201, split.text
        new = split.json()["reference"]
        assert new != reference
        detail = client.get(f"/api/consultations/{reference}", headers=api).json()
        assert not detail["needs_review"]  # nothing foreign left in it
        assert STRANGER not in [
            m["sender"] for m in client.get(f"/api/consultations/{reference}/messages", headers=api).json()
        ]
        split_off = client.get(f"/api/consultations/{new}", headers=api).json()
        assert split_off["related"] == reference and [c["address"] for c in split_off["contacts"]] == [STRANGER]
        assert "Verknüpft mit" in client.get(f"/faelle/{new}").text

        merged = client.post(f"/api/consultations/{other}/merge", json={"into": reference}, headers=api)
        assert merged.status_code == 200, merged.text
        source = client.get(f"/api/consultations/{other}", headers=api).json()
        assert source["status"] == "abgeschlossen" and source["merged_into"] == reference
        target = client.get(f"/api/consultations/{reference}", headers=api).json()
        assert [c["address"] for c in target["contacts"]] == [ORIGINAL, "bauamt@vg-leinetal.de"]
        assert len(client.get(f"/api/consultations/{reference}/messages", headers=api).json()) == 2
        again = client.post(f"/api/consultations/{other}/merge", json={"into": reference}, headers=api)
        assert again.status_code == 409
        audit = {
            (e["action"], e["actor"]) for e in client.get(f"/api/consultations/{reference}/audit", headers=api).json()
        }
        assert {("split_off", "anna"), ("merged_from", "anna")} <= audit
        assert ("merged_into", "anna") in {
            (e["action"], e["actor"]) for e in client.get(f"/api/consultations/{other}/audit", headers=api).json()
        }
    # mail that still names the merged consultation lands in the one it was merged into
    assert (
        ingest(runtime, mail(subject=f"AW: [{other}] Breitbandausbau", sender="Bauamt <bauamt@vg-leinetal.de>"))
        == reference
    )


def test_erasure_removes_contacts_on_postgresql(postgres_runtime):
    """Erasing a sender removes their consultations with its contacts (foreign keys on
    PostgreSQL) and the address as a contact of other consultations."""
    from casework.contacts import add_contact
    from casework.workflow import load_consultation
    from models import ConsultationContact
    from models.erasure import erase_sender
    from tests.test_web_support import ingest, mail

    runtime = postgres_runtime
    own = ingest(runtime, mail())
    other = ingest(runtime, mail(subject="Breitband", sender="Bauamt <bauamt@vg-leinetal.de>"))
    with session_scope(runtime.engine) as session:
        add_contact(session, consultation=load_consultation(session, other), actor="anna", address=ORIGINAL)
    with session_scope(runtime.engine) as session:
        erase_sender(session, address=ORIGINAL, actor="admin")
    with session_scope(runtime.engine) as session:
        remaining = session.exec(select(ConsultationContact.address)).all()
        assert remaining == ["bauamt@vg-leinetal.de"]
        assert load_consultation(session, other).reference == other
        import pytest

        from casework.workflow import NotFound

        with pytest.raises(NotFound):
            load_consultation(session, own)


def test_case_page_actions_split_merge_and_clear_the_flag(sqlite_url):
    from fastapi.testclient import TestClient

    from tests.test_web_support import add_user, csrf_from, ingest, login, mail, web_runtime
    from web.app import create_app

    runtime = web_runtime(sqlite_url)
    add_user(runtime, "anna", "berater")
    reference = ingest(runtime, mail())
    ingest(runtime, mail(subject=f"[{reference}] Nachtrag", sender=f"Jemand <{STRANGER}>"))
    ingest(runtime, mail(subject=f"[{reference}] Noch etwas", sender="Dritte <dritte@example.net>"))
    with TestClient(create_app(runtime)) as client:
        assert login(client, "anna").status_code == 303
        page = client.get(f"/faelle/{reference}").text
        ids = re.findall(r'name="message_id" value="(\d+)"', page)
        assert len(ids) == 2  # every inbound message but the first can be split off
        split = client.post(
            f"/faelle/{reference}/abtrennen",
            data={"csrf_token": csrf_from(page), "message_id": ids[0]},
            follow_redirects=False,
        )
        assert split.status_code == 303
        new_reference = split.headers["location"].rsplit("/", 1)[1]
        new_page = client.get(split.headers["location"]).text
        assert "als eigener Fall" in new_page and f'Verknüpft mit <a href="/faelle/{reference}">' in new_page
        page = client.get(f"/faelle/{reference}").text
        assert 'id="zu-pruefen"' in page  # the third party's message is still there
        cleared = client.post(
            f"/faelle/{reference}/pruefung-erledigt", data={"csrf_token": csrf_from(page)}, follow_redirects=False
        )
        assert cleared.status_code == 303
        page = client.get(f"/faelle/{reference}").text
        assert "Prüfung erledigt." in page and 'id="zu-pruefen"' not in page
        merged = client.post(
            f"/faelle/{new_reference}/zusammenfuehren",
            data={"csrf_token": csrf_from(page), "into": reference},
            follow_redirects=False,
        )
        assert merged.status_code == 303 and merged.headers["location"].endswith(reference)
        assert f"{new_reference} wurde in {reference} zusammengeführt." in client.get(merged.headers["location"]).text
        missing_csrf = client.post(f"/faelle/{reference}/zusammenfuehren", data={"into": new_reference})
        assert missing_csrf.status_code in (400, 403)
