"""attachment files handed to the office

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 15:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("uploaded_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_sync_blob")),
    )


def downgrade() -> None:
    op.drop_table("sync_blob")
