"""The agenda pack of one organisation or network for one overleg (issue #15): what the team
looks at before deciding. Codes are carried with their labels so the PDF renders without the
store. Restricted and reporter-confidential signals are never in it; ``left_out`` counts them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .enums import ConcernRating, ConcernSignalRole, DeliberationKind, SignalKind, SignalLinkType, Valence
from .snapshots import Label
from .subject_ref import SubjectRef


@dataclass(frozen=True, slots=True)
class PackSignal:
    id: str
    recorded_on: date  # what "new since the last review" looks at (docs/decisions)
    observed_on: date
    kind: SignalKind
    valence: Valence
    status: Label
    text: str
    member: str | None  # a network's pack: the member organisation it is about


@dataclass(frozen=True, slots=True)
class PackMatrixRow:
    signal_id: str
    text: str
    role: ConcernSignalRole
    cells: tuple[ConcernRating | None, ...]  # one per hypothesis, in order


@dataclass(frozen=True, slots=True)
class PackConcern:
    id: str
    title: str
    status: Label
    owner: str | None
    opened_on: date
    next_review_on: date | None
    hypotheses: tuple[str, ...]  # the matrix's columns; the first is the concern's own statement
    rows: tuple[PackMatrixRow, ...]


@dataclass(frozen=True, slots=True)
class PackPair:
    """Two signals linked as contradicting or incongruent (what is said vs what is seen)."""

    link_type: SignalLinkType
    first: str
    second: str
    note: str | None


@dataclass(frozen=True, slots=True)
class PackDue:
    """A signal or concern past its review-by date (or a concern's next step) on the day."""

    entity: str  # "signal" or "concern"
    id: str
    title: str
    due: str  # "review_by", "next_review_on" or "next_step_due"
    due_since: date


@dataclass(frozen=True, slots=True)
class PackIntervention:
    id: str
    action: Label
    planned_on: date | None
    late: bool  # planned before the overleg and not done
    text: str


@dataclass(frozen=True, slots=True)
class PackReport:
    """A trajectory report due and not received."""

    duty: str
    due_on: date
    late: bool


@dataclass(frozen=True, slots=True)
class PackDecision:
    """A decision taken in this overleg about the subject."""

    id: str
    action: Label | None  # None: come back to it on ``return_on``
    return_on: date | None
    rationale: str
    decided_by: str | None
    decided_on: date


@dataclass(frozen=True, slots=True)
class AgendaPack:
    deliberation_id: str
    deliberation_kind: DeliberationKind
    deliberation_title: str
    held_on: date
    subject: SubjectRef
    name: str
    since: date | None  # the last review before this overleg; None: never reviewed
    new_signals: tuple[PackSignal, ...]
    concerns: tuple[PackConcern, ...]
    pairs: tuple[PackPair, ...]
    overdue: tuple[PackDue, ...]
    interventions: tuple[PackIntervention, ...]
    reports: tuple[PackReport, ...]
    decisions: tuple[PackDecision, ...]
    left_out: int  # restricted and reporter-confidential signals the pack does not show
