"""How a status history names the decision behind a change ("Besluit (MDO 12-03-2026): …").
Apart from ``decisions`` because the status services read it and ``decisions`` calls them."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp.domain.decision_views import DecisionNote
from storage.models import Decision, Deliberation


def decision_notes(session: Session, decision_ids: Iterable[str | None]) -> dict[str, DecisionNote]:
    """decision id -> its note; a deleted decision still names the change it made (the
    history is what happened)."""
    ids = {i for i in decision_ids if i}
    if not ids:
        return {}
    rows = session.execute(
        select(Decision.id, Decision.decided_on, Deliberation.kind, Deliberation.title)
        .outerjoin(Deliberation, Deliberation.id == Decision.deliberation_id)
        .where(Decision.id.in_(ids))
    )
    return {
        did: DecisionNote(did, day, kind.value if kind is not None else None, title or None)
        for did, day, kind, title in rows
    }
