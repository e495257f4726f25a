"""published frameworks: taxonomies the office hands to every laptop

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 15:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "framework",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("published_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("key", "version", name=op.f("pk_framework")),
    )


def downgrade() -> None:
    op.drop_table("framework")
