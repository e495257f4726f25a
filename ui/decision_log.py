"""The decision log of an organisation or network, newest first, searchable: a tab of the
organisation page. At the top the last periodic review (APK); "+ Decision" records one, a
double click (or Enter) edits it. Follows the change bus, so a colleague's decision that a
sync brought in shows without reopening."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.decision_views import DecisionItemKind, DecisionLog, DecisionRow
from inspectorapp.domain.snippets import clipped
from inspectorapp.domain.subject_ref import SubjectRef

from . import ops
from .change_bus import follow
from .decision_dialog import DecisionDialog
from .decision_text import day, deliberation_kind, type_text
from .dialogs import open_dialog
from .messages import message_for
from .status_dialog import status_text

if TYPE_CHECKING:
    from inspectorapp.workspace import DbSession, Workspace

FOLLOWS = (
    "decision",
    "decision_subject",
    "deliberation",
    "deliberation_item",
    "signal_status_change",
    "concern_status_change",
)
SEARCH_AFTER_MS = 200  # typing in the search field reads once it pauses
RATIONALE_SHOWN = 600  # characters in the cell; the whole rationale is its tooltip
COLUMNS = 7


@dataclass(frozen=True, slots=True)
class LoadedLog:
    log: DecisionLog
    last_review: date | None


def load_log(session: DbSession, subject: SubjectRef, query: str) -> LoadedLog:
    from inspectorapp.services import decisions, review_cycle

    return LoadedLog(
        decisions.decision_log(session, subject, query), review_cycle.last_periodic_review(session, subject)
    )


class _Table(QTableWidget):
    """Enter opens the current row (a table's Enter otherwise only moves on)."""

    def __init__(self, open_row: Callable[[], None]) -> None:
        super().__init__(0, COLUMNS)
        self._open_row = open_row

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self._open_row()
        else:
            super().keyPressEvent(event)


class DecisionLogView(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionLog")
        self.workspace = workspace
        self.subject: SubjectRef | None = None
        self.rows: tuple[DecisionRow, ...] = ()
        self.dialog: DecisionDialog | None = None
        self.last_review = QLabel()
        self.last_review.setObjectName("lastPeriodicReview")
        self.search = QLineEdit()
        self.search.setObjectName("decisionSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search rationale, type, who, overleg…"))
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(SEARCH_AFTER_MS)
        self._typing.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        self.add = QPushButton(self.tr("+ Decision"))
        self.add.setObjectName("newDecision")
        self.add.clicked.connect(self.new_decision)
        self.table = _Table(self.open_current)
        self.table.setObjectName("decisionTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for col, width in ((0, 85), (1, 170), (3, 110), (4, 130), (5, 170), (6, 170)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.empty = QLabel(self.tr("No decisions yet."))
        self.empty.setObjectName("noDecisions")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.last_review)
        top.addStretch(1)
        top.addWidget(self.search, 2)
        top.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        follow(workspace, self, FOLLOWS, lambda _c, _o: self.reload())

    def help_keys(self) -> tuple[str, list[tuple[str, str]]]:
        """F1 lists the log's keys (ui/help_overlay.py)."""
        return self.tr("Decisions"), [
            ("↑ / ↓", self.tr("Choose")),
            ("Enter", self.tr("Edit the chosen decision")),
        ]

    def show_subject(self, subject: SubjectRef) -> None:
        if subject != self.subject:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
        self.subject = subject
        self.reload()

    def reload(self) -> None:
        if self.subject is not None:
            ops.submit(
                self.workspace,
                load_log,
                self.subject,
                self.search.text(),
                on_done=self._loaded,
                on_error=self._failed,
            )

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(message_for(exc))

    def _loaded(self, loaded: LoadedLog) -> None:
        log = loaded.log
        current = self.current_id()
        self.rows = log.rows
        self.error.clear()
        self.last_review.setText(
            self.tr("Last periodic review: {date}").format(date=day(loaded.last_review))
            if loaded.last_review is not None
            else self.tr("Last periodic review: none yet")
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Type"),
                self.tr("Rationale"),
                self.tr("By"),
                self.tr("Overleg"),
                self.tr("About"),
                self.tr("Status changes"),
            ]
        )
        self.table.setRowCount(len(log.rows))
        for r, row in enumerate(log.rows):
            about = "\n".join(clipped(a.title, 70) for a in row.about)
            about_tip = "\n".join(a.title for a in row.about)
            steps = "\n".join(self._step(log, s.kind, s.title, s.from_status, s.to_status) for s in row.steps)
            shown = row.rationale
            if len(shown) > RATIONALE_SHOWN:
                shown = shown[: RATIONALE_SHOWN - 1].rstrip() + "…"
            cells = [
                (day(row.decided_on), day(row.decided_on)),
                (type_text(row.action_type, row.return_on, log.actions),) * 2,
                (shown, row.rationale),
                (row.decided_by or "",) * 2,
                (self._overleg(row),) * 2,
                (about, about_tip),
                (steps, steps),
            ]
            for col, (text, tip) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(r, col, item)
            if row.id == current:
                self.table.selectRow(r)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not log.rows)
        if self.search.text().strip():
            self.empty.setText(self.tr("No decision matches the search."))
        else:
            self.empty.setText(self.tr("No decisions yet."))
        if log.rows and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def _overleg(self, row: DecisionRow) -> str:
        if row.deliberation_kind is None:
            return ""
        kind = deliberation_kind(row.deliberation_kind)
        return f"{kind}: {row.deliberation_title}" if row.deliberation_title else kind

    @staticmethod
    def _step(log: DecisionLog, kind: DecisionItemKind, title: str, before: str, after: str) -> str:
        labels = log.signal_statuses if kind is DecisionItemKind.SIGNAL else log.concern_statuses
        return f"{title}: {status_text(labels, before)} → {status_text(labels, after)}"

    def current_id(self) -> str | None:
        row = self.table.currentRow()
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def open_current(self) -> None:
        decision_id = self.current_id()
        if decision_id is not None and self.subject is not None:
            self.dialog = open_dialog(
                DecisionDialog(self.workspace, self.subject, parent=self, decision_id=decision_id)
            )

    def new_decision(self) -> None:
        if self.subject is not None:
            self.dialog = open_dialog(DecisionDialog(self.workspace, self.subject, parent=self))
