"""``eingang scheduler`` and ``eingang queue …``: periodic jobs, the sweeper and the
dead-letter view of the dramatiq queue."""

from __future__ import annotations

import signal
import threading
from datetime import timedelta

import typer

from casework.dispatch import sweep_unprocessed
from casework.runtime import Runtime
from eingang.cli.common import FORMAT_OPTION, OutputFormat, print_json, runtime
from eingang.cli.german_help import GermanTyper
from queue_workers.broker import broker_of
from queue_workers.deadletters import list_dead_letters, requeue_dead_letters
from queue_workers.periodic import run_due_jobs
from queue_workers.scheduler import Scheduler
from queue_workers.worker import running_queue

app = GermanTyper(help="Warteschlange: Sweeper, Dead-Letter-Ansicht.", no_args_is_help=True)


def register(main: typer.Typer) -> None:
    main.add_typer(app, name="queue")
    main.command("scheduler")(scheduler)


def start_scheduler(rt: Runtime):
    """Start the periodic jobs in a background thread (used by `eingang serve`); has .stop()."""
    return Scheduler(rt).start()


def scheduler(
    once: bool = typer.Option(False, "--once", help="Die fälligen Aufgaben einmal ausführen und beenden."),
    output_format: OutputFormat = FORMAT_OPTION,
) -> None:
    """Die periodischen Aufgaben ausführen (Sweeper, Erinnerungen, Eskalationen, SLA-Verstöße).

    Mehrere Scheduler dürfen gleichzeitig laufen; jede Aufgabe läuft trotzdem einmal je Zeitraum."""
    rt = runtime()
    if once:
        with running_queue(rt):  # embedded queue: the mail of this run goes out before the end
            results = run_due_jobs(rt)
        if output_format == OutputFormat.JSON:
            print_json(results)
        else:
            for job, summary in results.items():
                typer.echo(f"{job}: {summary if summary is not None else 'nicht fällig oder schon erledigt'}")
        return

    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    if rt.settings.metrics_port:  # Prometheus scrapes this process on its own port
        from models.metrics import serve_metrics_port

        serve_metrics_port(rt.settings.metrics_port, rt.settings.metrics_host)
    with running_queue(rt):  # embedded queue: this process also sends the mail its jobs queue
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
    older_than: int = typer.Option(0, "--older-than", help="Nur Nachrichten, die mindestens so viele Sekunden warten."),
) -> None:
    """Jede gespeicherte, nie verarbeitete Nachricht erneut einreihen (nach einem Ausfall des Brokers)."""
    rt = runtime()
    ids = sweep_unprocessed(rt, older_than=timedelta(seconds=older_than))
    typer.echo(f"{len(ids)} Nachricht(en) erneut in die Warteschlange gestellt.")


@app.command("dead-letters")
def dead_letters(
    output_format: OutputFormat = FORMAT_OPTION,
    requeue: bool = typer.Option(False, "--requeue", help="Alle Dead Letters erneut einreihen und die Liste leeren."),
) -> None:
    """Dead Letters der Warteschlange anzeigen: Nachrichten ohne weitere Versuche (in der Datenbank
    als fehlgeschlagen markiert)."""
    broker = broker_of(runtime())
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
