"""Sense-making records: the status history of signals and concerns, a concern's competing
hypotheses and its evidence matrix, and the resurfacing suggestions an inspector dismissed."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspectorapp.domain import limits
from inspectorapp.domain.enums import ConcernRating

from .base import Base, Synced, code_column, enum_column, length_check


class SignalStatusChange(Synced, Base):
    """One change of a signal's status (taxonomy signal_status) with its rationale."""

    __tablename__ = "signal_status_change"
    __table_args__ = (length_check("rationale", limits.SHORT_TEXT),)

    signal_id: Mapped[str] = mapped_column(ForeignKey("signal.id"), index=True)
    from_status: Mapped[str] = code_column("signal_status")
    to_status: Mapped[str] = code_column("signal_status")
    rationale: Mapped[str] = mapped_column(Text)
    review_by: Mapped[date | None] = mapped_column(default=None)
    changed_by: Mapped[str | None] = mapped_column(String(limits.NAME))
    changed_at: Mapped[datetime]
    decision_id: Mapped[str | None] = mapped_column(ForeignKey("decision.id"))  # taken in an overleg


class ConcernStatusChange(Synced, Base):
    """One change of a concern's status (taxonomy concern_status) with its rationale."""

    __tablename__ = "concern_status_change"
    __table_args__ = (length_check("rationale", limits.SHORT_TEXT),)

    concern_id: Mapped[str] = mapped_column(ForeignKey("concern.id"), index=True)
    from_status: Mapped[str] = code_column("concern_status")
    to_status: Mapped[str] = code_column("concern_status")
    rationale: Mapped[str] = mapped_column(Text)
    changed_by: Mapped[str | None] = mapped_column(String(limits.NAME))
    changed_at: Mapped[datetime]
    decision_id: Mapped[str | None] = mapped_column(ForeignKey("decision.id"))  # taken in an overleg


class ConcernHypothesis(Synced, Base):
    """A competing explanation: one column of the evidence matrix. Position 0 is the concern's
    own statement. No unique position: two laptops may add one at the same place."""

    __tablename__ = "concern_hypothesis"
    __table_args__ = (length_check("statement", limits.LONG_TEXT),)

    concern_id: Mapped[str] = mapped_column(ForeignKey("concern.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    statement: Mapped[str] = mapped_column(Text)


class EvidenceRating(Synced, Base):
    """One cell of the evidence matrix. Its id derives from (hypothesis, signal), so the same
    cell rated on two laptops is one record that merges instead of clashing on the key."""

    __tablename__ = "concern_rating"
    __table_args__ = (UniqueConstraint("hypothesis_id", "signal_id"),)

    hypothesis_id: Mapped[str] = mapped_column(ForeignKey("concern_hypothesis.id"), index=True)
    signal_id: Mapped[str] = mapped_column(ForeignKey("signal.id"), index=True)
    rating: Mapped[ConcernRating] = mapped_column(enum_column(ConcernRating, "concern_rating"))


class SuggestionDismissal(Synced, Base):
    """A resurfacing suggestion (an earlier signal for this organisation) set aside by a user."""

    __tablename__ = "suggestion_dismissal"
    __table_args__ = (UniqueConstraint("organisation_id", "signal_id", "dismissed_by"),)

    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisation.id"), index=True)
    signal_id: Mapped[str] = mapped_column(ForeignKey("signal.id"), index=True)
    dismissed_by: Mapped[str | None] = mapped_column(String(limits.NAME))
