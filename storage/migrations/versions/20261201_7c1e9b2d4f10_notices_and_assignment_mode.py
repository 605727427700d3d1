"""notices rendered at send time; item assignment mode; a deadline moved per assignment

Revision ID: 7c1e9b2d4f10
Revises: 5a658dc52724
Create Date: 2026-12-01 08:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "7c1e9b2d4f10"
down_revision: str | None = "5a658dc52724"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Queued texts were rendered in the sender's language at write time; a notice is rendered
    # when it is sent. Rows still pending cannot be rendered again, so they are dropped.
    op.execute("DELETE FROM notifications WHERE status = 'pending'")
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_column("text")
        batch_op.drop_column("reply_markup")
        batch_op.alter_column("chat_id", existing_type=sa.BigInteger(), nullable=True)
        batch_op.add_column(sa.Column("payload", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(
            sa.Column("silent", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("claimed_until", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "assignment_mode",
                sa.Enum(
                    "shared",
                    "per_organization",
                    name="assignmentmode",
                    native_enum=False,
                    create_constraint=False,
                    length=24,
                ),
                nullable=True,
            )
        )
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("due_date", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_column("due_date")
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_column("assignment_mode")
    op.execute("DELETE FROM notifications")
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_column("claimed_until")
        batch_op.drop_column("silent")
        batch_op.drop_column("payload")
        batch_op.alter_column("chat_id", existing_type=sa.BigInteger(), nullable=False)
        batch_op.add_column(sa.Column("reply_markup", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("text", sa.Text(), nullable=False, server_default=""))
