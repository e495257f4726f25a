"""Frozen views of stored data. They cross threads; ORM objects never do."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Generic, TypeVar

from .changes import ChangeSet

T = TypeVar("T")


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """What every service action returns: a snapshot and what it changed."""

    value: T
    changes: ChangeSet


@dataclass(frozen=True)
class ActionContext:
    """Who acts, from which device. Goes into the audit log."""

    actor: str
    device_id: str


@dataclass(frozen=True)
class Label:
    code: str
    nl: str
    en: str

    def text(self, language: str) -> str:
        return self.en if language == "en" else self.nl


@dataclass(frozen=True)
class FrameworkSummary:
    id: str
    key: str
    version: str
    title_nl: str
    title_en: str
    published_on: date
    item_count: int


@dataclass(frozen=True)
class InspectionRow:
    id: str
    title: str
    subjects: tuple[str, ...]
    inspection_type: str
    status: str
    declared_role: str
    next_visit: date | None
    last_visit: date | None
    signal_count: int
    framework: str


@dataclass(frozen=True)
class OrganisationRow:
    id: str
    name: str
    org_type: str | None
    sector: str | None
    region: str | None


@dataclass(frozen=True)
class SignalSnapshot:
    id: str
    organisation_id: str
    kind: str
    valence: str
    observation: str
    status: str
    observed_at: datetime
    categories: tuple[str, ...]


@dataclass(frozen=True)
class NoteSnapshot:
    id: str
    conversation_id: str
    position: int
    occurred_at: datetime
    kind: str
    text: str
    updated_at: datetime


@dataclass(frozen=True)
class SearchHit:
    source: str  # note | signal | event | observation
    ref_id: str
    text: str
    inspection_id: str | None
    organisation_id: str | None
    at: datetime | None
    score: float
