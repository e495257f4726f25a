"""Idle detection for the auto-lock: any key, mouse or touch input resets the clock."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last = time.monotonic()
        self._limit_s = 0.0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)

    def set_limit(self, seconds: float) -> None:
        """0 disables the lock. The watcher sees the application's events only while a limit is
        set: a Python event filter costs every event a call into Python (~5-10 µs), and building
        the main view at unlock alone sends ~10,000 events (+50-100 ms when filtered)."""
        self._limit_s = seconds
        self.reset()
        app = QCoreApplication.instance()
        if seconds > 0:
            if app is not None:
                app.installEventFilter(self)  # installed once: Qt moves a repeated one to the front
            self._timer.start(int(min(5.0, max(0.05, seconds / 4)) * 1000))
        else:
            if app is not None:
                app.removeEventFilter(self)
            self._timer.stop()

    def reset(self) -> None:
        self._last = time.monotonic()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._last = time.monotonic()
        return False

    def _check(self) -> None:
        if self._limit_s > 0 and time.monotonic() - self._last >= self._limit_s:
            self._timer.stop()
            self.idle.emit()
