"""What the overleg screens show: an overleg with its agenda, the subjects overdue for a
periodic review, and drafts the deliberation service validates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .enums import DeliberationKind
from .subject_ref import SubjectRef

# A subject with open work is due for a periodic review (APK) once a year.
REVIEW_INTERVAL_DAYS = 365


@dataclass(frozen=True, slots=True)
class OverdueSubject:
    """An organisation or network with open work and no periodic review within the interval."""

    subject: SubjectRef
    name: str
    last_periodic: date | None  # None: never had one
    open_concerns: int
    active_trajectories: int
    open_signals: int


@dataclass(frozen=True, slots=True)
class AgendaEntry:
    """One organisation or network on an overleg's agenda, in agenda order."""

    item_id: str
    subject: SubjectRef
    name: str
    position: int


@dataclass(frozen=True, slots=True)
class DeliberationSummary:
    """A line of the list of overleggen."""

    id: str
    kind: DeliberationKind
    held_on: date
    title: str
    subjects: int


@dataclass(frozen=True, slots=True)
class DeliberationView:
    id: str
    kind: DeliberationKind
    held_on: date
    title: str
    participants: tuple[str, ...]
    chair: str | None
    notes: str
    agenda: tuple[AgendaEntry, ...]


@dataclass(frozen=True, slots=True)
class DeliberationDraft:
    """What the overleg dialog sends; ``agenda`` in the order wanted."""

    kind: DeliberationKind
    held_on: date | None
    title: str = ""
    participants: tuple[str, ...] = ()
    chair: str | None = None
    notes: str = ""
    agenda: tuple[SubjectRef, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class SubjectOption:
    """An organisation or network that can be put on an agenda."""

    subject: SubjectRef
    name: str
