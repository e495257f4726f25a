"""The navigation page "Te herbeoordelen": signals and concerns whose review date (or a
concern's next step) has come, oldest first, so that nothing soft fades away unseen. Enter
opens the signal's detail or the concern's editor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.sense_views import ReviewItem
from inspectorapp.domain.snapshots import Label

from . import ops
from .change_bus import follow
from .dialogs import open_dialog
from .messages import message_for
from .status_dialog import status_text

if TYPE_CHECKING:
    from inspectorapp.workspace import DbSession, Workspace

FOLLOWS = ("signal", "concern", "signal_status_change", "concern_status_change")
SIGNAL = "signal"  # ReviewItem.entity: the table's name


def load_review(
    session: DbSession, today: date
) -> tuple[list[ReviewItem], tuple[Label, ...], tuple[Label, ...]]:
    from inspectorapp.services import frameworks, review_list

    return (
        review_list.due_for_review(session, today),
        tuple(frameworks.labels(session, "signal_status")),
        tuple(frameworks.labels(session, "concern_status")),
    )


class _Table(QTableWidget):
    def __init__(self, open_row: Callable[[], None]) -> None:
        super().__init__(0, 6)
        self._open_row = open_row

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self._open_row()
        else:
            super().keyPressEvent(event)


class ReviewListView(QWidget):
    def __init__(self, workspace: Workspace, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.setObjectName("reviewList")
        self.workspace = workspace
        self.today = today  # tests pass a fixed day
        self.items: list[ReviewItem] = []
        self.opened: QDialog | None = None
        self.loads = 0
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.table = _Table(self.open_current)
        self.table.setObjectName("reviewTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        follow(workspace, self, FOLLOWS, lambda _c, _o: self.reload())
        self.retranslate()
        self.reload()

    def help_keys(self) -> tuple[str, list[tuple[str, str]]]:
        """F1 lists the list's keys (ui/help_overlay.py)."""
        return self.tr("To review"), [
            ("↑ / ↓", self.tr("Choose")),
            ("Enter", self.tr("Open the chosen one")),
        ]

    def reload(self) -> None:
        ops.submit(self.workspace, load_review, self.today(), on_done=self._loaded, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(message_for(exc))

    def _loaded(self, loaded: tuple[list[ReviewItem], tuple[Label, ...], tuple[Label, ...]]) -> None:
        items, signal_statuses, concern_statuses = loaded
        self.loads += 1
        current = self.current()
        self.items = items
        self.error.clear()
        due_texts = {
            "review_by": self.tr("review date"),
            "next_review_on": self.tr("next review"),
            "next_step_due": self.tr("next step"),
        }
        self.table.setRowCount(len(items))
        for r, i in enumerate(items):
            is_signal = i.entity == SIGNAL
            statuses = signal_statuses if is_signal else concern_statuses
            cells = [
                f"{i.due_since:%d-%m-%Y}",
                due_texts.get(i.due, i.due),
                self.tr("Signal") if is_signal else self.tr("Concern"),
                i.subject_name,
                i.title,
                status_text(statuses, i.status),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, col, item)
            if current is not None and (i.entity, i.id) == (current.entity, current.id):
                self.table.selectRow(r)
        if items and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self.hint.setText(
            self.tr("Nothing is due for review.")
            if not items
            else self.tr("%n item(s) due for review, oldest first.", "", len(items))
        )

    def current(self) -> ReviewItem | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def open_current(self) -> None:
        item = self.current()
        if item is None:
            return
        if item.entity == SIGNAL:
            from .signal_detail import SignalDetailDialog

            self.opened = open_dialog(SignalDetailDialog(self.workspace, item.id, self))
        else:
            from .concern_editor import ConcernEditor

            self.opened = open_dialog(ConcernEditor(self.workspace, item.id, parent=self))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("To review"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Due since"),
                self.tr("What is due"),
                self.tr("Item"),
                self.tr("Organisation"),
                self.tr("Description"),
                self.tr("Status"),
            ]
        )
