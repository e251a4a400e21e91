"""Preparing this process to use the queue: broker, runtime for the actors, and — on the
embedded default — an in-process worker."""

from __future__ import annotations

import dramatiq

from eingang.runtime import Runtime


def start_queue(runtime: Runtime) -> dramatiq.Worker | None:
    """Set up the broker and actors for this process; on the embedded default (no Redis) also
    start an in-process worker. Returns that worker (call ``.stop()``) or None."""
    from queue_workers.broker import setup_broker
    from queue_workers.context import set_runtime

    broker = setup_broker(runtime.settings)
    set_runtime(runtime)
    import queue_workers.actors  # noqa: F401  (declares the actors on the broker)

    if runtime.settings.embedded_queue:
        worker = dramatiq.Worker(broker, worker_threads=2, worker_timeout=100)
        worker.start()
        return worker
    return None
