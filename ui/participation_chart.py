"""Speaking share as horizontal bars (by role category or organisation)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from inspectorapp.domain.participation import Share

from .style import ACCENT


class ShareBars(QWidget):
    ROW = 20

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("shareBars")
        self.shares: tuple[Share, ...] = ()
        self.title = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_shares(self, title: str, shares: tuple[Share, ...]) -> None:
        self.title = title
        self.shares = shares
        self.setAccessibleDescription("; ".join(f"{self._label(s)} {round(s.share * 100)}%" for s in shares))
        self.updateGeometry()
        self.update()

    def _label(self, s: Share) -> str:
        return s.label.en if QLocale().language() == QLocale.Language.English else s.label.nl

    def sizeHint(self) -> QSize:
        return QSize(320, self.ROW * (len(self.shares) + 1) + 8)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().text().color()
        p.setPen(text)
        font = p.font()
        font.setBold(True)
        p.setFont(font)
        p.drawText(QRectF(0, 0, self.width(), self.ROW), Qt.AlignmentFlag.AlignVCenter, self.title)
        font.setBold(False)
        p.setFont(font)
        label_w = min(170, self.width() // 2)
        bar_w = self.width() - label_w - 50
        for n, s in enumerate(self.shares):
            y = self.ROW * (n + 1) + 4
            p.setPen(text)
            p.drawText(QRectF(0, y, label_w - 6, self.ROW), Qt.AlignmentFlag.AlignVCenter, self._label(s))
            p.fillRect(QRectF(label_w, y + 4, bar_w, self.ROW - 8), self.palette().midlight())
            p.fillRect(QRectF(label_w, y + 4, bar_w * s.share, self.ROW - 8), QColor(ACCENT))
            p.drawText(
                QRectF(label_w + bar_w + 4, y, 46, self.ROW),
                Qt.AlignmentFlag.AlignVCenter,
                f"{round(s.share * 100)}%",
            )
        p.end()
