"""search insert triggers stay quiet while records from the office are written

The laptop then indexes a pulled page's new rows itself, one statement per table
(``storage/search_index.py``): inside a trigger each row opened a statement savepoint, at
which FTS5 writes its pending terms to disk, so every pulled note made its own index
segment. The update triggers are unchanged.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 13:00:00
"""

from __future__ import annotations

from alembic import op

from storage import ddl

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_GUARD = f"\nWHEN {ddl.QUIET}"


def _search_insert_triggers() -> list[tuple[str, str]]:
    rows = op.get_bind().exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        " AND name LIKE 'search\\_%\\_insert' ESCAPE '\\' ORDER BY name"
    )
    return [(str(name), str(sql)) for name, sql in rows]


def upgrade() -> None:
    for name, sql in _search_insert_triggers():
        op.execute(f"DROP TRIGGER {name}")
        op.execute(ddl.quiet_while_applying(sql))


def downgrade() -> None:
    for name, sql in _search_insert_triggers():
        head, _, body = sql.partition("\nBEGIN")
        op.execute(f"DROP TRIGGER {name}")
        op.execute(f"{head.removesuffix(_GUARD)}\nBEGIN{body}")
