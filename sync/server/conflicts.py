"""The conflicts a laptop takes part in, with both values, for review on that laptop.

Listed for the caller: a conflict its value won (``role: won``; whoever pushed, so the
winner sees the value that lost, not its own twice), and one its value lost to another
device's later push (``role: lost``). A conflict the caller lost in its own push is not
listed: the push answer told it (``superseded``, with the fields that lost). A conflict an
admin closed is no longer listed to a device that has not fetched it yet (a laptop that has
keeps its own review item: the office does not reach into its store); the admin listing
(``listing``) shows every conflict, open and closed, with who closed it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, or_, select

from . import accounts, closing
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
    # closed ones are left out here, not in SQL: ``next`` still passes them, whole revisions kept
    readable = [r for r in rows if (r.scope is None or r.scope in scopes) and r.status != "closed"]
    return {
        "conflicts": [_entry(r, caller.device_id) for r in readable],
        "next": max((r.seq for r in rows), default=since),  # past unreadable ones too: never stuck
        "more": more,
    }


def listing(
    conn: Connection, only_open: bool = False, limit: int = 500, offset: int = 0
) -> list[dict[str, Any]]:
    """Every conflict for an admin, oldest first: both values, both devices (id and name), and
    its closing."""
    c = t.sync_conflict.c
    winner, loser = t.device.alias("winner"), t.device.alias("loser")
    q = (
        select(t.sync_conflict, winner.c.name.label("winner_name"), loser.c.name.label("loser_name"))
        .outerjoin(winner, winner.c.id == c.winner_device)
        .outerjoin(loser, loser.c.id == c.loser_device)
        .order_by(c.seq, c.id)
        .limit(limit)
        .offset(offset)
    )
    if only_open:
        q = q.where(c.status != "closed")
    return [
        {
            "id": r.id,
            "created_at": r.created_at,
            "seq": r.seq,
            "tbl": r.tbl,
            "record_id": r.record_id,
            "field": r.field,
            "kind": r.kind,
            "review": r.review,
            "winner": r.winner,
            "winner_device": r.winner_device,
            "winner_device_name": r.winner_name,
            "loser": r.loser,
            "loser_device": r.loser_device,
            "loser_device_name": r.loser_name,
        }
        | closing.closing_fields(r)
        for r in conn.execute(q)
    ]


def close(conn: Connection, conflict_id: str, by: str, note: str | None = None) -> dict[str, Any]:
    return closing.close(conn, t.sync_conflict, "conflict", conflict_id, by, note)
