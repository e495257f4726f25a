"""The throwaway PostgreSQL server (tests/postgres.py) that the sync-server tests run against."""

from __future__ import annotations

import os
import pwd
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from .postgres import TempPostgres, postgres_server, postgres_url

# Re-exported for pytest, which finds fixtures in the module namespace; listing them here also keeps
# ruff from reporting the imports as unused (F401) and every test parameter as a redefinition (F811).
__all__ = ["postgres_server", "postgres_url"]


def _rows(url: str, query: str) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(query))]
    finally:
        engine.dispose()


def test_sqlalchemy_round_trip(postgres_url: str) -> None:
    assert postgres_url.startswith("postgresql+psycopg://postgres@127.0.0.1:")
    engine = create_engine(postgres_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE visit (id serial PRIMARY KEY, location text NOT NULL)"))
        conn.execute(text("INSERT INTO visit (location) VALUES (:loc)"), [{"loc": "Noord"}, {"loc": "Zuid"}])
    engine.dispose()
    assert _rows(postgres_url, "SELECT id, location FROM visit ORDER BY id") == [(1, "Noord"), (2, "Zuid")]


def test_session_database_exists(postgres_server: TempPostgres) -> None:
    assert postgres_server.url.endswith(f":{postgres_server.port}/veldwerk_test")
    assert _rows(postgres_server.url, "SELECT current_database()") == [("veldwerk_test",)]


@pytest.mark.parametrize("run", [1, 2])
def test_each_test_gets_an_empty_database(postgres_url: str, run: int) -> None:
    # Both runs create the same table: a shared database would fail the second with DuplicateTable.
    assert _rows(postgres_url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [(0,)]
    engine = create_engine(postgres_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE outbox (n int)"))
        conn.execute(text("INSERT INTO outbox VALUES (:n)"), {"n": run})
    engine.dispose()


def test_databases_are_isolated(postgres_server: TempPostgres, postgres_url: str) -> None:
    other = postgres_server.new_database("isolation_other")
    try:
        for url, value in ((postgres_url, "mine"), (other, "theirs")):
            engine = create_engine(url)
            with engine.begin() as conn:
                conn.execute(text("CREATE TABLE note (body text)"))
                conn.execute(text("INSERT INTO note VALUES (:v)"), {"v": value})
            engine.dispose()
        assert _rows(postgres_url, "SELECT body FROM note") == [("mine",)]
        assert _rows(other, "SELECT body FROM note") == [("theirs",)]
    finally:
        postgres_server.drop_database("isolation_other")
    assert (
        _rows(
            postgres_server.url_for("postgres"),
            "SELECT datname FROM pg_database WHERE datname = 'isolation_other'",
        )
        == []
    )


def test_kill_hard_keeps_committed_rows(postgres_server: TempPostgres, postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE outbox (id int PRIMARY KEY)"))
        conn.execute(text("INSERT INTO outbox VALUES (1)"))
    # Committed right before the kill: lost if commits were asynchronous (synchronous_commit=off).
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO outbox VALUES (2)"))
    in_flight = engine.connect()
    in_flight.execute(text("INSERT INTO outbox VALUES (3)"))  # never committed

    old_pid = postgres_server.postmaster_pid
    postgres_server.kill_hard()
    assert not postgres_server.running
    with pytest.raises(OperationalError):
        _rows(postgres_url, "SELECT 1")
    engine.dispose()

    postgres_server.restart()
    assert postgres_server.running
    assert postgres_server.postmaster_pid != old_pid
    assert _rows(postgres_url, "SELECT id FROM outbox ORDER BY id") == [(1,), (2,)]


def test_restart_of_a_running_server(postgres_server: TempPostgres, postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t AS SELECT 42 AS answer"))
    engine.dispose()
    postgres_server.restart()
    assert _rows(postgres_url, "SELECT answer FROM t") == [(42,)]


def test_server_never_runs_as_root(postgres_server: TempPostgres) -> None:
    expected = pwd.getpwnam("postgres").pw_uid if os.geteuid() == 0 else os.geteuid()
    (data_dir,) = _rows(postgres_server.url, "SELECT current_setting('data_directory')")[0]
    assert Path(str(data_dir)).stat().st_uid == expected
    assert expected != 0
    pid = postgres_server.postmaster_pid
    assert pid is not None
    if Path("/proc").is_dir():  # Linux: the postmaster process itself
        assert Path(f"/proc/{pid}").stat().st_uid == expected
