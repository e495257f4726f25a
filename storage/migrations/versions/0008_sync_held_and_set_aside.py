"""sync: work refused for lack of access is held (not dropped), refused pulled records set aside

``sync_held``: local edits the office refused with ``forbidden`` or ``unknown_parent``;
sent again on later syncs until the access arrives. ``sync_set_aside``: records from the
office this store refused; kept whole with the reason while the rest of the page applies.
Local bookkeeping only: no outbox triggers.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_held",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("held_since", sa.String(length=32), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_held")),
        sa.UniqueConstraint("tbl", "record_id", name=op.f("uq_sync_held_tbl")),
    )
    op.create_table(
        "sync_set_aside",
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("set_aside_at", sa.String(length=32), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "id", name=op.f("pk_sync_set_aside")),
    )


def downgrade() -> None:
    op.drop_table("sync_set_aside")
    op.drop_table("sync_held")
