"""What the findings, follow-up and report screens offer in their pickers."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp.domain.findings_views import OutcomeFormOptions
from inspectorapp.domain.visit_views import CodeLabel
from inspectorapp.errors import NotFoundError
from storage.models import Inspection, Visit

from . import frameworks, organisations
from .follow_up import LADDER, ladder_rungs


def outcome_options(session: Session, inspection_id: str) -> OutcomeFormOptions:
    insp = session.get(Inspection, inspection_id)
    if insp is None or insp.deleted_at is not None:
        raise NotFoundError("inspection", inspection_id)
    fv = insp.framework_version_id
    rungs = ladder_rungs(session, fv)
    actions = sorted(
        (
            CodeLabel(c.code, c.nl, c.en, rungs.get(c.code))
            for c in frameworks.code_labels(session, "action_type", fv)
        ),
        key=lambda c: LADDER.index(c.parent) if c.parent in LADDER else len(LADDER),
    )
    texts: dict[str, CodeLabel] = {}
    for taxonomy in ("person_role", "session_event", "observation_item", "dilemma"):
        texts.update({c.code: c for c in frameworks.code_labels(session, taxonomy, fv)})
    visits = tuple(
        (v.id, v.visit_date, v.location)
        for v in session.scalars(
            select(Visit)
            .where(Visit.inspection_id == inspection_id, Visit.deleted_at.is_(None))
            .order_by(Visit.visit_date)
        )
    )
    return OutcomeFormOptions(
        insp.judgement_mode.value,
        frameworks.code_labels(session, "meso_theme", fv),
        organisations.organisation_options(session),
        tuple(actions),
        visits,
        texts,
    )
