"""Dramatiq actors: thin — an id in, one casework call. Declared per runtime by
``declare_actors(broker, runtime)`` (the runtime is a value of the closures, no module state).

Transient errors (database or network briefly away) are raised by casework so dramatiq retries
them with exponential backoff; when the retries are exhausted, the ``…_retries_exhausted``
actors record the failure (message failed, mail failed). Permanent errors are recorded by
casework at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import dramatiq

from casework import outbox, processing
from casework.runtime import Runtime
from queue_workers.broker import DELIVER_MAIL, PROCESS_MESSAGE, QUEUE
from queue_workers.deadletters import exception_line


def _failure(message_data: dict, retry_info: dict) -> tuple[int | None, str]:
    args = message_data.get("args") or []
    last_line = exception_line((message_data.get("options") or {}).get("traceback") or "") or "unbekannter Fehler"
    text = f"Vorübergehender Fehler, {retry_info.get('retries', '?')} Wiederholungen erschöpft: {last_line}"
    return (int(args[0]) if args else None), text


def declare_actors(broker: dramatiq.Broker, runtime: Runtime) -> dict[str, dramatiq.Actor]:
    """Declare Eingang's actors on ``broker``, working with ``runtime``."""

    def processing_retries_exhausted(message_data: dict, retry_info: dict) -> None:
        inbound_id, error = _failure(message_data, retry_info)
        if inbound_id is not None:
            processing.retries_exhausted(runtime, inbound_id, error)

    def process_message(inbound_id: int) -> None:
        """Parse, classify, link and thread one stored message."""
        processing.process_message(runtime, inbound_id)

    def delivery_retries_exhausted(message_data: dict, retry_info: dict) -> None:
        outbox_id, error = _failure(message_data, retry_info)
        if outbox_id is not None:
            outbox.give_up(runtime, outbox_id, error)

    def deliver_mail(outbox_id: int) -> None:
        """Send one outbox row through the relay."""
        outbox.deliver(runtime, outbox_id)

    def declare(fn: Callable[..., None], name: str, **options: Any) -> dramatiq.Actor:
        return dramatiq.actor(actor_name=name, queue_name=QUEUE, broker=broker, **options)(fn)

    exhausted = declare(processing_retries_exhausted, "processing_retries_exhausted", max_retries=0)
    undeliverable = declare(delivery_retries_exhausted, "delivery_retries_exhausted", max_retries=0)
    return {
        exhausted.actor_name: exhausted,
        PROCESS_MESSAGE: declare(
            process_message,
            PROCESS_MESSAGE,
            max_retries=5,
            min_backoff=1000,
            max_backoff=60_000,
            on_retry_exhausted=exhausted.actor_name,
        ),
        undeliverable.actor_name: undeliverable,
        DELIVER_MAIL: declare(
            deliver_mail,
            DELIVER_MAIL,
            max_retries=5,
            min_backoff=5_000,
            max_backoff=300_000,
            on_retry_exhausted=undeliverable.actor_name,
        ),
    }
