"""The handover dossier (overdrachtsdossier) of an organisation or network, read for a reader.

It gathers what a successor needs: the account holder and who held it before, the open
concerns with their evidence, every live signal (the ones that stayed soft included: the
tacit part of the file), the timeline, the decisions with their rationales, the trajectories
with why they began and ended, the key contacts by role and the latest reflections.

Internal, and still filtered (decision 0018): restricted and reporter-confidential signals
stay out, as does everything of an inspection the reader is not on the team of; they are
counted, never described. A restricted person keeps their role in the list, not their name;
a reporter-confidential one is left out whole. A network's dossier holds its member
organisations' items too, as its timeline and concern list do.

Read on the database thread (``dossier``); ``write_pdf`` renders and writes on a worker
thread, ``record_pdf`` audits it on the database thread once the file is there.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp.domain.enums import ConcernRating, Confidentiality
from inspectorapp.domain.framework_codes import SignalStatusCode
from inspectorapp.domain.handover_views import (
    ClosedConcern,
    Dossier,
    DossierContact,
    DossierDecision,
    DossierReflection,
    DossierSignal,
    DossierTrajectory,
    Reader,
    SignalGroup,
)
from inspectorapp.domain.report_rules import CONFIDENTIAL
from inspectorapp.domain.sense_views import ConcernView, HypothesisColumn
from inspectorapp.domain.snapshots import ActionContext, Label
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from inspectorapp.domain.timeline import ItemKind, TimelineData
from inspectorapp.domain.trajectory_schedule import ended_before
from storage.models import (
    Concern,
    Conversation,
    Inspection,
    InspectionMember,
    InspectionSubject,
    Intervention,
    Person,
    Reflection,
    Signal,
    Trajectory,
    Visit,
)

from . import account_holders, audit, concern_views, decisions, frameworks
from . import timeline as timeline_service
from .refs import live
from .subject_scope import SubjectScope

REFLECTIONS = 5  # the latest few: a successor reads how the team looked back, not every note
# Stayed soft first: what never became hard is what leaves with the inspector who knew it.
STATUS_ORDER = (
    SignalStatusCode.STAYS_SOFT,
    SignalStatusCode.NEW,
    SignalStatusCode.HARDENED,
    SignalStatusCode.CLOSED,
)


def reader_of(ctx: ActionContext) -> Reader:
    """The user of this laptop, the dossier's default reader."""
    return Reader(ctx.actor, laptop_user=True)


def readable_inspections(session: Session, reader: Reader) -> set[str]:
    """The inspections whose items the reader may see: those whose team names them (by account
    or by name), and, for the laptop's own user, those whose team links no account at all (the
    office sent them to this laptop because its user may read them)."""
    who = reader.name.casefold().strip()
    teams: dict[str, list[InspectionMember]] = {}
    for mb in session.scalars(select(InspectionMember).where(InspectionMember.deleted_at.is_(None))):
        teams.setdefault(mb.inspection_id, []).append(mb)
    out = set()
    for (inspection_id,) in session.execute(select(Inspection.id).where(Inspection.deleted_at.is_(None))):
        team = teams.get(inspection_id, [])
        named = any(who in {(m.user_ref or "").casefold(), m.display_name.casefold().strip()} for m in team)
        unlinked = all(not m.user_ref for m in team)
        if named or (reader.laptop_user and unlinked):
            out.add(inspection_id)
    return out


@dataclass
class _Filter:
    """What the reader may see, and the distinct items left out so far."""

    inspections: set[str]
    hidden: set[str]

    def shows(self, item_id: str, confidentiality: Confidentiality | None, inspection_id: str | None) -> bool:
        if confidentiality in CONFIDENTIAL or (
            inspection_id is not None and inspection_id not in self.inspections
        ):
            self.hidden.add(item_id)
            return False
        return True


def dossier(session: Session, subject: SubjectRef, reader: Reader, today: date) -> Dossier:
    scope = SubjectScope(session, subject)
    seen = _Filter(readable_inspections(session, reader), set())
    signals = list(
        session.scalars(
            select(Signal)
            .where(Signal.deleted_at.is_(None), scope.about(Signal.organisation_id, Signal.network_id))
            .order_by(Signal.observed_at.desc(), Signal.id)
        )
    )
    shown = [s for s in signals if seen.shows(s.id, s.confidentiality, s.inspection_id)]
    visible = {s.id for s in shown}
    hidden_signals = {s.id for s in signals} - visible
    holders = account_holders.history(session, subject)
    return Dossier(
        subject=subject,
        title=scope.title,
        reader=reader.name,
        today=today,
        holder=account_holders.current_holder(session, subject),
        holders=holders,
        concerns=_concerns(session, subject, hidden_signals, seen),
        closed_concerns=_closed_concerns(session, subject),
        signals=_signal_groups(session, scope, shown),
        timeline=_timeline(session, subject, today, hidden_signals, seen),
        decisions=_decisions(session, subject, hidden_signals),
        trajectories=_trajectories(session, scope, today),
        contacts=_contacts(session, scope, seen),
        reflections=_reflections(session, scope, seen),
        concern_statuses=_labels(session, "concern_status"),
        left_out=len(seen.hidden),
    )


def _labels(session: Session, taxonomy: str) -> dict[str, Label]:
    return {label.code: label for label in frameworks.labels(session, taxonomy)}


def _label(labels: dict[str, Label], code: str) -> Label:
    return labels.get(code) or Label(code, code, code)


def _concerns(
    session: Session, subject: SubjectRef, hidden: set[str], seen: _Filter
) -> tuple[ConcernView, ...]:
    """Open concerns with their evidence; a signal the reader may not see leaves the matrix
    (and the counts of what supports or contradicts) as if it were not attached."""
    out = []
    for summary in concern_views.concerns_for(session, subject):
        if not summary.is_open:
            continue
        view = concern_views.concern_view(session, summary.id)
        if any(r.signal_id in hidden for r in view.signals):
            view = _without(session, view, hidden)
            seen.hidden.update(r.signal_id for r in view.signals if r.signal_id in hidden)
        out.append(view)
    return tuple(out)


def _closed_concerns(session: Session, subject: SubjectRef) -> tuple[ClosedConcern, ...]:
    labels = _labels(session, "concern_status")
    out = []
    for summary in concern_views.concerns_for(session, subject):
        if summary.is_open:
            continue
        c = live(session, Concern, summary.id)
        out.append(
            ClosedConcern(
                c.id, c.title, _label(labels, c.status), c.opened_on, c.closed_on, c.closing_rationale
            )
        )
    return tuple(out)


def _without(session: Session, view: ConcernView, hidden: set[str]) -> ConcernView:
    keep = [n for n, r in enumerate(view.signals) if r.signal_id not in hidden]
    signals = tuple(view.signals[n] for n in keep)
    matrix = tuple(view.matrix[n] for n in keep)
    columns = tuple(
        HypothesisColumn(
            h.id,
            h.position,
            h.statement,
            sum(1 for row in matrix if row.cells[k] is ConcernRating.INCONSISTENT),
        )
        for k, h in enumerate(view.hypotheses)
    )
    supporting, contradicting = concern_views._corroboration(session, signals)  # the same counting
    return replace(
        view,
        signals=signals,
        matrix=matrix,
        hypotheses=columns,
        supporting=supporting,
        contradicting=contradicting,
    )


def _signal_groups(session: Session, scope: SubjectScope, shown: list[Signal]) -> tuple[SignalGroup, ...]:
    labels = _labels(session, "signal_status")
    by_status: dict[str, list[DossierSignal]] = {}
    for s in shown:  # newest first
        by_status.setdefault(s.status, []).append(
            DossierSignal(
                s.id,
                s.observed_at.date(),
                s.observation,
                s.kind,
                s.valence,
                _label(labels, s.status),
                s.interpretation,
                s.review_by,
                scope.member(s.organisation_id),
            )
        )
    order = [str(c) for c in STATUS_ORDER] + sorted(set(by_status) - {str(c) for c in STATUS_ORDER})
    return tuple(
        SignalGroup(_label(labels, code), tuple(by_status[code])) for code in order if code in by_status
    )


def _timeline(
    session: Session, subject: SubjectRef, today: date, hidden_signals: set[str], seen: _Filter
) -> TimelineData:
    """The timeline's own read, without the hidden signals and without the inspections (their
    visits, conversations and interventions) the reader is not on the team of."""
    data = timeline_service.timeline(session, subject, today)
    closed = {i.id for i in data.items if i.kind == ItemKind.INSPECTION and i.id not in seen.inspections}
    out_of_team = set(closed)
    if closed:
        visits = set(session.scalars(select(Visit.id).where(Visit.inspection_id.in_(closed))))
        out_of_team |= visits
        out_of_team |= set(session.scalars(select(Conversation.id).where(Conversation.visit_id.in_(visits))))
        out_of_team |= set(
            session.scalars(select(Intervention.id).where(Intervention.inspection_id.in_(closed)))
        )
    kept = []
    for item in data.items:
        base = item.id.split(":", 1)[0]  # a supervision period is named after its start
        if item.kind == ItemKind.SIGNAL and (
            item.id in hidden_signals or item.confidentiality in CONFIDENTIAL
        ):
            seen.hidden.add(item.id)
        elif base in out_of_team:
            seen.hidden.add(base)
        else:
            kept.append(item)
    return TimelineData(data.subject, data.title, data.today, tuple(kept))


def _decisions(session: Session, subject: SubjectRef, hidden: set[str]) -> tuple[DossierDecision, ...]:
    """The decision log (services/decisions.py); what a decision is about is named only where
    the reader may see it (a restricted signal's opening words are its own text)."""
    labels = _labels(session, "action_type")
    return tuple(
        DossierDecision(
            d.id,
            d.decided_on,
            _label(labels, d.action_type) if d.action_type else None,
            d.return_on,
            d.rationale,
            d.decided_by,
            d.deliberation_title,
            tuple(a.title for a in d.about if a.id not in hidden),
        )
        for d in decisions.decision_log(session, subject).rows
    )


def _trajectories(session: Session, scope: SubjectScope, today: date) -> tuple[DossierTrajectory, ...]:
    rows = session.scalars(
        select(Trajectory).where(
            Trajectory.deleted_at.is_(None), scope.about(Trajectory.organisation_id, Trajectory.network_id)
        )
    )
    out = [
        DossierTrajectory(
            t.id,
            t.kind,
            t.started_on,
            t.ended_on,
            not ended_before(t.ended_on, today),
            t.rationale,
            t.end_rationale,
            tuple(line.strip() for line in t.conditions.splitlines() if line.strip()),
            t.board_informed,
            t.board_informed_on,
            t.owner,
        )
        for t in rows
    ]
    out.sort(key=lambda t: (not t.active, -(t.ended_on or t.started_on).toordinal(), t.id))
    return tuple(out)


def _contacts(session: Session, scope: SubjectScope, seen: _Filter) -> tuple[DossierContact, ...]:
    """By role; a restricted person's name stays out (the role is what the successor needs),
    a reporter-confidential person is left out whole (even a role may point at a reporter)."""
    roles = _labels(session, "person_role")
    out = []
    for p in session.scalars(
        select(Person).where(Person.deleted_at.is_(None), Person.organisation_id.in_(scope.names))
    ):
        if p.confidentiality is Confidentiality.REPORTER_CONFIDENTIAL:
            seen.hidden.add(p.id)
            continue
        name = p.name if p.confidentiality not in CONFIDENTIAL else None
        out.append(DossierContact(_label(roles, p.role_code), p.function_title, name))
    out.sort(key=lambda c: (c.role.nl.casefold(), (c.function_title or "").casefold(), c.name or ""))
    return tuple(out)


def _reflections(session: Session, scope: SubjectScope, seen: _Filter) -> tuple[DossierReflection, ...]:
    inspections = dict(
        session.execute(
            select(Inspection.id, Inspection.title)
            .join(InspectionSubject, InspectionSubject.inspection_id == Inspection.id)
            .where(
                Inspection.deleted_at.is_(None),
                InspectionSubject.deleted_at.is_(None),
                scope.about(InspectionSubject.organisation_id, InspectionSubject.network_id),
            )
        ).all()
    )
    rows = session.scalars(
        select(Reflection)
        .where(Reflection.deleted_at.is_(None), Reflection.inspection_id.in_(inspections))
        .order_by(Reflection.written_at.desc(), Reflection.id)
    )
    out = [
        DossierReflection(r.id, r.written_at, r.moment, r.author, r.text, inspections[r.inspection_id])
        for r in rows
        if seen.shows(r.id, None, r.inspection_id)
    ]
    return tuple(out[:REFLECTIONS])


# ----- the internal PDF ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DossierPdf:
    path: Path
    sha256: str
    left_out: int


def pdf_file_name(data: Dossier) -> str:
    """``2026-12-06 overdrachtsdossier Ziekenhuis A.pdf``: the date first, as report files are."""
    title = " ".join(re.sub(r"[^\w\- ]+", " ", data.title).split())[:60].strip()
    return f"{data.today.isoformat()} overdrachtsdossier {title}.pdf"


def write_pdf(data: Dossier, path: Path, language: str) -> DossierPdf:
    """Render the dossier and write it crash-safe (a failed write leaves ``path`` as it was).
    Runs off the database thread; raises ExportPathError for a target that cannot be written."""
    from inspectorapp.reports.handover_pdf import dossier_pdf  # reportlab on first use

    from .exports import check_target, write_file

    check_target(path)  # before rendering: a missing or read-only folder is refused at once
    pdf = dossier_pdf(data, language)
    write_file(path, pdf)
    return DossierPdf(path, hashlib.sha256(pdf).hexdigest(), data.left_out)


def record_pdf(session: Session, ctx: ActionContext, subject: SubjectRef, written: DossierPdf) -> None:
    entity = "network" if subject.kind == SubjectRefKind.NETWORK else "organisation"
    audit.record(
        session,
        ctx,
        "handover.pdf",
        entity,
        subject.id,
        sha256=written.sha256,
        file=written.path.name,
        left_out=written.left_out,
    )
