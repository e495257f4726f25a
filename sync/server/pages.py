"""Pull: pages of the records a device may read that changed after its cursor.

A page is built as JSON straight from the stored rows (orjson; the largest answers the
server gives, so no model in between) and never splits one push. Records point at parents
(foreign keys) that may have changed later; those come along, so the laptop's foreign keys
hold when it commits the page.

Access granted later: a device whose cursor passed an inspection before it could read it
(its team was given the inspection, its user joined a team) first gets that inspection's
older records, in pages of their own (the *baseline*), each with a token the device keeps
beside its cursor and sends back. A lost answer is answered again from the same token; a
baseline is sent once. The token names the set of inspections it covers: when access
changes again halfway, the baseline starts over for the new set (re-applying is harmless).
"""

from __future__ import annotations

import functools
import hashlib
from typing import Any

import orjson
from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    String,
    Text,
    any_,
    cast,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler

from storage.models import Base

from . import accounts
from . import schema as t
from .accounts import Caller
from .db import dumps_bytes, loads
from .records import wire_record

TOKEN_PATTERN = r"^[0-9a-f]{16}:(\d{1,19}|done)$"


class FieldRevs(ColumnElement[str]):
    """A record's ``{field: revision}`` as JSON text: as the push wrote it (``field_revs``),
    or, for a row from before migration 0010, made by the database from its ``field_meta``
    (decoding ``field_meta``, the larger half of a row, was most of the server's work for a
    page; making the text in the database still cost ~12 µs a row on PostgreSQL)."""

    type = String()
    inherit_cache = True


@compiles(FieldRevs, "postgresql")
def _field_revs_pg(_element: FieldRevs, _compiler: SQLCompiler, **_kw: Any) -> str:
    return (
        "COALESCE(record.field_revs, (SELECT json_object_agg(m.key, m.value -> 'rev')"
        " FROM json_each(record.field_meta) AS m)::text, '{}')"
    )


@compiles(FieldRevs)
def _field_revs_sqlite(_element: FieldRevs, _compiler: SQLCompiler, **_kw: Any) -> str:
    return (
        "COALESCE(record.field_revs, (SELECT json_group_object(m.key, json_extract(m.value, '$.rev'))"
        " FROM json_each(record.field_meta) AS m), '{}')"
    )


_r = t.record.c
# the fields as the JSON text the database holds: embedded in the page as it is, decoded only
# where a record's parents must be found (``_parents``)
COLUMNS = (
    _r.tbl,
    _r.id,
    _r.scope,
    _r.rev,
    _r.ord,
    _r.deleted,
    cast(_r.fields, Text).label("fields_json"),
    FieldRevs().label("field_revs"),
)


def _wire(row: Any) -> dict[str, Any]:  # the stored JSON embedded, not decoded
    return wire_record(row, orjson.Fragment(row.fields_json), orjson.Fragment(row.field_revs))


@functools.cache
def _references(tbl: str) -> tuple[tuple[str, str], ...]:
    """(column, parent table) of the table's foreign keys."""
    table = Base.metadata.tables.get(tbl)
    keys = table.foreign_keys if table is not None else set()
    return tuple((fk.parent.name, fk.column.table.name) for fk in keys)


def _whole_pushes(conn: Connection, where: list[Any], limit: int) -> tuple[list[Any], bool]:
    """At most ``limit`` records matching ``where`` in revision order, without splitting the
    records of one push (a single push larger than ``limit`` comes whole); and whether more
    follow. The revisions are read first, so no record is fetched only to be left out."""
    order = (_r.rev, _r.ord)
    revs = [rev for (rev,) in conn.execute(select(_r.rev).where(*where).order_by(*order).limit(limit + 1))]
    has_more = len(revs) > limit
    if not revs:
        return [], False
    last = revs[-1]
    if has_more:
        last = revs[limit - 1]
        if revs[limit] == last:  # the next record belongs to the same push: stop before it
            last = max((rev for rev in revs[:limit] if rev != last), default=last)
    q = select(*COLUMNS).where(*where, _r.rev <= last).order_by(*order)
    return list(conn.execute(q)), has_more


def _parents(conn: Connection, rows: list[Any], after: int, visible: Any) -> list[Any]:
    """Records the rows point at (foreign keys) that changed after revision ``after``: only a
    later page would bring them, but the laptop's foreign keys must hold when it commits this
    one. Sent along (and again on their own page, harmlessly); their parents too."""
    have = {(r.tbl, r.id) for r in rows}
    found: list[Any] = []
    todo = rows
    while todo:
        wanted: dict[str, set[str]] = {}
        for row in todo:
            references = _references(row.tbl)
            fields = loads(row.fields_json) if references else None
            for column, parent in references:
                ref = fields.get(column) if isinstance(fields, dict) else None
                if isinstance(ref, str) and (parent, ref) not in have:
                    wanted.setdefault(parent, set()).add(ref)
        todo = []
        for tbl, ids in sorted(wanted.items()):
            q = select(*COLUMNS).where(_r.tbl == tbl, _r.id.in_(sorted(ids)), _r.rev > after, visible)
            todo.extend(conn.execute(q))
        have.update((r.tbl, r.id) for r in todo)
        found.extend(todo)
    return found


def _visible(conn: Connection, scopes: list[str], readable: Any) -> ColumnElement[bool]:
    """The records the caller may read. On PostgreSQL the inspections are given as an array, so
    the planner can weigh them: a team that reads 10 of an office's 200 inspections is served
    from ``ix_record_scope`` (2 ms a page) instead of a walk along the revisions that drops
    the other teams' rows one by one (20 ms; measured in decision 0024)."""
    if conn.dialect.name == "postgresql":
        return or_(_r.scope.is_(None), _r.scope == any_(literal(scopes, ARRAY(String))))
    return or_(_r.scope.is_(None), _r.scope.in_(readable))


def _due_scopes(conn: Connection, caller: Caller, since: int, scopes: list[str]) -> list[str]:
    """Inspections this device may read but was never given whole: newly readable ones are
    noted at the device's cursor, and stay due while it asks from that cursor or an older
    one (a device pulling from 0 gets everything by paging anyway)."""
    ds = t.device_scope.c
    given = {
        str(r.scope): int(r.at_since)
        for r in conn.execute(select(ds.scope, ds.at_since).where(ds.device_id == caller.device_id))
    }
    new = [s for s in scopes if s not in given]
    if new:
        conn.execute(
            insert(t.device_scope),
            [{"device_id": caller.device_id, "scope": s, "at_since": since} for s in new],
        )
    return sorted(s for s in scopes if since > 0 and since <= given.get(s, since))


def _mark(scopes: list[str]) -> str:
    return hashlib.sha256("\n".join(scopes).encode("ascii")).hexdigest()[:16]


def _baseline_page(
    conn: Connection, due: list[str], since: int, token: str | None, limit: int
) -> tuple[list[Any], str] | None:
    """The due inspections' next records up to ``since`` after the token's position, and
    the token for the page after; None once the token says all were sent."""
    mark = _mark(due)
    given, _, position = (token or "").partition(":")
    if given == mark and position == "done":
        return None
    after = int(position) if given == mark else 0  # another set of inspections: from the start
    rows, has_more = _whole_pushes(conn, [_r.scope.in_(due), _r.rev <= since, _r.rev > after], limit)
    if not rows:
        return None
    return rows, f"{mark}:{rows[-1].rev if has_more else 'done'}"


def pull(conn: Connection, caller: Caller, since: int, limit: int, token: str | None = None) -> bytes:
    """The page after ``since`` (a ``PullResponse`` as JSON): the baseline of newly readable
    inspections first, then the changes the caller may read, with the parents they need."""
    # read before the records: every revision up to it is committed and seen below (a later
    # statement may see newer commits on PostgreSQL, never fewer)
    top = int(conn.execute(select(t.sync_counter.c.last_seq)).scalar_one())
    readable = accounts.readable_scopes_query(caller.account_id)
    scopes = [str(s) for (s,) in conn.execute(readable)]
    visible = _visible(conn, scopes, readable)
    due = _due_scopes(conn, caller, since, scopes)
    baseline = _baseline_page(conn, due, since, token, limit) if due else None
    next_token: str | None
    if baseline is not None:
        rows, next_token = baseline
        next_cursor, has_more, sent_upto = since, True, rows[-1].rev
    else:
        rows, has_more = _whole_pushes(conn, [_r.rev > since, visible], limit)
        # up to date: the cursor moves past what the caller may not read too (shorter scans later)
        next_cursor = rows[-1].rev if has_more else max(since, top, rows[-1].rev if rows else 0)
        next_token, sent_upto = (f"{_mark(due)}:done" if due else None), next_cursor
    rows = _parents(conn, rows, sent_upto, visible) + rows
    conn.execute(
        update(t.device).where(t.device.c.id == caller.device_id).values(last_seen_at=accounts.now())
    )
    page = {
        "changes": [_wire(row) for row in rows],
        "next": next_cursor,
        "has_more": has_more,
        "baseline": next_token,
        "top": top,
        "server_time": accounts.now(),
    }
    return dumps_bytes(page)
