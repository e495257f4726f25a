"""The agenda pack (issue #15): for one organisation or network on an overleg's agenda, what
is new since it was last reviewed, its open concerns with their evidence matrices, the
contradictions and incongruences among its signals, what is past its review-by date, the
interventions planned and the trajectory reports due, and the decisions taken in the overleg.

"New" means *recorded* (captured in the app) on or after the day of the latest overleg before
this one with the subject on its agenda, and on or before this overleg's day; never reviewed:
every signal recorded by then. An edit does not make a signal new (docs/decisions/0019).

The pack is internal: restricted and reporter-confidential signals are left out of every
section and counted (``left_out``). A network's pack holds its members' items too.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Row, or_, select
from sqlalchemy.orm import Session

from inspectorapp.domain.agenda_pack_views import (
    AgendaPack,
    PackConcern,
    PackDecision,
    PackDue,
    PackIntervention,
    PackMatrixRow,
    PackPair,
    PackReport,
    PackSignal,
)
from inspectorapp.domain.enums import InterventionStatus, SignalLinkType
from inspectorapp.domain.framework_codes import SignalStatusCode
from inspectorapp.domain.report_rules import CONFIDENTIAL
from inspectorapp.domain.snapshots import ActionContext, Label
from inspectorapp.domain.snippets import one_line
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from storage.models import (
    Deliberation,
    DeliberationItem,
    Intervention,
    Signal,
    SignalLink,
)

from . import audit, concern_views, decision_log, frameworks, review_cycle, review_list, trajectories
from .refs import live
from .subject_scope import SubjectScope

HORIZON = timedelta(days=28)  # interventions and reports due up to four weeks after the overleg
PAIR_LINKS = (SignalLinkType.CONTRADICTS, SignalLinkType.INCONGRUENT_WITH)
SHORT = 300


def agenda_pack(session: Session, deliberation_id: str, subject: SubjectRef, today: date) -> AgendaPack:
    """The pack of ``subject`` for the overleg. Raises NotFoundError for an overleg or subject
    that is gone."""
    d = live(session, Deliberation, deliberation_id)
    scope = SubjectScope(session, subject, on=d.held_on)
    since = review_cycle.last_review_before(session, subject, d.held_on)
    statuses = _labels(session, "signal_status")
    hidden: set[str] = set()  # confidential signal ids that would have shown

    # The columns the pack shows, read once for the new signals and the pairs (whole ORM
    # objects, read twice, were half the pack's time for 5,000 signals: bench/README.md).
    signals = session.execute(
        select(
            Signal.id,
            Signal.recorded_at,
            Signal.observed_at,
            Signal.kind,
            Signal.valence,
            Signal.status,
            Signal.observation,
            Signal.confidentiality,
            Signal.organisation_id,
        ).where(Signal.deleted_at.is_(None), scope.about(Signal.organisation_id, Signal.network_id))
    ).all()
    new = _new_signals(signals, scope, since, d.held_on, statuses, hidden)
    concerns = _concerns(session, subject, scope, hidden)
    pairs = _pairs(session, signals, hidden)
    overdue = _overdue(session, scope, d.held_on, hidden)
    actions = _labels(session, "action_type")
    return AgendaPack(
        d.id,
        d.kind,
        d.title,
        d.held_on,
        subject,
        scope.title,
        since,
        tuple(new),
        tuple(concerns),
        tuple(pairs),
        tuple(overdue),
        tuple(_interventions(session, scope, d.held_on, actions)),
        tuple(_reports(session, subject, d.held_on, today)),
        tuple(_decisions(session, subject, d.id, actions)),
        len(hidden),
    )


def _local_day(moment: datetime) -> date:
    """The day as the inspector lived it (the store keeps UTC)."""
    return moment.astimezone().date()


def _new_signals(
    rows: Sequence[Row[*tuple[Any, ...]]],
    scope: SubjectScope,
    since: date | None,
    held_on: date,
    statuses: dict[str, Label],
    hidden: set[str],
) -> list[PackSignal]:
    out = []
    for s in rows:
        recorded = _local_day(s.recorded_at)
        if recorded > held_on or (since is not None and recorded < since):
            continue
        if s.confidentiality in CONFIDENTIAL:
            hidden.add(s.id)
            continue
        out.append(
            PackSignal(
                s.id,
                recorded,
                _local_day(s.observed_at),
                s.kind,
                s.valence,
                statuses.get(s.status) or Label(s.status, s.status, s.status),
                one_line(s.observation, SHORT),
                scope.member(s.organisation_id),
            )
        )
    out.sort(key=lambda p: (p.observed_on, p.recorded_on, p.id))
    return out


def _confidential(session: Session, ids: set[str]) -> set[str]:
    if not ids:
        return set()
    return set(
        session.scalars(
            select(Signal.id).where(Signal.id.in_(ids), Signal.confidentiality.in_(list(CONFIDENTIAL)))
        )
    )


def _concerns(
    session: Session, subject: SubjectRef, scope: SubjectScope, hidden: set[str]
) -> list[PackConcern]:
    statuses = _labels(session, "concern_status")
    out = []
    for summary in concern_views.concerns_for(session, subject):
        if not summary.is_open:
            continue
        view = concern_views.concern_view(session, summary.id)
        secret = _confidential(session, {r.signal_id for r in view.signals})
        hidden |= secret
        cells = {row.signal_id: row.cells for row in view.matrix}
        rows = tuple(
            PackMatrixRow(r.signal_id, r.text, r.role, cells.get(r.signal_id, ()))
            for r in view.signals
            if r.signal_id not in secret
        )
        out.append(
            PackConcern(
                view.id,
                view.title,
                statuses.get(view.status) or Label(view.status, view.status, view.status),
                view.owner,
                view.opened_on,
                view.next_review_on,
                tuple(h.statement for h in view.hypotheses),
                rows,
            )
        )
    return out


def _pairs(session: Session, rows: Sequence[Row[*tuple[Any, ...]]], hidden: set[str]) -> list[PackPair]:
    """Contradicting and incongruent links among the subject's signals, one at least still open."""
    signals = {s.id: s for s in rows}
    links = session.scalars(
        select(SignalLink).where(
            SignalLink.deleted_at.is_(None),
            SignalLink.link_type.in_(list(PAIR_LINKS)),
            SignalLink.from_signal_id.in_(list(signals)),
        )
    )
    out: list[tuple[datetime, PackPair]] = []
    for link in links:
        a, b = signals.get(link.from_signal_id), signals.get(link.to_signal_id)
        if a is None or b is None:
            continue
        if a.status == SignalStatusCode.CLOSED and b.status == SignalStatusCode.CLOSED:
            continue
        secret = {s.id for s in (a, b) if s.confidentiality in CONFIDENTIAL}
        if secret:
            hidden |= secret
            continue
        first, second = sorted((a, b), key=lambda s: (s.observed_at, s.id))
        pair = PackPair(
            link.link_type, one_line(first.observation, SHORT), one_line(second.observation, SHORT), link.note
        )
        out.append((first.observed_at, pair))
    out.sort(key=lambda p: (p[0], p[1].first))
    return [p for _, p in out]


def _overdue(session: Session, scope: SubjectScope, held_on: date, hidden: set[str]) -> list[PackDue]:
    items = review_list.due_for_review(session, held_on, scope.about)
    secret = _confidential(session, {i.id for i in items if i.entity == Signal.__tablename__})
    hidden |= secret
    return [PackDue(i.entity, i.id, i.title, i.due, i.due_since) for i in items if i.id not in secret]


def _interventions(
    session: Session, scope: SubjectScope, held_on: date, actions: dict[str, Label]
) -> list[PackIntervention]:
    rows = session.scalars(
        select(Intervention).where(
            Intervention.deleted_at.is_(None),
            Intervention.status == InterventionStatus.PLANNED,
            scope.about(Intervention.organisation_id, Intervention.network_id),
            or_(Intervention.planned_on.is_(None), Intervention.planned_on <= held_on + HORIZON),
        )
    )
    out = [
        PackIntervention(
            i.id,
            actions.get(i.action_type) or Label(i.action_type, i.action_type, i.action_type),
            i.planned_on,
            i.planned_on is not None and i.planned_on < held_on,
            one_line(i.intended_message or i.rationale or "", SHORT),
        )
        for i in rows
    ]
    out.sort(key=lambda i: (i.planned_on is None, i.planned_on or held_on, i.id))
    return out


def _reports(session: Session, subject: SubjectRef, held_on: date, today: date) -> list[PackReport]:
    """Trajectory reports due by four weeks after the overleg and not received (H-TRJ's
    ``due_reports``); late: due before the overleg."""
    due = trajectories.due_reports(session, subject, held_on + HORIZON, today=held_on)
    return [PackReport(r.duty_subject, r.due_on, r.late) for r in due]


def _decisions(
    session: Session, subject: SubjectRef, deliberation_id: str, actions: dict[str, Label]
) -> list[PackDecision]:
    return [
        PackDecision(
            r.id,
            (actions.get(r.action_type) or Label(r.action_type, r.action_type, r.action_type))
            if r.action_type
            else None,
            r.return_on,
            r.rationale,
            r.decided_by,
            r.decided_on,
        )
        for r in decision_log.decisions_in(session, subject, deliberation_id)
    ]


def _labels(session: Session, taxonomy: str) -> dict[str, Label]:
    return {label.code: label for label in frameworks.labels(session, taxonomy)}


def subjects_on_agenda(session: Session, deliberation_id: str) -> list[SubjectRef]:
    """The agenda's subjects in order (for a pack of the whole overleg)."""
    items = session.scalars(
        select(DeliberationItem)
        .where(DeliberationItem.deliberation_id == deliberation_id, DeliberationItem.deleted_at.is_(None))
        .order_by(DeliberationItem.position, DeliberationItem.created_at)
    )
    return [
        SubjectRef.organisation(i.organisation_id)
        if i.organisation_id
        else SubjectRef.network(str(i.network_id))
        for i in items
    ]


# ----- the internal PDF ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PackPdf:
    path: Path
    sha256: str
    left_out: int


def pdf_file_name(pack: AgendaPack) -> str:
    """``2026-03-12 agendapakket Ziekenhuis A.pdf``: the overleg's date first."""
    name = " ".join(re.sub(r"[^\w\- ]+", " ", pack.name).split())[:60].strip()
    return f"{pack.held_on.isoformat()} agendapakket {name}.pdf"


def write_pdf(pack: AgendaPack, path: Path, language: str, generated_on: date) -> PackPdf:
    """Render the internal PDF and write it crash-safe (a failed write leaves what was at
    ``path``). Runs off the database thread; raises ExportPathError for a target that cannot
    be written."""
    from inspectorapp.reports.agenda_pack_pdf import agenda_pack_pdf  # reportlab on first use

    from .exports import check_target, write_file

    check_target(path)
    pdf = agenda_pack_pdf(pack, language, generated_on)
    write_file(path, pdf)
    return PackPdf(path, hashlib.sha256(pdf).hexdigest(), pack.left_out)


def record_pdf(session: Session, ctx: ActionContext, pack: AgendaPack, written: PackPdf) -> None:
    entity = "network" if pack.subject.kind == SubjectRefKind.NETWORK else "organisation"
    audit.record(
        session,
        ctx,
        "agenda_pack.pdf",
        entity,
        pack.subject.id,
        deliberation_id=pack.deliberation_id,
        sha256=written.sha256,
        file=written.path.name,
        left_out=written.left_out,
    )
