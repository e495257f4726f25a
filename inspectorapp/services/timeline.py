"""What the timeline of an organisation or network shows, read from the store.

A network's timeline holds its own items and its member organisations', each marked with the
member's name. Signals keep their confidentiality, so a PDF can leave restricted ones out.

The internal PDF is made as the report is: ``timeline`` reads on the database thread,
``write_pdf`` renders and writes on a worker thread (crash-safe, through the export helpers),
``record_pdf`` audits it on the database thread once the file is there.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from inspectorapp.domain.enums import InterventionStatus, TrajectoryKind
from inspectorapp.domain.framework_codes import ActionTypeCode, ConcernStatusCode
from inspectorapp.domain.snapshots import ActionContext, Label
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from inspectorapp.domain.timeline import ItemKind, Period, TimelineData, TimelineItem, sort_items
from inspectorapp.domain.trajectory_schedule import running_on
from storage.models import (
    Concern,
    ConcernStatusChange,
    Conversation,
    Inspection,
    InspectionSubject,
    Intervention,
    LifeEvent,
    Signal,
    Trajectory,
    Visit,
)

from . import audit, frameworks
from .subject_scope import SubjectScope

INTENSIFIED_START = ActionTypeCode.INTENSIFIED_START
INTENSIFIED_STOP = ActionTypeCode.INTENSIFIED_STOP
HEIGHTENED = ActionTypeCode.HEIGHTENED
# Heightened supervision has no code of its own for its end: the inspectorate ending its
# intensified supervision or stepping back ends it too.
HEIGHTENED_ENDS = frozenset({INTENSIFIED_STOP, ActionTypeCode.STEP_BACK})


def timeline(session: Session, subject: SubjectRef, today: date) -> TimelineData:
    scope = SubjectScope(session, subject)
    items: list[TimelineItem] = []
    items += _signals(session, scope)
    items += _life_events(session, scope)
    inspections = _inspections(session, scope)
    items += [i for i, _ in inspections.values()]
    items += _visits(session, scope, inspections)
    interventions = _interventions(session, scope, set(inspections))
    items += interventions
    bands = _trajectories(session, scope, today)
    items += bands
    items += _uncovered(_supervision(interventions, today), bands, today)
    items += _concerns(session, scope)
    return TimelineData(subject, scope.title, today, sort_items(items))


def _signals(session: Session, scope: SubjectScope) -> Iterable[TimelineItem]:
    rows = session.scalars(
        select(Signal).where(
            Signal.deleted_at.is_(None), scope.about(Signal.organisation_id, Signal.network_id)
        )
    )
    for s in rows:
        yield TimelineItem(
            ItemKind.SIGNAL,
            s.id,
            s.observed_at.date(),
            s.observation,
            valence=s.valence,
            signal_kind=s.kind,
            confidentiality=s.confidentiality,
            member=scope.member(s.organisation_id),
        )


def _life_events(session: Session, scope: SubjectScope) -> Iterable[TimelineItem]:
    labels = _labels(session, "life_event_type")
    rows = session.scalars(
        select(LifeEvent).where(
            LifeEvent.deleted_at.is_(None), scope.about(LifeEvent.organisation_id, LifeEvent.network_id)
        )
    )
    for e in rows:
        yield TimelineItem(
            ItemKind.LIFE_EVENT,
            e.id,
            e.occurred_on,
            e.description,
            code=_label(labels, e.event_type),
            member=scope.member(e.organisation_id),
        )


def _inspections(session: Session, scope: SubjectScope) -> dict[str, tuple[TimelineItem, str | None]]:
    """Inspections with the subject (or a member) among their subjects, by id, with the
    member organisation they are about."""
    rows = session.execute(
        select(Inspection, InspectionSubject.organisation_id)
        .join(InspectionSubject, InspectionSubject.inspection_id == Inspection.id)
        .where(
            Inspection.deleted_at.is_(None),
            InspectionSubject.deleted_at.is_(None),
            scope.about(InspectionSubject.organisation_id, InspectionSubject.network_id),
        )
    )
    out: dict[str, tuple[TimelineItem, str | None]] = {}
    for insp, organisation_id in rows:
        if insp.id in out:
            continue
        start = insp.started_on or insp.created_at.date()
        item = TimelineItem(
            ItemKind.INSPECTION,
            insp.id,
            start,
            insp.title,
            end=insp.ended_on,
            open_end=insp.ended_on is None,
            member=scope.member(organisation_id),
        )
        out[insp.id] = (item, organisation_id)
    return out


def _visits(
    session: Session, scope: SubjectScope, inspections: dict[str, tuple[TimelineItem, str | None]]
) -> Iterable[TimelineItem]:
    if not inspections:
        return
    visits = session.scalars(
        select(Visit).where(Visit.deleted_at.is_(None), Visit.inspection_id.in_(inspections))
    ).all()
    dates = {v.id: v.visit_date for v in visits}
    member = {v.id: scope.member(inspections[v.inspection_id][1]) for v in visits}
    for v in visits:
        yield TimelineItem(
            ItemKind.VISIT, v.id, v.visit_date, v.location or v.description or "", member=member[v.id]
        )
    conversations = session.scalars(
        select(Conversation).where(Conversation.deleted_at.is_(None), Conversation.visit_id.in_(dates))
    )
    for c in conversations:
        day = c.starts_at.date() if c.starts_at is not None else dates[c.visit_id]
        yield TimelineItem(ItemKind.CONVERSATION, c.id, day, c.title, member=member[c.visit_id])


def _interventions(session: Session, scope: SubjectScope, inspection_ids: set[str]) -> list[TimelineItem]:
    """Interventions about the subject, or (with no organisation of their own) part of one of
    its inspections. Cancelled ones are left out; planned ones are marked."""
    labels = _labels(session, "action_type")
    about = scope.about(Intervention.organisation_id, Intervention.network_id)
    of_inspection = (Intervention.organisation_id.is_(None)) & Intervention.inspection_id.in_(inspection_ids)
    rows = session.scalars(
        select(Intervention).where(
            Intervention.deleted_at.is_(None),
            Intervention.status != InterventionStatus.CANCELLED,
            or_(about, of_inspection),
        )
    )
    out = []
    for i in rows:
        day = i.done_on or i.planned_on
        if day is None:
            continue
        out.append(
            TimelineItem(
                ItemKind.INTERVENTION,
                i.id,
                day,
                i.intended_message or i.rationale or "",
                code=_label(labels, i.action_type),
                member=scope.member(i.organisation_id),
                planned=i.status != InterventionStatus.DONE,
            )
        )
    return out


def _supervision(interventions: list[TimelineItem], today: date) -> list[TimelineItem]:
    """Intensified supervision runs from a start to the next stop; heightened supervision
    from its measure to the next stop or stepping back. Per member, so two members'
    periods do not end each other; open periods run to today."""
    done = sorted((i for i in interventions if not i.planned and i.code is not None), key=lambda i: i.start)
    out: list[TimelineItem] = []
    for kind, starts, ends in (
        (ItemKind.INTENSIFIED, {INTENSIFIED_START}, {INTENSIFIED_STOP}),
        (ItemKind.HEIGHTENED, {HEIGHTENED}, HEIGHTENED_ENDS),
    ):
        opened: dict[str | None, TimelineItem] = {}
        for i in done:
            code = i.code.code if i.code is not None else ""
            if code in starts and i.member not in opened:
                opened[i.member] = i
            elif code in ends and i.member in opened:
                start = opened.pop(i.member)
                out.append(_period(kind, start, i.start, False))
        out += [_period(kind, start, None, True) for start in opened.values()]
    return out


_BAND_OF = {TrajectoryKind.INTENSIFIED: ItemKind.INTENSIFIED, TrajectoryKind.HEIGHTENED: ItemKind.HEIGHTENED}


def _trajectories(session: Session, scope: SubjectScope, today: date) -> list[TimelineItem]:
    """Supervision trajectories are the source of the supervision bands: from the start to
    the end, or running to today while there is none (or it lies ahead). The band carries the
    rationale, and the end rationale once ended."""
    rows = session.scalars(
        select(Trajectory).where(
            Trajectory.deleted_at.is_(None), scope.about(Trajectory.organisation_id, Trajectory.network_id)
        )
    )
    out = []
    for t in rows:
        if t.started_on > today:  # not begun: nothing to draw yet
            continue
        running = running_on(t.started_on, t.ended_on, today)
        text = t.rationale if running else "\n".join(x for x in (t.rationale, t.end_rationale) if x)
        out.append(
            TimelineItem(
                _BAND_OF[t.kind],
                t.id,
                t.started_on,
                text,
                end=None if running else t.ended_on,
                open_end=running,
                member=scope.member(t.organisation_id),
            )
        )
    return out


def _uncovered(periods: list[TimelineItem], bands: list[TimelineItem], today: date) -> list[TimelineItem]:
    """The periods read from start and stop interventions that no trajectory of the same kind
    (and member) overlaps: where the team recorded the trajectory, it draws the band, so one
    period is not drawn twice; older supervision recorded only as interventions still shows."""

    def overlaps(a: TimelineItem, b: TimelineItem) -> bool:
        return a.start <= (b.end or today) and b.start <= (a.end or today)

    return [
        p
        for p in periods
        if not any(b.kind == p.kind and b.member == p.member and overlaps(p, b) for b in bands)
    ]


def _period(kind: ItemKind, start: TimelineItem, end: date | None, open_end: bool) -> TimelineItem:
    return TimelineItem(
        kind, f"{start.id}:{kind}", start.start, start.text, end=end, open_end=open_end, member=start.member
    )


def _concerns(session: Session, scope: SubjectScope) -> Iterable[TimelineItem]:
    """A concern's opening, then each change of its status with its rationale (a concern closed
    before its history was kept shows its closing instead)."""
    labels = _labels(session, "concern_status")
    concerns = session.scalars(
        select(Concern).where(
            Concern.deleted_at.is_(None), scope.about(Concern.organisation_id, Concern.network_id)
        )
    ).all()
    changes: dict[str, list[ConcernStatusChange]] = {}
    for change in session.scalars(
        select(ConcernStatusChange).where(
            ConcernStatusChange.deleted_at.is_(None),
            ConcernStatusChange.concern_id.in_([c.id for c in concerns]),
        )
    ):
        changes.setdefault(change.concern_id, []).append(change)
    for c in concerns:
        member = scope.member(c.organisation_id)
        yield TimelineItem(
            ItemKind.CONCERN_STATUS,
            f"{c.id}:open",
            c.opened_on,
            c.title,
            code=_label(labels, ConcernStatusCode.SUSPICION),
            member=member,
        )
        for change in changes.get(c.id, ()):
            yield TimelineItem(
                ItemKind.CONCERN_STATUS,
                change.id,
                change.changed_at.date(),
                f"{c.title}\n{change.rationale}",
                code=_label(labels, change.to_status),
                member=member,
            )
        if c.id not in changes and c.closed_on is not None:
            closed = f"{c.title}\n{c.closing_rationale or ''}".strip()
            yield TimelineItem(
                ItemKind.CONCERN_STATUS,
                f"{c.id}:closed",
                c.closed_on,
                closed,
                code=_label(labels, c.status),
                member=member,
            )


def _label(labels: dict[str, Label], code: str) -> Label:
    return labels.get(code) or Label(code, code, code)


def _labels(session: Session, taxonomy: str) -> dict[str, Label]:
    return {label.code: label for label in frameworks.labels(session, taxonomy)}


# ----- the internal PDF ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelinePdf:
    """A written timeline PDF: where, which bytes, and how many signals it left out."""

    path: Path
    sha256: str
    left_out: int


def pdf_file_name(data: TimelineData) -> str:
    """``2026-12-06 tijdlijn Ziekenhuis A.pdf``: the date first, as report files are named."""
    title = " ".join(re.sub(r"[^\w\- ]+", " ", data.title).split())[:60].strip()
    return f"{data.today.isoformat()} tijdlijn {title}.pdf"


def write_pdf(data: TimelineData, path: Path, period: Period, compress: bool, language: str) -> TimelinePdf:
    """Render the internal PDF (restricted and reporter-confidential signals left out) and
    write it crash-safe: a failed write leaves whatever was at ``path`` as it was. Runs off
    the database thread; raises ExportPathError for a target that cannot be written."""
    from inspectorapp.reports.timeline_flowable import left_out, timeline_pdf  # reportlab on first use

    from .exports import check_target, write_file  # the export formats load on first use too

    check_target(path)  # before rendering: a missing or read-only folder is refused at once
    pdf = timeline_pdf(data, language, period, compress)
    write_file(path, pdf)
    return TimelinePdf(path, hashlib.sha256(pdf).hexdigest(), left_out(data, period))


def record_pdf(session: Session, ctx: ActionContext, subject: SubjectRef, written: TimelinePdf) -> None:
    entity = "network" if subject.kind == SubjectRefKind.NETWORK else "organisation"
    audit.record(
        session,
        ctx,
        "timeline.pdf",
        entity,
        subject.id,
        sha256=written.sha256,
        file=written.path.name,
        left_out=written.left_out,
    )
