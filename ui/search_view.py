"""Search everything (Ctrl+F): notes, quotes, signals, observations, with filters;
a result opens where it was written."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.enums import Valence
from inspectorapp.domain.snapshots import SearchFilters, SearchHit
from inspectorapp.domain.visit_views import InspectionFormOptions

from . import labels

HTML_ROLE = Qt.ItemDataRole.UserRole + 1  # the result as rich text, matches marked


def highlighted(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` as HTML with the matched words marked."""
    out, at = [], 0
    for start, end in spans:
        out.append(escape(text[at:start]))
        out.append(f'<span style="background-color:#ffe58a;color:#000;">{escape(text[start:end])}</span>')
        at = end
    out.append(escape(text[at:]))
    return "".join(out).replace("\n", "<br>")


class _RichTextDelegate(QStyledItemDelegate):
    """Paints an item's ``HTML_ROLE`` (QListWidget draws plain text only); the plain text
    stays the item's text for screen readers."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        view = option.widget
        width = view.viewport().width() if isinstance(view, QListWidget) else option.rect.width()
        doc.setTextWidth(max(120, width - 8))
        return doc

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text, opt.palette.highlightedText().color())
        painter.save()
        painter.translate(opt.rect.topLeft() + QPoint(4, 2))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        doc = self._document(option, index)
        return QSize(int(doc.textWidth()), int(doc.size().height()) + 4)


class SearchView(QWidget):
    query_changed = Signal(str, object)  # text, SearchFilters
    open_requested = Signal(object)  # SearchHit

    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.organisation = QComboBox()
        self.period = QComboBox()
        self.source = QComboBox()
        self.valence = QComboBox()
        self.theme = QComboBox()
        self.organisation.setMinimumWidth(180)
        self.theme.setMinimumWidth(160)
        filters = QHBoxLayout()
        for combo in (self.organisation, self.period, self.source, self.valence, self.theme):
            filters.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _i: self._emit())
        filters.addStretch(1)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.itemActivated.connect(self._activated)
        self.results.setItemDelegate(_RichTextDelegate(self.results))
        self.summary = QLabel()
        self._hits: dict[str, SearchHit] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self._emit)
        self.field.textChanged.connect(lambda _t: self._debounce.start())
        self.field.returnPressed.connect(self._emit)
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
        self._fill(
            self.period,
            [(self.tr("Any time"), None), (self.tr("Last 30 days"), 30), (self.tr("Last year"), 365)],
        )
        self._fill(
            self.source,
            [
                (self.tr("Everything"), None),
                (self.tr("Notes"), "note"),
                (self.tr("Signals"), "signal"),
                (self.tr("Session events"), "event"),
                (self.tr("Observations"), "observation"),
            ],
        )
        self._fill(
            self.valence,
            [
                (self.tr("Any valence"), None),
                (self.tr("positive"), Valence.POSITIVE),
                (self.tr("negative"), Valence.NEGATIVE),
                (self.tr("ambiguous"), Valence.AMBIGUOUS),
            ],
        )
        for combo, name in (
            (self.organisation, self.tr("Organisation")),
            (self.period, self.tr("Period")),
            (self.source, self.tr("Kind")),
            (self.valence, self.tr("Valence")),
            (self.theme, self.tr("Theme")),
        ):
            combo.setAccessibleName(name)

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
        current = combo.currentIndex()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, current))
        combo.blockSignals(False)

    def set_options(self, options: InspectionFormOptions) -> None:
        english = QLocale().language() == QLocale.Language.English
        self._fill(
            self.organisation,
            [(self.tr("All organisations"), None)] + [(o.name, o.id) for o in options.organisations],
        )
        self._fill(
            self.theme,
            [(self.tr("All themes"), None)]
            + [(f"{t.code} {t.en if english else t.nl}", t.code) for t in options.themes],
        )

    def filters(self) -> SearchFilters:
        days = self.period.currentData()
        source = self.source.currentData()
        return SearchFilters(
            organisation_id=self.organisation.currentData(),
            since=date.today() - timedelta(days=days) if days else None,
            sources=frozenset({source}) if source else frozenset(),
            valence=self.valence.currentData(),
            theme_code=self.theme.currentData(),
        )

    def _emit(self) -> None:
        self.query_changed.emit(self.field.text(), self.filters())

    def show_hits(self, query: str, hits: list[SearchHit]) -> None:
        if query != self.field.text():
            return  # a newer query is on its way
        from inspectorapp.services.search import match_spans, snippet

        self.results.clear()
        self._hits = {h.ref_id: h for h in hits}
        for hit in hits:
            when = hit.at.astimezone().strftime("%d-%m-%Y") if hit.at else ""
            where = " · ".join(p for p in (when, hit.inspection_title, hit.organisation) if p)
            heading = f"[{labels.search_source(hit.source)}] {where}"
            text, spans = snippet(hit.text, match_spans(query, hit.text))
            item = QListWidgetItem(f"{heading}\n{text}")
            item.setData(Qt.ItemDataRole.UserRole, hit.ref_id)
            item.setData(HTML_ROLE, f"<b>{escape(heading)}</b><br>{highlighted(text, spans)}")
            self.results.addItem(item)
        self.summary.setText(self.tr("%n result(s)", "", len(hits)) if query.strip() else "")

    def _activated(self, item: QListWidgetItem) -> None:
        hit = self._hits.get(item.data(Qt.ItemDataRole.UserRole))
        if hit is not None:
            self.open_requested.emit(hit)
