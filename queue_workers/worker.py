"""The in-process dramatiq worker of the embedded default (no Redis): ``eingang serve`` and the
one-shot commands that process or send run it on the runtime's broker."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import logging
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import dramatiq

from casework.runtime import Runtime
from queue_workers.broker import QUEUE, broker_of

logger = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1
# Set by ``eingang worker`` to its own pid before it becomes dramatiq's parent (exec): a child
# compares it with its parent, also when that parent died before the child got here.
WORKER_PARENT_PID = "EINGANG_WORKER_PARENT_PID"


def exit_with_parent(signum: int = signal.SIGKILL, *, poll_seconds: float = 1.0) -> None:
    """Make this (worker child) process receive ``signum`` when its parent dies, so a ``kill -9``
    of the ``eingang worker`` parent leaves no orphaned children behind: Linux's
    ``prctl(PR_SET_PDEATHSIG)``, and as a fallback (other systems) a daemon thread that notices
    the parent has changed. A parent that died while this child was still starting (before this
    call) is noticed by its pid from ``EINGANG_WORKER_PARENT_PID``: the child exits at once.

    SIGKILL, not SIGTERM: dramatiq's children log through a pipe to the parent; with the parent
    gone and the pipe full, the graceful SIGTERM handler blocks in its first log line and the
    child runs on as an orphan (``bench_pipeline.py --faults``). Nothing is lost by the hard
    exit: an unfinished transaction rolls back, the message stays unacknowledged in Redis (or
    due for the sweeper), and processing is idempotent."""
    expected = os.environ.get(WORKER_PARENT_PID, "")
    parent = int(expected) if expected.isdigit() else os.getppid()
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signum), 0, 0, 0)
    except (OSError, AttributeError):
        logger.debug("prctl(PR_SET_PDEATHSIG) unavailable; watching the parent instead")

    def stop() -> None:
        with contextlib.suppress(OSError):  # stderr, not the logging pipe to the dead parent
            os.write(2, f"eingang worker {os.getpid()}: parent process {parent} is gone; exiting\n".encode())
        os.kill(os.getpid(), signum)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll_seconds)
        stop()

    if os.getppid() != parent:  # the parent died while this child was starting
        stop()
    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def start_queue(runtime: Runtime, *, worker_threads: int = 2) -> dramatiq.Worker | None:
    """On the embedded default (no Redis) start an in-process worker on the runtime's broker and
    return it (call ``.stop()``); with Redis the ``eingang worker`` processes work, so None."""
    if not runtime.settings.embedded_queue:
        return None
    worker = dramatiq.Worker(broker_of(runtime), worker_threads=worker_threads, worker_timeout=100)
    worker.start()
    return worker


@contextmanager
def running_queue(runtime: Runtime, *, drain_seconds: float = 60) -> Iterator[dramatiq.Worker | None]:
    """For one-shot commands: on the embedded queue, a worker for the duration that finishes
    what was enqueued (processing, mail) before the command exits."""
    worker = start_queue(runtime)
    try:
        yield worker
    finally:
        if worker is not None:
            try:
                broker_of(runtime).join(QUEUE, timeout=int(drain_seconds * 1000))
            except Exception:  # a timeout leaves the rest to the sweeper and the outbox job
                logger.warning("the embedded queue did not drain within %s s", drain_seconds)
            worker.stop()
