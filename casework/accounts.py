"""Local user accounts: creating them, checking passwords (argon2id) and API tokens.

Used by the web app (login, Bearer tokens) and by ``eingang users``. Helpers never commit."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, col, select

from models import Role, UserAccount, stored_id
from models.web_sessions import end_user_sessions

_hasher = PasswordHasher()
# Verifying against this keeps the time of "unknown user" equal to "wrong password".
_DUMMY_HASH = _hasher.hash("eingang-timing-equaliser")
TOKEN_PREFIX = "eg_"
MIN_PASSWORD_LENGTH = 10


class AccountError(ValueError):
    """A user account cannot be created or changed as asked (message in German)."""


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def create_user(
    session: Session,
    *,
    username: str,
    password: str,
    role: str,
    display_name: str = "",
    email: str | None = None,
    is_team_lead: bool = False,
) -> UserAccount:
    username = username.strip().lower()
    if not username or len(username) > 64 or not username.replace(".", "").replace("-", "").replace("_", "").isalnum():
        raise AccountError("Benutzername: nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich (höchstens 64).")
    if role not in {r.value for r in Role}:
        raise AccountError(f"Unbekannte Rolle {role!r}; erlaubt sind: berater, leitung, admin.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Das Passwort muss mindestens {MIN_PASSWORD_LENGTH} Zeichen lang sein.")
    if session.exec(select(UserAccount).where(UserAccount.username == username)).first() is not None:
        raise AccountError(f"Den Benutzer {username!r} gibt es schon.")
    user = UserAccount(
        username=username,
        display_name=display_name.strip() or username,
        email=email,
        role=Role(role),
        password_hash=hash_password(password),
        is_team_lead=is_team_lead,
    )
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, user: UserAccount, password: str) -> None:
    """A new password for ``user``; every login of the account ends (its web sessions are deleted)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Das Passwort muss mindestens {MIN_PASSWORD_LENGTH} Zeichen lang sein.")
    user.password_hash = hash_password(password)
    session.add(user)
    end_user_sessions(session, stored_id(user.id))


def set_active(session: Session, user: UserAccount, active: bool) -> None:
    """Enable or disable ``user``; disabling ends every login of the account."""
    user.active = active
    session.add(user)
    if not active:
        end_user_sessions(session, stored_id(user.id))


def authenticate(session: Session, username: str, password: str) -> UserAccount | None:
    """The active user with this name and password, or None (same timing either way)."""
    user = session.exec(select(UserAccount).where(UserAccount.username == username.strip().lower())).first()
    stored = user.password_hash if user is not None and user.active and user.password_hash else None
    try:
        _hasher.verify(stored or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if stored is None or user is None:
        return None
    if _hasher.check_needs_rehash(stored):
        user.password_hash = hash_password(password)
    return user


def _token_digest(token: str) -> str:
    # API tokens are 256-bit random values, so a plain SHA-256 is enough to store them safely.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_api_token(session: Session, user: UserAccount) -> str:
    """Create a new API token for ``user`` (replacing the old one); returns it once, in clear."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    user.api_token_hash = _token_digest(token)
    session.add(user)
    return token


def user_for_token(session: Session, token: str) -> UserAccount | None:
    if not token.startswith(TOKEN_PREFIX):
        return None
    user = session.exec(select(UserAccount).where(UserAccount.api_token_hash == _token_digest(token))).first()
    return user if user is not None and user.active else None


# --- Changing and removing accounts (``eingang users …`` and the admin page) --------------------


def find_user(session: Session, username: str) -> UserAccount:
    user = session.exec(select(UserAccount).where(UserAccount.username == username.strip().lower())).first()
    if user is None:
        raise AccountError(f"Den Benutzer {username.strip()[:64]!r} gibt es nicht.")
    return user


def _other_active_admins(session: Session, user: UserAccount) -> int:
    return len(
        session.exec(
            select(UserAccount.id).where(
                UserAccount.role == Role.ADMIN, col(UserAccount.active).is_(True), UserAccount.id != user.id
            )
        ).all()
    )


def remove_user(session: Session, username: str, *, actor: str) -> dict:
    """Delete an account that never wrote an answer: its consultations and tasks go back to
    nobody (audited). An account that wrote answers or chat replies stays, so the record of who
    answered stays true — disable it instead."""
    from sqlalchemy import delete
    from sqlmodel import col

    from models import ChatMessage, Consultation, ConsultationMessage, FollowUpTask, ReplyDraft, UserProfile
    from models.audit import record_change

    user = find_user(session, username)
    if user.role == Role.ADMIN and _other_active_admins(session, user) == 0:
        raise AccountError("Das letzte aktive Administrationskonto kann nicht entfernt werden.")
    authored = session.exec(select(ConsultationMessage.id).where(ConsultationMessage.author_id == user.id)).first()
    chatted = session.exec(select(ChatMessage.id).where(ChatMessage.author_id == user.id)).first()
    if authored is not None or chatted is not None:
        raise AccountError(
            f"{user.username} hat Antworten verfasst; damit sichtbar bleibt, wer geantwortet hat, "
            "wird das Konto nicht entfernt. Bitte stattdessen deaktivieren."
        )
    consultations = session.exec(select(Consultation).where(Consultation.assignee_id == user.id)).all()
    for consultation in consultations:
        consultation.assignee_id = None
        record_change(
            session,
            consultation_id=consultation.id,
            actor=actor,
            action="assigned",
            field="assignee",
            before=user.username,
            after=None,
        )
    tasks = session.exec(select(FollowUpTask).where(FollowUpTask.assignee_id == user.id)).all()
    for task in tasks:
        task.assignee_id = None
    for model in (ReplyDraft, UserProfile):  # the account's drafts and signature go with it
        session.execute(delete(model).where(col(model.user_id) == user.id))
    session.flush()
    session.delete(user)
    session.flush()
    return {"username": user.username, "unassigned_consultations": len(consultations), "unassigned_tasks": len(tasks)}
