"""``eingang consultations …``: listing and inspecting consultations."""

from __future__ import annotations

import typer

from eingang.cli.common import FORMAT_OPTION, OutputFormat, print_json, runtime
from models import session_scope
from models.queries import consultation_summary, list_consultations

app = typer.Typer(help="Beratungsfälle anzeigen und bearbeiten.", no_args_is_help=True)


@app.command("list")
def list_command(
    output_format: OutputFormat = FORMAT_OPTION,
    status: list[str] = typer.Option(None, "--status", help="Only these statuses (repeatable)."),
    limit: int = typer.Option(0, "--limit", help="At most this many (0 = all)."),
) -> None:
    """List consultations, newest first."""
    with session_scope(runtime().engine) as session:
        rows = [
            consultation_summary(session, c) for c in list_consultations(session, statuses=status, limit=limit or None)
        ]
    if output_format == OutputFormat.JSON:
        print_json(rows)
        return
    for row in rows:
        authority = row["municipality"]["name"] if row["municipality"] else "—"
        topics = ", ".join(row["topics"]) or "—"
        typer.echo(f"{row['reference']}  {row['status']:<24} {authority:<30} {topics:<35} {row['subject']}")
