"""Corroboration: how many signals, from how many independent sources, entrances and observers.

Shown next to the signals, never folded into a score: an inspector weighs it (seed-003 §8).
Ten signals that all go back to one complaint are one source; a source is known by its
``source_key`` (a complaint-desk case number, a report reference) or by a ``dubbel_van`` link.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class SignalFacts:
    """What corroboration needs of one signal."""

    id: str
    source_key: str | None
    entrance: str | None
    observed_by: str | None
    observed_at: datetime


@dataclass(frozen=True, slots=True)
class Corroboration:
    signals: int
    sources: int
    entrances: int
    observers: int
    first: datetime | None
    last: datetime | None


EMPTY = Corroboration(0, 0, 0, 0, None, None)


class Facts(Protocol):
    """Anything that carries a signal's facts (a board card does): no copy per signal."""

    @property
    def id(self) -> str: ...
    @property
    def source_key(self) -> str | None: ...
    @property
    def entrance(self) -> str | None: ...
    @property
    def observed_by(self) -> str | None: ...
    @property
    def observed_at(self) -> datetime: ...


def corroboration(signals: Iterable[Facts], duplicates: Iterable[tuple[str, str]] = ()) -> Corroboration:
    """Count ``signals``. ``duplicates`` are ``dubbel_van`` pairs of signal ids; pairs with a
    signal outside ``signals`` are ignored (they must not pull an outside signal in)."""
    # Each signal's source: its key, or itself. A board holds thousands of signals and only
    # a few dubbel_van links, so union-find runs over the sources those links touch only.
    source: dict[str, tuple[bool, str]] = {}
    entrances: set[str | None] = set()
    observers: set[str | None] = set()
    moments = []
    for fact in signals:  # a board's thousands: attributes read once, no call per signal
        raw = fact.source_key
        key = raw.strip().casefold() if raw else None
        source[fact.id] = (True, key) if key else (False, fact.id)
        entrances.add(fact.entrance)
        observers.add(fact.observed_by)
        moments.append(fact.observed_at)
    if not source:
        return EMPTY
    entrances.discard(None)
    observers.discard(None)
    first, last = min(moments), max(moments)
    sources = len(set(source.values()))
    parent: dict[tuple[bool, str], tuple[bool, str]] = {}

    def root(item: tuple[bool, str]) -> tuple[bool, str]:
        while parent.get(item, item) != item:
            item = parent[item]
        return item

    for a, b in duplicates:
        if a in source and b in source:
            ra, rb = root(source[a]), root(source[b])
            if ra != rb:
                parent[rb] = ra
                sources -= 1
    return Corroboration(len(source), sources, len(entrances), len(observers), first, last)


def split(
    signals: Iterable[Facts],
    duplicates: Iterable[tuple[str, str]],
    contradicting: Collection[str],
) -> tuple[Corroboration, Corroboration]:
    """(the rest, the contradicting ones): a signal in ``contradicting`` is counted only in the
    second tally, so a contradiction never adds to what it contradicts."""
    pairs = list(duplicates)
    against = set(contradicting)
    if not against:  # the common case: no list copies of a board's thousands
        return corroboration(signals, pairs), EMPTY
    main: list[Facts] = []
    other: list[Facts] = []
    for f in signals:
        (other if f.id in against else main).append(f)
    return corroboration(main, pairs), corroboration(other, pairs)
