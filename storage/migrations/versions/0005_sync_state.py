"""local sync bookkeeping: per-record field revisions, the frozen batch, sync issues

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 15:25:00
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
        "sync_record",
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("field_revs", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "id", name=op.f("pk_sync_record")),
    )
    op.create_table(
        "sync_inflight",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("last_outbox_seq", sa.Integer(), nullable=False),
        sa.Column("first_client_seq", sa.Integer(), nullable=False),
        sa.Column("last_client_seq", sa.Integer(), nullable=False),
        sa.Column("mutations", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_sync_inflight_single")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_inflight")),
    )
    op.create_table(
        "sync_issue",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("tbl", sa.String(length=40), nullable=True),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_issue")),
    )


def downgrade() -> None:
    op.drop_table("sync_issue")
    op.drop_table("sync_inflight")
    op.drop_table("sync_record")
