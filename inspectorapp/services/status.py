"""Facts for the status bar."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Outbox
from sync import held


@dataclass(frozen=True)
class StoreStatus:
    pending_changes: int
    waiting_for_access: int = 0  # refused by the office for lack of access; sent again each sync


def store_status(session: Session) -> StoreStatus:
    return StoreStatus(
        pending_changes=session.scalar(select(func.count()).select_from(Outbox)) or 0,
        waiting_for_access=held.waiting_for_access(session),
    )
