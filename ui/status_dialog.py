"""Changing the status of a signal or a concern: always with a rationale ("Motivering"), kept as
history. Staying soft needs a date to look again; a signal is made hard by hand only when the
data say why (a "maakt hard" link or a finding that converted it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.framework_codes import ConcernStatusCode, SignalStatusCode
from inspectorapp.domain.sense_views import StatusChangeRow
from inspectorapp.domain.snapshots import Label, OpResult

from . import ops
from .decision_text import decision_prefix
from .dialogs import fit_to_screen
from .labels import code_text
from .messages import message_for

if TYPE_CHECKING:
    from inspectorapp.workspace import DbSession, Workspace

# A concern closed this way keeps the rationale as its closing rationale.
CLOSING = (ConcernStatusCode.CLOSED, ConcernStatusCode.NOT_SUBSTANTIATED)
REVIEW_AFTER_DAYS = 90  # the date offered for a new review (the inspector changes it)


class StatusOf(StrEnum):
    """Whose status: the taxonomy's name is the entity's (``signal_status``, ``concern_status``)."""

    SIGNAL = "signal"
    CONCERN = "concern"


@dataclass(frozen=True, slots=True)
class StatusOptions:
    labels: tuple[Label, ...]  # the framework's codes, in framework order
    current: str
    can_harden: bool  # signals only; concerns True
    history: tuple[StatusChangeRow, ...]  # newest first
    review_on: date | None  # the signal's review_by or the concern's next_review_on


def load_status(session: DbSession, of: StatusOf, entity_id: str) -> StatusOptions:
    """What the dialog and the history lists need, read in one go on the database thread."""
    from inspectorapp.services import concern_views, frameworks, signal_links, signal_status

    labels = tuple(frameworks.labels(session, f"{of.value}_status"))
    if of is StatusOf.SIGNAL:
        history = signal_status.signal_status_history(session, entity_id)
        return StatusOptions(
            labels,
            signal_links.signal_detail(session, entity_id).signal.status,
            signal_status.can_harden(session, entity_id),
            history,
            # the last review date set with a status change (the views carry no review_by)
            next((r.review_by for r in history if r.review_by is not None), None),
        )
    concern = concern_views.concern_view(session, entity_id)
    return StatusOptions(labels, concern.status, True, concern.history, concern.next_review_on)


def status_text(labels: Sequence[Label], code: str) -> str:
    label = next((lb for lb in labels if lb.code == code), None)
    return code_text(label) if label is not None else code


def fill_history(target: QListWidget, rows: Sequence[StatusChangeRow], labels: Sequence[Label]) -> None:
    """Newest first: date, from → to, by whom, and the rationale."""
    target.clear()
    for r in rows:
        line = (
            f"{r.changed_at.astimezone():%d-%m-%Y} {status_text(labels, r.from_status)} → "
            f"{status_text(labels, r.to_status)}"
        )
        if r.changed_by:
            line += f" ({r.changed_by})"
        if r.review_by is not None:
            line += f" · {r.review_by:%d-%m-%Y}"
        if r.decision is not None:  # "Besluit (MDO 12-03-2026): …"
            line += f" · {decision_prefix(r.decision)}"
        target.addItem(f"{line}: {r.rationale}")


class StatusDialog(QDialog):
    """One dialog for both: ``of`` chooses the taxonomy, the service and the rules shown."""

    def __init__(
        self, workspace: Workspace, of: StatusOf, entity_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statusDialog")
        self.workspace = workspace
        self.of = of
        self.entity_id = entity_id
        self.options: StatusOptions | None = None
        self.saved = False
        self.setWindowTitle(
            self.tr("Change the signal's status")
            if of is StatusOf.SIGNAL
            else self.tr("Change the concern's status")
        )
        self.current = QLabel()
        self.status = QComboBox()
        self.status.setObjectName("statusChoice")
        self.status.currentIndexChanged.connect(lambda _i: self._rules())
        self.hard_reason = QLabel(
            self.tr(
                "“Made hard” needs a reason in the data: link a signal that hardens this one, "
                "or convert it into a finding."
            )
        )
        self.hard_reason.setWordWrap(True)
        self.hard_reason.hide()
        self.rationale = QPlainTextEdit()
        self.rationale.setObjectName("statusRationale")
        self.rationale.setTabChangesFocus(True)
        self.rationale.setPlaceholderText(self.tr("Why this status? (required)"))
        self.rationale.setMaximumHeight(110)
        self.review = QDateEdit()
        self.review.setObjectName("statusReview")
        self.review.setCalendarPopup(True)
        self.review.setDisplayFormat("dd-MM-yyyy")
        self.review_label = QLabel(self.tr("Review by") if of is StatusOf.SIGNAL else self.tr("Next review"))
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.history = QListWidget()
        self.history.setObjectName("statusHistory")
        self.history.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Current status"), self.current)
        form.addRow(self.tr("New status"), self.status)
        form.addRow("", self.hard_reason)
        form.addRow(self.tr("Rationale"), self.rationale)
        form.addRow(self.review_label, self.review)
        form.addRow("", self.rule)
        form.addRow(self.tr("History"), self.history)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 620, 560)
        ops.submit(workspace, load_status, of, entity_id, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, options: StatusOptions) -> None:
        self.options = options
        self.current.setText(status_text(options.labels, options.current))
        self.status.blockSignals(True)
        self.status.clear()
        for label in options.labels:
            self.status.addItem(code_text(label), label.code)
        model = self.status.model()
        if not options.can_harden and isinstance(model, QStandardItemModel):
            item = model.item(self.status.findData(SignalStatusCode.HARDENED))
            if item is not None:  # offered, not choosable: the reason is shown beside it
                item.setEnabled(False)
                item.setToolTip(self.hard_reason.text())
        self.hard_reason.setVisible(not options.can_harden)
        others = [
            n
            for n in range(self.status.count())
            if self.status.itemData(n) != options.current
            and (options.can_harden or self.status.itemData(n) != SignalStatusCode.HARDENED)
        ]
        self.status.setCurrentIndex(others[0] if others else 0)
        self.status.blockSignals(False)
        due = options.review_on or date.today() + timedelta(days=REVIEW_AFTER_DAYS)
        self.review.setDate(QDate(due.year, due.month, due.day))
        fill_history(self.history, options.history, options.labels)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self._rules()
        self.rationale.setFocus()

    def chosen(self) -> str:
        return str(self.status.currentData() or "")

    def _rules(self) -> None:
        """Show the date only where it matters, and say what the chosen status asks for."""
        code = self.chosen()
        soft = code == SignalStatusCode.STAYS_SOFT  # the same code in both taxonomies
        self.review.setVisible(soft)
        self.review_label.setVisible(soft)
        if soft:
            self.rule.setText(self.tr("Staying soft needs a date to look at it again."))
        elif self.of is StatusOf.CONCERN and code in CLOSING:
            self.rule.setText(self.tr("The rationale is kept as the reason the concern was closed."))
        else:
            self.rule.setText("")

    def save(self) -> None:
        from inspectorapp.services import concerns, signal_status

        code = self.chosen()
        text = self.rationale.toPlainText()
        due: date | None = None
        if code == SignalStatusCode.STAYS_SOFT:
            due = self.review.date().toPython()  # type: ignore[assignment]
        if self.of is StatusOf.SIGNAL:
            ops.submit(
                self.workspace,
                signal_status.change_signal_status,
                self.workspace.ctx,
                self.entity_id,
                code,
                text,
                due,
                on_done=self._done,
                on_error=self._failed,
            )
        else:
            ops.submit(
                self.workspace,
                concerns.change_concern_status,
                self.workspace.ctx,
                self.entity_id,
                code,
                text,
                due,
                on_done=self._done,
                on_error=self._failed,
            )

    def _done(self, _result: OpResult[str]) -> None:
        self.saved = True
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        """The refusal is shown; what was typed stays."""
        self.error.setText(message_for(exc))
