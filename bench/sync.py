"""Sync with the office store over loopback, backed by PostgreSQL (three benchmarks).

    python -m bench.sync [bulk fleet blob] [--changes 100000] [--laptops 200] [--blob-mb 500]

- sync (``python -m bench sync``; ``sync-bulk`` is the same): a real laptop pushes N outbox
  rows, a fresh laptop pulls them all. Budget: Anki's own sync server (``bench/anki_peer.py``)
  pushing and pulling N notes of the same payloads in the same run. Floor, printed: psycopg
  executemany of the same JSON payloads into a plain table, a commit per 200 rows (one push
  batch), warmed up and repeated.
- sync-fleet: simulated laptops with 500 new changes each sync at once. Floor: one laptop
  syncing 500 changes alone on the idle server. Budget (DESIGN.md): p95 ≤ 2 s, 0 errors.
- sync-blob: ``blob_sync.upload_one`` of a large attachment in 8 MiB chunks. Floor: a raw
  loopback socket copy of the same bytes into a file, fsynced per 8 MiB, with the hashes the
  protocol computes (``bench/sync_sink.py``). Budget (DESIGN.md): at least half the floor's
  throughput.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy.orm import Session

from sync.engine import SyncReport
from sync.protocol import MAX_PUSH_MUTATIONS
from sync.server import accounts

from . import anki_peer
from .anki_peer import AnkiRun
from .common import Result, median, percentile, print_result
from .sync_env import Laptop, Office, SimLaptop, SyncFailed, T, fill_outbox

FLEET_P95 = 2.0  # seconds: a laptop's round while 199 others sync (DESIGN.md)
DEFAULT_CHANGES = 100_000
DEFAULT_LAPTOPS = 200
DEFAULT_BLOB_MB = 500
FLEET_CHANGES = 500  # per laptop
TEAM_SIZE = 10  # laptops per team: each pulls its team's inspections
SOLO_ROUNDS = 3  # solo syncs before and after the fleet (after one discarded warm-up)
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
    """push_all or pull_all through the real SyncEngine, timed batch by batch."""
    db = TimedDb(laptop)
    engine = laptop.engine(db)
    marks = [(time.perf_counter(), 0.0)]
    engine.progress = lambda _step: marks.append((time.perf_counter(), db.seconds))
    report = SyncReport()
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


# ---------------------------------------------------------------- sync-fleet


@dataclass
class Outcome:
    seconds: float
    pushed: int  # batches the server answered
    pulled: int
    error: str | None = None


def _enrol_fleet(office: Office, prefix: str, n: int, seed: int) -> list[SimLaptop]:
    """``n`` simulated laptops (one user each, teams of TEAM_SIZE), each with its own inspection
    pushed and the server pulled up to date."""
    users = [f"{prefix}{i:03d}" for i in range(n)]
    for k in range(0, n, TEAM_SIZE):
        office.team(f"{prefix}-team-{k // TEAM_SIZE}", users[k : k + TEAM_SIZE], password=None)
    codes = office.admin(lambda c: [accounts.enrolment_code(c, u) for u in users])
    laptops = [
        SimLaptop(office.base, code, user, random.Random(seed + i))
        for i, (user, code) in enumerate(zip(users, codes, strict=True))
    ]
    for laptop in laptops:
        for payload in laptop.payloads(laptop.tree()):
            laptop.push(payload)
    for laptop in laptops:
        laptop.pull_all()
    return laptops


def _sync(laptop: SimLaptop, payloads: list[bytes], start: threading.Barrier | None = None) -> Outcome:
    """Push the batches, then pull until up to date: one laptop's sync, timed."""
    if start is not None:
        start.wait()
    started, pushed = time.perf_counter(), 0
    try:
        for payload in payloads:
            refused = [s for s in laptop.push(payload) if s != "applied"]
            if refused:
                raise SyncFailed(f"push {len(refused)} mutations {refused[0]}")
            pushed += 1
        pulled = laptop.pull_all()
    except SyncFailed as exc:
        return Outcome(time.perf_counter() - started, pushed, 0, str(exc))
    return Outcome(time.perf_counter() - started, pushed, pulled)


def _solo(laptop: SimLaptop) -> float:
    outcome = _sync(laptop, laptop.payloads(laptop.notes(FLEET_CHANGES)))
    if outcome.error:
        raise SyncFailed(f"solo laptop: {outcome.error}")
    return outcome.seconds


def run_fleet(n: int = DEFAULT_LAPTOPS, solo_rounds: int = SOLO_ROUNDS) -> Result:
    with tempfile.TemporaryDirectory(prefix="veldwerk-bench-sync-") as tmp, Office(Path(tmp)) as office:
        started = time.perf_counter()
        (solo,) = _enrol_fleet(office, "solo", 1, 1)
        fleet = _enrol_fleet(office, "field", n, 1000)
        took = _s(time.perf_counter() - started)
        print(f"  {n} laptops enrolled, each with its inspection pushed and pulled, in {took}")
        _solo(solo)  # warm-up, discarded: the server's first requests (imports, statement caches)
        solo_before = [_solo(solo) for _ in range(solo_rounds)]
        payloads = [laptop.payloads(laptop.notes(FLEET_CHANGES)) for laptop in fleet]  # built beforehand
        notes_before = office.count_records("note_paragraph")
        start = threading.Barrier(n)
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=n) as pool:
            outcomes = list(pool.map(lambda i: _sync(fleet[i], payloads[i], start), range(n)))
        wall = time.perf_counter() - started
        backlog = max(0.0, office.wait_idle())
        applied = office.count_records("note_paragraph") - notes_before
        solo_after = [_solo(solo) for _ in range(solo_rounds)]
        log_errors = office.server_errors()
        for laptop in [solo, *fleet]:
            laptop.close()

    floor = median(solo_before + solo_after)
    before, after = (", ".join(_s(s) for s in runs) for runs in (solo_before, solo_after))
    print(
        f"  solo laptop, {FLEET_CHANGES} changes alone on the idle server, after a warm-up: {before} before, "
        f"{after} after (p50 {_s(floor)}, p95 {_s(percentile(solo_before + solo_after, 95))})"
    )
    batches = len(payloads[0])
    print(
        f"  fleet: {n} laptops × {FLEET_CHANGES} changes at once ({batches} pushes of ≤ "
        f"{MAX_PUSH_MUTATIONS}, then pull to date): the last laptop returned after {_s(wall)}; "
        f"{sum(o.pushed for o in outcomes):,} of {n * batches:,} pushes answered, "
        f"{sum(o.pulled for o in outcomes):,} changes pulled"
    )
    print(
        f"  server: applied {applied:,} of {n * FLEET_CHANGES:,} changes, {_s(backlog)} of it after the last "
        f"laptop gave up = {applied / (wall + backlog):,.0f} changes/s"
    )
    done = [o.seconds for o in outcomes if o.error is None]
    failed = [o for o in outcomes if o.error is not None]
    if done:
        print(f"  latency of the {len(done)} laptops that finished: {_spread(done)}")
    if failed:
        kinds = Counter(f"{str(o.error).split(':')[0]} after {o.pushed} answered pushes" for o in failed)
        print(f"  ERRORS: {len(failed)} laptops failed: {dict(kinds)}")
        print(f"    time to failure: {_spread([o.seconds for o in failed])}; first: {failed[0].error}")
    print(f"  {_load()}")
    if log_errors:
        print(f"  server log: {len(log_errors)} error lines, first: {log_errors[0]}")
    # A failed laptop counts with its time to failure: a lower bound of its latency.
    latencies = [o.seconds for o in outcomes]
    p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
    at_least = "≥ " if failed else ""
    print(f"  latency over all {n} laptops: {at_least}p50 {_s(p50)}, {at_least}p95 {_s(p95)}")
    return Result(
        name="sync-fleet",
        measured=f"p95 {at_least}{_s(p95)} (p50 {at_least}{_s(p50)}), {len(failed)} errors, {n} laptops",
        baseline=f"solo median {_s(floor)}",
        ratio=p95 / floor,
        budget=f"p95 ≤ {_s(FLEET_P95)}, 0 errors",
        passed=not failed and p95 <= FLEET_P95,
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
    from . import sync_blob  # it uses this module's helpers

    runs: dict[str, Callable[[], Result]] = {
        "bulk": lambda: run_sync(args.changes),  # Veldwerk and Anki's server, same run
        "fleet": lambda: run_fleet(args.laptops),
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
