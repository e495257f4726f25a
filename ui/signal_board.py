"""The signal board of an organisation or a network: cards in columns (by status, category
or month), a filter bar, the corroboration of what is in view as one plain line (counts,
never a score) and the incongruent pairs side by side. Enter or a double click opens the
signal's detail."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.board_views import BoardCard, BoardFilter, BoardView, HookFilter, IncongruencePair
from inspectorapp.domain.corroboration import Corroboration
from inspectorapp.domain.enums import Confidentiality, SignalKind, Valence
from inspectorapp.domain.subject_ref import SubjectRef

from . import ops
from .board_widgets import FlowLayout
from .change_bus import follow
from .labels import code_text
from .messages import message_for
from .signal_cards import (
    CARD_H,
    CARD_ROLE,
    CARD_W,
    CONFIDENTIALITY_TEXT,
    KIND_TEXT,
    PAIR_ROLE,
    VALENCE_TEXT,
    CardDelegate,
    CardModel,
    PairDelegate,
    PairModel,
    tr_label,
)

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

BOARD_SHOWS = ("signal", "signal_link", "signal_category", "concern_signal")
NO_DATE = QDate(2000, 1, 1)  # the date edits' "no bound" value, shown as a dash


class GroupBy:
    STATUS = "status"
    CATEGORY = "category"
    MONTH = "month"


class MultiFilter(QToolButton):
    """A compact multi-select: a button that names the filter and how many values are
    chosen, with a menu of checkable values."""

    changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        menu.aboutToShow.connect(self._build_menu)  # built when opened: fills stay cheap
        self.setMenu(menu)
        self._choices: list[tuple[str, str]] = []
        self._selected: set[str] = set()
        self._update_text()

    def set_choices(self, choices: Iterable[tuple[str, str]]) -> None:
        self._choices = list(choices)
        known = {value for value, _ in self._choices}
        self._selected &= known
        self._update_text()

    def selected(self) -> frozenset[str]:
        return frozenset(self._selected)

    def select(self, values: Iterable[str]) -> None:
        known = {value for value, _ in self._choices}
        self._selected = set(values) & known
        self._update_text()
        self.changed.emit()

    def actions_shown(self) -> list[QAction]:
        """The menu's checkable values (built now if the menu was not opened yet)."""
        self._build_menu()
        return [a for a in self.menu().actions() if a.isCheckable()]

    def _build_menu(self) -> None:
        menu = self.menu()
        menu.clear()
        for value, text in self._choices:
            action = QAction(text, menu)
            action.setCheckable(True)
            action.setChecked(value in self._selected)
            action.setData(value)
            action.toggled.connect(lambda on, v=value: self._toggled(v, on))
            menu.addAction(action)

    def _toggled(self, value: str, on: bool) -> None:
        if on:
            self._selected.add(value)
        else:
            self._selected.discard(value)
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        n = len(self._selected)
        self.setText(f"{self.title} ({n})" if n else self.title)


class BoardColumn(QFrame):
    """One group: a title with its count above a list of painted cards."""

    def __init__(self, delegate: CardDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardColumn")
        self.title = QLabel()
        self.title.setObjectName("boardColumnTitle")
        self.model = CardModel()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(delegate)
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setFixedWidth(CARD_W + 20)
        self.list.setMinimumHeight(CARD_H + 8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)

    def fill(self, title: str, cards: Sequence[BoardCard]) -> None:
        self.title.setText(f"{title} ({len(cards)})")
        self.model.set_cards(cards)


class SignalBoardView(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signalBoard")
        self.workspace = workspace
        self.subject: SubjectRef | None = None
        self.view: BoardView | None = None
        self.detail: QWidget | None = None
        self._labels: dict[tuple[str, str], str] = {}
        self.delegate = CardDelegate(self._describe, self)
        self.header = QLabel()
        self.header.setObjectName("boardHeader")
        self.header.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("error")
        self.status.setWordWrap(True)
        self.group = QComboBox()
        self.group.addItem(self.tr("By status"), GroupBy.STATUS)
        self.group.addItem(self.tr("By category"), GroupBy.CATEGORY)
        self.group.addItem(self.tr("By month"), GroupBy.MONTH)
        self.group.currentIndexChanged.connect(lambda _i: self._regroup())
        self.f_status = MultiFilter(self.tr("Status"))
        self.f_kind = MultiFilter(self.tr("Kind"))
        self.f_valence = MultiFilter(self.tr("Valence"))
        self.f_entrance = MultiFilter(self.tr("Entrance"))
        self.f_category = MultiFilter(self.tr("Category"))
        self.f_unit = MultiFilter(self.tr("Unit"))
        self.f_observer = MultiFilter(self.tr("Observer"))
        self.f_confidentiality = MultiFilter(self.tr("Confidentiality"))
        self.f_kind.set_choices((k.value, tr_label(KIND_TEXT, k)) for k in SignalKind)
        self.f_valence.set_choices((v.value, tr_label(VALENCE_TEXT, v)) for v in Valence)
        self.f_confidentiality.set_choices(
            (c.value, tr_label(CONFIDENTIALITY_TEXT, c)) for c in Confidentiality
        )
        self.multi = (
            self.f_status,
            self.f_kind,
            self.f_valence,
            self.f_entrance,
            self.f_category,
            self.f_unit,
            self.f_observer,
            self.f_confidentiality,
        )
        for f in self.multi:
            f.changed.connect(self._reload)
        self.hook = QComboBox()
        self.hook.addItem(self.tr("Hook: any"), HookFilter.ANY)
        self.hook.addItem(self.tr("With hook"), HookFilter.WITH)
        self.hook.addItem(self.tr("Without hook"), HookFilter.WITHOUT)
        self.hook.currentIndexChanged.connect(lambda _i: self._reload())
        self.period_from = self._date_edit(self.tr("From"))
        self.period_to = self._date_edit(self.tr("To"))
        self.reset = QPushButton(self.tr("Clear filters"))
        self.reset.clicked.connect(self.clear_filters)
        bar = FlowLayout(spacing=4)  # wraps on a narrow page instead of widening it
        bar.addWidget(self.group)
        for f in self.multi:
            bar.addWidget(f)
        bar.addWidget(self.hook)
        bar.addWidget(self.period_from)
        bar.addWidget(self.period_to)
        bar.addWidget(self.reset)
        self.columns_host = QWidget()
        self.columns_layout = QHBoxLayout(self.columns_host)
        self.columns_layout.setContentsMargins(0, 0, 0, 0)
        self.columns_layout.setSpacing(8)
        self.columns_layout.addStretch(1)
        self.columns: list[BoardColumn] = []
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.columns_host)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.empty = QLabel(self.tr("No signals match these filters."))
        self.empty.hide()
        self.incongruence_title = QLabel(self.tr("Incongruences"))
        self.incongruence_title.setObjectName("sectionTitle")
        self.pair_model = PairModel()
        self.pair_delegate = PairDelegate(self)
        self.incongruences = QListView()
        self.incongruences.setObjectName("incongruences")
        self.incongruences.setModel(self.pair_model)
        self.incongruences.setItemDelegate(self.pair_delegate)
        self.incongruences.setUniformItemSizes(True)
        self.incongruences.activated.connect(self._open_pair)
        self.no_incongruences = QLabel(self.tr("No incongruent pairs in view."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.header)
        layout.addWidget(self.status)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.incongruence_title)
        layout.addWidget(self.incongruences)
        layout.addWidget(self.no_incongruences)
        follow(workspace, self, BOARD_SHOWS, lambda _c, _o: self._reload())

    def help_keys(self) -> tuple[str, list[tuple[str, str]]]:
        """F1 lists the board's keys (ui/help_overlay.py)."""
        return self.tr("Signal board"), [
            ("↑ / ↓", self.tr("Move through a column's cards")),
            ("Enter", self.tr("Open the signal: interpretation, status history, links, attachments")),
            ("Tab", self.tr("Next column or filter")),
        ]

    def sizeHint(self) -> QSize:
        return QSize(1100, 620)

    # -- loading ---------------------------------------------------------------------------

    def show_subject(self, subject: SubjectRef) -> None:
        if subject != self.subject:
            self.subject = subject
            self.clear_filters(reload=False)
        self._reload()

    def filters(self) -> BoardFilter:
        start, end = self.period_from.date(), self.period_to.date()
        return BoardFilter(
            statuses=self.f_status.selected(),
            period_from=None if start == NO_DATE else date(start.year(), start.month(), start.day()),
            period_to=None if end == NO_DATE else date(end.year(), end.month(), end.day()),
            kinds=self.f_kind.selected(),
            valences=self.f_valence.selected(),
            entrances=self.f_entrance.selected(),
            categories=self.f_category.selected(),
            units=self.f_unit.selected(),
            observers=self.f_observer.selected(),
            hook=HookFilter(self.hook.currentData()),
            confidentialities=self.f_confidentiality.selected(),
        )

    def clear_filters(self, reload: bool = True) -> None:
        for f in self.multi:
            f.blockSignals(True)
            f.select(())
            f.blockSignals(False)
        for w in (self.hook, self.period_from, self.period_to):
            w.blockSignals(True)
        self.hook.setCurrentIndex(0)
        self.period_from.setDate(NO_DATE)
        self.period_to.setDate(NO_DATE)
        for w in (self.hook, self.period_from, self.period_to):
            w.blockSignals(False)
        if reload:
            self._reload()

    def _reload(self) -> None:
        if self.subject is None:
            return
        from inspectorapp.services import signal_board

        filters, categories = self.request()
        ops.submit(
            self.workspace,
            signal_board.board,
            self.subject,
            filters,
            categories,
            on_done=self.fill,
            on_error=self._error,
        )

    def request(self) -> tuple[BoardFilter, bool]:
        """What the board asks the service for: the filters, and whether the cards' categories
        are needed (only to group by them; a category filter reads them anyway)."""
        return self.filters(), self.group.currentData() == GroupBy.CATEGORY

    def _error(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))

    # -- showing ---------------------------------------------------------------------------

    def fill(self, view: BoardView) -> None:
        """Show a board view (the service's answer); public so the benchmark times it."""
        if self.subject is not None and view.subject != self.subject:
            return  # an answer for a subject no longer shown
        self.subject = view.subject
        self.view = view
        self.status.clear()
        o = view.options
        self._labels = {
            (taxonomy, c.code): code_text(c)
            for taxonomy, labels in (
                ("signal_status", o.statuses),
                ("entrance", o.entrances),
                ("signal_category", o.categories),
            )
            for c in labels
        }
        self.f_status.set_choices((c.code, code_text(c)) for c in o.statuses)
        self.f_entrance.set_choices((c.code, code_text(c)) for c in o.entrances)
        self.f_category.set_choices((c.code, code_text(c)) for c in o.categories)
        self.f_unit.set_choices((u.value, u.text) for u in o.units)
        self.f_unit.setVisible(bool(o.units))
        self.f_observer.set_choices((name, name) for name in o.observers)
        self.header.setText(self.header_text(view))
        self._regroup()
        self._fill_incongruences(view)

    def header_text(self, view: BoardView) -> str:
        c, against = view.corroboration, view.contradicting
        text = (
            self.tr("%n signal(s)", "", c.signals)
            + " "
            + self.tr("from %n independent source(s)", "", c.sources)
        )
        text += ", " + self.tr("%n entrance(s)", "", c.entrances)
        text += ", " + self.tr("%n observer(s)", "", c.observers)
        first, last = _period(c, against)
        if first is not None and last is not None:
            text += ", " + self.tr("period {0} – {1}").format(first, last)
        text += "; " + self.tr("%n contradicting", "", against.signals)
        if view.total != len(view.cards):
            text += " " + self.tr("(filtered: {0} of {1} signals)").format(len(view.cards), view.total)
        return text

    def _describe(self, taxonomy: str, code: str | None) -> str:
        if not code:
            return ""
        return self._labels.get((taxonomy, code), code)

    def _regroup(self) -> None:
        if self.view is None:
            return
        if self.group.currentData() == GroupBy.CATEGORY and not self.view.with_categories:
            self._reload()  # the categories were not read for this view; regrouped when they come
            return
        groups = list(self._groups(self.view.cards))
        while len(self.columns) < len(groups):
            column = BoardColumn(self.delegate)
            column.list.activated.connect(self._open)
            self.columns_layout.insertWidget(len(self.columns), column)
            self.columns.append(column)
        for column, (title, cards) in zip(self.columns, groups, strict=False):
            column.fill(title, cards)
            column.show()
        for column in self.columns[len(groups) :]:
            column.fill("", ())
            column.hide()
        self.empty.setVisible(not self.view.cards)

    def _groups(self, cards: Sequence[BoardCard]) -> Iterable[tuple[str, list[BoardCard]]]:
        """Groups in a stable order; cards keep their order (oldest first) inside each."""
        mode = self.group.currentData()
        assert self.view is not None
        if mode == GroupBy.MONTH:
            by_month: dict[tuple[int, int], list[BoardCard]] = {}
            for card in cards:
                local = card.observed_at.astimezone()
                by_month.setdefault((local.year, local.month), []).append(card)
            for (year, month), group in sorted(by_month.items()):
                yield f"{month:02d}-{year}", group
            return
        if mode == GroupBy.CATEGORY:
            by_code: dict[str, list[BoardCard]] = {}
            loose: list[BoardCard] = []
            for card in cards:
                for code in card.categories:
                    by_code.setdefault(code, []).append(card)
                if not card.categories:
                    loose.append(card)
            order = [c.code for c in self.view.options.categories]
            for code in sorted(by_code, key=lambda k: (order.index(k) if k in order else len(order), k)):
                yield self._describe("signal_category", code), by_code[code]
            if loose:
                yield self.tr("No category"), loose
            return
        by_status: dict[str, list[BoardCard]] = {}
        for card in cards:
            by_status.setdefault(card.status, []).append(card)
        order = [c.code for c in self.view.options.statuses]
        for code in sorted(by_status, key=lambda k: (order.index(k) if k in order else len(order), k)):
            yield self._describe("signal_status", code), by_status[code]

    def _fill_incongruences(self, view: BoardView) -> None:
        self.pair_model.set_pairs(view.incongruences)
        self.incongruences.setVisible(bool(view.incongruences))
        self.no_incongruences.setVisible(not view.incongruences)
        # Two pairs in sight, more by scrolling; the cards keep the rest of the height.
        row = self.pair_delegate.row_height(self.incongruences.fontMetrics())
        self.incongruences.setFixedHeight(min(2, max(1, len(view.incongruences))) * row + 4)

    def _open_pair(self, index: QModelIndex) -> None:
        pair: IncongruencePair | None = index.data(PAIR_ROLE)
        if pair is not None:
            self._open_signal(pair.first_id)

    def _open(self, index: QModelIndex) -> None:
        card: BoardCard | None = index.data(CARD_ROLE)
        if card is not None:
            self._open_signal(card.id)

    def _open_signal(self, signal_id: str) -> None:
        from .signal_detail import SignalDetailDialog

        dialog = SignalDetailDialog(self.workspace, signal_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.detail = dialog
        dialog.open()

    def _date_edit(self, tip: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd-MM-yyyy")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")
        edit.setDate(NO_DATE)
        edit.setToolTip(tip)
        edit.dateChanged.connect(lambda _d: self._reload())
        return edit


def _period(main: Corroboration, against: Corroboration) -> tuple[str | None, str | None]:
    moments = [m for m in (main.first, main.last, against.first, against.last) if m is not None]
    if not moments:
        return None, None
    return min(moments).astimezone().strftime("%d-%m-%Y"), max(moments).astimezone().strftime("%d-%m-%Y")
