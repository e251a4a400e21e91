"""Dramatiq actors: one per pipeline stage, ids as arguments, idempotent on the stored row."""

from __future__ import annotations

import logging

from queue_workers.broker import ensure_broker

ensure_broker()  # the broker must exist before actors are declared

import dramatiq  # noqa: E402
from sqlalchemy.exc import OperationalError  # noqa: E402

from models import session_scope  # noqa: E402
from queue_workers.context import current_runtime  # noqa: E402
from queue_workers.pipeline import mark_failed, process_stored_message  # noqa: E402

logger = logging.getLogger(__name__)

# Errors worth retrying with backoff: the database or network was briefly unavailable.
TRANSIENT_ERRORS = (OperationalError, ConnectionError, TimeoutError)


@dramatiq.actor(queue_name="eingang", max_retries=5, min_backoff=1000, max_backoff=60_000)
def process_message(inbound_id: int) -> None:
    """Parse, classify, link and thread one stored message."""
    runtime = current_runtime()
    try:
        with session_scope(runtime.engine) as session:
            result = process_stored_message(
                session,
                inbound_id,
                taxonomy=runtime.taxonomy,
                reference_prefix=runtime.settings.reference_prefix,
            )
    except TRANSIENT_ERRORS:
        logger.warning("transient error processing message %s; will retry", inbound_id, exc_info=True)
        raise
    except Exception as error:  # permanent: keep the message, record the error
        logger.exception("processing message %s failed", inbound_id)
        with session_scope(runtime.engine) as session:
            mark_failed(session, inbound_id, f"{type(error).__name__}: {error}")
        return
    logger.info(
        "message %s processed into %s%s",
        inbound_id,
        result.reference,
        " (new)" if result.created else "",
    )
