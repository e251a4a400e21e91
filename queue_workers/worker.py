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
from queue_workers.dramatiq_main import WORKER_PARENT_ENV

logger = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1
__all__ = ["WORKER_PARENT_ENV", "exit_with_parent", "running_queue", "start_queue"]


# How long an orphaned child may take to stop gracefully before it exits hard. Unacknowledged
# messages go back to the queue and processing is idempotent, so a hard exit loses nothing.
ORPHAN_GRACE_SECONDS = 20.0


def exit_with_parent(
    signum: int = signal.SIGTERM, *, poll_seconds: float = 1.0, grace_seconds: float = ORPHAN_GRACE_SECONDS
) -> None:
    """Make this (worker child) process receive ``signum`` when its parent dies, so a ``kill -9``
    of the ``eingang worker`` parent leaves no orphaned children behind: Linux's
    ``prctl(PR_SET_PDEATHSIG)``, and as a fallback (other systems, or the parent died before
    the call) a daemon thread that notices the parent has changed. If the graceful stop does not
    end the process within ``grace_seconds``, the thread ends it hard: a parent killed while a
    child is still booting leaves that child blocked for ever in dramatiq's start-up handshake
    (``Event.set`` waits for the dead parent to wake), where no signal handler can run."""
    parent = int(os.environ.get(WORKER_PARENT_ENV) or os.getppid())
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signum), 0, 0, 0)
    except (OSError, AttributeError):
        logger.debug("prctl(PR_SET_PDEATHSIG) unavailable; watching the parent instead")

    def say(text: str) -> None:
        # straight to stderr, not through logging: dramatiq's log handler writes into a pipe to
        # the dead parent that nobody reads any more; once it is full, a log call here would
        # block and the hard exit below would never come
        with contextlib.suppress(OSError):
            os.write(2, f"eingang worker {os.getpid()}: {text}\n".encode())

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll_seconds)
        say(f"the parent process {parent} is gone; stopping")
        os.kill(os.getpid(), signum)
        time.sleep(grace_seconds)
        say(f"did not stop within {grace_seconds:g} s; exiting")
        os._exit(1)

    # a parent that died already is noticed by the watcher at once
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
