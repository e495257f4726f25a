"""attachment blobs: stored files and resumable uploads

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 15:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("stored_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_blob")),
    )
    op.create_table(
        "blob_upload",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("offset", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_blob_upload")),
    )
    with op.batch_alter_table("blob_upload", schema=None) as batch_op:
        batch_op.create_index("ix_blob_upload_sha_device", ["sha256", "device_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("blob_upload", schema=None) as batch_op:
        batch_op.drop_index("ix_blob_upload_sha_device")

    op.drop_table("blob_upload")
    op.drop_table("blob")
