"""One tally for the whole adversary suite (pushes, requests, attachment bytes, report leaks).

Each adversary module adds what it tried; ``conftest.pytest_terminal_summary`` prints the
totals at the end of the run, so CI's log says how much was attacked and how many 5xx came back.
"""

from __future__ import annotations

from collections import Counter

TALLY: Counter[str] = Counter()

ORDER = ["attacks", "pushes fuzzed", "5xx", "leak probes"]


def summary() -> str:
    parts = [f"{key}: {TALLY[key]}" for key in ORDER if key in TALLY]
    parts += [f"{key}: {n}" for key, n in sorted(TALLY.items()) if key not in ORDER]
    return "adversary suite · " + " · ".join(parts)
