"""Refused mutations (``sync_rejection``), one open row per device, record and reason.

A laptop holds work the office refuses for lack of access and sends it again on every
sync (decision 0010), so a refusal that is already open is updated in place: the latest
mutation, how many times it came, when it was last seen. The push holds its device's row
locked, so two pushes of one device never race here.

An admin closes a dead letter (``close``) once it has been dealt with; if the laptop still
holds that work and sends it again, the refusal opens a new row.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, and_, insert, or_, select, update

from . import closing
from . import schema as t

IN_CHUNK = 200


def record(conn: Connection, device_id: str, epoch: int, now: str, rejections: list[dict[str, Any]]) -> None:
    """Store ``rejections`` ({client_seq, mutation, reason}) of one push."""
    latest: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in rejections:  # within one push too: the last one counts, each one is counted
        key = (str(r["mutation"]["tbl"])[:40], str(r["mutation"]["id"])[:36], r["reason"][:200])
        seen = latest.get(key)
        latest[key] = {**r, "times": (seen["times"] + 1) if seen else 1}
    c = t.sync_rejection.c
    open_rows: dict[tuple[str, str, str], tuple[str, int]] = {}
    keys = list(latest)
    for i in range(0, len(keys), IN_CHUNK):
        part = keys[i : i + IN_CHUNK]
        q = select(c.id, c.tbl, c.record_id, c.reason, c.times).where(
            c.device_id == device_id,
            c.status == "open",
            or_(*(and_(c.tbl == k[0], c.record_id == k[1], c.reason == k[2]) for k in part)),
        )
        for row in conn.execute(q):
            open_rows[(row.tbl, row.record_id, row.reason)] = (row.id, row.times)
    fresh = []
    for key, r in latest.items():
        found = open_rows.get(key)
        values = {"epoch": epoch, "client_seq": r["client_seq"], "mutation": r["mutation"]}
        values["last_seen_at"] = now
        if found is not None:
            conn.execute(
                update(t.sync_rejection).where(c.id == found[0]).values(times=found[1] + r["times"], **values)
            )
        else:
            fresh.append(
                {"id": str(uuid.uuid4()), "device_id": device_id, "tbl": key[0], "record_id": key[1]}
                | {"reason": key[2], "status": "open", "created_at": now, "times": r["times"], **values}
            )
    if fresh:
        conn.execute(insert(t.sync_rejection), fresh)


def listing(
    conn: Connection, only_open: bool = False, limit: int = 500, offset: int = 0
) -> list[dict[str, Any]]:
    """Every dead letter for an admin, oldest first, with its device and user and its closing."""
    c = t.sync_rejection.c
    q = (
        select(t.sync_rejection, t.device.c.name.label("device_name"), t.account.c.username)
        .outerjoin(t.device, t.device.c.id == c.device_id)
        .outerjoin(t.account, t.account.c.id == t.device.c.account_id)
        .order_by(c.created_at, c.id)
        .limit(limit)
        .offset(offset)
    )
    if only_open:
        q = q.where(c.status != "closed")
    return [
        {
            "id": r.id,
            "created_at": r.created_at,
            "last_seen_at": r.last_seen_at,
            "times": r.times,
            "device_id": r.device_id,
            "device_name": r.device_name,
            "user": r.username,
            "tbl": r.tbl,  # None on rows from before migration 0008: the mutation names it
            "record_id": r.record_id,
            "client_seq": r.client_seq,
            "reason": r.reason,
            "mutation": r.mutation,
        }
        | closing.closing_fields(r)
        for r in conn.execute(q)
    ]


def close(conn: Connection, dead_letter_id: str, by: str, note: str | None = None) -> dict[str, Any]:
    return closing.close(conn, t.sync_rejection, "dead letter", dead_letter_id, by, note)
