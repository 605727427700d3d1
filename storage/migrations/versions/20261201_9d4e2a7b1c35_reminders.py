"""reminders: a cluster's reminder policy and last swept day, unreachable people, snoozes

Revision ID: 9d4e2a7b1c35
Revises: 7c1e9b2d4f10
Create Date: 2026-12-01 11:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "9d4e2a7b1c35"
down_revision: str | None = "7c1e9b2d4f10"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("clusters", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("reminder_settings", sa.JSON(), nullable=False, server_default="{}")
        )
        batch_op.add_column(sa.Column("reminders_swept_on", sa.Date(), nullable=True))
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("unreachable_since", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
    op.create_table(
        "reminder_snoozes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("until", sa.Date(), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignments.id"],
            name=op.f("fk_reminder_snoozes_assignment_id_assignments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_reminder_snoozes_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_snoozes")),
        sa.UniqueConstraint(
            "person_id", "assignment_id", name=op.f("uq_reminder_snoozes_person_id_assignment_id")
        ),
    )
    op.create_index(
        op.f("ix_reminder_snoozes_assignment_id"),
        "reminder_snoozes",
        ["assignment_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_reminder_snoozes_assignment_id"), table_name="reminder_snoozes")
    op.drop_table("reminder_snoozes")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_column("unreachable_since")
    with op.batch_alter_table("clusters", schema=None) as batch_op:
        batch_op.drop_column("reminders_swept_on")
        batch_op.drop_column("reminder_settings")
