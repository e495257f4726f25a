"""Organisations under supervision: their fields, units and life events.

Networks and memberships are in ``networks``; the searchable list in ``directory``.
Every write is one transaction (the caller's), audited, and returns what it changed.
"""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.drafts import OrganisationDraft, require
from inspectorapp.domain.enums import UnitType
from inspectorapp.domain.org_drafts import LifeEventDraft, UnitDraft
from inspectorapp.domain.org_views import (
    LifeEventView,
    MembershipView,
    OrganisationDetail,
    OrgFormOptions,
    UnitView,
)
from inspectorapp.domain.snapshots import ActionContext, OpResult, OrganisationRow
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from inspectorapp.domain.validation import Checker
from inspectorapp.domain.visit_views import CodeLabel, OrganisationOption
from inspectorapp.errors import FieldIssue, ValidationError
from storage.models import (
    Concern,
    InspectionSubject,
    LifeEvent,
    Network,
    NetworkMembership,
    Organisation,
    Signal,
    Unit,
)

from . import audit, frameworks
from .refs import existing, live


def code_map(session: Session, taxonomy: str) -> dict[str, CodeLabel]:
    """Labels of a taxonomy by code; an unknown code is shown as itself (``label_of``)."""
    return {c.code: c for c in frameworks.code_labels(session, taxonomy)}


def label_of(labels: dict[str, CodeLabel], code: str) -> CodeLabel:
    return labels.get(code) or CodeLabel(code, code, code)


# ----- organisations ----------------------------------------------------------------------


def _checked(session: Session, draft: OrganisationDraft) -> dict[str, str | None]:
    c = Checker()
    values = {
        "name": c.text("name", draft.name, limits.NAME, required=True),
        "org_type": c.code("org_type", draft.org_type, frameworks.codes(session, "organisation_type")),
        "sector": c.code("sector", draft.sector, frameworks.codes(session, "sector")),
        "region": c.text("region", draft.region, limits.NAME),
        "description": c.text("description", draft.description, limits.LONG_TEXT),
    }
    c.done()
    return values


def create_organisation(
    session: Session, ctx: ActionContext, draft: OrganisationDraft
) -> OpResult[OrganisationRow]:
    require(draft, OrganisationDraft)
    org = Organisation(**_checked(session, draft))
    session.add(org)
    session.flush()
    audit.record(session, ctx, "organisation.create", "organisation", org.id)
    return OpResult(_row(org), ChangeSet.of(organisation=[org.id]))


def update_organisation(
    session: Session, ctx: ActionContext, organisation_id: str, draft: OrganisationDraft
) -> OpResult[OrganisationRow]:
    """Every field as the draft has it (the editor sends the whole organisation)."""
    require(draft, OrganisationDraft)
    org = live(session, Organisation, organisation_id)
    for key, value in _checked(session, draft).items():
        setattr(org, key, value)
    session.flush()
    audit.record(session, ctx, "organisation.update", "organisation", org.id)
    return OpResult(_row(org), ChangeSet.of(organisation=[org.id]))


def delete_organisation(session: Session, ctx: ActionContext, organisation_id: str) -> OpResult[str]:
    """Soft delete, with its units, life events and memberships. Refused (``in_use``) while
    signals, concerns or inspections refer to it: the team's memory is never hidden by it."""
    org = live(session, Organisation, organisation_id)
    users = (
        (Signal, Signal.organisation_id),
        (Concern, Concern.organisation_id),
        (InspectionSubject, InspectionSubject.organisation_id),
    )
    for model, column in users:
        if session.scalar(select(exists().where(column == org.id, model.deleted_at.is_(None)))):
            raise ValidationError([FieldIssue("organisation_id", "in_use", {"by": model.__tablename__})])
    now = utc_now()
    org.deleted_at = now
    touched: dict[str, list[str]] = {"organisation": [org.id]}
    parts: list[Unit | LifeEvent | NetworkMembership] = [
        *session.scalars(select(Unit).where(Unit.organisation_id == org.id, Unit.deleted_at.is_(None))),
        *session.scalars(
            select(LifeEvent).where(LifeEvent.organisation_id == org.id, LifeEvent.deleted_at.is_(None))
        ),
        *session.scalars(
            select(NetworkMembership).where(
                NetworkMembership.organisation_id == org.id, NetworkMembership.deleted_at.is_(None)
            )
        ),
    ]
    for row in parts:
        row.deleted_at = now
        touched.setdefault(row.__tablename__, []).append(row.id)
    session.flush()
    audit.record(session, ctx, "organisation.delete", "organisation", org.id)
    return OpResult(org.id, ChangeSet.of(**touched))


def _row(o: Organisation) -> OrganisationRow:
    return OrganisationRow(o.id, o.name, o.org_type, o.sector, o.region)


def organisation_options(session: Session) -> tuple[OrganisationOption, ...]:
    """Every live organisation by name, for the forms' pickers."""
    rows = session.execute(
        select(Organisation.id, Organisation.name)
        .where(Organisation.deleted_at.is_(None))
        .order_by(Organisation.name)
    )
    return tuple(OrganisationOption(oid, name) for oid, name in rows)


def form_options(session: Session) -> OrgFormOptions:
    """What the organisation, unit, life-event, network and membership editors offer."""
    networks = session.execute(
        select(Network.id, Network.name).where(Network.deleted_at.is_(None)).order_by(Network.name)
    )
    return OrgFormOptions(
        org_types=frameworks.code_labels(session, "organisation_type"),
        sectors=frameworks.code_labels(session, "sector"),
        life_event_types=frameworks.code_labels(session, "life_event_type"),
        network_roles=frameworks.code_labels(session, "network_role"),
        financing_domains=frameworks.code_labels(session, "financing_domain"),
        organisations=organisation_options(session),
        networks=tuple(OrganisationOption(nid, name) for nid, name in networks),
    )


# ----- units ------------------------------------------------------------------------------


def _unit_values(draft: UnitDraft) -> tuple[str, UnitType]:
    c = Checker()
    name = c.text("name", draft.name, limits.NAME, required=True)
    unit_type = c.choice("unit_type", draft.unit_type, UnitType)
    c.done()
    assert name is not None and unit_type is not None
    return name, unit_type


def create_unit(
    session: Session, ctx: ActionContext, organisation_id: str, draft: UnitDraft
) -> OpResult[UnitView]:
    require(draft, UnitDraft)
    org = live(session, Organisation, organisation_id)
    name, unit_type = _unit_values(draft)
    unit = Unit(organisation_id=org.id, name=name, unit_type=unit_type)
    session.add(unit)
    session.flush()
    audit.record(session, ctx, "unit.create", "unit", unit.id, organisation=org.id)
    return OpResult(UnitView(unit.id, name, unit_type), ChangeSet.of(unit=[unit.id], organisation=[org.id]))


def update_unit(session: Session, ctx: ActionContext, unit_id: str, draft: UnitDraft) -> OpResult[UnitView]:
    require(draft, UnitDraft)
    unit = live(session, Unit, unit_id)
    unit.name, unit.unit_type = _unit_values(draft)
    session.flush()
    audit.record(session, ctx, "unit.update", "unit", unit.id)
    return OpResult(
        UnitView(unit.id, unit.name, unit.unit_type),
        ChangeSet.of(unit=[unit.id], organisation=[unit.organisation_id]),
    )


def delete_unit(session: Session, ctx: ActionContext, unit_id: str) -> OpResult[str]:
    """Soft delete: signals that name the unit keep it (their history stays whole)."""
    unit = live(session, Unit, unit_id)
    unit.deleted_at = utc_now()
    session.flush()
    audit.record(session, ctx, "unit.delete", "unit", unit.id)
    return OpResult(unit.id, ChangeSet.of(unit=[unit.id], organisation=[unit.organisation_id]))


# ----- life events ------------------------------------------------------------------------


def _event_values(session: Session, draft: LifeEventDraft, c: Checker) -> dict[str, object]:
    values: dict[str, object] = {
        "event_type": c.code(
            "event_type", draft.event_type, frameworks.codes(session, "life_event_type"), required=True
        ),
        "occurred_on": c.date("occurred_on", draft.occurred_on, required=True),
        "description": c.text("description", draft.description, limits.LONG_TEXT, required=True),
        "source": c.text("source", draft.source, limits.SHORT_TEXT),
    }
    return values


def _subject_of(event: LifeEvent) -> dict[str, list[str]]:
    if event.organisation_id:
        return {"organisation": [event.organisation_id]}
    return {"network": [event.network_id or ""]}


def create_life_event(session: Session, ctx: ActionContext, draft: LifeEventDraft) -> OpResult[str]:
    require(draft, LifeEventDraft)
    c = Checker()
    subject = draft.subject
    org_id = net_id = None
    if not isinstance(subject, SubjectRef):
        c.add("subject", "required")
    elif subject.kind == SubjectRefKind.ORGANISATION:
        org_id = existing(session, c, "subject", Organisation, subject.id, required=True)
    else:
        net_id = existing(session, c, "subject", Network, subject.id, required=True)
    values = _event_values(session, draft, c)
    c.done()
    event = LifeEvent(organisation_id=org_id, network_id=net_id, **values)
    session.add(event)
    session.flush()
    audit.record(session, ctx, "life_event.create", "life_event", event.id)
    return OpResult(event.id, ChangeSet.of(life_event=[event.id], **_subject_of(event)))


def update_life_event(
    session: Session, ctx: ActionContext, life_event_id: str, draft: LifeEventDraft
) -> OpResult[str]:
    """Type, date, description and source; the subject stays (``draft.subject`` is ignored)."""
    require(draft, LifeEventDraft)
    event = live(session, LifeEvent, life_event_id)
    c = Checker()
    values = _event_values(session, draft, c)
    c.done()
    for key, value in values.items():
        setattr(event, key, value)
    session.flush()
    audit.record(session, ctx, "life_event.update", "life_event", event.id)
    return OpResult(event.id, ChangeSet.of(life_event=[event.id], **_subject_of(event)))


def delete_life_event(session: Session, ctx: ActionContext, life_event_id: str) -> OpResult[str]:
    event = live(session, LifeEvent, life_event_id)
    event.deleted_at = utc_now()
    session.flush()
    audit.record(session, ctx, "life_event.delete", "life_event", event.id)
    return OpResult(event.id, ChangeSet.of(life_event=[event.id], **_subject_of(event)))


def life_events(session: Session, subject: SubjectRef) -> tuple[LifeEventView, ...]:
    """The subject's own life events, newest first."""
    column = (
        LifeEvent.organisation_id if subject.kind == SubjectRefKind.ORGANISATION else LifeEvent.network_id
    )
    rows = session.scalars(
        select(LifeEvent)
        .where(column == subject.id, LifeEvent.deleted_at.is_(None))
        .order_by(LifeEvent.occurred_on.desc(), LifeEvent.created_at.desc())
    )
    types = code_map(session, "life_event_type")
    return tuple(
        LifeEventView(e.id, label_of(types, e.event_type), e.occurred_on, e.description, e.source)
        for e in rows
    )


# ----- the organisation's page --------------------------------------------------------------


def organisation_detail(session: Session, organisation_id: str) -> OrganisationDetail:
    org = live(session, Organisation, organisation_id)
    units = session.scalars(
        select(Unit)
        .where(Unit.organisation_id == org.id, Unit.deleted_at.is_(None))
        .order_by(Unit.unit_type, Unit.name)
    )
    memberships = session.execute(
        select(NetworkMembership, Network.name)
        .join(Network, Network.id == NetworkMembership.network_id)
        .where(
            NetworkMembership.organisation_id == org.id,
            NetworkMembership.deleted_at.is_(None),
            Network.deleted_at.is_(None),
        )
        .order_by(Network.name)
    ).all()
    roles = code_map(session, "network_role")
    types = code_map(session, "organisation_type")
    sectors = code_map(session, "sector")
    return OrganisationDetail(
        id=org.id,
        name=org.name,
        org_type=label_of(types, org.org_type) if org.org_type else None,
        sector=label_of(sectors, org.sector) if org.sector else None,
        region=org.region,
        description=org.description,
        units=tuple(UnitView(u.id, u.name, u.unit_type) for u in units),
        life_events=life_events(session, SubjectRef.organisation(org.id)),
        networks=tuple(membership_view(m, name, roles) for m, name in memberships),
    )


def membership_view(m: NetworkMembership, other_name: str, roles: dict[str, CodeLabel]) -> MembershipView:
    return MembershipView(
        id=m.id,
        network_id=m.network_id,
        organisation_id=m.organisation_id,
        other_name=other_name,
        layer=m.layer,
        roles=tuple(label_of(roles, r) for r in m.roles or ()),
        joined_on=m.joined_on,
        left_on=m.left_on,
    )
