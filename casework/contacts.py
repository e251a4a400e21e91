"""Kontakte eines Beratungsfalls — an sie gehen die Antworten (Issue 13).

Kontakt wird, wer den Fall eröffnet hat, und wen eine Beraterin ausdrücklich hinzufügt (im
Antwortformular oder über die API, beides im Audit-Log). Wer nur das Aktenzeichen im Betreff
zitiert oder als Letzter geschrieben hat, wird dadurch **nicht** Empfänger.

- ``contact_addresses(session, consultation)`` — Adressen der Kontakte (eröffnende Person zuerst).
- ``add_opener(session, consultation, address, name)`` — bei der Eröffnung, durch das System.
- ``add_contact(session, *, consultation, actor, address, name=None)`` — durch eine Beraterin.
- ``normalise_address(text)`` — eine einzelne Adresse prüfen und klein schreiben (``WorkflowError``).
- ``parse_addresses(text)`` — durch Komma, Semikolon oder Zeilenumbruch getrennte Adressen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlmodel import Session, col, select

from casework.workflow import WorkflowError
from models import Consultation, ConsultationContact, ContactRole, stored_id
from models.audit import record_change

# Deliberately strict: one address, no display name, no header-breaking characters.
_ADDRESS = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)


def normalise_address(text: str) -> str:
    address = (text or "").strip().strip("<>").strip()
    if len(address) > 320 or not _ADDRESS.match(address):
        raise WorkflowError(f"„{text.strip()[:80]}“ ist keine gültige E-Mail-Adresse.")
    return address.lower()


def parse_addresses(text: str | Iterable[str] | None) -> list[str]:
    if text is None:
        return []
    parts = (
        re.split(r"[,;\s]+", text)
        if isinstance(text, str)
        else [p for item in text for p in re.split(r"[,;\s]+", item)]
    )
    seen: list[str] = []
    for part in parts:
        if part.strip():
            address = normalise_address(part)
            if address not in seen:
                seen.append(address)
    return seen


def contacts(session: Session, consultation: Consultation) -> list[ConsultationContact]:
    rows = session.exec(
        select(ConsultationContact)
        .where(ConsultationContact.consultation_id == consultation.id)
        .order_by(col(ConsultationContact.added_at), col(ConsultationContact.id))
    ).all()
    return sorted(rows, key=lambda row: row.role != ContactRole.OPENER)


def contact_addresses(session: Session, consultation: Consultation) -> list[str]:
    return [row.address for row in contacts(session, consultation)]


def add_opener(
    session: Session, consultation: Consultation, address: str | None, name: str | None, *, new: bool = False
) -> None:
    """The person who opened ``consultation`` becomes its first contact. ``new``: the consultation
    was created in this transaction, so it has no contacts yet (no lookup; the row is written with
    the transaction's final flush — the pipeline's statement budget)."""
    if not address:
        return
    try:
        address = normalise_address(address)
    except WorkflowError:
        return
    if not new and address in contact_addresses(session, consultation):
        return
    session.add(
        ConsultationContact(
            consultation_id=stored_id(consultation.id),
            address=address,
            name=name,
            role=ContactRole.OPENER,
            added_by="system",
        )
    )
    if not new:
        session.flush()


def add_contact(
    session: Session, *, consultation: Consultation, actor: str, address: str, name: str | None = None
) -> ConsultationContact | None:
    """Add ``address`` as a contact confirmed by ``actor`` (audited); None if it already is one."""
    address = normalise_address(address)
    if address in contact_addresses(session, consultation):
        return None
    row = ConsultationContact(
        consultation_id=stored_id(consultation.id),
        address=address,
        name=name,
        role=ContactRole.CONFIRMED,
        added_by=actor,
    )
    session.add(row)
    record_change(
        session, consultation_id=consultation.id, actor=actor, action="contact_added", field="contacts", after=address
    )
    session.flush()
    return row
