"""Writing the server's records into the laptop's tables.

Fields with edits still waiting in the outbox are left alone (the user's newer value
wins locally until the server has decided); every other field takes the server's
value and revision. Writes go through the ordinary tables; the outbox triggers stay
quiet (``sync_applying`` holds a row meanwhile), because a pulled change is not a local
edit and must not travel back, and so do the search insert triggers: the page's new rows
are indexed after their inserts, one statement per table (``storage.search_index``).

A record the store refuses never stops the page: it is set aside (``sync.set_aside``) and
the rest applies. The page is written in one go under a savepoint; when SQLite refuses it,
the page is written again one record per savepoint, and the refused ones are kept apart.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import JSON, Boolean, Connection
from sqlalchemy.orm import Session

from storage import search_index
from storage.models import Base, SyncRecord
from sync.protocol import RecordState

from . import json_text, portable, set_aside
from . import local_state as state
from .local_rows import Key, chunks, expire, outbox_fields


def _pending(conn: Connection, keys: list[Key]) -> dict[Key, set[str]]:
    """Fields with edits still unsent: in the outbox, or held to be sent again."""
    return outbox_fields(conn, keys, held=True)


def _execute(conn: Connection, sql: str, params: Sequence[Any]) -> int:
    """Write pulled values; a value the driver cannot bind (an integer past 64 bits, a type
    SQLite lacks) refuses the record, while a TypeError or ValueError anywhere else in
    ``_apply`` is a bug and must not set records aside quietly."""
    try:
        return conn.exec_driver_sql(sql, params).rowcount
    except (TypeError, ValueError, OverflowError) as exc:
        raise set_aside.ValueRefused(f"{type(exc).__name__}: {exc}") from exc


def _synced(tbl: str) -> bool:
    """A table records from the office may write: one of the synced ones (soft deletes), never
    this laptop's own bookkeeping (outbox, store_meta, sync_*)."""
    table = Base.metadata.tables.get(tbl)
    return table is not None and "deleted_at" in table.c


def _present(conn: Connection, keys: list[Key]) -> set[Key]:
    by_table: dict[str, set[str]] = {}
    for tbl, record_id in keys:
        by_table.setdefault(tbl, set()).add(record_id)
    out: set[Key] = set()
    for tbl, ids in by_table.items():
        for part in chunks(sorted(ids)):
            marks = ", ".join("?" for _ in part)
            sql = f'SELECT id FROM "{tbl}" WHERE id IN ({marks})'
            out.update((tbl, r[0]) for r in conn.exec_driver_sql(sql, tuple(part)))
    return out


def known_revisions(conn: Connection, keys: list[Key]) -> dict[Key, tuple[int, dict[str, int]]]:
    """The server revisions known per record (``sync_record``), by its whole primary key
    (an id-only filter scans the table): ``(rev, {field: rev})``."""
    out: dict[Key, tuple[int, dict[str, int]]] = {}
    for part in chunks(sorted(set(keys))):
        marks = ", ".join("(?, ?)" for _ in part)
        sql = f"SELECT tbl, id, rev, field_revs FROM sync_record WHERE (tbl, id) IN (VALUES {marks})"
        for tbl, record_id, rev, revs in conn.exec_driver_sql(sql, tuple(v for k in part for v in k)):
            out[(tbl, record_id)] = (int(rev or 0), json.loads(revs) if revs else {})
    return out


def stale(conn: Connection, records: list[RecordState]) -> list[RecordState]:
    """Records (set-aside copies) of rows this store holds whose every field is older than the
    one it knows: applied, they would write nothing (``_apply`` skips older values)."""
    known = known_revisions(conn, [(r.tbl, r.id) for r in records])
    present = _present(conn, list(known))
    out = []
    for r in records:
        revs = known.get((r.tbl, r.id), (0, {}))[1]
        if (r.tbl, r.id) in present and all(_rev(r, f) < int(revs.get(f, 0)) for f in r.fields):
            out.append(r)
    return out


def _rev(rec: RecordState, f: str) -> int:
    return int(rec.field_revs.get(f, rec.rev))


def stored_value(column: Any, value: Any) -> Any:
    """A JSON value from the wire as the column stores it (the triggers sent it that way)."""
    return _store(_kind(column), value)


def same_stored(column: Any, raw: Any, value: Any) -> bool:
    """Does the column's raw stored value hold the wire ``value``? JSON text is compared
    parsed: a trigger's ``json(...)`` and ``json.dumps`` space it differently."""
    stored = stored_value(column, value)
    if _kind(column) == "json" and isinstance(raw, str) and isinstance(stored, str):
        try:
            return bool(json.loads(raw) == value)
        except ValueError:
            return False
    return bool(raw == stored)


def _kind(column: Any) -> str:
    return "json" if isinstance(column.type, JSON) else "bool" if isinstance(column.type, Boolean) else ""


def _store(kind: str, value: Any) -> Any:
    if value is None or not kind:
        return value
    return json_text.dumps(value) if kind == "json" else (1 if value else 0)


@functools.cache
def _columns(tbl: str) -> dict[str, str]:
    """The table's columns a record may set (all but ``id``), each with how it is stored."""
    return {c.name: _kind(c) for c in Base.metadata.tables[tbl].columns if c.name != "id"}


def apply_records(session: Session, records: Iterable[RecordState]) -> int:
    """Apply server records; returns how many local rows changed."""
    records = _revisions_only(session, list(records))
    if not records:
        return 0
    conn = session.connection()
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # a page may name a parent after its child
    conn.exec_driver_sql("INSERT INTO sync_applying (id) VALUES (1)")  # the outbox triggers keep quiet
    try:
        return _apply_guarded(session, records)
    finally:
        conn.exec_driver_sql("DELETE FROM sync_applying")


def _revisions_only(session: Session, records: list[RecordState]) -> list[RecordState]:
    """Take in the records that carry revisions and no value (a push's answer for a record
    whose every sent value won: most of them), returning the others. They write no row, so
    nothing in them can be refused; only the revisions the next edits build on move, as
    ``_apply`` moves them. A record named twice in ``records`` goes the whole way."""
    named: dict[Key, int] = {}
    for r in records:
        named[(r.tbl, r.id)] = named.get((r.tbl, r.id), 0) + 1
    quick: list[RecordState] = []
    rest: list[RecordState] = []
    for r in records:
        (quick if _no_values(r, named) else rest).append(r)
    if not quick:
        return rest
    conn = session.connection()
    keys = [(r.tbl, r.id) for r in quick]
    pending, present, known = _pending(conn, keys), _present(conn, keys), known_revisions(conn, keys)
    marks: dict[Key, tuple[int, dict[str, int]]] = {}
    for rec in quick:
        key = (rec.tbl, rec.id)
        if key in present:  # a partial record of a row this laptop lacks: a pull brings it whole
            rev, revs = known.get(key, (0, {}))
            marks[key] = (max(rev, rec.rev), _newer_revisions(rec, revs, pending.get(key, set())))
    _remember(session, marks)
    return rest


def _no_values(rec: RecordState, named: dict[Key, int]) -> bool:
    return rec.partial and not rec.fields and named[(rec.tbl, rec.id)] == 1 and _synced(rec.tbl)


def _newer_revisions(rec: RecordState, revs: dict[str, int], busy: set[str]) -> dict[str, int]:
    """The field revisions held after ``rec``: each the newer of the two, except for fields
    with edits still unsent (their revision moves when the office has decided on them)."""
    if not revs and not busy:  # a record first seen here (most of a first pull): as they come
        return {f: int(field_rev) for f, field_rev in rec.field_revs.items()}
    out = dict(revs)
    for f, field_rev in rec.field_revs.items():
        if f not in busy:
            out[f] = max(int(field_rev), int(out.get(f, 0)))
    return out


def _apply_guarded(session: Session, records: list[RecordState]) -> int:
    """Apply what the store accepts; set the rest aside with the reason."""
    conn = session.connection()
    for rec in records:
        if not _synced(rec.tbl):
            state.add_issue(session, "unknown_table", rec.tbl, rec.id)
    records = [rec for rec in records if _synced(rec.tbl)]
    present = _present(conn, [(r.tbl, r.id) for r in records])
    refused: dict[int, str] = {}  # by position in ``records``
    for n, rec in enumerate(records):
        known = {f: v for f, v in rec.fields.items() if f in _columns(rec.tbl)}  # a newer office's: ignored
        checked = rec if len(known) == len(rec.fields) else rec.model_copy(update={"fields": known})
        why = set_aside.precheck(checked, (rec.tbl, rec.id) not in present)
        if why:
            refused[n] = why
    one_by_one = False
    for _ in range(len(records) + 2):  # each round refuses one more record at least
        todo = [(n, rec) for n, rec in enumerate(records) if n not in refused]
        savepoint = session.begin_nested()
        try:
            if one_by_one:
                changed = _apply_each(session, todo, refused)
                todo = [(n, rec) for n, rec in todo if n not in refused]
            else:
                changed = _apply(session, todo, refused)
            written = {(rec.tbl, rec.id): n for n, rec in todo if n not in refused}
            orphans = set_aside.dangling(conn, written)
        except set_aside.REFUSED_BY_STORE:
            savepoint.rollback()
            if one_by_one:
                raise
            one_by_one = True
            continue
        if orphans:  # undo the page and write it again without them
            savepoint.rollback()
            refused.update({written[k]: why for k, why in orphans.items()})
            continue
        savepoint.commit()
        set_aside.put(session, [(records[n], why) for n, why in sorted(refused.items())])
        set_aside.forget(session, [rec for n, rec in todo if n not in refused])
        return changed
    raise RuntimeError("a page could not be applied")  # not reached: a round refuses a record at least


def _apply_each(session: Session, todo: list[tuple[int, RecordState]], refused: dict[int, str]) -> int:
    """The page one record per savepoint: what SQLite refuses goes into ``refused``."""
    changed = 0
    for n, rec in todo:
        savepoint = session.begin_nested()
        try:
            changed += _apply(session, [(n, rec)], refused)
        except set_aside.REFUSED_BY_STORE as exc:
            savepoint.rollback()
            refused[n] = _store_reason(exc)
            continue
        savepoint.commit()
    return changed


def _store_reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", None) or exc
    return f"refused_by_store:{type(orig).__name__}: {str(orig)[:300]}"


def _apply(session: Session, items: list[tuple[int, RecordState]], refused: dict[int, str]) -> int:
    """Write the records in bulk (``items``: by position; ``refused``: the positions set aside here)."""
    records = [rec for _, rec in items]
    conn = session.connection()
    keys = [(rec.tbl, rec.id) for rec in records]
    pending, present, known = _pending(conn, keys), _present(conn, keys), known_revisions(conn, keys)
    remembered: dict[Key, tuple[int, dict[str, int]]] = {}
    inserts: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}  # by table and columns
    inserted: dict[str, list[str]] = {}  # ids of searchable tables' new rows, to index

    def insert_waiting() -> None:  # many rows per statement (executemany), before any update of them
        for (tbl, names), rows in inserts.items():
            marks = ", ".join("?" for _ in range(len(names) + 1))
            _execute(conn, f'INSERT INTO "{tbl}" ({", ".join(("id", *names))}) VALUES ({marks})', rows)
            if search_index.searchable(tbl):
                inserted.setdefault(tbl, []).extend(row[0] for row in rows)
        inserts.clear()

    changed = 0
    for n, rec in items:
        key = (rec.tbl, rec.id)
        busy = pending.get(key, set())
        try:
            fields = portable.incoming(session, rec.tbl, rec.fields)
        except portable.UnknownFramework as exc:  # tried again once the framework is fetched
            refused[n] = f"unknown_framework:{exc}"
            continue
        columns = _columns(rec.tbl)
        rev, revs = remembered.get(key) or known.get(key) or (0, {})
        # a field already holds a newer revision (a set-aside copy tried again after a partial
        # newer state applied, a page replayed): an older value never goes back over it
        skip = busy | {f for f in fields if _rev(rec, f) < int(revs.get(f, 0))} if revs else busy
        values = {f: _store(columns[f], v) for f, v in fields.items() if f in columns and f not in skip}
        if key not in present:
            if rec.partial:  # only what differs from a row this laptop should have: a pull brings it whole
                continue
            inserts.setdefault((rec.tbl, tuple(values)), []).append((rec.id, *values.values()))
            present.add(key)
            changed += 1
        elif values:
            if key in remembered and inserts:  # the same record twice: its insert first
                insert_waiting()
            assignments = ", ".join(f'"{k}" = ?' for k in values)
            where = " OR ".join(f'"{k}" IS NOT ?' for k in values)
            changed += _execute(
                conn,
                f'UPDATE "{rec.tbl}" SET {assignments} WHERE id = ? AND ({where})',
                (*values.values(), rec.id, *values.values()),
            )
        remembered[key] = (max(rev, rec.rev), _newer_revisions(rec, revs, busy))
    insert_waiting()
    for tbl, ids in inserted.items():  # after every write of the page: the text as it ends
        search_index.index_inserted(conn, tbl, ids)
    _remember(session, remembered)
    return changed


def _remember(session: Session, marks: dict[Key, tuple[int, dict[str, int]]]) -> None:
    """The server revisions now held per record and field: the bases of the next edits."""
    if not marks:
        return
    session.connection().exec_driver_sql(
        "INSERT INTO sync_record (tbl, id, rev, field_revs) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (tbl, id) DO UPDATE SET rev = excluded.rev, field_revs = excluded.field_revs",
        [(tbl, record_id, rev, json_text.dumps(revs)) for (tbl, record_id), (rev, revs) in marks.items()],
    )
    expire(session, SyncRecord)
