"""workflow schema (issue 6): no changes — the workflow, tasks, reminders, SLA breaches and
periodic runs use the foundation's tables (consultation, follow_up_task, audit_entry,
topic_correction, known_sender, outbound_mail, sla_breach, periodic_run).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
