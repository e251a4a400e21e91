"""Answering (issue 14): text modules (Textbausteine), consultants' signatures (user_profile)
and reply drafts saved on the server (one per consultant and consultation).

Revision ID: 0012
Revises: 0013 (after main's 0013_notifications; was 0010)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "text_module",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=128), nullable=False),
        sa.Column("updated_by", sa.String(length=128), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "user_profile",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"]),
        sa.PrimaryKeyConstraint("user_id"),
    )
    op.create_table(
        "reply_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("to", sa.String(length=4000), nullable=False),
        sa.Column("cc", sa.String(length=4000), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["consultation_id"], ["consultation.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "consultation_id", name="uq_reply_draft"),
    )
    op.create_index("ix_reply_draft_user_id", "reply_draft", ["user_id"])
    op.create_index("ix_reply_draft_consultation_id", "reply_draft", ["consultation_id"])


def downgrade() -> None:
    op.drop_index("ix_reply_draft_consultation_id", table_name="reply_draft")
    op.drop_index("ix_reply_draft_user_id", table_name="reply_draft")
    op.drop_table("reply_draft")
    op.drop_table("user_profile")
    op.drop_table("text_module")
