"""``eingang consultations …``: listing, inspecting and working on consultations.

Every command calls the same workflow functions as the web app (``casework.workflow``,
``casework.answers``); the audit log names the operator given with ``--actor``."""

from __future__ import annotations

import getpass
import sys

import typer

from casework.answers import send_answer
from casework.listing import list_rows
from casework.queries import list_consultations
from casework.workflow import (
    WorkflowError,
    add_note,
    allowed_transitions,
    assign,
    change_status,
    close,
    confirm_authority,
    confirm_topics,
    load_consultation,
    machine_topics,
    reopen,
    set_priority,
)
from eingang.cli.common import FORMAT_OPTION, OutputFormat, apply_workflow, fail, print_json, runtime
from eingang.cli.german_help import GermanTyper
from models import ConsultationStatus, Direction, session_scope
from models.public import consultation_detail as public_detail
from queue_workers.worker import running_queue

app = GermanTyper(help="Beratungsfälle anzeigen und bearbeiten.", no_args_is_help=True)

ACTOR_OPTION = typer.Option(
    None, "--actor", help="Wer handelt (Benutzername für das Änderungsprotokoll; Standard: cli:<Anmeldename>)."
)
REFERENCE = typer.Argument(..., help="Aktenzeichen, z. B. KV-2026-00042.")


def actor_name(actor: str | None) -> str:
    if actor:
        return actor
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no login name in some containers
        return "cli"


@app.command("list")
def list_command(
    output_format: OutputFormat = FORMAT_OPTION,
    status: list[str] = typer.Option(None, "--status", help="Nur Fälle mit diesem Status (wiederholbar)."),
    limit: int = typer.Option(0, "--limit", help="Höchstens so viele (0 = alle)."),
) -> None:
    """Beratungsfälle auflisten, neueste zuerst."""
    rt = runtime()
    with session_scope(rt.engine) as session:
        found = list_consultations(session, statuses=status, limit=limit or None)
        rows = [row.as_json() for row in list_rows(session, rt.settings, found, rt.taxonomy.labels)]
    if output_format == OutputFormat.JSON:
        print_json(rows)
        return
    for row in rows:
        authority = row["authority"]["name"] if row["authority"] else "—"
        topics = ", ".join(topic["id"] for topic in row["topics"]) or "—"
        typer.echo(f"{row['reference']}  {row['status']:<24} {authority:<30} {topics:<35} {row['subject']}")


def consultation_detail(session, reference: str, labels: dict[str, str]) -> dict:
    """Everything about one consultation (``models.public.ConsultationDetail``, as the API shows it)."""
    row = load_consultation(session, reference)
    detail = public_detail(
        session,
        row,
        labels,
        machine_topics=machine_topics(session, row),
        allowed_transitions=allowed_transitions(row.status),
    )
    return detail.as_json()


@app.command("show")
def show(reference: str = REFERENCE, output_format: OutputFormat = FORMAT_OPTION) -> None:
    """Einen Beratungsfall mit Nachrichten, Aufgaben, Notizen und Änderungsprotokoll anzeigen."""
    rt = runtime()
    with session_scope(rt.engine) as session:
        try:
            detail = consultation_detail(session, reference, rt.taxonomy.labels)
        except WorkflowError as error:
            fail(str(error))
    if output_format == OutputFormat.JSON:
        print_json(detail)
        return
    authority = detail["authority"]["name"] if detail["authority"] else "—"
    local = _local_formatter()
    typer.echo(f"{detail['reference']}  {detail['subject']}")
    typer.echo(
        f"  Status: {detail['status']}   Priorität: {detail['priority']}   Zuständig: {detail['assignee'] or '—'}"
    )
    typer.echo(f"  Behörde: {authority}{' (bestätigt)' if detail['authority_confirmed'] else ''}")
    topics = ", ".join(topic["id"] for topic in detail["topics"]) or "—"
    typer.echo(f"  Themen: {topics}{' (bestätigt)' if detail['topics_confirmed'] else ''}")
    typer.echo(f"  Absender: {detail['sender'] or '—'}   Eingang: {local(detail['received_at'])}")
    typer.echo(f"  Erste Antwort: {local(detail['first_response_at'])}")
    typer.echo("Nachrichten:")
    for m in detail["messages"]:
        arrow = "←" if m["direction"] == Direction.INBOUND else "→"
        typer.echo(f"  {arrow} {local(m['sent_at'])}  {m['sender'] or '—'}: {m['subject']}")
    typer.echo("Aufgaben:")
    for t in detail["tasks"]:
        typer.echo(f"  [{t['id']}] {t['due']}  {t['status']:<9} {t['title']}  ({t['assignee'] or '—'})")
    if detail["notes"]:
        typer.echo("Notizen:")
        for n in detail["notes"]:
            typer.echo(f"  {local(n['created_at'])}  {n['author']}: {n['text']}")
    typer.echo("Verlauf:")
    for at, actor, sentence in _audit_sentences(detail):
        typer.echo(f"  {at}  {actor:<16} {sentence}")


def _local_formatter():
    """ISO time (UTC, as in the JSON output) -> local time for people (``EINGANG_LOCAL_TIMEZONE``)."""
    from datetime import datetime

    from web.templating import format_local

    zone = runtime().settings.local_timezone
    return lambda value: format_local(datetime.fromisoformat(value), zone) if value else "—"


def _audit_sentences(detail: dict) -> list[tuple[str, str, str]]:
    """The audit trail as the case page shows it: local time, actor, German sentence."""
    from datetime import datetime
    from types import SimpleNamespace

    from web.audit_view import AuditContext, describe
    from web.templating import AUDIT_LABELS, format_local

    rt = runtime()
    zone, taxonomy = rt.settings.local_timezone, rt.taxonomy
    titles = {t["id"]: t["title"] for t in detail["tasks"]}
    context = AuditContext(
        topic_label=lambda topic: taxonomy.label(topic) if topic in taxonomy.ids else topic,
        authority_name=lambda key: None,
        task_titles=titles,
        format_time=lambda value: format_local(value, zone),
    )
    return [
        (
            format_local(datetime.fromisoformat(e["at"]), zone),
            e["actor"],
            describe(SimpleNamespace(**e), context, AUDIT_LABELS),
        )
        for e in detail["audit"]
    ]


@app.command("status")
def status_command(
    reference: str = REFERENCE,
    status: str = typer.Argument(..., help="neu, in_bearbeitung, wartet_auf_rueckmeldung, beantwortet, abgeschlossen"),
    reason: str = typer.Option(None, "--reason", help="Begründung (steht im Änderungsprotokoll)."),
    actor: str = ACTOR_OPTION,
) -> None:
    """Den Status ändern (nur entlang der erlaubten Übergänge)."""
    apply_workflow(
        change_status,
        f"{reference}: Status ist jetzt „{status}“.",
        consultation=reference,
        actor=actor_name(actor),
        status=status,
        reason=reason,
    )


@app.command("close")
def close_command(
    reference: str = REFERENCE,
    reason: str = typer.Option(None, "--reason", help="Begründung (steht im Änderungsprotokoll)."),
    actor: str = ACTOR_OPTION,
) -> None:
    """Einen Beratungsfall abschließen (Status abgeschlossen)."""
    apply_workflow(
        close, f"{reference} ist abgeschlossen.", consultation=reference, actor=actor_name(actor), reason=reason
    )


@app.command("reopen")
def reopen_command(reference: str = REFERENCE, actor: str = ACTOR_OPTION) -> None:
    """Einen abgeschlossenen Beratungsfall wieder öffnen."""
    apply_workflow(reopen, f"{reference} ist wieder in Bearbeitung.", consultation=reference, actor=actor_name(actor))


@app.command("assign")
def assign_command(
    reference: str = REFERENCE,
    assignee: str = typer.Argument(
        ..., help="Benutzername der Beraterin oder des Beraters; „-“ entfernt die Zuweisung."
    ),
    actor: str = ACTOR_OPTION,
) -> None:
    """Dem Beratungsfall eine Beraterin oder einen Berater (ein Benutzerkonto) zuweisen."""
    who = None if assignee == "-" else assignee
    apply_workflow(
        assign,
        f"{reference}: zuständig ist jetzt {who or 'niemand'}.",
        consultation=reference,
        actor=actor_name(actor),
        assignee=who,
    )


@app.command("priority")
def priority_command(
    reference: str = REFERENCE,
    priority: str = typer.Argument(..., help="normal, hoch oder dringend"),
    actor: str = ACTOR_OPTION,
) -> None:
    """Die Priorität setzen."""
    apply_workflow(
        set_priority,
        f"{reference}: Priorität ist jetzt „{priority}“.",
        consultation=reference,
        actor=actor_name(actor),
        priority=priority,
    )


@app.command("note")
def note_command(
    reference: str = REFERENCE,
    text: str = typer.Argument(..., help="Text der internen Notiz."),
    actor: str = ACTOR_OPTION,
) -> None:
    """Eine interne Notiz hinzufügen (wird nie an die Kommune gesendet)."""
    apply_workflow(
        add_note, f"{reference}: Notiz gespeichert.", consultation=reference, actor=actor_name(actor), text=text
    )


@app.command("confirm-topics")
def confirm_topics_command(
    reference: str = REFERENCE,
    topic: list[str] = typer.Option(
        None, "--topic", help="Korrigiertes Thema (wiederholbar); ohne Angabe wird der Vorschlag bestätigt."
    ),
    actor: str = ACTOR_OPTION,
) -> None:
    """Die vorgeschlagenen Themen bestätigen oder mit --topic korrigieren (wird Trainingsbeispiel)."""
    rt = runtime()
    apply_workflow(
        confirm_topics,
        f"{reference}: Themen {'korrigiert' if topic else 'bestätigt'}.",
        rt=rt,
        consultation=reference,
        actor=actor_name(actor),
        taxonomy=rt.taxonomy,
        topics=topic or None,
    )


@app.command("confirm-authority")
def confirm_authority_command(
    reference: str = REFERENCE,
    key: str = typer.Option(
        None, "--key", help="Korrigierter Behördenschlüssel (AGS); ohne Angabe wird die Zuordnung bestätigt."
    ),
    actor: str = ACTOR_OPTION,
) -> None:
    """Die zugeordnete Behörde bestätigen oder mit --key korrigieren; die Absenderadresse wird gemerkt."""
    apply_workflow(
        confirm_authority,
        f"{reference}: Behörde {'korrigiert' if key else 'bestätigt'}.",
        consultation=reference,
        actor=actor_name(actor),
        authority_key=key,
    )


@app.command("answer")
def answer_command(
    reference: str = REFERENCE,
    text: str = typer.Option(
        None, "--text", help="Text der Antwort; ohne Angabe wird er von der Standardeingabe gelesen."
    ),
    waiting: bool = typer.Option(False, "--waiting", help="Die Antwort fragt zurück: Status wartet_auf_rueckmeldung."),
    to: list[str] = typer.Option(
        None, "--to", help="Empfänger (mehrfach möglich); ohne Angabe die Kontakte des Falls. Wird Kontakt des Falls."
    ),
    cc: list[str] = typer.Option(None, "--cc", help="Kopie an (mehrfach möglich). Wird Kontakt des Falls."),
    actor: str = ACTOR_OPTION,
) -> None:
    """Der Kommune eine Antwort senden (über EINGANG_RELAY_HOST) und im Fall festhalten."""
    body = text if text is not None else sys.stdin.read()
    rt = runtime()
    with running_queue(rt):  # embedded queue: the answer is delivered before the command ends
        apply_workflow(
            send_answer,
            f"{reference}: Antwort versendet.",
            rt=rt,
            consultation=reference,
            actor=actor_name(actor),
            body=body,
            settings=rt.settings,
            status=ConsultationStatus.WAITING if waiting else ConsultationStatus.ANSWERED,
            to=to or None,
            cc=cc or None,
        )
