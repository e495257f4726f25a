"""Frozen views for the signal board of an organisation or a network (issue #14)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import NamedTuple

from .corroboration import EMPTY, Corroboration
from .subject_ref import SubjectRef
from .visit_views import CodeLabel


class HookFilter(StrEnum):
    ANY = "alle"
    WITH = "met"
    WITHOUT = "zonder"


@dataclass(frozen=True, slots=True)
class BoardFilter:
    """What the board shows. An empty set means "no restriction"; the period is inclusive
    and in local dates of ``observed_at``."""

    statuses: frozenset[str] = frozenset()
    period_from: date | None = None
    period_to: date | None = None
    kinds: frozenset[str] = frozenset()
    valences: frozenset[str] = frozenset()
    entrances: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()
    observers: frozenset[str] = frozenset()
    hook: HookFilter = HookFilter.ANY
    confidentialities: frozenset[str] = frozenset()

    @property
    def active(self) -> bool:
        return self != BoardFilter()


@dataclass(frozen=True, slots=True)
class LinkBadge:
    """A link to another signal in view, seen from this card."""

    link_type: str  # SignalLinkType value
    other_id: str
    outgoing: bool


class BoardCard(NamedTuple):
    """A named tuple, not a dataclass: a board makes thousands and a tuple is made 4x faster."""

    id: str
    observation: str  # whole: the card paints what fits, its tooltip has the rest
    kind: str  # SignalKind value
    valence: str  # Valence value
    status: str  # signal_status code
    entrance: str | None
    channel: str | None
    observed_by: str | None
    observed_at: datetime
    unit_id: str | None
    unit_name: str | None
    categories: tuple[str, ...]
    has_hook: bool
    confidentiality: str  # Confidentiality value
    source_key: str | None
    organisation_id: str
    member_name: str | None  # on a network's board: the member organisation it is about
    badges: tuple[LinkBadge, ...] = ()


@dataclass(frozen=True, slots=True)
class IncongruencePair:
    """Two signals linked incongruent_met, both in view: shown side by side."""

    first_id: str
    first_text: str
    second_id: str
    second_text: str
    note: str | None


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    text: str


@dataclass(frozen=True, slots=True)
class BoardOptions:
    """The values the filter bar offers: taxonomy labels, and what occurs on this board."""

    statuses: tuple[CodeLabel, ...] = ()
    entrances: tuple[CodeLabel, ...] = ()
    categories: tuple[CodeLabel, ...] = ()
    units: tuple[Choice, ...] = ()
    observers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BoardView:
    subject: SubjectRef
    title: str  # the organisation's or network's name
    cards: tuple[BoardCard, ...]  # in view, oldest first
    total: int  # signals on the board before filtering
    corroboration: Corroboration = EMPTY  # of the cards in view, contradicting ones apart
    contradicting: Corroboration = EMPTY
    incongruences: tuple[IncongruencePair, ...] = ()
    options: BoardOptions = field(default_factory=BoardOptions)
    # False: the cards' ``categories`` were not read (the view neither groups nor filters by
    # them); asking for them again is the caller's part (``signal_board.board(categories=True)``)
    with_categories: bool = True
