"""Supervision trajectories through the service on a real store: the board-not-informed
warning and how informing the board clears it, late reports, reports recorded against due
dates, and hostile or inconsistent input refused before anything is written."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from inspectorapp.domain.drafts import SignalDraft
from inspectorapp.domain.enums import ReportFrequency, SignalKind, TrajectoryKind, Valence
from inspectorapp.domain.framework_codes import EntranceCode
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.domain.trajectory_schedule import SlotState
from inspectorapp.domain.trajectory_views import DutyDraft, ReportDraft, TrajectoryDraft
from inspectorapp.errors import NotFoundError, ValidationError
from inspectorapp.services import handover, review_cycle, signals, timeline
from inspectorapp.services import trajectories as tr
from storage import models as m
from storage.engine import Store

from .helpers import organisation
from .test_findings import shared_demo

__all__ = ["shared_demo"]  # a fixture, found by pytest in this namespace

TODAY = date(2026, 12, 6)
START = date(2026, 2, 1)


def _org(store: Store, name: str) -> SubjectRef:
    with store.transaction() as s:
        org = m.Organisation(name=name)
        s.add(org)
        s.flush()
        return SubjectRef.organisation(org.id)


def _start(store: Store, ctx: ActionContext, subject: SubjectRef, **fields: object) -> str:
    values: dict[str, Any] = {
        "kind": TrajectoryKind.INTENSIFIED,
        "started_on": START,
        "rationale": "Herhaalde signalen over het meldklimaat",
        "conditions": "Maandelijkse rapportage\n\n  Verbeterplan binnen 6 weken  ",
        "owner": "Inspecteur De Vries",
    }
    values.update(fields)
    with store.transaction() as s:
        return tr.start_trajectory(s, ctx, subject, TrajectoryDraft(**values), TODAY).value


def _refused(store: Store, action, *args) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with store.session() as s:
        before = s.scalar(select(func.count()).select_from(m.Outbox))
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        action(s, *args)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(m.Outbox)) == before  # nothing written
    return {(i.field, i.problem) for i in err.value.issues}


def test_board_not_informed_warns_since_the_start_and_informing_it_clears_the_warning(
    shared_demo: Store, ctx: ActionContext
) -> None:
    subject = _org(shared_demo, "Ziekenhuis T1")
    tid = _start(shared_demo, ctx, subject)
    with shared_demo.session() as s:
        warnings = tr.trajectory_warnings(s, subject, TODAY)
        (view,) = tr.active_trajectories(s, subject, TODAY)
    (board,) = warnings.board
    assert (board.trajectory_id, board.since, board.months) == (tid, START, 10)
    assert view.conditions == ("Maandelijkse rapportage", "Verbeterplan binnen 6 weken")
    informed = view.draft()
    with shared_demo.transaction() as s:
        tr.edit_trajectory(
            s, ctx, tid, TrajectoryDraft(**{**_fields(informed), "board_informed": True}), TODAY
        )
    with shared_demo.session() as s:
        assert tr.trajectory_warnings(s, subject, TODAY).board == ()  # informed, no date known: enough
    with shared_demo.transaction() as s:
        tr.edit_trajectory(
            s,
            ctx,
            tid,
            TrajectoryDraft(**{**_fields(informed), "board_informed": True, "board_informed_on": TODAY}),
            TODAY,
        )
        assert tr.trajectories_for(s, subject, TODAY)[0].board_informed_on == TODAY


def _fields(draft: TrajectoryDraft) -> dict[str, Any]:
    return {k: getattr(draft, k) for k in TrajectoryDraft.__slots__}


def test_late_reports_listed_received_ones_not_and_ended_trajectories_stop_warning(
    shared_demo: Store, ctx: ActionContext
) -> None:
    subject = _org(shared_demo, "Ziekenhuis T2")
    tid = _start(shared_demo, ctx, subject, board_informed=True, board_informed_on=date(2026, 2, 10))
    with shared_demo.transaction() as s:
        duty = tr.save_duty(
            s, ctx, tid, DutyDraft("Voortgang verbeterplan", ReportFrequency.MONTHLY, date(2026, 9, 30))
        ).value
        tr.record_report(s, ctx, duty, ReportDraft(date(2026, 9, 30), date(2026, 10, 2), "Op schema"), TODAY)
    with shared_demo.session() as s:
        warnings = tr.trajectory_warnings(s, subject, TODAY)
        due = tr.due_reports(s, subject, date(2027, 1, 31), TODAY)
        (view,) = tr.trajectories_for(s, subject, TODAY)
    assert warnings.board == ()
    assert [(r.due_on, r.duty_subject) for r in warnings.late] == [
        (date(2026, 10, 30), "Voortgang verbeterplan"),
        (date(2026, 11, 30), "Voortgang verbeterplan"),
    ]
    assert [(r.due_on, r.late) for r in due] == [
        (date(2026, 10, 30), True),
        (date(2026, 11, 30), True),
        (date(2026, 12, 30), False),
        (date(2027, 1, 30), False),
    ]
    states = [(x.due_on, x.state) for x in view.duties[0].slots[:2]]
    assert states == [(date(2026, 9, 30), SlotState.RECEIVED), (date(2026, 10, 30), SlotState.LATE)]
    with shared_demo.transaction() as s:
        tr.end_trajectory(s, ctx, tid, date(2026, 11, 15), "Afspraken nagekomen", TODAY)
    with shared_demo.session() as s:
        assert tr.active_trajectories(s, subject, TODAY) == []
        assert [r.due_on for r in tr.trajectory_warnings(s, subject, TODAY).late] == [date(2026, 10, 30)]
        (ended,) = tr.trajectories_for(s, subject, TODAY)
    assert (ended.ended_on, ended.end_rationale, ended.active) == (
        date(2026, 11, 15),
        "Afspraken nagekomen",
        False,
    )


def test_start_refuses_missing_and_inconsistent_fields(shared_demo: Store, ctx: ActionContext) -> None:
    subject = _org(shared_demo, "Ziekenhuis T3")
    bad = TrajectoryDraft(
        kind="streng",  # type: ignore[arg-type]
        started_on=None,
        rationale="  ",
        board_informed=False,
        board_informed_on=date(2026, 3, 1),
    )
    assert _refused(shared_demo, tr.start_trajectory, ctx, subject, bad, TODAY) == {
        ("kind", "invalid_choice"),
        ("started_on", "required"),
        ("rationale", "required"),
        ("board_informed_on", "board_not_informed"),
    }
    base = TrajectoryDraft(TrajectoryKind.HEIGHTENED, START, "Ernstige tekortkomingen")
    cases: dict[tuple[str, str], dict[str, Any]] = {
        ("board_informed_on", "before_start"): {
            "board_informed": True,
            "board_informed_on": date(2026, 1, 31),
        },
        ("board_informed_on", "in_future"): {"board_informed": True, "board_informed_on": date(2026, 12, 7)},
        ("end_rationale", "required"): {"ended_on": date(2026, 6, 1)},
        ("ended_on", "before_start"): {"ended_on": date(2026, 1, 1), "end_rationale": "x"},
        ("ended_on", "required"): {"end_rationale": "Klaar"},
        ("rationale", "invalid_format"): {"rationale": "a\x00b"},
        ("rationale", "too_long"): {"rationale": "x" * 20_001},
        ("owner", "invalid_format"): {"owner": 42},
        ("board_informed", "invalid_format"): {"board_informed": "ja"},
        ("started_on", "invalid_date"): {"started_on": "31-02-2026"},
    }
    for problem, changed in cases.items():
        draft = TrajectoryDraft(**{**_fields(base), **changed})
        assert problem in _refused(shared_demo, tr.start_trajectory, ctx, subject, draft, TODAY), problem
    assert _refused(shared_demo, tr.start_trajectory, ctx, subject, {"kind": "verscherpt"}, TODAY) == {
        ("draft", "invalid_format")
    }
    nowhere = SubjectRef.organisation("00000000-0000-4000-8000-000000000000")
    assert ("organisation_id", "invalid_reference") in _refused(
        shared_demo, tr.start_trajectory, ctx, nowhere, base, TODAY
    )
    tid = _start(shared_demo, ctx, subject)
    assert _refused(shared_demo, tr.end_trajectory, ctx, tid, date(2026, 6, 1), "   ", TODAY) == {
        ("end_rationale", "required")
    }


def test_duties_and_reports_refuse_dates_outside_the_schedule(shared_demo: Store, ctx: ActionContext) -> None:
    subject = _org(shared_demo, "Ziekenhuis T4")
    other = _org(shared_demo, "Ziekenhuis T4b")
    tid = _start(shared_demo, ctx, subject, ended_on=date(2026, 12, 31), end_rationale="Gepland einde")
    assert _refused(shared_demo, tr.save_duty, ctx, tid, DutyDraft(" ", "wekelijks", date(2026, 1, 1))) == {  # type: ignore[arg-type]
        ("subject", "required"),
        ("frequency", "invalid_choice"),
        ("first_due_on", "before_start"),
    }
    assert ("first_due_on", "after_end") in _refused(
        shared_demo, tr.save_duty, ctx, tid, DutyDraft("x", ReportFrequency.ONCE, date(2027, 1, 1))
    )
    with shared_demo.transaction() as s:
        duty = tr.save_duty(
            s, ctx, tid, DutyDraft("Kwartaal", ReportFrequency.QUARTERLY, date(2026, 3, 31))
        ).value
        tr.record_report(s, ctx, duty, ReportDraft(date(2026, 6, 30), date(2026, 7, 1)), TODAY)
    report = ReportDraft(date(2026, 6, 29), date(2026, 12, 7))
    assert _refused(shared_demo, tr.record_report, ctx, duty, report, TODAY) == {
        ("due_on", "not_a_due_date"),
        ("received_on", "in_future"),
    }
    twice = ReportDraft(date(2026, 6, 30), date(2026, 7, 2))
    assert _refused(shared_demo, tr.record_report, ctx, duty, twice, TODAY) == {("due_on", "duplicate")}
    with shared_demo.transaction() as s:  # a signal about another organisation is not this report's
        captured = signals.capture_signal(
            s,
            ctx,
            SignalDraft(
                organisation_id=other.id,
                kind=SignalKind.SOFT,
                valence=Valence.NEGATIVE,
                observation="Rapportage bleef uit",
                entrance=EntranceCode.TRAJECTORY_REPORT,
            ),
        ).value
    linked = ReportDraft(date(2026, 9, 30), date(2026, 10, 1), signal_id=captured.id)
    assert _refused(shared_demo, tr.record_report, ctx, duty, linked, TODAY) == {("signal_id", "not_allowed")}
    with shared_demo.transaction() as s:  # one inspection's signal: colleagues of other teams cannot see it
        inspection_id = s.scalars(select(m.Inspection.id)).first()
        scoped = signals.capture_signal(
            s,
            ctx,
            SignalDraft(
                organisation_id=subject.id,
                inspection_id=inspection_id,
                kind=SignalKind.SOFT,
                valence=Valence.NEGATIVE,
                observation="Rapportage bleef uit",
                entrance=EntranceCode.TRAJECTORY_REPORT,
            ),
        ).value
    of_inspection = ReportDraft(date(2026, 9, 30), date(2026, 10, 1), signal_id=scoped.id)
    assert _refused(shared_demo, tr.record_report, ctx, duty, of_inspection, TODAY) == {
        ("signal_id", "not_shared")
    }
    with pytest.raises(NotFoundError), shared_demo.transaction() as s:
        tr.record_report(s, ctx, "00000000-0000-4000-8000-000000000000", linked, TODAY)
    # Moving the end before the duty's first due date would orphan it.
    with shared_demo.session() as s:
        (view,) = tr.trajectories_for(s, subject, TODAY)
    moved = TrajectoryDraft(**{**_fields(view.draft()), "ended_on": date(2026, 3, 1)})
    assert _refused(shared_demo, tr.edit_trajectory, ctx, tid, moved, TODAY) == {
        ("ended_on", "before_first_due")
    }
    with shared_demo.transaction() as s:
        tr.remove_duty(s, ctx, duty)
    with shared_demo.session() as s:
        assert tr.trajectories_for(s, subject, TODAY)[0].duties == ()
        assert (
            s.scalar(
                select(func.count())
                .select_from(m.TrajectoryReport)
                .where(m.TrajectoryReport.duty_id == duty, m.TrajectoryReport.deleted_at.is_(None))
            )
            == 0
        )


def test_trajectories_draw_the_supervision_bands_and_replace_the_periods_read_from_interventions(
    shared_demo: Store, ctx: ActionContext
) -> None:
    from inspectorapp.domain.timeline import ItemKind
    from inspectorapp.services import timeline

    with shared_demo.session() as s:
        zha = s.scalars(select(m.Organisation.id).where(m.Organisation.name == "Ziekenhuis A")).one()
    subject = SubjectRef.organisation(zha)
    with shared_demo.session() as s:
        before = [i for i in timeline.timeline(s, subject, TODAY).items if i.kind == ItemKind.INTENSIFIED]
    # From the GEINTENSIVEERD_START/STOP interventions (or from the demo's trajectory, once it has one).
    assert [(i.start, i.end) for i in before] == [(date(2025, 3, 20), date(2026, 9, 29))]
    tid = _start(
        shared_demo,
        ctx,
        subject,
        started_on=date(2025, 3, 20),
        ended_on=date(2026, 9, 29),
        end_rationale="Verbeteringen aantoonbaar geborgd",
        board_informed=True,
    )
    heightened = _start(
        shared_demo,
        ctx,
        subject,
        kind=TrajectoryKind.HEIGHTENED,
        started_on=date(2026, 10, 1),
        board_informed=True,  # the shared demo's A must not warn in the test below
    )
    with shared_demo.session() as s:
        items = timeline.timeline(s, subject, TODAY).items
    intensified = [i for i in items if i.kind == ItemKind.INTENSIFIED]
    assert tid in {i.id for i in intensified}
    assert all(":" not in i.id for i in intensified)  # no band read from the interventions any more
    band = next(i for i in intensified if i.id == tid)
    assert (band.start, band.end, band.open_end) == (date(2025, 3, 20), date(2026, 9, 29), False)
    assert band.text.endswith("Verbeteringen aantoonbaar geborgd")
    (running,) = [i for i in items if i.kind == ItemKind.HEIGHTENED]
    assert (running.id, running.start, running.end, running.open_end) == (
        heightened,
        date(2026, 10, 1),
        None,
        True,
    )


def test_the_demo_ziekenhuis_b_trajectory_warns_that_its_board_was_never_informed(shared_demo: Store) -> None:
    """The demo's story: intensified supervision of Ziekenhuis B since 1 December 2025, and
    ten months later its board still did not know (signal of 13 October 2026)."""
    with shared_demo.session() as s:
        named = {
            n: SubjectRef.organisation(i)
            for i, n in s.execute(select(m.Organisation.id, m.Organisation.name))
        }
        subject = named["Ziekenhuis B"]
        warnings = tr.trajectory_warnings(s, subject, TODAY)
        (board,) = warnings.board
        assert board.since == date(2025, 12, 1) and board.months >= 10
        assert warnings.late  # the October and November reports did not come
        assert tr.trajectory_warnings(s, named["Ziekenhuis A"], TODAY).board == ()


def test_a_trajectory_ending_today_runs_today_on_every_screen(store: Store, ctx: ActionContext) -> None:
    """``ended_on`` is the trajectory's last day (a duty's report due then is still asked
    for): ending today it is still running on the trajectory page, the timeline, the handover
    dossier and the review list, and ended on all of them from tomorrow."""
    today = date(2026, 12, 7)
    with store.transaction() as s:
        org = organisation(s, ctx, "Zorggroep Eindpunt")
        s.add(
            m.Trajectory(
                organisation_id=org,
                kind=TrajectoryKind.INTENSIFIED,
                started_on=date(2026, 6, 1),
                ended_on=today,
                rationale="Verscherpt toezicht na de calamiteit",
                end_rationale="Verbeterplan uitgevoerd",
            )
        )
    subject = SubjectRef.organisation(org)

    def seen(day: date) -> dict[str, bool]:
        with store.session() as s:
            band = next(i for i in timeline.timeline(s, subject, day).items if i.kind.name == "INTENSIFIED")
            counted = {o.subject: o.active_trajectories for o in review_cycle.overdue_for_review(s, day)}
            return {
                "page": tr.trajectories_for(s, subject, day)[0].active,
                "timeline": band.open_end,
                "dossier": handover.dossier(s, subject, handover.reader_of(ctx), day).trajectories[0].active,
                "review list": counted.get(subject, 0) == 1,
            }

    screens = ("page", "timeline", "dossier", "review list")
    assert seen(today) == dict.fromkeys(screens, True)
    assert seen(today + timedelta(days=1)) == dict.fromkeys(screens, False)
