"""change history: one row per applied mutation instead of one per field

A note paragraph sets ~17 fields when it is made; a row per field made history the
bulk of every push. The old rows are folded into the new table, grouped by the
mutation that wrote them, before ``field_history`` is dropped.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 18:30:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
CHUNK = 5_000


def upgrade() -> None:
    history = op.create_table(
        "change_history",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("fields", JSON, nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("client_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_history")),
    )
    with op.batch_alter_table("change_history", schema=None) as batch_op:
        batch_op.create_index("ix_change_history_record", ["tbl", "record_id", "seq"], unique=False)
    _fold(op.get_bind(), history)
    with op.batch_alter_table("field_history", schema=None) as batch_op:
        batch_op.drop_index("ix_field_history_record")
    op.drop_table("field_history")


def _fold(conn: sa.Connection, history: sa.Table) -> None:
    """field_history rows of one mutation (same seq, record, device, client_seq) become one row."""
    old = sa.table(
        "field_history",
        *(sa.column(c) for c in ("id", "seq", "tbl", "record_id", "hlc", "device_id", "client_seq", "field")),
        sa.column("value", JSON),
    )
    q = sa.select(old).order_by(
        old.c.seq, old.c.tbl, old.c.record_id, old.c.device_id, old.c.client_seq, old.c.id
    )
    rows: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for r in conn.execute(q, execution_options={"yield_per": CHUNK}):
        key = (r.seq, r.tbl, r.record_id, r.device_id, r.client_seq)
        if current is None or current["key"] != key:
            current = {"key": key, "seq": r.seq, "tbl": r.tbl, "record_id": r.record_id, "fields": {}}
            current |= {"hlc": r.hlc, "device_id": r.device_id, "client_seq": r.client_seq}
            rows.append(current)
        current["fields"][r.field] = r.value
        if len(rows) > CHUNK:
            done = rows[:-1]  # the last one may go on in the next row
            conn.execute(sa.insert(history), [{k: v for k, v in d.items() if k != "key"} for d in done])
            rows = rows[-1:]
    if rows:
        conn.execute(sa.insert(history), [{k: v for k, v in d.items() if k != "key"} for d in rows])


def downgrade() -> None:
    raise NotImplementedError("the per-field history is folded into change_history; restore the backup")
