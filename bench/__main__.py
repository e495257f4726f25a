"""Run the benchmarks and print a summary table.

    python -m bench [cold_start unlock autosave fts visit_open report sense_board resurfacing
                     agenda_pack handover_dossier decision_log decision_search overdue_review
                     trajectory_warnings sync sync-fleet sync-blob]
                    [--paragraphs N] [--signals N] [--changes N] [--laptops N] [--blob-mb N]
                    [--smoke] [--results DIR]

Without names, all run. The generated store is built first (cached in bench/.cache/);
the summary is also written to bench/results/<time>.json. The sync benchmarks start
their own PostgreSQL and sync server (bench/sync.py); ``sync`` also Anki's sync server
(bench/anki_peer.py; ``sync-bulk`` is its old name). ``--smoke`` runs each benchmark with
its fewest rounds and the sense stores at a tiny size: the test suite's run
(tests/test_bench_smoke.py), whose numbers mean nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from . import (
    autosave,
    cold_start,
    deliberation,
    fts,
    report,
    sense,
    sync_blob,
    sync_fleet,
    unlock,
    visit_open,
)
from . import sync as sync_bench
from .common import RESULTS, Result, Size, add_size_args, print_result, size_from
from .generate import ensure_store

Bench = Callable[[Size, argparse.Namespace], Result]
SMOKE_SENSE = {"total": 600, "board": 120, "observers": 6}  # --smoke: the sense store at a tiny size


def _sense(args: argparse.Namespace) -> dict[str, int]:
    return {**SMOKE_SENSE, "rounds": 1} if args.smoke else {}


def _deliberation(name: str) -> Bench:
    return lambda size, args: deliberation.run((name,), **_sense(args))[0]


# Every entry takes --smoke to its fewest rounds, so the suite's smoke run goes through each.
BENCHMARKS: dict[str, Bench] = {
    "cold_start": lambda size, args: cold_start.run(1 if args.smoke else 7),
    "unlock": lambda size, args: unlock.run(size, 1 if args.smoke else 7),
    "autosave": lambda size, args: autosave.run(size),  # at least 500 edits: cheap at a tiny size
    "fts": lambda size, args: fts.run(size, 1 if args.smoke else 5),
    "visit_open": lambda size, args: visit_open.run(size, 10 if args.smoke else visit_open.OPENS),
    "report": lambda size, args: report.run(1, 3) if args.smoke else report.run(),
    "sense_board": lambda size, args: sense.run(**_sense(args)),
    "resurfacing": lambda size, args: sense.run_resurfacing(**_sense(args)),
    **{name: _deliberation(name) for name in deliberation.NAMES},  # issue #15's reads, each on its own
    "sync": lambda size, args: sync_bench.run_sync(
        args.changes, 1 if args.smoke else sync_bench.FLOOR_ROUNDS
    ),
    "sync-fleet": lambda size, args: sync_fleet.run_fleet(
        args.laptops, 1 if args.smoke else sync_bench.FLEET_ROUNDS
    ),
    "sync-blob": lambda size, args: sync_blob.run_blob(
        args.blob_mb, 2 if args.smoke else sync_bench.BLOB_RUNS
    ),
}
ALIASES = {"sync-bulk": "sync"}
NEEDS_STORE = {"autosave", "fts", "visit_open", "unlock"}


def machine() -> str:
    conn = sqlcipher.connect(":memory:")
    cipher = conn.execute("PRAGMA cipher_version").fetchone()
    conn.close()
    return (
        f"{platform.platform()}, {os.cpu_count()} cpus, Python {platform.python_version()}, "
        f"SQLite {sqlcipher.sqlite_version}, SQLCipher {cipher[0] if cipher else '?'}"
    )


def table(results: list[Result]) -> str:
    rows = [("benchmark", "measured", "baseline (same run)", "ratio", "budget", "verdict")]
    rows += [(r.name, r.measured, r.baseline, f"{r.ratio:.2f}×", r.budget, r.verdict) for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description="Veldwerk performance budgets")
    p.add_argument(
        "names", nargs="*", metavar="name", help=f"benchmarks to run (default all): {', '.join(BENCHMARKS)}"
    )
    add_size_args(p)
    sync_bench.add_sync_args(p)
    p.add_argument(
        "--smoke", action="store_true", help="fewest rounds, tiny sense stores (the test suite's run)"
    )
    p.add_argument(
        "--results", type=Path, default=RESULTS, help=f"folder of the summary JSON (default {RESULTS})"
    )
    args = p.parse_args(argv)
    names = [ALIASES.get(n, n) for n in args.names] or list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        p.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    size = size_from(args)
    print(f"machine: {machine()}")
    if NEEDS_STORE & set(names):
        print(f"store: {ensure_store(size)}")
    results: list[Result] = []
    for name in names:
        print(f"\n== {name} ==")
        sys.stdout.flush()
        result = BENCHMARKS[name](size, args)
        print_result(result)
        results.append(result)
    print("\n" + table(results))
    args.results.mkdir(parents=True, exist_ok=True)
    out = args.results / f"{datetime.now():%Y%m%dT%H%M%S}-{size.key}.json"
    out.write_text(
        json.dumps(
            {
                "machine": machine(),
                "size": size.key,
                "results": [asdict(r) | {"verdict": r.verdict} for r in results],
            },
            indent=2,
            ensure_ascii=False,
        ),
        "utf-8",
    )
    print(f"\nwritten to {out}")
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
