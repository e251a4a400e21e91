"""Local user accounts: creating them, checking passwords (argon2id) and API tokens.

Used by the web app (login, Bearer tokens) and by ``eingang users``. Helpers never commit."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, select

from models import Role, UserAccount

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
        role=role,
        password_hash=hash_password(password),
        is_team_lead=is_team_lead,
    )
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, username: str, password: str) -> UserAccount | None:
    """The active user with this name and password, or None (same timing either way)."""
    user = session.exec(select(UserAccount).where(UserAccount.username == username.strip().lower())).first()
    stored = user.password_hash if user is not None and user.active and user.password_hash else None
    try:
        _hasher.verify(stored or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if stored is None:
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
