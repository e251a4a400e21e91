"""Dramatiq actors: one per pipeline stage, ids as arguments, idempotent on the stored row.

Transient errors (database or network briefly away) are raised so dramatiq retries them with
exponential backoff; when the retries are exhausted, ``processing_retries_exhausted`` marks the
message failed. Permanent errors mark the message failed with its error at once. A failed
message is kept, shown to consultants and can be reprocessed — never dropped."""

from __future__ import annotations

import logging
import time

from queue_workers.broker import ensure_broker

ensure_broker()  # the broker must exist before actors are declared

import dramatiq  # noqa: E402
from sqlalchemy.exc import DBAPIError, OperationalError  # noqa: E402

from models import InboundMessage, ProcessingStatus, metrics, session_scope  # noqa: E402
from queue_workers.acknowledgements import acknowledge_later  # noqa: E402  (declares send_acknowledgement)
from queue_workers.context import current_runtime  # noqa: E402
from queue_workers.deadletters import exception_line  # noqa: E402
from queue_workers.pipeline import mark_failed, process_stored_message  # noqa: E402

logger = logging.getLogger(__name__)

# Errors worth retrying with backoff: the database or network was briefly unavailable.
TRANSIENT_ERRORS = (OperationalError, ConnectionError, TimeoutError)


def is_transient(error: BaseException) -> bool:
    if isinstance(error, TRANSIENT_ERRORS):
        return True
    # A dropped connection surfaces as DBAPIError with connection_invalidated set.
    return isinstance(error, DBAPIError) and bool(getattr(error, "connection_invalidated", False))


def mark_failed_unless_processed(session, inbound_id: int, error: str) -> bool:
    """Mark the message failed — unless another delivery of it has processed it meanwhile (a
    duplicate delivery that lost the race must not undo the winner's result)."""
    inbound = session.get(InboundMessage, inbound_id, with_for_update=True)
    if inbound is not None and inbound.status == ProcessingStatus.PROCESSED:
        logger.info("message %s was processed by another delivery; not marking it failed", inbound_id)
        return False
    mark_failed(session, inbound_id, error)
    return True


@dramatiq.actor(queue_name="eingang", max_retries=0)
def processing_retries_exhausted(message_data: dict, retry_info: dict) -> None:
    """Called by dramatiq's Retries middleware when ``process_message`` ran out of retries."""
    args = message_data.get("args") or []
    if not args:
        return
    inbound_id = int(args[0])
    last_line = exception_line((message_data.get("options") or {}).get("traceback") or "") or "unbekannter Fehler"
    runtime = current_runtime()
    metrics.MESSAGES_FAILED.labels(reason="retries_exhausted").inc()
    with session_scope(runtime.engine) as session:
        mark_failed_unless_processed(
            session,
            inbound_id,
            f"Vorübergehender Fehler, {retry_info.get('retries', '?')} Wiederholungen erschöpft: {last_line}",
        )
    logger.warning("message %s failed after exhausting its retries", inbound_id, extra={"inbound_id": inbound_id})


@dramatiq.actor(
    queue_name="eingang",
    max_retries=5,
    min_backoff=1000,
    max_backoff=60_000,
    on_retry_exhausted=processing_retries_exhausted.actor_name,
)
def process_message(inbound_id: int) -> None:
    """Parse, classify, link and thread one stored message."""
    runtime = current_runtime()
    try:
        with metrics.PROCESSING_SECONDS.time(), session_scope(runtime.engine) as session:
            result = process_stored_message(
                session,
                inbound_id,
                taxonomy=runtime.taxonomy,
                reference_prefix=runtime.settings.reference_prefix,
                own_addresses=runtime.settings.own_addresses,
            )
            if runtime.settings.test_processing_delay_seconds:  # test seam: a worker killed mid-transaction
                time.sleep(runtime.settings.test_processing_delay_seconds)
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
        return
    metrics.MESSAGES_PROCESSED.inc()
    logger.info(
        "message %s processed into %s%s",
        inbound_id,
        result.reference,
        " (new)" if result.created else "",
        extra={"inbound_id": inbound_id, "reference": result.reference, "consultation_id": result.consultation_id},
    )
    acknowledge_later(result)  # after the commit above: acknowledge a new consultation (issue 3)
