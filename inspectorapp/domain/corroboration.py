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


def _key(source_key: str | None) -> str | None:
    if source_key is None:
        return None
    key = source_key.strip().casefold()
    return key or None


def corroboration(signals: Iterable[Facts], duplicates: Iterable[tuple[str, str]] = ()) -> Corroboration:
    """Count ``signals``. ``duplicates`` are ``dubbel_van`` pairs of signal ids; pairs with a
    signal outside ``signals`` are ignored (they must not pull an outside signal in)."""
    # Each signal's source: its key, or itself. A board holds thousands of signals and only
    # a few dubbel_van links, so union-find runs over the sources those links touch only.
    source: dict[str, tuple[bool, str]] = {}
    entrances: set[str] = set()
    observers: set[str] = set()
    first: datetime | None = None
    last: datetime | None = None
    for fact in signals:
        key = _key(fact.source_key)
        source[fact.id] = (True, key) if key is not None else (False, fact.id)
        if fact.entrance is not None:
            entrances.add(fact.entrance)
        if fact.observed_by is not None:
            observers.add(fact.observed_by)
        moment = fact.observed_at
        if first is None or moment < first:
            first = moment
        if last is None or moment > last:
            last = moment
    if not source:
        return EMPTY
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
    facts = list(signals)
    pairs = list(duplicates)
    against = set(contradicting)
    main = [f for f in facts if f.id not in against]
    other = [f for f in facts if f.id in against]
    return corroboration(main, pairs), corroboration(other, pairs)
