"""The demo data tells the stories of DOMAIN.md, through the real loader and schema."""

from __future__ import annotations

from sqlalchemy import func, select

from inspectorapp.services import demo, inspections, search
from storage import models as m
from storage.engine import Store


def test_demo_stories_are_all_there(store: Store, ctx) -> None:
    with store.transaction() as s:
        summary = demo.load_demo(s, ctx).value
    assert summary.loaded and summary.inspections >= 4 and summary.signals >= 25 and summary.notes >= 80
    with store.session() as s:
        orgs = set(s.scalars(select(m.Organisation.name)))
        assert {"Ziekenhuis A", "Ziekenhuis B"} <= orgs
        # Case A: the board's story is incongruent with the shop floor; case B: a hook.
        link_types = set(s.scalars(select(m.SignalLink.link_type)))
        assert {"incongruent_met", "is_haakje_voor"} <= {t.value for t in link_types}
        # Soft and hard, positive and negative signals.
        kinds = {(k, v) for k, v in s.execute(select(m.Signal.kind, m.Signal.valence))}
        assert len({k for k, _ in kinds}) == 2 and len({v for _, v in kinds}) >= 2
        # At least two networks with an observed network meeting: turns, events, scores.
        observed = s.scalars(
            select(m.InspectionSubject.network_id)
            .distinct()
            .join(m.Visit, m.Visit.inspection_id == m.InspectionSubject.inspection_id)
            .join(m.Conversation, m.Conversation.visit_id == m.Visit.id)
            .join(m.SpeakingTurn, m.SpeakingTurn.conversation_id == m.Conversation.id)
            .join(m.SessionEvent, m.SessionEvent.conversation_id == m.Conversation.id)
            .join(m.ObservationScore, m.ObservationScore.conversation_id == m.Conversation.id)
            .where(m.InspectionSubject.network_id.is_not(None))
        ).all()
        assert len(observed) >= 2
        # Every non-neutral score has evidence from its own session.
        unevidenced = s.scalar(
            select(func.count())
            .select_from(m.ObservationScore)
            .where(
                m.ObservationScore.value.is_not(None),
                m.ObservationScore.value != 0,
                ~m.ObservationScore.id.in_(select(m.ObservationEvidence.score_id)),
            )
        )
        assert unevidenced == 0
        # Events and scores released for the report as an inspector would; the relative's
        # own account in the palliative steering group stays internal (decision 0009).
        released = set(s.execute(select(m.SessionEvent.for_report, m.SessionEvent.confidentiality)))
        assert {r.value for _, r in released} == {"TEAM", "BEPERKT"} and {f for f, _ in released} == {
            True,
            False,
        }
        assert s.scalar(
            select(func.count()).select_from(m.ObservationScore).where(m.ObservationScore.for_report)
        )
        assert s.scalar(select(func.count()).select_from(m.Finding)) >= 3
        rows = inspections.list_inspections(s)
        assert {r.status for r in rows} >= {"voorbereiding", "veldwerk", "analyse"}
        assert search.search(s, "gloria")  # the "gloria en victoria" story is searchable


def test_demo_load_is_idempotent(store: Store, ctx) -> None:
    with store.transaction() as s:
        assert demo.load_demo(s, ctx).value.loaded
    with store.session() as s:
        count = s.scalar(select(func.count()).select_from(m.Signal))
    with store.transaction() as s:
        assert not demo.load_demo(s, ctx).value.loaded
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(m.Signal)) == count


def test_demo_tells_the_deliberation_story(store: Store, ctx) -> None:
    """#15: an MDO with decisions for Ziekenhuis A (one not to act, with its rationale), a
    trajectory for Ziekenhuis B whose board was not informed, account holders that changed."""
    with store.transaction() as s:
        demo.load_demo(s, ctx)
    with store.session() as s:
        org = {name: oid for oid, name in s.execute(select(m.Organisation.id, m.Organisation.name))}
        a, b = org["Ziekenhuis A"], org["Ziekenhuis B"]
        mdo_decisions = s.execute(
            select(m.Decision.action_type, m.Decision.rationale)
            .join(m.Deliberation, m.Deliberation.id == m.Decision.deliberation_id)
            .where(m.Deliberation.kind == "mdo", m.Decision.organisation_id == a)
        ).all()
        assert {"GEINTENSIVEERD_START", "GEINTENSIVEERD_STOP", "GEEN_ACTIE"} <= {t for t, _ in mdo_decisions}
        assert all(len(r.strip()) > 40 for _, r in mdo_decisions)  # every one says why
        # The decision to stop intensified supervision closed the concern: its history says so.
        stop = s.scalar(select(m.Decision.id).where(m.Decision.action_type == "GEINTENSIVEERD_STOP"))
        closed_by = s.scalar(
            select(m.ConcernStatusChange.to_status).where(m.ConcernStatusChange.decision_id == stop)
        )
        assert closed_by == "AFGESLOTEN"
        trajectory_b = s.scalars(select(m.Trajectory).where(m.Trajectory.organisation_id == b)).one()
        assert trajectory_b.ended_on is None and not trajectory_b.board_informed
        assert trajectory_b.board_informed_on is None
        ended_a = s.scalars(select(m.Trajectory).where(m.Trajectory.organisation_id == a)).one()
        assert ended_a.ended_on is not None and ended_a.end_rationale
        holders = s.scalars(
            select(m.AccountHolder.holder)
            .where(m.AccountHolder.organisation_id == a)
            .order_by(m.AccountHolder.since)
        ).all()
        assert len(holders) == 2 and holders[0] != holders[1]
        upcoming = s.scalars(select(m.Deliberation).where(m.Deliberation.kind == "apk")).all()
        assert len(upcoming) == 2


def test_demo_key_contacts_are_roles_first_and_one_stays_restricted(store: Store, ctx) -> None:
    with store.transaction() as s:
        demo.load_demo(s, ctx)
    with store.session() as s:
        a = s.scalars(select(m.Organisation.id).where(m.Organisation.name == "Ziekenhuis A")).one()
        people = s.execute(
            select(m.Person.role_code, m.Person.confidentiality).where(m.Person.organisation_id == a)
        )
        rows = {(role, level.value) for role, level in people}
    assert ("BESTUURDER", "TEAM") in rows and ("VERPLEEGKUNDIGE", "BEPERKT") in rows
