"""Processing a stored message now — the one implementation used by the ``process_message``
actor, the chat, ``eingang ingest`` and ``eingang messages reprocess``.

One transaction runs the pipeline (``casework.pipeline``) and, for a new consultation, queues
its acknowledgement in the outbox; after the commit the acknowledgement is handed to the
workers. Transient errors (database or network briefly away) are raised, for the caller to
retry (dramatiq with backoff); permanent errors mark the message failed with its error at
once. A failed message is kept, shown to consultants and can be reprocessed — never dropped."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session, col, select

from casework import live, outbox
from casework.acknowledgements import queue_acknowledgement
from casework.pipeline import ProcessingResult, mark_failed, process_stored_message
from casework.runtime import Runtime
from models import InboundMessage, ProcessingStatus, as_utc, metrics, session_scope, stored_id, utcnow

logger = logging.getLogger(__name__)

# Errors worth retrying with backoff: the database or network was briefly unavailable.
TRANSIENT_ERRORS = (OperationalError, ConnectionError, TimeoutError)


def is_transient(error: BaseException) -> bool:
    if isinstance(error, TRANSIENT_ERRORS):
        return True
    # A dropped connection surfaces as DBAPIError with connection_invalidated set.
    return isinstance(error, DBAPIError) and bool(getattr(error, "connection_invalidated", False))


def mark_failed_unless_processed(session: Session, inbound_id: int, error: str) -> bool:
    """Mark the message failed — unless another delivery of it has processed it meanwhile (a
    duplicate delivery that lost the race must not undo the winner's result)."""
    inbound = session.get(InboundMessage, inbound_id, with_for_update=True)
    if inbound is not None and inbound.status == ProcessingStatus.PROCESSED:
        logger.info("message %s was processed by another delivery; not marking it failed", inbound_id)
        return False
    mark_failed(session, inbound_id, error)
    return True


def process_message(runtime: Runtime, inbound_id: int) -> ProcessingResult | None:
    """Process stored message ``inbound_id`` now. Returns the result, or None when it failed
    permanently (then it is marked failed). Transient errors are raised."""
    try:
        with metrics.PROCESSING_SECONDS.time(), outbox.transaction(runtime) as session:
            result = process_stored_message(session, inbound_id, runtime=runtime)
            if result.created and not result.already_processed:
                outcome = queue_acknowledgement(session, runtime.settings, inbound_id)
                if not outcome.queued:
                    logger.info("no acknowledgement for message %s: %s", inbound_id, outcome.reason)
            if runtime.processing_hook is not None:
                runtime.processing_hook(inbound_id)
    except Exception as error:
        if is_transient(error):
            logger.warning(
                "transient error processing message %s; will retry",
                inbound_id,
                exc_info=True,
                extra={"inbound_id": inbound_id},
            )
            raise
        logger.exception("processing message %s failed", inbound_id, extra={"inbound_id": inbound_id})
        with session_scope(runtime.engine) as session:
            if mark_failed_unless_processed(session, inbound_id, f"{type(error).__name__}: {error}"):
                metrics.MESSAGES_FAILED.labels(reason="error").inc()
        return None
    metrics.MESSAGES_PROCESSED.inc()
    logger.info(
        "message %s processed into %s%s",
        inbound_id,
        result.reference,
        " (new)" if result.created else "",
        extra={"inbound_id": inbound_id, "reference": result.reference, "consultation_id": result.consultation_id},
    )
    if result.reference and not result.already_processed:
        live.publish(runtime.events, kind="created" if result.created else "changed", reference=result.reference)
    return result


# Backoff of the sweeper's retries after transient errors outlasted the worker's own retries.
RETRY_BACKOFF_MIN = timedelta(minutes=1)
RETRY_BACKOFF_MAX = timedelta(hours=1)


def retry_backoff(attempts: int) -> timedelta:
    return min(RETRY_BACKOFF_MAX, RETRY_BACKOFF_MIN * 2 ** max(0, min(attempts, 20)))


def retry_later(runtime: Runtime, inbound_id: int, error: str, *, now: datetime | None = None) -> str:
    """Transient errors outlasted the worker's retries (database or broker away for longer).
    Within ``EINGANG_RETRY_HORIZON_HOURS`` of receipt the message stays ``received`` with the
    error and a backoff in ``retry_at`` — the sweeper hands it on again then; only past the
    horizon is it marked failed. Returns the status it was left in."""
    now = now or utcnow()
    horizon = timedelta(hours=runtime.settings.retry_horizon_hours)
    with session_scope(runtime.engine) as session:
        inbound = session.get(InboundMessage, inbound_id, with_for_update=True)
        if inbound is None or inbound.status != ProcessingStatus.RECEIVED:
            return inbound.status if inbound is not None else "missing"
        received = as_utc(inbound.received_at) or now
        if now - received >= horizon:
            mark_failed(session, inbound_id, error)
            metrics.MESSAGES_FAILED.labels(reason="retries_exhausted").inc()
            logger.warning(
                "message %s failed: transient errors for longer than %s",
                inbound_id,
                horizon,
                extra={"inbound_id": inbound_id},
            )
            return ProcessingStatus.FAILED
        inbound.attempts += 1
        inbound.error = error[:4000]
        inbound.retry_at = min(now + retry_backoff(inbound.attempts), received + horizon)
        logger.warning(
            "message %s: transient errors, next attempt at %s",
            inbound_id,
            inbound.retry_at,
            extra={"inbound_id": inbound_id},
        )
        return ProcessingStatus.RECEIVED


def retries_exhausted(runtime: Runtime, inbound_id: int, error: str) -> None:
    """The worker's retries are spent: the sweeper retries with backoff (``retry_later``)."""
    retry_later(runtime, inbound_id, error)


def failed_ids(session: Session) -> list[int]:
    return [
        stored_id(i)
        for i in session.exec(
            select(col(InboundMessage.id))
            .where(InboundMessage.status == ProcessingStatus.FAILED)
            .order_by(col(InboundMessage.id))
        )
    ]
