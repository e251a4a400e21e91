"""``eingang config …``: what the running configuration is, and its documentation table."""

from __future__ import annotations

import typer

from eingang.cli.common import FORMAT_OPTION, OutputFormat, print_json
from eingang.settings import Settings

app = typer.Typer(help="Konfiguration anzeigen.", no_args_is_help=True)

_SECRET_MARKERS = ("password", "secret", "token", "key")


def _is_secret(name: str) -> bool:
    return any(marker in name for marker in _SECRET_MARKERS) and not name.endswith("_path")


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
    """Show the effective configuration (secrets masked)."""
    settings = Settings()
    values = {
        f"EINGANG_{name.upper()}": ("***" if _is_secret(name) and value else value)
        for name, value in settings.model_dump().items()
    }
    if output_format == OutputFormat.JSON:
        print_json(values)
        return
    for name, value in values.items():
        typer.echo(f"{name}={'' if value is None else value}")


@app.command("table")
def table() -> None:
    """Print the configuration table for the README (Markdown)."""
    typer.echo(settings_table())
