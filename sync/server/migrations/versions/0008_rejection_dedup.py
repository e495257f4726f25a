"""one open dead letter per device, record and reason

Work the office refuses for lack of access is held by the laptop and sent again on every
sync; each refusal used to add a row with the whole mutation. Now the open row of that
device, record and reason is updated in place (the latest mutation, how many times, when
last seen). Rows from before keep NULL tbl/record_id.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_rejection") as batch:
        batch.add_column(sa.Column("tbl", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("record_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("times", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("last_seen_at", sa.String(length=32), nullable=True))
    op.create_index("ix_sync_rejection_open", "sync_rejection", ["device_id", "tbl", "record_id", "reason"])


def downgrade() -> None:
    op.drop_index("ix_sync_rejection_open", table_name="sync_rejection")
    with op.batch_alter_table("sync_rejection") as batch:
        batch.drop_column("last_seen_at")
        batch.drop_column("times")
        batch.drop_column("record_id")
        batch.drop_column("tbl")
