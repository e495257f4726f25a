"""The unlocked workspace: navigation, the inspections list, search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.enums import InspectionStatus, InspectionType
from inspectorapp.domain.snapshots import InspectionRow, SearchHit
from inspectorapp.domain.visit_views import InspectionDetail

from . import labels
from .inspection_table import InspectionTableModel
from .search_view import SearchView

if TYPE_CHECKING:
    from inspectorapp.domain.subject_ref import SubjectRef
    from inspectorapp.workspace import Workspace

    from .deliberation_page import DeliberationPage
    from .inspection_page import InspectionPage
    from .organisation_list import OrganisationList
    from .organisation_page import OrganisationPage
    from .review_list import ReviewListView
    from .visit_page import VisitPage

# The inspection and visit pages (60-120 ms to build) are built on first use, or this long
# after the list has painted: unlocking shows the list without waiting for them.
PREBUILD_AFTER_MS = 250


class Shell(QWidget):
    inspection_activated = Signal(str)
    new_inspection_requested = Signal()
    # The pages' requests, passed on from whenever a page is built (see _inspection_page).
    add_visit_requested = Signal(str)
    add_invitation_requested = Signal(str)
    export_requested = Signal(str, str)
    signal_requested = Signal(object)
    synthesis_requested = Signal(str)
    sync_requested = Signal()

    PAGES = ("inspections", "organisations", "review", "deliberations", "search")

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self._inspection_page: InspectionPage | None = None
        self._visit_page: VisitPage | None = None
        self._organisation_list: OrganisationList | None = None
        self._organisation_page: OrganisationPage | None = None
        self._prebuild_pending = True
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(230)  # widened to the longest entry in retranslate()
        self.nav.setMinimumWidth(120)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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

        # The directory is built (and read) when first shown: unlocking does not wait for it.
        self.organisations_holder = QWidget()
        QVBoxLayout(self.organisations_holder).setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.organisations_holder)
        self.review_holder = QWidget()  # "Te herbeoordelen", built when first shown
        QVBoxLayout(self.review_holder).setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.review_holder)
        self._review_list: ReviewListView | None = None
        self.deliberations_holder = QWidget()  # "Overleg", built when first shown
        QVBoxLayout(self.deliberations_holder).setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.deliberations_holder)
        self._deliberation_page: DeliberationPage | None = None

        self.search = SearchView()
        self.pages.addWidget(self.search)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.nav.currentRowChanged.connect(self._nav_to)
        self.nav.itemClicked.connect(lambda _item: self._nav_to(self.nav.currentRow()))
        self.nav.setCurrentRow(0)
        self.retranslate()

    # ----- pages built on first use ------------------------------------------------------
    @property
    def inspection_page(self) -> InspectionPage:
        """The inspection page, built now if it was not yet. It subscribes to the change bus
        when built and shows what it is given then (``show_detail`` reads fresh data)."""
        if self._inspection_page is None:
            from .inspection_page import InspectionPage

            page = self._inspection_page = InspectionPage(self.workspace)
            self.pages.addWidget(page)
            page.back_requested.connect(lambda: self.show_page("inspections"))
            page.visit_opened.connect(self.open_visit)
            page.add_visit_requested.connect(self.add_visit_requested)
            page.add_invitation_requested.connect(self.add_invitation_requested)
            page.export_requested.connect(self.export_requested)
        return self._inspection_page

    @property
    def visit_page(self) -> VisitPage:
        """The visit page, built now if it was not yet (as ``inspection_page``)."""
        if self._visit_page is None:
            from .visit_page import VisitPage

            page = self._visit_page = VisitPage(self.workspace)
            self.pages.addWidget(page)
            page.back_requested.connect(lambda: self.pages.setCurrentWidget(self.inspection_page))
            page.signal_requested.connect(self.signal_requested)
            page.synthesis_requested.connect(self.synthesis_requested)
            page.sync_requested.connect(self.sync_requested)
        return self._visit_page

    @property
    def organisation_list(self) -> OrganisationList:
        """The directory page, built now if it was not yet."""
        if self._organisation_list is None:
            from .organisation_list import OrganisationList

            page = self._organisation_list = OrganisationList(self.workspace)
            layout = self.organisations_holder.layout()
            assert layout is not None
            layout.addWidget(page)
            page.open_requested.connect(self.open_subject)
        return self._organisation_list

    @property
    def organisation_page(self) -> OrganisationPage:
        """The page of one organisation or network, built now if it was not yet."""
        if self._organisation_page is None:
            from .organisation_page import OrganisationPage

            page = self._organisation_page = OrganisationPage(self.workspace)
            self.pages.addWidget(page)
            page.back_requested.connect(lambda: self.show_page("organisations"))
            self._add_subject_views(page)
        return self._organisation_page

    def _add_subject_views(self, page: OrganisationPage) -> None:
        """The sense-making tabs after Details: Signals, Concerns, Timeline."""
        from .concern_list import ConcernListView
        from .decision_log import DecisionLogView
        from .handover_view import HandoverView
        from .signal_board import SignalBoardView
        from .timeline_view import TimelineView
        from .trajectory_view import SupervisionView

        page.add_view(SignalBoardView(self.workspace), lambda: self.tr("Signals"))
        page.add_view(ConcernListView(self.workspace), lambda: self.tr("Concerns"))
        page.add_view(TimelineView(self.workspace), lambda: self.tr("Timeline"))
        page.add_view(DecisionLogView(self.workspace), lambda: self.tr("Decisions"))
        page.add_view(SupervisionView(self.workspace), lambda: self.tr("Supervision"))
        page.add_view(HandoverView(self.workspace), lambda: self.tr("Handover"))

    @property
    def review_list(self) -> ReviewListView:
        """The review page, built now if it was not yet."""
        if self._review_list is None:
            from .review_list import ReviewListView

            page = self._review_list = ReviewListView(self.workspace)
            layout = self.review_holder.layout()
            assert layout is not None
            layout.addWidget(page)
        return self._review_list

    @property
    def deliberation_page(self) -> DeliberationPage:
        """The Overleg page, built now if it was not yet."""
        if self._deliberation_page is None:
            from .deliberation_page import DeliberationPage

            page = self._deliberation_page = DeliberationPage(self.workspace, self.open_subject)
            layout = self.deliberations_holder.layout()
            assert layout is not None
            layout.addWidget(page)
        return self._deliberation_page

    def built_organisation_page(self) -> OrganisationPage | None:
        """The organisation page if it was built (reading it builds nothing)."""
        return self._organisation_page

    def open_subject(self, subject: SubjectRef) -> None:
        """Show the page of an organisation or network."""
        page = self.organisation_page
        page.show_subject(subject)
        self.pages.setCurrentWidget(page)
        page.tabs.setFocus()

    def _nav_to(self, row: int) -> None:
        if 0 <= row < len(self.PAGES) and self.PAGES[row] == "organisations":
            _ = self.organisation_list
        if 0 <= row < len(self.PAGES) and self.PAGES[row] == "review":
            _ = self.review_list
        if 0 <= row < len(self.PAGES) and self.PAGES[row] == "deliberations":
            _ = self.deliberation_page
        self.pages.setCurrentIndex(row)

    def built_inspection_page(self) -> InspectionPage | None:
        """The inspection page if it was built (reading it builds nothing)."""
        return self._inspection_page

    def built_visit_page(self) -> VisitPage | None:
        """The visit page if it was built (reading it builds nothing)."""
        return self._visit_page

    def _prebuild(self) -> None:
        """Build the next page not yet built, one per event loop turn (a click in between
        is answered between the two)."""
        if self._inspection_page is None:
            _ = self.inspection_page
            QTimer.singleShot(0, self, self._prebuild)
        elif self._visit_page is None:
            _ = self.visit_page

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        texts = {
            "inspections": self.tr("Inspections"),
            "organisations": self.tr("Organisations and networks"),
            "review": self.tr("To review"),
            "deliberations": self.tr("Meetings"),
            "search": self.tr("Search"),
        }
        for n, key in enumerate(self.PAGES):
            self.nav.item(n).setText(texts[key])
            self.nav.item(n).setToolTip(texts[key])  # the whole name where a narrow nav cuts it
        self.nav.setAccessibleName(self.tr("Navigation"))
        # The longest entry whole ("Organisaties en netwerken"), measured with the style sheet's
        # font and padding, so another language or a larger system font does not cut it.
        self.nav.ensurePolished()
        self.nav.setMaximumWidth(max(230, self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 8))
        self.table.setAccessibleName(self.tr("Inspections"))
        self.inspections_title.setText(self.tr("Inspections"))
        self.new_inspection.setText(self.tr("+ New inspection (Ctrl+N)"))
        self.empty_hint.setText(self.tr("No inspections yet."))
        self.inspections.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.inspections.columnCount() - 1
        )
        self._fit_columns()
        self._update_empty()

    def _fit_columns(self) -> None:
        """Widths of the short columns from what they can hold (every type and status label,
        a date, a count) instead of measuring every row: resizeColumnsToContents asks the
        model for each cell of each row (~30 ms for 120 inspections)."""
        widest = {
            2: [labels.inspection_type(t) for t in InspectionType],
            3: [labels.status(s) for s in InspectionStatus],
            4: ["00-00-0000"],
            5: ["00000"],
        }
        metrics = self.table.fontMetrics()
        margin = self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table)
        pad = 2 * (margin + 1) + 2  # the item delegate's text margins and the grid line
        header = self.table.horizontalHeader()
        for column, texts in widest.items():
            width = max(metrics.horizontalAdvance(text) for text in texts) + pad
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))

    def show_page(self, name: str) -> None:
        self.nav.setCurrentRow(self.PAGES.index(name))
        self._nav_to(self.PAGES.index(name))

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
        self._update_empty()
        if self._prebuild_pending:  # the list is shown: build the other pages soon after
            self._prebuild_pending = False
            QTimer.singleShot(PREBUILD_AFTER_MS, self, self._prebuild)

    def _update_empty(self) -> None:
        self.empty_hint.setVisible(self.inspections.rowCount() == 0)
