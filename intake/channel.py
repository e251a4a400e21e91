"""The durable first step every channel shares: store the raw bytes and commit.

Also the channels' sanity check (is this an RFC 5322 message at all?) and the failure
marking for messages that are stored but cannot be read, so they never block a channel."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from intake.parsing import parse, read_headers
from models import Channel, InboundMessage, ProcessingStatus, metrics, session_scope
from models.store import store_inbound


class UnreadableMessage(ValueError):
    """The stored bytes are not a mail message (no header fields) or the parser gave up."""


def require_headers(raw: bytes) -> None:
    """Raise UnreadableMessage unless ``raw`` starts with RFC 5322 header fields."""
    if not raw.strip():
        raise UnreadableMessage("leere Nachricht")
    headers = read_headers(raw)
    if not headers.keys():
        raise UnreadableMessage("keine Kopfzeilen gefunden: die Daten sind keine E-Mail nach RFC 5322")


def unreadable_reason(raw: bytes) -> str | None:
    """Why ``raw`` cannot be processed, or None when it parses. Used by channels that must move
    an unreadable message out of the way right after storing it (IMAP)."""
    try:
        require_headers(raw)
        parse(raw)
    except Exception as error:  # any parser failure counts: the message is kept, marked failed
        return f"{type(error).__name__}: {error}"
    return None


def store_raw(
    engine: Engine,
    raw: bytes,
    *,
    channel: Channel,
    envelope_from: str | None = None,
    envelope_to: list[str] | None = None,
    peer: str | None = None,
    trace: bytes = b"",
) -> tuple[int, bool]:
    """Store one raw message in its own transaction; returns (id, newly stored).
    When this returns, the message is committed and may be acknowledged to the sender.

    ``trace`` (a ``Received:`` header of this hop) is prepended to the stored bytes; a retried
    delivery of the same bytes is recognised despite the trace's different timestamp."""
    with session_scope(engine) as session:
        return store_inbound(
            session, raw, channel=channel, envelope_from=envelope_from, envelope_to=envelope_to, peer=peer, trace=trace
        )


def mark_unreadable(engine: Engine, inbound_id: int, reason: str) -> None:
    """Mark a stored message as failed with ``reason`` (committed); it keeps its raw bytes."""
    with session_scope(engine) as session:
        row = session.get(InboundMessage, inbound_id)
        if row is not None and row.status != ProcessingStatus.PROCESSED:
            row.status = ProcessingStatus.FAILED
            row.error = reason[:4000]
            row.attempts += 1
            metrics.MESSAGES_FAILED.labels(reason="unreadable").inc()
