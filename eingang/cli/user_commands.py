"""``eingang users …``: the team's accounts for the web app and API tokens for scripts."""

from __future__ import annotations

import sys

import typer
from sqlmodel import select

from casework.accounts import AccountError, create_user, issue_api_token, set_active, set_password
from eingang.cli.common import FORMAT_OPTION, OutputFormat, fail, print_json, runtime
from eingang.cli.german_help import GermanTyper
from models import UserAccount, session_scope
from models.public import user_public

app = GermanTyper(help="Benutzerkonten der Weboberfläche verwalten.", no_args_is_help=True)


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


def _account(session, username: str) -> UserAccount:
    user = session.exec(select(UserAccount).where(UserAccount.username == username.strip().lower())).first()
    if user is None:
        fail(f"Benutzer {username!r} gibt es nicht.")
    return user


@app.command("password")
def password(
    username: str = typer.Argument(..., help="Das Konto, dessen Passwort sich ändert."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Das Passwort von der Standardeingabe lesen."),
) -> None:
    """Neues Passwort für USERNAME setzen; alle Anmeldungen des Kontos enden."""
    new_password = _read_password(password_stdin)
    try:
        with session_scope(runtime().engine) as session:
            set_password(session, _account(session, username), new_password)
    except AccountError as error:
        fail(str(error))
    typer.echo(f"Passwort von {username.strip().lower()} geändert; alle Anmeldungen des Kontos sind beendet.")


@app.command("disable")
def disable(username: str = typer.Argument(..., help="Das Konto, das deaktiviert wird.")) -> None:
    """USERNAME deaktivieren: keine Anmeldung, kein API-Token; alle Anmeldungen enden."""
    with session_scope(runtime().engine) as session:
        set_active(session, _account(session, username), False)
    typer.echo(f"Benutzer {username.strip().lower()} deaktiviert; alle Anmeldungen sind beendet.")


@app.command("enable")
def enable(username: str = typer.Argument(..., help="Das Konto, das wieder aktiv wird.")) -> None:
    """USERNAME wieder aktivieren (frühere Anmeldungen bleiben beendet)."""
    with session_scope(runtime().engine) as session:
        set_active(session, _account(session, username), True)
    typer.echo(f"Benutzer {username.strip().lower()} ist wieder aktiv.")


@app.command("list")
def list_users(output_format: OutputFormat = FORMAT_OPTION) -> None:
    """Benutzerkonten auflisten."""
    with session_scope(runtime().engine) as session:
        users = session.exec(select(UserAccount).order_by(UserAccount.username)).all()
        if output_format == OutputFormat.JSON:
            print_json([user_public(user) for user in users])
            return
        for user in users:
            state = "aktiv" if user.active else "deaktiviert"
            lead = ", Teamleitung" if user.is_team_lead else ""
            typer.echo(f"{user.username:<20} {user.role:<8} {state}{lead}  {user.display_name}")


@app.command("reset-password")
def reset_password(
    username: str = typer.Argument(..., help="Das Konto, dessen Passwort neu gesetzt wird."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Das Passwort von der Standardeingabe lesen."),
) -> None:
    """Wie „password“: ein neues Passwort für USERNAME setzen."""
    password(username, password_stdin)


@app.command("remove")
def remove(
    username: str = typer.Argument(..., help="Das Konto, das entfernt wird."),
    yes: bool = typer.Option(False, "--yes", help="Ohne Rückfrage entfernen."),
) -> None:
    """Ein Konto entfernen, das nie geantwortet hat; seine Fälle und Aufgaben sind danach ohne
    Zuständige (protokolliert). Konten mit Antworten bleiben erhalten: dann „disable“."""
    from casework.accounts import remove_user

    if not yes and not typer.confirm(f"Benutzer {username} wirklich entfernen?"):
        fail("Abgebrochen.")
    try:
        with session_scope(runtime().engine) as session:
            result = remove_user(session, username, actor="cli")
    except AccountError as error:
        fail(str(error))
    typer.echo(
        f"Benutzer {result['username']} entfernt; {result['unassigned_consultations']} Fälle und "
        f"{result['unassigned_tasks']} Aufgaben sind jetzt ohne Zuständige."
    )
