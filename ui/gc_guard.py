"""Garbage collection only on the GUI thread.

Python's cyclic collector runs in whichever thread happens to allocate. When that is
the database thread and the cycle holds Qt objects (widgets and the lambdas connected
to their signals), Qt objects are destroyed off the GUI thread and the process can
crash (seen here: a segfault while the demo data loaded). So automatic collection is
switched off and a timer on the GUI thread collects instead, generation by generation,
with the usual thresholds (the recipe of Fabio Zadrozny for Qt applications).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        collect_due(self.threshold)


def collect_due(threshold: tuple[int, int, int]) -> None:
    """Collect the generations whose counts passed ``threshold``, youngest first, as automatic
    collection would have (benchmarks call it where the app's timer would run)."""
    l0, l1, l2 = gc.get_count()
    if l0 > threshold[0]:
        gc.collect(0)
        if l1 > threshold[1]:
            gc.collect(1)
            if l2 > threshold[2]:
                gc.collect(2)


_instance: GarbageCollector | None = None


def install(app: QObject) -> GarbageCollector:
    """Once per process; lives as long as the application."""
    global _instance
    if _instance is None:
        _instance = GarbageCollector(app)
    return _instance
