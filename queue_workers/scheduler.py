"""The scheduler: a loop that runs the periodic jobs (``queue_workers.periodic``) when due.

Runs as its own process (``eingang scheduler``) or as a thread inside ``eingang serve``.
Several schedulers may run at once: each period of each job still runs exactly once."""

from __future__ import annotations

import logging
import threading

from casework.runtime import Runtime
from queue_workers.periodic import run_due_jobs

logger = logging.getLogger(__name__)


class Scheduler:
    """Background thread calling ``run_due_jobs`` every ``tick`` seconds; ``stop()`` ends it."""

    def __init__(self, runtime: Runtime, *, tick: float | None = None):
        self.runtime = runtime
        self.tick = tick if tick is not None else runtime.settings.scheduler_tick_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="eingang-scheduler", daemon=True)

    def start(self) -> Scheduler:
        self._thread.start()
        return self

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                run_due_jobs(self.runtime)
            except Exception:  # never let one bad tick end the scheduler
                logger.exception("scheduler tick failed")
            self._stop.wait(self.tick)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=60)

    def join(self) -> None:
        while self._thread.is_alive():
            self._thread.join(timeout=1)
