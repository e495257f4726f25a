"""Search everything (Ctrl+F): notes, quotes, signals, observations."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from inspectorapp.domain.snapshots import SearchHit

from . import labels


class SearchView(QWidget):
    query_changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(lambda: self.query_changed.emit(self.field.text()))
        self.field.textChanged.connect(lambda _t: self._debounce.start())
        self.field.returnPressed.connect(lambda: self.query_changed.emit(self.field.text()))
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Search notes, quotes, signals and observations…"))
        self.field.setAccessibleName(self.tr("Search"))
        self.field.setToolTip(self.tr("Words match whole words; end a word with * to match its beginning."))
        self.results.setAccessibleName(self.tr("Search results"))

    def show_hits(self, query: str, hits: list[SearchHit]) -> None:
        if query != self.field.text():
            return  # a newer query is on its way
        self.results.clear()
        for hit in hits:
            when = hit.at.astimezone().strftime("%d-%m-%Y") if hit.at else ""
            text = hit.text if len(hit.text) <= 240 else hit.text[:239] + "…"
            item = QListWidgetItem(f"[{labels.search_source(hit.source)}] {when}\n{text}")
            item.setData(Qt.ItemDataRole.UserRole, hit.ref_id)
            self.results.addItem(item)
        self.summary.setText(self.tr("%n result(s)", "", len(hits)) if query.strip() else "")
