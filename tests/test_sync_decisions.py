"""Decisions through a real office store (own process, on SQLite and on a real PostgreSQL the
tests start): two laptops record decisions on one organisation and both logs show both; one
edits a decision's rationale while the other edits its type and the field-by-field merge
keeps both; a decision's status change travels with the decision named in the history."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from inspectorapp.domain.decision_views import DecisionDraft, DecisionItem, DecisionItemKind, DecisionRow
from inspectorapp.domain.drafts import SignalDraft
from inspectorapp.domain.enums import SignalKind, Valence
from inspectorapp.domain.framework_codes import ActionTypeCode, SignalStatusCode
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.services import decisions, signal_status, signals
from storage import models as m

from . import helpers
from .postgres import postgres_server, postgres_url
from .sync_harness import Laptop, ServerProcess, enrolled, office_server, table_rows

__all__ = ["office_server", "postgres_server", "postgres_url"]  # fixtures, found by pytest in this namespace


@pytest.fixture
def pair(server: ServerProcess, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    with enrolled(server, tmp_path, "Ziekenhuizen", "anna", "bram") as (a, b):
        yield a, b


def _shared_org(a: Laptop, b: Laptop) -> SubjectRef:
    org = a.db(lambda s: helpers.organisation(s, a.ctx, "Ziekenhuis Oost"))
    a.sync()
    b.sync()
    return SubjectRef.organisation(org)


def _log(laptop: Laptop, subject: SubjectRef) -> tuple[DecisionRow, ...]:
    with laptop.store.session() as s:
        return decisions.decision_log(s, subject).rows


def _record(laptop: Laptop, draft: DecisionDraft) -> str:
    return str(laptop.db(lambda s: decisions.record_decision(s, laptop.ctx, draft).value))


def test_two_laptops_record_decisions_and_both_logs_show_both(pair: tuple[Laptop, Laptop]) -> None:
    a, b = pair
    subject = _shared_org(a, b)
    mine = _record(a, DecisionDraft(subject, ActionTypeCode.NO_ACTION, rationale="Eén bron; niet handelen."))
    theirs = _record(
        b, DecisionDraft(subject, ActionTypeCode.HEIGHTENED, rationale="Aanhoudend risico op de acute as.")
    )
    a.sync()
    b.sync()
    a.sync()
    for laptop in (a, b):
        rows = {r.id: r for r in _log(laptop, subject)}
        assert set(rows) == {mine, theirs}, laptop.name
        assert rows[mine].decided_by == "anna" and rows[theirs].decided_by == "bram"
        assert rows[mine].rationale == "Eén bron; niet handelen."
        assert rows[theirs].action_type == ActionTypeCode.HEIGHTENED
    assert table_rows(a, m.Decision) == table_rows(b, m.Decision)


def test_rationale_and_type_edited_on_two_laptops_merge_field_by_field(pair: tuple[Laptop, Laptop]) -> None:
    a, b = pair
    subject = _shared_org(a, b)
    did = _record(a, DecisionDraft(subject, "BELLEN_BESTUURDER", rationale="Bellen over de nachtbezetting."))
    a.sync()
    b.sync()
    base = next(r for r in _log(b, subject) if r.id == did).draft()
    assert base == next(r for r in _log(a, subject) if r.id == did).draft()
    # anna sharpens the rationale, bram changes the type to coming back to it
    a.db(
        lambda s: decisions.edit_decision(
            s, a.ctx, did, replace(base, rationale="Bellen over de nachtbezetting en de MEWS."), base
        )
    )
    later = date.today() + timedelta(days=60)
    b.db(
        lambda s: decisions.edit_decision(
            s, b.ctx, did, replace(base, action_type=None, return_on=later), base
        )
    )
    a.sync()
    b.sync()
    a.sync()
    for laptop in (a, b):
        row = next(r for r in _log(laptop, subject) if r.id == did)
        assert (row.rationale, row.action_type, row.return_on) == (
            "Bellen over de nachtbezetting en de MEWS.",
            None,
            later,
        ), laptop.name
    assert table_rows(a, m.Decision) == table_rows(b, m.Decision)


def test_a_decisions_status_change_travels_with_the_decision_named(pair: tuple[Laptop, Laptop]) -> None:
    a, b = pair
    subject = _shared_org(a, b)
    draft = SignalDraft(
        organisation_id=subject.id,
        kind=SignalKind.SOFT,
        valence=Valence.NEGATIVE,
        observation="Bellen worden 's nachts minutenlang niet beantwoord.",
        observed_at=datetime(2026, 3, 12, 9, tzinfo=UTC),
    )
    sid = str(a.db(lambda s: signals.capture_signal(s, a.ctx, draft).value.id))
    a.sync()
    b.sync()
    item = DecisionItem(DecisionItemKind.SIGNAL, sid, SignalStatusCode.CLOSED)
    did = _record(
        b,
        DecisionDraft(
            subject, ActionTypeCode.NO_ACTION, rationale="Eén melding; geen patroon.", items=(item,)
        ),
    )
    b.sync()
    a.sync()
    with a.store.session() as s:
        assert s.get(m.Signal, sid).status == SignalStatusCode.CLOSED  # type: ignore[union-attr]
        newest = signal_status.signal_status_history(s, sid)[0]
    assert newest.decision is not None and newest.decision.id == did
    assert (newest.to_status, newest.changed_by) == (SignalStatusCode.CLOSED, "bram")
    row = next(r for r in _log(a, subject) if r.id == did)
    assert [x.id for x in row.about] == [sid] and [x.to_status for x in row.steps] == [
        SignalStatusCode.CLOSED
    ]
