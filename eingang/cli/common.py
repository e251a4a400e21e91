"""Helpers shared by the CLI command modules."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

import typer
from pydantic_core import to_jsonable_python

from casework import outbox
from casework.runtime import Runtime
from casework.workflow import WorkflowError
from eingang.runtime import build_runtime
from eingang.settings import Settings


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


FORMAT_OPTION = typer.Option(OutputFormat.TEXT, "--format", help="Ausgabeformat: text oder json.")


def runtime() -> Runtime:
    return build_runtime(Settings())


def print_json(data: Any) -> None:
    """Print ``data`` as JSON; public schemas (``models.public``) as the API sends them."""
    typer.echo(json.dumps(to_jsonable_python(data, by_alias=True, fallback=str), ensure_ascii=False, indent=2))


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"Fehler: {message}", err=True)
    raise typer.Exit(code)


def apply_workflow(action, success: str, *, rt: Runtime | None = None, **kwargs) -> None:
    """Run one workflow/task function in its own transaction; print ``success``, or the
    function's German error message with exit code 1. Mail it queued goes to the workers
    after the commit."""
    try:
        with outbox.transaction(rt or runtime()) as session:
            action(session, **kwargs)
    except WorkflowError as error:
        fail(str(error))
    typer.echo(success)
