"""Who may read a blob: only through an attachment record whose pusher proved it holds the bytes.

A hash alone is no proof: anyone who knows a document's SHA-256 could otherwise push an
attachment record naming it and download the file. So an attachment record's hash counts
(``blob_link``) only when its pusher's account could already read the blob, or uploaded the
whole file itself; until then it waits (``blob_claim``) and counts once that account's upload
completes. Readers are those who may read a linked record (decision 0006).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Table, and_, delete, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from . import accounts
from . import schema as t
from .accounts import Caller

_SHA = re.compile(r"^[0-9a-f]{64}$")


def add(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows, leaving those already there (two pushes may race on PostgreSQL)."""
    if not rows:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(table).on_conflict_do_nothing(), rows)


def readable_through_record(conn: Connection, account_id: str, sha: str) -> bool:
    """A linked attachment record that still names ``sha`` is in a scope the account may read."""
    r = t.record.c
    names_it = conn.execute(
        select(r.fields)
        .join(t.blob_link, and_(t.blob_link.c.record_id == r.id, r.tbl == "attachment"))
        .where(
            t.blob_link.c.sha256 == sha,
            or_(r.scope.is_(None), r.scope.in_(accounts.readable_scopes_query(account_id))),
        )
    )
    return any(fields.get("sha256") == sha for (fields,) in names_it)


def holds(conn: Connection, account_id: str, sha: str) -> bool:
    """The account uploaded the bytes itself, or may read them already: it has them."""
    uploaded = conn.execute(
        select(t.blob_holder.c.sha256).where(
            t.blob_holder.c.sha256 == sha, t.blob_holder.c.account_id == account_id
        )
    ).first()
    return uploaded is not None or readable_through_record(conn, account_id, sha)


def vouch(conn: Connection, caller: Caller, written: Iterable[tuple[str, Any]]) -> None:
    """Attachment records a push wrote, as (record id, the hash they name): linked when the
    pusher holds the bytes, else kept as a claim until its own upload completes."""
    pending: dict[tuple[str, str], None] = {}
    for record_id, sha in written:
        if isinstance(sha, str) and _SHA.match(sha):
            pending[(record_id, sha)] = None
    if not pending:
        return
    linked = {
        (row.record_id, row.sha256)
        for row in conn.execute(
            select(t.blob_link).where(t.blob_link.c.record_id.in_({rid for rid, _ in pending}))
        )
    }
    links, claims = [], []
    held: dict[str, bool] = {}
    for record_id, sha in pending:
        if (record_id, sha) in linked:
            continue
        if sha not in held:
            held[sha] = holds(conn, caller.account_id, sha)
        row = {"record_id": record_id, "sha256": sha}
        if held[sha]:
            links.append(row)
        else:
            claims.append({**row, "account_id": caller.account_id})
    add(conn, t.blob_link, links)
    add(conn, t.blob_claim, claims)


def uploaded(conn: Connection, caller: Caller, sha: str) -> None:
    """The caller's device sent the whole file (verified): its account holds it, and the
    records it claimed with that hash count from now on."""
    add(conn, t.blob_holder, [{"sha256": sha, "account_id": caller.account_id}])
    c = t.blob_claim.c
    mine = and_(c.sha256 == sha, c.account_id == caller.account_id)
    claimed = [r.record_id for r in conn.execute(select(c.record_id).where(mine))]
    add(conn, t.blob_link, [{"record_id": rid, "sha256": sha} for rid in claimed])
    conn.execute(delete(t.blob_claim).where(mine))




def created_by(conn: Connection, record_id: str) -> str | None:
    """The account whose device pushed the attachment record first."""
    h = t.change_history.c
    first = (
        select(t.device.c.account_id)
        .join(t.change_history, h.device_id == t.device.c.id)
        .where(h.tbl == "attachment", h.record_id == record_id)
        .order_by(h.seq, h.id)
        .limit(1)
    )
    found = conn.execute(first).scalar()
    return None if found is None else str(found)
