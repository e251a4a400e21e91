"""A worker start-up for the resilience tests (``python -m dramatiq tests.slow_worker:worker_process``):
the production runtime from the environment, plus a processing hook that sleeps inside the
processing transaction before its commit — so that a test can kill the worker mid-transaction.
The seam belongs to the tests; production settings know nothing of it."""

from __future__ import annotations

import os
import time

import dramatiq

from eingang.runtime import build_runtime
from eingang.settings import get_settings
from queue_workers.broker import broker_of

DELAY_SECONDS = float(os.environ.get("EINGANG_TEST_SLOW_WORKER_SECONDS", "4"))


def _sleep(_inbound_id: int) -> None:
    time.sleep(DELAY_SECONDS)


def worker_process() -> None:
    dramatiq.set_broker(broker_of(build_runtime(get_settings(), processing_hook=_sleep)))
