"""Helpers shared by the web, API and browser tests (no tests in here)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from sqlmodel import Session

from casework.accounts import create_user, issue_api_token
from casework.pipeline import process_stored_message
from casework.runtime import Runtime
from intake.channel import store_raw
from models import Channel, Consultation, session_scope
from tests.conftest import make_settings, migrated_runtime

PASSWORD = "richtig-geheim-42"
SECRET = "test-secret-key-" + "x" * 32
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def web_runtime(database_url: str, **overrides) -> Runtime:
    return migrated_runtime(make_settings(database_url=database_url, web_secret_key=SECRET, **overrides))


def add_user(runtime: Runtime, username: str, role: str, *, token: bool = False, email: str | None = None):
    with session_scope(runtime.engine) as session:
        user = create_user(
            session, username=username, password=PASSWORD, role=role, display_name=username.title(), email=email
        )
        return issue_api_token(session, user) if token else None


def mail(
    subject: str = "Förderfähigkeit nach ThürEGovRL",
    body: str = "Sehr geehrte Damen und Herren,\nist die Einführung eines DMS nach der ThürEGovRL förderfähig?\n\n"
    "Mit freundlichen Grüßen\nHauptamt\nVG Leinetal",
    sender: str = "Hauptamt VG Leinetal <hauptamt@vg-leinetal.de>",
    html: str | None = None,
    attachment: tuple[str, bytes, str] | None = None,
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = make_msgid(domain="vg-leinetal.de")
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    if attachment is not None:
        name, data, content_type = attachment
        maintype, subtype = content_type.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


def ingest(runtime: Runtime, raw: bytes) -> str:
    """Store and process one message with the pipeline's own functions; returns the reference."""
    inbound_id, _created = store_raw(runtime.engine, raw, channel=Channel.SMTP)
    with session_scope(runtime.engine) as session:
        result = process_stored_message(session, inbound_id, runtime=runtime)
    return result.reference


def consultation(runtime: Runtime, reference: str) -> Consultation:
    from sqlmodel import select

    with Session(runtime.engine) as session:
        return session.exec(select(Consultation).where(Consultation.reference == reference)).one()


def csrf_from(html: str) -> str:
    found = CSRF_INPUT.search(html)
    assert found, "page has no CSRF field"
    return found.group(1)


def login(client, username: str, password: str = PASSWORD):
    page = client.get("/anmelden")
    return client.post(
        "/anmelden",
        data={"username": username, "password": password, "csrf_token": csrf_from(page.text), "next": "/eingang"},
        follow_redirects=False,
    )
