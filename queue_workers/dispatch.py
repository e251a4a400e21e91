"""Handing stored messages to the queue. Enqueueing is best effort: the message is already
committed, and the sweeper re-enqueues whatever was not processed."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy.engine import Engine
from sqlmodel import select

from models import InboundMessage, ProcessingStatus, session_scope, utcnow

logger = logging.getLogger(__name__)


def enqueue_processing(inbound_id: int) -> bool:
    from queue_workers.actors import process_message

    try:
        process_message.send(inbound_id)
    except Exception:  # broker down: the sweeper will pick the message up
        logger.warning("could not enqueue message %s; the sweeper will retry", inbound_id, exc_info=True)
        return False
    return True


def sweep_unprocessed(engine: Engine, *, older_than: timedelta = timedelta(minutes=2)) -> list[int]:
    """Re-enqueue stored messages still waiting for processing (broker outage, killed worker)."""
    cutoff = utcnow() - older_than
    with session_scope(engine) as session:
        ids = list(
            session.exec(
                select(InboundMessage.id).where(
                    InboundMessage.status == ProcessingStatus.RECEIVED, InboundMessage.received_at <= cutoff
                )
            )
        )
    return [inbound_id for inbound_id in ids if enqueue_processing(inbound_id)]
