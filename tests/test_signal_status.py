"""A signal's status lifecycle on the demo store: rationale, hard by hand, staying soft, and the
conversion into a finding (services on real stores)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from inspectorapp.domain.enums import EvidenceKind
from inspectorapp.domain.framework_codes import SignalStatusCode
from inspectorapp.domain.outcome_drafts import FindingDraft
from inspectorapp.errors import ValidationError
from inspectorapp.services import findings, signal_links, signal_status
from storage import models as m
from storage.engine import Store

from .test_findings import DEMENTIA, demo_store, inspection_id, note_id, signal_id

__all__ = ["demo_store"]  # a fixture, found by pytest in this namespace

FORMAL = "Het bestuur weet na tien maanden niet"  # b_s11, NIEUW, soft


def refused(store: Store, ctx, *args, **kwargs) -> set[tuple[str, str]]:
    with store.session() as s:
        before = (
            s.scalar(select(func.count()).select_from(m.SignalStatusChange)),
            s.scalar(select(func.count()).select_from(m.Outbox)),
        )
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        signal_status.change_signal_status(s, ctx, *args, **kwargs)
    with store.session() as s:
        after = (
            s.scalar(select(func.count()).select_from(m.SignalStatusChange)),
            s.scalar(select(func.count()).select_from(m.Outbox)),
        )
    assert after == before  # nothing written
    return {(i.field, i.problem) for i in err.value.issues}


def status(store: Store, sid: str) -> str:
    with store.session() as s:
        return s.get(m.Signal, sid).status


def test_a_change_needs_a_rationale_and_a_known_code(demo_store: Store, ctx) -> None:
    sid = signal_id(demo_store, FORMAL)
    assert refused(demo_store, ctx, sid, "IN_DUIDING", "   ") == {("rationale", "required")}
    assert ("to_status", "unknown_code") in refused(demo_store, ctx, sid, "GEPARKEERD", "waarom")
    assert ("to_status", "unchanged") in refused(
        demo_store, ctx, sid, SignalStatusCode.NEW, "nog steeds nieuw"
    )
    assert ("rationale", "too_long") in refused(demo_store, ctx, sid, "IN_DUIDING", "x" * 2001)
    with demo_store.transaction() as s:
        result = signal_status.change_signal_status(s, ctx, sid, "IN_DUIDING", " Besproken in het team. ")
    assert result.changes.touches("signal") and result.changes.touches("signal_status_change")
    with demo_store.session() as s:
        history = signal_status.signal_status_history(s, sid)
        outbox = s.scalars(select(m.Outbox.entity).where(m.Outbox.entity_id == result.value)).all()
        audit = s.scalars(select(m.AuditLog.action).where(m.AuditLog.entity_id == sid)).all()
    assert [(h.from_status, h.to_status, h.rationale, h.changed_by) for h in history] == [
        (SignalStatusCode.NEW, "IN_DUIDING", "Besproken in het team.", ctx.actor)
    ]
    assert outbox == ["signal_status_change"] and "signal.status" in audit
    assert status(demo_store, sid) == "IN_DUIDING"


def test_hard_by_hand_needs_a_maakt_hard_link(demo_store: Store, ctx) -> None:
    sid = signal_id(demo_store, FORMAL)
    hard = signal_id(demo_store, "Opleidings- en bezettingsnormen medium care")
    assert refused(demo_store, ctx, sid, SignalStatusCode.HARDENED, "Bevestigd") == {
        ("to_status", "hardening_required")
    }
    with demo_store.transaction() as s:  # a related link is not enough
        signal_links.link_signals(s, ctx, hard, sid, "hangt_samen_met")
    assert refused(demo_store, ctx, sid, SignalStatusCode.HARDENED, "Bevestigd")
    with demo_store.transaction() as s:  # either direction counts
        signal_links.link_signals(s, ctx, hard, sid, "maakt_hard")
        signal_status.change_signal_status(
            s, ctx, sid, SignalStatusCode.HARDENED, "Bevestigd door de rapportage"
        )
    assert status(demo_store, sid) == SignalStatusCode.HARDENED


def test_staying_soft_needs_a_review_date_and_sets_it(demo_store: Store, ctx) -> None:
    sid = signal_id(demo_store, FORMAL)
    assert refused(demo_store, ctx, sid, SignalStatusCode.STAYS_SOFT, "Eén bron") == {
        ("review_by", "required")
    }
    with demo_store.transaction() as s:
        signal_status.change_signal_status(
            s, ctx, sid, SignalStatusCode.STAYS_SOFT, "Eén bron", date(2027, 3, 1)
        )
    # after the review: soft again, with a new date, is a change; the same date is not
    assert ("to_status", "unchanged") in refused(
        demo_store, ctx, sid, SignalStatusCode.STAYS_SOFT, "Eén bron", date(2027, 3, 1)
    )
    with demo_store.transaction() as s:
        signal_status.change_signal_status(
            s, ctx, sid, SignalStatusCode.STAYS_SOFT, "Nog steeds één bron", date(2027, 6, 1)
        )
    with demo_store.session() as s:
        assert s.get(m.Signal, sid).review_by == date(2027, 6, 1)
        history = signal_status.signal_status_history(s, sid)
    assert [(h.to_status, h.review_by) for h in history] == [
        (SignalStatusCode.STAYS_SOFT, date(2027, 6, 1)),
        (SignalStatusCode.STAYS_SOFT, date(2027, 3, 1)),
    ]
    with demo_store.transaction() as s:  # closing needs only the rationale
        signal_status.change_signal_status(s, ctx, sid, SignalStatusCode.CLOSED, "Geen actie: opgelost")
    assert status(demo_store, sid) == SignalStatusCode.CLOSED


def test_conversion_makes_hard_and_deleting_the_finding_undoes_it(demo_store: Store, ctx) -> None:
    iid = inspection_id(demo_store, DEMENTIA)
    soft = signal_id(demo_store, "Mantelzorgers komen vaak pas")
    before = status(demo_store, soft)
    assert before == "IN_DUIDING"
    reportable = note_id(demo_store, "Wachtlijst casemanagement")
    draft = FindingDraft(
        theme_code="T03",
        what_we_see="Mantelzorgers komen te laat in beeld.",
        evidence=((EvidenceKind.NOTE, reportable),),
    )
    with demo_store.transaction() as s:
        result = findings.convert_signal(s, ctx, iid, soft, draft)
    assert result.changes.touches("signal_status_change")
    assert status(demo_store, soft) == SignalStatusCode.HARDENED
    with demo_store.session() as s:
        (row,) = signal_status.signal_status_history(s, soft)
    assert (row.from_status, row.to_status) == (before, SignalStatusCode.HARDENED)
    assert row.rationale.startswith(signal_status.CONVERTED)
    with demo_store.transaction() as s:
        findings.delete_finding(s, ctx, result.value)
    assert status(demo_store, soft) == before
    with demo_store.session() as s:
        newest = signal_status.signal_status_history(s, soft)[0]
    assert (newest.from_status, newest.to_status, newest.rationale) == (
        SignalStatusCode.HARDENED,
        before,
        signal_status.CONVERSION_UNDONE,
    )
