"""The floor of sync-fleet: the round's work done with raw psycopg in the same PostgreSQL.

The pushes: the fleet's own push bodies, turned (outside the timing) into the rows the office
stores for them, one ``record`` row and one ``change_history`` row per change with the same
JSON values and a ``field_meta`` of the same shape ({field: {"rev", "hlc", "dev"}}), and
COPYed into plain tables shaped like those two (same columns, keys and indexes), one
transaction per push batch, as the server commits one per push. The pulls: every laptop's
team's rows read back with one SELECT per laptop (JSON parsed to Python, as a laptop parses
its pull pages). Loads, then reads, each spread over ``connections`` connections: nothing
merges, authorises, pages or encodes, and no HTTP; that is what the floor leaves out.
"""

from __future__ import annotations

import json
import queue
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import psycopg

T = TypeVar("T")

# As sync/server/schema.py's record and change_history (Id = varchar(36), RecordJson = json).
TABLES = (
    "CREATE TABLE floor_record (tbl varchar(40) NOT NULL, id varchar(36) NOT NULL,"
    " scope varchar(36), rev bigint NOT NULL, ord integer NOT NULL, deleted boolean NOT NULL,"
    " fields json NOT NULL, field_meta json NOT NULL, PRIMARY KEY (tbl, id))",
    "CREATE INDEX ix_floor_record_rev_ord ON floor_record (rev, ord)",
    "CREATE INDEX ix_floor_record_scope ON floor_record (scope)",
    "CREATE TABLE floor_history (id bigserial PRIMARY KEY, seq bigint NOT NULL,"
    " tbl varchar(40) NOT NULL, record_id varchar(36) NOT NULL, fields json NOT NULL,"
    " hlc varchar(24) NOT NULL, device_id varchar(36) NOT NULL, client_seq bigint NOT NULL)",
    "CREATE INDEX ix_floor_history_record ON floor_history (tbl, record_id, seq)",
)
DROP = "DROP TABLE IF EXISTS floor_record, floor_history"
COPY_RECORD = "COPY floor_record (tbl, id, scope, rev, ord, deleted, fields, field_meta) FROM STDIN"
COPY_HISTORY = "COPY floor_history (seq, tbl, record_id, fields, hlc, device_id, client_seq) FROM STDIN"
# What a pull page carries of a record; its field revisions are the record's rev here (every
# field of these rows was written by one push), so field_meta is not read (a smaller read: a
# stricter floor).
READ = (
    "SELECT tbl, id, scope, rev, ord, deleted, fields FROM floor_record"
    " WHERE scope = ANY(%s) ORDER BY rev, ord"
)


@dataclass
class Batch:
    """One push's rows: (tbl, id, scope, rev, ord, deleted, fields, field_meta) and
    (seq, tbl, record_id, fields, hlc, device_id, client_seq)."""

    records: list[tuple[Any, ...]]
    history: list[tuple[Any, ...]]


@dataclass
class Read:
    """One laptop's pull: its team's inspections and how many rows they must hold."""

    scopes: list[str]
    expected: int


@dataclass
class FloorRun:
    load: float
    read: float

    @property
    def seconds(self) -> float:
        return self.load + self.read


def batches(bodies: list[tuple[str, str, bytes]]) -> list[Batch]:
    """The office's rows for push bodies (device id, inspection id, ``PushRequest`` JSON), in
    the order given; each push gets the next revision, as the server's counter gives them."""
    out = []
    for rev, (device, scope, body) in enumerate(bodies, start=1):
        request = json.loads(body)
        records, history = [], []
        for ord_, m in enumerate(request["mutations"]):
            values = {f: change["v"] for f, change in m["fields"].items()}
            fields = json.dumps(values, ensure_ascii=False)
            meta = json.dumps({f: {"rev": rev, "hlc": m["hlc"], "dev": device} for f in values})
            records.append((m["tbl"], m["id"], scope, rev, ord_, False, fields, meta))
            history.append((rev, m["tbl"], m["id"], fields, m["hlc"], device, m["client_seq"]))
        out.append(Batch(records, history))
    return out


def _load(conn: psycopg.Connection[Any], batch: Batch) -> None:
    with conn.transaction(), conn.cursor() as cur:
        with cur.copy(COPY_RECORD) as copy:
            for row in batch.records:
                copy.write_row(row)
        with cur.copy(COPY_HISTORY) as copy:
            for row in batch.history:
                copy.write_row(row)


def _read(conn: psycopg.Connection[Any], read: Read) -> int:
    rows = conn.execute(READ, (read.scopes,)).fetchall()
    if len(rows) != read.expected:
        raise AssertionError(f"floor read {len(rows)} rows of a team's {read.expected}")
    return len(rows)


def run_floor(dsn: str, work: list[Batch], reads: list[Read], connections: int) -> FloorRun:
    """Load ``work`` and then do ``reads`` from ``connections`` connections at once; the tables
    are made before and dropped after the timing (connections are opened before it too, as
    the fleet's laptops hold theirs)."""
    conns = [psycopg.connect(dsn, autocommit=True) for _ in range(connections)]
    free: queue.SimpleQueue[psycopg.Connection[Any]] = queue.SimpleQueue()
    for conn in conns:
        free.put(conn)

    def on_a_connection(fn: Callable[[psycopg.Connection[Any], T], Any]) -> Callable[[T], Any]:
        def run(item: T) -> Any:
            conn = free.get()
            try:
                return fn(conn, item)
            finally:
                free.put(conn)

        return run

    try:
        conns[0].execute(DROP)
        for ddl in TABLES:
            conns[0].execute(ddl)
        with ThreadPoolExecutor(max_workers=connections) as pool:
            started = time.perf_counter()
            list(pool.map(on_a_connection(_load), work))
            loaded = time.perf_counter()
            list(pool.map(on_a_connection(_read), reads))
            done = time.perf_counter()
        conns[0].execute(DROP)
    finally:
        for conn in conns:
            conn.close()
    return FloorRun(loaded - started, done - loaded)
