"""The conflicts a laptop takes part in, with both values, for review on that laptop.

Listed for the caller: a conflict its value won (``role: won``; whoever pushed, so the
winner sees the value that lost, not its own twice), and one its value lost to another
device's later push (``role: lost``). A conflict the caller lost in its own push is not
listed: the push answer told it (``superseded``, with the fields that lost).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, or_, select

from . import accounts
from . import schema as t
from .accounts import Caller


def _query(caller: Caller, since: int) -> Any:
    c = t.sync_conflict.c
    return (
        select(t.sync_conflict, t.record.c.scope)
        .join(t.applied_batch, t.applied_batch.c.seq == c.seq)
        .outerjoin(t.record, (t.record.c.tbl == c.tbl) & (t.record.c.id == c.record_id))
        .where(
            c.seq > since,
            or_(
                c.winner_device == caller.device_id,
                (c.loser_device == caller.device_id) & (t.applied_batch.c.device_id != caller.device_id),
            ),
        )
        .order_by(c.seq, c.id)
    )


def _entry(r: Row[Any], device_id: str) -> dict[str, Any]:
    won = r.winner_device == device_id and r.loser_device != device_id
    return {
        "id": r.id,
        "seq": r.seq,
        "tbl": r.tbl,
        "record_id": r.record_id,
        "field": r.field,
        "kind": r.kind,
        "role": "won" if won else "lost",
        "mine": r.winner if won else r.loser,
        "theirs": r.loser if won else r.winner,
        "review": r.review,
    }


def involving(conn: Connection, caller: Caller, since: int, limit: int = 500) -> dict[str, Any]:
    """Conflicts after revision ``since``, whole revisions at a time (a push may keep many, and a
    page cut inside one would skip the rest: the next page starts after ``next``)."""
    scopes = accounts.readable_scopes(conn, caller.account_id)
    rows = list(conn.execute(_query(caller, since).limit(limit)))
    more = len(rows) == limit
    if more:
        last = rows[-1].seq
        rows = [r for r in rows if r.seq < last]
        rows += conn.execute(_query(caller, last - 1).where(t.sync_conflict.c.seq == last)).all()
    readable = [r for r in rows if r.scope is None or r.scope in scopes]
    return {
        "conflicts": [_entry(r, caller.device_id) for r in readable],
        "next": max((r.seq for r in rows), default=since),  # past unreadable ones too: never stuck
        "more": more,
    }
