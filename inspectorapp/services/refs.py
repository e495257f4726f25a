"""Checking that a referenced row exists (and is not deleted), as part of input validation."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from inspectorapp.domain.validation import Checker
from inspectorapp.errors import NotFoundError
from storage.models import Base, Inspection


def existing(
    session: Session, c: Checker, field: str, model: type[Base], value: Any, *, required: bool = False
) -> str | None:
    """The id if it is well-formed and names a live row of ``model``; else an issue on ``field``."""
    ref = c.ref(field, value, required=required)
    if ref is None:
        return None
    row = session.get(model, ref)
    if row is None or getattr(row, "deleted_at", None) is not None:
        c.add(field, "invalid_reference")
        return None
    return ref


M = TypeVar("M", bound=Base)


def live(session: Session, model: type[M], entity_id: str | None) -> M:
    """The row, or ``NotFoundError`` when it does not exist or is soft-deleted."""
    row = session.get(model, entity_id) if entity_id else None
    if row is None or getattr(row, "deleted_at", None) is not None:
        raise NotFoundError(model.__tablename__, entity_id or "")
    return row


def live_inspection(session: Session, inspection_id: str) -> Inspection:
    return live(session, Inspection, inspection_id)
