"""``eingang tasks …``: follow-up tasks — list, complete, postpone, assign, add by hand."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

import typer

from casework.tasks import add_task, assign_task, complete_task, list_tasks, postpone_task, task_summary
from casework.workflow import WorkflowError
from eingang.cli.common import FORMAT_OPTION, OutputFormat, apply_workflow, fail, print_json, runtime
from eingang.cli.consultation_commands import ACTOR_OPTION, actor_name
from eingang.cli.german_help import GermanTyper
from models import TaskStatus, session_scope

app = GermanTyper(help="Folgeaufgaben anzeigen und bearbeiten.", no_args_is_help=True)


class DueFilter(StrEnum):
    TODAY = "today"
    ALL = "all"


def _today(rt) -> date:
    return datetime.now(ZoneInfo(rt.settings.local_timezone)).date()


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    fail(f"Unbekanntes Datum „{value}“ (erwartet JJJJ-MM-TT oder TT.MM.JJJJ).")
    return None


@app.command("list")
def list_command(
    due: DueFilter = typer.Option(DueFilter.ALL, "--due", help="„today“: nur heute fällige Aufgaben."),
    overdue: bool = typer.Option(False, "--overdue", help="Nur überfällige Aufgaben."),
    assignee: str = typer.Option(
        None, "--assignee", help="Nur Aufgaben dieser Person (eigene oder über den Beratungsfall)."
    ),
    reference: str = typer.Option(None, "--consultation", help="Nur Aufgaben dieses Beratungsfalls (Aktenzeichen)."),
    all_statuses: bool = typer.Option(False, "--all", help="Auch erledigte und abgebrochene Aufgaben."),
    output_format: OutputFormat = FORMAT_OPTION,
) -> None:
    """Offene Folgeaufgaben auflisten, früheste Fälligkeit zuerst."""
    rt = runtime()
    today = _today(rt)
    try:
        with session_scope(rt.engine) as session:
            rows = list_tasks(
                session,
                due_on=today if due == DueFilter.TODAY else None,
                overdue_before=today if overdue else None,
                assignee=assignee,
                consultation=reference,
                status=None if all_statuses else TaskStatus.OPEN,
            )
            items = [task_summary(session, task, consultation).as_json() for task, consultation in rows]
    except WorkflowError as error:
        fail(str(error))
    if output_format == OutputFormat.JSON:
        print_json(items)
        return
    if not items:
        typer.echo("Keine Aufgaben.")
    for item in items:
        late = " ÜBERFÄLLIG" if item["status"] == TaskStatus.OPEN and item["due"] < today.isoformat() else ""
        typer.echo(
            f"[{item['id']}] {item['due']}{late}  {item['reference']}  {item['title']}  ({item['assignee'] or '—'})"
        )


@app.command("complete")
def complete(task_id: int = typer.Argument(..., help="ID der Aufgabe."), actor: str = ACTOR_OPTION) -> None:
    """Eine Aufgabe als erledigt markieren."""
    apply_workflow(complete_task, f"Aufgabe {task_id} erledigt.", task_id=task_id, actor=actor_name(actor))


@app.command("postpone")
def postpone(
    task_id: int = typer.Argument(..., help="ID der Aufgabe."),
    reason: str = typer.Option(..., "--reason", help="Warum die Aufgabe verschoben wird (Pflicht)."),
    until: str = typer.Option(None, "--until", help="Neues Fälligkeitsdatum (JJJJ-MM-TT oder TT.MM.JJJJ)."),
    days: int = typer.Option(None, "--days", help="Oder: so viele Arbeitstage später."),
    actor: str = ACTOR_OPTION,
) -> None:
    """Eine Aufgabe auf ein neues Datum oder um Arbeitstage verschieben, mit Begründung."""
    rt = runtime()
    apply_workflow(
        postpone_task,
        f"Aufgabe {task_id} verschoben.",
        task_id=task_id,
        actor=actor_name(actor),
        reason=reason,
        due=_parse_date(until),
        working_days=days,
        today=_today(rt),
    )


@app.command("assign")
def assign(
    task_id: int = typer.Argument(..., help="ID der Aufgabe."),
    assignee: str = typer.Argument(..., help="Benutzername; „-“ entfernt die eigene Zuweisung der Aufgabe."),
    actor: str = ACTOR_OPTION,
) -> None:
    """Eine Aufgabe einer Beraterin oder einem Berater zuweisen."""
    who = None if assignee == "-" else assignee
    apply_workflow(
        assign_task,
        f"Aufgabe {task_id}: zuständig {who or '—'}.",
        task_id=task_id,
        actor=actor_name(actor),
        assignee=who,
    )


@app.command("add")
def add(
    reference: str = typer.Argument(..., help="Aktenzeichen des Beratungsfalls."),
    title: str = typer.Argument(..., help="Was zu tun ist."),
    until: str = typer.Option(None, "--until", help="Fälligkeitsdatum (JJJJ-MM-TT oder TT.MM.JJJJ)."),
    days: int = typer.Option(None, "--days", help="Oder: fällig in so vielen Arbeitstagen (Standard 5)."),
    assignee: str = typer.Option(None, "--assignee", help="Benutzername der Beraterin oder des Beraters."),
    actor: str = ACTOR_OPTION,
    output_format: OutputFormat = FORMAT_OPTION,
) -> None:
    """Einem Beratungsfall von Hand eine Aufgabe hinzufügen."""
    rt = runtime()
    try:
        with session_scope(rt.engine) as session:
            task = add_task(
                session,
                consultation=reference,
                actor=actor_name(actor),
                title=title,
                due=_parse_date(until),
                due_working_days=days,
                assignee=assignee,
                today=_today(rt),
            )
            item = task_summary(session, task).as_json()
    except WorkflowError as error:
        fail(str(error))
    if output_format == OutputFormat.JSON:
        print_json(item)
    else:
        typer.echo(f"Aufgabe {item['id']} angelegt, fällig am {item['due']}.")
