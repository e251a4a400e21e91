"""The gazetteer Eingang links with: the packaged one, loading a new version into the tables,
the version in force (``GazetteerStore``, one per runtime, parses each version once), and the
mail domains learned from consultations a consultant confirmed. The store also caches the sender
registry and learned domains per process, until ``linking_knowledge_version`` moves.

Helpers never commit; the caller's transaction does."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import String, cast, literal, union_all
from sqlmodel import Session, col, delete, func, select
from sqlmodel.sql.expression import Select

from classifiers.gazetteer import Gazetteer, packaged_gazetteer, parse_gazetteer
from classifiers.linker import GENERIC_MAIL_PROVIDERS
from models.consultations import Consultation
from models.gazetteer import AdministrativeAssociation, District, Municipality
from models.linking import GazetteerVersion
from models.people import KnownSender


def gazetteer_checksum(texts: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for name in sorted(texts):
        digest.update(name.encode() + b"\0" + texts[name].encode("utf-8") + b"\0")
    return digest.hexdigest()


def latest_gazetteer_version(session: Session) -> tuple[int, str] | None:
    row = session.exec(
        select(GazetteerVersion.id, GazetteerVersion.checksum).order_by(col(GazetteerVersion.id).desc()).limit(1)
    ).first()
    if row is None or row[0] is None:
        return None
    return (row[0], row[1])


class GazetteerStore:
    """The gazetteers of one runtime: the packaged one and the newest loaded version (parsed once
    and kept, with its linker indexes, until a newer version is loaded)."""

    def __init__(self, packaged: Callable[[], Gazetteer] = packaged_gazetteer) -> None:
        self._packaged = packaged
        self._parsed: dict[tuple[int, str], Gazetteer] = {}
        self._knowledge: LinkingKnowledge | None = None
        self._lock = threading.Lock()

    @property
    def packaged(self) -> Gazetteer:
        return self._packaged()

    def current(self, session: Session, *, latest: tuple[int, str] | Literal[True] | None = True) -> Gazetteer:
        """The newest loaded gazetteer, or the packaged one. ``latest`` is the version in force
        when the caller looked it up already (``sender_knowledge``); by default it is queried."""
        if latest is True:
            latest = latest_gazetteer_version(session)
        if latest is None:
            return self.packaged
        with self._lock:
            if latest not in self._parsed:
                version = session.get(GazetteerVersion, latest[0])
                if version is None:  # erased between the two queries: nothing newer than the packaged one
                    return self.packaged
                self._parsed.clear()  # keep one parsed version (and its linker indexes)
                self._parsed[latest] = parse_gazetteer(dict(version.files), version.source)
            return self._parsed[latest]

    def store(self, session: Session, texts: dict[str, str], *, source: str) -> GazetteerVersion:
        """Validate ``texts`` (raises GazetteerError before touching anything), replace the
        gazetteer tables with it and record it as the version in force."""
        gazetteer = parse_gazetteer(texts, source)
        counts = sync_gazetteer(session, gazetteer, prune=True)
        counts["former_municipalities"] = len(gazetteer.former)
        version = GazetteerVersion(source=source, checksum=gazetteer_checksum(texts), counts=counts, files=dict(texts))
        session.add(version)
        session.flush()
        assert version.id is not None  # assigned by the flush
        with self._lock:
            self._parsed.clear()
            self._parsed[(version.id, version.checksum)] = gazetteer
        return version

    def sender_knowledge(
        self, session: Session, addresses: Iterable[str], domains: Iterable[str], *, version: int | None
    ) -> tuple[dict[str, str], dict[str, str], tuple[int, str] | None]:
        """As ``sender_knowledge`` (the function), from this process's cache of the whole sender
        registry, learned domains and gazetteer version, valid while the database's
        ``linking_knowledge_version`` is ``version`` (read by the caller with a statement it
        makes anyway). No statement while it is current; one to reload when it moved. Without
        a version (no counter row), read fresh per mail."""
        if version is None:
            return sender_knowledge(session, addresses, domains)
        with self._lock:
            cached = self._knowledge
        if cached is None or cached.version != version:
            cached = load_linking_knowledge(session, version)
            with self._lock:
                self._knowledge = cached
        return cached.select(addresses, domains)


@dataclass(frozen=True)
class LinkingKnowledge:
    """What the linker learns from the database, at one ``linking_knowledge_version``."""

    version: int
    gazetteer: tuple[int, str] | None
    known_senders: dict[str, str]
    learned_domains: dict[str, str]

    def select(
        self, addresses: Iterable[str], domains: Iterable[str]
    ) -> tuple[dict[str, str], dict[str, str], tuple[int, str] | None]:
        known = {a: self.known_senders[a] for a in addresses if a in self.known_senders}
        wanted = {d.lower() for d in domains if d}
        learned = {d: self.learned_domains[d] for d in wanted if d in self.learned_domains}
        return known, learned, self.gazetteer


def _gazetteer_version_row() -> Select:  # unparameterised: the UNION parts differ in column types
    """The ``("g", checksum, id)`` part of the UNION ALL statements below: the gazetteer version
    in force (the other kinds: a = known address, d = learned domain)."""
    newest = (
        select(GazetteerVersion.id, GazetteerVersion.checksum)
        .order_by(col(GazetteerVersion.id).desc())
        .limit(1)
        .subquery()
    )
    return select(
        literal("g").label("kind"),
        newest.c.checksum.label("name"),
        cast(newest.c.id, String).label("authority_key"),
    )


def load_linking_knowledge(session: Session, version: int) -> LinkingKnowledge:
    """The whole sender registry, every learned domain and the gazetteer version in force, in
    one statement (labelled with ``version``, read before: the data is at least that new)."""
    parts = [
        _gazetteer_version_row(),
        select(
            literal("a").label("kind"),
            col(KnownSender.address).label("name"),
            col(KnownSender.authority_key).label("authority_key"),
        ),
        select(
            literal("d").label("kind"),
            col(Consultation.sender_address).label("name"),
            col(Consultation.authority_key).label("authority_key"),
        )
        .where(
            col(Consultation.authority_confirmed).is_(True),
            col(Consultation.authority_key).is_not(None),
            col(Consultation.sender_address).is_not(None),
        )
        .distinct(),
    ]
    statement = union_all(*parts)
    known: dict[str, str] = {}
    by_domain: dict[str, set[str]] = {}
    latest: tuple[int, str] | None = None
    for kind, name, authority_key in session.execute(statement).all():
        if kind == "g":
            latest = (int(authority_key), name)
        elif kind == "a":
            known[name] = authority_key
        elif "@" in name:
            domain = name.rpartition("@")[2].lower()
            if domain and domain not in GENERIC_MAIL_PROVIDERS:
                by_domain.setdefault(domain, set()).add(authority_key)
    learned = {domain: next(iter(keys)) for domain, keys in by_domain.items() if len(keys) == 1}
    return LinkingKnowledge(version, latest, known, learned)


def sender_knowledge(
    session: Session, addresses: Iterable[str], domains: Iterable[str]
) -> tuple[dict[str, str], dict[str, str], tuple[int, str] | None]:
    """``(known senders, learned domains, gazetteer version in force)`` for one mail in ONE
    statement: the consultant-confirmed ``address -> authority key`` of ``addresses``,
    ``domain -> authority key`` as in ``learned_domains``, and ``latest_gazetteer_version``.
    Read fresh per mail, so a confirmation or a newly loaded gazetteer counts for the very next
    mail in every process — no cache to invalidate, at the price of one indexed statement."""
    wanted_addresses = sorted({a for a in addresses if a})
    wanted_domains = sorted({d.lower() for d in domains if d and d.lower() not in GENERIC_MAIL_PROVIDERS})
    parts = [_gazetteer_version_row()]
    if wanted_addresses:
        parts.append(
            select(
                literal("a").label("kind"),
                col(KnownSender.address).label("name"),
                col(KnownSender.authority_key).label("authority_key"),
            ).where(col(KnownSender.address).in_(wanted_addresses))
        )
    for domain in wanted_domains:
        parts.append(
            select(
                literal("d").label("kind"),
                literal(domain).label("name"),
                col(Consultation.authority_key).label("authority_key"),
            )
            .where(
                col(Consultation.authority_confirmed).is_(True),
                col(Consultation.authority_key).is_not(None),
                col(Consultation.sender_address).endswith(f"@{domain}", autoescape=True),
            )
            .group_by(col(Consultation.authority_key))
        )
    statement = parts[0] if len(parts) == 1 else union_all(*parts)
    known: dict[str, str] = {}
    by_domain: dict[str, list[str]] = {}
    latest: tuple[int, str] | None = None
    for kind, name, authority_key in session.execute(statement).all():
        if kind == "g":
            latest = (int(authority_key), name)
        elif kind == "a":
            known[name] = authority_key
        else:
            by_domain.setdefault(name, []).append(authority_key)
    learned = {domain: keys[0] for domain, keys in by_domain.items() if len(keys) == 1}
    return known, learned, latest


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
