"""Refused mutations (``sync_rejection``), one open row per device, record and reason.

A laptop holds work the office refuses for lack of access and sends it again on every
sync (decision 0010), so a refusal that is already open is updated in place: the latest
mutation, how many times it came, when it was last seen. The push holds its device's row
locked, so two pushes of one device never race here.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, and_, insert, or_, select, update

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

