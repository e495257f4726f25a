"""Checking that a referenced row exists (and is not deleted), as part of input validation."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from inspectorapp.domain.validation import Checker
from storage.models import Base


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
