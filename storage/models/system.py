"""Bookkeeping tables: the sync outbox, the audit log, local settings of the store."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits

from .base import Base


class Outbox(Base):
    """One row per change to a synced table, written by triggers in the same transaction.

    ``changed`` lists the columns an update touched (field-level sync);
    ``payload`` is the row after the change. The sync client freezes rows into
    batches and deletes them once the server acknowledged them.
    """

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(limits.CODE))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))
    changed: Mapped[list[str]] = mapped_column(JSON)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[str] = mapped_column(String(24))


class AuditLog(Base):
    """Append-only record of user actions (who did, saw or exported what). Triggers
    refuse UPDATE and DELETE."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utc_now)
    actor: Mapped[str] = mapped_column(String(limits.NAME))
    action: Mapped[str] = mapped_column(String(limits.NAME))
    entity: Mapped[str | None] = mapped_column(String(limits.CODE))
    entity_id: Mapped[str | None] = mapped_column(String(36), index=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class StoreMeta(Base):
    """Key/value facts about this store: device id, creation time, demo-data marker."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(limits.CODE), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SearchRef(Base):
    """Maps full-text rows to what they index. ``seq`` is the FTS rowid: an INTEGER
    PRIMARY KEY survives VACUUM, the implicit rowids of the source tables would not."""

    __tablename__ = "search_ref"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(limits.CODE))
    ref_id: Mapped[str] = mapped_column(String(36), unique=True)
