"""web schema (issue 7): no changes — ``user_account`` from 0001 already holds what the web app
needs (argon2 password hash, hashed API token, role, team lead, active).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
