"""The decision log of an organisation or network and what the decision dialog offers (issue
#15): reads only; the writes are in ``decisions`` (which re-exports these for its callers)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from inspectorapp.domain.decision_views import (
    AboutItem,
    ActionChoice,
    DecisionFormOptions,
    DecisionItemKind,
    DecisionLog,
    DecisionRow,
    StatusStep,
    matches,
)
from inspectorapp.domain.framework_codes import LadderRung
from inspectorapp.domain.snippets import clipped
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from storage.models import (
    Concern,
    ConcernStatusChange,
    Decision,
    DecisionSubject,
    Deliberation,
    FrameworkVersion,
    NetworkMembership,
    Signal,
    SignalStatusChange,
    TaxonomyItem,
)

from . import frameworks
from .refs import live

_TITLE = 120  # a signal's observation as the log and the dialog name it


def stored_subject(row: Decision) -> SubjectRef:
    if row.organisation_id is not None:
        return SubjectRef.organisation(row.organisation_id)
    assert row.network_id is not None  # the table's check
    return SubjectRef.network(row.network_id)


def members(session: Session, network_id: str) -> set[str]:
    return set(
        session.scalars(
            select(NetworkMembership.organisation_id).where(
                NetworkMembership.network_id == network_id, NetworkMembership.deleted_at.is_(None)
            )
        )
    )


def action_rungs(session: Session) -> dict[str, str | None]:
    """Every loaded action type -> its ladder rung (the newest version's attribute wins)."""
    out: dict[str, str | None] = {}
    for code, attributes in session.execute(
        select(TaxonomyItem.code, TaxonomyItem.attributes)
        .join(FrameworkVersion)
        .where(TaxonomyItem.taxonomy == "action_type")
        .order_by(FrameworkVersion.published_on, TaxonomyItem.position)
    ):
        out[code] = (attributes or {}).get("ladder")
    return out


def action_choices(session: Session) -> tuple[ActionChoice, ...]:
    """The action types by ladder rung, lightest first, then in framework order."""
    rungs = action_rungs(session)
    order = {r.value: n for n, r in enumerate(LadderRung)}
    labels = frameworks.labels(session, "action_type")
    ranked = sorted(
        enumerate(labels), key=lambda p: (order.get(rungs.get(p[1].code) or "", len(order)), p[0])
    )
    return tuple(ActionChoice(label, rungs.get(label.code)) for _n, label in ranked)


def decision_log(session: Session, subject: SubjectRef, query: str = "") -> DecisionLog:
    """The subject's own decisions, newest first (by day, then as recorded); ``query``
    keeps those whose rationale, type, decider or overleg title hold every word of it."""
    actions = action_choices(session)
    rows = [r for r in _rows(session, _of_subject(subject)) if matches(r, query or "", actions)]
    return DecisionLog(
        tuple(rows),
        actions,
        tuple(frameworks.labels(session, "signal_status")),
        tuple(frameworks.labels(session, "concern_status")),
    )


def decisions_in(session: Session, subject: SubjectRef, deliberation_id: str) -> list[DecisionRow]:
    """The subject's decisions taken in one overleg (the agenda pack's), in the log's order."""
    return _rows(session, and_(_of_subject(subject), Decision.deliberation_id == deliberation_id))


def decision_row(session: Session, decision_id: str) -> DecisionRow:
    live(session, Decision, decision_id)
    return _rows(session, Decision.id == decision_id)[0]


def form_options(
    session: Session,
    subject: SubjectRef,
    deliberation_id: str | None = None,
    decision_id: str | None = None,
) -> DecisionFormOptions:
    """What the decision dialog offers for ``subject`` (and the decision it edits)."""
    current = decision_row(session, decision_id) if decision_id else None
    deliberation_id = deliberation_id or (current.deliberation_id if current else None)
    deliberation = session.get(Deliberation, deliberation_id) if deliberation_id else None
    if subject.kind is SubjectRefKind.ORGANISATION:
        sig_where: ColumnElement[bool] = Signal.organisation_id == subject.id
        con_where: ColumnElement[bool] = Concern.organisation_id == subject.id
    else:
        of_network = list(members(session, subject.id))
        sig_where = or_(Signal.network_id == subject.id, Signal.organisation_id.in_(of_network))
        con_where = or_(Concern.network_id == subject.id, Concern.organisation_id.in_(of_network))
    signals = session.scalars(
        select(Signal).where(sig_where, Signal.deleted_at.is_(None)).order_by(Signal.observed_at.desc())
    )
    concern_rows = session.scalars(
        select(Concern).where(con_where, Concern.deleted_at.is_(None)).order_by(Concern.opened_on.desc())
    )
    return DecisionFormOptions(
        action_choices(session),
        tuple(_about_signal(s) for s in signals),
        tuple(AboutItem(DecisionItemKind.CONCERN, k.id, k.title, k.status) for k in concern_rows),
        tuple(frameworks.labels(session, "signal_status")),
        tuple(frameworks.labels(session, "concern_status")),
        (deliberation.title or None) if deliberation is not None else None,
        current,
    )


def _of_subject(subject: SubjectRef) -> ColumnElement[bool]:
    if subject.kind is SubjectRefKind.ORGANISATION:
        return Decision.organisation_id == subject.id
    return Decision.network_id == subject.id


def _signal_title(signal: Signal) -> str:
    text = (signal.hook or signal.observation or "").strip().replace("\n", " ")
    return clipped(text, _TITLE)


def _about_signal(signal: Signal) -> AboutItem:
    return AboutItem(DecisionItemKind.SIGNAL, signal.id, _signal_title(signal), signal.status)


def _rows(session: Session, where: ColumnElement[bool]) -> list[DecisionRow]:
    found = session.execute(
        select(Decision, Deliberation)
        .outerjoin(Deliberation, Deliberation.id == Decision.deliberation_id)
        .where(where, Decision.deleted_at.is_(None))
        .order_by(Decision.decided_on.desc(), Decision.created_at.desc(), Decision.id)
    ).all()
    ids = [d.id for d, _o in found]
    about = _about(session, ids)
    steps = _steps(session, ids)
    return [
        DecisionRow(
            d.id,
            stored_subject(d),
            d.action_type,
            d.return_on,
            d.rationale,
            d.decided_by,
            d.decided_on,
            d.deliberation_id,
            o.kind.value if o is not None else None,
            (o.title or None) if o is not None else None,
            tuple(about.get(d.id, ())),
            tuple(steps.get(d.id, ())),
            d.created_at,
        )
        for d, o in found
    ]


def _about(session: Session, ids: Iterable[str]) -> dict[str, list[AboutItem]]:
    out: dict[str, list[AboutItem]] = {}
    links = session.execute(
        select(DecisionSubject, Signal, Concern)
        .outerjoin(Signal, Signal.id == DecisionSubject.signal_id)
        .outerjoin(Concern, Concern.id == DecisionSubject.concern_id)
        .where(DecisionSubject.decision_id.in_(list(ids)), DecisionSubject.deleted_at.is_(None))
        .order_by(DecisionSubject.created_at, DecisionSubject.id)
    )
    for link, signal, concern in links:
        if signal is not None and signal.deleted_at is None:
            out.setdefault(link.decision_id, []).append(_about_signal(signal))
        elif concern is not None and concern.deleted_at is None:
            out.setdefault(link.decision_id, []).append(
                AboutItem(DecisionItemKind.CONCERN, concern.id, concern.title, concern.status)
            )
    return out


def _steps(session: Session, ids: Iterable[str]) -> dict[str, list[StatusStep]]:
    ids = list(ids)
    out: dict[str, list[StatusStep]] = {}
    for change, signal in session.execute(
        select(SignalStatusChange, Signal)
        .join(Signal, Signal.id == SignalStatusChange.signal_id)
        .where(SignalStatusChange.decision_id.in_(ids), SignalStatusChange.deleted_at.is_(None))
        .order_by(SignalStatusChange.changed_at)
    ):
        out.setdefault(change.decision_id or "", []).append(
            StatusStep(
                DecisionItemKind.SIGNAL,
                signal.id,
                _signal_title(signal),
                change.from_status,
                change.to_status,
            )
        )
    for cchange, concern in session.execute(
        select(ConcernStatusChange, Concern)
        .join(Concern, Concern.id == ConcernStatusChange.concern_id)
        .where(ConcernStatusChange.decision_id.in_(ids), ConcernStatusChange.deleted_at.is_(None))
        .order_by(ConcernStatusChange.changed_at)
    ):
        out.setdefault(cchange.decision_id or "", []).append(
            StatusStep(
                DecisionItemKind.CONCERN, concern.id, concern.title, cchange.from_status, cchange.to_status
            )
        )
    return out
