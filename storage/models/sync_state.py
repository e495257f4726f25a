"""The laptop's side of sync: what the server last said about each record, the one
frozen push batch, and the problems to show (conflicts, refusals). Local only: these
tables have no outbox triggers and never travel."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, CheckConstraint, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspectorapp.domain import limits

from .base import Base


class SyncRecord(Base):
    """Server revision of each field's local value: the ``base`` of the next edit."""

    __tablename__ = "sync_record"

    tbl: Mapped[str] = mapped_column(String(limits.CODE), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int] = mapped_column(Integer, default=0)
    field_revs: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)


class SyncInflight(Base):
    """The one batch on its way: a retry re-sends exactly these bytes."""

    __tablename__ = "sync_inflight"
    __table_args__ = (CheckConstraint("id = 1", name="single"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    payload: Mapped[str] = mapped_column(Text)
    last_outbox_seq: Mapped[int] = mapped_column(Integer)  # outbox rows up to here are in it
    first_client_seq: Mapped[int] = mapped_column(Integer)
    last_client_seq: Mapped[int] = mapped_column(Integer)
    mutations: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[str] = mapped_column(String(32))


class SyncIssue(Base):
    """A conflict, refusal or sync failure the inspector should see (and may dismiss)."""

    __tablename__ = "sync_issue"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(limits.CODE))  # superseded | rejected | refused | ...
    tbl: Mapped[str | None] = mapped_column(String(limits.CODE))
    record_id: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[str] = mapped_column(String(32))


class SyncBlob(Base):
    """Attachment files this laptop has handed to the office (confirmed whole by the server)."""

    __tablename__ = "sync_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    uploaded_at: Mapped[str] = mapped_column(String(32))


class SyncApplying(Base):
    """Holds a row only while records from the office are written (in that transaction): the
    outbox triggers stay quiet, since a pulled change is not a local edit, and so do the search
    insert triggers (the writer indexes its new rows at once: ``storage.search_index``)."""

    __tablename__ = "sync_applying"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)


class SyncSetAside(Base):
    """A record from the office this laptop's store refused (a constraint, a bad value), kept
    whole with the reason: the rest of its page applied. Tried again on every later pull, and
    dropped once a newer state of the record applies."""

    __tablename__ = "sync_set_aside"

    tbl: Mapped[str] = mapped_column(String(limits.CODE), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int] = mapped_column(Integer)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)  # the RecordState as it came
    reason: Mapped[str] = mapped_column(Text)
    set_aside_at: Mapped[str] = mapped_column(String(32))
    tries: Mapped[int] = mapped_column(Integer, default=1)


class SyncHeld(Base):
    """Local work the office refused for lack of access (``forbidden``, ``unknown_parent``):
    out of the outbox so the rest flows, never deleted. Each later sync sends it again as a
    new edit (new client_seq) with the record's values as they are then, until accepted."""

    __tablename__ = "sync_held"
    __table_args__ = (UniqueConstraint("tbl", "record_id"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)  # first held first
    tbl: Mapped[str] = mapped_column(String(limits.CODE))
    record_id: Mapped[str] = mapped_column(String(36))
    fields: Mapped[list[str]] = mapped_column(JSON)  # the columns to send again
    op: Mapped[str] = mapped_column(String(8))  # upsert | delete
    reason: Mapped[str] = mapped_column(String(limits.CODE))
    held_since: Mapped[str] = mapped_column(String(32))
    tries: Mapped[int] = mapped_column(Integer, default=1)
