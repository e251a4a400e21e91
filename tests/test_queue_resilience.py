"""The queue survives failures, on the real Redis and PostgreSQL:

- Redis stops while mail arrives: the mail is still accepted (250) and stored, and processed
  after Redis is back (sweeper). The outage uses a private redis-server, never the shared one.
- A worker is killed with SIGKILL in the middle of processing: afterwards every message is
  processed exactly once (sweeper + redelivery; idempotent by database constraints).
- A message whose processing always fails ends as failed, without blocking the others;
  transient failures are retried and, when retries run out, marked failed and dead-lettered.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import smtplib
import socket
import subprocess
import sys
import time
from datetime import timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError
from sqlmodel import func, select

from casework.dispatch import sweep_unprocessed
from casework.runtime import Runtime
from eingang.runtime import WORKER_TARGET
from intake.channel import store_raw
from models import (
    AuditEntry,
    Consultation,
    ConsultationMessage,
    FollowUpTask,
    InboundMessage,
    session_scope,
)
from queue_workers.broker import broker_of
from queue_workers.deadletters import list_dead_letters
from tests.conftest import free_port, make_settings, migrated_runtime, service_missing

ROOT = Path(__file__).resolve().parents[1]


def mail(subject: str, body: str = "Ist ein DMS nach der ThürEGovRL förderfähig?") -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Hauptamt <hauptamt@vg-leinetal.de>"
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="vg-leinetal.de")
    message.set_content(body)
    return message


def wait_until(condition, *, timeout: float, what: str, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")


def statuses(runtime: Runtime) -> dict[int, str]:
    with session_scope(runtime.engine) as session:
        return {row.id: row.status for row in session.exec(select(InboundMessage))}


def counts(runtime: Runtime) -> dict[str, int]:
    with session_scope(runtime.engine) as session:

        def count(model, *where):
            return session.exec(select(func.count()).select_from(model).where(*where)).one()

        return {
            "consultations": count(Consultation),
            "thread_messages": count(ConsultationMessage),
            "created_audits": count(AuditEntry, AuditEntry.action == "created"),
            "tasks": count(FollowUpTask),
            "distinct_inbound_in_threads": session.exec(
                select(func.count(func.distinct(ConsultationMessage.inbound_message_id)))
            ).one(),
        }


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class PrivateRedis:
    """A redis-server of this test's own on a free port, so it can be stopped and started."""

    def __init__(self, tmp_path: Path):
        executable = shutil.which("redis-server")
        if executable is None:
            service_missing("redis-server", "the Debian package redis-server is not installed")
        self.executable = executable
        self.port = free_port()
        self.directory = tmp_path
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.executable, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self.directory,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: port_open(self.port), timeout=10, what="the private redis-server")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None
        wait_until(lambda: not port_open(self.port), timeout=10, what="the private redis-server to stop")


@pytest.fixture
def private_redis(tmp_path):
    server = PrivateRedis(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def subprocess_env(runtime: Runtime, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EINGANG_")}
    env.update(
        {
            "EINGANG_DATABASE_URL": runtime.settings.database_url,
            "EINGANG_REDIS_URL": runtime.settings.redis_url or "",
            "EINGANG_REDIS_NAMESPACE": runtime.settings.redis_namespace,
            "PYTHONPATH": str(ROOT),
        }
    )
    env.update(extra)
    return env


@pytest.mark.redis
@pytest.mark.postgres
def test_mail_is_accepted_during_a_redis_outage_and_processed_after_it(postgres_url, private_redis, tmp_path):
    smtp_port = free_port()
    runtime = migrated_runtime(
        make_settings(
            database_url=postgres_url,
            redis_url=private_redis.url,
            redis_namespace="outage",
            smtp_port=smtp_port,
        )
    )
    env = subprocess_env(runtime, EINGANG_SMTP_PORT=str(smtp_port), EINGANG_WEB_PORT=str(free_port()))
    serve = subprocess.Popen(
        [sys.executable, "-m", "eingang.cli.main", "serve"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    worker = None
    try:
        wait_until(lambda: port_open(smtp_port) or serve.poll() is not None, timeout=60, what="eingang serve")
        assert serve.poll() is None, serve.stdout.read()
        private_redis.stop()  # the broker goes away while mail arrives

        with smtplib.SMTP("127.0.0.1", smtp_port, timeout=30) as client:
            for number in range(3):
                refused = client.send_message(mail(f"Förderfähigkeit Vorhaben {number}"))
                assert refused == {}  # 250 for every recipient: stored although Redis is down
        stored = statuses(runtime)
        assert sorted(stored.values()) == ["received"] * 3

        private_redis.start()  # Redis is back (empty: nothing was enqueued while it was down)
        worker = subprocess.Popen(
            [sys.executable, "-m", "dramatiq", WORKER_TARGET, "--processes", "1", "--threads", "2"],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(1)
        assert sorted(statuses(runtime).values()) == ["received"] * 3  # nothing in the queue yet
        sweep = subprocess.run(  # the scheduler's sweeper job (as `eingang scheduler` runs it)
            [sys.executable, "-m", "eingang.cli.main", "scheduler", "--once", "--format", "json"],
            env={**env, "EINGANG_SWEEPER_MIN_AGE_SECONDS": "0"},
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert sweep.returncode == 0, sweep.stderr
        assert json.loads(sweep.stdout)["sweeper"] == {"found": 3, "enqueued": 3}
        wait_until(
            lambda: sorted(statuses(runtime).values()) == ["processed"] * 3,
            timeout=90,
            what="processing after the outage",
        )
        assert counts(runtime)["consultations"] == 3
    finally:
        serve.send_signal(signal.SIGINT)
        try:
            serve.wait(timeout=30)
        except subprocess.TimeoutExpired:
            serve.kill()
        if worker is not None:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=30)
        runtime.engine.dispose()


@pytest.mark.redis
@pytest.mark.postgres
def test_worker_killed_mid_processing_loses_and_duplicates_nothing(redis_postgres_runtime, tmp_path):
    runtime = redis_postgres_runtime
    broker = broker_of(runtime)
    ids = []
    for number, topic in enumerate(["ThürEGovRL Förderung", "OZG Onlinedienste", "ISMS IT-Grundschutz", "Förderung"]):
        inbound_id, _ = store_raw(runtime.engine, mail(f"{topic} {number}").as_bytes(), channel="smtp")
        assert runtime.tasks.enqueue_processing(inbound_id)
        ids.append(inbound_id)

    command = [sys.executable, "-m", "eingang.cli.main", "worker", "--processes", "1", "--threads", "2"]
    # The same worker start-up with the tests' own seam: it sleeps 4 s inside the processing transaction.
    slow_command = [sys.executable, "-m", "dramatiq", "tests.slow_worker:worker_process", "--processes", "1"]
    slow = subprocess.Popen(
        [*slow_command, "--threads", "2"],
        env=subprocess_env(runtime, EINGANG_TEST_SLOW_WORKER_SECONDS="4"),
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    acks = f"{runtime.settings.redis_namespace}:__acks__.*"
    # Wait until the worker holds messages (they sit in its ack set while being processed) …
    wait_until(lambda: list(broker.client.scan_iter(acks)), timeout=60, what="the worker to take messages")
    time.sleep(1.5)  # … and is inside the processing transaction (it sleeps 4 s before committing)
    os.killpg(slow.pid, signal.SIGKILL)  # kill -9 the dramatiq supervisor and its worker process
    slow.wait(timeout=10)
    assert "received" in statuses(runtime).values(), "the kill came too late to interrupt processing"

    swept = sweep_unprocessed(runtime, older_than=timedelta(0))
    assert swept  # the sweeper re-enqueues what the killed worker had not committed
    healthy = subprocess.Popen(
        command,
        env=subprocess_env(runtime),
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_until(lambda: set(statuses(runtime).values()) == {"processed"}, timeout=90, what="all messages processed")
        # Let the duplicate deliveries (sweeper + original queue entries) drain, then count.
        wait_until(
            lambda: broker.client.llen(f"{runtime.settings.redis_namespace}:eingang") == 0,
            timeout=30,
            what="the queue to drain",
        )
        time.sleep(1)
    finally:
        os.killpg(healthy.pid, signal.SIGTERM)
        healthy.wait(timeout=30)
    totals = counts(runtime)
    assert totals["consultations"] == len(ids)
    assert totals["thread_messages"] == len(ids) == totals["distinct_inbound_in_threads"]
    assert totals["created_audits"] == len(ids)
    with session_scope(runtime.engine) as session:
        keys = list(session.exec(select(FollowUpTask.consultation_id, FollowUpTask.template_key)))
        processed_once = [row.attempts for row in session.exec(select(InboundMessage))]
    assert len(keys) == len(set(keys)) and keys  # every template task once per consultation
    assert processed_once == [0] * len(ids)  # none was marked failed on the way


@pytest.mark.redis
@pytest.mark.postgres
def test_failing_message_ends_failed_without_blocking_others(redis_postgres_runtime, queue_for, monkeypatch):
    import casework.pipeline as pipeline
    from classifiers.topics import classify

    hiccups = []
    healed = []

    def flaky_classify(parsed, model):
        if "EINMAL" in (parsed.subject or "") and not hiccups:
            hiccups.append(parsed.subject)  # the first attempt meets a dropped connection
            raise OperationalError("SELECT 1", {}, ConnectionError("Verbindung abgebrochen"))
        if "KAPUTT" in (parsed.subject or ""):
            raise ValueError("Klassifikation unmöglich")
        if "WACKELIG" in (parsed.subject or "") and not healed:
            raise OperationalError("SELECT 1", {}, ConnectionError("Datenbank kurz weg"))
        return classify(parsed, model)

    monkeypatch.setattr(pipeline, "classify", flaky_classify)
    runtime = redis_postgres_runtime
    broker = queue_for(runtime, worker_threads=2)
    process_message = broker.get_actor("process_message")

    subjects = ["KAPUTT Anhang", "Förderfähigkeit DMS", "WACKELIG Verbindung", "OZG Onlinedienst", "EINMAL Netz"]
    ids = {}
    for subject in subjects:
        inbound_id, _ = store_raw(runtime.engine, mail(subject).as_bytes(), channel="smtp")
        ids[subject] = inbound_id
        if subject.startswith(("WACKELIG", "EINMAL")):  # few, fast retries for the test
            process_message.send_with_options(args=(inbound_id,), max_retries=2, min_backoff=50, max_backoff=100)
        else:
            process_message.send(inbound_id)

    def settled() -> bool:  # a transient failure past the worker's retries stays received, with its error
        with session_scope(runtime.engine) as session:
            rows = [session.get(InboundMessage, inbound_id) for inbound_id in ids.values()]
            return all(row.status != "received" or row.error for row in rows)

    wait_until(settled, timeout=60, what="every message to settle")
    wait_until(lambda: list_dead_letters(broker), timeout=30, what="the dead letter")
    with session_scope(runtime.engine) as session:
        rows = {subject: session.get(InboundMessage, inbound_id) for subject, inbound_id in ids.items()}
    assert rows["Förderfähigkeit DMS"].status == "processed"
    assert rows["OZG Onlinedienst"].status == "processed"
    assert rows["EINMAL Netz"].status == "processed" and hiccups == ["EINMAL Netz"]  # retried, then fine
    assert rows["KAPUTT Anhang"].status == "failed"
    assert rows["KAPUTT Anhang"].error == "ValueError: Klassifikation unmöglich"
    # issue 16: transient errors are not final — the sweeper retries with backoff until the horizon
    assert rows["WACKELIG Verbindung"].status == "received"
    assert rows["WACKELIG Verbindung"].retry_at is not None
    assert "2 Wiederholungen erschöpft: sqlalchemy.exc.OperationalError" in rows["WACKELIG Verbindung"].error
    (letter,) = list_dead_letters(broker)
    assert (letter.actor, letter.args, letter.retries) == ("process_message", [ids["WACKELIG Verbindung"]], 2)
    assert "OperationalError" in letter.error

    # The operator's dead-letter view shows the same message.
    from typer.testing import CliRunner

    from eingang.cli.main import app

    env = {
        "EINGANG_DATABASE_URL": runtime.settings.database_url,
        "EINGANG_REDIS_URL": runtime.settings.redis_url,
        "EINGANG_REDIS_NAMESPACE": runtime.settings.redis_namespace,
    }
    result = CliRunner().invoke(app, ["queue", "dead-letters", "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    (shown,) = json.loads(result.stdout)
    assert shown["args"] == [ids["WACKELIG Verbindung"]] and shown["error"].startswith(
        "sqlalchemy.exc.OperationalError"
    )

    # Once the cause is fixed, the operator sends the dead letters again: processed, list empty.
    healed.append(True)
    result = CliRunner().invoke(app, ["queue", "dead-letters", "--requeue"], env=env)
    assert result.exit_code == 0 and "1 Nachricht(en) erneut gesendet" in result.output, result.output

    def wackelig_processed():
        with session_scope(runtime.engine) as session:
            row = session.get(InboundMessage, ids["WACKELIG Verbindung"])
            return row.status == "processed" and row.error is None

    wait_until(wackelig_processed, timeout=30, what="the requeued dead letter to be processed")
    result = CliRunner().invoke(app, ["queue", "dead-letters", "--format", "json"], env=env)
    assert json.loads(result.stdout) == []
