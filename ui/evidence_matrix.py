"""The evidence matrix of a concern (Heuer's Analysis of Competing Hypotheses): hypotheses as
columns, attached signals as rows, one rating per cell. Rows that rate the hypotheses
differently are marked diagnostic; the footer counts the evidence against each hypothesis and
marks the least contradicted one. Nothing is added up into a score or a verdict."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from inspectorapp.domain.enums import ConcernRating, ConcernSignalRole
from inspectorapp.domain.sense_views import ConcernView

# Keys 1-4 in this order; a click cycles through them and back to empty.
ORDER = (
    ConcernRating.CONSISTENT,
    ConcernRating.INCONSISTENT,
    ConcernRating.NEUTRAL,
    ConcernRating.NOT_APPLICABLE,
)
COLOURS = {
    ConcernRating.CONSISTENT: QColor("#d8ecd8"),
    ConcernRating.INCONSISTENT: QColor("#f4d4d0"),
    ConcernRating.NEUTRAL: QColor("#ececec"),
    ConcernRating.NOT_APPLICABLE: QColor("#ffffff"),
}
DIAGNOSTIC = QColor("#fff3c4")
LEAST = QColor("#cfe3f7")
DIAGNOSTIC_MARK = "◆"


def rating_text(rating: ConcernRating | None) -> str:
    texts = {
        ConcernRating.CONSISTENT: QCoreApplication.translate("EvidenceMatrix", "consistent"),
        ConcernRating.INCONSISTENT: QCoreApplication.translate("EvidenceMatrix", "inconsistent"),
        ConcernRating.NEUTRAL: QCoreApplication.translate("EvidenceMatrix", "neutral"),
        ConcernRating.NOT_APPLICABLE: QCoreApplication.translate("EvidenceMatrix", "n/a"),
    }
    return texts[rating] if rating is not None else ""


def role_text(role: ConcernSignalRole) -> str:
    texts = {
        ConcernSignalRole.SUPPORTING: QCoreApplication.translate("EvidenceMatrix", "supporting"),
        ConcernSignalRole.CONTRADICTING: QCoreApplication.translate("EvidenceMatrix", "contradicting"),
        ConcernSignalRole.CONTEXT: QCoreApplication.translate("EvidenceMatrix", "context"),
    }
    return texts[role]


def next_rating(rating: ConcernRating | None) -> ConcernRating | None:
    if rating is None:
        return ORDER[0]
    n = ORDER.index(rating) + 1
    return ORDER[n] if n < len(ORDER) else None


class MatrixModel(QAbstractTableModel):
    """Column 0 is the signal; columns 1.. the hypotheses; the last row the footer."""

    def __init__(self) -> None:
        super().__init__()
        self.view: ConcernView | None = None
        self.least: set[int] = set()  # hypothesis positions with the fewest inconsistent ratings

    def set_view(self, view: ConcernView) -> None:
        self.beginResetModel()
        self.view = view
        counts = [h.inconsistent_count for h in view.hypotheses]
        rated = any(c is not None for row in view.matrix for c in row.cells)
        self.least = {n for n, c in enumerate(counts) if c == min(counts)} if counts and rated else set()
        if len(self.least) == len(counts):
            self.least = set()  # all equal: nothing stands out
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.view is None else len(self.view.matrix) + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.view is None else len(self.view.hypotheses) + 1

    def is_footer(self, row: int) -> bool:
        return self.view is not None and row == len(self.view.matrix)

    def cell(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, str] | None:
        """(hypothesis id, signal id) of a rating cell, else None."""
        v = self.view
        if v is None or not index.isValid() or index.column() == 0 or self.is_footer(index.row()):
            return None
        return v.hypotheses[index.column() - 1].id, v.matrix[index.row()].signal_id

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        v = self.view
        if v is None or not index.isValid():
            return None
        r, c = index.row(), index.column()
        if self.is_footer(r):
            return self._footer(c, role)
        row, signal = v.matrix[r], v.signals[r]
        if c == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                mark = f"{DIAGNOSTIC_MARK} " if row.diagnostic else ""
                day = f"{signal.observed_at.astimezone():%d-%m-%Y}"
                return f"{mark}{day} [{role_text(signal.role)}] {signal.text}"
            if role == Qt.ItemDataRole.ToolTipRole:
                tip = signal.text
                if row.diagnostic:
                    tip += "\n" + QCoreApplication.translate(
                        "EvidenceMatrix", "Diagnostic: this signal fits the hypotheses differently."
                    )
                return tip
            if role == Qt.ItemDataRole.BackgroundRole and row.diagnostic:
                return QBrush(DIAGNOSTIC)
            return None
        rating = row.cells[c - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return rating_text(rating)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and rating is not None:
            return QBrush(COLOURS[rating])
        if role == Qt.ItemDataRole.UserRole:
            return rating
        return None

    def _footer(self, c: int, role: int) -> object:
        v = self.view
        assert v is not None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if c == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("EvidenceMatrix", "Inconsistent evidence (count)")
            return None
        least = (c - 1) in self.least
        if role == Qt.ItemDataRole.DisplayRole:
            n = str(v.hypotheses[c - 1].inconsistent_count)
            if not least:
                return n
            return n + " · " + QCoreApplication.translate("EvidenceMatrix", "least contradicted")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and least:
            return QBrush(LEAST)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        v = self.view
        if v is None or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            return QCoreApplication.translate("EvidenceMatrix", "Signal")
        h = v.hypotheses[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"H{h.position}"  # the statements are listed above the matrix, whole
        if role == Qt.ItemDataRole.ToolTipRole:
            return h.statement
        if role == Qt.ItemDataRole.BackgroundRole and (section - 1) in self.least:
            return QBrush(LEAST)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class EvidenceMatrix(QTableView):
    """Keyboard: arrows move, 1-4 rate (consistent, inconsistent, neutral, n/a), Delete
    clears, Space cycles; a click on the current cell cycles, the context menu chooses."""

    rate_requested = Signal(str, str, object)  # hypothesis id, signal id, ConcernRating | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceMatrix")
        self.matrix = MatrixModel()
        self.setModel(self.matrix)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole statement in the tooltip
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self._press_on_current = False

    def help_keys(self) -> tuple[str, list[tuple[str, str]]]:
        """F1 lists the matrix's keys (ui/help_overlay.py)."""
        return QCoreApplication.translate("EvidenceMatrix", "Evidence matrix"), [
            (
                "1 / 2 / 3 / 4",
                QCoreApplication.translate("EvidenceMatrix", "consistent / inconsistent / neutral / n/a"),
            ),
            ("Delete", QCoreApplication.translate("EvidenceMatrix", "Clear the rating")),
            ("Space", QCoreApplication.translate("EvidenceMatrix", "Next rating")),
            ("← ↑ → ↓", QCoreApplication.translate("EvidenceMatrix", "Move between signals and hypotheses")),
        ]

    def show_view(self, view: ConcernView) -> None:
        current = self.currentIndex()
        self.matrix.set_view(view)
        self._fit()
        if (
            current.isValid()
            and current.row() < self.matrix.rowCount()
            and current.column() < self.matrix.columnCount()
        ):
            self.setCurrentIndex(self.matrix.index(current.row(), current.column()))
        elif self.matrix.rowCount() > 1 and self.matrix.columnCount() > 1:
            self.setCurrentIndex(self.matrix.index(0, 1))

    def _fit(self) -> None:
        columns = self.matrix.columnCount()
        if columns == 0:
            return
        width = max(self.viewport().width(), 600)
        first = int(width * 0.42)
        self.setColumnWidth(0, first)
        rest = max(120, (width - first - 4) // max(1, columns - 1))
        for c in range(1, columns):
            self.setColumnWidth(c, rest)
        self.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def rate_current(self, rating: ConcernRating | None) -> None:
        cell = self.matrix.cell(self.currentIndex())
        if cell is not None:
            self.rate_requested.emit(cell[0], cell[1], rating)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3}
        key = Qt.Key(event.key())
        if key in keys and self.matrix.cell(self.currentIndex()) is not None:
            self.rate_current(ORDER[keys[key]])
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.rate_current(None)
        elif key == Qt.Key.Key_Space:
            self._cycle()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        self._press_on_current = index.isValid() and index == self.currentIndex()
        super().mousePressEvent(event)
        if self._press_on_current and event.button() == Qt.MouseButton.LeftButton:
            self._cycle()

    def _cycle(self) -> None:
        index = self.currentIndex()
        if self.matrix.cell(index) is not None:
            self.rate_current(next_rating(index.data(Qt.ItemDataRole.UserRole)))

    def _menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if self.matrix.cell(index) is None:
            return
        self.setCurrentIndex(index)
        menu = QMenu(self)
        for n, rating in enumerate(ORDER, start=1):
            action = menu.addAction(f"{n}  {rating_text(rating)}")
            action.triggered.connect(lambda _c=False, r=rating: self.rate_current(r))
        menu.addSeparator()
        clear = menu.addAction(QCoreApplication.translate("EvidenceMatrix", "Clear (Delete)"))
        clear.triggered.connect(lambda _c=False: self.rate_current(None))
        menu.popup(self.viewport().mapToGlobal(pos))
