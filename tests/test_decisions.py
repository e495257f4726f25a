"""Decisions on the demo store (services on real stores made by the real migrations): the
rationale rule (GEEN_ACTIE and enforcement refused without one, with their own message), the
status changes a decision makes and the histories that name it, the searchable log, the
organisation's own signals and concerns only, the same rule for interventions, and attacks
on all of it (hostile values, wrong ids, stale edits)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from inspectorapp.domain.decision_rules import ENFORCEMENT_RATIONALE, IN_THE_PAST, NO_ACTION_RATIONALE
from inspectorapp.domain.decision_views import DecisionDraft, DecisionItem, DecisionItemKind
from inspectorapp.domain.enums import DeliberationKind
from inspectorapp.domain.framework_codes import ActionTypeCode, ConcernStatusCode, SignalStatusCode
from inspectorapp.domain.outcome_drafts import InterventionDraft
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.errors import NotFoundError, ValidationError
from inspectorapp.services import concern_views, decisions, follow_up, signal_status
from storage import models as m
from storage.engine import Store

from .test_findings import demo_store, inspection_id, signal_id

__all__ = ["demo_store"]  # a fixture, found by pytest in this namespace

SIGNAL_A = "Volgens de directeur van het hospice"  # Ziekenhuis A, NIEUW
SIGNAL_B = "Het bestuur weet na tien maanden niet"  # Ziekenhuis B, NIEUW
CONCERN_A = "Mogelijk onveilig meldklimaat op 3 Oost"  # Ziekenhuis A, BLIJFT_ZACHT
SIG = DecisionItemKind.SIGNAL
CON = DecisionItemKind.CONCERN


def org(store: Store, name: str) -> SubjectRef:
    with store.session() as s:
        return SubjectRef.organisation(
            s.scalars(select(m.Organisation.id).where(m.Organisation.name == name)).one()
        )


def concern_id(store: Store, title: str) -> str:
    with store.session() as s:
        return s.scalars(select(m.Concern.id).where(m.Concern.title == title)).one()


def count(store: Store, model: type) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def totals(store: Store) -> tuple[int, ...]:
    tables = (m.Decision, m.DecisionSubject, m.SignalStatusChange, m.ConcernStatusChange, m.Outbox)
    return tuple(count(store, t) for t in tables)


def refused(store: Store, ctx, fn, *args) -> set[tuple[str, str]]:
    """The problems, and that nothing at all was written."""
    before = totals(store)
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        fn(s, ctx, *args)
    assert totals(store) == before
    return {(i.field, i.problem) for i in err.value.issues}


def record(store: Store, ctx, draft: DecisionDraft) -> str:
    with store.transaction() as s:
        return decisions.record_decision(s, ctx, draft).value


def test_no_action_and_enforcement_need_a_rationale_of_their_own(demo_store: Store, ctx) -> None:
    a = org(demo_store, "Ziekenhuis A")
    for blank in (None, "", "   \n\t "):
        no_action = DecisionDraft(a, ActionTypeCode.NO_ACTION, rationale=blank)
        assert refused(demo_store, ctx, decisions.record_decision, no_action) == {
            ("rationale", NO_ACTION_RATIONALE)
        }
        heightened = DecisionDraft(a, ActionTypeCode.HEIGHTENED, rationale=blank)
        assert refused(demo_store, ctx, decisions.record_decision, heightened) == {
            ("rationale", ENFORCEMENT_RATIONALE)
        }
        for other in ("BESTUURLIJKE_MAATREGEL", "STRAFRECHTELIJK"):  # every enforcement rung
            assert refused(demo_store, ctx, decisions.record_decision, DecisionDraft(a, other)) == {
                ("rationale", ENFORCEMENT_RATIONALE)
            }
        # any other decision needs one too, with the plain message
        call = DecisionDraft(a, "BELLEN_BESTUURDER", rationale=blank)
        assert refused(demo_store, ctx, decisions.record_decision, call) == {("rationale", "required")}
        later = DecisionDraft(a, return_on=date.today(), rationale=blank)
        assert refused(demo_store, ctx, decisions.record_decision, later) == {("rationale", "required")}
    did = record(
        demo_store, ctx, DecisionDraft(a, ActionTypeCode.NO_ACTION, rationale=" Eén bron, geen patroon. ")
    )
    with demo_store.session() as s:
        row = s.get(m.Decision, did)
        assert row is not None
        assert (row.rationale, row.decided_by, row.decided_on, row.organisation_id) == (
            "Eén bron, geen patroon.",
            ctx.actor,
            date.today(),
            a.id,
        )


def test_the_messages_say_why_a_rationale_is_needed(qapp) -> None:
    from inspectorapp.errors import FieldIssue
    from ui.messages import issue_text

    no_action = issue_text(FieldIssue("rationale", NO_ACTION_RATIONALE))
    enforcement = issue_text(FieldIssue("rationale", ENFORCEMENT_RATIONALE))
    assert no_action != enforcement
    assert all("{" not in t and len(t) > 40 for t in (no_action, enforcement))


def test_a_decision_changes_statuses_and_the_histories_name_it(demo_store: Store, ctx) -> None:
    a = org(demo_store, "Ziekenhuis A")
    sid, cid = signal_id(demo_store, SIGNAL_A), concern_id(demo_store, CONCERN_A)
    with demo_store.session() as s:
        mdo = m.Deliberation(kind=DeliberationKind.MDO, held_on=date.today(), title="MDO ziekenhuizen")
    with demo_store.transaction() as s:
        s.add(mdo)
        s.flush()
        mdo_id = mdo.id
    draft = DecisionDraft(
        a,
        ActionTypeCode.NO_ACTION,
        rationale="Besproken: één bron, de directeur is concurrent. Niet handelen.",
        decided_by="MDO-team",
        deliberation_id=mdo_id,
        items=(
            DecisionItem(SIG, sid, SignalStatusCode.CLOSED),
            DecisionItem(CON, cid, ConcernStatusCode.NOT_SUBSTANTIATED),
        ),
    )
    with demo_store.transaction() as s:
        result = decisions.record_decision(s, ctx, draft)
    did = result.value
    for table in ("decision", "decision_subject", "signal", "signal_status_change", "concern"):
        assert result.changes.touches(table), table
    assert result.changes.touches("concern_status_change") and result.changes.touches("organisation")
    with demo_store.session() as s:
        assert s.get(m.Signal, sid).status == SignalStatusCode.CLOSED
        assert s.get(m.Concern, cid).status == ConcernStatusCode.NOT_SUBSTANTIATED
        signal_history = signal_status.signal_status_history(s, sid)
        concern_history = concern_views.concern_status_history(s, cid)
        log = decisions.decision_log(s, a)
    for newest in (signal_history[0], concern_history[0]):
        assert newest.decision is not None and newest.decision.id == did
        assert newest.decision.deliberation_kind == DeliberationKind.MDO
        assert newest.decision.deliberation_title == "MDO ziekenhuizen"
        assert newest.rationale.startswith("Besproken: één bron")
    row = log.rows[0]
    assert row.id == did and row.deliberation_title == "MDO ziekenhuizen" and row.decided_by == "MDO-team"
    assert {(x.kind, x.id) for x in row.about} == {(SIG, sid), (CON, cid)}
    assert {(x.kind, x.from_status, x.to_status) for x in row.steps} == {
        (SIG, SignalStatusCode.NEW, SignalStatusCode.CLOSED),
        (CON, ConcernStatusCode.STAYS_SOFT, ConcernStatusCode.NOT_SUBSTANTIATED),
    }


def test_one_refused_status_change_writes_nothing_of_the_decision(demo_store: Store, ctx) -> None:
    a = org(demo_store, "Ziekenhuis A")
    sid, cid = signal_id(demo_store, SIGNAL_A), concern_id(demo_store, CONCERN_A)
    draft = DecisionDraft(
        a,
        "BELLEN_BESTUURDER",
        rationale="Bellen.",
        items=(
            DecisionItem(CON, cid, ConcernStatusCode.CLOSED),  # fine on its own
            DecisionItem(SIG, sid, SignalStatusCode.HARDENED),  # no reason in the data
            DecisionItem(SIG, signal_id(demo_store, "Een verpleegkundige vertelt"), "GEPARKEERD"),
        ),
    )
    assert refused(demo_store, ctx, decisions.record_decision, draft) == {
        ("to_status[1]", "hardening_required"),
        ("to_status[2]", "unknown_code"),
    }
    with demo_store.session() as s:
        assert s.get(m.Concern, cid).status == ConcernStatusCode.STAYS_SOFT


def test_a_signal_or_concern_of_another_organisation_is_refused(demo_store: Store, ctx) -> None:
    a = org(demo_store, "Ziekenhuis A")
    foreign_signal = signal_id(demo_store, SIGNAL_B)
    foreign_concern = concern_id(demo_store, "Zorg op de acute as Oostwaard onder de norm tot de fusie")
    draft = DecisionDraft(
        a,
        "BELLEN_BESTUURDER",
        rationale="Bellen.",
        items=(
            DecisionItem(SIG, foreign_signal),
            DecisionItem(CON, foreign_concern, ConcernStatusCode.CLOSED),
        ),
    )
    assert refused(demo_store, ctx, decisions.record_decision, draft) == {
        ("signal_id", "not_of_subject"),
        ("concern_id", "not_of_subject"),
    }
    # nor by an edit of a decision of Ziekenhuis A
    did = record(demo_store, ctx, DecisionDraft(a, "BELLEN_BESTUURDER", rationale="Bellen."))
    edit = DecisionDraft(rationale="Bellen.", items=(DecisionItem(SIG, foreign_signal),))
    assert refused(demo_store, ctx, decisions.edit_decision, did, edit) == {("signal_id", "not_of_subject")}
    # nor by moving the decision to another organisation
    moved = DecisionDraft(org(demo_store, "Ziekenhuis B"), "BELLEN_BESTUURDER", rationale="Bellen.")
    assert refused(demo_store, ctx, decisions.edit_decision, did, moved) == {("subject", "not_allowed")}


def test_the_log_is_newest_first_and_searchable(demo_store: Store, ctx) -> None:
    a, b = org(demo_store, "Ziekenhuis A"), org(demo_store, "Ziekenhuis B")
    with demo_store.session() as s:
        demo_rows = len(decisions.decision_log(s, a).rows)
    old = record(
        demo_store,
        ctx,
        DecisionDraft(
            a,
            "BELLEN_BESTUURDER",
            rationale="Wachtlijsten navragen",
            decided_on=date(2020, 1, 2),
            decided_by="Noor",
        ),
    )
    new = record(
        demo_store,
        ctx,
        DecisionDraft(a, return_on=date.today() + timedelta(days=30), rationale="Na de fusie"),
    )
    with demo_store.session() as s:
        log = decisions.decision_log(s, a)
        assert len(log.rows) == demo_rows + 2
        days = [r.decided_on for r in log.rows]
        assert days == sorted(days, reverse=True) and log.rows[-1].id == old
        assert [r.id for r in decisions.decision_log(s, a, "wachtlijsten").rows] == [old]
        assert [r.id for r in decisions.decision_log(s, a, "noor").rows] == [old]
        for words in ("bestuurder bellen", "call the director"):  # the label in either language
            found = decisions.decision_log(s, a, words).rows
            assert old in [r.id for r in found] and {r.action_type for r in found} == {"BELLEN_BESTUURDER"}
        assert new in [r.id for r in decisions.decision_log(s, a, "terugkomen").rows]
        assert decisions.decision_log(s, a, "geen-woord-dat-voorkomt").rows == ()
        # nothing of another organisation
        assert old not in [r.id for r in decisions.decision_log(s, b).rows]


def test_the_log_finds_a_decision_by_its_overleg(demo_store: Store, ctx) -> None:
    a = org(demo_store, "Ziekenhuis A")
    with demo_store.transaction() as s:
        lmo = m.Deliberation(kind=DeliberationKind.LMO, held_on=date.today(), title="Meldpuntoverleg week 11")
        s.add(lmo)
        s.flush()
        lmo_id = lmo.id
    did = record(
        demo_store, ctx, DecisionDraft(a, "BELLEN_BESTUURDER", rationale="X", deliberation_id=lmo_id)
    )
    with demo_store.session() as s:
        assert [r.id for r in decisions.decision_log(s, a, "meldpuntoverleg").rows] == [did]


def test_hostile_and_wrong_values_are_refused(demo_store: Store, ctx) -> None:
    a = org(demo_store, "Ziekenhuis A")
    sid = signal_id(demo_store, SIGNAL_A)
    ok = DecisionDraft(a, "BELLEN_BESTUURDER", rationale="Bellen.")
    cases = {
        "unknown code": (replace(ok, action_type="DROP TABLE decision"), ("action_type", "unknown_code")),
        "code of another taxonomy": (replace(ok, action_type="NIEUW"), ("action_type", "unknown_code")),
        "no type": (replace(ok, action_type=None), ("return_on", "required")),
        "two types": (replace(ok, return_on=date.today()), ("return_on", "not_allowed")),
        "back in the past": (
            replace(ok, action_type=None, return_on=date.today() - timedelta(days=1)),
            ("return_on", IN_THE_PAST),
        ),
        "return not a date": (
            replace(ok, action_type=None, return_on="morgen"),
            ("return_on", "invalid_date"),
        ),  # type: ignore[arg-type]
        "decided in the future": (
            replace(ok, decided_on=date.today() + timedelta(days=1)),
            ("decided_on", "in_the_future"),
        ),
        "rationale too long": (replace(ok, rationale="x" * 20_001), ("rationale", "too_long")),
        "NUL in rationale": (replace(ok, rationale="a\x00b"), ("rationale", "invalid_format")),
        "rationale not text": (replace(ok, rationale=42), ("rationale", "required")),  # type: ignore[arg-type]
        "long name": (replace(ok, decided_by="n" * 201), ("decided_by", "too_long")),
        "no subject": (replace(ok, subject=None), ("subject", "required")),
        "subject not a ref": (
            replace(ok, subject={"kind": "organisatie", "id": a.id}),
            ("subject", "invalid_format"),
        ),  # type: ignore[arg-type]
        "unknown organisation": (
            replace(ok, subject=SubjectRef.organisation("00000000-0000-4000-8000-000000000000")),
            ("organisation_id", "invalid_reference"),
        ),
        "not an id": (
            replace(ok, subject=SubjectRef.organisation("'; --")),
            ("organisation_id", "invalid_reference"),
        ),
        "unknown overleg": (
            replace(ok, deliberation_id="00000000-0000-4000-8000-000000000000"),
            ("deliberation_id", "invalid_reference"),
        ),
        "items not a tuple": (replace(ok, items="abc"), ("items", "invalid_format")),  # type: ignore[arg-type]
        "item not an item": (
            replace(ok, items=({"kind": "signal", "id": sid},)),
            ("items[0]", "invalid_format"),
        ),  # type: ignore[arg-type]
        "item kind": (replace(ok, items=(DecisionItem("finding", sid),)), ("items[0]", "invalid_choice")),  # type: ignore[arg-type]
        "signal id of a concern": (
            replace(ok, items=(DecisionItem(SIG, concern_id(demo_store, CONCERN_A)),)),
            ("signal_id", "invalid_reference"),
        ),
        "status not text": (replace(ok, items=(DecisionItem(SIG, sid, 7),)), ("to_status", "invalid_format")),  # type: ignore[arg-type]
    }
    for name, (draft, problem) in cases.items():
        assert problem in refused(demo_store, ctx, decisions.record_decision, draft), name
    before = totals(demo_store)
    with pytest.raises(ValidationError), demo_store.transaction() as s:
        decisions.record_decision(s, ctx, {"subject": a, "action_type": "GEEN_ACTIE"})  # type: ignore[arg-type]
    assert totals(demo_store) == before
    # the same item twice is one link
    did = record(demo_store, ctx, replace(ok, items=(DecisionItem(SIG, sid), DecisionItem(SIG, sid))))
    with demo_store.session() as s:
        assert len(decisions.decision_row(s, did).about) == 1


def test_a_deleted_signal_or_decision_is_gone(demo_store: Store, ctx) -> None:
    a = org(demo_store, "Ziekenhuis A")
    sid = signal_id(demo_store, SIGNAL_A)
    did = record(
        demo_store,
        ctx,
        DecisionDraft(a, "BELLEN_BESTUURDER", rationale="Bellen.", items=(DecisionItem(SIG, sid),)),
    )
    with demo_store.transaction() as s:
        result = decisions.delete_decision(s, ctx, did)
    assert result.changes.touches("decision") and result.changes.touches("decision_subject")
    with demo_store.session() as s:
        assert did not in [r.id for r in decisions.decision_log(s, a).rows]
    for fn, args in (
        (decisions.edit_decision, (did, DecisionDraft(rationale="Toch"))),
        (decisions.delete_decision, (did,)),
    ):
        with pytest.raises(NotFoundError), demo_store.transaction() as s:
            fn(s, ctx, *args)
    with demo_store.transaction() as s:
        s.get(m.Signal, sid).deleted_at = s.get(m.Signal, sid).created_at
    draft = DecisionDraft(a, "BELLEN_BESTUURDER", rationale="Bellen.", items=(DecisionItem(SIG, sid),))
    assert refused(demo_store, ctx, decisions.record_decision, draft) == {("signal_id", "invalid_reference")}


def test_an_edit_keeps_the_rule_and_a_colleagues_change(demo_store: Store, ctx) -> None:
    a = org(demo_store, "Ziekenhuis A")
    sid = signal_id(demo_store, SIGNAL_A)
    did = record(
        demo_store,
        ctx,
        DecisionDraft(a, "BELLEN_BESTUURDER", rationale="Bellen.", items=(DecisionItem(SIG, sid),)),
    )
    with demo_store.session() as s:
        base = decisions.decision_row(s, did).draft()
    # the type becomes GEEN_ACTIE while the rationale is emptied: refused with its own message
    assert refused(
        demo_store,
        ctx,
        decisions.edit_decision,
        did,
        replace(base, action_type="GEEN_ACTIE", rationale=" "),
        base,
    ) == {("rationale", NO_ACTION_RATIONALE)}
    assert refused(
        demo_store,
        ctx,
        decisions.edit_decision,
        did,
        replace(base, action_type="TUCHTRECHTELIJK", rationale=""),
        base,
    ) == {("rationale", ENFORCEMENT_RATIONALE)}
    # a colleague's rationale arrives underneath an open editor (here: written directly)
    with demo_store.transaction() as s:
        decisions.edit_decision(s, ctx, did, replace(base, rationale="Bellen, en navragen bij de RvT."), base)
    # the editor changes only the type and the day: the colleague's rationale stays
    mine = replace(base, action_type=None, return_on=date.today() + timedelta(days=7))
    with demo_store.transaction() as s:
        decisions.edit_decision(s, ctx, did, mine, base)
    with demo_store.session() as s:
        row = decisions.decision_row(s, did)
    assert (row.action_type, row.return_on, row.rationale) == (
        None,
        date.today() + timedelta(days=7),
        "Bellen, en navragen bij de RvT.",
    )
    assert [x.id for x in row.about] == [sid]  # the editor kept the pick
    # an editor that took the signal away removes only that link; a new status change is made
    cid = concern_id(demo_store, CONCERN_A)
    with demo_store.transaction() as s:
        decisions.edit_decision(
            s,
            ctx,
            did,
            replace(row.draft(), items=(DecisionItem(CON, cid, ConcernStatusCode.SUBSTANTIATED),)),
            row.draft(),
        )
    with demo_store.session() as s:
        row = decisions.decision_row(s, did)
        assert s.get(m.Concern, cid).status == ConcernStatusCode.SUBSTANTIATED
    assert [x.id for x in row.about] == [cid] and [x.to_status for x in row.steps] == [
        ConcernStatusCode.SUBSTANTIATED
    ]
    # a return date that has passed since may stay when the edit leaves it alone
    with demo_store.transaction() as s:
        s.get(m.Decision, did).return_on = date.today() - timedelta(days=3)
    with demo_store.transaction() as s:
        decisions.edit_decision(s, ctx, did, DecisionDraft(rationale="Nog steeds terugkomen."))
    with demo_store.session() as s:
        assert decisions.decision_row(s, did).rationale == "Nog steeds terugkomen."


def test_an_intervention_of_no_action_or_enforcement_needs_a_rationale(demo_store: Store, ctx) -> None:
    iid = inspection_id(demo_store, "Ziekenhuis A")
    before = count(demo_store, m.Intervention)
    for code, problem in (
        (ActionTypeCode.NO_ACTION, NO_ACTION_RATIONALE),
        (ActionTypeCode.HEIGHTENED, ENFORCEMENT_RATIONALE),
    ):
        for blank in (None, "  "):
            with pytest.raises(ValidationError) as err, demo_store.transaction() as s:
                follow_up.save_intervention(s, ctx, iid, InterventionDraft(action_type=code, rationale=blank))
            assert {(i.field, i.problem) for i in err.value.issues} == {("rationale", problem)}
    assert count(demo_store, m.Intervention) == before
    # others stay optional; with a rationale both are accepted
    with demo_store.transaction() as s:
        follow_up.save_intervention(s, ctx, iid, InterventionDraft(action_type="BELLEN_BESTUURDER"))
        follow_up.save_intervention(
            s,
            ctx,
            iid,
            InterventionDraft(action_type=ActionTypeCode.HEIGHTENED, rationale="Aanhoudend risico."),
        )
    assert count(demo_store, m.Intervention) == before + 2


def test_every_demo_intervention_of_no_action_or_enforcement_has_a_rationale(demo_store: Store) -> None:
    with demo_store.session() as s:
        rungs = decisions.action_rungs(s)
        rows = s.scalars(select(m.Intervention).where(m.Intervention.deleted_at.is_(None))).all()
        for row in rows:
            if row.action_type == ActionTypeCode.NO_ACTION or rungs.get(row.action_type) == "handhaving":
                assert (row.rationale or "").strip(), row.action_type
