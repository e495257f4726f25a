"""Closing a conflict or a dead letter: an admin says it has been dealt with.

The row stays (what happened is kept); its status becomes ``closed`` with who closed it,
when and an optional note (server migration 0009). Closing twice is refused, so the first
closer's note is never overwritten.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, Table, select, update

from .accounts import AccountError, now

NOTE_MAX = 2000


class NotFound(AccountError):
    """No row with that id (or the id is not one): the CLI's exit 2, the API's 404."""


class AlreadyClosed(AccountError):
    """Closed before (by whom and when in the message): the CLI's exit 2, the API's 409."""


def valid_id(value: str, what: str) -> str:
    """``value`` as a canonical UUID, or ``NotFound`` naming ``what`` (ids are UUIDs here)."""
    try:
        return str(uuid.UUID(value.strip()))
    except ValueError:
        raise NotFound(f"{value!r} is not a valid {what} id (a UUID, as the listing shows)") from None


def close(
    conn: Connection, table: Table, what: str, row_id: str, by: str, note: str | None
) -> dict[str, Any]:
    """Close one open row of ``table`` (sync_conflict or sync_rejection); returns its closing."""
    row_id = valid_id(row_id, what)
    c = table.c
    found = conn.execute(select(c.status, c.closed_by, c.closed_at).where(c.id == row_id)).first()
    if found is None:
        raise NotFound(f"no {what} {row_id}")
    if found.status == "closed":
        raise AlreadyClosed(f"{what} {row_id} is already closed (by {found.closed_by}, at {found.closed_at})")
    closing = {"closed_at": now(), "closed_by": by[:200], "close_note": (note or None) and note[:NOTE_MAX]}
    conn.execute(update(table).where(c.id == row_id, c.status != "closed").values(status="closed", **closing))
    return {"id": row_id, "status": "closed", **closing}


def closing_fields(row: Any) -> dict[str, Any]:
    return {
        "status": row.status,
        "closed_at": row.closed_at,
        "closed_by": row.closed_by,
        "note": row.close_note,
    }
