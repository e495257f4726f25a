"""The garbage collector of a process that syncs: the office serving, a laptop's headless sync.

A push of 1,000 mutations makes a few hundred thousand dicts and lists (the request's
JSON, the merged records, the answer). With the collector's defaults every 700 new
containers start a collection, and the older generations are swept again and again
together with everything the process made at start-up (FastAPI, pydantic, SQLAlchemy:
the bulk of the heap, alive for the whole process). That cost 30 % of the office's CPU
per pushed change (239-246 µs against 160-171 µs, bench/README.md). So the start-up
objects are frozen out of collection (``gc.freeze``: they are never garbage) and the
first generation is collected every 200,000 new containers instead of 700. Reference
cycles are still collected; only less often, which a request's short life allows.

The count is of containers made and not yet freed. A push frees everything it made when it
returns (no reference cycles: ``tests/test_push_garbage.py``), so the count drops back after
each request. At 50,000 a push of 1,000 mutations (some 50,000 containers alive at its peak)
still set off a collection nearly every time, sweeping its own live records: 7 µs of CPU per
pushed change. At 200,000 collections come from what survives requests, not from any one
request: a process applies at most two pushes at once (``PUSH_SLOTS``).

Called by ``veldwerk-server serve`` (and each of its uvicorn workers) once the app is built,
and by the laptop's ``veldwerk sync`` once its store is open: a pulled page of 2,000 records
keeps tens of thousands of objects alive, swept again at every default collection (15-20 %
of the headless sync's CPU here). Tests that build the app in their own process, and the
desktop app (``ui.gc_guard`` collects on the GUI thread), keep their own set-up.
"""

from __future__ import annotations

import gc

YOUNG = 200_000  # new containers between collections of the youngest generation (Python: 700)


def tune() -> None:
    gc.collect()  # what start-up left unreachable goes now, not frozen for ever
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG, middle, old)
