"""Reading concerns: one concern with its signals, competing hypotheses, evidence matrix,
status history and corroboration; and the concerns of an organisation or a network."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from inspectorapp.domain.corroboration import Corroboration, SignalFacts, split
from inspectorapp.domain.enums import ConcernRating, ConcernSignalRole, SignalLinkType
from inspectorapp.domain.sense_views import (
    ConcernSignalRow,
    ConcernSummary,
    ConcernView,
    HypothesisColumn,
    MatrixRow,
    StatusChangeRow,
    diagnostic,
)
from inspectorapp.domain.snippets import one_line
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from storage.models import (
    Concern,
    ConcernHypothesis,
    ConcernSignal,
    ConcernStatusChange,
    EvidenceRating,
    Network,
    NetworkMembership,
    Organisation,
    Signal,
    SignalLink,
)

from .concerns import CLOSING
from .decision_notes import decision_notes
from .refs import live

SHORT = 160  # characters of an observation in a matrix row


def concern_view(session: Session, concern_id: str) -> ConcernView:
    concern = live(session, Concern, concern_id)
    attached = session.execute(
        select(ConcernSignal, Signal)
        .join(Signal, Signal.id == ConcernSignal.signal_id)
        .where(
            ConcernSignal.concern_id == concern.id,
            ConcernSignal.deleted_at.is_(None),
            Signal.deleted_at.is_(None),
        )
        .order_by(Signal.observed_at, Signal.id)
    ).all()
    rows = tuple(
        ConcernSignalRow(
            link.id,
            s.id,
            link.role,
            one_line(s.observation, SHORT),
            s.kind,
            s.valence,
            s.status,
            s.observed_at,
            s.observed_by,
            s.entrance,
            s.source_key,
        )
        for link, s in attached
    )
    hypotheses = list(
        session.scalars(
            select(ConcernHypothesis)
            .where(ConcernHypothesis.concern_id == concern.id, ConcernHypothesis.deleted_at.is_(None))
            .order_by(ConcernHypothesis.position, ConcernHypothesis.id)
        )
    )
    cells: dict[tuple[str, str], ConcernRating] = {
        (r.hypothesis_id, r.signal_id): r.rating
        for r in session.scalars(
            select(EvidenceRating).where(
                EvidenceRating.hypothesis_id.in_([h.id for h in hypotheses]),
                EvidenceRating.deleted_at.is_(None),
            )
        )
    }
    matrix = []
    for row in rows:
        line = tuple(cells.get((h.id, row.signal_id)) for h in hypotheses)
        matrix.append(MatrixRow(row.signal_id, line, diagnostic(line)))
    columns = tuple(
        HypothesisColumn(
            h.id,
            h.position,
            h.statement,
            sum(1 for r in rows if cells.get((h.id, r.signal_id)) is ConcernRating.INCONSISTENT),
        )
        for h in hypotheses
    )
    supporting, contradicting = _corroboration(session, rows)
    return ConcernView(
        id=concern.id,
        organisation_id=concern.organisation_id,
        network_id=concern.network_id,
        unit_id=concern.unit_id,
        subject_name=_subject_name(session, concern),
        title=concern.title,
        hypothesis=concern.hypothesis,
        alternatives=concern.alternatives,
        open_questions=concern.open_questions,
        next_step=concern.next_step,
        next_step_owner=concern.next_step_owner,
        next_step_due=concern.next_step_due,
        status=concern.status,
        owner=concern.owner,
        opened_on=concern.opened_on,
        closed_on=concern.closed_on,
        closing_rationale=concern.closing_rationale,
        next_review_on=concern.next_review_on,
        signals=rows,
        hypotheses=columns,
        matrix=tuple(matrix),
        history=concern_status_history(session, concern.id),
        supporting=supporting,
        contradicting=contradicting,
    )


def concern_status_history(session: Session, concern_id: str) -> tuple[StatusChangeRow, ...]:
    """Newest first."""
    rows = list(
        session.scalars(
            select(ConcernStatusChange)
            .where(ConcernStatusChange.concern_id == concern_id, ConcernStatusChange.deleted_at.is_(None))
            .order_by(ConcernStatusChange.changed_at.desc(), ConcernStatusChange.id.desc())
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
            decision=notes.get(r.decision_id or ""),
        )
        for r in rows
    )


def concerns_for(session: Session, subject: SubjectRef) -> list[ConcernSummary]:
    """An organisation's concerns, or a network's with those of its member organisations;
    open first, then the most recently opened."""
    if subject.kind is SubjectRefKind.ORGANISATION:
        where = Concern.organisation_id == subject.id
    else:
        members = select(NetworkMembership.organisation_id).where(
            NetworkMembership.network_id == subject.id, NetworkMembership.deleted_at.is_(None)
        )
        where = or_(Concern.network_id == subject.id, Concern.organisation_id.in_(members))
    concerns = list(session.scalars(select(Concern).where(where, Concern.deleted_at.is_(None))))
    counts: dict[str, int] = {}
    for (cid,) in session.execute(
        select(ConcernSignal.concern_id)
        .join(Signal, Signal.id == ConcernSignal.signal_id)
        .where(
            ConcernSignal.concern_id.in_([c.id for c in concerns]),
            ConcernSignal.deleted_at.is_(None),
            Signal.deleted_at.is_(None),
        )
    ):
        counts[cid] = counts.get(cid, 0) + 1
    out = [
        ConcernSummary(
            c.id,
            c.title,
            c.status,
            c.status not in CLOSING,
            c.organisation_id,
            c.network_id,
            _subject_name(session, c),
            c.owner,
            c.opened_on,
            c.next_review_on,
            c.next_step_due,
            counts.get(c.id, 0),
        )
        for c in concerns
    ]
    out.sort(key=lambda r: (not r.is_open, -r.opened_on.toordinal(), r.title))
    return out


def _corroboration(
    session: Session, rows: tuple[ConcernSignalRow, ...]
) -> tuple[Corroboration, Corroboration]:
    """(supporting, contradicting), counted apart; context signals are in neither."""
    counted = [r for r in rows if r.role is not ConcernSignalRole.CONTEXT]
    ids = [r.signal_id for r in counted]
    pairs = session.execute(
        select(SignalLink.from_signal_id, SignalLink.to_signal_id).where(
            SignalLink.link_type == SignalLinkType.DUPLICATE_OF,
            SignalLink.deleted_at.is_(None),
            SignalLink.from_signal_id.in_(ids),
            SignalLink.to_signal_id.in_(ids),
        )
    ).all()
    return split(
        (SignalFacts(r.signal_id, r.source_key, r.entrance, r.observed_by, r.observed_at) for r in counted),
        [(a, b) for a, b in pairs],
        {r.signal_id for r in counted if r.role is ConcernSignalRole.CONTRADICTING},
    )


def _subject_name(session: Session, concern: Concern) -> str:
    if concern.organisation_id is not None:
        org = session.get(Organisation, concern.organisation_id)
        return org.name if org is not None else ""
    net = session.get(Network, concern.network_id) if concern.network_id else None
    return net.name if net is not None else ""
