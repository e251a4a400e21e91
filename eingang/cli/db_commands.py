"""``eingang db …``: schema migrations and reference data."""

from __future__ import annotations

import typer
from sqlalchemy import inspect

from casework.gazetteers import sync_gazetteer
from eingang.cli.common import runtime
from eingang.cli.german_help import GermanTyper
from models import session_scope
from models.migrate import upgrade_database

app = GermanTyper(help="Datenbank: Migrationen anwenden.", no_args_is_help=True)


@app.command("upgrade")
def upgrade(revision: str = typer.Argument("head", help="Ziel-Revision (Alembic).")) -> None:
    """Alle Migrationen anwenden und den mitgelieferten Gazetteer laden."""
    rt = runtime()
    upgrade_database(rt.engine, revision)
    with session_scope(rt.engine) as session:
        # a gazetteer loaded with `eingang gazetteer load` stays in force (table exists from revision 0004)
        versioned = inspect(rt.engine).has_table("gazetteer_version")
        counts = sync_gazetteer(session, rt.gazetteers.current(session) if versioned else rt.gazetteers.packaged)
    typer.echo(
        f"Datenbank ist auf Stand {revision}; Gazetteer geladen: {counts['municipalities']} Gemeinden, "
        f"{counts['districts']} Kreise, {counts['associations']} Verwaltungsgemeinschaften."
    )


@app.command("reindex")
def reindex() -> None:
    """Suchindex aller Beratungsfälle neu aufbauen (nach Massenimporten oder Änderungen der Suchregeln)."""
    from models.search import rebuild_search_index

    rt = runtime()
    with session_scope(rt.engine) as session:
        count = rebuild_search_index(session)
    typer.echo(f"Suchindex neu aufgebaut: {count} Beratungsfälle.")
