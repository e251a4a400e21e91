"""The ``eingang`` command line. Commands are thin: they build a Runtime from Settings and
call the same functions the workers and the web app use."""

from __future__ import annotations

import logging

import typer

from eingang.cli import (
    classifier_commands,
    consultation_commands,
    db_commands,
    imap_commands,
    intake_commands,
    message_commands,
    queue_commands,
    task_commands,
)

app = typer.Typer(
    help="Eingang — Eingangsassistent des Kompetenzzentrums Verwaltung 4.0.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(db_commands.app, name="db")
app.add_typer(consultation_commands.app, name="consultations")
intake_commands.register(app)
classifier_commands.register(app)
imap_commands.register(app)
app.add_typer(message_commands.app, name="messages")
app.add_typer(task_commands.app, name="tasks")
queue_commands.register(app)
from eingang.cli import user_commands  # noqa: E402

app.add_typer(user_commands.app, name="users")
from eingang.cli import config_commands  # noqa: E402

app.add_typer(config_commands.app, name="config")
from eingang.cli import privacy_commands  # noqa: E402

app.add_typer(privacy_commands.app, name="privacy")
from eingang.cli import gazetteer_commands  # noqa: E402

app.add_typer(gazetteer_commands.app, name="gazetteer")
from eingang.cli import conformance_commands  # noqa: E402

conformance_commands.register(app)


@app.callback()
def _configure(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log more detail.")) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for noisy in ("alembic", "spacy", "mail.log"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose else logging.WARNING)


if __name__ == "__main__":  # pragma: no cover
    app()
