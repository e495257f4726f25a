"""Local work the office refused for lack of access: held, never dropped, sent again.

A user may work before an administrator has added them to a team or granted them the
inspection; the office then refuses those edits (``forbidden``, or ``unknown_parent`` for
the children of a refused record). They leave the outbox, so the rest of it flows, and wait
in ``sync_held`` (the record and the fields to send). Each sync puts them back at the end
of the outbox as new edits carrying the record's values as they are then: a new client_seq
(the server's sequence rules hold) and never an older value than the newest local one.
Accepted (or refused for another reason), they leave ``sync_held``.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import JSON, func, select
from sqlalchemy.orm import Session

from storage.models import Base, SyncHeld

from . import local_state as state

ACCESS_REASONS = frozenset({"forbidden", "unknown_parent"})


def hold(session: Session, mutation: dict[str, Any], reason: str) -> None:
    """Keep a refused mutation's record and fields to send again."""
    tbl, record_id = mutation.get("tbl"), mutation.get("id")
    if not isinstance(tbl, str) or not isinstance(record_id, str):
        return
    fields = set(mutation.get("fields") or ())
    row = session.scalar(select(SyncHeld).where(SyncHeld.tbl == tbl, SyncHeld.record_id == record_id))
    op = mutation.get("op") or "upsert"
    if row is None:
        session.add(
            SyncHeld(
                tbl=tbl,
                record_id=record_id,
                fields=sorted(fields),
                op=op,
                reason=reason,
                held_since=state.now(),
                tries=1,
            )
        )
    else:
        row.fields = sorted(fields | set(row.fields))
        row.op = "delete" if "delete" in (op, row.op) else "upsert"
        row.reason = reason
        row.tries += 1
    session.flush()


def settle(session: Session, mutation: dict[str, Any]) -> None:
    """The office took (or refused for good) these fields of the record: no longer held."""
    tbl, record_id = mutation.get("tbl"), mutation.get("id")
    row = session.scalar(select(SyncHeld).where(SyncHeld.tbl == tbl, SyncHeld.record_id == record_id))
    if row is None:
        return
    left = sorted(set(row.fields) - set(mutation.get("fields") or ()))
    if left:
        row.fields = left
    else:
        session.delete(row)
    session.flush()


def waiting_for_access(session: Session) -> int:
    """Records with changes the office refused for lack of access, still to be sent."""
    return session.scalar(select(func.count()).select_from(SyncHeld)) or 0


def _queued(session: Session, held: list[SyncHeld]) -> dict[tuple[str, str], set[str]]:
    """Fields already waiting in the outbox, per held record."""
    ids = sorted({h.record_id for h in held})
    marks = ", ".join("?" for _ in ids)
    out: dict[tuple[str, str], set[str]] = {}
    sql = f"SELECT entity, entity_id, changed FROM outbox WHERE entity_id IN ({marks})"
    for entity, entity_id, changed in session.connection().exec_driver_sql(sql, tuple(ids)):
        out.setdefault((entity, entity_id), set()).update(json.loads(changed) if changed else ())
    return out


def requeue(session: Session) -> int:
    """Put held work at the end of the outbox (first held first), with the values the record
    has now; a record whose held fields already wait in the outbox is left as it is."""
    held = list(session.scalars(select(SyncHeld).order_by(SyncHeld.seq)))
    if not held:
        return 0
    queued, conn, now, added = _queued(session, held), session.connection(), state.now(), 0
    for h in held:
        table = Base.metadata.tables.get(h.tbl)
        names = [f for f in h.fields if table is not None and f in table.c]
        if table is None or not names or set(names) <= queued.get((h.tbl, h.record_id), set()):
            continue
        values = ", ".join(
            f"'{f}', json(\"{f}\")" if isinstance(table.c[f].type, JSON) else f"'{f}', \"{f}\"" for f in names
        )
        done = conn.exec_driver_sql(
            "INSERT INTO outbox (entity, entity_id, op, changed, payload, created_at)"
            f' SELECT ?, id, ?, ?, json_object({values}), ? FROM "{h.tbl}" WHERE id = ?',
            (h.tbl, "delete" if h.op == "delete" else "update", json.dumps(names), now, h.record_id),
        )
        added += done.rowcount
    return added
