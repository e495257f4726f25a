"""The unlocked workspace: navigation, the inspections list, search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.snapshots import InspectionRow, SearchHit
from inspectorapp.domain.visit_views import InspectionDetail

from .inspection_page import InspectionPage
from .inspection_table import InspectionTableModel
from .search_view import SearchView
from .visit_page import VisitPage

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace


class Shell(QWidget):
    inspection_activated = Signal(str)
    new_inspection_requested = Signal()

    PAGES = ("inspections", "search")

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(180)
        self.nav.setMinimumWidth(120)
        for _ in self.PAGES:
            self.nav.addItem("")
        self.pages = QStackedWidget()

        self.inspections = InspectionTableModel()
        self.table = QTableView()
        self.table.setObjectName("inspectionsTable")
        self.table.setModel(self.inspections)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(
            lambda idx: self.inspection_activated.emit(self.inspections.row_at(idx.row()).id)
        )
        self.inspections_title = QLabel()
        self.inspections_title.setObjectName("pageTitle")
        self.new_inspection = QPushButton()
        self.new_inspection.setObjectName("newInspection")
        self.new_inspection.clicked.connect(self.new_inspection_requested)
        self.empty_hint = QLabel()
        self.empty_hint.setWordWrap(True)
        inspections_page = QWidget()
        box = QVBoxLayout(inspections_page)
        header = QHBoxLayout()
        header.addWidget(self.inspections_title, 1)
        header.addWidget(self.new_inspection)
        box.addLayout(header)
        box.addWidget(self.table, 1)
        box.addWidget(self.empty_hint)
        self.pages.addWidget(inspections_page)

        self.search = SearchView()
        self.pages.addWidget(self.search)
        self.inspection_page = InspectionPage(workspace)
        self.pages.addWidget(self.inspection_page)
        self.visit_page = VisitPage(workspace)
        self.pages.addWidget(self.visit_page)
        self.inspection_page.back_requested.connect(lambda: self.show_page("inspections"))
        self.visit_page.back_requested.connect(lambda: self.pages.setCurrentWidget(self.inspection_page))
        self.inspection_page.visit_opened.connect(self.open_visit)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.itemClicked.connect(lambda _item: self.pages.setCurrentIndex(self.nav.currentRow()))
        self.nav.setCurrentRow(0)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        texts = {"inspections": self.tr("Inspections"), "search": self.tr("Search")}
        for n, key in enumerate(self.PAGES):
            self.nav.item(n).setText(texts[key])
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.table.setAccessibleName(self.tr("Inspections"))
        self.inspections_title.setText(self.tr("Inspections"))
        self.new_inspection.setText(self.tr("+ New inspection (Ctrl+N)"))
        self.empty_hint.setText(self.tr("No inspections yet."))
        self.inspections.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.inspections.columnCount() - 1
        )
        self._update_empty()

    def show_page(self, name: str) -> None:
        self.nav.setCurrentRow(self.PAGES.index(name))
        self.pages.setCurrentIndex(self.PAGES.index(name))

    def show_inspection(self, detail: InspectionDetail) -> None:
        self.inspection_page.show_detail(detail)
        self.pages.setCurrentWidget(self.inspection_page)
        self.inspection_page.visits.setFocus()

    def open_visit(
        self, visit_id: str, conversation_id: str | None = None, note_id: str | None = None
    ) -> None:
        self.visit_page.open_visit(visit_id, conversation_id, note_id)
        self.pages.setCurrentWidget(self.visit_page)
        self.visit_page.editor.setFocus()

    def open_hit(self, hit: SearchHit) -> None:
        """Open a search result where it was written: the visit, the conversation, the paragraph."""
        if hit.visit_id:
            self.open_visit(hit.visit_id, hit.conversation_id, hit.ref_id if hit.source == "note" else None)
        elif hit.inspection_id:
            self.inspection_activated.emit(hit.inspection_id)

    def focus_search(self) -> None:
        self.show_page("search")
        self.search.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.field.selectAll()

    def set_inspections(self, rows: list[InspectionRow]) -> None:
        self.inspections.set_rows(rows)
        if rows:
            self.table.selectionModel().select(
                self.inspections.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._update_empty()

    def _update_empty(self) -> None:
        self.empty_hint.setVisible(self.inspections.rowCount() == 0)
