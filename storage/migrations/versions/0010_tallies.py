"""counters kept by triggers: the outbox's size and the live signals per inspection

Opening the store used to count both: ``count(*)`` over the outbox (a full scan of a
table holding a JSON copy of every change, ~120 ms at 1M rows) and the live signals of
every inspection (a look-up of each signal row for ``deleted_at``, ~220 ms at 100k
signals). Two small tables, maintained by triggers in the writing transaction, answer
both from a handful of rows. Triggers rather than code: local edits, pulled records
(``sync.apply`` writes plain INSERT/UPDATE), imports and acknowledged outbox rows all
keep them right whichever path writes. The tables are local bookkeeping: not models, not
synced, not exported (``tally_`` is unmanaged in ``migrations/env.py``).

A later migration that recreates ``signal`` or ``outbox`` in batch mode drops these
triggers with the table and must make them again (``TRIGGERS`` below) and re-count.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 08:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

LIVE = "deleted_at IS NULL AND inspection_id IS NOT NULL"

TABLES = [
    "CREATE TABLE tally_outbox (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)",
    "CREATE TABLE tally_signal (inspection_id VARCHAR(36) PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID",
]

COUNT = [
    "DELETE FROM tally_outbox",
    "INSERT INTO tally_outbox (id, n) SELECT 1, count(*) FROM outbox",
    "DELETE FROM tally_signal",
    f"INSERT INTO tally_signal (inspection_id, n) SELECT inspection_id, count(*) FROM signal WHERE {LIVE}"
    " GROUP BY inspection_id",
]

_ADD = (
    "INSERT INTO tally_signal (inspection_id, n) SELECT NEW.inspection_id, 1"
    " WHERE NEW.deleted_at IS NULL AND NEW.inspection_id IS NOT NULL"
    " ON CONFLICT (inspection_id) DO UPDATE SET n = n + 1;"
)
_REMOVE = (
    "UPDATE tally_signal SET n = n - 1 WHERE inspection_id = OLD.inspection_id AND OLD.deleted_at IS NULL;"
)

TRIGGERS = [
    "CREATE TRIGGER tally_outbox_insert AFTER INSERT ON outbox\nBEGIN UPDATE tally_outbox SET n = n + 1; END",
    "CREATE TRIGGER tally_outbox_delete AFTER DELETE ON outbox\nBEGIN UPDATE tally_outbox SET n = n - 1; END",
    f"CREATE TRIGGER tally_signal_insert AFTER INSERT ON signal\nBEGIN {_ADD} END",
    # only when liveness or the inspection changes: autosaved text edits cost nothing extra
    "CREATE TRIGGER tally_signal_update AFTER UPDATE OF inspection_id, deleted_at ON signal\n"
    "WHEN OLD.inspection_id IS NOT NEW.inspection_id OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)\n"
    f"BEGIN {_REMOVE} {_ADD} END",
    # hard deletes are refused by outbox_signal_no_hard_delete; counted anyway should that ever change
    f"CREATE TRIGGER tally_signal_delete AFTER DELETE ON signal\nBEGIN {_REMOVE} END",
]

TRIGGER_NAMES = [
    "tally_outbox_insert",
    "tally_outbox_delete",
    "tally_signal_insert",
    "tally_signal_update",
    "tally_signal_delete",
]


def upgrade() -> None:
    for statement in (*TABLES, *TRIGGERS, *COUNT):
        op.execute(statement)


def downgrade() -> None:
    for name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS tally_signal")
    op.execute("DROP TABLE IF EXISTS tally_outbox")
