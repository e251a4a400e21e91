"""Erasure of personal data: after `eingang privacy erase-…` nothing of the person is left in any
table, other people's consultations are untouched, and the audit log says what was erased."""

from __future__ import annotations

import json
from email.message import EmailMessage

import pytest
from sqlalchemy import inspect, text
from sqlmodel import Session, func, select

from intake.channel import store_raw
from models import (
    AttachmentBlob,
    AuditEntry,
    Consultation,
    InboundMessage,
    KnownSender,
    session_scope,
)
from models.erasure import erase_consultation, erase_sender
from queue_workers.pipeline import process_stored_message
from queue_workers.workflow import add_note, confirm_authority
from tests.helpers import cli_env, municipal_mail, run_cli

PERSON = "anja.beispiel@vg-leinetal.de"
OTHER = "it@kiv-thueringen.de"


def _mail_with_attachment(sender: str, message_id: str) -> bytes:
    message: EmailMessage = municipal_mail(sender=f"Anja Beispiel <{sender}>", message_id=message_id)
    message.add_attachment(b"%PDF-1.4 Antrag", maintype="application", subtype="pdf", filename="antrag.pdf")
    return message.as_bytes()


def _process(runtime, raw: bytes) -> str:
    inbound_id, _ = store_raw(runtime.engine, raw, channel="smtp", envelope_from=None)
    with session_scope(runtime.engine) as session:
        return process_stored_message(session, inbound_id, taxonomy=runtime.taxonomy).reference


def _rows_mentioning(engine, needle: str) -> list[str]:
    """Every (table, column) whose text or bytes contain ``needle``."""
    found = []
    with engine.connect() as connection:
        inspector = inspect(connection)
        for table in inspector.get_table_names():
            for column in inspector.get_columns(table):
                kind = str(column["type"]).upper()
                if not any(word in kind for word in ("CHAR", "TEXT", "JSON", "BLOB", "BYTEA", "BINARY")):
                    continue
                name = column["name"]
                if connection.dialect.name == "postgresql":
                    expression = f"encode(\"{name}\", 'escape')" if "BYTEA" in kind else f'"{name}"::text'
                else:
                    expression = f'CAST("{name}" AS TEXT)'
                count = connection.execute(
                    text(f'SELECT count(*) FROM "{table}" WHERE {expression} LIKE :needle'), {"needle": f"%{needle}%"}
                ).scalar()
                if count:
                    found.append(f"{table}.{name}")
    return found


def _erase_sender_everywhere(runtime) -> None:
    first = _process(runtime, _mail_with_attachment(PERSON, "<p1@vg-leinetal.de>"))
    _process(runtime, _mail_with_attachment(PERSON, "<p2@vg-leinetal.de>"))
    other_mail = municipal_mail(
        sender=f"KIV <{OTHER}>", message_id="<o1@kiv>", body="Guten Tag,\nwie steht es um das OZG?\n\nGruß\nKIV"
    )
    other = _process(runtime, other_mail.as_bytes())
    with session_scope(runtime.engine) as session:
        consultation = session.exec(select(Consultation).where(Consultation.reference == first)).one()
        confirm_authority(session, consultation=consultation, actor="berater1")
        add_note(session, consultation=consultation, actor="berater1", text=f"Rückruf bei {PERSON}")
    assert _rows_mentioning(runtime.engine, PERSON), "the person's data was stored in the first place"

    with session_scope(runtime.engine) as session:
        report = erase_sender(session, address=PERSON.upper(), actor="datenschutz")
    assert len(report.consultations) == 2 and report.inbound_messages == 2 and report.known_senders == 1
    assert _rows_mentioning(runtime.engine, PERSON) == []
    assert _rows_mentioning(runtime.engine, "Anja Beispiel") == []
    with Session(runtime.engine) as session:
        assert session.exec(select(Consultation.reference)).all() == [other]
        assert session.exec(select(func.count()).select_from(AttachmentBlob)).one() == 0
        assert session.exec(select(func.count()).select_from(KnownSender)).one() == 0
        assert session.exec(select(func.count()).select_from(InboundMessage)).one() == 1
        erased = session.exec(select(AuditEntry).where(AuditEntry.action == "erased")).all()
    assert sorted(entry.after["reference"] for entry in erased) == sorted(report.consultations)
    assert all(entry.actor == "datenschutz" for entry in erased)


def test_erase_sender_on_sqlite(sqlite_runtime):
    _erase_sender_everywhere(sqlite_runtime)


@pytest.mark.postgres
def test_erase_sender_on_postgres(postgres_runtime):
    _erase_sender_everywhere(postgres_runtime)


def test_erase_consultation_keeps_shared_attachment_of_another(sqlite_runtime):
    first = _process(sqlite_runtime, _mail_with_attachment(PERSON, "<a1@vg-leinetal.de>"))
    _process(sqlite_runtime, _mail_with_attachment(OTHER, "<a2@kiv>"))  # same PDF bytes
    with session_scope(sqlite_runtime.engine) as session:
        erase_consultation(session, reference=first, actor="admin")
    with Session(sqlite_runtime.engine) as session:
        assert session.exec(select(func.count()).select_from(AttachmentBlob)).one() == 1
        assert session.exec(select(func.count()).select_from(Consultation)).one() == 1
    with session_scope(sqlite_runtime.engine) as session, pytest.raises(LookupError):
        erase_consultation(session, reference=first, actor="admin")


def test_privacy_commands_ask_for_confirmation_then_erase(sqlite_runtime, sqlite_url):
    reference = _process(sqlite_runtime, _mail_with_attachment(PERSON, "<c1@vg-leinetal.de>"))
    env = cli_env(database_url=sqlite_url)
    refused = run_cli(["privacy", "erase-consultation", reference], env, check=False)
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert _rows_mentioning(sqlite_runtime.engine, PERSON)
    done = run_cli(["privacy", "erase-consultation", reference, "--yes", "--format", "json"], env)
    assert json.loads(done.stdout)["consultations"] == [reference]
    assert _rows_mentioning(sqlite_runtime.engine, PERSON) == []
    purge = run_cli(["privacy", "purge", "--closed-days", "30"], env)
    assert "0 abgeschlossene" in purge.stdout
