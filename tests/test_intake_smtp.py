"""The SMTP receiver against real smtplib clients: size limit (552), Received trace header,
451 when storage fails, STARTTLS with a configured certificate, idempotent retries."""

from __future__ import annotations

import email
import email.policy
import smtplib
import ssl
import subprocess
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlmodel import select

from intake.channel import store_raw
from intake.recipients import RecipientPolicy
from intake.smtp_server import IntakeHandler, server_tls_context, start_smtp_server
from models import Channel, InboundMessage, make_engine, session_scope
from tests.conftest import free_port

RECIPIENT = "egovernment@tfm.thueringen.de"


def _message(subject: str = "Frage zur ThürEGovRL", size: int = 0) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Hauptamt <hauptamt@vg-leinetal.de>"
    message["To"] = RECIPIENT
    message["Subject"] = subject
    token = subject.encode("ascii", "ignore").decode().replace(" ", "-")
    message["Message-ID"] = f"<{token}-{size}@vg-leinetal.de>"
    message.set_content("Ist ein DMS förderfähig?\n" + ("x" * 70 + "\n") * (size // 71))
    return message


def _store_into(engine):
    def store(raw, mail_from, rcpt_tos, peer, trace=b""):
        inbound_id, _created = store_raw(
            engine, raw, channel=Channel.SMTP, envelope_from=mail_from, envelope_to=rcpt_tos, peer=peer, trace=trace
        )
        return inbound_id

    return store


@pytest.fixture
def receiver(sqlite_runtime):
    port = free_port()
    handler = IntakeHandler(policy=RecipientPolicy([RECIPIENT]), store=_store_into(sqlite_runtime.engine))
    controller = start_smtp_server(handler, host="127.0.0.1", port=port, max_message_size=20_000)
    yield sqlite_runtime, port
    controller.stop()


def _stored(engine) -> list[InboundMessage]:
    with session_scope(engine) as session:
        return list(session.exec(select(InboundMessage).order_by(InboundMessage.id)))


def test_stored_message_gets_a_received_header_with_the_peer(receiver):
    runtime, port = receiver
    with smtplib.SMTP("127.0.0.1", port, local_hostname="mail.vg-leinetal.de") as client:
        client.send_message(_message())
    (row,) = _stored(runtime.engine)
    parsed = email.message_from_bytes(row.raw, policy=email.policy.default)
    received = parsed["Received"]
    assert received is not None and row.raw.startswith(b"Received: from mail.vg-leinetal.de ([127.0.0.1])")
    assert "with ESMTP" in received and f"for <{RECIPIENT}>" in received
    assert parsed["Subject"] == "Frage zur ThürEGovRL"
    assert row.peer == "127.0.0.1" and row.envelope_to == [RECIPIENT]


def test_message_above_the_size_limit_is_refused_with_552(receiver):
    runtime, port = receiver
    big = _message(size=30_000).as_bytes(policy=email.policy.SMTP)
    with smtplib.SMTP("127.0.0.1", port) as client:
        client.ehlo()
        assert client.has_extn("size") and int(client.esmtp_features["size"]) == 20_000
        # announced with MAIL FROM ... SIZE=: refused before the data is sent
        with pytest.raises(smtplib.SMTPSenderRefused) as refused:
            client.sendmail("hauptamt@vg-leinetal.de", [RECIPIENT], big)
        assert refused.value.smtp_code == 552
    with smtplib.SMTP("127.0.0.1", port) as client:
        # not announced: refused after DATA
        client.ehlo()
        assert client.mail("hauptamt@vg-leinetal.de")[0] == 250
        assert client.rcpt(RECIPIENT)[0] == 250
        assert client.data(big)[0] == 552
    assert _stored(runtime.engine) == []


def test_unknown_recipient_is_refused_with_550(receiver):
    _runtime, port = receiver
    with smtplib.SMTP("127.0.0.1", port) as client, pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        client.sendmail("a@b.de", ["someone@elsewhere.de"], _message().as_bytes())
    assert refused.value.recipients["someone@elsewhere.de"][0] == 550


@pytest.mark.parametrize("runtime", ["sqlite_runtime", pytest.param("postgres_runtime", marks=pytest.mark.postgres)])
def test_storage_outage_answers_451_and_the_retry_is_stored_once(runtime, request):
    runtime = request.getfixturevalue(runtime)
    # A database nobody listens on: the store really fails (connection refused).
    down = make_engine(
        f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/nowhere", connect_args={"connect_timeout": 2}
    )
    port = free_port()
    controller = start_smtp_server(
        IntakeHandler(policy=RecipientPolicy([RECIPIENT]), store=_store_into(down)),
        host="127.0.0.1",
        port=port,
        max_message_size=100_000,
    )
    message = _message("Retry nach Ausfall")
    try:
        with smtplib.SMTP("127.0.0.1", port) as client, pytest.raises(smtplib.SMTPDataError) as refused:
            client.send_message(message)
        assert refused.value.smtp_code == 451
    finally:
        controller.stop()
        down.dispose()

    # The client retries later (twice, e.g. because our 250 got lost): one stored row.
    port = free_port()
    controller = start_smtp_server(
        IntakeHandler(policy=RecipientPolicy([RECIPIENT]), store=_store_into(runtime.engine)),
        host="127.0.0.1",
        port=port,
        max_message_size=100_000,
    )
    try:
        for _attempt in range(2):
            with smtplib.SMTP("127.0.0.1", port) as client:
                client.send_message(message)
    finally:
        controller.stop()
    rows = _stored(runtime.engine)
    assert len(rows) == 1 and rows[0].message_id == "<Retry-nach-Ausfall-0@vg-leinetal.de>"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def test_starttls_is_offered_with_a_configured_certificate(sqlite_runtime, certificate):
    cert, key = certificate
    port = free_port()
    controller = start_smtp_server(
        IntakeHandler(policy=RecipientPolicy([RECIPIENT]), store=_store_into(sqlite_runtime.engine)),
        host="127.0.0.1",
        port=port,
        max_message_size=100_000,
        tls_context=server_tls_context(str(cert), str(key)),
    )
    try:
        client_context = ssl.create_default_context(cafile=str(cert))
        with smtplib.SMTP("127.0.0.1", port) as client:
            client.ehlo("mail.vg-leinetal.de")
            assert client.has_extn("starttls")
            client.starttls(context=client_context)
            client.ehlo("mail.vg-leinetal.de")
            client.send_message(_message("Verschlüsselt"))
    finally:
        controller.stop()
    (row,) = _stored(sqlite_runtime.engine)
    assert b"with ESMTPS" in row.raw.split(b"\r\n\r\n", 1)[0]


def test_no_starttls_without_certificate(receiver):
    _runtime, port = receiver
    with smtplib.SMTP("127.0.0.1", port) as client:
        client.ehlo()
        assert not client.has_extn("starttls")
    assert server_tls_context(None, None) is None
