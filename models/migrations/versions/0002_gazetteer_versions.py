"""Gazetteer versions of the gazetteer loaded with ``eingang gazetteer load``.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gazetteer_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=1024), nullable=False),
        sa.Column("checksum", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("files", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("gazetteer_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gazetteer_version_checksum"), ["checksum"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("gazetteer_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gazetteer_version_checksum"))
    op.drop_table("gazetteer_version")
