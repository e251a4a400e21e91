"""Storing raw inbound messages durably and exactly once. Every channel calls ``store_inbound``
and answers its peer only after the surrounding transaction committed."""

from __future__ import annotations

import hashlib
import re
from email.parser import BytesHeaderParser
from email.policy import compat32

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from models import metrics
from models.messages import InboundMessage

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
    channel: str,
    envelope_from: str | None = None,
    envelope_to: list[str] | None = None,
    peer: str | None = None,
) -> tuple[InboundMessage, bool]:
    """Insert the raw message unless the same one (Message-ID + SHA-256) is already stored.

    Returns the row and whether it was new. Flushes but does not commit."""
    digest = hashlib.sha256(raw).hexdigest()
    message_id = extract_message_id(raw, digest)
    existing = session.exec(
        select(InboundMessage).where(InboundMessage.message_id == message_id, InboundMessage.content_hash == digest)
    ).first()
    if existing is not None:
        return existing, False
    row = InboundMessage(
        channel=channel,
        envelope_from=envelope_from,
        envelope_to=list(envelope_to or []),
        peer=peer,
        message_id=message_id,
        content_hash=digest,
        raw=raw,
        size=len(raw),
    )
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        # A concurrent delivery of the same message won the race; use its row.
        existing = session.exec(
            select(InboundMessage).where(InboundMessage.message_id == message_id, InboundMessage.content_hash == digest)
        ).one()
        return existing, False
    metrics.MESSAGES_STORED.labels(channel=channel).inc()
    return row, True
