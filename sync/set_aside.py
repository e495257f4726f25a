"""Records from the office this laptop's store refuses, set aside instead of stopping the sync.

A pulled record is checked against the shared value schema (``storage.value_schema``) before
it is written; whatever SQLite still refuses (a constraint, a value it cannot bind, a
reference to a record it does not hold) is caught per record by ``sync.apply``. A refused
record is kept whole in ``sync_set_aside`` with the reason, the rest of its page applies and
the cursor moves on. Every later pull tries the set-aside records again (their parent may
have arrived, a framework may have been fetched); a newer state of the record that applies
drops the old one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.exc import DataError, IntegrityError, InterfaceError, ProgrammingError
from sqlalchemy.orm import Session

from storage import value_schema
from storage.models import Base, SyncSetAside
from sync.protocol import RecordState

from . import local_state as state
from .local_rows import Key, chunks, expire, marks


class ValueRefused(Exception):
    """The driver could not bind one of a record's values (raised only around the binding:
    a TypeError or ValueError elsewhere is a bug and must surface, not set records aside)."""


# What SQLite says about one record's values. Not OperationalError: a full disk or a locked
# store is no fault of the record, and setting records aside for it would hide the failure.
REFUSED_BY_STORE = (IntegrityError, InterfaceError, ProgrammingError, DataError, ValueRefused)


@dataclass(frozen=True)
class SetAside:
    tbl: str
    id: str
    rev: int
    reason: str
    set_aside_at: str
    tries: int


def precheck(rec: RecordState, new: bool) -> str | None:
    """Why the shared value schema refuses this record's values, or None."""
    issues = value_schema.check_record(rec.tbl, rec.fields, new=new and not rec.partial)
    return value_schema.reason(issues) if issues else None


def _existing(conn: Connection, tbl: str, column: str, values: set[str]) -> set[str]:
    found: set[str] = set()
    for part in chunks(sorted(values)):
        sql = f'SELECT "{column}" FROM "{tbl}" WHERE "{column}" IN ({marks(part)})'
        found.update(str(r[0]) for r in conn.exec_driver_sql(sql, tuple(part)))
    return found


def dangling(conn: Connection, keys: Iterable[Key]) -> dict[Key, str]:
    """Records among ``keys`` naming a parent this store does not hold. Foreign keys are
    deferred while a page is applied (a page may name a parent after its child), so SQLite
    would only refuse them at commit, the whole page at once."""
    by_table: dict[str, set[str]] = {}
    for tbl, record_id in keys:
        by_table.setdefault(tbl, set()).add(record_id)
    out: dict[Key, str] = {}
    for tbl, ids in by_table.items():
        table = Base.metadata.tables[tbl]
        fks = [(fk.parent.name, fk.column.table.name, fk.column.name) for fk in table.foreign_keys]
        if not fks:
            continue
        cols = ", ".join(f'"{c}"' for c, _, _ in fks)
        rows: list[Any] = []
        for part in chunks(sorted(ids)):
            sql = f'SELECT id, {cols} FROM "{tbl}" WHERE id IN ({marks(part)})'
            rows += conn.exec_driver_sql(sql, tuple(part)).all()
        for n, (column, parent, parent_column) in enumerate(fks, start=1):
            named = {str(r[n]) for r in rows if r[n] is not None}
            missing = named - _existing(conn, parent, parent_column, named) if named else set()
            for r in rows:
                if r[n] is not None and str(r[n]) in missing:
                    out.setdefault((tbl, str(r[0])), f"unknown_parent:{column}")
    return out


def put(session: Session, refused: list[tuple[RecordState, str]]) -> None:
    """Keep these records (the newest state of each) with why they were refused."""
    if not refused:
        return
    now = state.now()
    session.connection().exec_driver_sql(
        "INSERT INTO sync_set_aside (tbl, id, rev, record, reason, set_aside_at, tries)"
        " VALUES (?, ?, ?, ?, ?, ?, 1)"
        " ON CONFLICT (tbl, id) DO UPDATE SET rev = excluded.rev, record = excluded.record,"
        " reason = excluded.reason, tries = sync_set_aside.tries + 1"
        " WHERE excluded.rev >= sync_set_aside.rev",
        [(r.tbl, r.id, r.rev, json.dumps(r.model_dump()), reason, now) for r, reason in refused],
    )
    expire(session, SyncSetAside)


def forget(session: Session, applied: list[RecordState]) -> None:
    """A whole state of the record applied: an older set-aside one is out of date."""
    whole = [(r.tbl, r.id, r.rev) for r in applied if not r.partial]
    if not whole:
        return
    conn = session.connection()
    if conn.exec_driver_sql("SELECT 1 FROM sync_set_aside LIMIT 1").first() is None:
        return  # the usual case: nothing set aside
    conn.exec_driver_sql("DELETE FROM sync_set_aside WHERE tbl = ? AND id = ? AND rev <= ?", whole)
    expire(session, SyncSetAside)


def drop(session: Session, stale: list[RecordState]) -> None:
    """These copies bring nothing newer than the store holds: no longer kept."""
    if stale:
        sql = "DELETE FROM sync_set_aside WHERE tbl = ? AND id = ? AND rev = ?"
        session.connection().exec_driver_sql(sql, [(r.tbl, r.id, r.rev) for r in stale])
        expire(session, SyncSetAside)


def still_aside(session: Session, keys: Iterable[Key]) -> set[Key]:
    """Which of these records are (still) set aside."""
    wanted = set(keys)
    rows = session.connection().exec_driver_sql("SELECT tbl, id FROM sync_set_aside")
    return {(r[0], r[1]) for r in rows} & wanted


def records(session: Session) -> list[RecordState]:
    """The set-aside records, oldest revision first (parents usually come before children)."""
    rows = session.connection().exec_driver_sql("SELECT record FROM sync_set_aside ORDER BY rev, tbl, id")
    return [RecordState.model_validate(json.loads(r[0])) for r in rows]


def listing(session: Session) -> list[SetAside]:
    rows = session.scalars(select(SyncSetAside).order_by(SyncSetAside.set_aside_at, SyncSetAside.tbl))
    return [SetAside(r.tbl, r.id, r.rev, r.reason, r.set_aside_at, r.tries) for r in rows]
