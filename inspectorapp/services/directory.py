"""The directory: every live organisation and network, searchable, with what is known.

Counts come from a fixed handful of grouped queries whatever the number of rows: signals
per organisation (kind x valence, and how many are past their review date), signals filed
on a network whose organisation is not a member (a network adds these to its members'
counts, so each signal counts once), and open concerns per organisation or network.
No score is made of them: the counts are shown side by side.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.orm import Session

from inspectorapp.domain.enums import NetworkFocus, SignalKind, Valence
from inspectorapp.domain.framework_codes import ConcernStatusCode, SignalStatusCode
from inspectorapp.domain.org_views import DirectoryRow, ValenceCounts
from inspectorapp.domain.subject_ref import SubjectRef
from storage.models import Concern, Network, NetworkMembership, Organisation, Signal

from .organisations import code_map

_Key = tuple[SignalKind, Valence]


def fold(text: str | None) -> str:
    """Lower case without accents: "Zorggroep Reüma" is found by "reuma"."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def directory(session: Session, query: str = "", *, today: date) -> list[DirectoryRow]:
    """Organisations and networks whose name or region contains every word of ``query``
    (case- and accent-insensitive), by name."""
    words = fold(query).split()

    def wanted(*texts: str | None) -> bool:
        hay = " ".join(fold(t) for t in texts)
        return all(w in hay for w in words)

    orgs = [
        row
        for row in session.execute(
            select(Organisation.id, Organisation.name, Organisation.region, Organisation.sector).where(
                Organisation.deleted_at.is_(None)
            )
        )
        if wanted(row.name, row.region)
    ]
    nets = [
        row
        for row in session.execute(
            select(Network.id, Network.name, Network.region, Network.focus).where(
                Network.deleted_at.is_(None)
            )
        )
        if wanted(row.name, row.region)
    ]
    members = _members(session)
    per_org, org_due = _org_signals(session, today)
    per_net, net_due = _network_only_signals(session, today)
    concerns, concerns_due = _open_concerns(session, today)
    sectors = code_map(session, "sector")

    rows: list[DirectoryRow] = []
    for o in orgs:
        counts = per_org.get(o.id, {})
        rows.append(
            DirectoryRow(
                subject=SubjectRef.organisation(o.id),
                name=o.name,
                region=o.region,
                sector=sectors.get(o.sector) if o.sector else None,
                focus=None,
                hard=_valences(counts, SignalKind.HARD),
                soft=_valences(counts, SignalKind.SOFT),
                open_concerns=concerns.get(o.id, 0),
                items_due=org_due.get(o.id, 0) + concerns_due.get(o.id, 0),
            )
        )
    for n in nets:
        counts = _summed([per_net.get(n.id, {}), *(per_org.get(m, {}) for m in members.get(n.id, ()))])
        due = net_due.get(n.id, 0) + sum(org_due.get(m, 0) for m in members.get(n.id, ()))
        rows.append(
            DirectoryRow(
                subject=SubjectRef.network(n.id),
                name=n.name,
                region=n.region,
                sector=None,
                focus=NetworkFocus(n.focus),
                hard=_valences(counts, SignalKind.HARD),
                soft=_valences(counts, SignalKind.SOFT),
                open_concerns=concerns.get(n.id, 0),
                items_due=due + concerns_due.get(n.id, 0),
            )
        )
    rows.sort(key=lambda r: (fold(r.name), r.subject.kind))
    return rows


def _members(session: Session) -> dict[str, set[str]]:
    """Network id -> its live member organisations (a membership that ended still counts:
    what was seen while it was a member belongs to the network's picture)."""
    out: dict[str, set[str]] = defaultdict(set)
    for network_id, organisation_id in session.execute(
        select(NetworkMembership.network_id, NetworkMembership.organisation_id).where(
            NetworkMembership.deleted_at.is_(None)
        )
    ):
        out[network_id].add(organisation_id)
    return out


def _due(today: date):  # type: ignore[no-untyped-def]  # a SQL expression
    return func.sum(
        case((and_(Signal.review_by <= today, Signal.status != SignalStatusCode.CLOSED), 1), else_=0)
    )


def _org_signals(session: Session, today: date) -> tuple[dict[str, dict[_Key, int]], dict[str, int]]:
    per: dict[str, dict[_Key, int]] = defaultdict(dict)
    due: dict[str, int] = defaultdict(int)
    q = (
        select(Signal.organisation_id, Signal.kind, Signal.valence, func.count(), _due(today))
        .where(Signal.deleted_at.is_(None))
        .group_by(Signal.organisation_id, Signal.kind, Signal.valence)
    )
    for org_id, kind, valence, n, n_due in session.execute(q):
        per[org_id][(SignalKind(kind), Valence(valence))] = n
        due[org_id] += n_due or 0
    return per, due


def _network_only_signals(session: Session, today: date) -> tuple[dict[str, dict[_Key, int]], dict[str, int]]:
    """Signals filed on a network about an organisation that is not (or no longer) a live
    member: the members' own signals are counted through ``_org_signals``."""
    member = exists().where(
        NetworkMembership.network_id == Signal.network_id,
        NetworkMembership.organisation_id == Signal.organisation_id,
        NetworkMembership.deleted_at.is_(None),
    )
    q = (
        select(Signal.network_id, Signal.kind, Signal.valence, func.count(), _due(today))
        .where(Signal.network_id.is_not(None), Signal.deleted_at.is_(None), ~member)
        .group_by(Signal.network_id, Signal.kind, Signal.valence)
    )
    per: dict[str, dict[_Key, int]] = defaultdict(dict)
    due: dict[str, int] = defaultdict(int)
    for net_id, kind, valence, n, n_due in session.execute(q):
        per[net_id][(SignalKind(kind), Valence(valence))] = n
        due[net_id] += n_due or 0
    return per, due


def _open_concerns(session: Session, today: date) -> tuple[dict[str, int], dict[str, int]]:
    """Open concerns (not closed, not AFGESLOTEN) per organisation or network, and how many of
    them are past their next review."""
    q = (
        select(
            func.coalesce(Concern.organisation_id, Concern.network_id),
            func.count(),
            func.sum(case((Concern.next_review_on <= today, 1), else_=0)),
        )
        .where(
            Concern.deleted_at.is_(None),
            Concern.closed_on.is_(None),
            Concern.status != ConcernStatusCode.CLOSED,
        )
        .group_by(func.coalesce(Concern.organisation_id, Concern.network_id))
    )
    counts: dict[str, int] = {}
    due: dict[str, int] = {}
    for subject_id, n, n_due in session.execute(q):
        counts[subject_id] = n
        due[subject_id] = n_due or 0
    return counts, due


def _summed(parts: Iterable[dict[_Key, int]]) -> dict[_Key, int]:
    out: dict[_Key, int] = defaultdict(int)
    for part in parts:
        for key, n in part.items():
            out[key] += n
    return out


def _valences(counts: dict[_Key, int], kind: SignalKind) -> ValenceCounts:
    return ValenceCounts(
        positive=counts.get((kind, Valence.POSITIVE), 0),
        negative=counts.get((kind, Valence.NEGATIVE), 0),
        ambiguous=counts.get((kind, Valence.AMBIGUOUS), 0),
    )
