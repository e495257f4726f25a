"""device scopes: which inspections each device has been given from the start

Access granted after a laptop's cursor passed an inspection's records (a team given an
inspection later, a user added to a team) would otherwise never reach that laptop: the
pull sends such an inspection's older records once, and remembers where it did.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 19:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "device_scope",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("scope", sa.String(length=36), nullable=False),
        sa.Column("at_since", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "scope", name=op.f("pk_device_scope")),
    )


def downgrade() -> None:
    op.drop_table("device_scope")
