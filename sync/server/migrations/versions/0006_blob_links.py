"""blob links: attachment bytes only through a record whose pusher held them

A record naming another team's SHA-256 no longer unlocks its bytes: a hash counts once
its pusher uploaded the file or could already read it (decision 0006). Records already
on the server are trusted as before (their links are filled in). Uploads in progress
start over: their partial files were plaintext, the new ones are encrypted.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 10:00:00
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blob_holder",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "account_id", name=op.f("pk_blob_holder")),
    )
    op.create_table(
        "blob_link",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("record_id", "sha256", name=op.f("pk_blob_link")),
    )
    with op.batch_alter_table("blob_link", schema=None) as batch_op:
        batch_op.create_index("ix_blob_link_sha256", ["sha256"], unique=False)
    op.create_table(
        "blob_claim",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("record_id", "sha256", "account_id", name=op.f("pk_blob_claim")),
    )
    with op.batch_alter_table("blob_claim", schema=None) as batch_op:
        batch_op.create_index("ix_blob_claim_sha_account", ["sha256", "account_id"], unique=False)
    conn = op.get_bind()
    conn.execute(sa.text("DELETE FROM blob_upload"))
    stored = {r[0] for r in conn.execute(sa.text("SELECT sha256 FROM blob"))}
    named: list[tuple[str, str | None, str]] = []
    query = sa.text("SELECT id, scope, fields FROM record WHERE tbl = 'attachment'")
    for record_id, scope, fields in conn.execute(query):
        values = json.loads(fields) if isinstance(fields, str | bytes) else fields
        sha = values.get("sha256") if isinstance(values, dict) else None
        if isinstance(sha, str) and sha in stored:  # a dict or list here is no hash
            named.append((record_id, scope, sha))
    # a shared record naming a hash an inspection's record also names may be the planted
    # exploit of issue #12: left unlinked (decision 0006)
    in_inspection = {sha for _, scope, sha in named if scope is not None}
    links: list[dict[str, Any]] = [
        {"record_id": record_id, "sha256": sha}
        for record_id, scope, sha in named
        if scope is not None or sha not in in_inspection
    ]
    if links:
        conn.execute(sa.text("INSERT INTO blob_link (record_id, sha256) VALUES (:record_id, :sha256)"), links)


def downgrade() -> None:
    with op.batch_alter_table("blob_claim", schema=None) as batch_op:
        batch_op.drop_index("ix_blob_claim_sha_account")
    op.drop_table("blob_claim")
    with op.batch_alter_table("blob_link", schema=None) as batch_op:
        batch_op.drop_index("ix_blob_link_sha256")
    op.drop_table("blob_link")
    op.drop_table("blob_holder")
