"""Issue #15 through a real office store (own process, on SQLite and on a real PostgreSQL the
tests start), attacked by a second inspector editing the same thing: both record a report for
one due date; one deletes a trajectory, an overleg or a decision while the other adds to it or
edits it; one ends a trajectory while the other marks the board informed. After the sync both
laptops agree, every view still loads and nothing is silently lost."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from inspectorapp.domain.decision_views import DecisionDraft
from inspectorapp.domain.deliberation_views import DeliberationDraft
from inspectorapp.domain.enums import DeliberationKind, ReportFrequency, TrajectoryKind
from inspectorapp.domain.framework_codes import ActionTypeCode
from inspectorapp.domain.handover_views import Reader
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.domain.trajectory_schedule import SlotState
from inspectorapp.domain.trajectory_views import DutyDraft, ReportDraft, TrajectoryDraft
from inspectorapp.services import agenda_pack, decisions, deliberations, handover, trajectories
from storage import models as m

from . import helpers
from .postgres import postgres_server, postgres_url
from .sync_harness import Laptop, ServerProcess, enrolled, office_server, table_rows

__all__ = ["office_server", "postgres_server", "postgres_url"]  # fixtures, found by pytest in this namespace

TODAY = date.today()


@pytest.fixture
def pair(server: ServerProcess, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    with enrolled(server, tmp_path, "Ziekenhuizen", "anna", "bram") as (a, b):
        yield a, b


def _settle(a: Laptop, b: Laptop) -> None:
    for laptop in (a, b, a, b):
        laptop.sync()


def _agree(a: Laptop, b: Laptop, *models: type[m.Base]) -> None:
    for model in models:
        mine, theirs = table_rows(a, model), table_rows(b, model)
        assert mine.keys() == theirs.keys(), model
        for rid, row in mine.items():
            for key in ("deleted_at", "ended_on", "end_rationale", "board_informed", "rationale"):
                if key in row:
                    assert row[key] == theirs[rid][key], (model, key)


def _trajectory(a: Laptop, b: Laptop) -> tuple[SubjectRef, str, str]:
    org = SubjectRef.organisation(a.db(lambda s: helpers.organisation(s, a.ctx, "Ziekenhuis Oost")))
    draft = TrajectoryDraft(TrajectoryKind.INTENSIFIED, TODAY - timedelta(days=70), "Governance kwetsbaar.")
    tid = a.db(lambda s: trajectories.start_trajectory(s, a.ctx, org, draft, TODAY).value)
    duty = DutyDraft("Voortgangsrapportage", ReportFrequency.MONTHLY, TODAY - timedelta(days=60))
    did = a.db(lambda s: trajectories.save_duty(s, a.ctx, tid, duty).value)
    _settle(a, b)
    return org, tid, did


def _views_load(laptop: Laptop, org: SubjectRef) -> None:
    """Every #15 view of the organisation reads without an error."""
    with laptop.store.session() as s:
        trajectories.trajectories_for(s, org, TODAY)
        trajectories.trajectory_warnings(s, org, TODAY)
        decisions.decision_log(s, org)
        handover.dossier(s, org, Reader(laptop.name, laptop_user=True), TODAY)
        for summary in deliberations.list_deliberations(s):
            for entry in deliberations.agenda(s, summary.id):
                agenda_pack.agenda_pack(s, summary.id, entry.subject, TODAY)


def test_two_reports_for_one_due_date_are_both_kept_and_answer_it_once(pair: tuple[Laptop, Laptop]) -> None:
    a, b = pair
    org, _tid, duty = _trajectory(a, b)
    due = TODAY - timedelta(days=60)
    a.db(lambda s: trajectories.record_report(s, a.ctx, duty, ReportDraft(due, due, "Anna's"), TODAY))
    b.db(
        lambda s: trajectories.record_report(
            s, b.ctx, duty, ReportDraft(due, due + timedelta(days=2), "Bram's"), TODAY
        )
    )
    _settle(a, b)
    _agree(a, b, m.TrajectoryReport)
    for laptop in (a, b):
        with laptop.store.session() as s:
            (view,) = trajectories.trajectories_for(s, org, TODAY)
        (d,) = view.duties
        assert sorted(r.summary for r in d.reports) == ["Anna's", "Bram's"], laptop.name  # none lost
        first = [slot for slot in d.slots if slot.due_on == due]
        assert len(first) == 1 and first[0].state == SlotState.RECEIVED, laptop.name
        _views_load(laptop, org)


def test_a_report_to_a_duty_a_colleague_removed(pair: tuple[Laptop, Laptop]) -> None:
    """The report B received stays on record under the removed duty (A's removal was meant,
    B's report is not thrown away), and no view trips over it."""
    a, b = pair
    org, _tid, duty = _trajectory(a, b)
    a.db(lambda s: trajectories.remove_duty(s, a.ctx, duty))
    due = TODAY - timedelta(days=60)
    rid = b.db(
        lambda s: trajectories.record_report(s, b.ctx, duty, ReportDraft(due, due, "Laat"), TODAY).value
    )
    _settle(a, b)
    _agree(a, b, m.Trajectory, m.ReportingDuty, m.TrajectoryReport)
    for laptop in (a, b):
        assert table_rows(laptop, m.ReportingDuty)[duty]["deleted_at"] is not None, laptop.name
        assert table_rows(laptop, m.TrajectoryReport)[rid]["summary"] == "Laat", laptop.name
        _views_load(laptop, org)
        with laptop.store.session() as s:
            (view,) = trajectories.trajectories_for(s, org, TODAY)
            assert view.duties == () and not trajectories.trajectory_warnings(s, org, TODAY).late


def test_ending_a_trajectory_and_informing_the_board_at_once_keeps_both(pair: tuple[Laptop, Laptop]) -> None:
    a, b = pair
    org, tid, _duty = _trajectory(a, b)
    a.db(lambda s: trajectories.end_trajectory(s, a.ctx, tid, TODAY, "Afspraken nagekomen.", TODAY))

    def inform(s):  # type: ignore[no-untyped-def]
        (v,) = trajectories.trajectories_for(s, org, TODAY)
        draft = TrajectoryDraft(
            v.kind,
            v.started_on,
            v.rationale,
            v.ended_on,
            v.end_rationale,
            "\n".join(v.conditions),
            v.owner,
            True,
            TODAY - timedelta(days=1),
        )
        trajectories.edit_trajectory(s, b.ctx, tid, draft, TODAY)

    b.db(inform)
    _settle(a, b)
    _agree(a, b, m.Trajectory)
    for laptop in (a, b):
        row = table_rows(laptop, m.Trajectory)[tid]
        assert (row["ended_on"], row["end_rationale"], row["board_informed"]) == (
            TODAY,
            "Afspraken nagekomen.",
            True,
        ), laptop.name
        _views_load(laptop, org)


def test_a_decision_in_an_overleg_a_colleague_deleted(pair: tuple[Laptop, Laptop]) -> None:
    a, b = pair
    org = SubjectRef.organisation(a.db(lambda s: helpers.organisation(s, a.ctx, "Ziekenhuis Oost")))
    overleg = DeliberationDraft(DeliberationKind.MDO, TODAY, "MDO", agenda=(org,))
    oid = a.db(lambda s: deliberations.create_deliberation(s, a.ctx, overleg).value.id)
    _settle(a, b)
    a.db(lambda s: deliberations.delete_deliberation(s, a.ctx, oid))  # no decision in it here
    draft = DecisionDraft(org, ActionTypeCode.NO_ACTION, rationale="Eén bron.", deliberation_id=oid)
    did = b.db(lambda s: decisions.record_decision(s, b.ctx, draft).value)
    _settle(a, b)
    _agree(a, b, m.Deliberation, m.Decision)
    for laptop in (a, b):
        _views_load(laptop, org)
        with laptop.store.session() as s:
            assert [r.id for r in decisions.decision_log(s, org).rows] == [did], laptop.name
    edited = replace(draft, rationale="Eén bron, besproken.")
    a.db(lambda s: decisions.edit_decision(s, a.ctx, did, edited, draft))
    _settle(a, b)
    with b.store.session() as s:
        assert decisions.decision_log(s, org).rows[0].rationale == "Eén bron, besproken."


def test_a_decision_deleted_on_one_laptop_and_edited_on_the_other(pair: tuple[Laptop, Laptop]) -> None:
    a, b = pair
    org = SubjectRef.organisation(a.db(lambda s: helpers.organisation(s, a.ctx, "Ziekenhuis Oost")))
    draft = DecisionDraft(org, ActionTypeCode.NO_ACTION, rationale="Eén bron.")
    did = a.db(lambda s: decisions.record_decision(s, a.ctx, draft).value)
    _settle(a, b)
    a.db(lambda s: decisions.delete_decision(s, a.ctx, did))
    edited = replace(draft, rationale="Tweede bron kwam; toch niet handelen.")
    b.db(lambda s: decisions.edit_decision(s, b.ctx, did, edited, draft))
    _settle(a, b)
    _agree(a, b, m.Decision, m.DecisionSubject)
    for laptop in (a, b):
        _views_load(laptop, org)
        row = table_rows(laptop, m.Decision)[did]
        assert row["rationale"] == "Tweede bron kwam; toch niet handelen.", laptop.name  # the edit is kept
