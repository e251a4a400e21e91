"""``eingang users …``: the team's accounts for the web app and API tokens for scripts."""

from __future__ import annotations

import sys

import typer
from sqlmodel import select

from eingang.cli.common import fail, runtime
from models import UserAccount, session_scope
from web.accounts import AccountError, create_user, issue_api_token, remove_user, reset_password, set_active

app = typer.Typer(help="Benutzerkonten der Weboberfläche verwalten.", no_args_is_help=True)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt("Passwort", hide_input=True, confirmation_prompt="Passwort wiederholen")


@app.command("add")
def add(
    username: str = typer.Argument(..., help="Anmeldename (Buchstaben, Ziffern, . - _)."),
    role: str = typer.Option(..., "--role", help="berater, leitung oder admin."),
    display_name: str = typer.Option("", "--name", help="Anzeigename in der Weboberfläche."),
    email: str = typer.Option(None, "--email", help="E-Mail-Adresse (für Erinnerungen und Eskalationen)."),
    team_lead: bool = typer.Option(False, "--team-lead", help="Erhält Eskalationen (Teamleitung)."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Passwort von der Standardeingabe lesen."),
) -> None:
    """Ein Benutzerkonto anlegen; fragt nach dem Passwort (oder liest es mit --password-stdin)."""
    password = _read_password(password_stdin)
    try:
        with session_scope(runtime().engine) as session:
            user = create_user(
                session,
                username=username,
                password=password,
                role=role,
                display_name=display_name,
                email=email,
                is_team_lead=team_lead,
            )
            name, user_role = user.username, user.role
    except AccountError as error:
        fail(str(error))
    typer.echo(f"Benutzer {name} ({user_role}) angelegt.")


@app.command("token")
def token(username: str = typer.Argument(..., help="Das Konto, für das das Token gilt.")) -> None:
    """Ein neues API-Token für USERNAME erzeugen (ersetzt das alte) und einmal ausgeben."""
    with session_scope(runtime().engine) as session:
        user = session.exec(select(UserAccount).where(UserAccount.username == username.strip().lower())).first()
        if user is None or not user.active:
            fail(f"Benutzer {username!r} gibt es nicht (oder er ist deaktiviert).")
        value = issue_api_token(session, user)
    typer.echo(value)
    typer.echo("Das Token wird nur jetzt angezeigt. Aufruf: Authorization: Bearer <Token>", err=True)


@app.command("list")
def list_users() -> None:
    """Die Benutzerkonten auflisten (mit Anzeigenamen)."""
    with session_scope(runtime().engine) as session:
        users = session.exec(select(UserAccount).order_by(UserAccount.username)).all()
        for user in users:
            state = "aktiv" if user.active else "deaktiviert"
            lead = ", Teamleitung" if user.is_team_lead else ""
            typer.echo(f"{user.username:<20} {user.role:<8} {state}{lead}  {user.display_name}")


def _change(action, success: str) -> None:
    """Run one account change in its own transaction; German error and exit code 1 on refusal."""
    try:
        with session_scope(runtime().engine) as session:
            result = action(session)
    except AccountError as error:
        fail(str(error))
    typer.echo(success.format(result=result))


@app.command("disable")
def disable(username: str = typer.Argument(..., help="Das Konto, das deaktiviert wird.")) -> None:
    """Ein Konto deaktivieren: keine Anmeldung und kein API-Token mehr (die Daten bleiben)."""
    _change(lambda session: set_active(session, username, False), f"Benutzer {username} ist deaktiviert.")


@app.command("enable")
def enable(username: str = typer.Argument(..., help="Das Konto, das wieder aktiviert wird.")) -> None:
    """Ein deaktiviertes Konto wieder aktivieren."""
    _change(lambda session: set_active(session, username, True), f"Benutzer {username} ist aktiv.")


@app.command("reset-password")
def reset(
    username: str = typer.Argument(..., help="Das Konto, dessen Passwort neu gesetzt wird."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Passwort von der Standardeingabe lesen."),
) -> None:
    """Ein neues Passwort setzen; fragt danach (oder liest es mit --password-stdin)."""
    password = _read_password(password_stdin)
    _change(lambda session: reset_password(session, username, password), f"Passwort von {username} neu gesetzt.")


@app.command("remove")
def remove(
    username: str = typer.Argument(..., help="Das Konto, das entfernt wird."),
    yes: bool = typer.Option(False, "--yes", help="Ohne Rückfrage entfernen."),
) -> None:
    """Ein Konto entfernen, das nie geantwortet hat; seine Fälle und Aufgaben werden niemandem
    mehr zugewiesen. Konten mit Antworten bleiben erhalten (dann: disable)."""
    if not yes and not typer.confirm(f"Benutzer {username} wirklich entfernen?"):
        fail("Abgebrochen.")
    _change(
        lambda session: remove_user(session, username, actor="cli"),
        "Benutzer {result[username]} entfernt; {result[unassigned_consultations]} Fälle und "
        "{result[unassigned_tasks]} Aufgaben sind jetzt ohne Zuständige.",
    )
