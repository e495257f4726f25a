"""The navigation page "Organisations and networks": a searchable directory with what is
known of each (signals by kind and valence, open concerns, items due), side by side and
never folded into one score."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.org_views import DirectoryRow, OrgFormOptions, ValenceCounts
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from inspectorapp.domain.visit_views import OrganisationOption
from inspectorapp.services import directory, organisations

from . import labels, ops
from .change_bus import ChangeOrigin, follow
from .dialogs import open_dialog
from .messages import message_for

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex
# What the counts are made of: a write to any of these can change a row.
TABLES = ("organisation", "network", "network_membership", "signal", "concern")
SEARCH_DELAY_MS = 150


def _t(text: object) -> str:
    return QCoreApplication.translate("DirectoryModel", str(text))


def valence_text(counts: ValenceCounts) -> str:
    """ "5: +1 −3 ?1" (positive, negative, ambiguous); empty when there are none."""
    if not counts.total:
        return ""
    return f"{counts.total}: +{counts.positive} −{counts.negative} ?{counts.ambiguous}"


def valence_tip(counts: ValenceCounts) -> str:
    return _t(QT_TRANSLATE_NOOP("DirectoryModel", "{p} positive, {n} negative, {a} ambiguous")).format(
        p=counts.positive, n=counts.negative, a=counts.ambiguous
    )


class DirectoryModel(QAbstractTableModel):
    COLUMNS = ("name", "kind", "sector", "region", "hard_signals", "soft_signals", "concerns", "due")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[DirectoryRow] = []

    def set_rows(self, rows: list[DirectoryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> DirectoryRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        key = self.COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole and key in ("hard_signals", "soft_signals"):
            return _t(QT_TRANSLATE_NOOP("DirectoryModel", "Total: positive, negative, ambiguous"))
        if role == Qt.ItemDataRole.ToolTipRole and key == "due":
            return _t(QT_TRANSLATE_NOOP("DirectoryModel", "Signals and concerns past their review date"))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return _t(
            {
                "name": QT_TRANSLATE_NOOP("DirectoryModel", "Name"),
                "kind": QT_TRANSLATE_NOOP("DirectoryModel", "Kind"),
                "sector": QT_TRANSLATE_NOOP("DirectoryModel", "Sector or focus"),
                "region": QT_TRANSLATE_NOOP("DirectoryModel", "Region"),
                "hard_signals": QT_TRANSLATE_NOOP("DirectoryModel", "Hard signals"),
                "soft_signals": QT_TRANSLATE_NOOP("DirectoryModel", "Soft signals"),
                "concerns": QT_TRANSLATE_NOOP("DirectoryModel", "Open concerns"),
                "due": QT_TRANSLATE_NOOP("DirectoryModel", "Due"),
            }[key]
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, key = self._rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and key in ("hard_signals", "soft_signals"):
            return valence_tip(r.hard if key == "hard_signals" else r.soft)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("concerns", "due"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        network = r.subject.kind == SubjectRefKind.NETWORK
        if key == "name":
            return r.name
        if key == "kind":
            return (
                _t(QT_TRANSLATE_NOOP("DirectoryModel", "network"))
                if network
                else _t(QT_TRANSLATE_NOOP("DirectoryModel", "organisation"))
            )
        if key == "sector":
            if r.focus is not None:
                return labels.network_focus(r.focus)
            return labels.code_text(r.sector) if r.sector else ""
        if key == "region":
            return r.region or ""
        if key == "hard_signals":
            return valence_text(r.hard)
        if key == "soft_signals":
            return valence_text(r.soft)
        if key == "concerns":
            return str(r.open_concerns) if r.open_concerns else ""
        return str(r.items_due) if r.items_due else ""


class OrganisationList(QWidget):
    open_requested = Signal(object)  # SubjectRef

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.setObjectName("organisationList")
        self.workspace = workspace
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.new_organisation = QPushButton()
        self.new_organisation.setObjectName("newOrganisation")
        self.new_organisation.clicked.connect(lambda: self._with_options(self._new_organisation))
        self.new_network = QPushButton()
        self.new_network.setObjectName("newNetwork")
        self.new_network.clicked.connect(lambda: self._with_options(self._new_network))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.field = QLineEdit()
        self.field.setObjectName("directorySearch")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(lambda _text: self._search_timer.start())
        self.field.returnPressed.connect(self._open_current)
        self.model = DirectoryModel()
        self.table = QTableView()
        self.table.setObjectName("directoryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(
            lambda idx: self.open_requested.emit(self.model.row_at(idx.row()).subject)
        )
        self.status = QLabel()
        self.status.setObjectName("error")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.new_organisation)
        top.addWidget(self.new_network)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.field)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.loaded = False  # a directory was read at least once (tests wait for it)
        self.follow = follow(workspace, self, TABLES, self._changed)
        self.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Organisations and networks"))
        self.new_organisation.setText(self.tr("+ Organisation"))
        self.new_network.setText(self.tr("+ Network"))
        self.field.setPlaceholderText(self.tr("Search by name or region"))
        self.field.setAccessibleName(self.tr("Search organisations and networks"))
        self.table.setAccessibleName(self.tr("Organisations and networks"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)

    def _changed(self, changes: ChangeSet, origin: ChangeOrigin) -> None:
        self.refresh()

    def refresh(self) -> None:
        query, today = self.field.text(), date.today()
        ops.submit(
            self.workspace,
            lambda s: directory.directory(s, query, today=today),
            on_done=self._show,
            on_error=lambda exc: self.status.setText(message_for(exc)),
        )

    def _show(self, rows: list[DirectoryRow]) -> None:
        selected = self._current()
        self.model.set_rows(rows)
        self.follow.clear()
        self.status.clear()
        self.loaded = True
        subjects = [r.subject for r in rows]
        if rows:
            self.table.selectRow(subjects.index(selected) if selected in subjects else 0)

    def _current(self) -> SubjectRef | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).subject if rows else None

    def _open_current(self) -> None:
        current = self._current()
        if current is not None:
            self.open_requested.emit(current)

    def focus_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    # ----- new organisations and networks --------------------------------------------------
    def _with_options(self, then: Any) -> None:
        ops.submit(
            self.workspace,
            organisations.form_options,
            on_done=then,
            on_error=lambda exc: self.status.setText(message_for(exc)),
        )

    def _new_organisation(self, options: OrgFormOptions) -> None:
        from .organisation_dialogs import OrganisationDialog

        dialog = OrganisationDialog(self.workspace, options, parent=self)
        dialog.saved.connect(lambda row: self.open_requested.emit(SubjectRef.organisation(row.id)))
        open_dialog(dialog)

    def _new_network(self, options: OrgFormOptions) -> None:
        from .organisation_dialogs import NetworkDialog

        dialog = NetworkDialog(self.workspace, options, parent=self)
        dialog.saved.connect(self._network_saved)
        open_dialog(dialog)

    def _network_saved(self, option: OrganisationOption) -> None:
        self.open_requested.emit(SubjectRef.network(option.id))
