"""Change-sets: what a service call changed, so views refresh only that."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class ChangeSet:
    """Entity name -> ids touched. ``everything`` after bulk loads (demo data, sync)."""

    entities: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    everything: bool = False

    @staticmethod
    def of(**entities: Iterable[str]) -> ChangeSet:
        return ChangeSet(MappingProxyType({k: frozenset(v) for k, v in entities.items()}))

    @staticmethod
    def of_keys(keys: Iterable[tuple[str, str]]) -> ChangeSet:
        """From ``(table, id)`` pairs (what a sync run received): entity names are table names."""
        by_table: dict[str, set[str]] = {}
        for tbl, record_id in keys:
            by_table.setdefault(tbl, set()).add(record_id)
        return ChangeSet.of(**by_table)

    @staticmethod
    def all() -> ChangeSet:
        return ChangeSet(everything=True)

    def touches(self, entity: str) -> bool:
        return self.everything or entity in self.entities

    def __bool__(self) -> bool:
        return self.everything or any(self.entities.values())

    def __or__(self, other: ChangeSet) -> ChangeSet:
        if self.everything or other.everything:
            return ChangeSet.all()
        merged = {k: set(v) for k, v in self.entities.items()}
        for k, v in other.entities.items():
            merged.setdefault(k, set()).update(v)
        return ChangeSet(MappingProxyType({k: frozenset(v) for k, v in merged.items()}))
