"""Declarative base, column types and mixins shared by every table."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Dialect, MetaData, String, TypeDecorator
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.ids import new_id

# A naming convention keeps Alembic batch migrations deterministic on SQLite.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Timestamps as ISO-8601 UTC text ('2026-11-23T10:05:00.000Z').

    Naive datetimes are refused: a timestamp without a zone is a bug waiting
    for daylight saving time. Text sorts chronologically and syncs verbatim.
    """

    impl = String(24)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused; use an aware UTC datetime")
        value = value.astimezone(UTC)
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value)  # 50x faster than strptime; 'Z' means UTC


class IsoDate(TypeDecorator[date]):
    """Calendar dates as 'YYYY-MM-DD' text."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            raise ValueError("a datetime is not a date")
        return value.isoformat()

    def process_result_value(self, value: str | None, dialect: Dialect) -> date | None:
        return None if value is None else date.fromisoformat(value)


def enum_column(enum: type[StrEnum], name: str) -> SAEnum:
    """Store a StrEnum by value, as text with a CHECK constraint."""
    return SAEnum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        values_callable=lambda e: [m.value for m in e],
        length=32,
    )


def code_column(taxonomy: str, default: str | None = None) -> Any:
    """A framework code of ``taxonomy``. The database cannot check it (codes are data, in
    versions); the office refuses a pushed code no framework it knows has (``value_schema``)."""
    return mapped_column(String(limits.CODE), default=default, info={"taxonomy": taxonomy})


def codes_column(taxonomy: str) -> Any:
    """A JSON list of framework codes of ``taxonomy`` (see ``code_column``)."""
    return mapped_column(JSON, default=list, info={"taxonomy": taxonomy})


def length_check(column: str, limit: int) -> CheckConstraint:
    """A database-level guard behind the service validation."""
    return CheckConstraint(f"length({column}) <= {limit}", name=f"{column}_len")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: dict[Any, Any] = {datetime: UtcDateTime(), date: IsoDate(), dict: JSON}


class Synced:
    """Rows that travel to the office store.

    Every insert, update and delete of these tables leaves one row in the
    outbox, written by triggers in the same transaction (storage/triggers.py).
    Deletes are soft (``deleted_at``) so that a delete can win over an edit
    on another laptop and the edit is still there to review.
    """

    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)
