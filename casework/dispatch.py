"""Handing stored messages to the queue, and the sweeper. Enqueueing is best effort: the
message is already committed, and the sweeper re-enqueues whatever was not processed — the
database, not the broker, is the source of truth.

The sweeper hands on only what is *due*: ``retry_at`` (or, never set, ``received_at`` plus
``EINGANG_SWEEPER_MIN_AGE_SECONDS``) has passed. Enqueueing sets ``retry_at`` to now plus that
lease, so mail still waiting in a deep queue is not enqueued again and again; a failed enqueue
(broker down) makes the message due at once; transient errors that outlasted the worker's
retries set it to a backoff (``casework.processing.retry_later``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, or_, update
from sqlmodel import Session, col, select

from casework.runtime import Runtime
from models import InboundMessage, ProcessingStatus, session_scope, stored_id, utcnow


def unprocessed_ids(
    session: Session, *, older_than_seconds: float = 600, now: datetime | None = None, limit: int = 1000
) -> list[int]:
    """Stored messages waiting for processing that are due for (re-)enqueueing (oldest first)."""
    now = now or utcnow()
    cutoff = now - timedelta(seconds=older_than_seconds)
    return [
        stored_id(i)
        for i in session.exec(
            select(col(InboundMessage.id))
            .where(
                InboundMessage.status == ProcessingStatus.RECEIVED,
                or_(
                    col(InboundMessage.retry_at) <= now,
                    and_(col(InboundMessage.retry_at).is_(None), col(InboundMessage.received_at) <= cutoff),
                ),
            )
            .order_by(col(InboundMessage.id))
            .limit(limit)
        )
    ]


def lease(session: Session, ids: list[int], *, seconds: float, now: datetime | None = None) -> None:
    """Record that ``ids`` were enqueued: not due again before ``seconds`` from now."""
    if ids:
        until = (now or utcnow()) + timedelta(seconds=seconds)
        session.execute(update(InboundMessage).where(col(InboundMessage.id).in_(ids)).values(retry_at=until))


def sweep_due(runtime: Runtime, session: Session, *, older_than_seconds: float, now: datetime | None = None) -> dict:
    """The sweeper's work inside ``session``: enqueue the due messages and lease them."""
    now = now or utcnow()
    ids = unprocessed_ids(session, older_than_seconds=older_than_seconds, now=now)
    enqueued = [inbound_id for inbound_id in ids if runtime.tasks.enqueue_processing(inbound_id)]
    lease(session, enqueued, seconds=runtime.settings.sweeper_min_age_seconds, now=now)
    return {"found": len(ids), "enqueued": len(enqueued)}


def sweep_unprocessed(runtime: Runtime, *, older_than: timedelta | None = None) -> list[int]:
    """Re-enqueue stored messages that are due (``older_than``: the lease for messages never
    re-enqueued; default ``EINGANG_SWEEPER_MIN_AGE_SECONDS``). Re-enqueueing a message that is in
    flight is harmless: processing is idempotent."""
    seconds = runtime.settings.sweeper_min_age_seconds if older_than is None else older_than.total_seconds()
    with session_scope(runtime.engine) as session:
        ids = unprocessed_ids(session, older_than_seconds=seconds)
        enqueued = [inbound_id for inbound_id in ids if runtime.tasks.enqueue_processing(inbound_id)]
        lease(session, enqueued, seconds=runtime.settings.sweeper_min_age_seconds)
    return enqueued


def enqueue_or_mark_due(runtime: Runtime, inbound_id: int) -> bool:
    """A channel's ``on_stored``: enqueue; when the broker is down, make the message due for the
    sweeper's next run instead of waiting out the lease (one statement, only on failure)."""
    if runtime.tasks.enqueue_processing(inbound_id):
        return True
    try:
        with session_scope(runtime.engine) as session:
            lease(session, [inbound_id], seconds=0)
    except Exception:  # the database is away too: the lease on received_at still brings it back
        pass
    return False
