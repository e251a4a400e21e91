"""``eingang privacy …``: erasing personal data on request and after the retention period."""

from __future__ import annotations

from datetime import timedelta

import typer

from eingang.cli.common import FORMAT_OPTION, OutputFormat, fail, print_json, runtime
from eingang.cli.german_help import GermanTyper
from models import session_scope, utcnow
from models.erasure import closed_before, erase_consultation, erase_consultations, erase_sender

app = GermanTyper(help="Datenschutz: personenbezogene Daten löschen.", no_args_is_help=True)

ACTOR_OPTION = typer.Option("admin", "--actor", help="Wer löscht (steht im Änderungsprotokoll).")
YES_OPTION = typer.Option(False, "--yes", help="Wirklich löschen (ohne diese Option ändert sich nichts).")


def _report(report, output_format: OutputFormat) -> None:
    if output_format == OutputFormat.JSON:
        print_json(report.as_dict())
        return
    references = ", ".join(report.consultations) or "keine"
    typer.echo(
        f"Gelöscht: Beratungsfälle {references}; {report.inbound_messages} gespeicherte Nachrichten; "
        f"{report.known_senders} Absendereinträge."
    )


@app.command("erase-consultation")
def erase_consultation_command(
    reference: str = typer.Argument(..., help="Aktenzeichen, z. B. KV-2026-00042."),
    actor: str = ACTOR_OPTION,
    yes: bool = YES_OPTION,
    output_format: OutputFormat = FORMAT_OPTION,
) -> None:
    """Einen Beratungsfall mit allen Nachrichten, Anhängen, Chats, Aufgaben und Notizen löschen."""
    if not yes:
        fail(f"{reference} würde unwiderruflich gelöscht. Zum Bestätigen --yes angeben.")
    try:
        with session_scope(runtime().engine) as session:
            report = erase_consultation(session, reference=reference, actor=actor)
    except LookupError as error:
        fail(str(error))
    _report(report, output_format)


@app.command("erase-sender")
def erase_sender_command(
    address: str = typer.Argument(..., help="E-Mail-Adresse des Absenders."),
    actor: str = ACTOR_OPTION,
    yes: bool = YES_OPTION,
    output_format: OutputFormat = FORMAT_OPTION,
) -> None:
    """Alles löschen, was von oder über eine E-Mail-Adresse gespeichert ist."""
    if not yes:
        fail(f"Alle Daten zu {address} würden unwiderruflich gelöscht. Zum Bestätigen --yes angeben.")
    try:
        with session_scope(runtime().engine) as session:
            report = erase_sender(session, address=address, actor=actor)
    except ValueError as error:
        fail(str(error))
    _report(report, output_format)


@app.command("purge")
def purge_command(
    closed_days: int = typer.Option(
        ..., "--closed-days", min=1, help="Fälle löschen, die vor mindestens so vielen Tagen abgeschlossen wurden."
    ),
    actor: str = ACTOR_OPTION,
    yes: bool = YES_OPTION,
    output_format: OutputFormat = FORMAT_OPTION,
) -> None:
    """Aufbewahrungsfrist: Beratungsfälle löschen, die vor mehr als N Tagen abgeschlossen wurden."""
    with session_scope(runtime().engine) as session:
        due = closed_before(session, utcnow() - timedelta(days=closed_days))
        if not yes:
            typer.echo(f"{len(due)} abgeschlossene Beratungsfälle würden gelöscht. Zum Bestätigen --yes angeben.")
            return
        report = erase_consultations(session, due, actor=actor)
    _report(report, output_format)
