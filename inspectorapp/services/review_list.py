""" "Te herbeoordelen": signals and concerns whose review-by date (or a concern's next step)
has come, so that nothing soft fades away unseen (seed-003 §7.3)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from inspectorapp.domain.framework_codes import SignalStatusCode
from inspectorapp.domain.sense_views import ReviewItem
from inspectorapp.domain.snippets import one_line
from storage.models import Concern, Network, Organisation, Signal

from .concerns import CLOSING

SHORT = 160
# (organisation column, network column) -> the condition an item's subject must meet
About = Callable[[Any, Any], ColumnElement[bool]]


def due_for_review(session: Session, today: date, about: About | None = None) -> list[ReviewItem]:
    """Open signals with ``review_by`` on or before ``today`` and open concerns whose
    ``next_review_on`` or ``next_step_due`` has come (one item each, the earliest date),
    oldest first. ``about`` narrows both in the query to some organisations or a network:
    given the organisation and network columns, the condition they must meet."""
    names = _names(session)
    items: list[ReviewItem] = []
    signal_about = [about(Signal.organisation_id, Signal.network_id)] if about is not None else []
    for s in session.scalars(
        select(Signal).where(
            Signal.deleted_at.is_(None),
            Signal.status != SignalStatusCode.CLOSED,
            Signal.review_by.is_not(None),
            Signal.review_by <= today,
            *signal_about,
        )
    ):
        assert s.review_by is not None
        items.append(
            ReviewItem(
                Signal.__tablename__,
                s.id,
                one_line(s.observation, SHORT),
                s.organisation_id,
                s.network_id,
                names.get(s.organisation_id, ""),
                s.status,
                "review_by",
                s.review_by,
            )
        )
    concern_about = [about(Concern.organisation_id, Concern.network_id)] if about is not None else []
    for c in session.scalars(
        select(Concern).where(
            Concern.deleted_at.is_(None),
            Concern.status.not_in(list(CLOSING)),
            or_(Concern.next_review_on <= today, Concern.next_step_due <= today),
            *concern_about,
        )
    ):
        dates = [
            (d, f) for d, f in ((c.next_review_on, "next_review_on"), (c.next_step_due, "next_step_due")) if d
        ]
        since, field = min((d, f) for d, f in dates if d <= today)
        items.append(
            ReviewItem(
                Concern.__tablename__,
                c.id,
                c.title,
                c.organisation_id,
                c.network_id,
                names.get(c.organisation_id or c.network_id or "", ""),
                c.status,
                field,
                since,
            )
        )
    items.sort(key=lambda i: (i.due_since, i.subject_name, i.title))
    return items


def _names(session: Session) -> dict[str, str]:
    out = {str(i): str(n) for i, n in session.execute(select(Organisation.id, Organisation.name))}
    out.update((str(i), str(n)) for i, n in session.execute(select(Network.id, Network.name)))
    return out
