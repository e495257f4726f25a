"""outbox triggers stay quiet while records from the office are written

Adds ``sync_applying`` (a row exists only inside the transaction that writes pulled
records) and rewrites the existing outbox insert and update triggers to fire only when it
is empty. Before, every pulled record made an outbox row that the same transaction
deleted again: a fifth of the laptop's work per pulled page.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 20:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage import ddl

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _outbox_triggers() -> list[tuple[str, str]]:
    rows = op.get_bind().exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        " AND (name LIKE 'outbox\\_%\\_insert' ESCAPE '\\' OR name LIKE 'outbox\\_%\\_update' ESCAPE '\\')"
        " ORDER BY name"
    )
    return [(str(name), str(sql)) for name, sql in rows]


def upgrade() -> None:
    op.create_table(
        "sync_applying",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_applying")),
    )
    for name, sql in _outbox_triggers():
        op.execute(f"DROP TRIGGER {name}")
        op.execute(ddl.quiet_while_applying(sql))


def downgrade() -> None:
    guard = f"\nWHEN {ddl.QUIET}"
    for name, sql in _outbox_triggers():
        head, _, body = sql.partition("\nBEGIN")
        if head.endswith(guard):  # the insert trigger had no condition
            head = head.removesuffix(guard)
        else:
            head = head.replace(f"{guard} AND (", "\nWHEN ", 1).removesuffix(")")
        op.execute(f"DROP TRIGGER {name}")
        op.execute(f"{head}\nBEGIN{body}")
    op.drop_table("sync_applying")
