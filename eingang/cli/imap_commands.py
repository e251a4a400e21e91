"""``eingang imap-poll``: reading the team mailbox over IMAP."""

from __future__ import annotations

import signal
import threading

import typer

from casework.processing import process_message
from casework.runtime import Runtime
from eingang.cli.common import FORMAT_OPTION, OutputFormat, fail, print_json, runtime
from intake.imap_poller import ImapConfig, ImapPoller, ImapService
from queue_workers.worker import running_queue


def register(app: typer.Typer) -> None:
    app.command("imap-poll")(imap_poll)


def build_imap_service(rt: Runtime):
    """The IMAP poller thread for ``eingang serve`` (started), or None without EINGANG_IMAP_HOST."""
    config = ImapConfig.from_settings(rt.settings)
    if config is None:
        return None
    return ImapService(ImapPoller(config, rt.engine, on_stored=rt.tasks.enqueue_processing)).start()


def imap_poll(
    once: bool = typer.Option(False, "--once", help="Einmal abfragen und beenden, statt auf neue Mails zu warten."),
    output_format: OutputFormat = FORMAT_OPTION,
) -> None:
    """Den eingestellten IMAP-Ordner lesen: jede Mail speichern, verschieben, verarbeiten (IDLE oder Abfrage)."""
    rt = runtime()
    try:
        config = ImapConfig.from_settings(rt.settings)
    except ValueError as error:
        fail(str(error))
    if config is None:
        fail("EINGANG_IMAP_HOST ist nicht gesetzt.")
    with running_queue(rt) as worker:  # embedded queue: acknowledgements go out before the command ends
        if once:
            try:
                result = ImapPoller(config, rt.engine).poll()
            except Exception as error:
                fail(f"IMAP-Abruf von {config.host} fehlgeschlagen: {error}")
            for inbound_id in [*result.stored, *result.already_stored]:  # idempotent for processed ones
                if worker is not None:
                    process_message(rt, inbound_id)  # embedded queue: process right here
                else:
                    rt.tasks.enqueue_processing(inbound_id)
            summary = {"stored": result.stored, "already_stored": result.already_stored, "failed": result.failed}
            if output_format == OutputFormat.JSON:
                print_json(summary)
            else:
                typer.echo(
                    f"IMAP {config.host}/{config.folder}: {len(result.stored)} neu gespeichert, "
                    f"{len(result.already_stored)} bereits gespeichert, {len(result.failed)} fehlerhaft."
                )
            return
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        typer.echo(f"Eingang liest IMAP {config.host}/{config.folder}. Beenden mit Strg+C.")
        ImapPoller(config, rt.engine, on_stored=rt.tasks.enqueue_processing).run(stop)
