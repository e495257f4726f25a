"""The server's database: one engine per process, SQLite by default, PostgreSQL by URL.

SQLite runs in WAL mode with ``BEGIN IMMEDIATE`` for every transaction (the
SQLAlchemy pysqlite recipe), so two pushes never deadlock on a lock upgrade; on
PostgreSQL the push takes the counter row ``FOR UPDATE``. Either way pushes are
serialised where revisions are handed out, and revisions appear in commit order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, insert, select

from . import schema

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

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
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def migrate(url: str) -> None:
    """Bring the database to the newest schema (idempotent) and seed the counter."""
    command.upgrade(alembic_config(url), "head")
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            if conn.execute(select(schema.sync_counter.c.id)).first() is None:
                conn.execute(insert(schema.sync_counter).values(id=1, last_seq=0))
    finally:
        engine.dispose()
