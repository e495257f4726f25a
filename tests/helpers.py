"""Small builders for tests: a minimal inspection tree through the real services."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from inspectorapp.domain.drafts import InspectionDraft, OrganisationDraft, SubjectDraft
from inspectorapp.domain.enums import InspectionType, InspectorateRole
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.services import inspections, organisations
from storage import models as m


def organisation(session: Session, ctx: ActionContext, name: str = "Ziekenhuis Test") -> str:
    return organisations.create_organisation(session, ctx, OrganisationDraft(name=name, sector="MSZ")).value.id


def conversation(session: Session, ctx: ActionContext) -> tuple[str, str]:
    """(organisation id, conversation id) of a fresh inspection with one visit."""
    org = organisation(session, ctx)
    insp = inspections.create_inspection(
        session,
        ctx,
        InspectionDraft(
            title="Testinspectie",
            inspection_type=InspectionType.RISK,
            declared_role=InspectorateRole.COMPLIANCE,
            subjects=(SubjectDraft(organisation_id=org),),
        ),
    ).value
    visit = m.Visit(inspection_id=insp.id, visit_date=date(2026, 3, 12), location="Locatie Noord")
    session.add(visit)
    session.flush()
    conv = m.Conversation(
        visit_id=visit.id,
        conversation_type="INDIVIDUEEL_GESPREK",
        title="Interview bestuurder",
        starts_at=datetime(2026, 3, 12, 9, tzinfo=UTC),
    )
    session.add(conv)
    session.flush()
    return org, conv.id
