"""Thuringian authorities from the gazetteer: Gemeinden, Kreise and Verwaltungsgemeinschaften.

Filled from the data shipped in ``classifiers/data/thueringen`` by ``eingang db upgrade``
(and reloaded by ``eingang gazetteer load``)."""

from __future__ import annotations

from sqlalchemy import JSON, Column
from sqlmodel import Field, Session, SQLModel


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


def district_display_name(name: str, kind: str) -> str:
    """Display name of a district: "Landkreis Gotha", but "Erfurt" for a kreisfreie Stadt."""
    return name if kind == "kreisfreie Stadt" else f"Landkreis {name}"


def association_display_name(name: str, kind: str) -> str:
    """Display name of an association: "VG Leinetal" or "erfüllende Gemeinde Ohrdruf"."""
    prefix = "VG" if kind == "Verwaltungsgemeinschaft" else "erfüllende Gemeinde"
    return f"{prefix} {name}"


def authority_summary(session: Session, key: str | None) -> dict | None:
    """``{"key", "name", "kind", "district"}`` for any authority key, or None."""
    if not key:
        return None
    municipality = session.get(Municipality, key)
    if municipality is not None:
        return {"key": key, "name": municipality.name, "kind": municipality.kind, "district": municipality.district_key}
    district = session.get(District, key)
    if district is not None:
        name = district_display_name(district.name, district.kind)
        return {"key": key, "name": name, "kind": district.kind, "district": district.key}
    association = session.get(AdministrativeAssociation, key)
    if association is not None:
        return {
            "key": key,
            "name": association_display_name(association.name, association.kind),
            "kind": association.kind,
            "district": association.district_key,
        }
    return {"key": key, "name": key, "kind": None, "district": None}
