"""weekly summaries and branding: a cluster's summary day/hour and its colours

Revision ID: b3f6c8e1a2d4
Revises: 9d4e2a7b1c35
Create Date: 2026-12-01 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b3f6c8e1a2d4"
down_revision: str | None = "9d4e2a7b1c35"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("clusters", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("summary_settings", sa.JSON(), nullable=False, server_default="{}")
        )
        batch_op.add_column(sa.Column("branding", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("clusters", schema=None) as batch_op:
        batch_op.drop_column("branding")
        batch_op.drop_column("summary_settings")
