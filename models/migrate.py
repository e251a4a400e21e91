"""Applying the Alembic migrations and loading the gazetteer (``eingang db upgrade``)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, delete

from classifiers.gazetteer import Gazetteer
from models.gazetteer import AdministrativeAssociation, District, Municipality

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade_database(engine: Engine, revision: str = "head") -> None:
    """Apply migrations up to ``revision`` on ``engine``'s database."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def sync_gazetteer(session: Session, gazetteer: Gazetteer, *, prune: bool = False) -> dict[str, int]:
    """Insert or update every district, association and municipality of ``gazetteer``; with
    ``prune``, also delete the rows a newer gazetteer no longer has (merged municipalities)."""
    for district in gazetteer.districts.values():
        session.merge(District(key=district.key, name=district.name, kind=district.kind, seat=district.seat))
    session.flush()
    for association in gazetteer.associations.values():
        session.merge(
            AdministrativeAssociation(
                key=association.key,
                name=association.name,
                kind=association.kind,
                district_key=association.district_key,
                seat=association.seat,
                member_keys=list(association.member_keys),
                email_domain=association.email_domain,
            )
        )
    for municipality in gazetteer.municipalities.values():
        session.merge(
            Municipality(
                key=municipality.key,
                name=municipality.name,
                official_name=municipality.official_name,
                kind=municipality.kind,
                district_key=municipality.district_key,
                association_key=municipality.association_key,
                postal_codes=list(municipality.postal_codes),
                email_domain=municipality.email_domain,
            )
        )
    session.flush()
    if prune:
        for table, keep in (
            (Municipality, gazetteer.municipalities),
            (AdministrativeAssociation, gazetteer.associations),
            (District, gazetteer.districts),
        ):
            session.exec(delete(table).where(col(table.key).not_in(list(keep))))
        session.flush()
    return {
        "districts": len(gazetteer.districts),
        "associations": len(gazetteer.associations),
        "municipalities": len(gazetteer.municipalities),
    }
