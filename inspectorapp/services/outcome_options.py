"""What the findings, follow-up and report screens offer in their pickers."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp.domain.enums import AddressedTo, SubjectKind
from inspectorapp.domain.findings_views import OutcomeFormOptions
from inspectorapp.domain.visit_views import CodeLabel
from inspectorapp.errors import NotFoundError
from storage.models import Inspection, InspectionSubject, NetworkMembership, Visit

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
    subjects = session.scalars(
        select(InspectionSubject).where(
            InspectionSubject.inspection_id == inspection_id, InspectionSubject.deleted_at.is_(None)
        )
    ).all()
    ours = _subject_organisations(session, subjects)
    everyone = organisations.organisation_options(session)
    first = [o for oid in ours for o in everyone if o.id == oid]
    whole = any(s.subject_kind is not SubjectKind.ORGANISATION for s in subjects)
    return OutcomeFormOptions(
        insp.judgement_mode.value,
        frameworks.code_labels(session, "meso_theme", fv),
        (*first, *(o for o in everyone if o.id not in ours)),
        tuple(actions),
        visits,
        texts,
        AddressedTo.NETWORK if whole or not ours else AddressedTo.PARTY,
        ours[0] if ours else None,
    )


def _subject_organisations(session: Session, subjects: Sequence[InspectionSubject]) -> list[str]:
    """The organisations the inspection is about: its own subjects first, then the current
    members of its networks; the pickers offer these before all others."""
    ids = [s.organisation_id for s in subjects if s.organisation_id is not None]
    networks = [s.network_id for s in subjects if s.network_id is not None]
    if networks:
        members = session.scalars(
            select(NetworkMembership.organisation_id)
            .where(
                NetworkMembership.network_id.in_(networks),
                NetworkMembership.deleted_at.is_(None),
                NetworkMembership.left_on.is_(None),
            )
            .order_by(NetworkMembership.layer)
        )
        ids.extend(members)
    return list(dict.fromkeys(ids))
