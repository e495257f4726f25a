"""Measuring windows against a 1366x768 laptop screen (used by test_screen_fit)."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QListWidget,
    QStyle,
    QTableView,
    QTabWidget,
    QWidget,
)

from .test_app_window import LAPTOP as SCREEN
from .test_app_window import SHOTS

SETTLE_MS = 300  # asynchronous fills (options, lists) land before a window is measured


class Checks:
    """Problems found on the walk, reported together at the end."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.seen: list[str] = []

    def window_fits(self, name: str, window: QWidget) -> None:
        self.seen.append(name)
        for what, size in (("frame", window.frameGeometry().size()), ("size", window.size())):
            if size.width() > SCREEN.width() or size.height() > SCREEN.height():
                self.problems.append(f"{name}: {what} {size.width()}x{size.height()} is larger than 1366x768")

    def buttons_shown(self, name: str, window: QWidget, buttons: list[QAbstractButton]) -> None:
        inside = QRect(QPoint(0, 0), window.size())
        for button in buttons:
            label = button.text() or button.objectName() or type(button).__name__
            if not button.isVisible():
                self.problems.append(f"{name}: button '{label}' is not visible")
                continue
            rect = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
            if not inside.contains(rect):
                self.problems.append(
                    f"{name}: button '{label}' at {rect.getRect()} is outside {inside.getRect()}"
                )

    def texts_readable(self, name: str, window: QWidget) -> None:
        """Column headers are not clipped, and a list line too long for its list is either
        wrapped or elided with its whole text as the tooltip."""
        for table in window.findChildren(QTableView):
            if not table.isVisible():
                continue
            header = table.horizontalHeader()
            margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
            for col in range(header.count()):
                text = str(table.model().headerData(col, Qt.Orientation.Horizontal) or "")
                if header.isSectionHidden(col) or not text:
                    continue
                needed = header.fontMetrics().horizontalAdvance(text) + margin
                if header.sectionSize(col) < needed:
                    self.problems.append(
                        f"{name}: column header '{text}' of {table.objectName() or 'a table'} is clipped "
                        f"({header.sectionSize(col)} < {needed} px)"
                    )
        for widget in window.findChildren(QListWidget):
            if not widget.isVisible() or widget.wordWrap():
                continue
            room = widget.viewport().width() - 8
            for row in range(widget.count()):
                item = widget.item(row)
                widest = max(widget.fontMetrics().horizontalAdvance(line) for line in item.text().split("\n"))
                if widest > room and item.toolTip() != item.text().replace("\n", " "):
                    self.problems.append(
                        f"{name}: '{item.text()[:40]}…' in {widget.objectName() or 'a list'} is cut "
                        f"({widest} > {room} px) without its text as tooltip"
                    )

    def same_size(self, name: str, window: QWidget, before: QSize) -> None:
        if window.size().width() > before.width() or window.size().height() > before.height():
            after = window.size()
            self.problems.append(
                f"{name}: window grew from {before.width()}x{before.height()} to {after.width()}x{after.height()}"
            )

    def tabs_keep_size(self, name: str, window: QWidget, qtbot) -> None:
        """Every tab of every tab widget in the window, shown in turn: the window never grows."""
        for tabs in window.findChildren(QTabWidget):
            if not tabs.isVisible():
                continue
            before = window.size()
            start = tabs.currentIndex()
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                qtbot.wait(SETTLE_MS)
                self.same_size(f"{name} / tab '{tabs.tabText(index)}'", window, before)
            tabs.setCurrentIndex(start)


def _shot(widget: QWidget, name: str | None) -> None:
    if SHOTS and name:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def _visible_of(kind: type[QWidget]) -> QWidget | None:
    return next(
        (
            d
            for d in QApplication.topLevelWidgets()
            if isinstance(d, kind) and shiboken6.isValid(d) and d.isVisible()
        ),
        None,
    )


def _dialog_of(qtbot, kind: type[QWidget]) -> QWidget:
    qtbot.waitUntil(lambda: _visible_of(kind) is not None, timeout=10000)
    found = _visible_of(kind)
    assert found is not None
    return found


def _close_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and shiboken6.isValid(widget) and widget.isVisible():
            widget.reject()
