"""Facts for the status bar."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Outbox


@dataclass(frozen=True)
class StoreStatus:
    pending_changes: int


def store_status(session: Session) -> StoreStatus:
    return StoreStatus(pending_changes=session.scalar(select(func.count()).select_from(Outbox)) or 0)
