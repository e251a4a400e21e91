"""Free tags (Schlagworte) on consultations and consultants' saved inbox filters (issue 14).

Revision ID: 0011
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tag",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_tag_key", "tag", ["key"], unique=True)
    op.create_table(
        "consultation_tag",
        sa.Column("consultation_id", sa.Integer(), sa.ForeignKey("consultation.id"), primary_key=True),
        sa.Column("tag_id", sa.Integer(), sa.ForeignKey("tag.id"), primary_key=True),
    )
    op.create_index("ix_consultation_tag_tag_id", "consultation_tag", ["tag_id"])
    op.create_table(
        "saved_filter",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("user_id", "name", name="uq_saved_filter_name"),
    )
    op.create_index("ix_saved_filter_user_id", "saved_filter", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_saved_filter_user_id", table_name="saved_filter")
    op.drop_table("saved_filter")
    op.drop_index("ix_consultation_tag_tag_id", table_name="consultation_tag")
    op.drop_table("consultation_tag")
    op.drop_index("ix_tag_key", table_name="tag")
    op.drop_table("tag")
