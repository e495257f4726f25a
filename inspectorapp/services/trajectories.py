"""Supervision trajectories (geïntensiveerd / verscherpt toezicht): start, edit and end one,
its reporting duties and the reports received, and what they warn about (the board not
informed, reports that are late). The schedule itself is pure: domain/trajectory_schedule.

Read by the other screens through ``active_trajectories`` and ``due_reports`` (agenda pack,
handover dossier) and by the timeline (its supervision bands)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.decision_rules import blank, rationale_missing
from inspectorapp.domain.drafts import require
from inspectorapp.domain.enums import ReportFrequency, TrajectoryKind
from inspectorapp.domain.framework_codes import EntranceCode
from inspectorapp.domain.snapshots import ActionContext, OpResult
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from inspectorapp.domain.trajectory_schedule import (
    Received,
    SlotState,
    due_dates,
    running_on,
    schedule_until,
    slots,
    whole_months,
)
from inspectorapp.domain.trajectory_views import (
    BoardNotInformed,
    DueReport,
    DutyDraft,
    DutyView,
    ReportDraft,
    ReportView,
    TrajectoryDraft,
    TrajectoryView,
    TrajectoryWarnings,
)
from inspectorapp.domain.validation import Checker
from inspectorapp.errors import NotFoundError
from storage.models import Network, Organisation, ReportingDuty, Signal, Trajectory, TrajectoryReport

from . import audit
from .refs import existing, live

# While a trajectory has no end, its schedule is shown this far past today (a year ahead:
# the next due dates of every frequency, not an endless list).
HORIZON = timedelta(days=366)


# ----- reading -----------------------------------------------------------------------------


def _about(subject: SubjectRef) -> ColumnElement[bool]:
    if subject.kind == SubjectRefKind.NETWORK:
        return Trajectory.network_id == subject.id
    return Trajectory.organisation_id == subject.id


def trajectories_for(session: Session, subject: SubjectRef, today: date) -> list[TrajectoryView]:
    """The subject's own trajectories with their duties and reports: active first, then
    the newest start first."""
    rows = session.scalars(select(Trajectory).where(Trajectory.deleted_at.is_(None), _about(subject))).all()
    duties: dict[str, list[ReportingDuty]] = {}
    for d in session.scalars(
        select(ReportingDuty)
        .where(ReportingDuty.deleted_at.is_(None), ReportingDuty.trajectory_id.in_([t.id for t in rows]))
        .order_by(ReportingDuty.first_due_on, ReportingDuty.created_at)
    ):
        duties.setdefault(d.trajectory_id, []).append(d)
    reports: dict[str, list[TrajectoryReport]] = {}
    duty_ids = [d.id for ds in duties.values() for d in ds]
    for r in session.scalars(
        select(TrajectoryReport).where(
            TrajectoryReport.deleted_at.is_(None), TrajectoryReport.duty_id.in_(duty_ids)
        )
    ):
        reports.setdefault(r.duty_id, []).append(r)
    views = [_view(t, duties.get(t.id, []), reports, today) for t in rows]
    return sorted(views, key=lambda v: (not v.active, -v.started_on.toordinal(), v.id))


def _view(
    t: Trajectory, duties: list[ReportingDuty], reports: dict[str, list[TrajectoryReport]], today: date
) -> TrajectoryView:
    until = schedule_until(t.ended_on, today + HORIZON)
    return TrajectoryView(
        t.id,
        t.organisation_id,
        t.network_id,
        t.kind,
        t.started_on,
        t.ended_on,
        t.rationale,
        t.end_rationale,
        tuple(line.strip() for line in t.conditions.splitlines() if line.strip()),
        t.owner,
        t.board_informed,
        t.board_informed_on,
        t.decision_id,
        running_on(t.started_on, t.ended_on, today),
        tuple(_duty_view(d, reports.get(d.id, []), until, today) for d in duties),
    )


def _duty_view(d: ReportingDuty, reports: list[TrajectoryReport], until: date, today: date) -> DutyView:
    received = [Received(r.id, r.due_on, r.received_on) for r in reports]
    got = slots(due_dates(d.first_due_on, d.frequency, until), received, today)
    return DutyView(
        d.id,
        d.trajectory_id,
        d.subject,
        d.frequency,
        d.first_due_on,
        tuple(got),
        tuple(
            ReportView(r.id, r.due_on, r.received_on, r.summary, r.signal_id)
            for r in sorted(reports, key=lambda r: (r.due_on, r.received_on))
        ),
    )


def active_trajectories(session: Session, subject: SubjectRef, today: date) -> list[TrajectoryView]:
    """Trajectories running on ``today`` (started, and not ended before it)."""
    return [v for v in trajectories_for(session, subject, today) if v.active]


def due_reports(
    session: Session, subject: SubjectRef, until: date, today: date | None = None
) -> list[DueReport]:
    """Reports due up to ``until`` under the subject's trajectories and not received, by due
    date; ``late`` when due before ``today`` (the clock's day unless given)."""
    today = today or utc_now().date()
    horizon = max(until, today)
    out: list[DueReport] = []
    for v in trajectories_for(session, subject, horizon):
        for d in v.duties:
            for s in d.slots:
                if s.state != SlotState.RECEIVED and s.due_on <= until:
                    out.append(
                        DueReport(
                            v.id,
                            v.kind,
                            d.id,
                            d.subject,
                            s.due_on,
                            s.due_on < today,
                            v.organisation_id,
                            v.network_id,
                        )
                    )
    return sorted(out, key=lambda r: (r.due_on, r.duty_subject, r.duty_id))


def trajectory_warnings(session: Session, subject: SubjectRef, today: date) -> TrajectoryWarnings:
    """What the page warns about: active trajectories whose board was not informed (since
    their start), and late reports."""
    board = tuple(
        BoardNotInformed(
            v.id, v.kind, v.started_on, whole_months(v.started_on, today), (today - v.started_on).days
        )
        for v in active_trajectories(session, subject, today)
        if not v.board_informed
    )
    late = tuple(r for r in due_reports(session, subject, today, today) if r.late)
    return TrajectoryWarnings(board, late)


# ----- trajectories --------------------------------------------------------------------------


def _checked(c: Checker, draft: TrajectoryDraft, today: date, ending: bool = False) -> dict[str, Any]:
    v: dict[str, Any] = {
        "kind": c.choice("kind", draft.kind, TrajectoryKind),
        "started_on": c.date("started_on", draft.started_on, required=True),
        "rationale": _strip(c.text("rationale", _seen(draft.rationale), limits.LONG_TEXT, required=True)),
        "ended_on": c.date("ended_on", draft.ended_on, required=ending),
        "end_rationale": _strip(c.text("end_rationale", _seen(draft.end_rationale), limits.LONG_TEXT)),
        "conditions": _lines(c.text("conditions", draft.conditions, limits.LONG_TEXT)),
        "owner": _strip(c.text("owner", draft.owner, limits.NAME)),
        "board_informed": c.boolean("board_informed", draft.board_informed),
        "board_informed_on": c.date("board_informed_on", draft.board_informed_on),
    }
    start, end = v["started_on"], v["ended_on"]
    if start is not None and end is not None and end < start:
        c.add("ended_on", "before_start")
    if (
        end is not None
        and v["end_rationale"] is None
        and not any(i.field == "end_rationale" for i in c.issues)
    ):
        c.add("end_rationale", "required")
    if v["end_rationale"] is not None and end is None and not ending:
        c.add("ended_on", "required")
    informed_on = v["board_informed_on"]
    if informed_on is not None:
        if not v["board_informed"]:
            c.add("board_informed_on", "board_not_informed")
        elif start is not None and informed_on < start:
            c.add("board_informed_on", "before_start")
        elif informed_on > today:
            c.add("board_informed_on", "in_future")
    return v


def _subject_columns(session: Session, c: Checker, subject: SubjectRef) -> dict[str, str | None]:
    if not isinstance(subject, SubjectRef):
        c.add("subject", "invalid_format")
        return {}
    if subject.kind == SubjectRefKind.NETWORK:
        return {
            "organisation_id": None,
            "network_id": existing(session, c, "network_id", Network, subject.id),
        }
    return {
        "organisation_id": existing(session, c, "organisation_id", Organisation, subject.id),
        "network_id": None,
    }


def start_trajectory(
    session: Session, ctx: ActionContext, subject: SubjectRef, draft: TrajectoryDraft, today: date
) -> OpResult[str]:
    require(draft, TrajectoryDraft)
    c = Checker()
    where = _subject_columns(session, c, subject)
    values = _checked(c, draft, today)
    c.done()
    t = Trajectory(**where, **values)
    session.add(t)
    session.flush()
    audit.record(session, ctx, "trajectory.start", "trajectory", t.id, kind=str(t.kind))
    return OpResult(t.id, ChangeSet.of(trajectory=[t.id]))


def edit_trajectory(
    session: Session, ctx: ActionContext, trajectory_id: str, draft: TrajectoryDraft, today: date
) -> OpResult[str]:
    require(draft, TrajectoryDraft)
    t = live(session, Trajectory, trajectory_id)
    c = Checker()
    values = _checked(c, draft, today)
    _duties_fit(session, c, t.id, values["started_on"], values["ended_on"])
    c.done()
    _edit(session, ctx, t, "trajectory", values)
    return OpResult(t.id, ChangeSet.of(trajectory=[t.id]))


def end_trajectory(
    session: Session, ctx: ActionContext, trajectory_id: str, ended_on: date, end_rationale: str, today: date
) -> OpResult[str]:
    """End (or change the end of) a trajectory: the day and a rationale are both required."""
    t = live(session, Trajectory, trajectory_id)
    c = Checker()
    draft = TrajectoryDraft(
        t.kind,
        t.started_on,
        t.rationale,
        ended_on,
        end_rationale,
        t.conditions,
        t.owner,
        t.board_informed,
        t.board_informed_on,
    )
    if rationale_missing(end_rationale):
        c.add("end_rationale", "required")
    values = _checked(c, draft, today, ending=True)
    c.done()
    t.ended_on, t.end_rationale = values["ended_on"], values["end_rationale"]
    session.flush()
    audit.record(session, ctx, "trajectory.end", "trajectory", t.id, ended_on=t.ended_on.isoformat())
    return OpResult(t.id, ChangeSet.of(trajectory=[t.id]))


def _duties_fit(
    session: Session, c: Checker, trajectory_id: str, start: date | None, end: date | None
) -> None:
    """A new start or end may not leave a duty's first due date outside the trajectory."""
    firsts = session.scalars(
        select(ReportingDuty.first_due_on).where(
            ReportingDuty.trajectory_id == trajectory_id, ReportingDuty.deleted_at.is_(None)
        )
    ).all()
    if start is not None and any(f < start for f in firsts):
        c.add("started_on", "after_first_due")
    if end is not None and any(f > end for f in firsts):
        c.add("ended_on", "before_first_due")


def _edit(
    session: Session,
    ctx: ActionContext,
    row: Trajectory | ReportingDuty | TrajectoryReport,
    entity: str,
    values: dict[str, Any],
) -> None:
    """Write only the fields that changed (a colleague's synced value in the others stays)
    and audit which."""
    changed = sorted(k for k, value in values.items() if getattr(row, k) != value)
    for key in changed:
        setattr(row, key, values[key])
    session.flush()
    audit.record(session, ctx, f"{entity}.edit", entity, row.id, fields=changed)


# ----- reporting duties ------------------------------------------------------------------------


def save_duty(
    session: Session, ctx: ActionContext, trajectory_id: str, draft: DutyDraft, duty_id: str | None = None
) -> OpResult[str]:
    require(draft, DutyDraft)
    t = live(session, Trajectory, trajectory_id)
    duty = live(session, ReportingDuty, duty_id) if duty_id is not None else None
    if duty is not None and duty.trajectory_id != t.id:
        raise NotFoundError("reporting_duty", duty.id)
    c = Checker()
    v: dict[str, Any] = {
        "subject": _strip(c.text("subject", draft.subject, limits.SHORT_TEXT, required=True)),
        "frequency": c.choice("frequency", draft.frequency, ReportFrequency),
        "first_due_on": c.date("first_due_on", draft.first_due_on, required=True),
    }
    first = v["first_due_on"]
    if first is not None and first < t.started_on:
        c.add("first_due_on", "before_start")
    elif first is not None and t.ended_on is not None and first > t.ended_on:
        c.add("first_due_on", "after_end")
    c.done()
    if duty is None:
        duty = ReportingDuty(trajectory_id=t.id, **v)
        session.add(duty)
        session.flush()
        audit.record(session, ctx, "reporting_duty.create", "reporting_duty", duty.id)
    else:
        _edit(session, ctx, duty, "reporting_duty", v)
    return OpResult(duty.id, ChangeSet.of(reporting_duty=[duty.id], trajectory=[t.id]))


def remove_duty(session: Session, ctx: ActionContext, duty_id: str) -> OpResult[str]:
    """Soft delete, with the reports received under it (they answer nothing any more)."""
    duty = live(session, ReportingDuty, duty_id)
    now = utc_now()
    duty.deleted_at = now
    reports = session.scalars(
        select(TrajectoryReport).where(
            TrajectoryReport.duty_id == duty.id, TrajectoryReport.deleted_at.is_(None)
        )
    ).all()
    for r in reports:
        r.deleted_at = now
    session.flush()
    audit.record(session, ctx, "reporting_duty.delete", "reporting_duty", duty.id, reports=len(reports))
    return OpResult(
        duty.id,
        ChangeSet.of(
            reporting_duty=[duty.id],
            trajectory_report=[r.id for r in reports],
            trajectory=[duty.trajectory_id],
        ),
    )


# ----- reports received ----------------------------------------------------------------------


def record_report(
    session: Session,
    ctx: ActionContext,
    duty_id: str,
    draft: ReportDraft,
    today: date,
    report_id: str | None = None,
) -> OpResult[str]:
    """A report received for one of the duty's due dates (one report per due date), with an
    optional signal captured from it (a signal about the same organisation or network)."""
    require(draft, ReportDraft)
    duty = live(session, ReportingDuty, duty_id)
    t = live(session, Trajectory, duty.trajectory_id)
    report = live(session, TrajectoryReport, report_id) if report_id is not None else None
    if report is not None and report.duty_id != duty.id:
        raise NotFoundError("trajectory_report", report.id)
    c = Checker()
    v: dict[str, Any] = {
        "due_on": c.date("due_on", draft.due_on, required=True),
        "received_on": c.date("received_on", draft.received_on, required=True),
        "summary": c.text("summary", draft.summary, limits.LONG_TEXT) or "",
        "signal_id": existing(session, c, "signal_id", Signal, draft.signal_id),
    }
    due, received = v["due_on"], v["received_on"]
    if due is not None:
        until = schedule_until(t.ended_on, max(today, due))
        if due not in due_dates(duty.first_due_on, duty.frequency, until):
            c.add("due_on", "not_a_due_date")
        elif _answered(session, duty.id, due, report_id):
            c.add("due_on", "duplicate")
    if received is not None:
        if received > today:
            c.add("received_on", "in_future")
        elif received < t.started_on:
            c.add("received_on", "before_start")
    if v["signal_id"] is not None:
        signal = session.get(Signal, v["signal_id"])
        if signal is None or not _same_subject(signal, t):
            c.add("signal_id", "not_allowed")
        elif signal.inspection_id or signal.visit_id or signal.conversation_id:
            # A trajectory is the whole team's; a link to one inspection's signal would reach
            # colleagues who cannot see that signal (their laptop would set the report aside).
            c.add("signal_id", "not_shared")
    c.done()
    if report is None:
        report = TrajectoryReport(duty_id=duty.id, **v)
        session.add(report)
        session.flush()
        audit.record(session, ctx, "trajectory_report.create", "trajectory_report", report.id)
    else:
        _edit(session, ctx, report, "trajectory_report", v)
    return OpResult(report.id, ChangeSet.of(trajectory_report=[report.id], trajectory=[t.id]))


def remove_report(session: Session, ctx: ActionContext, report_id: str) -> OpResult[str]:
    report = live(session, TrajectoryReport, report_id)
    report.deleted_at = utc_now()
    session.flush()
    audit.record(session, ctx, "trajectory_report.delete", "trajectory_report", report.id)
    duty = session.get(ReportingDuty, report.duty_id)
    trajectory = [duty.trajectory_id] if duty is not None else []
    return OpResult(report.id, ChangeSet.of(trajectory_report=[report.id], trajectory=trajectory))


def report_signals(session: Session, trajectory_id: str, limit: int = 50) -> list[tuple[str, date, str]]:
    """Signals a report may be linked to: those about the trajectory's organisation (or
    network) captured with entrance TRAJECT_RAPPORTAGE, newest first."""
    t = live(session, Trajectory, trajectory_id)
    about = (
        Signal.organisation_id == t.organisation_id
        if t.organisation_id is not None
        else Signal.network_id == t.network_id
    )
    rows = session.execute(
        select(Signal.id, Signal.observed_at, Signal.observation)
        .where(Signal.deleted_at.is_(None), about, Signal.entrance == EntranceCode.TRAJECTORY_REPORT)
        .order_by(Signal.observed_at.desc())
        .limit(limit)
    )
    return [(sid, at.date(), observation) for sid, at, observation in rows]


def _answered(session: Session, duty_id: str, due: date, other_than: str | None) -> bool:
    ids: Sequence[str] = session.scalars(
        select(TrajectoryReport.id).where(
            TrajectoryReport.duty_id == duty_id,
            TrajectoryReport.due_on == due,
            TrajectoryReport.deleted_at.is_(None),
        )
    ).all()
    return any(i != other_than for i in ids)


def _same_subject(signal: Signal, t: Trajectory) -> bool:
    if t.organisation_id is not None:
        return signal.organisation_id == t.organisation_id
    return signal.network_id == t.network_id


def _seen(value: object) -> object:
    """A rationale of only whitespace or invisible characters is none (decision_rules.blank)."""
    return None if isinstance(value, str) and blank(value) else value


def _strip(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _lines(value: str | None) -> str:
    """Conditions one per line, blank lines and surrounding spaces dropped."""
    return "\n".join(line.strip() for line in (value or "").splitlines() if line.strip())
