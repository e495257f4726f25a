"""conflicts and dead letters closed by an admin

A conflict or a refused mutation (dead letter) stayed open for ever. An admin now closes it
(``veldwerk-server close-conflict`` / ``close-dead-letter`` or the admin API); who closed it,
when and why are kept beside the row, which stays.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 22:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLES = ("sync_conflict", "sync_rejection")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("closed_at", sa.String(length=32), nullable=True))
            batch.add_column(sa.Column("closed_by", sa.String(length=200), nullable=True))
            batch.add_column(sa.Column("close_note", sa.Text(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("close_note")
            batch.drop_column("closed_by")
            batch.drop_column("closed_at")
