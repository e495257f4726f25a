"""Frozen views of sense-making: status histories, a concern as competing hypotheses with its
evidence matrix, and what is due for review. They cross threads; ORM objects never do.

The matrix is the inspector's reasoning made visible (Heuer's Analysis of Competing
Hypotheses), not a verdict: it marks which signals discriminate between hypotheses and counts
the evidence against each, and it never adds anything up into a score.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .corroboration import Corroboration
from .decision_views import DecisionNote
from .enums import ConcernRating, ConcernSignalRole, SignalKind, Valence

# Ratings that say something about a hypothesis; nvt (not applicable) and unrated do not.
TELLING = frozenset({ConcernRating.CONSISTENT, ConcernRating.INCONSISTENT, ConcernRating.NEUTRAL})


@dataclass(frozen=True, slots=True)
class StatusChangeRow:
    """One step of a signal's or concern's status history. ``review_by`` only for signals."""

    id: str
    from_status: str
    to_status: str
    rationale: str
    changed_by: str | None
    changed_at: datetime
    review_by: date | None = None
    decision: DecisionNote | None = None  # the decision that made the change (issue #15)


@dataclass(frozen=True, slots=True)
class ConcernSignalRow:
    """A signal attached to a concern: one row of the matrix."""

    link_id: str  # the concern_signal row
    signal_id: str
    role: ConcernSignalRole
    text: str  # the observation, shortened
    kind: SignalKind
    valence: Valence
    status: str  # taxonomy signal_status
    observed_at: datetime
    observed_by: str | None
    entrance: str | None
    source_key: str | None


@dataclass(frozen=True, slots=True)
class HypothesisColumn:
    id: str
    position: int  # 0: the concern's own statement
    statement: str
    inconsistent_count: int  # the least contradicted hypothesis matters most (Heuer)


@dataclass(frozen=True, slots=True)
class MatrixRow:
    signal_id: str
    cells: tuple[ConcernRating | None, ...]  # one per hypothesis column, in column order
    diagnostic: bool  # rated differently across hypotheses (nvt and unrated ignored)


@dataclass(frozen=True, slots=True)
class ConcernView:
    id: str
    organisation_id: str | None
    network_id: str | None
    unit_id: str | None
    subject_name: str  # the organisation's or network's name
    title: str  # the statement
    hypothesis: str | None  # the longer statement
    alternatives: str | None
    open_questions: str | None
    next_step: str | None
    next_step_owner: str | None
    next_step_due: date | None
    status: str  # taxonomy concern_status
    owner: str | None
    opened_on: date
    closed_on: date | None
    closing_rationale: str | None
    next_review_on: date | None
    signals: tuple[ConcernSignalRow, ...]  # supporting, contradicting, context; oldest first
    hypotheses: tuple[HypothesisColumn, ...]
    matrix: tuple[MatrixRow, ...]  # one per signal, in the order of ``signals``
    history: tuple[StatusChangeRow, ...]  # newest first
    supporting: Corroboration  # the supporting signals (context signals are in neither count)
    contradicting: Corroboration  # counted apart: a contradiction never adds to what it contradicts

    def rating(self, signal_id: str, hypothesis_id: str) -> ConcernRating | None:
        for row in self.matrix:
            if row.signal_id == signal_id:
                for col, cell in zip(self.hypotheses, row.cells, strict=True):
                    if col.id == hypothesis_id:
                        return cell
        return None


@dataclass(frozen=True, slots=True)
class ConcernSummary:
    id: str
    title: str
    status: str
    is_open: bool
    organisation_id: str | None
    network_id: str | None
    subject_name: str  # whose concern: a network's list also holds its members' concerns
    owner: str | None
    opened_on: date
    next_review_on: date | None
    next_step_due: date | None
    signal_count: int


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """A signal or concern whose review-by date (or next step) has come."""

    entity: str  # "signal" or "concern" (the table name)
    id: str
    title: str
    organisation_id: str | None
    network_id: str | None
    subject_name: str
    status: str
    due: str  # what is due: "review_by", "next_review_on" or "next_step_due" (the field name)
    due_since: date


def diagnostic(cells: tuple[ConcernRating | None, ...]) -> bool:
    """A signal tells something about the hypotheses only when it rates them differently;
    one consistent with every hypothesis discriminates nothing."""
    return len({c for c in cells if c in TELLING}) >= 2
