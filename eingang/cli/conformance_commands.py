"""``eingang conformance DIR``: the parser measured against other mail parsers' test corpora."""

from __future__ import annotations

from pathlib import Path

import typer

from eingang.cli.common import FORMAT_OPTION, OutputFormat, fail, print_json
from intake.conformance import check_corpus, format_table


def register(app: typer.Typer) -> None:
    app.command("conformance")(conformance)


def conformance(
    directory: Path = typer.Argument(..., help="Korpus-Verzeichnis, z. B. ../shared/corpora (wird nur gelesen)."),
    output_format: OutputFormat = FORMAT_OPTION,
) -> None:
    """Alle Mails eines Korpus parsen und mit den mitgelieferten Erwartungen (Zammad) vergleichen:
    Abstürze, Übereinstimmung je Feld (from, to, subject, body, attachments) und jede Abweichung
    mit Begründung."""
    if not directory.is_dir():
        fail(f"Verzeichnis {directory} nicht gefunden.")
    report = check_corpus(directory.resolve())
    if report.mails == 0:
        fail(f"In {directory} wurden keine Mails gefunden.")
    if output_format == OutputFormat.JSON:
        print_json(report.as_json())
    else:
        typer.echo(format_table(report))
