"""Writing the server's records into the laptop's tables.

Fields with edits still waiting in the outbox are left alone (the user's newer value
wins locally until the server has decided); every other field takes the server's
value and revision. Writes go through the ordinary tables, so the search index
follows. The outbox triggers fire too; those rows are removed in the same
transaction, because a pulled change is not a local edit and must not travel back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import JSON, Boolean, delete, func, select
from sqlalchemy.orm import Session

from storage.models import Base, Outbox, SyncRecord
from sync.protocol import RecordState

from . import local_state as state
from . import portable


def _pending(session: Session) -> dict[tuple[str, str], set[str]]:
    out: dict[tuple[str, str], set[str]] = {}
    for entity, entity_id, changed in session.execute(
        select(Outbox.entity, Outbox.entity_id, Outbox.changed)
    ):
        out.setdefault((entity, entity_id), set()).update(changed)
    return out


def stored_value(column: Any, value: Any) -> Any:
    """A JSON value from the wire as the column stores it (the triggers sent it that way)."""
    if value is None:
        return None
    if isinstance(column.type, JSON):
        return json.dumps(value)
    if isinstance(column.type, Boolean):
        return 1 if value else 0
    return value


def apply_records(session: Session, records: Iterable[RecordState]) -> int:
    """Apply server records; returns how many local rows changed."""
    records = list(records)
    if not records:
        return 0
    conn = session.connection()
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # a page may name a parent after its child
    before = session.scalar(select(func.max(Outbox.seq))) or 0
    pending = _pending(session)
    changed = 0
    for rec in records:
        table = Base.metadata.tables.get(rec.tbl)
        if table is None or "deleted_at" not in table.c:
            state.add_issue(session, "unknown_table", rec.tbl, rec.id)
            continue
        busy = pending.get((rec.tbl, rec.id), set())
        try:
            fields = portable.incoming(session, rec.tbl, rec.fields)
        except portable.UnknownFramework as exc:
            state.add_issue(session, "unknown_framework", rec.tbl, rec.id, framework=str(exc))
            continue
        values = {
            c.name: stored_value(c, fields[c.name])
            for c in table.columns
            if c.name in fields and c.name not in busy and c.name != "id"
        }
        exists = conn.exec_driver_sql(f'SELECT 1 FROM "{rec.tbl}" WHERE id = ?', (rec.id,)).scalar()
        if exists is None:
            names = ["id", *values]
            marks = ", ".join("?" for _ in names)
            conn.exec_driver_sql(
                f'INSERT INTO "{rec.tbl}" ({", ".join(names)}) VALUES ({marks})', (rec.id, *values.values())
            )
            changed += 1
        elif values:
            assignments = ", ".join(f'"{k}" = ?' for k in values)
            where = " OR ".join(f'"{k}" IS NOT ?' for k in values)
            done = conn.exec_driver_sql(
                f'UPDATE "{rec.tbl}" SET {assignments} WHERE id = ? AND ({where})',
                (*values.values(), rec.id, *values.values()),
            )
            changed += done.rowcount
        _remember(session, rec, busy)
    session.execute(delete(Outbox).where(Outbox.seq > before))
    session.flush()
    return changed


def _remember(session: Session, rec: RecordState, busy: set[str]) -> None:
    mark = session.get(SyncRecord, (rec.tbl, rec.id))
    if mark is None:
        mark = SyncRecord(tbl=rec.tbl, id=rec.id, rev=0, field_revs={})
        session.add(mark)
    revs = dict(mark.field_revs or {})
    for f, rev in rec.field_revs.items():
        if f not in busy:
            revs[f] = max(int(rev), int(revs.get(f, 0)))
    mark.field_revs = revs
    mark.rev = max(mark.rev or 0, rec.rev)
