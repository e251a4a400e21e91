"""Contacts of a consultation: answers go to them, not to whoever wrote last (issue 13).
Existing consultations get their opener (``consultation.sender_address``) as contact.
``consultation.related_consultation_id`` / ``merged_into_id`` link consultations split off,
merged, or opened by a chat that named another's reference; ``chat_session.claim_*`` hold the
one-time code (hash) a chat visitor must enter to be attached to a named consultation.

Revision ID: 0010
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consultation_contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("added_by", sa.String(length=128), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["consultation_id"], ["consultation.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("consultation_id", "address", name="uq_consultation_contact"),
    )
    op.create_index("ix_consultation_contact_consultation_id", "consultation_contact", ["consultation_id"])
    op.create_index("ix_consultation_contact_address", "consultation_contact", ["address"])
    op.execute(
        "INSERT INTO consultation_contact (consultation_id, address, name, role, added_by, added_at) "
        "SELECT id, lower(sender_address), sender_name, 'eroeffnet', 'system', created_at FROM consultation "
        "WHERE sender_address IS NOT NULL AND sender_address <> ''"
    )
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("related_consultation_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
    with op.batch_alter_table("chat_session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claim_consultation_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("claim_code_hash", sa.String(length=128), nullable=True))
        batch_op.add_column(sa.Column("claim_expires_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("claim_attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("claim_verified_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("chat_session", schema=None) as batch_op:
        for column in ("claim_verified_at", "claim_attempts", "claim_expires_at", "claim_code_hash"):
            batch_op.drop_column(column)
        batch_op.drop_column("claim_consultation_id")
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.drop_column("merged_into_id")
        batch_op.drop_column("related_consultation_id")
    op.drop_index("ix_consultation_contact_address", table_name="consultation_contact")
    op.drop_index("ix_consultation_contact_consultation_id", table_name="consultation_contact")
    op.drop_table("consultation_contact")
