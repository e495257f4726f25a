"""Signal cards on the board, painted by one delegate per column: 5,000 cards stay 5,000
rows in a model, never 5,000 widgets. Valence is the fill colour, a hard signal has a
solid edge and a soft one a dashed edge; status, entrance, observer, date, a hook marker
and the links to other signals in view are written on the card."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    QStringListModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from inspectorapp.domain.board_views import BoardCard, IncongruencePair
from inspectorapp.domain.enums import Confidentiality, SignalKind, SignalLinkType, Valence

CARD_W = 250
CARD_H = 112
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
CONTEXT = "SignalBoard"

FILL: dict[str, QColor] = {
    Valence.NEGATIVE: QColor("#fbe3e1"),
    Valence.POSITIVE: QColor("#e2f3e4"),
    Valence.AMBIGUOUS: QColor("#fdf1d6"),
}
EDGE: dict[str, QColor] = {
    Valence.NEGATIVE: QColor("#b3261e"),
    Valence.POSITIVE: QColor("#2e7d32"),
    Valence.AMBIGUOUS: QColor("#9a6700"),
}

KIND_TEXT = {
    SignalKind.HARD: QT_TRANSLATE_NOOP("SignalBoard", "hard"),
    SignalKind.SOFT: QT_TRANSLATE_NOOP("SignalBoard", "soft"),
}
VALENCE_TEXT = {
    Valence.NEGATIVE: QT_TRANSLATE_NOOP("SignalBoard", "negative"),
    Valence.POSITIVE: QT_TRANSLATE_NOOP("SignalBoard", "positive"),
    Valence.AMBIGUOUS: QT_TRANSLATE_NOOP("SignalBoard", "ambiguous"),
}
CONFIDENTIALITY_TEXT = {
    Confidentiality.INTERNAL: QT_TRANSLATE_NOOP("SignalBoard", "inspectorate internal"),
    Confidentiality.TEAM: QT_TRANSLATE_NOOP("SignalBoard", "team"),
    Confidentiality.RESTRICTED: QT_TRANSLATE_NOOP("SignalBoard", "restricted"),
    Confidentiality.REPORTER_CONFIDENTIAL: QT_TRANSLATE_NOOP("SignalBoard", "reporter confidential"),
}
# Short badge texts: the link type as seen from this card.
BADGE_TEXT = {
    SignalLinkType.INCONGRUENT_WITH: QT_TRANSLATE_NOOP("SignalBoard", "incongruent"),
    SignalLinkType.CONTRADICTS: QT_TRANSLATE_NOOP("SignalBoard", "contradicts"),
    SignalLinkType.CORROBORATES: QT_TRANSLATE_NOOP("SignalBoard", "corroborates"),
    SignalLinkType.HARDENS: QT_TRANSLATE_NOOP("SignalBoard", "hardens"),
}


def tr_label(table: Mapping[Any, object], value: str) -> str:
    text = table.get(value)
    return QCoreApplication.translate(CONTEXT, str(text)) if text else value


class CardModel(QStringListModel):
    """A column's cards. Built on Qt's own string-list model so that the view's per-row calls
    while it lays out 5,000 rows (``rowCount``/``index``, two per row) stay in C++: as a
    Python ``QAbstractListModel`` they were a third of the board's fill (bench/README.md).
    Only ``data`` is Python, and the view asks it for the cards it paints."""

    def __init__(self, cards: Sequence[BoardCard] = ()) -> None:
        super().__init__()
        self.cards: list[BoardCard] = []
        self.set_cards(cards)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cards):
            return None
        card = self.cards[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return card.observation
        if role == Qt.ItemDataRole.ToolTipRole:
            return card.observation
        if role == CARD_ROLE:
            return card
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        # read-only: a string-list model's rows are editable by default
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if index.isValid()
            else Qt.ItemFlag.NoItemFlags
        )

    def set_cards(self, cards: Sequence[BoardCard]) -> None:
        self.cards = list(cards)
        self.setStringList([c.id for c in self.cards])  # one reset; the rows' text is in data()


# Card shapes by look and size, shared by every board of the session (a dozen pixmaps).
_BACKGROUNDS: dict[tuple[str, bool, bool, int, int, float], QPixmap] = {}


class CardDelegate(QStyledItemDelegate):
    """Paints a card. ``describe`` turns codes into labels (status, entrance) in the
    interface language; the board gives it one that knows the framework's labels."""

    def __init__(self, describe: Callable[[str, str | None], str], parent: Any = None) -> None:
        super().__init__(parent)
        self.describe = describe
        self._font_key = ""
        self._font_cache: tuple[QFont, QFont, QFontMetrics, QFontMetrics] | None = None

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(CARD_W, CARD_H)

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFontMetrics, QFontMetrics]:
        """The card's small and bold fonts with their metrics, made once per base font."""
        key = base.key()
        if self._font_key != key:
            small = QFont(base)
            small.setPointSizeF(max(7.0, base.pointSizeF() - 1.5))
            bold = QFont(small)
            bold.setBold(True)
            self._font_key = key
            self._font_cache = (small, bold, QFontMetrics(small), QFontMetrics(bold))
        assert self._font_cache is not None
        return self._font_cache

    def _background(self, card: BoardCard, selected: bool, size: QSize, ratio: float) -> QPixmap:
        """The card's rounded, antialiased shape in its colours, drawn once per look and size:
        a card's most expensive stroke, and there are only a dozen looks."""
        key = (card.valence, card.kind == SignalKind.HARD, selected, size.width(), size.height(), ratio)
        pixmap = _BACKGROUNDS.get(key)
        if pixmap is None:
            pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            p = QPainter(pixmap)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            pen = QPen(EDGE.get(card.valence, QColor("#555")), 2.4 if selected else 1.4)
            pen.setStyle(Qt.PenStyle.SolidLine if key[1] else Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(FILL.get(card.valence, QColor("#f3f3f3")))
            inset = pen.widthF() / 2
            p.drawRoundedRect(QRectF(inset, inset, size.width() - 2 * inset, size.height() - 2 * inset), 6, 6)
            p.end()
            _BACKGROUNDS[key] = pixmap
        return pixmap

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        card: BoardCard | None = index.data(CARD_ROLE)
        if card is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        rect = option.rect.adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(rect.topLeft(), self._background(card, selected, rect.size(), ratio))
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(QColor("#1f4e99"), 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(3, 3, -3, -3), 4, 4)
        inner = rect.adjusted(8, 5, -8, -5)
        small, bold, fm, fm_bold = self._fonts(option.font)
        line = fm.lineSpacing()
        painter.setPen(QColor("#202020"))
        painter.setFont(small)
        when = card.observed_at.astimezone().strftime("%d-%m-%Y")
        date_w = fm.horizontalAdvance(when) + 6
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), line), Qt.AlignmentFlag.AlignRight, when
        )
        painter.setFont(bold)
        top = self.describe("signal_status", card.status)
        if card.has_hook:
            top = f"⚓ {top}"
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width() - date_w, line),
            Qt.AlignmentFlag.AlignLeft,
            fm_bold.elidedText(top, Qt.TextElideMode.ElideRight, inner.width() - date_w),
        )
        painter.setFont(small)
        body_h = inner.height() - 3 * line - 4
        body = QRect(inner.left(), inner.top() + line + 1, inner.width(), body_h - body_h % line)
        _draw_wrapped(painter, small, card.observation, body)
        painter.setPen(QColor("#4a4a4a"))
        who = " · ".join(
            x
            for x in (
                card.member_name,
                self.describe("entrance", card.entrance) if card.entrance else None,
                card.observed_by,
            )
            if x
        )
        painter.drawText(
            QRect(inner.left(), inner.bottom() - 2 * line, inner.width(), line),
            Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(who, Qt.TextElideMode.ElideRight, inner.width()),
        )
        painter.setFont(bold)
        painter.drawText(
            QRect(inner.left(), inner.bottom() - line, inner.width(), line),
            Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(_badges(card), Qt.TextElideMode.ElideRight, inner.width()),
        )
        painter.restore()


def _draw_wrapped(painter: QPainter, font: QFont, text: str, rect: QRect) -> None:
    """``text`` word-wrapped into ``rect``, the last line that fits elided when cut. One text
    layout pass per card: the board paints thousands as the user scrolls."""
    fm = QFontMetrics(font)
    height, most = fm.lineSpacing(), max(1, rect.height() // fm.lineSpacing())
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines: list[tuple[int, int]] = []
    while len(lines) < most:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(rect.width())
        lines.append((line.textStart(), line.textLength()))
    layout.endLayout()
    for n, (start, length) in enumerate(lines):
        piece = text[start : start + length].rstrip("\n")
        if n == len(lines) - 1 and start + length < len(text):
            piece = fm.elidedText(text[start:].replace("\n", " "), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect.left(), rect.top() + n * height + fm.ascent(), piece)


def _badges(card: BoardCard) -> str:
    counts: dict[str, int] = {}
    for badge in card.badges:
        counts[badge.link_type] = counts.get(badge.link_type, 0) + 1
    parts = []
    for link_type, n in counts.items():
        text = tr_label(BADGE_TEXT, link_type)
        parts.append(f"{text} ×{n}" if n > 1 else text)
    return " · ".join(parts)


PAIR_ROLE = Qt.ItemDataRole.UserRole + 2


class PairModel(QAbstractListModel):
    """Incongruent pairs; the tooltip carries both texts whole."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[IncongruencePair] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.pairs)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        pair = self.pairs[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{pair.first_text} ≠ {pair.second_text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            note = f"\n\n{pair.note}" if pair.note else ""
            return f"{pair.first_text}\n\n≠\n\n{pair.second_text}{note}"
        if role == PAIR_ROLE:
            return pair
        return None

    def set_pairs(self, pairs: Sequence[IncongruencePair]) -> None:
        self.beginResetModel()
        self.pairs = list(pairs)
        self.endResetModel()


class PairDelegate(QStyledItemDelegate):
    """Both sides of a pair next to each other, three lines each, a '≠' between them."""

    LINES = 3

    def row_height(self, fm: QFontMetrics) -> int:
        return fm.lineSpacing() * self.LINES + 10

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(400, self.row_height(QFontMetrics(option.font)))

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        pair: IncongruencePair | None = index.data(PAIR_ROLE)
        if pair is None:
            return
        painter.save()
        rect = option.rect.adjusted(2, 2, -2, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(QColor("#1f4e99") if selected else QColor("#b9b9b9"), 1))
        painter.setBrush(QColor("#fafafa"))
        painter.drawRect(rect)
        fm = QFontMetrics(option.font)
        gap = fm.horizontalAdvance("≠") + 16
        half = (rect.width() - gap) // 2
        painter.setPen(QColor("#202020"))
        painter.setFont(option.font)
        for left, text in ((rect.left() + 6, pair.first_text), (rect.left() + half + gap, pair.second_text)):
            box = QRect(left, rect.top() + 4, half - 8, fm.lineSpacing() * self.LINES)
            _draw_wrapped(painter, option.font, text, box)
        painter.drawText(
            QRect(rect.left() + half, rect.top(), gap, rect.height()), Qt.AlignmentFlag.AlignCenter, "≠"
        )
        painter.restore()
