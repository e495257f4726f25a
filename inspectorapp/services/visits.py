"""The inspection detail and the visit workspace: what an inspector opens on site."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from inspectorapp.domain.framework_codes import CONCERN_CLOSING, SignalStatusCode
from inspectorapp.domain.visit_views import (
    ConversationRow,
    InspectionDetail,
    InvitationRow,
    LifeEventRow,
    OrganisationOption,
    SignalCard,
    SubjectRow,
    VisitRow,
    VisitWorkspace,
)
from inspectorapp.errors import NotFoundError
from storage.models import (
    Concern,
    Conversation,
    FrameworkVersion,
    InspectionMember,
    InspectionSubject,
    Invitation,
    LifeEvent,
    Network,
    NetworkMembership,
    Organisation,
    Participant,
    Signal,
    TaxonomyItem,
    Visit,
)

from .refs import live_inspection

RECENT_SIGNALS = 12  # "Wat weten we al": the newest signals besides what stayed soft


def _subjects(session: Session, inspection_id: str) -> list[SubjectRow]:
    rows = session.execute(
        select(InspectionSubject, Organisation.name, Network.name)
        .outerjoin(Organisation, InspectionSubject.organisation_id == Organisation.id)
        .outerjoin(Network, InspectionSubject.network_id == Network.id)
        .where(InspectionSubject.inspection_id == inspection_id, InspectionSubject.deleted_at.is_(None))
        .order_by(InspectionSubject.created_at)
    )
    return [
        SubjectRow(s.subject_kind.value, org or net or s.description or "", s.organisation_id, s.network_id)
        for s, org, net in rows
    ]


def subject_organisations(session: Session, inspection_id: str) -> list[OrganisationOption]:
    """Organisations a signal in this inspection is usually about: the subjects and the
    members of subject networks."""
    subjects = _subjects(session, inspection_id)
    org_ids = [s.organisation_id for s in subjects if s.organisation_id]
    net_ids = [s.network_id for s in subjects if s.network_id]
    if net_ids:
        org_ids += session.scalars(
            select(NetworkMembership.organisation_id).where(
                NetworkMembership.network_id.in_(net_ids), NetworkMembership.deleted_at.is_(None)
            )
        ).all()
    seen: dict[str, None] = dict.fromkeys(org_ids)
    names = dict(
        session.execute(select(Organisation.id, Organisation.name).where(Organisation.id.in_(seen))).all()
    )
    return [OrganisationOption(i, names[i]) for i in seen if i in names]


def inspection_detail(session: Session, inspection_id: str) -> InspectionDetail:
    insp = live_inspection(session, inspection_id)
    fv = session.get(FrameworkVersion, insp.framework_version_id)
    theme_labels = dict(
        session.execute(
            select(TaxonomyItem.code, TaxonomyItem.label_nl).where(
                TaxonomyItem.framework_version_id == insp.framework_version_id,
                TaxonomyItem.taxonomy == "meso_theme",
            )
        ).all()
    )
    conv_counts = dict(
        session.execute(
            select(Conversation.visit_id, func.count())
            .where(Conversation.deleted_at.is_(None))
            .group_by(Conversation.visit_id)
        ).all()
    )
    visits = tuple(
        VisitRow(v.id, v.visit_date, v.location, v.announced, int(conv_counts.get(v.id, 0)))
        for v in session.scalars(
            select(Visit)
            .where(Visit.inspection_id == inspection_id, Visit.deleted_at.is_(None))
            .order_by(Visit.visit_date)
        )
    )
    subjects = _subjects(session, inspection_id)
    org_ids = [o.id for o in subject_organisations(session, inspection_id)]
    known = session.scalar(
        select(func.count()).where(Signal.organisation_id.in_(org_ids), Signal.deleted_at.is_(None))
    )
    concerns = session.scalar(
        select(func.count()).where(
            Concern.organisation_id.in_(org_ids) | Concern.network_id.in_([s.network_id for s in subjects]),
            Concern.deleted_at.is_(None),
            Concern.status.not_in(CONCERN_CLOSING),
        )
    )
    team = tuple(
        session.scalars(
            select(InspectionMember.display_name).where(
                InspectionMember.inspection_id == inspection_id, InspectionMember.deleted_at.is_(None)
            )
        )
    )

    def cards(*where: ColumnElement[bool], limit: int | None = None) -> tuple[SignalCard, ...]:
        rows = session.execute(
            select(Signal, Organisation.name)
            .join(Organisation, Signal.organisation_id == Organisation.id)
            .where(Signal.organisation_id.in_(org_ids), Signal.deleted_at.is_(None), *where)
            .order_by(Signal.observed_at.desc())
            .limit(limit)
        )
        return tuple(
            SignalCard(s.id, org, s.kind.value, s.valence.value, s.observation, s.status, s.observed_at)
            for s, org in rows
        )

    # What stayed soft is the memory the page is for: all of it, whatever its age.
    stays_soft = cards(Signal.status == SignalStatusCode.STAYS_SOFT)
    earlier = cards(Signal.status != SignalStatusCode.STAYS_SOFT, limit=RECENT_SIGNALS)
    concern_titles = tuple(
        session.scalars(
            select(Concern.title).where(
                Concern.organisation_id.in_(org_ids)
                | Concern.network_id.in_([s.network_id for s in subjects]),
                Concern.deleted_at.is_(None),
                Concern.status.not_in(CONCERN_CLOSING),
            )
        )
    )
    invitations = tuple(
        InvitationRow(i.id, org or "", i.role_code, i.reason, i.status.value)
        for i, org in session.execute(
            select(Invitation, Organisation.name)
            .outerjoin(Organisation, Invitation.organisation_id == Organisation.id)
            .where(Invitation.inspection_id == inspection_id, Invitation.deleted_at.is_(None))
            .order_by(Invitation.created_at)
        )
    )
    return InspectionDetail(
        id=insp.id,
        title=insp.title,
        purpose=insp.purpose,
        inspection_type=insp.inspection_type.value,
        status=insp.status.value,
        declared_role=insp.declared_role.value,
        framework=f"{fv.key} {fv.version}" if fv else "",
        theme_labels=tuple(f"{c} {theme_labels.get(c, '')}".strip() for c in insp.theme_codes),
        subjects=tuple(subjects),
        visits=visits,
        team=team,
        known_signals=int(known or 0),
        open_concerns=int(concerns or 0),
        open_questions=insp.open_questions or "",
        earlier_signals=earlier,
        concern_titles=concern_titles,
        stays_soft=stays_soft,
        life_events=_life_events(session, insp.framework_version_id, org_ids, subjects),
        invitations=invitations,
    )


def _life_events(
    session: Session, framework_version_id: str, org_ids: list[str], subjects: list[SubjectRow]
) -> tuple[LifeEventRow, ...]:
    """Every life event of the subjects (their organisations and networks), newest first."""
    net_ids = [s.network_id for s in subjects if s.network_id]
    types = {
        item.code: item
        for item in session.scalars(
            select(TaxonomyItem).where(
                TaxonomyItem.framework_version_id == framework_version_id,
                TaxonomyItem.taxonomy == "life_event_type",
            )
        )
    }
    rows = session.execute(
        select(LifeEvent, Organisation.name, Network.name)
        .outerjoin(Organisation, LifeEvent.organisation_id == Organisation.id)
        .outerjoin(Network, LifeEvent.network_id == Network.id)
        .where(
            LifeEvent.organisation_id.in_(org_ids) | LifeEvent.network_id.in_(net_ids),
            LifeEvent.deleted_at.is_(None),
        )
        .order_by(LifeEvent.occurred_on.desc())
    )
    out = []
    for ev, org, net in rows:
        t = types.get(ev.event_type)
        label_nl, label_en = (t.label_nl, t.label_en) if t else (ev.event_type, ev.event_type)
        out.append(
            LifeEventRow(ev.occurred_on, ev.event_type, label_nl, label_en, org or net or "", ev.description)
        )
    return tuple(out)


def visit_workspace(session: Session, visit_id: str) -> VisitWorkspace:
    visit = session.get(Visit, visit_id)
    if visit is None or visit.deleted_at is not None:
        raise NotFoundError("visit", visit_id)
    insp = live_inspection(session, visit.inspection_id)
    types = {
        item.code: item
        for item in session.scalars(
            select(TaxonomyItem).where(
                TaxonomyItem.framework_version_id == insp.framework_version_id,
                TaxonomyItem.taxonomy == "conversation_type",
            )
        )
    }
    conversations = list(
        session.scalars(
            select(Conversation)
            .where(Conversation.visit_id == visit_id, Conversation.deleted_at.is_(None))
            .order_by(Conversation.starts_at, Conversation.created_at)
        )
    )
    people: dict[str, list[str]] = {}
    for conv_id, label, role in session.execute(
        select(Participant.conversation_id, Participant.label, Participant.role_code)
        .where(
            Participant.conversation_id.in_([c.id for c in conversations]), Participant.deleted_at.is_(None)
        )
        .order_by(Participant.position)
    ):
        people.setdefault(conv_id, []).append(label or role)
    rows = []
    for c in conversations:
        t = types.get(c.conversation_type)
        rows.append(
            ConversationRow(
                c.id,
                c.conversation_type,
                t.label_nl if t else c.conversation_type,
                t.label_en if t else c.conversation_type,
                c.title,
                c.starts_at,
                bool(t and t.attributes.get("group_session")),
                tuple(people.get(c.id, [])),
            )
        )
    signals = tuple(
        SignalCard(s.id, org, s.kind.value, s.valence.value, s.observation, s.status, s.observed_at)
        for s, org in session.execute(
            select(Signal, Organisation.name)
            .join(Organisation, Signal.organisation_id == Organisation.id)
            .where(
                (Signal.visit_id == visit_id) | Signal.conversation_id.in_([c.id for c in conversations]),
                Signal.deleted_at.is_(None),
            )
            .order_by(Signal.observed_at)
        )
    )
    return VisitWorkspace(
        visit_id=visit.id,
        inspection_id=insp.id,
        inspection_title=insp.title,
        visit_date=visit.visit_date,
        location=visit.location,
        conversations=tuple(rows),
        signals=signals,
        organisations=tuple(subject_organisations(session, insp.id)),
    )
