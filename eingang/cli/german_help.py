"""German for the strings Typer adds to the CLI's help itself.

Typer (0.29) bundles its own copy of Click whose strings are plain English literals, not
gettext messages, so no translation catalogue can be installed for them. Instead the CLI
builds its commands with these subclasses, which set the usage line, the ``--help`` option
and the metavars, and overrides the panel titles Typer's help renderer reads from
``typer.rich_utils`` at render time. Left in English (from the library, documented in the
README): the type hints in angle brackets (``<str>``, ``<int>``, ``<bool>``) and Click's rarer
error messages; its frequent usage errors ("Missing argument …", "No such option …") are
translated when shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import typer
import typer.rich_utils as rich_utils
from typer._click.exceptions import ClickException  # typer's bundled Click
from typer.core import TyperCommand, TyperGroup

HELP_OPTION_TEXT = "Diese Hilfe anzeigen und beenden."
USAGE_PREFIX = "Aufruf: "
OPTIONS_METAVAR = "[OPTIONEN]"
SUBCOMMAND_METAVAR = "BEFEHL [ARGUMENTE]..."

rich_utils.ARGUMENTS_PANEL_TITLE = "Argumente"
rich_utils.OPTIONS_PANEL_TITLE = "Optionen"
rich_utils.COMMANDS_PANEL_TITLE = "Befehle"
rich_utils.ERRORS_PANEL_TITLE = "Fehler"
rich_utils.ABORTED_TEXT = "Abgebrochen."
rich_utils.DEPRECATED_STRING = "(veraltet) "
rich_utils.DEFAULT_STRING = "[Standard: {}]"
rich_utils.ENVVAR_STRING = "[Umgebungsvariable: {}]"
rich_utils.REQUIRED_LONG_STRING = "[erforderlich]"
rich_utils.RICH_HELP = "Hilfe mit [blue]'{command_path} {help_option}'[/]."
# The renderer highlights the usage prefix by a pattern; teach it the German one.
_USAGE_PATTERN = r"(?P<usage>" + USAGE_PREFIX + ")"
if _USAGE_PATTERN not in rich_utils.OptionHighlighter.highlights:
    rich_utils.OptionHighlighter.highlights.append(_USAGE_PATTERN)


def _unwrap(text: str | None) -> str | None:
    """Join the lines of each paragraph of a docstring: the help renderer keeps single line
    breaks, so a docstring wrapped at the source's line length would break mid-sentence."""
    if not text:
        return text
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()))


class _GermanHelp:
    """Mixed into Typer's command and group classes."""

    help: str | None

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=USAGE_PREFIX)


class GermanCommand(_GermanHelp, TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _unwrap(self.help)
        if self.options_metavar == "[OPTIONS]":
            self.options_metavar = OPTIONS_METAVAR


class GermanGroup(_GermanHelp, TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _unwrap(self.help)
        if self.options_metavar == "[OPTIONS]":
            self.options_metavar = OPTIONS_METAVAR
        if self.subcommand_metavar == "COMMAND [ARGS]...":
            self.subcommand_metavar = SUBCOMMAND_METAVAR


class GermanTyper(typer.Typer):
    """``typer.Typer`` whose groups and commands print German help."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", GermanGroup)
        super().__init__(**kwargs)

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", GermanCommand)
        return super().command(*args, **kwargs)


# Click's parse errors are English literals too; the frequent ones are translated when shown.
def _hint(suggestion: str | None) -> str:
    return f" Meinten Sie {suggestion}?" if suggestion else ""


_ERRORS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"Missing argument (.+)\.$"), lambda m: f"Argument {m[1]} fehlt."),
    (re.compile(r"Missing option (.+)\.$"), lambda m: f"Option {m[1]} fehlt."),
    (re.compile(r"Missing command\.$"), lambda m: "Befehl fehlt."),
    (
        re.compile(r"No such command (.+?)\.(?: Did you mean (.+)\?)?$"),
        lambda m: f"Unbekannter Befehl {m[1]}.{_hint(m[2])}",
    ),
    (
        re.compile(r"No such option: (\S+)(?: Did you mean (.+)\?| \(Possible options: (.+)\))?$"),
        lambda m: f"Unbekannte Option: {m[1]}.{_hint(m[2] or m[3])}",
    ),
    (re.compile(r"Option (.+) requires an argument\.$"), lambda m: f"Option {m[1]} braucht einen Wert."),
    (
        re.compile(r"Got unexpected extra argument(?:\(s\)|s)? \((.+)\)$"),
        lambda m: f"Unerwartete zusätzliche Argumente: {m[1]}",
    ),
    (re.compile(r"Invalid value for (.+?): (.+)$", re.S), lambda m: f"Ungültiger Wert für {m[1]}: {_value(m[2])}"),
]


def _value(message: str) -> str:
    message = message.removeprefix("Value error, ")
    message = re.sub(r"^Input should be a valid integer.*", "erwartet wird eine ganze Zahl.", message)
    message = re.sub(r"^Input should be a valid number.*", "erwartet wird eine Zahl.", message)
    message = re.sub(r"(?:Value )?('[^']*') is not a valid (\w+)\.", r"\1 ist kein gültiger Wert (\2).", message)
    return re.sub(r"('[^']*') is not one of (.+)\.", r"\1 ist keiner der Werte \2.", message)


def translate_error(message: str) -> str:
    """German for Click's frequent usage errors; any other message stays as it is."""
    for pattern, german in _ERRORS:
        match = pattern.match(message)
        if match:
            return german(match)
    return message


_rich_format_error = rich_utils.rich_format_error


def _german_format_error(self: ClickException) -> None:
    original = self.format_message
    self.format_message = lambda: translate_error(original())  # type: ignore[method-assign]
    _rich_format_error(self)


rich_utils.rich_format_error = _german_format_error
