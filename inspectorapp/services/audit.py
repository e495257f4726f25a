"""The append-only audit log of user actions."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from inspectorapp.domain.snapshots import ActionContext
from storage.models import AuditLog


def record(
    session: Session,
    ctx: ActionContext,
    action: str,
    entity: str | None = None,
    entity_id: str | None = None,
    **details: Any,
) -> None:
    session.add(
        AuditLog(
            actor=ctx.actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            details={"device": ctx.device_id, **details},
        )
    )
