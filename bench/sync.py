"""Sync with the office store over loopback, backed by PostgreSQL (three benchmarks).

    python -m bench.sync [bulk fleet blob] [--changes 100000] [--laptops 200] [--blob-mb 500]

- sync (``python -m bench sync``; ``sync-bulk`` is the same): a real laptop pushes N outbox
  rows, a fresh laptop pulls them all. Budget: Anki's own sync server (``bench/anki_peer.py``)
  pushing and pulling N notes of the same payloads in the same run. Floor, printed: psycopg
  executemany of the same JSON payloads into a plain table, a commit per 200 rows (one push
  batch), warmed up and repeated.
- sync-fleet (``bench/sync_fleet.py``): simulated laptops in teams of 10 sync 500 new changes
  each at once, until each holds its team's round. Floor: the same pushes bulk-loaded and the
  teams' rows read back with raw psycopg (``bench/sync_fleet_floor.py``). Budget (issue #16):
  the round within 3 × the floor, 0 errors.
- sync-blob: ``blob_sync.upload_one`` of a large attachment in 8 MiB chunks. Floor: a raw
  loopback socket copy of the same bytes into a file, fsynced per 8 MiB, with the hashes the
  protocol computes (``bench/sync_sink.py``). Budget (DESIGN.md): at least half the floor's
  throughput.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy.orm import Session

from sync.engine import SyncReport
from sync.protocol import MAX_PUSH_MUTATIONS

from . import anki_peer
from .anki_peer import AnkiRun
from .app_gc import AppCollector
from .common import Result, median, percentile, print_result
from .sync_env import Laptop, Office, T, fill_outbox

DEFAULT_CHANGES = 100_000
DEFAULT_LAPTOPS = 200
DEFAULT_BLOB_MB = 500
FLEET_CHANGES = 500  # per laptop
TEAM_SIZE = 10  # laptops per team: each pulls its team's inspections
FLEET_ROUNDS = 2  # the fleet's floor before and after its round (after one discarded warm-up)
BLOB_RUNS = 5  # after one discarded warm-up of upload and floor
FLOOR_ROUNDS = 2  # executemany floors before the push, between push and pull, after the pull


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.0f} ms"


def _steps(marks: list[float]) -> list[float]:
    return [b - a for a, b in itertools.pairwise(marks)]


def _load() -> str:
    """The machine's load average: the sync benchmarks use both cores (server, PostgreSQL, client)."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (5 min {five:.1f}) on {os.cpu_count()} cpus"


def _spread(samples: list[float]) -> str:
    return f"median {_s(median(samples))}, p95 {_s(percentile(samples, 95))}, max {_s(max(samples))}"


def _rates(n: int, seconds: list[float]) -> str:
    """p50 and p95 of a rate: the p95 of the rate is that of the slowest runs (time p95)."""
    return f"p50 {n / median(seconds):,.0f}/s, p95 {n / percentile(seconds, 95):,.0f}/s"


# ---------------------------------------------------------------- sync (Veldwerk beside Anki)


class TimedDb:
    """``run_db`` adding up the laptop's own database work (freeze, acknowledge, apply)."""

    def __init__(self, laptop: Laptop) -> None:
        self.laptop = laptop
        self.seconds = 0.0

    def __call__(self, fn: Callable[[Session], T]) -> T:
        started = time.perf_counter()
        try:
            return self.laptop.run_db(fn)
        finally:
            self.seconds += time.perf_counter() - started


FLOOR_TABLE = (
    "CREATE TABLE bench_floor (tbl text NOT NULL, id text NOT NULL, payload jsonb NOT NULL,"
    " PRIMARY KEY (tbl, id))"
)


def floor_insert(dsn: str, rows: list[tuple[str, str, str]], batch: int, copy: bool = False) -> float:
    """Seconds to insert ``rows`` (table, id, JSON payload) into a plain table: executemany with
    a commit per ``batch`` rows, or one COPY."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_floor")
        conn.execute(FLOOR_TABLE)
        started = time.perf_counter()
        with conn.cursor() as cur:
            if copy:
                with conn.transaction(), cur.copy("COPY bench_floor FROM STDIN") as out:
                    for row in rows:
                        out.write_row(row)
            else:
                for i in range(0, len(rows), batch):
                    with conn.transaction():
                        sql = "INSERT INTO bench_floor (tbl, id, payload) VALUES (%s, %s, %s)"
                        cur.executemany(sql, rows[i : i + batch])
        seconds = time.perf_counter() - started
        conn.execute("DROP TABLE bench_floor")
    return seconds


@dataclass
class Run:
    """One push_all or pull_all: its report, wall time, and per batch (page) the wall time and
    the part spent in the laptop's own database (the rest is HTTP, the server and parsing)."""

    report: SyncReport
    seconds: float
    steps: list[float]
    db_steps: list[float]

    def describe(self, what: str, n: int, unit: str, units: str) -> str:
        db = sum(self.db_steps)
        k = max(1, len(self.db_steps) // 10)
        first, last = median(self.db_steps[:k]), median(self.db_steps[-k:])
        return (
            f"{what}: {n:,} in {_s(self.seconds)} = {n / self.seconds:,.0f}/s; {len(self.steps)} {units}: "
            f"{_spread(self.steps)}\n    laptop DB {_s(db)}, HTTP + server {_s(self.seconds - db)}; "
            f"laptop DB per {unit}: first tenth median {_s(first)}, last tenth {_s(last)}"
        )


def _sync_timed(laptop: Laptop, push: bool) -> Run:
    """push_all or pull_all through the real SyncEngine, timed batch by batch, with the app's
    garbage-collection set-up (``bench/app_gc.py``)."""
    db = TimedDb(laptop)
    engine = laptop.engine(db)
    marks = [(time.perf_counter(), 0.0)]
    engine.progress = lambda _step: marks.append((time.perf_counter(), db.seconds))
    report = SyncReport()
    with AppCollector():
        (engine.push_all if push else engine.pull_all)(report)
    wall, in_db = [m[0] for m in marks], [m[1] for m in marks]
    return Run(report, wall[-1] - wall[0], _steps(wall), _steps(in_db))


def _same_rows(a: Laptop, b: Laptop, tables: dict[str, int]) -> None:
    """Nothing lost: every pushed table holds the same rows, and the notes the same text, on both."""
    for table, n in tables.items():
        q = f"SELECT count(*), sum(length(id)) FROM {table}"
        got_a, got_b = a.store.raw.execute(q).fetchone(), b.store.raw.execute(q).fetchone()
        if got_a != got_b or got_a[0] < n:
            raise AssertionError(f"{table}: {got_a} on the pushing laptop, {got_b} on the pulling one")
    q = "SELECT group_concat(text, '|') FROM (SELECT text FROM note_paragraph ORDER BY id)"
    if a.store.raw.execute(q).fetchone() != b.store.raw.execute(q).fetchone():
        raise AssertionError("note texts differ after the pull")


@dataclass
class Bulk:
    """Veldwerk's half of ``sync``: the push, the pull, the floors and the payloads pushed."""

    push: Run
    pull: Run
    floors: list[float]  # executemany, a commit per push batch; after the warm-up
    one_tx: float
    copy: float
    payloads: list[str]
    errors: list[str]


def _floors(dsn: str, rows: list[tuple[str, str, str]], rounds: int) -> list[float]:
    return [floor_insert(dsn, rows, MAX_PUSH_MUTATIONS) for _ in range(rounds)]


def _veldwerk_bulk(changes: int, rounds: int) -> Bulk:
    with tempfile.TemporaryDirectory(prefix="veldwerk-bench-sync-") as tmp, Office(Path(tmp)) as office:
        office.team("Bench", ["anna", "bram"])
        anna = Laptop(office, Path(tmp) / "anna", "anna")
        started = time.perf_counter()
        tables = fill_outbox(anna.store, changes)
        made = ", ".join(f"{k} {v:,}" for k, v in tables.items())
        took = _s(time.perf_counter() - started)
        print(f"  laptop: {changes:,} outbox rows by the triggers in {took}: {made}")
        sql = "SELECT entity, entity_id, payload FROM outbox ORDER BY seq"
        rows = [(str(e), str(i), str(p)) for e, i, p in anna.store.raw.execute(sql)]
        floor_insert(
            office.dsn, rows, MAX_PUSH_MUTATIONS
        )  # warm-up, discarded: caches, the table's first pages
        floors = _floors(office.dsn, rows, rounds)  # then before, between and after

        push = _sync_timed(anna, push=True)
        if push.report.pushed != changes or push.report.statuses != {"applied": changes}:
            raise AssertionError(f"push: {push.report.pushed} pushed, statuses {push.report.statuses}")
        floors += _floors(office.dsn, rows, rounds)

        bram = Laptop(office, Path(tmp) / "bram", "bram")
        pull = _sync_timed(bram, push=False)
        if pull.report.pulled != changes:
            raise AssertionError(f"pull: {pull.report.pulled} of {changes} changes")
        _same_rows(anna, bram, tables)
        floors += _floors(office.dsn, rows, rounds)
        one_tx = floor_insert(office.dsn, rows, len(rows))
        copy_s = floor_insert(office.dsn, rows, len(rows), copy=True)
        errors = office.server_errors()
        anna.close()
        bram.close()
    return Bulk(push, pull, floors, one_tx, copy_s, [p for _t, _i, p in rows], errors)


def _anki(payloads: list[str]) -> AnkiRun | None:
    why = anki_peer.missing()
    if why:
        print(f"  Anki peer SKIPPED: {why}; no budget without it")
        return None
    with tempfile.TemporaryDirectory(prefix="veldwerk-bench-anki-") as tmp:
        return anki_peer.run_peer(payloads, Path(tmp))


def run_sync(changes: int = DEFAULT_CHANGES, rounds: int = FLOOR_ROUNDS) -> Result:
    """Veldwerk's push and pull of ``changes``, then Anki's own server with as many notes of the
    same payloads, one after the other in this run (each with the machine to itself)."""
    bulk = _veldwerk_bulk(changes, rounds)
    push, pull = bulk.push, bulk.pull
    push_rate, pull_rate = changes / push.seconds, changes / pull.seconds
    floor_rate = changes / median(bulk.floors)
    print(
        f"  floor: executemany, commit per {MAX_PUSH_MUTATIONS}, {len(bulk.floors)} runs after a warm-up: "
        f"{_rates(changes, bulk.floors)}; one transaction {changes / bulk.one_tx:,.0f}/s; "
        f"COPY {changes / bulk.copy:,.0f}/s"
    )
    print("  " + push.describe("push", changes, "batch", "batches"))
    print("  " + pull.describe("pull", changes, "page", "pages"))
    vs = f"push {floor_rate / push_rate:,.1f}×, pull {floor_rate / pull_rate:,.1f}×"
    print(f"  time per change vs the floor's p50: {vs}")
    print(f"  all {changes:,} applied, both laptops hold the same rows; {_load()}")
    if bulk.errors:
        print(f"  server log: {len(bulk.errors)} error lines, first: {bulk.errors[0]}")
    sys.stdout.flush()  # Veldwerk's figures stand even if the Anki peer then fails
    anki = _anki(bulk.payloads)
    measured = f"push {push_rate:,.0f}/s, pull {pull_rate:,.0f}/s ({changes:,} changes)"
    if anki is None:
        return Result(
            name="sync",
            measured=measured,
            baseline=f"executemany p50 {floor_rate:,.0f}/s (Anki not installed)",
            ratio=floor_rate / min(push_rate, pull_rate),
            budget="push and pull ≥ Anki's, same run: not measured",
            passed=False,
        )
    print(
        f"  Anki {anki.version} sync server, {changes:,} new notes of the same payloads (+ their cards): "
        f"push {anki.push_rate:,.0f}/s ({_s(anki.push_s)}), pull {anki.pull_rate:,.0f}/s ({_s(anki.pull_s)})"
    )
    print(
        f"  Veldwerk / Anki: push {push_rate:,.0f} / {anki.push_rate:,.0f} = "
        f"{push_rate / anki.push_rate:.3f}×, pull {pull_rate:,.0f} / {anki.pull_rate:,.0f} = "
        f"{pull_rate / anki.pull_rate:.3f}×"
    )
    return Result(
        name="sync",
        measured=measured,
        baseline=f"Anki push {anki.push_rate:,.0f}/s, pull {anki.pull_rate:,.0f}/s (same run)",
        # time per change of the direction furthest from Anki's, over Anki's
        ratio=max(anki.push_rate / push_rate, anki.pull_rate / pull_rate),
        budget="push and pull ≥ Anki's rates",
        passed=push_rate >= anki.push_rate and pull_rate >= anki.pull_rate and not bulk.errors,
    )


def add_sync_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--changes",
        type=int,
        default=DEFAULT_CHANGES,
        help="sync: outbox rows to push and pull (and Anki notes)",
    )
    help_laptops = f"sync-fleet: laptops syncing {FLEET_CHANGES} changes each at once"
    p.add_argument("--laptops", type=int, default=DEFAULT_LAPTOPS, help=help_laptops)
    p.add_argument("--blob-mb", type=int, default=DEFAULT_BLOB_MB, help="sync-blob: attachment size in MB")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.sync", description=__doc__.splitlines()[0])
    p.add_argument("names", nargs="*", metavar="name", help="bulk, fleet, blob (default all)")
    add_sync_args(p)
    args = p.parse_args(argv)
    from . import sync_blob, sync_fleet  # they use this module's helpers

    runs: dict[str, Callable[[], Result]] = {
        "bulk": lambda: run_sync(args.changes),  # Veldwerk and Anki's server, same run
        "fleet": lambda: sync_fleet.run_fleet(args.laptops),
        "blob": lambda: sync_blob.run_blob(args.blob_mb),
    }
    names = args.names or list(runs)
    unknown = set(names) - set(runs)
    if unknown:
        p.error(f"unknown benchmark {', '.join(sorted(unknown))}; choose from {', '.join(runs)}")
    results = []
    for name in names:
        print(f"== sync-{name} ==")
        results.append(runs[name]())
        print_result(results[-1])
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
