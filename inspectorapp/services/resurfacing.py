"""Earlier signals to see while a new one is captured, and dismissing one.

Where candidates come from: the organisation itself (its units included), its network
partners (organisations sharing a network with it) when they share a category or words, and
similar text through the full-text index. Signals that stayed soft and signals on an open
concern of the organisation come first and are never dropped for their age; the rest must
fall within ``PERIOD_DAYS``. Within each group a simple, visible score orders them (shared
categories, similar text, same unit, recency); the score is not shown, the reasons are.

Budget: p95 <= 50 ms with 5,000 signals on the organisation in a store of 100k (bench/sense.py).
Four indexed queries: partners, candidates by organisation (ranked and cut in SQL), the
newest full-text matches (LIMIT), and the rows of the few that are shown.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy import text as text_sql
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.framework_codes import CONCERN_CLOSING, SignalStatusCode
from inspectorapp.domain.resurfacing import PINNED, Suggestion, SuggestionQuery, SuggestionReason
from inspectorapp.domain.snapshots import ActionContext, OpResult
from inspectorapp.domain.validation import Checker
from storage.models import (
    Concern,
    ConcernSignal,
    NetworkMembership,
    Organisation,
    Signal,
    SignalCategory,
    SuggestionDismissal,
)

from . import audit
from .refs import existing
from .search import _fold, fts_words

PERIOD_DAYS = 730  # same categories or words: within about 24 months
RECENT_DAYS = 183  # a small bonus for what is fresh
CANDIDATES = 60  # ranked in SQL, then scored with their text
FTS_WINDOW = 200  # newest full-text matches looked at (FTS walks rowids newest first)
FTS_WORDS = 6  # the longest content words of what is typed


def suggestions(session: Session, query: SuggestionQuery) -> list[Suggestion]:
    own = query.organisation_id
    if not own:
        return []
    today = query.today or utc_now().date()
    since = datetime.combine(today - timedelta(days=PERIOD_DAYS), datetime.min.time(), UTC)
    networks = select(NetworkMembership.network_id).where(
        NetworkMembership.organisation_id == own, NetworkMembership.deleted_at.is_(None)
    )
    partners = set(
        session.scalars(
            select(NetworkMembership.organisation_id).where(
                NetworkMembership.network_id.in_(networks), NetworkMembership.deleted_at.is_(None)
            )
        )
    ) - {own}
    pool = [own, *sorted(partners)]
    skip = set(query.exclude_ids)
    if query.viewer:
        skip |= set(
            session.scalars(
                select(SuggestionDismissal.signal_id).where(
                    SuggestionDismissal.organisation_id == own,
                    SuggestionDismissal.dismissed_by == query.viewer,
                    SuggestionDismissal.deleted_at.is_(None),
                )
            )
        )
    on_concern = set(
        session.scalars(
            select(ConcernSignal.signal_id)
            .join(Concern, Concern.id == ConcernSignal.concern_id)
            .where(
                or_(Concern.organisation_id == own, Concern.network_id.in_(networks)),
                Concern.status.not_in(CONCERN_CLOSING),
                Concern.deleted_at.is_(None),
                ConcernSignal.deleted_at.is_(None),
            )
        )
    )
    cats = tuple(dict.fromkeys(query.categories))
    shared = (
        select(func.count())
        .where(
            SignalCategory.signal_id == Signal.id,
            SignalCategory.category_code.in_(cats),
            SignalCategory.deleted_at.is_(None),
        )
        .scalar_subquery()
        if cats
        else literal(0)
    )
    pinned = or_(Signal.status == SignalStatusCode.STAYS_SOFT, Signal.id.in_(on_concern))
    same_unit = Signal.unit_id == query.unit_id if query.unit_id else literal(False)
    mine = Signal.organisation_id == own
    rows = session.execute(
        select(Signal.id)
        .where(
            Signal.organisation_id.in_(pool),
            Signal.deleted_at.is_(None),
            Signal.id.not_in(skip),
            # Own: what stayed soft or is on an open concern at any age, the rest within the
            # period. A partner's only when it shares a category (or words, below).
            or_(mine, shared > 0),
            or_(and_(mine, pinned), Signal.observed_at >= since, and_(shared > 0, pinned)),
        )
        .order_by(
            case((and_(mine, pinned), 1), else_=0).desc(),
            shared.desc(),
            case((same_unit, 1), else_=0).desc(),
            Signal.observed_at.desc(),
        )
        .limit(CANDIDATES)
    ).scalars()
    wanted = list(rows)
    words = [_fold(w) for w in fts_words(query.text)[:FTS_WORDS]]
    if words:
        wanted += [i for i in _text_matches(session, words) if i not in skip]
    return _ranked(session, query, own, set(pool), wanted, on_concern, words, cats, today, since)


def _text_matches(session: Session, words: list[str]) -> list[str]:
    """Signals among the newest full-text matches of any of the words (unranked: ranking the
    whole index costs seconds on a big store, see services/search.py)."""
    match = " OR ".join(f'"{w}"' for w in words)
    return list(
        session.execute(
            text_sql(
                "SELECT r.ref_id FROM search_fts JOIN search_ref r ON r.seq = search_fts.rowid "
                "WHERE search_fts MATCH :q ORDER BY search_fts.rowid DESC LIMIT :n"
            ),
            {"q": match, "n": FTS_WINDOW},
        ).scalars()
    )


def _ranked(
    session: Session,
    query: SuggestionQuery,
    own: str,
    pool: set[str],
    wanted: list[str],
    on_concern: set[str],
    words: list[str],
    cats: tuple[str, ...],
    today: date,
    since: datetime,
) -> list[Suggestion]:
    ids = list(dict.fromkeys(wanted))
    signals = {
        s.id: s
        for s in session.scalars(
            select(Signal).where(
                Signal.id.in_(ids), Signal.organisation_id.in_(pool), Signal.deleted_at.is_(None)
            )
        )
    }
    categories: dict[str, list[str]] = {}
    for sid, code in session.execute(
        select(SignalCategory.signal_id, SignalCategory.category_code).where(
            SignalCategory.signal_id.in_(signals), SignalCategory.deleted_at.is_(None)
        )
    ):
        categories.setdefault(sid, []).append(code)
    names = dict(
        session.execute(
            select(Organisation.id, Organisation.name).where(
                Organisation.id.in_({s.organisation_id for s in signals.values()})
            )
        ).all()
    )
    typed = set(words)
    need = min(2, len(typed))  # one shared word is noise unless one word is all there is
    scored: list[tuple[bool, int, datetime, Suggestion]] = []
    for sid, s in signals.items():
        common = tuple(sorted(c for c in categories.get(sid, []) if c in cats))
        overlap = len(typed & {_fold(w) for w in fts_words(s.observation)}) if typed else 0
        similar = bool(need) and overlap >= need
        reasons: list[SuggestionReason] = []
        if s.status == SignalStatusCode.STAYS_SOFT:
            reasons.append(SuggestionReason.STAYS_SOFT)
        if sid in on_concern:
            reasons.append(SuggestionReason.OPEN_CONCERN)
        if query.unit_id and s.unit_id == query.unit_id:
            reasons.append(SuggestionReason.SAME_UNIT)
        if common:
            reasons.append(SuggestionReason.SAME_CATEGORY)
        if similar:
            reasons.append(SuggestionReason.SIMILAR_TEXT)
        pinned = s.organisation_id == own and any(r in PINNED for r in reasons)
        if s.organisation_id != own:
            if not (common or similar):
                continue  # a partner's signal needs something in common
            reasons.append(SuggestionReason.NETWORK_PARTNER)
        elif not reasons:
            reasons.append(SuggestionReason.SAME_ORGANISATION)
        if not pinned and not any(r in PINNED for r in reasons) and s.observed_at < since:
            continue
        score = (
            3 * len(common)
            + 2 * min(overlap, 3) * similar
            + 2 * (SuggestionReason.SAME_UNIT in reasons)
            + ((today - s.observed_at.date()).days <= RECENT_DAYS)
        )
        item = Suggestion(
            s.id,
            s.organisation_id,
            names.get(s.organisation_id, ""),
            s.kind.value,
            s.valence.value,
            s.status,
            s.observation,
            s.observed_at,
            tuple(reasons),
            common,
        )
        scored.append((pinned, score, s.observed_at, item))
    scored.sort(key=lambda t: (t[0], t[1], t[2]), reverse=True)
    return [t[3] for t in scored[: max(0, query.limit)]]


def dismiss_suggestion(
    session: Session, ctx: ActionContext, organisation_id: str, signal_id: str
) -> OpResult[str]:
    """Not suggested again to this inspector for this organisation (also on a laptop synced
    later). Dismissing twice is fine; an undone dismissal comes back to life."""
    c = Checker()
    org = existing(session, c, "organisation_id", Organisation, organisation_id, required=True)
    sig = existing(session, c, "signal_id", Signal, signal_id, required=True)
    c.done()
    who = ctx.actor[: limits.NAME] or None
    row = session.scalar(
        select(SuggestionDismissal).where(
            SuggestionDismissal.organisation_id == org,
            SuggestionDismissal.signal_id == sig,
            SuggestionDismissal.dismissed_by.is_(None)
            if who is None
            else SuggestionDismissal.dismissed_by == who,
        )
    )
    if row is None:
        row = SuggestionDismissal(organisation_id=org, signal_id=sig, dismissed_by=who)
        session.add(row)
    row.deleted_at = None
    session.flush()
    audit.record(session, ctx, "signal.suggestion_dismiss", "suggestion_dismissal", row.id)
    return OpResult(row.id, ChangeSet.of(suggestion_dismissal=[row.id]))
