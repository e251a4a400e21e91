"""The ``eingang`` command line. Commands are thin: they build a Runtime from Settings and
call the same functions the workers and the web app use."""

from __future__ import annotations

import typer

from eingang.cli import (
    classifier_commands,
    config_commands,
    consultation_commands,
    db_commands,
    export_commands,
    gazetteer_commands,
    imap_commands,
    intake_commands,
    message_commands,
    privacy_commands,
    queue_commands,
    task_commands,
    user_commands,
)
from eingang.cli.german_help import GermanTyper

app = GermanTyper(
    help="Eingang — Eingangsassistent des Kompetenzzentrums Verwaltung 4.0.",
    no_args_is_help=True,
    add_completion=False,
)
# Top-level commands: serve, worker, ingest, imap-poll, scheduler, train, evaluate, …
for module in (intake_commands, imap_commands, queue_commands, classifier_commands):
    module.register(app)
# Command groups.
for name, module in (
    ("db", db_commands),
    ("consultations", consultation_commands),
    ("messages", message_commands),
    ("tasks", task_commands),
    ("users", user_commands),
    ("gazetteer", gazetteer_commands),
    ("privacy", privacy_commands),
    ("config", config_commands),
    ("export", export_commands),
):
    app.add_typer(module.app, name=name)


@app.callback()
def _configure(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Ausführlicher protokollieren (Debug-Meldungen)."),
) -> None:
    from eingang.logs import configure_logging
    from eingang.settings import get_settings

    try:
        log_format = get_settings().log_format
    except Exception:  # invalid settings are reported by the command itself, in text
        log_format = "text"
    configure_logging(log_format, verbose=verbose)


if __name__ == "__main__":  # pragma: no cover
    app()
