"""People Eingang knows: the team's user accounts and the senders consultants have confirmed."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from models.db import EnumString, UtcDateTime, utcnow


class Role(StrEnum):
    CONSULTANT = "berater"
    MANAGER = "leitung"
    ADMIN = "admin"


class UserAccount(SQLModel, table=True):
    __tablename__ = "user_account"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64, unique=True, index=True)
    display_name: str = Field(default="", max_length=128)
    email: str | None = Field(default=None, max_length=320)
    role: Role = Field(default=Role.CONSULTANT, sa_type=EnumString(Role, 16), nullable=False)
    password_hash: str | None = Field(default=None, max_length=255)
    api_token_hash: str | None = Field(default=None, max_length=255, index=True)
    is_team_lead: bool = False
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))


class KnownSender(SQLModel, table=True):
    """Sender registry: once a consultant confirms whom an address belongs to, later mail
    from it links without guessing."""

    __tablename__ = "known_sender"

    address: str = Field(primary_key=True, max_length=320)
    authority_key: str = Field(max_length=12, index=True)
    confirmed_by: str = Field(max_length=128)
    confirmed_at: datetime = Field(default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False))
