"""``eingang config …``: what the running configuration is, and its documentation table."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import typer
from pydantic import SecretStr

from eingang.cli.common import FORMAT_OPTION, OutputFormat, print_json
from eingang.cli.german_help import GermanTyper
from eingang.settings import Settings

app = GermanTyper(help="Konfiguration anzeigen.", no_args_is_help=True)

MASK = "***"


def _masked(value: object) -> object:
    """Secrets (``SecretStr`` fields) as ``***``; a password inside a URL (database, Redis) too."""
    if isinstance(value, SecretStr):
        return MASK if value.get_secret_value() else ""
    if isinstance(value, str) and "://" in value:
        parts = urlsplit(value)
        if parts.password:
            host = parts.netloc.rpartition("@")[2]
            return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:{MASK}@{host}"))
    return value


def _default_text(name: str) -> str:
    field = Settings.model_fields[name]
    if name == "database_url":
        return "`sqlite:///<working dir>/eingang.db`"
    default = field.get_default(call_default_factory=True)
    if default is None or default == "" or default == []:
        return "unset"
    if isinstance(default, list):
        default = ",".join(str(item) for item in default)
    return f"`{default}`"


def settings_table() -> str:
    """The README's configuration table, generated from the Settings class."""
    lines = ["| variable | default | meaning |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        description = (field.description or "").replace("|", "\\|")
        lines.append(f"| `EINGANG_{name.upper()}` | {_default_text(name)} | {description} |")
    return "\n".join(lines)


@app.command("show")
def show(output_format: OutputFormat = FORMAT_OPTION) -> None:
    """Die wirksame Konfiguration anzeigen (Geheimnisse maskiert)."""
    settings = Settings()
    values = {f"EINGANG_{name.upper()}": _masked(getattr(settings, name)) for name in Settings.model_fields}
    if output_format == OutputFormat.JSON:
        print_json(values)
        return
    for name, value in values.items():
        typer.echo(f"{name}={'' if value is None else value}")


@app.command("table")
def table() -> None:
    """Die Konfigurationstabelle für die README ausgeben (Markdown)."""
    typer.echo(settings_table())
