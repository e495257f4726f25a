"""The concerns of an organisation or a network (a network's with its members'), open first:
a tab of the organisation page. Enter or a double click opens the editor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.sense_views import ConcernSummary
from inspectorapp.domain.snapshots import Label
from inspectorapp.domain.subject_ref import SubjectRef

from . import ops
from .change_bus import follow
from .concern_editor import ConcernEditor
from .dialogs import open_dialog
from .messages import message_for
from .status_dialog import status_text

if TYPE_CHECKING:
    from inspectorapp.workspace import DbSession, Workspace

FOLLOWS = ("concern", "concern_signal", "concern_status_change")


def load_concerns(session: DbSession, subject: SubjectRef) -> tuple[list[ConcernSummary], tuple[Label, ...]]:
    from inspectorapp.services import concern_views, frameworks

    return concern_views.concerns_for(session, subject), tuple(frameworks.labels(session, "concern_status"))


def _day(value: date | None) -> str:
    return f"{value:%d-%m-%Y}" if value is not None else ""


class _Table(QTableWidget):
    """Enter opens the current row (a table's Enter otherwise only moves on)."""

    def __init__(self, open_row: Callable[[], None]) -> None:
        super().__init__(0, 6)
        self._open_row = open_row

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self._open_row()
        else:
            super().keyPressEvent(event)


class ConcernListView(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("concernList")
        self.workspace = workspace
        self.subject: SubjectRef | None = None
        self.rows: list[ConcernSummary] = []
        self.editor: ConcernEditor | None = None
        self.table = _Table(self.open_current)
        self.table.setObjectName("concernTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.add = QPushButton(self.tr("+ Concern"))
        self.add.setObjectName("newConcern")
        self.add.clicked.connect(self.new_concern)
        self.empty = QLabel(self.tr("No concerns yet."))
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.empty, 1)
        top.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        follow(workspace, self, FOLLOWS, lambda _c, _o: self.reload())

    def help_keys(self) -> tuple[str, list[tuple[str, str]]]:
        """F1 lists the list's keys (ui/help_overlay.py)."""
        return self.tr("Concerns"), [
            ("↑ / ↓", self.tr("Choose")),
            ("Enter", self.tr("Open the chosen one")),
        ]

    def show_subject(self, subject: SubjectRef) -> None:
        self.subject = subject
        self.reload()

    def reload(self) -> None:
        if self.subject is not None:
            ops.submit(
                self.workspace, load_concerns, self.subject, on_done=self._loaded, on_error=self._failed
            )

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(message_for(exc))

    def _loaded(self, loaded: tuple[list[ConcernSummary], tuple[Label, ...]]) -> None:
        rows, statuses = loaded
        current = self.current_id()
        self.rows = rows
        self.error.clear()
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Status"),
                self.tr("Concern"),
                self.tr("About"),
                self.tr("Next step due"),
                self.tr("Next review"),
                self.tr("Signals"),
            ]
        )
        self.table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            cells = [
                status_text(statuses, c.status),
                c.title,
                c.subject_name,
                _day(c.next_step_due),
                _day(c.next_review_on),
                str(c.signal_count),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if not c.is_open:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(r, col, item)
            if c.id == current:
                self.table.selectRow(r)
        self.empty.setVisible(not rows)
        if rows and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def current_id(self) -> str | None:
        row = self.table.currentRow()
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def open_current(self) -> None:
        concern_id = self.current_id()
        if concern_id is not None:
            self.editor = open_dialog(ConcernEditor(self.workspace, concern_id, parent=self))

    def new_concern(self) -> None:
        if self.subject is not None:
            self.editor = open_dialog(ConcernEditor(self.workspace, None, self.subject, parent=self))
