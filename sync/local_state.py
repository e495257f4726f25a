"""The laptop's sync state: small key/value facts in ``store_meta`` and the issues list."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import StoreMeta, SyncIssue

PREFIX = "sync."


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def get(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(StoreMeta, PREFIX + key)
    return row.value if row is not None else default


def get_int(session: Session, key: str, default: int = 0) -> int:
    value = get(session, key)
    return int(value) if value is not None else default


def put(session: Session, key: str, value: object) -> None:
    row = session.get(StoreMeta, PREFIX + key)
    if row is None:
        session.add(StoreMeta(key=PREFIX + key, value=str(value)))
    else:
        row.value = str(value)
    session.flush()


def enrolled(session: Session) -> bool:
    return get(session, "device_id") is not None


def add_issue(
    session: Session, kind: str, tbl: str | None = None, record_id: str | None = None, **detail: Any
) -> None:
    session.add(
        SyncIssue(
            id=str(uuid.uuid4()),
            kind=kind,
            tbl=tbl,
            record_id=record_id,
            detail=detail,
            status="open",
            created_at=now(),
        )
    )


def keep_local_conflict(
    session: Session, tbl: str, record_id: str, fields: dict[str, Any], **detail: Any
) -> None:
    """One open local conflict per record: a value kept apart because it could not be written
    over a colleague's (``fields``: name -> ``{"v": value as it travels}``). A later one on the
    same record updates it, a field's later value replacing the earlier (it grew from it in
    the same editor); the sync panel offers them under "keep mine"."""
    issue = session.scalar(
        select(SyncIssue).where(
            SyncIssue.kind == "local_conflict",
            SyncIssue.tbl == tbl,
            SyncIssue.record_id == record_id,
            SyncIssue.status == "open",
        )
    )
    if issue is None:
        add_issue(session, "local_conflict", tbl, record_id, fields=fields, **detail)
    else:
        before = issue.detail or {}
        issue.detail = {**before, "fields": {**(before.get("fields") or {}), **fields}, **detail}


def open_issues(session: Session) -> list[SyncIssue]:
    return list(
        session.scalars(select(SyncIssue).where(SyncIssue.status == "open").order_by(SyncIssue.created_at))
    )
