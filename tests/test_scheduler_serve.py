"""`eingang serve` on the embedded default runs the scheduler: its sweeper job picks up a
stored message nobody enqueued, and each job records its period."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from sqlmodel import select

from intake.channel import store_raw
from models import InboundMessage, PeriodicRun, session_scope
from tests.conftest import free_port
from tests.test_queue_resilience import mail, port_open, wait_until


def test_serve_runs_the_periodic_jobs(sqlite_runtime, tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("EINGANG_")}
    env.update(
        {
            "EINGANG_DATABASE_URL": sqlite_runtime.settings.database_url,
            "EINGANG_SMTP_PORT": str(port),
            "EINGANG_WEB_PORT": str(free_port()),
            "EINGANG_SCHEDULER_TICK_SECONDS": "0.5",
            "EINGANG_SWEEPER_INTERVAL_SECONDS": "2",
            "EINGANG_SWEEPER_MIN_AGE_SECONDS": "0",
        }
    )
    serve = subprocess.Popen(
        [sys.executable, "-m", "eingang.cli.main", "serve"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_until(lambda: port_open(port) or serve.poll() is not None, timeout=60, what="eingang serve")
        assert serve.poll() is None
        # Stored but never enqueued (as after a crash between commit and enqueue); serve's own
        # start-up sweep has already run, so only the scheduler's sweeper job can pick it up.
        inbound_id, _ = store_raw(sqlite_runtime.engine, mail("Förderfähigkeit DMS").as_bytes(), channel="smtp")

        def handled():  # by the embedded worker (the pipeline's own result is tested elsewhere)
            with session_scope(sqlite_runtime.engine) as session:
                return session.get(InboundMessage, inbound_id).status != "received"

        try:
            wait_until(handled, timeout=60, what="the sweeper job to hand the message to the worker")
            time.sleep(4)  # a few sweeper periods
        finally:
            serve.send_signal(signal.SIGINT)
            output = serve.communicate(timeout=30)[0]
        with session_scope(sqlite_runtime.engine) as session:
            runs = [(r.job, r.period) for r in session.exec(select(PeriodicRun))]
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()
        print(output if "output" in locals() else "")
    assert "Eingang beendet." in output
    sweeper_periods = [period for job, period in runs if job == "sweeper"]
    assert len(sweeper_periods) >= 2 and len(sweeper_periods) == len(set(sweeper_periods))
    assert "sla" in {job for job, _ in runs}
