"""Guards against known breakage in the Qt binding the app runs on."""

from __future__ import annotations

import gc
import sys
import threading

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ui import ops


class _Emitter(QObject):
    ping = Signal()
    text = Signal(str)


def test_emitting_signals_keeps_reference_counts(qtbot) -> None:
    """PySide6 6.12.0 returned a borrowed True from every emit(): the process aborted
    after a few thousand keystrokes. pyproject excludes it; this catches a repeat."""
    emitter = _Emitter()
    emitter.ping.connect(lambda: None)
    emitter.text.connect(lambda _t: None)
    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(2000):
        emitter.ping.emit()
        emitter.text.emit("x")
    assert abs(sys.getrefcount(True) - before) < 50


def test_results_cross_from_worker_threads_intact(qtbot) -> None:
    received: list[object] = []
    gc.collect()  # garbage of earlier tests must not be freed while we count
    before = sys.getrefcount(True)

    def worker() -> None:
        for _ in range(2000):
            ops._get_relay().post(received.append, (True, False, {"ok": True}))

    ops._get_relay()  # made on the GUI thread
    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(received) == 2000, timeout=10000)
    assert received[-1] == (True, False, {"ok": True})
    received.clear()
    gc.collect()
    assert abs(sys.getrefcount(True) - before) < 200  # a per-item leak would be thousands
    assert QCoreApplication.instance() is not None
