"""Outbox: outbound_mail keeps the complete message and its delivery attempts, so mail is
written with the change that causes it and sent after the commit (issue 12).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbound_mail", schema=None) as batch_op:
        batch_op.add_column(sa.Column("raw", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_outbound_mail_status", ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outbound_mail", schema=None) as batch_op:
        batch_op.drop_index("ix_outbound_mail_status")
        batch_op.drop_column("claimed_at")
        batch_op.drop_column("attempts")
        batch_op.drop_column("raw")
