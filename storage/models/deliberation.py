"""Deliberation (overleg), the decisions a team takes there, supervision trajectories with
their reporting duties, and who holds the account of an organisation or network.

All are shared records of the team's memory (no inspection scope), except a decision's
link to a signal, which follows the signal's scope."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspectorapp.domain import limits
from inspectorapp.domain.enums import DeliberationKind, ReportFrequency, TrajectoryKind

from .base import Base, Synced, code_column, enum_column, length_check

_HAS_SUBJECT = "organisation_id IS NOT NULL OR network_id IS NOT NULL"


class Deliberation(Synced, Base):
    """An overleg: MDO, periodic review (APK), LMO, team meeting or peer consultation."""

    __tablename__ = "deliberation"
    __table_args__ = (length_check("title", limits.NAME), length_check("participants", limits.SHORT_TEXT))

    kind: Mapped[DeliberationKind] = mapped_column(enum_column(DeliberationKind, "deliberation_kind"))
    held_on: Mapped[date] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(String(limits.NAME), default="")
    participants: Mapped[str] = mapped_column(Text, default="")  # one name or role per line
    chair: Mapped[str | None] = mapped_column(String(limits.NAME))
    notes: Mapped[str] = mapped_column(Text, default="")


class DeliberationItem(Synced, Base):
    """An organisation or network on an overleg's agenda."""

    __tablename__ = "deliberation_item"
    __table_args__ = (CheckConstraint(_HAS_SUBJECT, name="has_subject"),)

    deliberation_id: Mapped[str] = mapped_column(ForeignKey("deliberation.id"), index=True)
    organisation_id: Mapped[str | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    network_id: Mapped[str | None] = mapped_column(ForeignKey("network.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Decision(Synced, Base):
    """What a team decided about an organisation or network, and why. ``action_type`` is a
    framework code (GEEN_ACTIE included); without one the decision is to come back to it
    on ``return_on``. The rationale is mandatory (services/decisions.py)."""

    __tablename__ = "decision"
    __table_args__ = (
        CheckConstraint(_HAS_SUBJECT, name="has_subject"),
        CheckConstraint("action_type IS NOT NULL OR return_on IS NOT NULL", name="has_type"),
        length_check("rationale", limits.LONG_TEXT),
    )

    deliberation_id: Mapped[str | None] = mapped_column(ForeignKey("deliberation.id"), index=True)
    organisation_id: Mapped[str | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    network_id: Mapped[str | None] = mapped_column(ForeignKey("network.id"), index=True)
    action_type: Mapped[str | None] = code_column("action_type")
    return_on: Mapped[date | None] = mapped_column(default=None)
    rationale: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(limits.NAME))
    decided_on: Mapped[date]


class DecisionSubject(Synced, Base):
    """A signal or concern a decision is about."""

    __tablename__ = "decision_subject"
    __table_args__ = (
        CheckConstraint("signal_id IS NOT NULL OR concern_id IS NOT NULL", name="has_subject"),
    )

    decision_id: Mapped[str] = mapped_column(ForeignKey("decision.id"), index=True)
    signal_id: Mapped[str | None] = mapped_column(ForeignKey("signal.id"), index=True)
    concern_id: Mapped[str | None] = mapped_column(ForeignKey("concern.id"), index=True)


class Trajectory(Synced, Base):
    """Geïntensiveerd or verscherpt toezicht on an organisation or network: a period with
    conditions ("scherpe afspraken"), reporting duties, and whether the board knows."""

    __tablename__ = "trajectory"
    __table_args__ = (
        CheckConstraint(_HAS_SUBJECT, name="has_subject"),
        length_check("rationale", limits.LONG_TEXT),
    )

    organisation_id: Mapped[str | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    network_id: Mapped[str | None] = mapped_column(ForeignKey("network.id"), index=True)
    kind: Mapped[TrajectoryKind] = mapped_column(enum_column(TrajectoryKind, "trajectory_kind"))
    started_on: Mapped[date]
    ended_on: Mapped[date | None] = mapped_column(default=None)
    rationale: Mapped[str] = mapped_column(Text)
    end_rationale: Mapped[str | None] = mapped_column(Text)
    conditions: Mapped[str] = mapped_column(Text, default="")  # one condition per line
    board_informed: Mapped[bool] = mapped_column(Boolean, default=False)
    board_informed_on: Mapped[date | None] = mapped_column(default=None)
    owner: Mapped[str | None] = mapped_column(String(limits.NAME))
    decision_id: Mapped[str | None] = mapped_column(ForeignKey("decision.id"))  # the decision to start


class ReportingDuty(Synced, Base):
    """What the organisation must report during a trajectory, how often, from when."""

    __tablename__ = "reporting_duty"
    __table_args__ = (length_check("subject", limits.SHORT_TEXT),)

    trajectory_id: Mapped[str] = mapped_column(ForeignKey("trajectory.id"), index=True)
    subject: Mapped[str] = mapped_column(Text)
    frequency: Mapped[ReportFrequency] = mapped_column(enum_column(ReportFrequency, "report_frequency"))
    first_due_on: Mapped[date]


class TrajectoryReport(Synced, Base):
    """A report received under a duty, for one of its due dates."""

    __tablename__ = "trajectory_report"

    duty_id: Mapped[str] = mapped_column(ForeignKey("reporting_duty.id"), index=True)
    due_on: Mapped[date]
    received_on: Mapped[date]
    summary: Mapped[str] = mapped_column(Text, default="")
    signal_id: Mapped[str | None] = mapped_column(ForeignKey("signal.id"))  # captured from it


class AccountHolder(Synced, Base):
    """Who holds the account of an organisation or network from a date: appended, never
    overwritten, so every change of account holder stays on record."""

    __tablename__ = "account_holder"
    __table_args__ = (
        CheckConstraint(_HAS_SUBJECT, name="has_subject"),
        length_check("holder", limits.NAME),
    )

    organisation_id: Mapped[str | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    network_id: Mapped[str | None] = mapped_column(ForeignKey("network.id"), index=True)
    holder: Mapped[str] = mapped_column(String(limits.NAME))
    since: Mapped[date]
    reason: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(limits.NAME))
