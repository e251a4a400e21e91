"""Acknowledgements through a real aiosmtpd relay sink: German text with the reference number,
RFC 3834 headers, threading back, and the loop rules (no automatic mail, bounces, lists,
no-reply addresses; at most N per sender per day)."""

from __future__ import annotations

import email
import email.utils
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from sqlmodel import select

from casework.acknowledgements import acknowledge
from casework.pipeline import process_stored_message
from casework.runtime import Runtime
from eingang.runtime import build_runtime
from intake.channel import store_raw
from models import Consultation, InboundMessage, OutboundMail, session_scope
from queue_workers.broker import QUEUE
from tests.conftest import REDIS_TEST_URL, make_settings, migrated_runtime

SENDER = "hauptamt@vg-leinetal.de"
_numbers = iter(range(1, 100_000))


def mail(
    subject: str = "Förderfähigkeit eines DMS",
    *,
    sender: str = SENDER,
    headers: dict[str, str] | None = None,
    in_reply_to: str | None = None,
    text: str = "Sehr geehrte Damen und Herren,\nist ein DMS nach ThürEGovRL förderfähig?",
) -> bytes:
    message = EmailMessage()
    message["From"] = f"Hauptamt VG Leinetal <{sender}>"
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = subject
    message["Message-ID"] = f"<ack-test-{next(_numbers)}@vg-leinetal.de>"
    message["Date"] = email.utils.formatdate()
    for name, value in (headers or {}).items():
        message[name] = value
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    message.set_content(text)
    return message.as_bytes()


@pytest.fixture
def relay_runtime(sqlite_url, smtp_sink) -> Iterator[tuple[Runtime, object]]:
    sink, port = smtp_sink
    runtime = migrated_runtime(
        make_settings(database_url=sqlite_url, relay_host="127.0.0.1", relay_port=port, acknowledgement_daily_limit=2)
    )
    yield runtime, sink
    runtime.engine.dispose()


def process(runtime: Runtime, raw: bytes, *, channel: str = "smtp", envelope_from: str | None = SENDER):
    inbound_id, _ = store_raw(runtime.engine, raw, channel=channel, envelope_from=envelope_from)
    with session_scope(runtime.engine) as session:
        result = process_stored_message(session, inbound_id, runtime=runtime)
    return result


def outbound(runtime: Runtime) -> list[OutboundMail]:
    with session_scope(runtime.engine) as session:
        return list(session.exec(select(OutboundMail).order_by(OutboundMail.id)))


def test_new_consultation_is_acknowledged_through_the_queue_and_a_reply_threads_back(relay_runtime, queue_for):
    runtime, sink = relay_runtime
    broker = queue_for(runtime)
    raw = mail()
    inbound_id, _ = store_raw(runtime.engine, raw, channel="smtp", envelope_from=SENDER)
    assert runtime.tasks.enqueue_processing(inbound_id)
    broker.join(QUEUE, timeout=60_000)  # processing, then the acknowledgement's delivery

    with session_scope(runtime.engine) as session:
        consultation = session.get(Consultation, session.get(InboundMessage, inbound_id).consultation_id)
    reference = consultation.reference
    (sent,) = sink.parsed()
    assert sent["To"] == SENDER
    assert f"[{reference}]" in sent["Subject"] and "Eingangsbestätigung" in sent["Subject"]
    assert sent["Auto-Submitted"] == "auto-replied"
    original_id = email.message_from_bytes(raw)["Message-ID"]
    assert sent["In-Reply-To"] == original_id and original_id in sent["References"]
    body = sent.get_content()
    assert reference in body and "vielen Dank für Ihre Nachricht" in body
    (row,) = outbound(runtime)
    assert (row.kind, row.status, row.recipient, row.consultation_id) == (
        "acknowledgement",
        "sent",
        SENDER,
        consultation.id,
    )
    assert row.message_id == sent["Message-ID"]

    # The municipality answers the acknowledgement (subject changed, no reference): same consultation.
    answer = mail("Nachtrag", in_reply_to=sent["Message-ID"], text="Anbei noch die Kostenschätzung.")
    answer_id, _ = store_raw(runtime.engine, answer, channel="smtp", envelope_from=SENDER)
    runtime.tasks.enqueue_processing(answer_id)
    broker.join(QUEUE, timeout=60_000)
    with session_scope(runtime.engine) as session:
        assert session.get(InboundMessage, answer_id).consultation_id == consultation.id
    assert len(sink.messages) == 1  # a reply opens nothing new and gets no acknowledgement


@pytest.mark.parametrize(
    ("headers", "sender", "envelope_from", "channel", "reason"),
    [
        ({"Auto-Submitted": "auto-replied"}, SENDER, SENDER, "smtp", "automatische Nachricht"),
        ({"X-Autoreply": "yes"}, SENDER, SENDER, "smtp", "automatische Nachricht"),
        ({"Precedence": "bulk"}, SENDER, SENDER, "smtp", ""),
        ({"List-Id": "<ozg.lists.example>"}, SENDER, SENDER, "smtp", ""),
        ({}, SENDER, "", "smtp", "Unzustellbarkeitsnachricht"),
        ({"Return-Path": "<>"}, SENDER, None, "imap", "Unzustellbarkeitsnachricht"),
        ({}, "noreply@vg-leinetal.de", "noreply@vg-leinetal.de", "smtp", "nimmt keine Antworten an"),
        ({}, "do-not-reply@vg-leinetal.de", "bounce@vg-leinetal.de", "smtp", "nimmt keine Antworten an"),
        ({}, SENDER, SENDER, "file", "Kanal file"),
    ],
    ids=["auto-submitted", "x-autoreply", "precedence-bulk", "list-id", "null-sender", "return-path", "noreply",
         "do-not-reply", "file-import"],
)  # fmt: skip
def test_no_acknowledgement_to_automatic_mail_bounces_lists_and_noreply(
    relay_runtime, headers, sender, envelope_from, channel, reason
):
    runtime, sink = relay_runtime
    result = process(runtime, mail(headers=headers, sender=sender), channel=channel, envelope_from=envelope_from)
    assert result.created
    outcome = acknowledge(runtime, result.inbound_id)
    assert not outcome.sent and reason in outcome.reason
    assert sink.messages == [] and outbound(runtime) == []


def test_out_of_office_subject_gets_no_acknowledgement(relay_runtime):
    runtime, sink = relay_runtime
    result = process(runtime, mail("Abwesenheitsnotiz: Förderung DMS", text="Ich bin bis zum 30.11. nicht im Haus."))
    outcome = acknowledge(runtime, result.inbound_id)
    assert not outcome.sent and "automatische Nachricht" in outcome.reason
    assert sink.messages == []


def test_at_most_n_acknowledgements_per_sender_per_day(relay_runtime):
    runtime, sink = relay_runtime  # limit 2
    outcomes = []
    for number in range(3):
        result = process(runtime, mail(f"Frage Nummer {number} zur Förderung"))
        assert result.created
        outcomes.append(acknowledge(runtime, result.inbound_id))
    assert [o.sent for o in outcomes] == [True, True, False]
    assert "Höchstzahl von 2" in outcomes[2].reason
    assert len(sink.messages) == 2
    # another sender is not affected by the first one's limit
    other = process(runtime, mail("Frage aus Hanstein", sender="info@vghr.de"))
    assert acknowledge(runtime, other.inbound_id).sent


def test_acknowledgement_is_sent_once_per_consultation(relay_runtime):
    runtime, sink = relay_runtime
    result = process(runtime, mail())
    assert acknowledge(runtime, result.inbound_id).sent
    again = acknowledge(runtime, result.inbound_id)
    assert not again.sent and again.reason == "bereits bestätigt"
    assert len(sink.messages) == 1 and len(outbound(runtime)) == 1


def test_relay_outage_is_recorded_and_retried_with_the_same_message_id(sqlite_url, smtp_sink):
    from tests.conftest import free_port

    sink, port = smtp_sink
    down = migrated_runtime(make_settings(database_url=sqlite_url, relay_host="127.0.0.1", relay_port=free_port()))
    result = process(down, mail())
    with pytest.raises(OSError):  # connection refused: raised so dramatiq retries
        acknowledge(down, result.inbound_id)
    (failed,) = outbound(down)
    assert failed.status == "pending" and "Connection" in failed.error  # kept for the retry

    up = build_runtime(down.settings.model_copy(update={"relay_port": port}))
    assert acknowledge(up, result.inbound_id).sent
    (row,) = outbound(up)
    (sent,) = sink.parsed()
    assert row.status == "sent" and sent["Message-ID"] == failed.message_id
    down.engine.dispose()
    up.engine.dispose()


@pytest.mark.postgres
@pytest.mark.redis
def test_acknowledgement_on_redis_and_postgres(postgres_url, redis_namespace, smtp_sink, queue_for):
    sink, port = smtp_sink
    runtime = migrated_runtime(
        make_settings(
            database_url=postgres_url,
            redis_url=REDIS_TEST_URL,
            redis_namespace=redis_namespace,
            relay_host="127.0.0.1",
            relay_port=port,
        )
    )
    broker = queue_for(runtime)
    inbound_id, _ = store_raw(runtime.engine, mail(), channel="imap")
    runtime.tasks.enqueue_processing(inbound_id)
    broker.join(QUEUE, timeout=60_000)
    (sent,) = sink.parsed()
    with session_scope(runtime.engine) as session:
        reference = session.get(Consultation, session.get(InboundMessage, inbound_id).consultation_id).reference
    assert f"[{reference}]" in sent["Subject"] and sent["Auto-Submitted"] == "auto-replied"
    assert [(r.kind, r.status) for r in outbound(runtime)] == [("acknowledgement", "sent")]
    runtime.engine.dispose()


def test_acknowledgement_goes_to_from_and_reply_to_only_within_the_same_domain(relay_runtime):
    """Anyone can write any Reply-To: the ministry must not acknowledge to a third party."""
    runtime, sink = relay_runtime
    foreign = process(runtime, mail("Frage eins zur Förderung", headers={"Reply-To": "opfer@example.org"}))
    assert acknowledge(runtime, foreign.inbound_id).sent
    same = process(
        runtime, mail("Frage zwei zur Förderung", headers={"Reply-To": "Poststelle <poststelle@vg-leinetal.de>"})
    )
    assert acknowledge(runtime, same.inbound_id).sent
    recipients = [rcpts for _from, rcpts, _raw in sink.messages]
    assert recipients == [[SENDER], ["poststelle@vg-leinetal.de"]]
    assert all("opfer@example.org" not in r for r in recipients)


def test_acknowledgements_are_capped_per_domain_and_per_hour_for_the_instance(sqlite_url, smtp_sink):
    sink, port = smtp_sink
    runtime = migrated_runtime(
        make_settings(
            database_url=sqlite_url,
            relay_host="127.0.0.1",
            relay_port=port,
            acknowledgement_domain_hourly_limit=2,
            acknowledgement_hourly_limit=3,
        )
    )
    try:
        # different addresses of one domain: the per-recipient limit alone would let them all through
        outcomes = [
            acknowledge(
                runtime,
                process(runtime, mail(f"Frage {n} zur Förderung", sender=f"person{n}@opfer.example")).inbound_id,
            )
            for n in range(3)
        ]
        assert [o.sent for o in outcomes] == [True, True, False]
        assert "je Stunde an die Domain opfer.example" in outcomes[2].reason
        # the instance-wide cap: one more from another domain, then nothing more this hour
        assert acknowledge(runtime, process(runtime, mail("Frage aus Hanstein", sender="info@vghr.de")).inbound_id).sent
        last = acknowledge(runtime, process(runtime, mail("Frage aus Gotha", sender="info@gotha.de")).inbound_id)
        assert not last.sent and "für diese Installation" in last.reason
        assert len(sink.messages) == 3
    finally:
        runtime.engine.dispose()
