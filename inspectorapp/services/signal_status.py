"""A signal's status lifecycle (taxonomy ``signal_status``): every change with a rationale,
audited, synced, and kept as history.

Hard by hand needs a reason in the data: a ``maakt_hard`` link touching the signal or a
finding that converted it. Staying soft needs a review-by date, so a soft signal is looked at
again instead of fading away (seed-003 §7.3).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.enums import SignalLinkType
from inspectorapp.domain.framework_codes import SignalStatusCode
from inspectorapp.domain.sense_views import StatusChangeRow
from inspectorapp.domain.snapshots import ActionContext, OpResult
from inspectorapp.domain.validation import Checker
from storage.models import Finding, Signal, SignalLink, SignalStatusChange

from . import audit, frameworks
from .decision_notes import decision_notes
from .refs import live

# Stored as data (the team's language); the rationale of the automatic changes.
CONVERTED = "Omgezet in bevinding"
CONVERSION_UNDONE = "Bevinding verwijderd: omzetting teruggedraaid"


def change_signal_status(
    session: Session,
    ctx: ActionContext,
    signal_id: str,
    to_status: str,
    rationale: str,
    review_by: date | None = None,
    *,
    decision_id: str | None = None,
) -> OpResult[str]:
    """Set the status with a rationale; the value is the new history row's id. Staying soft
    again with a new review-by date is a change too (the review was done). ``decision_id``
    names the decision that made the change (services/decisions.py)."""
    signal = live(session, Signal, signal_id)
    c = Checker()
    status = c.code("to_status", to_status, frameworks.codes(session, "signal_status"), required=True)
    reason = c.text("rationale", rationale, limits.SHORT_TEXT, required=True)
    due = c.date("review_by", review_by, required=status == SignalStatusCode.STAYS_SOFT)
    if status == SignalStatusCode.HARDENED and not can_harden(session, signal_id):
        c.add("to_status", "hardening_required")
    if (
        status is not None
        and status == signal.status
        and (status != SignalStatusCode.STAYS_SOFT or due == signal.review_by)
    ):
        c.add("to_status", "unchanged")
    c.done()
    assert status is not None and reason is not None
    row = _record(session, ctx, signal, status, reason.strip(), due, decision_id)
    return OpResult(row.id, ChangeSet.of(signal=[signal.id], signal_status_change=[row.id]))


def can_harden(session: Session, signal_id: str) -> bool:
    """Whether HARD_GEMAAKT may be set: a live ``maakt_hard`` link touching the signal (either
    direction) or a live finding that converted it."""
    link = session.scalar(
        select(SignalLink.id).where(
            or_(SignalLink.from_signal_id == signal_id, SignalLink.to_signal_id == signal_id),
            SignalLink.link_type == SignalLinkType.HARDENS,
            SignalLink.deleted_at.is_(None),
        )
    )
    if link is not None:
        return True
    finding = session.scalar(
        select(Finding.id).where(Finding.converted_signal_id == signal_id, Finding.deleted_at.is_(None))
    )
    return finding is not None


def mark_converted(session: Session, ctx: ActionContext, signal: Signal, theme: str) -> list[str]:
    """After ``findings.convert_signal``: the signal is made hard. Returns the history row ids."""
    if signal.status == SignalStatusCode.HARDENED:
        return []
    row = _record(session, ctx, signal, SignalStatusCode.HARDENED, f"{CONVERTED} ({theme})", None)
    return [row.id]


def undo_conversion(session: Session, ctx: ActionContext, signal: Signal) -> list[str]:
    """After the converting finding was deleted: back to the status before the conversion,
    unless the status was changed since or something else still makes the signal hard."""
    if signal.status != SignalStatusCode.HARDENED or can_harden(session, signal.id):
        return []
    last = session.scalar(
        select(SignalStatusChange)
        .where(
            SignalStatusChange.signal_id == signal.id,
            SignalStatusChange.to_status == SignalStatusCode.HARDENED,
            SignalStatusChange.deleted_at.is_(None),
        )
        .order_by(SignalStatusChange.changed_at.desc(), SignalStatusChange.id.desc())
        .limit(1)
    )
    if last is None:
        return []
    row = _record(session, ctx, signal, last.from_status, CONVERSION_UNDONE, None)
    return [row.id]


def signal_status_history(session: Session, signal_id: str) -> tuple[StatusChangeRow, ...]:
    """Newest first."""
    rows = list(
        session.scalars(
            select(SignalStatusChange)
            .where(SignalStatusChange.signal_id == signal_id, SignalStatusChange.deleted_at.is_(None))
            .order_by(SignalStatusChange.changed_at.desc(), SignalStatusChange.id.desc())
        )
    )
    notes = decision_notes(session, (r.decision_id for r in rows))
    return tuple(
        StatusChangeRow(
            r.id,
            r.from_status,
            r.to_status,
            r.rationale,
            r.changed_by,
            r.changed_at,
            r.review_by,
            notes.get(r.decision_id or ""),
        )
        for r in rows
    )


def _record(
    session: Session,
    ctx: ActionContext,
    signal: Signal,
    status: str,
    rationale: str,
    due: date | None,
    decision_id: str | None = None,
) -> SignalStatusChange:
    row = SignalStatusChange(
        decision_id=decision_id,
        signal_id=signal.id,
        from_status=signal.status,
        to_status=status,
        rationale=rationale,
        review_by=due,
        changed_by=ctx.actor,
        changed_at=utc_now(),
    )
    session.add(row)
    signal.status = status
    if due is not None:
        signal.review_by = due
    session.flush()
    audit.record(
        session, ctx, "signal.status", "signal", signal.id, from_status=row.from_status, to_status=status
    )
    return row
