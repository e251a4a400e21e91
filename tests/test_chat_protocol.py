"""The chat protocol against a real server: uvicorn on a free port serving the real web app,
a real WebSocket client (``websockets``) and real HTTP (httpx); processing through the same
pipeline as mail; answers live or, once the visitor has left, by e-mail to a real SMTP sink."""

from __future__ import annotations

import email
import email.policy
import json
import re
import time
import uuid
from contextlib import contextmanager
from email.message import EmailMessage

import httpx
import pytest
from sqlmodel import Session, select
from websockets.sync.client import connect

from intake.channel import store_raw
from models import (
    AuditEntry,
    ChatDelivery,
    ChatMessage,
    ChatSession,
    Consultation,
    ConsultationMessage,
    InboundMessage,
    OutboundMail,
)
from tests.chat_support import consultant_token, serve_app
from tests.conftest import free_port, make_settings, migrated_runtime, wait_for_mail

# Generous timeouts: the first message of a process loads the classifier (seconds on a busy machine).
HTTP = httpx.Client(timeout=30)

REFERENCE = re.compile(r"KV-\d{4}-\d{5}")
ERFURT = "16051000"  # kreisfreie Stadt Erfurt
ELIGIBILITY_QUESTION = "Ist die Einführung eines DMS nach der ThürEGovRL förderfähig? Wir planen den Förderantrag."


@pytest.fixture
def chat_runtime(tmp_path, queue_for):
    def build(**overrides):
        settings = make_settings(database_url=f"sqlite:///{tmp_path / 'chat.db'}", **overrides)
        runtime = migrated_runtime(settings)
        queue_for(runtime)  # the embedded worker of `eingang serve` (delivers the outbox)
        return runtime

    return build


@pytest.fixture
def server(chat_runtime):
    """Default runtime (embedded queue) served on a free port."""
    runtime = chat_runtime()
    with serve_app(runtime, free_port()) as address:
        yield runtime, address
    runtime.engine.dispose()


def start_chat(address: str, *, name="Erika Muster", mail="e.muster@erfurt.de", key=ERFURT) -> str:
    response = HTTP.post(
        f"http://{address}/chat/api/sessions", json={"name": name, "email": mail, "authority_key": key}
    )
    assert response.status_code == 201, response.text
    return response.json()["token"]


@contextmanager
def open_socket(address: str, token: str, after: int = 0):
    with connect(f"ws://{address}/chat/ws", open_timeout=5) as socket:
        socket.send(json.dumps({"type": "hello", "token": token, "after": after}))
        assert json.loads(socket.recv(timeout=5)) == {"type": "ready"}
        yield socket


def frames_until(socket, predicate, timeout: float = 20.0) -> list[dict]:
    """Receive frames until one satisfies ``predicate``; returns all frames received."""
    frames = []
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"no matching frame within {timeout}s; got {frames}")
        frame = json.loads(socket.recv(timeout=remaining))
        frames.append(frame)
        if predicate(frame):
            return frames


def is_line(role: str):
    return lambda frame: frame.get("type") == "line" and frame["line"]["role"] == role


def test_websocket_chat_is_stored_processed_and_answered_at_once(server):
    runtime, address = server
    warm = start_chat(address, mail="kollege@erfurt.de")  # the process's first chat loads the classifier
    HTTP.post(f"http://{address}/chat/api/messages", json={"id": "w", "text": "Hallo"}, headers={"X-Chat-Token": warm})
    token = start_chat(address)
    with open_socket(address, token) as socket:
        started = time.monotonic()
        socket.send(json.dumps({"type": "message", "id": "m-1", "text": ELIGIBILITY_QUESTION}))
        frames = frames_until(socket, is_line("assistant"))
        elapsed = time.monotonic() - started
    assert {"type": "ack", "id": "m-1"} in frames
    lines = [f["line"] for f in frames if f["type"] == "line"]
    assert [line["role"] for line in lines] == ["visitor", "assistant"]
    assert lines[0]["text"] == ELIGIBILITY_QUESTION and lines[0]["client_id"] == "m-1"
    reply = lines[1]["text"]
    reference = REFERENCE.search(reply).group(0)
    assert lines[1]["reference"] == reference
    assert "ThürEGovRL" in reply and "Antragsberechtigt" in reply  # the eligibility guidance from the file
    assert elapsed < 3.0, f"reply took {elapsed:.2f}s"  # typically 0.1–0.5 s; the 2 cores are shared

    with Session(runtime.engine) as session:
        consultation = session.exec(select(Consultation).where(Consultation.reference == reference)).one()
        inbound = session.exec(select(InboundMessage).where(InboundMessage.consultation_id == consultation.id)).one()
        raw = email.message_from_bytes(inbound.raw, policy=email.policy.default)
        thread = session.exec(
            select(ConsultationMessage)
            .where(ConsultationMessage.consultation_id == consultation.id)
            .order_by(ConsultationMessage.id)
        ).all()
    assert inbound.channel == "chat" and inbound.status == "processed"
    assert raw["From"].addresses[0].display_name == "Erika Muster"
    assert raw["From"].addresses[0].addr_spec == "e.muster@erfurt.de"
    assert raw["X-Eingang-Channel"] == "chat" and raw["X-Eingang-Authority"] == ERFURT
    assert raw["Message-ID"].startswith("<chat-")
    assert consultation.reference == reference and consultation.channel == "chat"
    assert "eligibility" in consultation.topics
    assert consultation.authority_key == ERFURT  # the chosen municipality is strong linker evidence
    assert "im Chat ausgewählte Kommune" in consultation.suggested_authority["match"]["evidence"]
    assert [m.direction for m in thread] == ["inbound", "outbound"]  # consultants see the auto reply


def test_second_message_threads_into_the_same_consultation(server):
    runtime, address = server
    token = start_chat(address)
    with open_socket(address, token) as socket:
        socket.send(json.dumps({"type": "message", "id": "a", "text": ELIGIBILITY_QUESTION}))
        first = frames_until(socket, is_line("assistant"))
        socket.send(json.dumps({"type": "message", "id": "b", "text": "Noch eine Frage zum Eigenanteil."}))
        second = frames_until(socket, lambda f: is_line("assistant")(f) and f["line"]["id"] > first[-1]["line"]["id"])
    reference = first[-1]["line"]["reference"]
    assert second[-1]["line"]["text"] == f"Danke, Ihre Nachricht wurde zum Vorgang {reference} hinzugefügt."
    with Session(runtime.engine) as session:
        assert len(session.exec(select(Consultation)).all()) == 1
        assert len(session.exec(select(InboundMessage)).all()) == 2


def test_resend_after_reconnect_is_stored_once(server):
    runtime, address = server
    token = start_chat(address)
    with open_socket(address, token) as socket:
        socket.send(json.dumps({"type": "message", "id": "same", "text": ELIGIBILITY_QUESTION}))
        frames_until(socket, is_line("assistant"))
    # the connection dropped before the client saw the ack: it resends over a new socket …
    with open_socket(address, token, after=0) as socket:
        socket.send(json.dumps({"type": "message", "id": "same", "text": ELIGIBILITY_QUESTION}))
        frames = frames_until(socket, lambda f: f.get("type") == "ack")
    # … and over the HTTP fallback
    response = HTTP.post(
        f"http://{address}/chat/api/messages",
        json={"id": "same", "text": ELIGIBILITY_QUESTION},
        headers={"X-Chat-Token": token},
    )
    assert response.status_code == 200
    assert [line["role"] for line in response.json()["lines"]] == ["visitor", "assistant"]
    assert any(f.get("type") == "ack" for f in frames)
    with Session(runtime.engine) as session:
        assert len(session.exec(select(InboundMessage)).all()) == 1
        assert len(session.exec(select(ChatMessage).where(ChatMessage.role == "visitor")).all()) == 1
        assert len(session.exec(select(ChatMessage).where(ChatMessage.role == "assistant")).all()) == 1
        assert len(session.exec(select(ConsultationMessage)).all()) == 2


def test_consultant_answer_arrives_live_over_websocket(server):
    runtime, address = server
    bearer = consultant_token(runtime)
    token = start_chat(address)
    with open_socket(address, token) as socket:
        socket.send(json.dumps({"type": "message", "id": "q", "text": ELIGIBILITY_QUESTION}))
        frames_until(socket, is_line("assistant"))
        with Session(runtime.engine) as session:
            consultation_id = session.exec(select(Consultation.id)).one()
        view = HTTP.get(
            f"http://{address}/chat/api/consultations/{consultation_id}", headers={"Authorization": f"Bearer {bearer}"}
        )
        assert view.status_code == 200 and view.json()["present"] is True
        sent = time.monotonic()
        response = HTTP.post(
            f"http://{address}/chat/api/consultations/{consultation_id}/answers",
            json={"text": "Ja, das ist förderfähig. <b>Details</b> folgen."},
            headers={"Authorization": f"Bearer {bearer}"},
        )
        assert response.status_code == 201, response.text
        frames = frames_until(socket, is_line("consultant"), timeout=3)
        latency = time.monotonic() - sent
    line = frames[-1]["line"]
    assert line["text"] == "Ja, das ist förderfähig. <b>Details</b> folgen." and line["author"] == "Anna Berater"
    assert latency < 2.0
    deadline = time.monotonic() + 2  # marked delivered right after the frame went out
    while True:
        with Session(runtime.engine) as session:
            stored = session.get(ChatMessage, line["id"])
        if stored.delivery == ChatDelivery.DELIVERED or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert stored.delivery == ChatDelivery.DELIVERED
    with Session(runtime.engine) as session:
        consultation = session.get(Consultation, consultation_id)
        assert consultation.first_response_at is not None
        assert session.exec(select(OutboundMail)).first() is None  # no e-mail while the visitor is here


def test_consultant_api_needs_login(server):
    _runtime, address = server
    response = HTTP.post(f"http://{address}/chat/api/consultations/1/answers", json={"text": "x"})
    assert response.status_code == 401


def test_http_fallback_post_and_long_poll(server):
    runtime, address = server
    bearer = consultant_token(runtime)
    token = start_chat(address)
    headers = {"X-Chat-Token": token}
    posted = HTTP.post(
        f"http://{address}/chat/api/messages", json={"id": "h1", "text": ELIGIBILITY_QUESTION}, headers=headers
    )
    assert posted.status_code == 200
    lines = posted.json()["lines"]
    assert REFERENCE.search(lines[1]["text"])
    after = lines[-1]["id"]
    with Session(runtime.engine) as session:
        consultation_id = session.exec(select(Consultation.id)).one()

    import threading

    def answer_soon():
        time.sleep(0.7)
        HTTP.post(
            f"http://{address}/chat/api/consultations/{consultation_id}/answers",
            json={"text": "Antwort über den Rückfallweg"},
            headers={"Authorization": f"Bearer {bearer}"},
        )

    threading.Thread(target=answer_soon).start()
    started = time.monotonic()
    polled = HTTP.get(
        f"http://{address}/chat/api/lines", params={"after": after, "wait": 10}, headers=headers, timeout=15
    )
    assert polled.status_code == 200
    assert [line["text"] for line in polled.json()["lines"]] == ["Antwort über den Rückfallweg"]
    assert 0.5 < time.monotonic() - started < 5  # it waited for the answer, then returned at once
    history = HTTP.get(f"http://{address}/chat/api/lines", params={"after": 0}, headers=headers).json()["lines"]
    assert [line["role"] for line in history] == ["visitor", "assistant", "consultant"]
    unknown = HTTP.get(f"http://{address}/chat/api/lines", headers={"X-Chat-Token": "nope"})
    assert unknown.status_code == 404 and unknown.json()["error"] == "session_unknown"


def test_rate_limit_per_client(chat_runtime):
    runtime = chat_runtime(chat_rate_limit_per_minute=3)
    with serve_app(runtime, free_port()) as address:
        token = start_chat(address)
        with open_socket(address, token) as socket:
            for number in range(3):
                socket.send(json.dumps({"type": "message", "id": f"r{number}", "text": f"Frage {number}"}))
                frames_until(socket, lambda f, n=number: f.get("type") == "ack" and f["id"] == f"r{n}")
            socket.send(json.dumps({"type": "message", "id": "r3", "text": "Frage 3"}))
            error = frames_until(socket, lambda f: f.get("type") == "error")[-1]
        assert error["code"] == "rate_limited" and error["id"] == "r3" and error["retry_after"] > 0
        assert "Bitte warten Sie" in error["message"]
        response = HTTP.post(
            f"http://{address}/chat/api/messages", json={"id": "r4", "text": "Frage 4"}, headers={"X-Chat-Token": token}
        )
        assert response.status_code == 429 and int(response.headers["Retry-After"]) > 0
    with Session(runtime.engine) as session:
        assert len(session.exec(select(InboundMessage)).all()) == 3


def test_size_limit_and_bad_input(chat_runtime):
    runtime = chat_runtime(chat_max_message_chars=100)
    with serve_app(runtime, free_port()) as address:
        token = start_chat(address)
        with open_socket(address, token) as socket:
            socket.send(json.dumps({"type": "message", "id": "big", "text": "x" * 101}))
            error = frames_until(socket, lambda f: f.get("type") == "error")[-1]
            assert error["code"] == "too_long" and "höchstens 100" in error["message"]
            socket.send(json.dumps({"type": "message", "id": "huge", "text": "x" * 100_000}))
            assert frames_until(socket, lambda f: f.get("type") == "error")[-1]["code"] == "too_long"
            socket.send("kein json")
            assert frames_until(socket, lambda f: f.get("type") == "error")[-1]["code"] == "bad_request"
            socket.send(json.dumps({"type": "message", "id": "ok", "text": "x" * 100}))  # still usable
            frames_until(socket, lambda f: f.get("type") == "ack")
        http = HTTP.post(
            f"http://{address}/chat/api/messages",
            json={"id": "big2", "text": "y" * 101},
            headers={"X-Chat-Token": token},
        )
        assert http.status_code == 413 and http.json()["error"] == "too_long"
        bad = HTTP.post(
            f"http://{address}/chat/api/sessions", json={"name": "A", "email": "kein-mail", "authority_key": ERFURT}
        )
        assert bad.status_code == 400 and bad.json()["error"] == "email_invalid"
        bad = HTTP.post(
            f"http://{address}/chat/api/sessions", json={"name": "A", "email": "a@b.de", "authority_key": "99999999"}
        )
        assert bad.status_code == 400 and bad.json()["error"] == "authority_unknown"
        bad = HTTP.post(f"http://{address}/chat/api/sessions", json={"name": "Evil\r\nBcc: x@y.de", "email": "a@b.de"})
        assert bad.status_code == 201  # the name is cleaned, no header injection
        with connect(f"ws://{address}/chat/ws") as socket:
            socket.send(json.dumps({"type": "hello", "token": "unbekannt"}))
            assert json.loads(socket.recv(timeout=5))["code"] == "session_unknown"
    with Session(runtime.engine) as session:
        assert [m.size < 2000 for m in session.exec(select(InboundMessage)).all()] == [True]
        names = [c.visitor_name for c in session.exec(select(ChatSession)).all()]
    assert "Evil Bcc: x@y.de" in names


def test_authority_search(server):
    _runtime, address = server
    found = HTTP.get(f"http://{address}/chat/api/authorities", params={"q": "erfu"}).json()["authorities"]
    assert {"key": ERFURT, "label": "Erfurt (kreisfreie Stadt)"} in found
    umlaut = HTTP.get(f"http://{address}/chat/api/authorities", params={"q": "Sommerda"}).json()["authorities"]
    assert any(item["label"].startswith("Sömmerda") for item in umlaut)


def test_urgent_incident_gets_emergency_steps_first(server):
    _runtime, address = server
    token = start_chat(address)
    response = HTTP.post(
        f"http://{address}/chat/api/messages",
        json={
            "id": "u",
            "text": "Notfall: Ransomware! Alle Dateien verschlüsselt, Erpresserschreiben auf dem Bildschirm.",
        },
        headers={"X-Chat-Token": token},
    )
    reply = response.json()["lines"][1]["text"]
    assert reply.startswith("Sicherheitsvorfall – zuerst handeln")
    assert reply.index("Melden Sie den Vorfall sofort") < reply.index("Aktenzeichen")


def test_guidance_file_is_configurable(chat_runtime, tmp_path):
    guidance = tmp_path / "guidance.yaml"
    guidance.write_text(
        "received: 'Eingang bestätigt: {reference}.'\n"
        "received_without_reference: 'Eingang bestätigt.'\n"
        "follow_up: 'Ergänzt: {reference}'\n"
        "urgent: {title: Notfall, text: 'Sofort anrufen: 0361 123'}\n"
        "topics:\n  eligibility: {title: Förderung, text: 'Eigener Hinweis zur Förderung.'}\n"
        "fallback: {title: Allgemein, text: 'Allgemeiner Hinweis.'}\n",
        encoding="utf-8",
    )
    runtime = chat_runtime(chat_guidance_path=str(guidance))
    with serve_app(runtime, free_port()) as address:
        token = start_chat(address)
        response = HTTP.post(
            f"http://{address}/chat/api/messages",
            json={"id": "g", "text": ELIGIBILITY_QUESTION},
            headers={"X-Chat-Token": token},
        )
    reply = response.json()["lines"][1]["text"]
    assert re.fullmatch(r"Eingang bestätigt: KV-\d{4}-\d{5}\.\n\nFörderung\nEigener Hinweis zur Förderung\.", reply)


def test_answer_to_departed_visitor_goes_by_email_and_reply_threads_back(chat_runtime, smtp_sink):
    sink, sink_port = smtp_sink
    runtime = chat_runtime(chat_presence_seconds=0.5, relay_host="127.0.0.1", relay_port=sink_port)
    with serve_app(runtime, free_port()) as address:
        bearer = consultant_token(runtime)
        token = start_chat(address)
        with open_socket(address, token) as socket:
            socket.send(json.dumps({"type": "message", "id": "q", "text": ELIGIBILITY_QUESTION}))
            reference = frames_until(socket, is_line("assistant"))[-1]["line"]["reference"]
        time.sleep(0.8)  # the visitor has left
        with Session(runtime.engine) as session:
            consultation_id = session.exec(select(Consultation.id)).one()
        view = HTTP.get(
            f"http://{address}/chat/api/consultations/{consultation_id}", headers={"Authorization": f"Bearer {bearer}"}
        )
        assert view.json()["present"] is False
        response = HTTP.post(
            f"http://{address}/chat/api/consultations/{consultation_id}/answers",
            json={"text": "Ja, förderfähig. Bitte senden Sie uns den Kostenplan."},
            headers={"Authorization": f"Bearer {bearer}"},
        )
    assert response.status_code == 201 and response.json()["line"]["delivery"] == "emailed"
    wait_for_mail(sink)
    [(_mail_from, rcpt_tos, _raw)] = sink.messages
    [sent] = wait_for_mail(sink)
    assert rcpt_tos == ["e.muster@erfurt.de"]
    assert sent["Subject"] == f"[{reference}] Antwort auf Ihre Chat-Anfrage"
    assert "Bitte senden Sie uns den Kostenplan." in sent.get_content()
    with Session(runtime.engine) as session:
        outbound = session.exec(select(OutboundMail)).one()
    assert outbound.message_id == sent["Message-ID"] and outbound.status == "sent"
    assert outbound.kind == "chat_answer" and outbound.consultation_id == consultation_id

    # The municipality answers the e-mail (without the reference in the subject): it threads back.
    reply = EmailMessage()
    reply["From"] = "Erika Muster <e.muster@erfurt.de>"
    reply["To"] = "egovernment@tfm.thueringen.de"
    reply["Subject"] = "AW: Antwort auf Ihre Chat-Anfrage"
    reply["Message-ID"] = f"<{uuid.uuid4().hex}@erfurt.de>"
    reply["In-Reply-To"] = sent["Message-ID"]
    reply["References"] = sent["Message-ID"]
    reply.set_content("Danke, der Kostenplan kommt morgen.\n\n> Ja, förderfähig.")
    inbound_id, _ = store_raw(runtime.engine, reply.as_bytes(), channel="smtp")
    from casework.pipeline import process_stored_message
    from models import session_scope

    with session_scope(runtime.engine) as session:
        result = process_stored_message(session, inbound_id, runtime=runtime)
    assert result.consultation_id == consultation_id and result.created is False
    assert result.reference == reference


def test_answer_waiting_when_visitor_left_is_mailed_later(chat_runtime, smtp_sink):
    sink, sink_port = smtp_sink
    runtime = chat_runtime(chat_presence_seconds=0.5, relay_host="127.0.0.1", relay_port=sink_port)
    with serve_app(runtime, free_port()) as address:
        bearer = consultant_token(runtime)
        auth = {"Authorization": f"Bearer {bearer}"}
        token = start_chat(address)
        posted = HTTP.post(
            f"http://{address}/chat/api/messages",
            json={"id": "p", "text": ELIGIBILITY_QUESTION},
            headers={"X-Chat-Token": token},
        )
        assert posted.status_code == 200
        with Session(runtime.engine) as session:
            consultation_id = session.exec(select(Consultation.id)).one()
        # The visitor is still here (their browser polls), so the answer waits for their browser …
        HTTP.get(
            f"http://{address}/chat/api/lines", params={"after": 10**9}, headers={"X-Chat-Token": token}
        ).raise_for_status()
        answer = HTTP.post(
            f"http://{address}/chat/api/consultations/{consultation_id}/answers", json={"text": "Später"}, headers=auth
        )
        assert answer.json()["line"]["delivery"] == "pending"
        assert sink.messages == []
        time.sleep(0.8)  # … but the browser never fetched it: the visitor has left
        view = HTTP.get(f"http://{address}/chat/api/consultations/{consultation_id}", headers=auth).json()
    assert view["present"] is False
    assert [line["delivery"] for line in view["lines"] if line["role"] == "consultant"] == ["emailed"]
    [sent] = wait_for_mail(sink)
    assert "Später" in sent.get_content() and sent["To"].addresses[0].addr_spec == "e.muster@erfurt.de"


def test_scheduler_mails_answers_the_departed_visitor_never_fetched(chat_runtime, smtp_sink):
    """Nobody opens the consultation again: the periodic chat_mail job sends the answer, once,
    and the answer counts as the first response (audited, status beantwortet)."""
    from queue_workers.periodic import JOBS, run_job

    sink, sink_port = smtp_sink
    runtime = chat_runtime(chat_presence_seconds=0.5, relay_host="127.0.0.1", relay_port=sink_port)
    chat_mail_job = next(job for job in JOBS if job.name == "chat_mail")
    with serve_app(runtime, free_port()) as address:
        auth = {"Authorization": f"Bearer {consultant_token(runtime)}"}
        token = start_chat(address)
        HTTP.post(
            f"http://{address}/chat/api/messages",
            json={"id": "s1", "text": ELIGIBILITY_QUESTION},
            headers={"X-Chat-Token": token},
        ).raise_for_status()
        with Session(runtime.engine) as session:
            consultation_id = session.exec(select(Consultation.id)).one()
        answer = HTTP.post(
            f"http://{address}/chat/api/consultations/{consultation_id}/answers", json={"text": "Ja."}, headers=auth
        )
        assert answer.json()["line"]["delivery"] == "pending"
    time.sleep(0.8)  # the visitor has left without fetching the answer
    assert run_job(runtime, chat_mail_job) == {"mailed": 1}
    assert run_job(runtime, chat_mail_job) is None  # same period: claimed already
    [sent] = wait_for_mail(sink)
    assert "Ja." in sent.get_content()
    with Session(runtime.engine) as session:
        consultation = session.get(Consultation, consultation_id)
        audit = session.exec(select(AuditEntry).where(AuditEntry.consultation_id == consultation_id))
        actions = [entry.action for entry in audit]
    assert consultation.first_response_at is not None and consultation.status == "beantwortet"
    assert "first_response" in actions
