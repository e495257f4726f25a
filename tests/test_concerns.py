"""Concerns as competing hypotheses on the demo store: create/edit/close rules, attaching
signals, the ACH matrix of con_a_meld, and the review list at a fixed date."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from inspectorapp.domain.concern_drafts import ConcernDraft
from inspectorapp.domain.enums import ConcernRating, ConcernSignalRole
from inspectorapp.domain.framework_codes import ConcernStatusCode
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.errors import ValidationError
from inspectorapp.services import concern_views, concerns, review_list
from storage import models as m
from storage.engine import Store

from .test_findings import demo_store, shared_demo, signal_id

__all__ = ["demo_store", "shared_demo"]  # fixtures, found by pytest in this namespace

MELD = "Mogelijk onveilig meldklimaat"
CONTROL = "Bestuur onvoldoende in control"


def concern_id(store: Store, title_start: str) -> str:
    with store.session() as s:
        return s.scalars(select(m.Concern.id).where(m.Concern.title.startswith(title_start))).one()


def org_id(store: Store, name: str) -> str:
    with store.session() as s:
        return s.scalars(select(m.Organisation.id).where(m.Organisation.name == name)).one()


def refused(store: Store, ctx: ActionContext, action, *args) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with store.session() as s:
        before = s.scalar(select(func.count()).select_from(m.Outbox))
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        action(s, ctx, *args)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(m.Outbox)) == before
    return {(i.field, i.problem) for i in err.value.issues}


def test_the_meldklimaat_matrix_marks_the_diagnostic_signals(shared_demo: Store) -> None:
    with shared_demo.session() as s:
        view = concern_views.concern_view(s, concern_id(shared_demo, MELD))
    assert [h.position for h in view.hypotheses] == [0, 1, 2]
    assert view.hypotheses[0].statement == view.title
    assert [h.inconsistent_count for h in view.hypotheses] == [2, 1, 1]
    diagnostic = {r.text[:20] for r, row in zip(view.signals, view.matrix, strict=True) if row.diagnostic}
    assert diagnostic == {"Verpleegkundigen mel", "Nachtbezoek 3 Oost: "}  # a_s8 and a_s14, not a_s12
    a_s12 = next(r for r in view.signals if r.text.startswith("Een verpleegkundige"))
    assert view.rating(a_s12.signal_id, view.hypotheses[1].id) is ConcernRating.NOT_APPLICABLE
    assert (view.next_step_owner, view.next_step_due, view.next_review_on) == (
        "Accounthouder Ziekenhuis A",
        date(2026, 12, 15),
        date(2026, 11, 30),
    )
    # supporting and contradicting counted apart; context (a_s8) in neither
    assert (view.supporting.signals, view.contradicting.signals) == (1, 1)
    with shared_demo.session() as s:
        control = concern_views.concern_view(s, concern_id(shared_demo, CONTROL))
    assert [(h.from_status, h.to_status) for h in control.history] == [
        ("ONDERBOUWD", "AFGESLOTEN"),
        ("VERMOEDEN", "ONDERBOUWD"),
    ]


def test_concerns_for_an_organisation_and_its_network(shared_demo: Store) -> None:
    org = org_id(shared_demo, "Ziekenhuis A")
    with shared_demo.session() as s:
        rows = concern_views.concerns_for(s, SubjectRef.organisation(org))
        network = s.scalars(
            select(m.NetworkMembership.network_id).where(m.NetworkMembership.organisation_id == org)
        ).first()
        via_network = concern_views.concerns_for(s, SubjectRef.network(network)) if network else []
    assert [(r.title[:20], r.is_open) for r in rows] == [(MELD[:20], True), (CONTROL[:20], False)]
    assert rows[0].signal_count == 3
    if network:  # a network's list holds its members' concerns, marked by member
        assert {r.id for r in rows} <= {r.id for r in via_network}
        assert all(r.subject_name for r in via_network)


def test_the_review_list_at_a_fixed_date(shared_demo: Store) -> None:
    with shared_demo.session() as s:
        before = review_list.due_for_review(s, date(2026, 11, 14))
        due = review_list.due_for_review(s, date(2026, 12, 1))
        later = review_list.due_for_review(s, date(2026, 12, 15))
    assert before == []
    assert [i.due_since for i in due] == sorted(i.due_since for i in due)  # oldest first
    assert due[0].title.startswith("Mantelzorgers komen vaak pas") and due[0].due_since == date(2026, 11, 15)
    assert len([i for i in due if i.entity == "signal"]) == 8  # review_by <= 1 Dec, not closed
    meld = [i for i in due if i.entity == "concern"]
    assert [(i.title, i.due, i.due_since) for i in meld] == [
        (MELD + " op 3 Oost", "next_review_on", date(2026, 11, 30))
    ]
    assert {i.id for i in later} == {i.id for i in due}  # the next step (15 Dec) is the same concern, once


def test_create_edit_and_close_a_concern(demo_store: Store, ctx: ActionContext) -> None:
    org = org_id(demo_store, "Ziekenhuis A")
    assert ("title", "required") in refused(
        demo_store, ctx, concerns.save_concern, ConcernDraft(organisation_id=org)
    )
    assert ("organisation_id", "one_subject") in refused(
        demo_store, ctx, concerns.save_concern, ConcernDraft(title="Iets")
    )
    draft = ConcernDraft(organisation_id=org, title="Er speelt mogelijk iets met de nachtbezetting op 3 Oost")
    with demo_store.transaction() as s:
        cid = concerns.save_concern(s, ctx, draft).value
    with demo_store.transaction() as s:
        concerns.save_concern(
            s,
            ctx,
            ConcernDraft(
                organisation_id=org,
                title="Nachtbezetting 3 Oost",
                next_step="Roosters opvragen",
                next_step_due=date(2027, 1, 10),
            ),
            cid,
        )
    with demo_store.session() as s:
        view = concern_views.concern_view(s, cid)
    assert view.status == ConcernStatusCode.SUSPICION and view.opened_on is not None
    assert [h.statement for h in view.hypotheses] == ["Nachtbezetting 3 Oost"]  # hypothesis 0 follows
    assert view.next_step == "Roosters opvragen"
    change = concerns.change_concern_status
    assert ("rationale", "required") in refused(demo_store, ctx, change, cid, ConcernStatusCode.CLOSED, " ")
    assert ("next_review_on", "required") in refused(
        demo_store, ctx, change, cid, ConcernStatusCode.STAYS_SOFT, "Eén bron"
    )
    assert ("to_status", "unknown_code") in refused(demo_store, ctx, change, cid, "OPGELOST", "x")
    with demo_store.transaction() as s:
        concerns.change_concern_status(s, ctx, cid, ConcernStatusCode.CLOSED, "Geen actie")
    with demo_store.session() as s:
        closed = concern_views.concern_view(s, cid)
    assert closed.closed_on is not None and closed.closing_rationale == "Geen actie"
    assert [(h.from_status, h.to_status, h.rationale) for h in closed.history] == [
        (ConcernStatusCode.SUSPICION, ConcernStatusCode.CLOSED, "Geen actie")
    ]
    with demo_store.transaction() as s:  # reopening clears the closing
        concerns.change_concern_status(s, ctx, cid, ConcernStatusCode.SUSPICION, "Nieuw signaal")
    with demo_store.session() as s:
        reopened = concern_views.concern_view(s, cid)
    assert reopened.closed_on is None and reopened.closing_rationale is None and len(reopened.history) == 2


def test_signals_hypotheses_and_ratings(demo_store: Store, ctx: ActionContext) -> None:
    org = org_id(demo_store, "Ziekenhuis A")
    chaos = signal_id(demo_store, "Chaotische situatie op verpleegafdeling 3 Oost")
    night = signal_id(demo_store, "Nachtbezoek 3 Oost")
    with demo_store.transaction() as s:
        cid = concerns.save_concern(
            s, ctx, ConcernDraft(organisation_id=org, title="Nachtbezetting 3 Oost")
        ).value
        h0 = concern_views.concern_view(s, cid).hypotheses[0].id
        h1 = concerns.save_hypothesis(s, ctx, cid, "Tijdelijke griepgolf").value
    assert ("signal_id", "not_attached") in refused(
        demo_store, ctx, concerns.rate, h0, chaos, ConcernRating.CONSISTENT
    )
    assert ("role", "invalid_choice") in refused(
        demo_store, ctx, concerns.attach_signal, cid, chaos, "misschien"
    )
    with demo_store.transaction() as s:
        concerns.attach_signal(s, ctx, cid, chaos, ConcernSignalRole.SUPPORTING)
        concerns.attach_signal(s, ctx, cid, night, ConcernSignalRole.CONTRADICTING)
        concerns.rate(s, ctx, h0, chaos, ConcernRating.CONSISTENT)
        concerns.rate(s, ctx, h1, chaos, ConcernRating.CONSISTENT)
        concerns.rate(s, ctx, h0, night, ConcernRating.INCONSISTENT)
        concerns.rate(s, ctx, h1, night, ConcernRating.NEUTRAL)
    with demo_store.session() as s:
        view = concern_views.concern_view(s, cid)
    assert [row.diagnostic for row in view.matrix] == [False, True]  # chaos fits both; the night visit tells
    assert [h.inconsistent_count for h in view.hypotheses] == [1, 0]
    with demo_store.transaction() as s:
        concerns.rate(s, ctx, h0, night, None)  # cleared
        concerns.rate(s, ctx, h0, night, ConcernRating.NOT_APPLICABLE)  # and the same cell again
        concerns.detach_signal(s, ctx, cid, chaos)
    with demo_store.session() as s:
        view = concern_views.concern_view(s, cid)
        cells = s.scalar(
            select(func.count())
            .select_from(m.EvidenceRating)
            .where(
                m.EvidenceRating.deleted_at.is_(None),
                m.EvidenceRating.signal_id.in_([chaos, night]),
                m.EvidenceRating.hypothesis_id.in_([h0, h1]),
            )
        )
    assert [r.signal_id for r in view.signals] == [night] and cells == 2  # chaos's ratings went with it
    assert [row.cells for row in view.matrix] == [(ConcernRating.NOT_APPLICABLE, ConcernRating.NEUTRAL)]
    assert ("hypothesis_id", "not_allowed") in refused(demo_store, ctx, concerns.remove_hypothesis, cid, h0)
    with demo_store.transaction() as s:
        concerns.remove_hypothesis(s, ctx, cid, h1)
    with demo_store.session() as s:
        view = concern_views.concern_view(s, cid)
    assert [h.id for h in view.hypotheses] == [h0] and view.matrix[0].cells == (ConcernRating.NOT_APPLICABLE,)
