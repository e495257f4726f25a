"""Reading and writing the laptop's sync bookkeeping around the ORM: long ``IN (...)`` lists in
chunks, the outbox's fields per record, and expiring what a raw statement rewrote."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import Connection
from sqlalchemy.orm import Session

Key = tuple[str, str]
T = TypeVar("T")
CHUNK = 400  # ids per IN (...) list: well below SQLite's bound on parameters


def chunks(items: list[T]) -> Iterable[list[T]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def marks(part: list[Any]) -> str:
    return ", ".join("?" for _ in part)


def outbox_fields(conn: Connection, keys: Iterable[Key], held: bool = False) -> dict[Key, set[str]]:
    """Fields with edits in the outbox per record among ``keys`` (by the entity_id index: the
    outbox can hold a long offline period); ``held``: those kept in ``sync_held`` as well."""
    wanted = set(keys)
    sources = ["SELECT entity, entity_id, changed FROM outbox WHERE entity_id IN ({})"]
    if held:
        sources.append("SELECT tbl, record_id, fields FROM sync_held WHERE record_id IN ({})")
    out: dict[Key, set[str]] = {}
    for ids in chunks(sorted({i for _, i in wanted})):
        for sql in sources:
            for tbl, record_id, fields in conn.exec_driver_sql(sql.format(marks(ids)), tuple(ids)):
                if (tbl, record_id) in wanted:
                    out.setdefault((tbl, record_id), set()).update(json.loads(fields) if fields else ())
    return out


def expire(session: Session, model: type) -> None:
    """Rows of ``model`` were written around the ORM: reload them on next use."""
    for obj in list(session.identity_map.values()):
        if isinstance(obj, model):
            session.expire(obj)
