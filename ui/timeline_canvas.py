"""The timeline painted with QPainter from the shared layout (inspectorapp.domain.timeline):
this only turns the layout into pixels, as the PDF Flowable does into points."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from inspectorapp.domain.enums import SignalKind
from inspectorapp.domain.timeline import (
    GAP_HEX,
    GRID_HEX,
    TODAY_HEX,
    ItemKind,
    Lane,
    Mark,
    TimelineData,
    TimelineItem,
    TimelineLayout,
    colour,
    hit,
    month_date,
)

from .labels import english

LABEL_WIDTH = 210  # the lane names, kept in view while the lanes scroll
HEADER = 38  # year and month labels above the lanes
ROW = 17  # the smallest row; rows grow to fill the height there is
MAX_ROW = 30
PAD = 12  # room right of the lane names and after the last month
MARK = 5.0  # radius of a signal mark
FLAG_TEXT = 120  # room for a life event's label


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelineView", text)


LANE_NAMES: dict[Lane, object] = {
    Lane.SIGNALS_NEGATIVE: QT_TRANSLATE_NOOP("TimelineView", "Signals: negative"),
    Lane.SIGNALS_AMBIGUOUS: QT_TRANSLATE_NOOP("TimelineView", "Signals: ambiguous"),
    Lane.SIGNALS_POSITIVE: QT_TRANSLATE_NOOP("TimelineView", "Signals: positive"),
    Lane.VISITS: QT_TRANSLATE_NOOP("TimelineView", "Visits and conversations"),
    Lane.LIFE_EVENTS: QT_TRANSLATE_NOOP("TimelineView", "Life events"),
    Lane.INSPECTIONS: QT_TRANSLATE_NOOP("TimelineView", "Inspections"),
    Lane.SUPERVISION: QT_TRANSLATE_NOOP("TimelineView", "Intensified / heightened"),
    Lane.INTERVENTIONS: QT_TRANSLATE_NOOP("TimelineView", "Interventions"),
    Lane.CONCERNS: QT_TRANSLATE_NOOP("TimelineView", "Concern status"),
}
KIND_NAMES: dict[ItemKind, object] = {
    ItemKind.VISIT: QT_TRANSLATE_NOOP("TimelineView", "Visit"),
    ItemKind.CONVERSATION: QT_TRANSLATE_NOOP("TimelineView", "Conversation"),
    ItemKind.LIFE_EVENT: QT_TRANSLATE_NOOP("TimelineView", "Life event"),
    ItemKind.INSPECTION: QT_TRANSLATE_NOOP("TimelineView", "Inspection"),
    ItemKind.INTENSIFIED: QT_TRANSLATE_NOOP("TimelineView", "Intensified supervision"),
    ItemKind.HEIGHTENED: QT_TRANSLATE_NOOP("TimelineView", "Heightened supervision"),
    ItemKind.INTERVENTION: QT_TRANSLATE_NOOP("TimelineView", "Intervention"),
    ItemKind.CONCERN_STATUS: QT_TRANSLATE_NOOP("TimelineView", "Concern"),
}


def lane_name(lane: Lane) -> str:
    return _tr(str(LANE_NAMES[lane]))


def _kind_name(item: TimelineItem) -> str:
    if item.kind == ItemKind.SIGNAL:
        if item.signal_kind == SignalKind.HARD:
            return QCoreApplication.translate("TimelineView", "Hard signal")
        return QCoreApplication.translate("TimelineView", "Soft signal")
    return _tr(str(KIND_NAMES[item.kind]))


def tooltip(item: TimelineItem, language: str) -> str:
    when = item.start.strftime("%d-%m-%Y")
    if item.is_span:
        now = QCoreApplication.translate("TimelineView", "now")
        until = item.end.strftime("%d-%m-%Y") if item.end else now
        when = f"{when} – {until}"
    lines = [f"{_kind_name(item)} · {when}"]
    if item.member:
        lines.append(QCoreApplication.translate("TimelineView", "Member: %1").replace("%1", item.member))
    if item.code is not None:
        lines.append(item.code.text(language))
    if item.planned:
        lines.append(QCoreApplication.translate("TimelineView", "planned"))
    if item.text:
        lines.append(item.text if len(item.text) <= 240 else item.text[:239] + "…")
    return "\n".join(lines)


class TimelineCanvas(QWidget):
    """Paints one layout. Lane names are painted at the left edge of what is visible, so they
    stay in view while the lanes scroll."""

    signal_clicked = Signal(str)
    selection_moved = Signal(int, int)  # where the selected mark is, to scroll it into view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: TimelineData | None = None
        self.lay: TimelineLayout | None = None
        self.row = float(ROW)
        self.selected: str | None = None  # a signal's id, chosen with the keyboard or a click
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumHeight(HEADER + ROW * 9 + PAD)

    def set_layout(self, data: TimelineData, lay: TimelineLayout, height: int) -> None:
        """Show ``lay``, its rows as high as ``height`` allows (within ROW..MAX_ROW)."""
        self.data, self.lay = data, lay
        self.row = max(ROW, min(MAX_ROW, (height - HEADER - PAD) // max(lay.rows, 1)))
        self.setFixedSize(
            int(LABEL_WIDTH + lay.axis.width + PAD * 2), int(HEADER + lay.rows * self.row + PAD)
        )
        self.update()

    # ----- geometry --------------------------------------------------------------------

    @staticmethod
    def x_of(layout_x: float) -> float:
        return LABEL_WIDTH + PAD + layout_x

    def row_top(self, row: int) -> float:
        return HEADER + row * self.row

    def item_at(self, x: float, y: float) -> TimelineItem | None:
        if self.lay is None or y < HEADER or x < self._left() + LABEL_WIDTH:
            return None
        return hit(self.lay, x - LABEL_WIDTH - PAD, int((y - HEADER) // self.row), MARK + 2)

    def _gap_at(self, x: float) -> str:
        """A compressed run's months, for its tooltip."""
        for gap in self.lay.axis.gaps if self.lay is not None else ():
            if self.x_of(gap.x) <= x <= self.x_of(gap.x + gap.width):
                first, last = month_date(gap.first), month_date(gap.last)
                span = f"{first.month:02d}-{first.year} – {last.month:02d}-{last.year}"
                return QCoreApplication.translate("TimelineView", "Quiet period, compressed: %1").replace(
                    "%1", span
                )
        return ""

    def _left(self) -> int:
        return self.visibleRegion().boundingRect().left()

    # ----- events ----------------------------------------------------------------------

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            item = self.item_at(e.pos().x(), e.pos().y())
            text = (
                tooltip(item, "en" if english() else "nl") if item is not None else self._gap_at(e.pos().x())
            )
            if text:
                QToolTip.showText(e.globalPos(), text, self)
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().event(e)

    def signal_marks(self) -> list[Mark]:
        """The signal marks in time order: what the keyboard steps through."""
        marks = self.lay.marks if self.lay is not None else ()
        return sorted(
            (mk for mk in marks if mk.item.kind == ItemKind.SIGNAL), key=lambda mk: (mk.x, mk.item.id)
        )

    def keyPressEvent(self, e: QKeyEvent) -> None:
        """Left/Right step through the signals, Enter opens the one selected."""
        marks = self.signal_marks()
        ids = [mk.item.id for mk in marks]
        at = ids.index(self.selected) if self.selected in ids else -1
        if e.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) and marks:
            step = 1 if e.key() == Qt.Key.Key_Right else -1
            at = max(0, min(len(marks) - 1, at + step if at >= 0 else 0))
            self.selected = ids[at]
            self.selection_moved.emit(int(self.x_of(marks[at].x)), int(self._mark_y(marks[at])))
            self.update()
        elif e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and at >= 0:
            self.signal_clicked.emit(ids[at])
        else:
            super().keyPressEvent(e)

    def _mark_y(self, mark: Mark) -> float:
        assert self.lay is not None
        return self.row_top(self.lay.lane_box(mark.item.lane).row + mark.row) + self.row / 2

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            item = self.item_at(e.position().x(), e.position().y())
            if item is not None and item.kind == ItemKind.SIGNAL:
                self.selected = item.id
                self.update()
                self.signal_clicked.emit(item.id)
        super().mouseReleaseEvent(e)

    # ----- painting --------------------------------------------------------------------

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        if self.lay is not None and self.data is not None:
            self._grid(p, self.lay)
            self._spans(p, self.lay)
            self._marks(p, self.lay)
            self._today(p, self.lay, self.data.today)
            self._selection(p)
            self._lane_names(p, self.lay)
        p.end()

    def _selection(self, p: QPainter) -> None:
        mark = next((mk for mk in self.signal_marks() if mk.item.id == self.selected), None)
        if mark is not None and self.hasFocus():
            p.setPen(QPen(self.palette().highlight().color(), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(self.x_of(mark.x), self._mark_y(mark)), MARK + 4, MARK + 4)

    def _grid(self, p: QPainter, lay: TimelineLayout) -> None:
        bottom = self.row_top(lay.rows)
        ink = self.palette().text().color()
        muted = QColor(ink)
        muted.setAlpha(150)
        for n, box in enumerate(lay.lanes):
            if n % 2:
                shade = QColor(ink)
                shade.setAlpha(10)
                p.fillRect(QRectF(0, self.row_top(box.row), self.width(), box.rows * self.row), shade)
        for gap in lay.axis.gaps:
            rect = QRectF(self.x_of(gap.x), HEADER - 14, gap.width, bottom - HEADER + 14)
            p.fillRect(rect, QColor(GAP_HEX))
            p.setPen(QPen(QColor("#90a4ae"), 1, Qt.PenStyle.DashLine))
            p.drawLine(rect.topLeft(), rect.bottomLeft())
            p.drawLine(rect.topRight(), rect.bottomRight())
            p.setPen(muted)
            p.drawText(rect.adjusted(0, 0, 0, -(rect.height() - 14)), Qt.AlignmentFlag.AlignCenter, "≈")
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 1.5, 6.5))
        p.setFont(small)
        metrics = p.fontMetrics()
        locale_months = [
            self.locale().standaloneMonthName(m, self.locale().FormatType.ShortFormat) for m in range(1, 13)
        ]
        for n, slot in enumerate(lay.axis.slots):
            x = self.x_of(slot.x)
            day = slot.day_one
            if slot.compressed:
                continue
            p.setPen(QPen(QColor(GRID_HEX), 1))
            p.drawLine(QPointF(x, HEADER - 4), QPointF(x, bottom))
            p.setPen(muted)
            name = locale_months[day.month - 1].rstrip(".")
            if metrics.horizontalAdvance(name) + 4 <= slot.width:
                p.drawText(QRectF(x + 2, HEADER - 16, slot.width - 2, 14), Qt.AlignmentFlag.AlignLeft, name)
            if day.month == 1 or n == 0:
                p.setPen(ink)
                p.drawText(QRectF(x + 2, 2, 60, 16), Qt.AlignmentFlag.AlignLeft, str(day.year))
        p.setFont(self.font())

    def _spans(self, p: QPainter, lay: TimelineLayout) -> None:
        language = "en" if english() else "nl"
        for span in lay.spans:
            box = lay.lane_box(span.item.lane)
            top = self.row_top(box.row + span.row) + 3
            rect = QRectF(self.x_of(span.x0), top, max(span.x1 - span.x0, 3), self.row - 6)
            fill = QColor(colour(span.item))
            p.setPen(
                QPen(
                    fill.darker(130), 1, Qt.PenStyle.DashLine if span.item.open_end else Qt.PenStyle.SolidLine
                )
            )
            p.setBrush(fill)
            p.drawRoundedRect(rect, 3, 3)
            text = span.item.caption(
                language, None if span.item.kind == ItemKind.INSPECTION else _kind_name(span.item)
            )
            room = int(rect.width()) - 8
            if room > 30:
                p.setPen(QColor("#1a1a1a"))
                elided = p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room)
                p.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, elided)
        p.setBrush(Qt.BrushStyle.NoBrush)

    def _marks(self, p: QPainter, lay: TimelineLayout) -> None:
        language = "en" if english() else "nl"
        for mark in lay.marks:
            item = mark.item
            box = lay.lane_box(item.lane)
            cy = self.row_top(box.row + mark.row) + self.row / 2
            cx = self.x_of(mark.x)
            c = QColor(colour(item))
            if item.kind == ItemKind.SIGNAL:
                hard = item.signal_kind == SignalKind.HARD
                p.setPen(QPen(c, 1.6, Qt.PenStyle.SolidLine if hard else Qt.PenStyle.DashLine))
                p.setBrush(c if hard else self.palette().base())
                p.drawEllipse(QPointF(cx, cy), MARK, MARK)
            elif item.kind == ItemKind.LIFE_EVENT:
                p.setPen(QPen(c, 1.4))
                p.drawLine(QPointF(cx, cy - self.row / 2 + 2), QPointF(cx, cy + self.row / 2 - 2))
                p.setBrush(c)
                p.drawPolygon([QPointF(cx, cy - self.row / 2 + 2), QPointF(cx + 8, cy - 3), QPointF(cx, cy)])
                label = p.fontMetrics().elidedText(
                    item.caption(language),
                    Qt.TextElideMode.ElideRight,
                    int(min(FLAG_TEXT, self.width() - cx - 12)),
                )
                p.setPen(self.palette().text().color())
                p.drawText(
                    QRectF(cx + 10, cy - self.row / 2, FLAG_TEXT + 2, self.row),
                    Qt.AlignmentFlag.AlignVCenter,
                    label,
                )
            elif item.kind in (ItemKind.VISIT, ItemKind.INTERVENTION):
                p.setPen(QPen(c, 1.4))
                p.setBrush(self.palette().base() if item.planned else c)
                r = MARK - 0.5
                if item.kind == ItemKind.VISIT:
                    p.drawPolygon(
                        [QPointF(cx, cy - r), QPointF(cx + r, cy), QPointF(cx, cy + r), QPointF(cx - r, cy)]
                    )
                else:
                    p.drawRect(QRectF(cx - r + 1, cy - r + 1, 2 * r - 2, 2 * r - 2))
            elif item.kind == ItemKind.CONVERSATION:
                p.setPen(QPen(c, 2))
                p.drawLine(QPointF(cx, cy - 4), QPointF(cx, cy + 4))
            else:  # a concern's status
                p.setPen(QPen(c, 1.4))
                p.setBrush(c)
                p.drawPolygon(
                    [
                        QPointF(cx, cy - MARK),
                        QPointF(cx + MARK, cy + MARK - 1),
                        QPointF(cx - MARK, cy + MARK - 1),
                    ]
                )
        p.setBrush(Qt.BrushStyle.NoBrush)

    def _today(self, p: QPainter, lay: TimelineLayout, today: date) -> None:
        if not lay.axis.slots or not month_date(lay.axis.slots[0].month) <= today <= lay.period.last:
            return
        x = self.x_of(lay.axis.x(today))
        p.setPen(QPen(QColor(TODAY_HEX), 1, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, HEADER - 4), QPointF(x, self.row_top(lay.rows)))

    def _lane_names(self, p: QPainter, lay: TimelineLayout) -> None:
        left = self._left()
        p.fillRect(QRectF(left, 0, LABEL_WIDTH, self.height()), self.palette().window())
        p.setPen(QPen(QColor(GRID_HEX), 1))
        p.drawLine(QPointF(left + LABEL_WIDTH, 0), QPointF(left + LABEL_WIDTH, self.height()))
        p.setPen(self.palette().text().color())
        for box in lay.lanes:
            rect = QRectF(left + 6, self.row_top(box.row), LABEL_WIDTH - 10, self.row)
            name = p.fontMetrics().elidedText(
                lane_name(box.lane), Qt.TextElideMode.ElideRight, LABEL_WIDTH - 10
            )
            p.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
            p.setPen(QPen(QColor(GRID_HEX), 1))
            p.drawLine(
                QPointF(left, self.row_top(box.row + box.rows)),
                QPointF(self.width(), self.row_top(box.row + box.rows)),
            )
            p.setPen(self.palette().text().color())
