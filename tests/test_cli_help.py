"""The CLI's help is German, like the web UI: every command, group, option and argument has a
help text, none of them reads English, and the strings Typer adds itself (usage line, panel
titles, the --help option, "[default: …]") are German too."""

from __future__ import annotations

import re

import pytest
import typer.main
from typer.testing import CliRunner

from eingang.cli.main import app

COMMAND = typer.main.get_command(app)

# Common English words that do not occur as German words (so "an", "die", "will", "also",
# "was", "in" are deliberately missing). Compared against whole words, lower-cased.
ENGLISH_WORDS = {
    "the", "of", "to", "and", "or", "with", "from", "for", "this", "that", "these", "is", "are",
    "be", "each", "into", "only", "without", "when", "which", "its", "their", "it", "by",
    "show", "list", "run", "print", "store", "read", "write", "set", "create", "delete", "display",
    "message", "messages", "exit", "file", "files", "user", "users", "account", "accounts",
    "usage", "options", "commands", "arguments", "default", "required", "error", "try",
    "log", "more", "detail", "output", "format", "new", "existing", "path",
    "per", "process", "processes", "target", "close", "closed", "reopen", "mark", "as", "done",
    "task", "tasks", "such", "reference", "again", "all", "one", "first", "after", "never",
}  # fmt: skip

# Strings Typer/Click would print in English; after translation none may remain.
BUILTIN_ENGLISH = [
    "Usage:", "Options", "Commands", "Arguments", "Show this message and exit.", "[default:",
    "[required]", "[env var:", "[OPTIONS]", "COMMAND [ARGS]",
]  # fmt: skip


def _is_group(command: object) -> bool:
    # typer bundles its own click, so duck-type instead of isinstance(click.Group)
    return hasattr(command, "commands")


def _walk(command: object, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], object]]:
    found = [(path, command)]
    if _is_group(command):
        for name, sub in command.commands.items():  # type: ignore[attr-defined]
            found.extend(_walk(sub, (*path, name)))
    return found


def english_words(text: str) -> set[str]:
    """English words in a help text. Literal values are exempt: `code`, „quoted“ text,
    --options, <types> and environment variable names."""
    text = re.sub(r"`[^`]*`|„[^“]*“|<[^>]*>|--?[\w-]+|\b[A-Z][A-Z0-9_]+\b", " ", text)
    return {word for word in re.findall(r"[A-Za-zÄÖÜäöüß]+", text.lower()) if word in ENGLISH_WORDS}


def _help_texts() -> list[tuple[str, str | None]]:
    """(where, help text) for every command, group, option and argument, including --help."""
    texts: list[tuple[str, str | None]] = []
    for path, command in _walk(COMMAND):
        name = " ".join(("eingang", *path))
        if getattr(command, "hidden", False):
            continue
        texts.append((name, command.help or command.short_help))  # type: ignore[attr-defined]
        ctx = command.make_context("eingang", [], resilient_parsing=True)  # type: ignore[attr-defined]
        for param in command.get_params(ctx):  # type: ignore[attr-defined]
            if getattr(param, "hidden", False):
                continue
            texts.append((f"{name} {param.opts[0] if param.opts else param.name}", getattr(param, "help", None)))
    return texts


def test_heuristic_tells_english_from_german():
    assert english_words("Show this message and exit.") == {"show", "this", "message", "and", "exit"}
    assert english_words("List user accounts.") == {"list", "user", "accounts"}
    assert english_words("Log more detail.") == {"log", "more", "detail"}
    assert not english_words("Die Hilfe anzeigen und beenden; alle Anmeldungen enden, wenn man will.")
    assert not english_words("Nur Fälle dieses Kanals („smtp“, „imap“, „file“, „chat“).")
    assert not english_words("Ohne EINGANG_REDIS_URL läuft der Worker eingebettet; siehe --format.")


def test_every_command_option_and_argument_has_german_help():
    texts = _help_texts()
    names = {where for where, _ in texts}
    assert {"eingang", "eingang users list", "eingang --verbose", "eingang users disable --help"} <= names
    missing = [where for where, text in texts if not (text and text.strip())]
    english = {where: sorted(english_words(text)) for where, text in texts if text and english_words(text)}
    assert not missing, f"ohne Hilfetext: {missing}"
    assert not english, f"englisch: {english}"


@pytest.mark.parametrize("path", [path for path, _ in _walk(COMMAND)], ids=lambda p: " ".join(p) or "eingang")
def test_rendered_help_has_no_english_builtin_strings(path: tuple[str, ...]):
    result = CliRunner().invoke(app, [*path, "--help"], prog_name="eingang", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    output = re.sub(r"\s+", " ", result.output)
    assert "Aufruf: eingang" in output
    assert "Diese Hilfe anzeigen und beenden." in output
    assert [s for s in BUILTIN_ENGLISH if s in output] == []


def test_usage_error_is_german():
    result = CliRunner().invoke(app, ["ingest"], prog_name="eingang", env={"COLUMNS": "200"})
    assert result.exit_code == 2
    output = re.sub(r"\s+", " ", result.output)
    assert "Aufruf: eingang ingest [OPTIONEN]" in output
    assert "Hilfe mit 'eingang ingest --help'." in output
    assert "Fehler" in output and "Usage" not in output and "Try " not in output


@pytest.mark.parametrize(
    ("args", "german"),
    [
        (["ingest"], "Argument 'paths' fehlt."),
        (["users", "lst"], "Unbekannter Befehl 'lst'. Meinten Sie 'list'?"),
        (["users", "list", "--frmat", "json"], "Unbekannte Option: --frmat. Meinten Sie --format?"),
        (["users", "list", "--format", "xml"], "Ungültiger Wert für '--format': 'xml' ist keiner der Werte"),
        (["tasks", "complete", "abc"], "Ungültiger Wert für 'task_id': erwartet wird eine ganze Zahl."),
        (["config", "show", "extra"], "Unerwartete zusätzliche Argumente: extra"),
    ],
)
def test_frequent_usage_errors_are_german(args: list[str], german: str):
    result = CliRunner().invoke(app, args, prog_name="eingang", env={"COLUMNS": "200"})
    assert result.exit_code == 2
    output = re.sub(r"\s+", " ", result.output)
    assert german in output
    assert [s for s in ("Missing", "No such", "Invalid value", "Got unexpected", "Did you mean") if s in output] == []
