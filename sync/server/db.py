"""The server's database: one engine per process, SQLite by default, PostgreSQL by URL.

SQLite runs in WAL mode with ``BEGIN IMMEDIATE`` for every transaction (the
SQLAlchemy pysqlite recipe), so two pushes never deadlock on a lock upgrade; on
PostgreSQL the push takes the counter row ``FOR UPDATE``. Either way pushes are
serialised where revisions are handed out, and revisions appear in commit order.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, insert, make_url, select, update

from sync import json_text

from . import schema

READ_ONLY = "veldwerk_read_only"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def dumps(value: Any) -> str:
    """JSON for the database (``sync.json_text``: orjson, every record is a JSON column)."""
    return json_text.dumps(value)


def dumps_bytes(value: Any) -> bytes:
    """An answer's JSON (orjson; the standard library for integers beyond 64 bits). Parts may
    be ``orjson.Fragment``: JSON the database made, embedded as it is."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_unfragment).encode()


def _unfragment(value: Any) -> Any:
    if isinstance(value, orjson.Fragment):
        return json.loads(value.contents)
    raise TypeError(f"{type(value).__name__} is not JSON")


def loads(text: str | bytes) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def _private_sqlite_file(url: str) -> None:
    """The office store's file is only its owner's (0600 whatever the umask); SQLite gives
    the -wal and -shm files the same mode."""
    database = make_url(url).database
    if not database or database == ":memory:":
        return
    path = Path(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for part in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            os.chmod(part, 0o600)


def make_engine(url: str) -> Engine:
    codec: dict[str, Any] = {"json_serializer": dumps, "json_deserializer": loads}
    if url.startswith("sqlite"):
        _private_sqlite_file(url)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **codec)

        @event.listens_for(engine, "connect")
        def _connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            # a reading transaction (``reading``) never waits for the write lock: WAL readers see
            # the last commit while a push writes
            read_only = conn.get_execution_options().get(READ_ONLY, False)
            conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        return engine
    # psycopg prepares a statement after a few runs and PostgreSQL then settles on a generic
    # plan; for ``tbl = $1 AND id IN ($2, ...)`` that plan scans every row of the table (a push
    # grew slower with the store's size). Plans are made for the actual keys; prepared
    # statements still save the parsing.
    custom_plans = {"options": "-c plan_cache_mode=force_custom_plan"}
    return create_engine(
        url, pool_pre_ping=True, pool_size=10, max_overflow=20, connect_args=custom_plans, **codec
    )


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A transaction that only reads: on SQLite a deferred ``BEGIN``, so it neither waits for
    nor holds the write lock (the health check, a login's look-up, a token's check)."""
    with engine.connect() as conn:
        conn.execution_options(**{READ_ONLY: True})
        with conn.begin():
            yield conn


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def _revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite(engine: Engine, label: str) -> Path | None:
    """A consistent copy of a SQLite office store (SQLite's online backup) beside it, in
    ``backups/``. PostgreSQL is backed up by its own tools (pg_dump) before an upgrade."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    folder = Path(database).parent / "backups"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    target = folder / f"{Path(database).stem}-{label}.db"
    _private_sqlite_file(f"sqlite:///{target}")
    raw = engine.raw_connection()
    try:
        with sqlite3.connect(target) as copy:
            raw.driver_connection.backup(copy)  # type: ignore[union-attr]
    finally:
        raw.close()
    return target


def migrate(url: str) -> Path | None:
    """Bring the database to the newest schema (idempotent) and seed the counter. A SQLite
    store with data is copied first; returns that backup's path when one was made."""
    engine = make_engine(url)
    made = None
    try:
        current = _revision(engine)
        if (
            current is not None
            and current != ScriptDirectory.from_config(alembic_config(url)).get_current_head()
        ):
            made = backup_sqlite(engine, f"pre-{current}")
    finally:
        engine.dispose()
    command.upgrade(alembic_config(url), "head")
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            if conn.execute(select(schema.sync_counter.c.id)).first() is None:
                conn.execute(insert(schema.sync_counter).values(id=1, last_seq=0))
    finally:
        engine.dispose()
    return made


def next_revision(conn: Connection) -> int:
    """The next revision, taken inside the caller's transaction: the counter row stays locked
    until commit, so a later revision never commits before an earlier one."""
    c = schema.sync_counter.c
    return int(
        conn.execute(
            update(schema.sync_counter).where(c.id == 1).values(last_seq=c.last_seq + 1).returning(c.last_seq)
        ).scalar_one()
    )
