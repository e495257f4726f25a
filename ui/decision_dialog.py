"""Record or edit a decision about an organisation or network: its type (an action type of the
framework by ladder rung, or to come back to it on a day), the rationale (always required;
for GEEN_ACTIE and enforcement the dialog says why before it is saved), who took it and when,
and the signals and concerns it is about, each with an optional new status."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.decision_rules import accountable, rationale_missing
from inspectorapp.domain.decision_views import (
    AboutItem,
    DecisionDraft,
    DecisionFormOptions,
    DecisionItem,
    DecisionItemKind,
)
from inspectorapp.domain.framework_codes import SignalStatusCode
from inspectorapp.domain.snapshots import OpResult
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.errors import FieldIssue

from . import ops
from .decision_text import choice_text
from .dialogs import fit_to_screen
from .labels import code_text
from .messages import issue_text, message_for
from .status_dialog import REVIEW_AFTER_DAYS, status_text

if TYPE_CHECKING:
    from inspectorapp.workspace import DbSession, Workspace

RETURN = ""  # the type picker's data for "come back on a date" (no framework code)
_PICK, _KIND, _STATUS, _NEW, _REVIEW = range(5)


def load_form(
    session: DbSession, subject: SubjectRef, deliberation_id: str | None, decision_id: str | None
) -> DecisionFormOptions:
    from inspectorapp.services import decisions

    return decisions.form_options(session, subject, deliberation_id, decision_id)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class DecisionDialog(QDialog):
    saved = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        subject: SubjectRef,
        deliberation_id: str | None = None,
        parent: QWidget | None = None,
        *,
        decision_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.workspace = workspace
        self.subject = subject
        self.deliberation_id = deliberation_id
        self.decision_id = decision_id
        self.options: DecisionFormOptions | None = None
        self.base: DecisionDraft | None = None
        self.setWindowTitle(self.tr("Edit decision") if decision_id else self.tr("New decision"))
        self.overleg = QLabel()
        self.overleg.setObjectName("decisionOverleg")
        self.overleg.setTextFormat(Qt.TextFormat.PlainText)  # the overleg's title as typed
        self.overleg.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setObjectName("decisionType")
        self.kind.currentIndexChanged.connect(lambda _i: self._rules())
        self.return_on = QDateEdit(_qdate(date.today()))
        self.return_on.setObjectName("decisionReturnOn")
        self.return_on.setCalendarPopup(True)
        self.return_on.setDisplayFormat("dd-MM-yyyy")
        self.return_label = QLabel(self.tr("Come back on"))
        self.rationale = QPlainTextEdit()
        self.rationale.setObjectName("decisionRationale")
        self.rationale.setTabChangesFocus(True)
        self.rationale.setPlaceholderText(self.tr("Why this decision? (required)"))
        self.rationale.setMinimumHeight(70)
        self.rationale.setMaximumHeight(130)
        self.rationale.textChanged.connect(self._rules)
        self.rule = QLabel()
        self.rule.setObjectName("decisionRule")
        self.rule.setWordWrap(True)
        self.decided_by = QLineEdit(workspace.ctx.actor)
        self.decided_by.setObjectName("decisionBy")
        self.decided_on = QDateEdit(_qdate(date.today()))
        self.decided_on.setObjectName("decisionOn")
        self.decided_on.setCalendarPopup(True)
        self.decided_on.setDisplayFormat("dd-MM-yyyy")
        self.decided_on.setMaximumDate(_qdate(date.today()))
        self.items = QTableWidget(0, 5)
        self.items.setObjectName("decisionItems")
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.verticalHeader().setVisible(False)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(_PICK, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(_KIND, QHeaderView.ResizeMode.ResizeToContents)
        for col, width in ((_STATUS, 130), (_NEW, 170), (_REVIEW, 115)):  # the title takes the rest
            self.items.setColumnWidth(col, width)
        self.items.itemChanged.connect(self._picked)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.delete = QPushButton(self.tr("Delete…"))
        self.delete.setObjectName("deleteDecision")
        self.delete.setVisible(decision_id is not None)
        self.delete.clicked.connect(self._delete)
        type_row = QHBoxLayout()
        type_row.addWidget(self.kind, 1)
        type_row.addWidget(self.return_label)
        type_row.addWidget(self.return_on)
        when = QHBoxLayout()
        when.addWidget(self.decided_by, 1)
        when.addWidget(QLabel(self.tr("on")))
        when.addWidget(self.decided_on)
        form = QFormLayout()
        form.addRow("", self.overleg)
        form.addRow(self.tr("Decision"), type_row)
        form.addRow(self.tr("Rationale"), self.rationale)
        form.addRow("", self.rule)
        form.addRow(self.tr("Decided by"), when)
        bottom = QHBoxLayout()
        bottom.addWidget(self.delete)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("What it is about (tick; a new status is optional)")))
        layout.addWidget(self.items, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        fit_to_screen(self, 780, 660)
        ops.submit(
            workspace,
            load_form,
            subject,
            deliberation_id,
            decision_id,
            on_done=self._loaded,
            on_error=self._failed,
        )

    # ----- filling ----------------------------------------------------------------------------
    def _loaded(self, options: DecisionFormOptions) -> None:
        self.options = options
        current = options.current
        if current is not None:
            self.base = current.draft()
            self.deliberation_id = current.deliberation_id
        self.overleg.setText(
            self.tr("Taken in the overleg “{title}”").format(title=options.deliberation_title)
            if options.deliberation_title
            else ""
        )
        self.overleg.setVisible(bool(options.deliberation_title))
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("Come back on a date"), RETURN)
        for choice in options.actions:
            self.kind.addItem(choice_text(choice), choice.code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current.action_type or RETURN) if current else 0))
        self.kind.blockSignals(False)
        if current is not None:
            if current.return_on is not None:
                self.return_on.setDate(_qdate(current.return_on))
            self.rationale.setPlainText(current.rationale)
            self.decided_by.setText(current.decided_by or "")
            self.decided_on.setMaximumDate(_qdate(max(date.today(), current.decided_on)))
            self.decided_on.setDate(_qdate(current.decided_on))
        else:
            self.return_on.setMinimumDate(_qdate(date.today()))
        picked = {(a.kind, a.id) for a in current.about} if current else set()
        self._fill_items(options, picked)
        self.save_button.setEnabled(True)
        self._rules()
        self.rationale.setFocus()

    def _fill_items(self, options: DecisionFormOptions, picked: set[tuple[DecisionItemKind, str]]) -> None:
        rows: list[AboutItem] = [*options.concerns, *options.signals]
        self.items.blockSignals(True)
        self.items.setHorizontalHeaderLabels(
            [
                self.tr("Signal or concern"),
                self.tr("Kind"),
                self.tr("Status"),
                self.tr("New status"),
                self.tr("Review on"),
            ]
        )
        self.items.setRowCount(len(rows))
        for r, about in enumerate(rows):
            is_signal = about.kind is DecisionItemKind.SIGNAL
            labels = options.signal_statuses if is_signal else options.concern_statuses
            pick = QTableWidgetItem(about.title)
            pick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            pick.setCheckState(
                Qt.CheckState.Checked if (about.kind, about.id) in picked else Qt.CheckState.Unchecked
            )
            pick.setData(Qt.ItemDataRole.UserRole, (about.kind, about.id))
            pick.setToolTip(about.title)
            self.items.setItem(r, _PICK, pick)
            self.items.setItem(
                r, _KIND, QTableWidgetItem(self.tr("Signal") if is_signal else self.tr("Concern"))
            )
            current = status_text(labels, about.status)
            shown = QTableWidgetItem(current)
            shown.setToolTip(current)
            self.items.setItem(r, _STATUS, shown)
            new = QComboBox()
            new.addItem("—", None)
            for label in labels:
                if label.code != about.status:
                    new.addItem(code_text(label), label.code)
            new.currentIndexChanged.connect(lambda _i, row=r: self._status_chosen(row))
            self.items.setCellWidget(r, _NEW, new)
            review = QDateEdit(_qdate(date.today() + timedelta(days=REVIEW_AFTER_DAYS)))
            review.setCalendarPopup(True)
            review.setDisplayFormat("dd-MM-yyyy")
            review.setEnabled(False)
            self.items.setCellWidget(r, _REVIEW, review)
        self.items.blockSignals(False)

    def _status_chosen(self, row: int) -> None:
        """A new status ticks the item; staying soft asks for its review date."""
        combo = self._combo(row)
        code = combo.currentData() if combo is not None else None
        pick = self.items.item(row, _PICK)
        if code is not None and pick is not None:
            pick.setCheckState(Qt.CheckState.Checked)
        review = self.items.cellWidget(row, _REVIEW)
        if review is not None:
            review.setEnabled(code == SignalStatusCode.STAYS_SOFT)  # the same code for concerns

    def _picked(self, item: QTableWidgetItem) -> None:
        """Unticking an item drops the new status chosen for it."""
        if item.column() == _PICK and item.checkState() != Qt.CheckState.Checked:
            combo = self._combo(item.row())
            if combo is not None:
                combo.setCurrentIndex(0)

    def _combo(self, row: int) -> QComboBox | None:
        widget = self.items.cellWidget(row, _NEW)
        return widget if isinstance(widget, QComboBox) else None

    # ----- the rule -----------------------------------------------------------------------------
    def chosen_type(self) -> str | None:
        code = self.kind.currentData()
        return str(code) if code else None

    def refusal(self) -> str | None:
        """Why Save would be refused now (the rationale rule), in the words the service uses."""
        if not rationale_missing(self.rationale.toPlainText()):
            return None
        code = self.chosen_type()
        rung = next((a.rung for a in self.options.actions if a.code == code), None) if self.options else None
        return issue_text(FieldIssue("rationale", accountable(code, rung) or "required"))

    def _rules(self) -> None:
        coming_back = self.chosen_type() is None
        self.return_on.setVisible(coming_back)
        self.return_label.setVisible(coming_back)
        code = self.chosen_type()
        rung = next((a.rung for a in self.options.actions if a.code == code), None) if self.options else None
        special = accountable(code, rung)
        # GEEN_ACTIE and enforcement say why before anything is typed; every decision needs one
        self.rule.setText(issue_text(FieldIssue("rationale", special)) if special else "")
        self.rule.setVisible(special is not None)
        self.save_button.setToolTip(self.refusal() or "")

    # ----- saving -------------------------------------------------------------------------------
    def draft(self) -> DecisionDraft:
        code = self.chosen_type()
        items = []
        for r in range(self.items.rowCount()):
            pick = self.items.item(r, _PICK)
            if pick is None or pick.checkState() != Qt.CheckState.Checked:
                continue
            kind, item_id = pick.data(Qt.ItemDataRole.UserRole)
            combo = self._combo(r)
            to_status = combo.currentData() if combo is not None else None
            review = self.items.cellWidget(r, _REVIEW)
            review_on = (
                review.date().toPython()
                if isinstance(review, QDateEdit) and to_status == SignalStatusCode.STAYS_SOFT
                else None
            )
            items.append(DecisionItem(kind, item_id, to_status, review_on))  # type: ignore[arg-type]
        return DecisionDraft(
            subject=self.subject,
            action_type=code,
            return_on=self.return_on.date().toPython() if code is None else None,  # type: ignore[arg-type]
            rationale=self.rationale.toPlainText(),
            decided_by=self.decided_by.text().strip() or None,
            decided_on=self.decided_on.date().toPython(),  # type: ignore[arg-type]
            deliberation_id=self.deliberation_id,
            items=tuple(items),
        )

    def save(self) -> None:
        """Refused here first when the rationale is missing (nothing typed is lost), then by
        the service for everything else."""
        from inspectorapp.services import decisions

        reason = self.refusal()
        if reason is not None:
            self.error.setText(reason)
            self.rationale.setFocus()
            return
        self.error.clear()
        if self.decision_id is None:
            ops.submit(
                self.workspace,
                decisions.record_decision,
                self.workspace.ctx,
                self.draft(),
                on_done=self._done,
                on_error=self._failed,
            )
        else:
            ops.submit(
                self.workspace,
                decisions.edit_decision,
                self.workspace.ctx,
                self.decision_id,
                self.draft(),
                self.base,
                on_done=self._done,
                on_error=self._failed,
            )

    def _delete(self) -> None:
        """Two clicks: the first asks, the second deletes (a decision is accounted for)."""
        from inspectorapp.services import decisions

        if self.decision_id is None:
            return
        if self.delete.property("armed") is not True:
            self.delete.setProperty("armed", True)
            self.delete.setText(self.tr("Click again to delete"))
            return
        ops.submit(
            self.workspace,
            decisions.delete_decision,
            self.workspace.ctx,
            self.decision_id,
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, result: OpResult[str]) -> None:
        self.saved.emit(result.value)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        """The refusal is shown; what was typed stays."""
        self.error.setText(message_for(exc))
