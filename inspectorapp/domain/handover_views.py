"""Frozen views of account holders and of the handover dossier (overdrachtsdossier).

The dossier is read for one reader: what it holds is what that reader may see, and what it
leaves out is only counted, never described (a count says "there is more, ask"; a title or a
date could already say too much).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .enums import ReflectionMoment, SignalKind, TrajectoryKind, Valence
from .sense_views import ConcernView
from .snapshots import Label
from .subject_ref import SubjectRef
from .timeline import TimelineData


@dataclass(frozen=True, slots=True)
class AccountHolderRow:
    """One recorded account holder of an organisation or network, from ``since``."""

    id: str
    holder: str
    since: date
    reason: str | None
    recorded_by: str | None
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class Reader:
    """Who the dossier is for. ``laptop_user``: the user this laptop holds data for (the office
    only sends a laptop what its user may read), so an inspection that links no account to its
    team is theirs; a named successor only reads inspections whose team names them."""

    name: str
    laptop_user: bool = True


@dataclass(frozen=True, slots=True)
class ClosedConcern:
    """A concern no longer open: what it was and why it was closed, without its matrix."""

    id: str
    title: str
    status: Label
    opened_on: date
    closed_on: date | None
    closing_rationale: str | None


@dataclass(frozen=True, slots=True)
class DossierSignal:
    id: str
    observed_on: date
    text: str
    kind: SignalKind
    valence: Valence
    status: Label
    interpretation: str | None
    review_by: date | None
    member: str | None  # the member organisation, on a network's dossier


@dataclass(frozen=True, slots=True)
class SignalGroup:
    """Live signals that share a status: the soft ones that stayed soft apart from new ones."""

    status: Label
    signals: tuple[DossierSignal, ...]


@dataclass(frozen=True, slots=True)
class DossierDecision:
    id: str
    decided_on: date
    action: Label | None  # None: come back to it on ``return_on``
    return_on: date | None
    rationale: str
    decided_by: str | None
    deliberation: str | None  # the overleg's title
    about: tuple[str, ...]  # the signals and concerns it is about, as the log names them


@dataclass(frozen=True, slots=True)
class DossierTrajectory:
    id: str
    kind: TrajectoryKind
    started_on: date
    ended_on: date | None
    active: bool  # not ended: no end, or its last day is today or later (``ended_before``)
    rationale: str
    end_rationale: str | None
    conditions: tuple[str, ...]
    board_informed: bool
    board_informed_on: date | None
    owner: str | None


@dataclass(frozen=True, slots=True)
class DossierContact:
    """A key contact by role; ``name`` is None when the person's name is not for this dossier."""

    role: Label
    function_title: str | None
    name: str | None


@dataclass(frozen=True, slots=True)
class DossierReflection:
    id: str
    written_at: datetime
    moment: ReflectionMoment
    author: str | None
    text: str
    inspection_title: str


@dataclass(frozen=True, slots=True)
class Dossier:
    subject: SubjectRef
    title: str
    reader: str
    today: date
    holder: AccountHolderRow | None
    holders: tuple[AccountHolderRow, ...]  # newest first
    concerns: tuple[ConcernView, ...]  # open ones, with their evidence
    closed_concerns: tuple[ClosedConcern, ...]
    signals: tuple[SignalGroup, ...]
    timeline: TimelineData
    decisions: tuple[DossierDecision, ...]  # newest first
    trajectories: tuple[DossierTrajectory, ...]  # active first, then ended, newest first
    contacts: tuple[DossierContact, ...]
    reflections: tuple[DossierReflection, ...]  # newest first
    concern_statuses: dict[str, Label]  # the labels of the open concerns' status codes
    left_out: int  # restricted, reporter-confidential, or of an inspection the reader is not in

    @property
    def signal_count(self) -> int:
        return sum(len(g.signals) for g in self.signals)
