"""``eingang scheduler`` and ``eingang queue …``: periodic jobs, the sweeper and the
dead-letter view of the dramatiq queue."""

from __future__ import annotations

import signal
import threading
from datetime import timedelta

import typer

from eingang.cli.common import FORMAT_OPTION, OutputFormat, print_json, runtime
from eingang.runtime import Runtime

app = typer.Typer(help="Warteschlange: Sweeper, Dead-Letter-Ansicht.", no_args_is_help=True)


def register(main: typer.Typer) -> None:
    main.add_typer(app, name="queue")
    main.command("scheduler")(scheduler)


def _setup_queue(rt: Runtime):
    """Configure the broker for this process and declare the actors on it."""
    from queue_workers.broker import setup_broker
    from queue_workers.context import set_runtime

    broker = setup_broker(rt.settings)
    set_runtime(rt)
    import queue_workers.actors  # noqa: F401  (declares the actors on the broker)

    return broker


def start_scheduler(rt: Runtime):
    """Start the periodic jobs in a background thread (used by `eingang serve`); has .stop()."""
    from queue_workers.scheduler import Scheduler

    return Scheduler(rt).start()


def scheduler(
    once: bool = typer.Option(False, "--once", help="Run the due jobs once and exit."),
    output_format: OutputFormat = FORMAT_OPTION,
) -> None:
    """Run the periodic jobs (sweeper, reminders digest, escalations, SLA breaches).

    Several schedulers may run at once; each job still runs once per period."""
    from queue_workers.periodic import run_due_jobs

    rt = runtime()
    _setup_queue(rt)
    if once:
        results = run_due_jobs(rt)
        if output_format == OutputFormat.JSON:
            print_json(results)
        else:
            for job, summary in results.items():
                typer.echo(f"{job}: {summary if summary is not None else 'nicht fällig oder schon erledigt'}")
        return
    from queue_workers.scheduler import Scheduler

    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    if rt.settings.metrics_port:  # Prometheus scrapes this process on its own port
        from models.metrics import serve_metrics_port

        serve_metrics_port(rt.settings.metrics_port, rt.settings.metrics_host)
    running = Scheduler(rt).start()
    typer.echo(f"Eingang-Scheduler läuft (alle {running.tick:g} s). Beenden mit Strg+C.")
    try:
        while not stop.wait(1):
            pass
    finally:
        running.stop()
        typer.echo("Scheduler beendet.")


@app.command("sweep")
def sweep(
    older_than: int = typer.Option(0, "--older-than", help="Only messages waiting at least this many seconds."),
) -> None:
    """Re-enqueue every stored message that was never processed (after a broker outage)."""
    from queue_workers.dispatch import sweep_unprocessed

    rt = runtime()
    _setup_queue(rt)
    ids = sweep_unprocessed(rt.engine, older_than=timedelta(seconds=older_than))
    typer.echo(f"{len(ids)} Nachricht(en) erneut in die Warteschlange gestellt.")


@app.command("dead-letters")
def dead_letters(
    output_format: OutputFormat = FORMAT_OPTION,
    requeue: bool = typer.Option(False, "--requeue", help="Send all dead letters again and clear the list."),
) -> None:
    """Show the queue's dead letters: messages whose retries ran out (also marked failed in the database)."""
    from queue_workers.deadletters import list_dead_letters, requeue_dead_letters

    rt = runtime()
    broker = _setup_queue(rt)
    if requeue:
        count = requeue_dead_letters(broker)
        typer.echo(f"{count} Nachricht(en) erneut gesendet.")
        return
    letters = [letter.as_dict() for letter in list_dead_letters(broker)]
    if output_format == OutputFormat.JSON:
        print_json(letters)
        return
    if not letters:
        typer.echo("Keine Nachrichten in der Dead-Letter-Queue.")
    for item in letters:
        typer.echo(
            f"{item['dead_at'] or '—'}  {item['actor']}{tuple(item['args'])}  {item['retries']}×  {item['error']}"
        )
