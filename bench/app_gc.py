"""The app's garbage-collection set-up around a benchmark's work (``ui.gc_guard``).

The app switches automatic collection off and collects on the GUI thread every
``gc_guard.INTERVAL_MS``, generation by generation at the usual thresholds. Work measured
without that set-up pays a collection every 700 new objects in whichever thread allocates:
a cost the app's database thread does not have (a pulled page of 2,000 records keeps tens of
thousands of objects alive, swept again at each collection). Here a thread stands in for the
GUI thread's timer: the collections still happen, inside the measured time, and hold the
GIL as they would in the app.
"""

from __future__ import annotations

import gc
import threading
from types import TracebackType

from ui import gc_guard


class AppCollector:
    def __init__(self) -> None:
        self.threshold = gc.get_threshold()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="bench-gc-timer", daemon=True)
        self.was_enabled = False

    def _run(self) -> None:
        while not self.stop.wait(gc_guard.INTERVAL_MS / 1000):
            gc_guard.collect_due(self.threshold)

    def __enter__(self) -> AppCollector:
        self.was_enabled = gc.isenabled()
        gc.disable()
        self.thread.start()
        return self

    def __exit__(
        self, _type: type[BaseException] | None, _exc: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self.stop.set()
        self.thread.join()
        gc.collect()  # what the timer had still to do (after the work's last timing mark)
        if self.was_enabled:
            gc.enable()
