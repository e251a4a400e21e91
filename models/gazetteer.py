"""Thuringian authorities from the gazetteer: Gemeinden, Kreise and Verwaltungsgemeinschaften.

Filled from the data shipped in ``classifiers/data/thueringen`` by ``eingang db upgrade``
(and reloaded by ``eingang gazetteer load``)."""

from __future__ import annotations

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


class District(SQLModel, table=True):
    """A Landkreis or kreisfreie Stadt (5-digit key)."""

    __tablename__ = "district"

    key: str = Field(primary_key=True, max_length=5)
    name: str = Field(max_length=128)
    kind: str = Field(max_length=32, description="Landkreis or kreisfreie Stadt")
    seat: str | None = Field(default=None, max_length=128)


class AdministrativeAssociation(SQLModel, table=True):
    """A Verwaltungsgemeinschaft or erfüllende Gemeinde (9-digit key)."""

    __tablename__ = "administrative_association"

    key: str = Field(primary_key=True, max_length=9)
    name: str = Field(max_length=128)
    kind: str = Field(max_length=32)
    district_key: str = Field(foreign_key="district.key", max_length=5, index=True)
    seat: str | None = Field(default=None, max_length=128)
    member_keys: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    email_domain: str | None = Field(default=None, max_length=255)


class Municipality(SQLModel, table=True):
    """A Gemeinde or Stadt (8-digit AGS)."""

    __tablename__ = "municipality"

    key: str = Field(primary_key=True, max_length=8)
    name: str = Field(max_length=128, index=True)
    official_name: str = Field(max_length=160)
    kind: str = Field(max_length=32, description="Gemeinde, Stadt or kreisfreie Stadt")
    district_key: str = Field(foreign_key="district.key", max_length=5, index=True)
    association_key: str | None = Field(default=None, max_length=9, index=True)
    postal_codes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    email_domain: str | None = Field(default=None, max_length=255)
