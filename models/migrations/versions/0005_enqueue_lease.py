"""Enqueue lease: inbound_message.retry_at — the time from which the sweeper may hand a stored,
unprocessed message to the queue again (issue 16). Set when the sweeper enqueues (a lease, so
mail still waiting in the queue is not enqueued twice) and when transient errors outlasted the
worker's retries (backoff until EINGANG_RETRY_HORIZON_HOURS). NULL: received_at counts.

Revision ID: 0005
Revises: 0006 (after 0006_web_sessions, which was merged first)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inbound_message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("retry_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("inbound_message", schema=None) as batch_op:
        batch_op.drop_column("retry_at")
