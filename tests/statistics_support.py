"""Helpers for the statistics, export and dashboard tests (no tests in here): consultations
with chosen received dates, as an imported mailbox of earlier years leaves them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from eingang.runtime import Runtime
from models import Consultation, Municipality, UserAccount, session_scope


def add_consultation(
    runtime: Runtime,
    reference: str,
    received: datetime,
    *,
    topics: list[str] | None = None,
    response_hours: float | None = None,
    authority_key: str | None = None,
    channel: str = "file",
    status: str = "neu",
    assignee: str | None = None,
    closed: datetime | None = None,
    priority: str = "normal",
) -> None:
    received = received if received.tzinfo else received.replace(tzinfo=UTC)
    with session_scope(runtime.engine) as session:
        assignee_id = None
        if assignee:
            assignee_id = session.exec(select(UserAccount.id).where(UserAccount.username == assignee)).one()
        session.add(
            Consultation(
                reference=reference,
                subject=f"Anfrage {reference}",
                status=status,
                channel=channel,
                priority=priority,
                topics=list(topics or []),
                authority_key=authority_key,
                assignee_id=assignee_id,
                received_at=received,
                first_response_at=received + timedelta(hours=response_hours) if response_hours is not None else None,
                closed_at=closed,
                created_at=datetime.now(UTC),
            )
        )


def two_municipalities_of_one_district(runtime: Runtime) -> tuple[Municipality, Municipality]:
    """Two Gemeinden of the same Landkreis from the packaged gazetteer."""
    with session_scope(runtime.engine) as session:
        rows = session.exec(
            select(Municipality).where(Municipality.kind != "kreisfreie Stadt").order_by(Municipality.key)
        ).all()
        by_district: dict[str, list[Municipality]] = {}
        for row in rows:
            by_district.setdefault(row.district_key, []).append(row)
        first, second = next(members for members in by_district.values() if len(members) >= 2)[:2]
        session.expunge_all()
        return first, second
