"""Chat channel: chat sessions and chat messages.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chat_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("visitor_name", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("visitor_email", sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
        sa.Column("authority_key", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
        sa.Column("consultation_id", sa.Integer(), nullable=True),
        sa.Column("first_message_id", sqlmodel.sql.sqltypes.AutoString(length=998), nullable=True),
        sa.Column("client_address", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["consultation_id"], ["consultation.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("chat_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chat_session_consultation_id"), ["consultation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_chat_session_token"), ["token"], unique=True)

    op.create_table(
        "chat_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("client_message_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("inbound_message_id", sa.Integer(), nullable=True),
        sa.Column("reply_to_id", sa.Integer(), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("author_name", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
        sa.Column("delivery", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("outbound_mail_id", sa.Integer(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["author_id"], ["user_account.id"]),
        sa.ForeignKeyConstraint(["inbound_message_id"], ["inbound_message.id"]),
        sa.ForeignKeyConstraint(["outbound_mail_id"], ["outbound_mail.id"]),
        sa.ForeignKeyConstraint(["reply_to_id"], ["chat_message.id"]),
        sa.ForeignKeyConstraint(["session_id"], ["chat_session.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "client_message_id", name="uq_chat_message_client_id"),
    )
    with op.batch_alter_table("chat_message", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chat_message_delivery"), ["delivery"], unique=False)
        batch_op.create_index(batch_op.f("ix_chat_message_session_id"), ["session_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("chat_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_message_session_id"))
        batch_op.drop_index(batch_op.f("ix_chat_message_delivery"))
    op.drop_table("chat_message")
    with op.batch_alter_table("chat_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_session_token"))
        batch_op.drop_index(batch_op.f("ix_chat_session_consultation_id"))
    op.drop_table("chat_session")
