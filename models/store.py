"""Storing raw inbound messages durably and exactly once. Every channel calls ``store_inbound``
and answers its peer only after the surrounding transaction committed."""

from __future__ import annotations

import hashlib
import re
from email.parser import BytesHeaderParser
from email.policy import compat32

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from models import metrics
from models.db import utcnow
from models.messages import Channel, InboundMessage, ProcessingStatus

_MSGID = re.compile(rb"<[^<>\s]+>")


def extract_message_id(raw: bytes, digest: str) -> str:
    """The Message-ID header, or a stable one derived from the content hash when missing."""
    try:
        headers = BytesHeaderParser(policy=compat32).parsebytes(raw[:65536], headersonly=True)
        value = headers.get("Message-ID")
        if value is not None:
            found = _MSGID.search(str(value).encode("utf-8", "surrogateescape"))
            if found:
                return found.group(0).decode("utf-8", "replace")[:998]
    except Exception:  # a message whose headers cannot be read is still stored
        pass
    return f"<{digest}@eingang.generated>"


def store_inbound(
    session: Session,
    raw: bytes,
    *,
    channel: Channel,
    envelope_from: str | None = None,
    envelope_to: list[str] | None = None,
    peer: str | None = None,
    trace: bytes = b"",
) -> tuple[int, bool]:
    """Store ``trace + raw`` unless the same message is stored already; returns (id, newly stored).

    The identity is (Message-ID, SHA-256 of ``raw``, the bytes as the client sent them — without
    this hop's trace header, whose timestamp differs on every attempt), so an SMTP client retrying
    after a lost 250 is recognised. One ``INSERT … ON CONFLICT DO NOTHING`` on that key decides
    atomically — also when the retry arrives while the first attempt is still being stored; only
    a duplicate costs a second statement (its id). Does not commit."""
    digest = hashlib.sha256(raw).hexdigest()
    message_id = extract_message_id(raw, digest)
    stored = trace + raw
    table: Table = InboundMessage.__table__  # type: ignore[attr-defined]  # SQLModel sets it on table classes
    values = {
        "channel": channel,
        "envelope_from": envelope_from,
        "envelope_to": list(envelope_to or []),
        "peer": peer,
        "message_id": message_id,
        "content_hash": digest,
        "raw": stored,
        "size": len(stored),
        "received_at": utcnow(),
        "status": ProcessingStatus.RECEIVED,
        "attempts": 0,
        "auto_reply": False,
    }
    values = {key: value for key, value in values.items() if key in table.c}
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = (
        insert(table)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["message_id", "content_hash"])
        .returning(table.c.id)
    )
    new_id = session.execute(statement).scalar()
    if new_id is not None:
        metrics.MESSAGES_STORED.labels(channel=channel).inc()
        return new_id, True
    existing = session.execute(
        select(InboundMessage.id).where(InboundMessage.message_id == message_id, InboundMessage.content_hash == digest)
    ).scalar_one()
    return existing, False
