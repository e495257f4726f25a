"""Sync with the office store over loopback, backed by PostgreSQL (three benchmarks).

    python -m bench.sync [bulk fleet blob] [--changes 100000] [--laptops 200] [--blob-mb 500]

- sync-bulk: a real laptop pushes N outbox rows, a fresh laptop pulls them all. Floor:
  psycopg executemany of the same JSON payloads into a plain table, a commit per 200 rows
  (one push batch). Budget: Anki's own sync server on this machine, 16k/s push, 22k/s pull.
- sync-fleet: simulated laptops with 500 new changes each sync at once. Floor: one laptop
  syncing 500 changes alone on the idle server. Budget (DESIGN.md): p95 ≤ 2 s, 0 errors.
- sync-blob: ``blob_sync.upload_one`` of a large attachment in 8 MiB chunks. Floor: a raw
  loopback socket copy of the same bytes into a file, fsynced per 8 MiB. Budget
  (DESIGN.md): at least half the floor's throughput.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import os
import random
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

from inspectorapp.blob_sync import CHUNK, upload_one
from sync.engine import SyncReport
from sync.protocol import MAX_PUSH_MUTATIONS, EnrolRequest
from sync.server import accounts
from sync.transport import Transport

from .common import Result, median, percentile, print_result
from .sync_env import Laptop, Office, SimLaptop, SyncFailed, T, fill_outbox
from .sync_sink import Sink

FLEET_P95 = 2.0  # seconds: a laptop's round while 199 others sync (DESIGN.md)
ANKI_PUSH = 16_000  # changes/s of Anki's own sync server on this machine (the budget)
ANKI_PULL = 22_000
DEFAULT_CHANGES = 100_000
DEFAULT_LAPTOPS = 200
DEFAULT_BLOB_MB = 500
FLEET_CHANGES = 500  # per laptop
TEAM_SIZE = 10  # laptops per team: each pulls its team's inspections
SOLO_ROUNDS = 3  # solo syncs before and after the fleet
BLOB_RUNS = 3


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


# ---------------------------------------------------------------- sync-bulk


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


def run_bulk(changes: int = DEFAULT_CHANGES) -> Result:
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
        floors = [floor_insert(office.dsn, rows, MAX_PUSH_MUTATIONS)]  # before, between and after

        push = _sync_timed(anna, push=True)
        if push.report.pushed != changes or push.report.statuses != {"applied": changes}:
            raise AssertionError(f"push: {push.report.pushed} pushed, statuses {push.report.statuses}")
        floors.append(floor_insert(office.dsn, rows, MAX_PUSH_MUTATIONS))

        bram = Laptop(office, Path(tmp) / "bram", "bram")
        pull = _sync_timed(bram, push=False)
        if pull.report.pulled != changes:
            raise AssertionError(f"pull: {pull.report.pulled} of {changes} changes")
        _same_rows(anna, bram, tables)
        floors.append(floor_insert(office.dsn, rows, MAX_PUSH_MUTATIONS))
        one_tx = floor_insert(office.dsn, rows, len(rows))
        copy_s = floor_insert(office.dsn, rows, len(rows), copy=True)
        errors = office.server_errors()
        anna.close()
        bram.close()

    push_rate, pull_rate, floor_rate = (
        changes / push.seconds,
        changes / pull.seconds,
        changes / median(floors),
    )
    runs = ", ".join(f"{changes / s:,.0f}" for s in floors)
    print(
        f"  floor: executemany, commit per {MAX_PUSH_MUTATIONS}: {runs}/s (median {floor_rate:,.0f}/s); "
        f"one transaction {changes / one_tx:,.0f}/s; COPY {changes / copy_s:,.0f}/s"
    )
    print("  " + push.describe("push", changes, "batch", "batches"))
    print("  " + pull.describe("pull", changes, "page", "pages"))
    print(
        f"  time per change vs the floor: push {floor_rate / push_rate:,.0f}×, "
        f"pull {floor_rate / pull_rate:,.0f}×; rate vs Anki: push {push_rate / ANKI_PUSH:.3f}× of "
        f"{ANKI_PUSH:,}/s, pull {pull_rate / ANKI_PULL:.3f}× of {ANKI_PULL:,}/s"
    )
    print(f"  all {changes:,} applied, both laptops hold the same rows; {_load()}")
    if errors:
        print(f"  server log: {len(errors)} error lines, first: {errors[0]}")
    return Result(
        name="sync-bulk",
        measured=f"push {push_rate:,.0f}/s, pull {pull_rate:,.0f}/s ({changes:,} changes)",
        baseline=f"executemany {floor_rate:,.0f}/s",
        ratio=floor_rate / min(push_rate, pull_rate),  # time per change of the slower direction
        budget=f"push ≥ {ANKI_PUSH:,}/s, pull ≥ {ANKI_PULL:,}/s (Anki)",
        passed=push_rate >= ANKI_PUSH and pull_rate >= ANKI_PULL and not errors,
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


def run_fleet(n: int = DEFAULT_LAPTOPS) -> Result:
    with tempfile.TemporaryDirectory(prefix="veldwerk-bench-sync-") as tmp, Office(Path(tmp)) as office:
        started = time.perf_counter()
        (solo,) = _enrol_fleet(office, "solo", 1, 1)
        fleet = _enrol_fleet(office, "field", n, 1000)
        took = _s(time.perf_counter() - started)
        print(f"  {n} laptops enrolled, each with its inspection pushed and pulled, in {took}")
        solo_before = [_solo(solo) for _ in range(SOLO_ROUNDS)]
        payloads = [laptop.payloads(laptop.notes(FLEET_CHANGES)) for laptop in fleet]  # built beforehand
        notes_before = office.count_records("note_paragraph")
        start = threading.Barrier(n)
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=n) as pool:
            outcomes = list(pool.map(lambda i: _sync(fleet[i], payloads[i], start), range(n)))
        wall = time.perf_counter() - started
        backlog = max(0.0, office.wait_idle())
        applied = office.count_records("note_paragraph") - notes_before
        solo_after = [_solo(solo) for _ in range(SOLO_ROUNDS)]
        log_errors = office.server_errors()
        for laptop in [solo, *fleet]:
            laptop.close()

    floor = median(solo_before + solo_after)
    before, after = (", ".join(_s(s) for s in runs) for runs in (solo_before, solo_after))
    print(f"  solo laptop, {FLEET_CHANGES} changes alone on the idle server: {before} before, {after} after")
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


# ---------------------------------------------------------------- sync-blob


def _mbps(size: int, seconds: float) -> str:
    return f"{size / seconds / 1e6:,.0f} MB/s"


def _hash_seconds(data: bytes) -> float:
    started = time.perf_counter()
    hashlib.sha256(data).hexdigest()
    return time.perf_counter() - started


def run_blob(mb: int = DEFAULT_BLOB_MB) -> Result:
    size = mb * 1_000_000
    body = os.urandom(size)
    with tempfile.TemporaryDirectory(prefix="veldwerk-bench-sync-") as tmp, Office(Path(tmp)) as office:
        office.team("Blob", ["anna"], password=None)
        code = office.admin(lambda c: accounts.enrolment_code(c, "anna"))
        answer = Transport(office.base).enrol(
            EnrolRequest(device_name="bench blob", username=None, password=None, code=code)
        )
        transport = Transport(office.base, answer.token)
        sink = Sink(office.blobs / "floor")
        uploads: list[float] = []
        floors: list[float] = []
        try:
            for run in range(BLOB_RUNS + 1):  # run 0 warms up both
                data = run.to_bytes(8, "big") + body[8:]  # a new file each run (the same would be skipped)
                sha = hashlib.sha256(data).hexdigest()
                floor_s = sink.copy(data)
                started = time.perf_counter()
                upload_one(transport, sha, data, CHUNK)
                upload_s = time.perf_counter() - started
                (stored,) = office.blobs.rglob("*.vwb")  # keyed name, encrypted per chunk (decision 0006)
                if stored.stat().st_size <= size:
                    raise AssertionError(f"stored {stored.stat().st_size} bytes of {size}")
                stored.unlink()
                if run:
                    uploads.append(upload_s)
                    floors.append(floor_s)
        finally:
            sink.close()
            transport.close()
        hash_s = _hash_seconds(body)
        log_errors = office.server_errors()

    up, fl = median(uploads), median(floors)
    chunks = -(-size // CHUNK)
    print(
        f"  file: {size / 1e6:,.0f} MB, {chunks} chunks of {CHUNK // 2**20} MiB; "
        f"sha256 here {_mbps(size, hash_s)}, so the 3 hashes of an upload (client per chunk, server per "
        f"chunk, server whole file) take {_s(3 * hash_s)}"
    )
    for label, runs in (("upload_one", uploads), ("floor, socket → file + fsync per 8 MiB", floors)):
        each = ", ".join(_mbps(size, s) for s in runs)
        print(f"  {label}: {each} (median {_s(median(runs))} = {_mbps(size, median(runs))})")
    print(f"  {_load()}")
    if log_errors:
        print(f"  server log: {len(log_errors)} error lines, first: {log_errors[0]}")
    return Result(
        name="sync-blob",
        measured=f"{_mbps(size, up)} ({size / 1e6:,.0f} MB in {_s(up)})",
        baseline=f"socket copy {_mbps(size, fl)}",
        ratio=up / fl,
        budget="≥ 50 % of the socket copy's MB/s (time ≤ 2×)",
        passed=not log_errors and up <= 2 * fl,
    )


def add_sync_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--changes", type=int, default=DEFAULT_CHANGES, help="sync-bulk: outbox rows to push and pull"
    )
    help_laptops = f"sync-fleet: laptops syncing {FLEET_CHANGES} changes each at once"
    p.add_argument("--laptops", type=int, default=DEFAULT_LAPTOPS, help=help_laptops)
    p.add_argument("--blob-mb", type=int, default=DEFAULT_BLOB_MB, help="sync-blob: attachment size in MB")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.sync", description=__doc__.splitlines()[0])
    p.add_argument("names", nargs="*", metavar="name", help="bulk, fleet, blob (default all)")
    add_sync_args(p)
    args = p.parse_args(argv)
    runs: dict[str, Callable[[], Result]] = {
        "bulk": lambda: run_bulk(args.changes),
        "fleet": lambda: run_fleet(args.laptops),
        "blob": lambda: run_blob(args.blob_mb),
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
