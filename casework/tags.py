"""Free tags (Schlagworte) on consultations: set and list them. Changes are audited like every
other change of a consultation (``tags_changed``, before/after as lists of names). No commit:
the transaction belongs to the caller."""

from __future__ import annotations

from sqlmodel import Session, col, func, select

from casework.workflow import ConsultationRef, WorkflowError, _touch, load_consultation
from models import Consultation, ConsultationTag, Tag, stored_id
from models.audit import record_change

MAX_TAG_LENGTH = 64
MAX_TAGS = 20


def normalise(name: str) -> str:
    """The comparison form: trimmed, inner whitespace collapsed, case-folded."""
    return " ".join(name.split()).casefold()


def clean_names(names: list[str]) -> list[str]:
    """Trimmed, de-duplicated (case-insensitively) tag names; rejects empty, over-long, too many."""
    seen: dict[str, str] = {}
    for raw in names:
        if not isinstance(raw, str):
            raise WorkflowError("Schlagworte müssen Text sein.")
        name = " ".join(raw.split())
        if not name:
            continue
        if len(name) > MAX_TAG_LENGTH or any(not ch.isprintable() for ch in name):
            raise WorkflowError(f"Ungültiges Schlagwort (höchstens {MAX_TAG_LENGTH} Zeichen, druckbar).")
        seen.setdefault(normalise(name), name)
    if len(seen) > MAX_TAGS:
        raise WorkflowError(f"Höchstens {MAX_TAGS} Schlagworte je Fall.")
    return list(seen.values())


def tags_of(session: Session, consultation_id: int) -> list[str]:
    rows = session.exec(
        select(Tag.name)
        .join(ConsultationTag, col(ConsultationTag.tag_id) == col(Tag.id))
        .where(ConsultationTag.consultation_id == consultation_id)
        .order_by(Tag.key)
    )
    return list(rows)


def tags_by_consultation(session: Session, consultation_ids: list[int]) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    if not consultation_ids:
        return result
    rows = session.exec(
        select(ConsultationTag.consultation_id, Tag.name)
        .join(Tag, col(Tag.id) == col(ConsultationTag.tag_id))
        .where(col(ConsultationTag.consultation_id).in_(consultation_ids))
        .order_by(Tag.key)
    )
    for consultation_id, name in rows:
        result.setdefault(consultation_id, []).append(name)
    return result


def _tag(session: Session, name: str) -> Tag:
    key = normalise(name)
    tag = session.exec(select(Tag).where(Tag.key == key)).first()
    if tag is None:
        tag = Tag(key=key, name=name)
        session.add(tag)
        session.flush()
    return tag


def set_tags(
    session: Session, *, consultation: ConsultationRef, actor: str, tags: list[str], mode: str = "set"
) -> Consultation:
    """``mode``: ``set`` (exactly these), ``add`` (these as well) or ``remove`` (not these)."""
    if mode not in ("set", "add", "remove"):
        raise WorkflowError(f"Unbekannte Art der Änderung „{mode}“ (erlaubt: set, add, remove).")
    row = load_consultation(session, consultation, for_update=True)
    names = clean_names(tags)
    before = tags_of(session, stored_id(row.id))
    current = {normalise(n): n for n in before}
    if mode == "set":
        target = {normalise(n): n for n in names}
        target = {k: current.get(k, v) for k, v in target.items()}
    elif mode == "add":
        target = {**current, **{normalise(n): n for n in names if normalise(n) not in current}}
    else:
        target = {k: v for k, v in current.items() if k not in {normalise(n) for n in names}}
    if len(target) > MAX_TAGS:
        raise WorkflowError(f"Höchstens {MAX_TAGS} Schlagworte je Fall.")
    if set(target) == set(current):
        return row
    for key in set(current) - set(target):
        tag = session.exec(select(Tag).where(Tag.key == key)).one()
        link = session.get(ConsultationTag, (row.id, tag.id))
        if link is not None:
            session.delete(link)
    for key in set(target) - set(current):
        tag = _tag(session, target[key])
        session.add(ConsultationTag(consultation_id=stored_id(row.id), tag_id=stored_id(tag.id)))
    session.flush()
    _touch(row)
    record_change(
        session,
        consultation_id=row.id,
        actor=actor,
        action="tags_changed",
        field="tags",
        before=before,
        after=tags_of(session, stored_id(row.id)),
    )
    return row


def suggest_tags(session: Session, prefix: str = "", *, limit: int = 20) -> list[str]:
    """Tag names for autocomplete, most used first, optionally starting with ``prefix``."""
    usage = func.count(col(ConsultationTag.consultation_id))
    query = (
        select(Tag.name)
        .join(ConsultationTag, col(ConsultationTag.tag_id) == col(Tag.id), isouter=True)
        .group_by(col(Tag.id))
    )
    key = normalise(prefix)
    if key:
        query = query.where(col(Tag.key).startswith(key, autoescape=True))
    return list(session.exec(query.order_by(usage.desc(), Tag.key).limit(max(1, min(limit, 100)))))
