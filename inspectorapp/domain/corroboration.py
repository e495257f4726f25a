"""Corroboration: how many signals, from how many independent sources, entrances and observers.

Shown next to the signals, never folded into a score: an inspector weighs it (seed-003 §8).
Ten signals that all go back to one complaint are one source; a source is known by its
``source_key`` (a complaint-desk case number, a report reference) or by a ``dubbel_van`` link.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime


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


class _Sources:
    """Union-find over signal ids: signals that share a source end up with one root."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def add(self, item: str) -> None:
        self._parent.setdefault(item, item)

    def root(self, item: str) -> str:
        parent = self._parent
        top = item
        while parent[top] != top:
            top = parent[top]
        while parent[item] != top:  # path compression keeps long dubbel_van chains cheap
            parent[item], item = top, parent[item]
        return top

    def join(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self._parent[rb] = ra


def _key(source_key: str | None) -> str | None:
    if source_key is None:
        return None
    key = source_key.strip().casefold()
    return key or None


def corroboration(
    signals: Iterable[SignalFacts], duplicates: Iterable[tuple[str, str]] = ()
) -> Corroboration:
    """Count ``signals``. ``duplicates`` are ``dubbel_van`` pairs of signal ids; pairs with a
    signal outside ``signals`` are ignored (they must not pull an outside signal in)."""
    facts = list(signals)
    if not facts:
        return EMPTY
    sources = _Sources()
    by_key: dict[str, str] = {}
    for fact in facts:
        sources.add(fact.id)
        key = _key(fact.source_key)
        if key is not None:
            first_with_key = by_key.setdefault(key, fact.id)
            sources.join(first_with_key, fact.id)
    ids = {fact.id for fact in facts}
    for a, b in duplicates:
        if a in ids and b in ids:
            sources.join(a, b)
    moments = [fact.observed_at for fact in facts]
    return Corroboration(
        signals=len(ids),
        sources=len({sources.root(i) for i in ids}),
        entrances=len({f.entrance for f in facts if f.entrance is not None}),
        observers=len({f.observed_by for f in facts if f.observed_by is not None}),
        first=min(moments),
        last=max(moments),
    )


def split(
    signals: Iterable[SignalFacts],
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
