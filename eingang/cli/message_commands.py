"""``eingang messages …``: the stored inbound messages, failed ones first of all.

Every message a channel stored stays in the database with its raw bytes; one that failed
processing keeps its error and is listed with ``--failed`` until ``reprocess`` succeeds."""

from __future__ import annotations

import typer
from sqlmodel import Session, select

from casework.pipeline import mark_failed
from casework.processing import failed_ids, process_message
from eingang.cli.common import FORMAT_OPTION, OutputFormat, fail, print_json, runtime
from eingang.cli.german_help import GermanTyper
from intake.headers import decode_header_text, parse_address_list
from intake.parsing import header, read_headers
from models import InboundMessage, ProcessingStatus, session_scope
from models.public import inbound_message_public
from queue_workers.worker import running_queue

app = GermanTyper(help="Gespeicherte Nachrichten anzeigen und erneut verarbeiten.", no_args_is_help=True)


def _headers_of(raw: bytes) -> tuple[str | None, str | None]:
    """From and Subject straight from the raw headers, for messages not (yet) processed."""
    try:
        headers = read_headers(raw)  # also past junk lines a gateway put before the fields
        senders = parse_address_list(header(headers, "From"), allow_local=True)
        subject = header(headers, "Subject")
        address = next((a.address for a in senders if a.address), None)
        return address, (decode_header_text(subject) if subject is not None else None)
    except Exception:  # headers the parser cannot represent: the list still shows the row
        return None, None


def message_summary(session: Session, row: InboundMessage) -> dict:
    """One stored message as shown by ``messages list`` (no body: personal data stays in the DB)."""
    return inbound_message_public(session, row, headers_of=_headers_of).as_json()


@app.command("list")
def list_command(
    failed: bool = typer.Option(False, "--failed", help="Nur Nachrichten, deren Verarbeitung fehlgeschlagen ist."),
    output_format: OutputFormat = FORMAT_OPTION,
) -> None:
    """Gespeicherte Nachrichten auflisten, älteste zuerst, mit Status, Fehler und Beratungsfall."""
    with session_scope(runtime().engine) as session:
        query = select(InboundMessage).order_by(InboundMessage.id)
        if failed:
            query = query.where(InboundMessage.status == ProcessingStatus.FAILED)
        rows = [message_summary(session, row) for row in session.exec(query)]
    if output_format == OutputFormat.JSON:
        print_json(rows)
        return
    if not rows:
        typer.echo("Keine fehlgeschlagenen Nachrichten." if failed else "Keine Nachrichten gespeichert.")
        return
    for row in rows:
        reference = row["consultation"] or "—"
        line = f"{row['id']:>6}  {row['status']:<9} {row['channel']:<5} {reference:<14} {row['from'] or '—'}  "
        typer.echo(line + (row["subject"] or "(ohne Betreff)"))
        if row["error"]:
            typer.echo(f"        Fehler: {row['error']}")


@app.command("reprocess")
def reprocess_command(
    message_id: int | None = typer.Argument(None, metavar="ID", help="ID der gespeicherten Nachricht."),
    failed: bool = typer.Option(False, "--failed", help="Alle Nachrichten, deren Verarbeitung fehlgeschlagen ist."),
    output_format: OutputFormat = FORMAT_OPTION,
) -> None:
    """Eine Nachricht oder alle fehlgeschlagenen erneut verarbeiten (verarbeitete bleiben unverändert)."""
    if (message_id is None) == (not failed):
        fail("Bitte genau eines angeben: eine Nachrichten-ID oder --failed.", code=2)
    rt = runtime()
    with session_scope(rt.engine) as session:
        if failed:
            ids = failed_ids(session)
        elif session.get(InboundMessage, message_id) is None:
            fail(f"Eine Nachricht mit der ID {message_id} gibt es nicht.")
        else:
            ids = [message_id]
    results = []
    with running_queue(rt):  # embedded queue: acknowledgements of consultations opened now go out
        for inbound_id in ids:
            try:
                process_message(rt, inbound_id)  # the worker's own code, run here
            except Exception as error:  # transient (database/network): stays failed, try again later
                with session_scope(rt.engine) as session:
                    mark_failed(session, inbound_id, f"{type(error).__name__}: {error}")
            with session_scope(rt.engine) as session:
                results.append(message_summary(session, session.get(InboundMessage, inbound_id)))
    if output_format == OutputFormat.JSON:
        print_json(results)
    else:
        if not results:
            typer.echo("Keine fehlgeschlagenen Nachrichten.")
        for row in results:
            if row["status"] == ProcessingStatus.PROCESSED:
                typer.echo(f"{row['id']:>6}  verarbeitet → {row['consultation']}")
            else:
                typer.echo(f"{row['id']:>6}  weiterhin fehlerhaft: {row['error']}", err=True)
    if any(row["status"] != ProcessingStatus.PROCESSED for row in results):
        raise typer.Exit(1)
