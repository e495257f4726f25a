"""What the decision log, the decision dialog and the status histories show of a decision,
and the draft a form hands ``services/decisions.py`` (issue #15)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from .snapshots import Label
from .subject_ref import SubjectRef

# Searched as the type of a decision to come back to it (both interface languages).
RETURN_WORDS = ("terugkomen op", "come back on")


class DecisionItemKind(StrEnum):
    SIGNAL = "signal"
    CONCERN = "concern"


@dataclass(frozen=True, slots=True)
class DecisionItem:
    """A signal or concern a decision is about; with ``to_status`` the decision changes its
    status (``review_on``: the signal's review-by or the concern's next review, for
    BLIJFT_ZACHT)."""

    kind: DecisionItemKind
    id: str
    to_status: str | None = None
    review_on: date | None = None


@dataclass(frozen=True, slots=True)
class DecisionDraft:
    """A decision for ``decisions.record_decision`` / ``edit_decision``. The type is either
    ``action_type`` (a framework code, GEEN_ACTIE included) or, without one, ``return_on``:
    come back to it on that day. ``decided_by`` defaults to the acting user, ``decided_on``
    to today. On an edit ``subject`` may stay None (a decision keeps its subject)."""

    subject: SubjectRef | None = None
    action_type: str | None = None
    return_on: date | None = None
    rationale: str | None = None
    decided_by: str | None = None
    decided_on: date | None = None
    deliberation_id: str | None = None
    items: tuple[DecisionItem, ...] = ()


@dataclass(frozen=True, slots=True)
class DecisionNote:
    """How a status history names the decision that made a change."""

    id: str
    decided_on: date
    deliberation_kind: str | None
    deliberation_title: str | None


@dataclass(frozen=True, slots=True)
class AboutItem:
    """A signal or concern as the log and the dialog list it."""

    kind: DecisionItemKind
    id: str
    title: str
    status: str


@dataclass(frozen=True, slots=True)
class StatusStep:
    """A status change a decision made."""

    kind: DecisionItemKind
    item_id: str
    title: str
    from_status: str
    to_status: str


@dataclass(frozen=True, slots=True)
class ActionChoice:
    """A framework action type with its rung on the escalation ladder."""

    label: Label
    rung: str | None

    @property
    def code(self) -> str:
        return self.label.code


@dataclass(frozen=True, slots=True)
class DecisionRow:
    id: str
    subject: SubjectRef
    action_type: str | None
    return_on: date | None
    rationale: str
    decided_by: str | None
    decided_on: date
    deliberation_id: str | None
    deliberation_kind: str | None
    deliberation_title: str | None
    about: tuple[AboutItem, ...]
    steps: tuple[StatusStep, ...]
    created_at: datetime

    def draft(self) -> DecisionDraft:
        """What an editor starts from, and its base when it saves."""
        return DecisionDraft(
            subject=self.subject,
            action_type=self.action_type,
            return_on=self.return_on,
            rationale=self.rationale,
            decided_by=self.decided_by,
            decided_on=self.decided_on,
            deliberation_id=self.deliberation_id,
            items=tuple(DecisionItem(a.kind, a.id) for a in self.about),
        )


@dataclass(frozen=True, slots=True)
class DecisionLog:
    """An organisation's or network's decisions, newest first, with the labels to show them."""

    rows: tuple[DecisionRow, ...]
    actions: tuple[ActionChoice, ...]
    signal_statuses: tuple[Label, ...]
    concern_statuses: tuple[Label, ...]


@dataclass(frozen=True, slots=True)
class DecisionFormOptions:
    """What the decision dialog offers: the action types by ladder rung, the subject's
    signals and concerns, the statuses, and the decision being edited (or None)."""

    actions: tuple[ActionChoice, ...]
    signals: tuple[AboutItem, ...]
    concerns: tuple[AboutItem, ...]
    signal_statuses: tuple[Label, ...]
    concern_statuses: tuple[Label, ...]
    deliberation_title: str | None
    current: DecisionRow | None


def type_words(row: DecisionRow, actions: tuple[ActionChoice, ...]) -> tuple[str, ...]:
    """The type of a decision as it is searched: the action's label in both languages and
    its code, or the words of coming back to it."""
    if row.action_type is None:
        return RETURN_WORDS
    label = next((a.label for a in actions if a.code == row.action_type), None)
    return (row.action_type,) if label is None else (row.action_type, label.nl, label.en)


def matches(row: DecisionRow, query: str, actions: tuple[ActionChoice, ...]) -> bool:
    """Every word of the query occurs in the rationale, the type, who took it or the
    overleg's title (case-insensitive)."""
    words = query.casefold().split()
    if not words:
        return True
    hay = " ".join(
        (
            row.rationale,
            *type_words(row, actions),
            row.decided_by or "",
            row.deliberation_title or "",
            row.deliberation_kind or "",
        )
    ).casefold()
    return all(w in hay for w in words)
