"""Handing stored messages to the queue, and the sweeper. Enqueueing is best effort: the
message is already committed, and the sweeper re-enqueues whatever was not processed — the
database, not the broker, is the source of truth."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, select

from casework.runtime import Runtime
from models import InboundMessage, ProcessingStatus, session_scope, utcnow


def unprocessed_ids(
    session: Session, *, older_than_seconds: float = 120, now: datetime | None = None, limit: int = 1000
) -> list[int]:
    """Stored messages still waiting for processing after ``older_than_seconds`` (oldest first)."""
    cutoff = (now or utcnow()) - timedelta(seconds=older_than_seconds)
    return list(
        session.exec(
            select(InboundMessage.id)
            .where(InboundMessage.status == ProcessingStatus.RECEIVED, InboundMessage.received_at <= cutoff)
            .order_by(InboundMessage.id)
            .limit(limit)
        )
    )


def sweep_unprocessed(runtime: Runtime, *, older_than: timedelta = timedelta(minutes=2)) -> list[int]:
    """Re-enqueue stored messages still waiting for processing (broker outage, killed worker).
    Re-enqueueing a message that is in flight is harmless: processing is idempotent."""
    with session_scope(runtime.engine) as session:
        ids = unprocessed_ids(session, older_than_seconds=older_than.total_seconds())
    return [inbound_id for inbound_id in ids if runtime.tasks.enqueue_processing(inbound_id)]
