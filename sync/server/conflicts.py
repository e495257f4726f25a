"""Conflicts a laptop lost without pushing: another laptop's later push beat its value.

The laptop that pushed second learns the outcome from its push response; the one whose
already accepted value was overwritten learns it here, so both sides can review.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from . import accounts
from . import schema as t
from .accounts import Caller


def lost_by(conn: Connection, caller: Caller, since: int, limit: int = 500) -> dict[str, Any]:
    scopes = accounts.readable_scopes(conn, caller.account_id)
    q = (
        select(t.sync_conflict, t.record.c.scope)
        .join(t.applied_batch, t.applied_batch.c.seq == t.sync_conflict.c.seq)
        .outerjoin(
            t.record,
            (t.record.c.tbl == t.sync_conflict.c.tbl) & (t.record.c.id == t.sync_conflict.c.record_id),
        )
        .where(
            t.sync_conflict.c.seq > since,
            t.sync_conflict.c.loser_device == caller.device_id,
            t.applied_batch.c.device_id != caller.device_id,
        )
        .order_by(t.sync_conflict.c.seq)
        .limit(limit)
    )
    rows = [r for r in conn.execute(q) if r.scope is None or r.scope in scopes]
    return {
        "conflicts": [
            {
                "id": r.id,
                "seq": r.seq,
                "tbl": r.tbl,
                "record_id": r.record_id,
                "field": r.field,
                "kind": r.kind,
                "mine": r.loser,
                "review": r.review,
            }
            for r in rows
        ],
        "next": max((r.seq for r in rows), default=since),
    }
