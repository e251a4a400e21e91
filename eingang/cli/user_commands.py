"""``eingang users …``: the team's accounts for the web app and API tokens for scripts."""

from __future__ import annotations

import sys

import typer
from sqlmodel import select

from casework.accounts import AccountError, create_user, issue_api_token
from eingang.cli.common import fail, runtime
from models import UserAccount, session_scope

app = typer.Typer(help="Benutzerkonten der Weboberfläche verwalten.", no_args_is_help=True)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt("Passwort", hide_input=True, confirmation_prompt="Passwort wiederholen")


@app.command("add")
def add(
    username: str = typer.Argument(..., help="Login name (letters, digits, . - _)."),
    role: str = typer.Option(..., "--role", help="berater, leitung or admin."),
    display_name: str = typer.Option("", "--name", help="Name shown in the app."),
    email: str = typer.Option(None, "--email", help="E-mail address (for reminders and escalations)."),
    team_lead: bool = typer.Option(False, "--team-lead", help="Receives escalations."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input."),
) -> None:
    """Create a user account; asks for the password (or reads it with --password-stdin)."""
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
def token(username: str = typer.Argument(..., help="The account the token acts as.")) -> None:
    """Create a new API token for USERNAME (replaces the old one) and print it once."""
    with session_scope(runtime().engine) as session:
        user = session.exec(select(UserAccount).where(UserAccount.username == username.strip().lower())).first()
        if user is None or not user.active:
            fail(f"Benutzer {username!r} gibt es nicht (oder er ist deaktiviert).")
        value = issue_api_token(session, user)
    typer.echo(value)
    typer.echo("Das Token wird nur jetzt angezeigt. Aufruf: Authorization: Bearer <Token>", err=True)


@app.command("list")
def list_users() -> None:
    """List user accounts."""
    with session_scope(runtime().engine) as session:
        users = session.exec(select(UserAccount).order_by(UserAccount.username)).all()
        for user in users:
            state = "aktiv" if user.active else "deaktiviert"
            lead = ", Teamleitung" if user.is_team_lead else ""
            typer.echo(f"{user.username:<20} {user.role:<8} {state}{lead}  {user.display_name}")
