"""Issue #15: the last (periodic) review of an organisation and the list of those overdue."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from inspectorapp.domain.enums import (
    DeliberationKind,
    SignalKind,
    TrajectoryKind,
    Valence,
)
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.services import review_cycle
from storage import models as m
from storage.engine import Store

from .helpers import organisation

TODAY = date(2026, 12, 6)


def _overleg(s: Session, kind: DeliberationKind, held_on: date, *orgs: str) -> str:
    d = m.Deliberation(kind=kind, held_on=held_on, title=f"{kind} {held_on}")
    s.add(d)
    s.flush()
    for i, org in enumerate(orgs):
        s.add(m.DeliberationItem(deliberation_id=d.id, organisation_id=org, position=i))
    s.flush()
    return d.id


def test_last_periodic_review_is_the_latest_apk_held_by_today(store: Store, ctx: ActionContext) -> None:
    with store.transaction() as s:
        org = organisation(s, ctx, "Ziekenhuis Cyclus")
        other = organisation(s, ctx, "Ander")
        subject = SubjectRef.organisation(org)
        assert review_cycle.last_periodic_review(s, subject, TODAY) is None
        _overleg(s, DeliberationKind.PERIODIC, date(2026, 3, 1), org)
        _overleg(s, DeliberationKind.MDO, date(2026, 9, 1), org)  # a review, not a periodic one
        _overleg(s, DeliberationKind.PERIODIC, date(2026, 6, 1), other)  # another organisation
        _overleg(s, DeliberationKind.PERIODIC, date(2027, 1, 10), org)  # still to come
        deleted = s.get(m.Deliberation, _overleg(s, DeliberationKind.PERIODIC, date(2026, 5, 1), org))
        assert deleted is not None
        deleted.deleted_at = datetime(2026, 5, 2, tzinfo=UTC)
        s.flush()
        assert review_cycle.last_periodic_review(s, subject, TODAY) == date(2026, 3, 1)
        assert review_cycle.last_review_before(s, subject, TODAY) == date(2026, 9, 1)
        assert review_cycle.last_review_before(s, subject, date(2026, 9, 1)) == date(2026, 3, 1)
        assert review_cycle.last_review_before(s, subject, date(2026, 3, 1)) is None


def test_overdue_for_review(store: Store, ctx: ActionContext) -> None:
    with store.transaction() as s:
        quiet = organisation(s, ctx, "Stil huis")  # nothing open: never overdue
        never = organisation(s, ctx, "Nooit besproken")
        stale = organisation(s, ctx, "Lang geleden")
        recent = organisation(s, ctx, "Net besproken")
        trajectory_only = organisation(s, ctx, "Alleen traject")
        s.add(m.Concern(organisation_id=never, title="Zorg", opened_on=date(2026, 1, 1)))
        s.add(
            m.Signal(
                organisation_id=stale,
                kind=SignalKind.SOFT,
                valence=Valence.NEGATIVE,
                observation="x",
                observed_at=datetime(2026, 1, 1, 10, tzinfo=UTC),
                recorded_at=datetime(2026, 1, 1, 10, tzinfo=UTC),
            )
        )
        s.add(m.Concern(organisation_id=recent, title="Zorg", opened_on=date(2026, 1, 1)))
        s.add(
            m.Concern(organisation_id=quiet, title="Dicht", opened_on=date(2026, 1, 1), status="AFGESLOTEN")
        )
        s.add(
            m.Trajectory(
                organisation_id=trajectory_only,
                kind=TrajectoryKind.INTENSIFIED,
                started_on=date(2026, 2, 1),
                rationale="r",
            )
        )
        s.flush()
        _overleg(s, DeliberationKind.PERIODIC, date(2025, 12, 5), stale)  # 366 days before TODAY
        _overleg(s, DeliberationKind.PERIODIC, date(2025, 12, 6), recent)  # exactly a year: not yet
        _overleg(s, DeliberationKind.MDO, date(2026, 11, 1), never)  # an MDO is no periodic review
        overdue = review_cycle.overdue_for_review(s, TODAY)
    names = [o.name for o in overdue]
    assert names == ["Alleen traject", "Nooit besproken", "Lang geleden"]
    by_name = {o.name: o for o in overdue}
    assert by_name["Nooit besproken"].last_periodic is None
    assert by_name["Nooit besproken"].open_concerns == 1
    assert by_name["Lang geleden"].last_periodic == date(2025, 12, 5)
    assert by_name["Lang geleden"].open_signals == 1
    assert by_name["Alleen traject"].active_trajectories == 1
    assert by_name["Alleen traject"].subject == SubjectRef.organisation(trajectory_only)
