"""Local work the office refused for lack of access: held, never dropped, sent again.

A user may work before an administrator has added them to a team or granted them the
inspection; the office then refuses those edits (``forbidden``, or ``unknown_parent`` for
the children of a refused record). They leave the outbox, so the rest of it flows, and wait
in ``sync_held`` (the record and the fields to send). Each sync puts them back at the end
of the outbox as new edits carrying the record's values as they are then: a new client_seq
(the server's sequence rules hold) and never an older value than the newest local one.
Accepted (or refused for another reason), they leave ``sync_held``.

A refusal of a child (``unknown_parent``, or ``forbidden`` for a record of an inspection the
office does not hold) is a lack of access only while its parents wait themselves (held, in the
outbox, or known to the office): a child of a parent the office refused for another reason,
or never got, is a problem for the inspector, not work to send forever. After three refusals a held
record is sent on every second sync, then every fourth, up to every sixteenth (the office
keeps each refusal).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import JSON, func, select
from sqlalchemy.orm import Session

from storage.models import Base, SyncHeld

from . import local_state as state
from .local_rows import outbox_fields

ACCESS_REASONS = frozenset({"forbidden", "unknown_parent"})
FREE_TRIES = 3  # refusals before the backoff starts
MAX_PERIOD = 16  # syncs between two tries at most


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


def parent_waits(session: Session, mutation: dict[str, Any]) -> bool:
    """Whether every parent the refused record names (sent or as stored here) waits to reach
    the office or is known to it: only then is ``unknown_parent`` a lack of access."""
    tbl, record_id = str(mutation.get("tbl")), str(mutation.get("id"))
    table = Base.metadata.tables.get(tbl)
    if table is None:
        return False
    refs = [
        (fk.parent.name, fk.column.table.name)
        for fk in table.foreign_keys
        if "deleted_at" in fk.column.table.c  # a synced parent (not a local framework row)
    ]
    conn = session.connection()
    found = conn.exec_driver_sql(f'SELECT * FROM "{tbl}" WHERE id = ?', (record_id,)).mappings().first()
    row: Mapping[str, Any] = dict(found) if found is not None else {}
    sent = mutation.get("fields") or {}
    for column, parent_tbl in refs:
        value = sent[column].get("v") if isinstance(sent.get(column), dict) else row.get(column)
        if value is None:
            continue
        key = (parent_tbl, str(value))
        waiting = conn.exec_driver_sql(
            "SELECT 1 FROM sync_held WHERE tbl = ? AND record_id = ?"
            " UNION ALL SELECT 1 FROM sync_record WHERE tbl = ? AND id = ?",
            (*key, *key),
        ).first()
        if waiting is None and key not in outbox_fields(conn, [key]):
            return False
    return True


def _due(h: SyncHeld, sync_round: int) -> bool:
    """Sent again this sync: always for the first refusals, then ever more rarely."""
    if h.tries <= FREE_TRIES:
        return True
    return sync_round % min(2 ** (h.tries - FREE_TRIES), MAX_PERIOD) == 0


def requeue(session: Session, again: bool = False) -> int:
    """Put held work that is due at the end of the outbox (first held first), with the values
    the record has now; a record whose held fields already wait in the outbox is left as it is.
    ``again``: within the same sync, after parents were accepted (every held record is due)."""
    held = list(session.scalars(select(SyncHeld).order_by(SyncHeld.seq)))
    if not held:
        return 0
    sync_round = state.get_int(session, "held_round", 0) + (0 if again else 1)
    state.put(session, "held_round", sync_round)
    conn, now, added = session.connection(), state.now(), 0
    queued = outbox_fields(conn, [(h.tbl, h.record_id) for h in held])
    for h in held:
        if not again and not _due(h, sync_round):
            continue
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
