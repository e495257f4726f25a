"""Signals in relation: links (corroborates, contradicts, incongruent with ...), the
incongruence pair captured in one go, and a signal's interpretation history."""

from __future__ import annotations

import uuid
from dataclasses import replace

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.drafts import SignalDraft
from inspectorapp.domain.enums import SignalKind, SignalLinkType
from inspectorapp.domain.snapshots import ActionContext, OpResult, SignalSnapshot
from inspectorapp.domain.validation import Checker
from inspectorapp.domain.visit_views import SignalDetail, SignalLinkRow
from inspectorapp.errors import FieldIssue, NotFoundError, ValidationError
from storage.models import Signal, SignalInterpretation, SignalLink

from . import audit, signals
from .refs import existing

_LINK_IDS = uuid.UUID("092ecfbb-5d62-4c6f-9c36-a6ff1fd9fa5e")


def link_signals(
    session: Session, ctx: ActionContext, from_id: str, to_id: str, link_type: str, note: str | None = None
) -> OpResult[str]:
    c = Checker()
    a = existing(session, c, "from_signal_id", Signal, from_id, required=True)
    b = existing(session, c, "to_signal_id", Signal, to_id, required=True)
    kind = c.choice("link_type", link_type, SignalLinkType)
    clean_note = c.text("note", note, limits.SHORT_TEXT)
    if a and a == b:
        c.add("to_signal_id", "not_allowed")
    c.done()
    twin = session.scalar(
        select(SignalLink).where(
            SignalLink.from_signal_id == a, SignalLink.to_signal_id == b, SignalLink.link_type == kind
        )
    )
    if twin is not None:
        if twin.deleted_at is None:
            raise ValidationError([FieldIssue("link_type", "duplicate")])
        twin.deleted_at = None
        twin.note = clean_note
        link = twin
    else:
        assert a is not None and b is not None and kind is not None  # required: c.done() passed
        # A derived id: the same link made on two laptops is one record the server merges (the
        # later note wins); with two ids each laptop refused the other's (unique triple).
        link = SignalLink(
            id=link_id(a, b, kind),
            from_signal_id=a,
            to_signal_id=b,
            link_type=kind,
            note=clean_note,
            created_by=ctx.actor,
        )
        session.add(link)
    session.flush()
    audit.record(session, ctx, "signal.link", "signal_link", link.id, link_type=link.link_type.value)
    return OpResult(link.id, ChangeSet.of(signal_link=[link.id], signal=[a or "", b or ""]))


def link_id(from_id: str, to_id: str, link_type: SignalLinkType) -> str:
    return str(uuid.uuid5(_LINK_IDS, f"{from_id}:{to_id}:{link_type.value}"))


def capture_incongruence(
    session: Session, ctx: ActionContext, board_says: SignalDraft, floor_shows: SignalDraft
) -> OpResult[tuple[SignalSnapshot, SignalSnapshot]]:
    """ "Board says" and "shop floor shows": two signals (soft unless a kind is given) linked
    incongruent_met, in one transaction (both or neither)."""
    first = signals.capture_signal(session, ctx, _soft(board_says))
    second = signals.capture_signal(session, ctx, _soft(floor_shows))
    link_signals(
        session,
        ctx,
        first.value.id,
        second.value.id,
        SignalLinkType.INCONGRUENT_WITH.value,
        "bestuur zegt / werkvloer toont",
    )
    return OpResult((first.value, second.value), first.changes | second.changes)


def _soft(draft: SignalDraft) -> SignalDraft:
    return replace(draft, kind=draft.kind or SignalKind.SOFT) if isinstance(draft, SignalDraft) else draft


def signal_detail(session: Session, signal_id: str) -> SignalDetail:
    row = session.get(Signal, signal_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError("signal", signal_id)
    history = tuple(
        (i.written_at, i.author or "", i.text)
        for i in session.scalars(
            select(SignalInterpretation)
            .where(SignalInterpretation.signal_id == signal_id, SignalInterpretation.deleted_at.is_(None))
            .order_by(SignalInterpretation.written_at)
        )
    )
    links = []
    for link in session.scalars(
        select(SignalLink).where(
            or_(SignalLink.from_signal_id == signal_id, SignalLink.to_signal_id == signal_id),
            SignalLink.deleted_at.is_(None),
        )
    ):
        other_id = link.to_signal_id if link.from_signal_id == signal_id else link.from_signal_id
        other = session.get(Signal, other_id)
        if other is not None:
            links.append(
                SignalLinkRow(
                    link.id,
                    link.link_type.value,
                    link.from_signal_id == signal_id,
                    other_id,
                    other.observation,
                )
            )
    return SignalDetail(signals.snapshot(session, row), row.quote, row.interpretation, history, tuple(links))
