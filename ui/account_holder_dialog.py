"""Change account holder…: record who holds the account of an organisation or network from
a date, and why; the earlier holders are listed under the form, the current one first.

A change is a new record (services/account_holders.py): nothing here edits an earlier one."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.handover_views import AccountHolderRow
from inspectorapp.domain.snapshots import OpResult
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.services import account_holders

from . import ops
from .dialogs import fit_to_screen
from .messages import message_for

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace


def day_text(value: date | None) -> str:
    return f"{value:%d-%m-%Y}" if value is not None else ""


class AccountHolderDialog(QDialog):
    def __init__(self, workspace: Workspace, subject: SubjectRef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountHolderDialog")
        self.setWindowTitle(self.tr("Change account holder"))
        fit_to_screen(self, 640, 520)
        self.workspace = workspace
        self.subject = subject
        self.loads = 0  # finished reads of the history (tests wait for them)

        self.holder = QLineEdit()
        self.holder.setObjectName("holderName")
        self.holder.setMaxLength(limits.NAME)
        self.since = QDateEdit()
        self.since.setObjectName("holderSince")
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("dd-MM-yyyy")
        today = utc_now().date()
        self.since.setDate(QDate(today.year, today.month, today.day))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("holderReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(80)
        self.reason.setPlaceholderText(self.tr("e.g. leave, new portfolio, workload"))
        form = QFormLayout()
        form.addRow(self.tr("New account holder"), self.holder)
        form.addRow(self.tr("Since"), self.since)
        form.addRow(self.tr("Reason"), self.reason)

        self.history = QTableWidget(0, 4)
        self.history.setObjectName("holderHistory")
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().setVisible(False)
        self.history.setHorizontalHeaderLabels(
            [self.tr("Account holder"), self.tr("Since"), self.tr("Reason"), self.tr("Recorded by")]
        )
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.history.setWordWrap(False)

        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(self.tr("Account holders (current first)")))
        layout.addWidget(self.history, 1)
        layout.addWidget(self.buttons)
        self.holder.setFocus()
        ops.submit(workspace, account_holders.history, subject, on_done=self._history, on_error=self._failed)

    def _history(self, rows: tuple[AccountHolderRow, ...]) -> None:
        self.history.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = [row.holder, day_text(row.since), row.reason or "", row.recorded_by or ""]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(" ".join(text.split()))  # a reason's line breaks: one line
                item.setToolTip(text)
                self.history.setItem(r, c, item)
        self.loads += 1

    def save(self) -> None:
        picked = self.since.date()
        since = date(picked.year(), picked.month(), picked.day())
        holder, reason = self.holder.text(), self.reason.toPlainText().strip() or None
        subject, ctx = self.subject, self.workspace.ctx
        self.error.clear()
        self.buttons.setEnabled(False)  # one change per Save, not two by a double click
        ops.submit(
            self.workspace,
            lambda s: account_holders.change_holder(s, ctx, subject, holder, since, reason),
            on_done=self._saved,
            on_error=self._save_failed,
        )

    def _saved(self, _result: OpResult[AccountHolderRow]) -> None:
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(message_for(exc))
