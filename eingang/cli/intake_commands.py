"""``eingang serve``, ``eingang worker`` and ``eingang ingest``."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

import typer
from sqlmodel import Session

from casework.dispatch import enqueue_or_mark_due, sweep_unprocessed
from casework.pipeline import mark_failed
from casework.processing import process_message
from eingang.cli.common import FORMAT_OPTION, OutputFormat, fail, print_json, runtime
from eingang.cli.imap_commands import build_imap_service
from eingang.cli.queue_commands import start_scheduler
from eingang.runtime import WORKER_TARGET, serve_web
from intake.channel import store_raw
from intake.files import read_messages
from intake.recipients import RecipientPolicy
from intake.smtp_server import IntakeHandler, server_tls_context, start_smtp_server
from models import Channel, Consultation, InboundMessage, ProcessingStatus, session_scope
from queue_workers.worker import running_queue, start_queue


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("worker")(worker)
    app.command("ingest")(ingest)


def serve() -> None:
    """Den SMTP-Empfänger starten und, ohne EINGANG_REDIS_URL, den eingebetteten Queue-Worker."""
    rt = runtime()
    settings = rt.settings
    worker = start_queue(rt)

    def store(raw: bytes, mail_from: str | None, rcpt_tos: list[str], peer: str | None, trace: bytes = b"") -> int:
        inbound_id, _created = store_raw(
            rt.engine, raw, channel=Channel.SMTP, envelope_from=mail_from, envelope_to=rcpt_tos, peer=peer, trace=trace
        )
        return inbound_id

    handler = IntakeHandler(
        policy=RecipientPolicy(settings.accepted_recipients),
        store=store,
        on_stored=lambda inbound_id: enqueue_or_mark_due(rt, inbound_id),
    )
    # Mail stored before a crash or broker outage that is due is handed on before the SMTP port
    # opens (deterministic start-up); only what is due — not every unprocessed message, which may
    # still be waiting in the queue. Later sweeps are the scheduler's job.
    sweep_unprocessed(rt)
    controller = start_smtp_server(
        handler,
        host=settings.smtp_host,
        port=settings.smtp_port,
        max_message_size=settings.smtp_max_message_size,
        tls_context=server_tls_context(settings.smtp_tls_cert, settings.smtp_tls_key),
    )
    # Further components of `serve`, each an object with .stop().

    components: list = []
    components += [service] if (service := build_imap_service(rt)) else []  # only with EINGANG_IMAP_HOST
    # Periodic jobs (sweeper, reminders, escalations): here on the embedded default; with Redis
    # they run in `eingang scheduler` processes.
    components += [start_scheduler(rt)] if settings.embedded_queue else []
    components.append(serve_web(rt))
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    mode = "eingebettete Warteschlange" if settings.embedded_queue else "Redis-Warteschlange"
    typer.echo(f"Eingang empfängt SMTP auf {settings.smtp_host}:{settings.smtp_port} ({mode}). Beenden mit Strg+C.")
    try:
        stop.wait()
    finally:
        for component in reversed(components):
            component.stop()
        controller.stop()
        if worker is not None:
            worker.join()
            worker.stop()
        typer.echo("Eingang beendet.")


def worker(
    processes: int = typer.Option(1, "--processes", "-p", help="Anzahl der Worker-Prozesse."),
    threads: int = typer.Option(4, "--threads", "-t", help="Threads je Prozess."),
) -> None:
    """Dramatiq-Worker an Redis starten (braucht EINGANG_REDIS_URL)."""
    rt = runtime()
    if rt.settings.embedded_queue:
        fail("EINGANG_REDIS_URL ist nicht gesetzt; ohne Redis verarbeitet `eingang serve` die Warteschlange selbst.")
    # dramatiq's own CLI runs and supervises the worker processes; each one composes its runtime
    # (RedisBroker, actors) from the same settings in eingang.runtime.worker_process.
    command = [sys.executable, "-m", "queue_workers.dramatiq_main", WORKER_TARGET]
    command += ["--processes", str(processes), "--threads", str(threads)]
    if not rt.settings.metrics_port:
        os.execv(sys.executable, command)
    _worker_with_metrics(rt, command)


def _worker_with_metrics(rt, command: list[str]) -> None:
    """Run dramatiq's worker processes as children in prometheus multiprocess mode and serve
    their summed metrics on EINGANG_METRICS_PORT from this parent process."""
    import subprocess
    import tempfile

    env = dict(os.environ)
    if not env.get("PROMETHEUS_MULTIPROC_DIR"):
        env["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="eingang-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = env["PROMETHEUS_MULTIPROC_DIR"]
    from models.metrics import serve_metrics_port

    serve_metrics_port(rt.settings.metrics_port, rt.settings.metrics_host)
    child = subprocess.Popen(command, env=env)
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda received, _frame: child.send_signal(received))
    raise SystemExit(child.wait())


def _wait_for_processing(session_factory, inbound_id: int, timeout: float) -> InboundMessage | None:
    deadline = time.monotonic() + timeout
    while True:
        with session_factory() as session:
            row = session.get(InboundMessage, inbound_id)
            if row is not None and row.status != ProcessingStatus.RECEIVED:
                return row
        if time.monotonic() > deadline:
            return None
        time.sleep(0.2)


def _process_here(rt, inbound_id: int) -> None:
    """Process a message in this process (the embedded queue): the worker's own code. A
    transient error leaves it failed, to be reprocessed later."""
    try:
        process_message(rt, inbound_id)
    except Exception as error:
        with session_scope(rt.engine) as session:
            mark_failed(session, inbound_id, f"{type(error).__name__}: {error}")


def ingest(
    paths: list[Path] = typer.Argument(..., help="EML-Dateien, MBOX-Dateien oder Ordner mit solchen Dateien."),
    output_format: OutputFormat = FORMAT_OPTION,
) -> None:
    """Nachrichten aus Dateien speichern und verarbeiten; gibt je Nachricht das Aktenzeichen aus."""
    rt = runtime()
    results = []
    failures = 0
    with running_queue(rt):  # embedded queue: acknowledgements go out before the command ends
        for path in paths:
            try:
                messages = list(read_messages(path))
            except (FileNotFoundError, OSError) as error:
                typer.echo(f"Fehler: {path}: {error}", err=True)
                failures += 1
                continue
            for label, raw in messages:
                inbound_id, created = store_raw(rt.engine, raw, channel=Channel.FILE, peer=label)
                if rt.settings.embedded_queue:
                    _process_here(rt, inbound_id)
                else:
                    rt.tasks.enqueue_processing(inbound_id)
                row = _wait_for_processing(lambda: Session(rt.engine), inbound_id, rt.settings.processing_wait_seconds)
                reference = None
                if row is not None and row.consultation_id:
                    with Session(rt.engine) as session:
                        reference = session.get(Consultation, row.consultation_id).reference
                status = row.status if row is not None else "pending"
                error = row.error if row is not None else "noch nicht verarbeitet (Worker läuft?)"
                if status != ProcessingStatus.PROCESSED:
                    failures += 1
                results.append(
                    {
                        "source": label,
                        "message": inbound_id,
                        "new": created,
                        "status": status,
                        "reference": reference,
                        "error": error if status != ProcessingStatus.PROCESSED else None,
                    }
                )
    if output_format == OutputFormat.JSON:
        print_json(results)
    else:
        for item in results:
            if item["reference"]:
                typer.echo(f"{item['reference']}  {item['source']}")
            else:
                typer.echo(f"FEHLER  {item['source']}: {item['error']}", err=True)
    if failures:
        raise typer.Exit(1)
