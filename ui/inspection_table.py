"""Qt table model over inspection snapshots (read-only)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from inspectorapp.domain.snapshots import InspectionRow

from . import labels

Index = QModelIndex | QPersistentModelIndex


def _t(text: object) -> str:
    return QCoreApplication.translate("InspectionTableModel", str(text))


class InspectionTableModel(QAbstractTableModel):
    COLUMNS = ("title", "subjects", "type", "status", "visit", "signals")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[InspectionRow] = []

    def set_rows(self, rows: list[InspectionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> InspectionRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return _t(
            {
                "title": QT_TRANSLATE_NOOP("InspectionTableModel", "Title"),
                "subjects": QT_TRANSLATE_NOOP("InspectionTableModel", "Subject"),
                "type": QT_TRANSLATE_NOOP("InspectionTableModel", "Type"),
                "status": QT_TRANSLATE_NOOP("InspectionTableModel", "Status"),
                "visit": QT_TRANSLATE_NOOP("InspectionTableModel", "Visit"),
                "signals": QT_TRANSLATE_NOOP("InspectionTableModel", "Signals"),
            }[self.COLUMNS[section]]
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            visit = r.next_visit or r.last_visit
            return {
                "title": r.title,
                "subjects": ", ".join(r.subjects),
                "type": labels.inspection_type(r.inspection_type),
                "status": labels.status(r.status),
                "visit": visit.strftime("%d-%m-%Y") if visit else "",
                "signals": r.signal_count,
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return f"{r.title}\n{labels.declared_role(r.declared_role)} · {r.framework}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "signals":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None
