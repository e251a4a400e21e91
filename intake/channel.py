"""The durable first step every channel shares: store the raw bytes and commit."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from models import session_scope
from models.store import store_inbound


def store_raw(
    engine: Engine,
    raw: bytes,
    *,
    channel: str,
    envelope_from: str | None = None,
    envelope_to: list[str] | None = None,
    peer: str | None = None,
) -> tuple[int, bool]:
    """Store one raw message in its own transaction; returns (id, newly stored).
    When this returns, the message is committed and may be acknowledged to the sender."""
    with session_scope(engine) as session:
        row, created = store_inbound(
            session, raw, channel=channel, envelope_from=envelope_from, envelope_to=envelope_to, peer=peer
        )
        inbound_id = row.id
    return inbound_id, created
