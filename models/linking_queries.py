"""Queries of the authority linker: the gazetteer version in force, loading a new one, and the
mail domains learned from consultations a consultant confirmed.

Helpers never commit; the caller's transaction does."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlmodel import Session, col, func, select

from classifiers.gazetteer import Gazetteer, packaged_gazetteer, parse_gazetteer
from classifiers.linker import GENERIC_MAIL_PROVIDERS
from models.consultations import Consultation
from models.linking import GazetteerVersion
from models.migrate import sync_gazetteer

_parsed_versions: dict[tuple[int, str], Gazetteer] = {}


def gazetteer_checksum(texts: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for name in sorted(texts):
        digest.update(name.encode() + b"\0" + texts[name].encode("utf-8") + b"\0")
    return digest.hexdigest()


def store_gazetteer(session: Session, texts: dict[str, str], *, source: str) -> GazetteerVersion:
    """Validate ``texts`` (raises GazetteerError before touching anything), replace the
    gazetteer tables with it and record it as the version in force."""
    gazetteer = parse_gazetteer(texts, source)
    counts = sync_gazetteer(session, gazetteer, prune=True)
    counts["former_municipalities"] = len(gazetteer.former)
    version = GazetteerVersion(source=source, checksum=gazetteer_checksum(texts), counts=counts, files=dict(texts))
    session.add(version)
    session.flush()
    assert version.id is not None  # assigned by the flush
    _parsed_versions[(version.id, version.checksum)] = gazetteer
    return version


def latest_gazetteer_version(session: Session) -> tuple[int, str] | None:
    row = session.exec(
        select(GazetteerVersion.id, GazetteerVersion.checksum).order_by(col(GazetteerVersion.id).desc()).limit(1)
    ).first()
    if row is None or row[0] is None:
        return None
    return (row[0], row[1])


def current_gazetteer(session: Session) -> Gazetteer:
    """The newest loaded gazetteer (parsed once per process), or the packaged one."""
    latest = latest_gazetteer_version(session)
    if latest is None:
        return packaged_gazetteer()
    if latest not in _parsed_versions:
        version = session.get(GazetteerVersion, latest[0])
        if version is None:  # erased between the two queries: nothing newer than the packaged one
            return packaged_gazetteer()
        _parsed_versions.clear()  # keep one parsed version (and its linker indexes) per process
        _parsed_versions[latest] = parse_gazetteer(dict(version.files), version.source)
    return _parsed_versions[latest]


def learned_domains(session: Session, domains: Iterable[str]) -> dict[str, str]:
    """``domain -> authority key`` for those of ``domains`` whose confirmed consultations all
    name one authority (a domain shared by several authorities teaches nothing)."""
    # Learned only from an administration's own domain, never from mass mail providers.
    wanted = {d.lower() for d in domains if d and d.lower() not in GENERIC_MAIL_PROVIDERS}
    learned: dict[str, str] = {}
    for domain in wanted:
        rows = session.exec(
            select(Consultation.authority_key, func.count())
            .where(
                col(Consultation.authority_confirmed).is_(True),
                col(Consultation.authority_key).is_not(None),
                col(Consultation.sender_address).endswith(f"@{domain}", autoescape=True),
            )
            .group_by(col(Consultation.authority_key))
        ).all()
        if len(rows) == 1 and rows[0][0] is not None:
            learned[domain] = rows[0][0]
    return learned
