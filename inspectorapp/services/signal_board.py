"""The signal board of an organisation or a network: every signal about it as a card, the
corroboration of what is in view (shown, never concluded into a score) and the
incongruences side by side.

A handful of grouped queries whatever the number of signals (5,000 on one organisation in a
store of 100k): the signals, their categories, the links between them, the units and member
names, the taxonomy labels. Filtering happens here, on the fetched rows, so the filter bar
can still offer every observer on the board.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, literal, or_, select
from sqlalchemy.orm import Session

from inspectorapp.domain.board_views import (
    BoardCard,
    BoardFilter,
    BoardOptions,
    BoardView,
    Choice,
    HookFilter,
    IncongruencePair,
    LinkBadge,
)
from inspectorapp.domain.corroboration import split
from inspectorapp.domain.enums import SignalLinkType
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from inspectorapp.errors import NotFoundError
from storage.models import Network, NetworkMembership, Organisation, Signal, SignalCategory, SignalLink, Unit

from . import frameworks

# Links a card shows as a badge; dubbel_van only joins sources, hangt_samen_met is too loose.
BADGE_LINKS = (
    SignalLinkType.INCONGRUENT_WITH,
    SignalLinkType.CONTRADICTS,
    SignalLinkType.CORROBORATES,
    SignalLinkType.HARDENS,
)
_READ_LINKS = (*BADGE_LINKS, SignalLinkType.DUPLICATE_OF)


NO_FILTER = BoardFilter()


def board(
    session: Session, subject: SubjectRef, filters: BoardFilter | None = None, categories: bool = True
) -> BoardView:
    """The board of an organisation or network. ``categories=False`` leaves the cards'
    categories unread (a sixth of the board's cost at 5,000 cards) unless the filter needs them;
    the board asks for them only when it groups by category."""
    filters = filters or NO_FILTER
    categories = categories or bool(filters.categories)
    title, where, names = _scope(session, subject)
    # One query with the categories folded in, its rows read straight from the driver (no
    # result processing; the timestamp parsed here): at 5,000 cards the per-row cost is
    # what the board's budget is spent on.
    cats = (
        select(func.group_concat(SignalCategory.category_code, " "))
        .where(SignalCategory.signal_id == Signal.id, SignalCategory.deleted_at.is_(None))
        .scalar_subquery()
        if categories
        else literal(None)
    )
    query = (
        select(
            Signal.id,
            Signal.observation,
            Signal.kind,
            Signal.valence,
            Signal.status,
            Signal.entrance,
            Signal.channel,
            Signal.observed_by,
            Signal.observed_at,
            Signal.unit_id,
            Signal.hook,
            Signal.confidentiality,
            Signal.source_key,
            Signal.organisation_id,
            cats,
        )
        .where(where, Signal.deleted_at.is_(None))
        .order_by(Signal.observed_at, Signal.id)
    )
    connection = session.connection()
    compiled = query.compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
    params = tuple(compiled.params[name] for name in compiled.positiontup or ())
    rows = connection.exec_driver_sql(str(compiled), params).fetchall()
    # Driven from the board's signals (the link's from side); links leaving the board are
    # dropped with those leaving the view, in _view. Two IN-subqueries probe n² pairs instead.
    links = session.execute(
        select(SignalLink.from_signal_id, SignalLink.to_signal_id, SignalLink.link_type, SignalLink.note)
        .join(Signal, Signal.id == SignalLink.from_signal_id)
        .where(
            where,
            Signal.deleted_at.is_(None),
            SignalLink.deleted_at.is_(None),
            SignalLink.link_type.in_(_READ_LINKS),
        )
    ).all()
    units = dict(
        session.execute(
            select(Unit.id, Unit.name).where(Unit.organisation_id.in_(names), Unit.deleted_at.is_(None))
        ).all()
    )
    network = subject.kind is SubjectRefKind.NETWORK
    # Positional, in BoardCard's field order, with the look-ups bound once: 5,000 cards made
    # with keywords cost twice the time (bench/README.md, sense).
    parse, unit_name, member = datetime.fromisoformat, units.get, names.get
    cards = [
        BoardCard(
            r[0],  # id
            r[1],  # observation
            r[2],  # kind
            r[3],  # valence
            r[4],  # status
            r[5],  # entrance
            r[6],  # channel
            r[7],  # observed_by
            parse(r[8]),  # observed_at
            r[9],  # unit_id
            unit_name(r[9]) if r[9] else None,
            tuple(sorted(r[14].split(" "))) if r[14] else (),  # categories
            bool(r[10] and r[10].strip()),  # has_hook
            r[11],  # confidentiality
            r[12],  # source_key
            r[13],  # organisation_id
            member(r[13]) if network else None,  # member_name
        )
        for r in rows
    ]
    options = BoardOptions(
        statuses=frameworks.code_labels(session, "signal_status"),
        entrances=frameworks.code_labels(session, "entrance"),
        categories=frameworks.code_labels(session, "signal_category"),
        units=tuple(Choice(uid, name) for uid, name in sorted(units.items(), key=lambda u: u[1].casefold())),
        observers=tuple(sorted({c.observed_by for c in cards if c.observed_by}, key=str.casefold)),
    )
    shown = cards if filters == NO_FILTER else [c for c in cards if _passes(c, filters)]
    return _view(subject, title, shown, len(cards), links, options, with_categories=categories)


def _scope(session: Session, subject: SubjectRef) -> tuple[str, ColumnElement[bool], dict[str, str]]:
    """(title, which signals, organisation id -> name of the organisations involved)."""
    if subject.kind is SubjectRefKind.ORGANISATION:
        name = session.scalar(
            select(Organisation.name).where(Organisation.id == subject.id, Organisation.deleted_at.is_(None))
        )
        if name is None:
            raise NotFoundError("organisation", subject.id)
        # A unit's signals carry its organisation too (capture requires it), so this is both.
        return name, Signal.organisation_id == subject.id, {subject.id: name}
    title = session.scalar(select(Network.name).where(Network.id == subject.id, Network.deleted_at.is_(None)))
    if title is None:
        raise NotFoundError("network", subject.id)
    members = dict(
        session.execute(
            select(Organisation.id, Organisation.name)
            .join(NetworkMembership, NetworkMembership.organisation_id == Organisation.id)
            .where(NetworkMembership.network_id == subject.id, NetworkMembership.deleted_at.is_(None))
        ).all()
    )
    where = or_(Signal.network_id == subject.id, Signal.organisation_id.in_(list(members)))
    # Signals on the network about a non-member still need a name on their card.
    others = session.execute(
        select(Organisation.id, Organisation.name)
        .join(Signal, Signal.organisation_id == Organisation.id)
        .where(and_(Signal.network_id == subject.id, Signal.organisation_id.not_in(list(members))))
        .distinct()
    ).all()
    return title, where, {**members, **dict(others)}


def _passes(c: BoardCard, f: BoardFilter) -> bool:
    if f.statuses and c.status not in f.statuses:
        return False
    if f.kinds and c.kind not in f.kinds:
        return False
    if f.valences and c.valence not in f.valences:
        return False
    if f.entrances and c.entrance not in f.entrances:
        return False
    if f.units and c.unit_id not in f.units:
        return False
    if f.observers and c.observed_by not in f.observers:
        return False
    if f.confidentialities and c.confidentiality not in f.confidentialities:
        return False
    if f.categories and f.categories.isdisjoint(c.categories):
        return False
    if f.hook is HookFilter.WITH and not c.has_hook:
        return False
    if f.hook is HookFilter.WITHOUT and c.has_hook:
        return False
    if f.period_from is not None or f.period_to is not None:
        day = c.observed_at.astimezone().date()
        if f.period_from is not None and day < f.period_from:
            return False
        if f.period_to is not None and day > f.period_to:
            return False
    return True


def _view(
    subject: SubjectRef,
    title: str,
    shown: list[BoardCard],
    total: int,
    links: Iterable[tuple[str, str, SignalLinkType, str | None]],
    options: BoardOptions,
    *,
    with_categories: bool = True,
) -> BoardView:
    in_view = {c.id for c in shown}
    badges: dict[str, list[LinkBadge]] = defaultdict(list)
    duplicates: list[tuple[str, str]] = []
    contradicting: set[str] = set()
    pairs: list[tuple[str, str, str | None]] = []
    for a, b, kind, note in links:
        if a not in in_view or b not in in_view:
            continue
        if kind is SignalLinkType.DUPLICATE_OF:
            duplicates.append((a, b))
            continue
        badges[a].append(LinkBadge(kind.value, b, True))
        badges[b].append(LinkBadge(kind.value, a, False))
        if kind is SignalLinkType.CONTRADICTS:
            contradicting.add(a)
        elif kind is SignalLinkType.INCONGRUENT_WITH:
            pairs.append((a, b, note))
    if badges:
        shown = [_with_badges(c, badges[c.id]) if c.id in badges else c for c in shown]
    cards = tuple(shown)
    main, against = split(cards, duplicates, contradicting)
    return BoardView(
        subject=subject,
        title=title,
        cards=cards,
        total=total,
        corroboration=main,
        contradicting=against,
        incongruences=_incongruences(pairs, shown),
        options=options,
        with_categories=with_categories,
    )


def _with_badges(card: BoardCard, badges: list[LinkBadge] | None) -> BoardCard:
    if not badges:
        return card
    ordered = tuple(
        sorted(badges, key=lambda b: (BADGE_LINKS.index(SignalLinkType(b.link_type)), b.other_id))
    )
    return card._replace(badges=ordered)


def _incongruences(
    pairs: list[tuple[str, str, str | None]], shown: list[BoardCard]
) -> tuple[IncongruencePair, ...]:
    """Both texts, oldest first by the first signal."""
    if not pairs:
        return ()
    wanted = {i for a, b, _ in pairs for i in (a, b)}
    by_id = {c.id: c for c in shown if c.id in wanted}
    ordered = sorted(pairs, key=lambda p: (by_id[p[0]].observed_at, by_id[p[1]].observed_at, p[0], p[1]))
    return tuple(
        IncongruencePair(a, by_id[a].observation, b, by_id[b].observation, note) for a, b, note in ordered
    )
