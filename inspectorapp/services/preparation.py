"""Preparing an inspection: what the forms offer, adding visits and conversations."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.drafts import ConversationDraft, InvitationDraft, VisitDraft, require
from inspectorapp.domain.enums import InvitationStatus
from inspectorapp.domain.snapshots import ActionContext, OpResult
from inspectorapp.domain.validation import Checker
from inspectorapp.domain.visit_views import InspectionFormOptions, OrganisationOption, VisitRow
from storage.models import Conversation, Inspection, Invitation, Network, Organisation, Visit

from . import audit, frameworks
from .organisations import organisation_options
from .refs import existing


def form_options(session: Session) -> InspectionFormOptions:
    fv = frameworks.latest_version_id(session)
    orgs = organisation_options(session)
    networks = tuple(
        OrganisationOption(n.id, n.name)
        for n in session.scalars(select(Network).where(Network.deleted_at.is_(None)).order_by(Network.name))
    )
    return InspectionFormOptions(
        framework_version_id=fv,
        organisations=orgs,
        networks=networks,
        themes=frameworks.code_labels(session, "meso_theme", fv),
        conversation_types=frameworks.code_labels(session, "conversation_type", fv),
    )


def add_visit(
    session: Session, ctx: ActionContext, inspection_id: str, draft: VisitDraft
) -> OpResult[VisitRow]:
    require(draft, VisitDraft)
    c = Checker()
    existing(session, c, "inspection_id", Inspection, inspection_id, required=True)
    visit_date = c.date("visit_date", draft.visit_date, required=True)
    location = c.text("location", draft.location, limits.NAME) or ""
    announced = c.boolean("announced", draft.announced, default=True)
    description = c.text("description", draft.description, limits.LONG_TEXT)
    c.done()
    assert visit_date is not None
    visit = Visit(
        inspection_id=inspection_id,
        visit_date=visit_date,
        location=location,
        announced=announced,
        description=description,
    )
    session.add(visit)
    session.flush()
    audit.record(session, ctx, "visit.add", "visit", visit.id)
    return OpResult(VisitRow(visit.id, visit_date, location, announced, 0), ChangeSet.of(visit=[visit.id]))


def add_conversation(
    session: Session, ctx: ActionContext, visit_id: str, draft: ConversationDraft
) -> OpResult[str]:
    require(draft, ConversationDraft)
    c = Checker()
    visit_ref = existing(session, c, "visit_id", Visit, visit_id, required=True)
    fv = None
    if visit_ref:
        fv = session.scalar(
            select(Inspection.framework_version_id)
            .join(Visit, Visit.inspection_id == Inspection.id)
            .where(Visit.id == visit_ref)
        )
    kind = c.code(
        "conversation_type",
        draft.conversation_type,
        frameworks.codes(session, "conversation_type", fv),
        required=True,
    )
    title = c.text("title", draft.title, limits.NAME, required=True)
    starts = c.moment("starts_at", draft.starts_at)
    ends = c.moment("ends_at", draft.ends_at)
    if starts and ends and ends < starts:
        c.add("ends_at", "before_start")
    c.done()
    conv = Conversation(
        visit_id=visit_id, conversation_type=kind, title=title, starts_at=starts, ends_at=ends
    )
    session.add(conv)
    session.flush()
    audit.record(session, ctx, "conversation.add", "conversation", conv.id)
    return OpResult(conv.id, ChangeSet.of(conversation=[conv.id]))


def add_invitation(
    session: Session, ctx: ActionContext, inspection_id: str, draft: InvitationDraft
) -> OpResult[str]:
    """Who is invited and why, or deliberately not invited and why (the reason is required)."""
    require(draft, InvitationDraft)
    c = Checker()
    existing(session, c, "inspection_id", Inspection, inspection_id, required=True)
    org = existing(session, c, "organisation_id", Organisation, draft.organisation_id)
    role = c.code("role_code", draft.role_code, frameworks.codes(session, "person_role"))
    if org is None and role is None and not c.issues:
        c.add("organisation_id", "required")
    reason = c.text("reason", draft.reason, limits.SHORT_TEXT, required=True)
    status = c.choice("status", draft.status or InvitationStatus.PLANNED, InvitationStatus)
    c.done()
    row = Invitation(
        inspection_id=inspection_id, organisation_id=org, role_code=role, reason=reason or "", status=status
    )
    session.add(row)
    session.flush()
    audit.record(session, ctx, "invitation.add", "invitation", row.id, status=row.status.value)
    return OpResult(row.id, ChangeSet.of(invitation=[row.id]))
