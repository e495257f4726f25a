"""Supervision trajectories as the screens and the other services read them, and the drafts
the forms send (services/trajectories.py checks every field)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .enums import ReportFrequency, TrajectoryKind
from .trajectory_schedule import Slot


@dataclass(frozen=True, slots=True)
class TrajectoryDraft:
    kind: TrajectoryKind | None = None
    started_on: date | None = None
    rationale: str | None = None
    ended_on: date | None = None
    end_rationale: str | None = None
    conditions: str = ""  # one per line
    owner: str | None = None
    board_informed: bool = False
    board_informed_on: date | None = None


@dataclass(frozen=True, slots=True)
class DutyDraft:
    subject: str | None = None
    frequency: ReportFrequency | None = None
    first_due_on: date | None = None


@dataclass(frozen=True, slots=True)
class ReportDraft:
    due_on: date | None = None
    received_on: date | None = None
    summary: str = ""
    signal_id: str | None = None


@dataclass(frozen=True, slots=True)
class ReportView:
    id: str
    due_on: date
    received_on: date
    summary: str
    signal_id: str | None


@dataclass(frozen=True, slots=True)
class DutyView:
    id: str
    trajectory_id: str
    subject: str
    frequency: ReportFrequency
    first_due_on: date
    slots: tuple[Slot, ...]  # up to the trajectory's end, or a horizon past today
    reports: tuple[ReportView, ...]

    def report(self, report_id: str | None) -> ReportView | None:
        return next((r for r in self.reports if r.id == report_id), None)


@dataclass(frozen=True, slots=True)
class TrajectoryView:
    id: str
    organisation_id: str | None
    network_id: str | None
    kind: TrajectoryKind
    started_on: date
    ended_on: date | None
    rationale: str
    end_rationale: str | None
    conditions: tuple[str, ...]
    owner: str | None
    board_informed: bool
    board_informed_on: date | None
    decision_id: str | None
    active: bool
    duties: tuple[DutyView, ...]

    def draft(self) -> TrajectoryDraft:
        """What the edit form starts from."""
        return TrajectoryDraft(
            self.kind,
            self.started_on,
            self.rationale,
            self.ended_on,
            self.end_rationale,
            "\n".join(self.conditions),
            self.owner,
            self.board_informed,
            self.board_informed_on,
        )


@dataclass(frozen=True, slots=True)
class DueReport:
    """A report due under a duty and not received (``due_reports``)."""

    trajectory_id: str
    kind: TrajectoryKind
    duty_id: str
    duty_subject: str
    due_on: date
    late: bool
    organisation_id: str | None
    network_id: str | None


@dataclass(frozen=True, slots=True)
class BoardNotInformed:
    """A trajectory whose board has not been informed, since its start."""

    trajectory_id: str
    kind: TrajectoryKind
    since: date
    months: int
    days: int


@dataclass(frozen=True, slots=True)
class TrajectoryWarnings:
    board: tuple[BoardNotInformed, ...] = ()
    late: tuple[DueReport, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.board or self.late)
