"""``eingang gazetteer …``: load a newer version of the Thuringian gazetteer into the database.

The files are validated first; a malformed directory changes nothing. The loaded version is
stored in the database (table ``gazetteer_version``, with the CSV texts) and the normalised
tables ``municipality``, ``district`` and ``administrative_association`` are replaced, so every
worker and the web app link against it from their next message on — no restart, no shared files."""

from __future__ import annotations

from pathlib import Path

import typer

from casework.gazetteers import latest_gazetteer_version
from classifiers.gazetteer import GazetteerError, read_gazetteer_files
from eingang.cli.common import FORMAT_OPTION, OutputFormat, fail, print_json, runtime
from eingang.cli.german_help import GermanTyper
from models import session_scope
from models.linking import GazetteerVersion

app = GermanTyper(help="Gazetteer der Thüringer Behörden laden und anzeigen.", no_args_is_help=True)


@app.command("load")
def load(
    directory: Path = typer.Argument(
        ...,
        help="Verzeichnis mit gemeinden.csv, kreise.csv, verwaltungsgemeinschaften.csv (und ehemalige_gemeinden.csv).",
    ),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Einen Gazetteer-Ordner prüfen und als die Version laden, die die Behördenzuordnung nutzt."""
    rt = runtime()
    try:
        texts = read_gazetteer_files(directory)
        with session_scope(rt.engine) as session:
            version = rt.gazetteers.store(session, texts, source=str(directory.resolve()))
            summary = {"version": version.id, "checksum": version.checksum, "source": version.source, **version.counts}
    except GazetteerError as error:
        fail(f"Gazetteer nicht geladen, nichts wurde geändert. {error}")
        return
    if output == OutputFormat.JSON:
        print_json(summary)
        return
    typer.echo(
        f"Gazetteer-Version {summary['version']} geladen: {summary['municipalities']} Gemeinden, "
        f"{summary['districts']} Kreise, {summary['associations']} Verwaltungsgemeinschaften, "
        f"{summary['former_municipalities']} ehemalige Gemeinden. Der Linker verwendet sie ab der nächsten Nachricht."
    )


@app.command("show")
def show(output: OutputFormat = FORMAT_OPTION) -> None:
    """Anzeigen, welche Gazetteer-Version die Behördenzuordnung nutzt."""
    rt = runtime()
    with session_scope(rt.engine) as session:
        latest = latest_gazetteer_version(session)
        version = session.get(GazetteerVersion, latest[0]) if latest else None
        summary = (
            {"version": version.id, "loaded_at": version.loaded_at, "source": version.source, **version.counts}
            if version
            else {"version": None, "source": "mitgeliefert (classifiers/data/thueringen)"}
        )
    if output == OutputFormat.JSON:
        print_json(summary)
    elif version is None:
        typer.echo("Der Linker verwendet den mitgelieferten Gazetteer (classifiers/data/thueringen).")
    else:
        typer.echo(
            f"Gazetteer-Version {summary['version']} vom {summary['loaded_at']:%d.%m.%Y %H:%M}, "
            f"aus {summary['source']}."
        )
