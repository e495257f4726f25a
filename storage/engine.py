"""Opening the encrypted store: SQLCipher key, pragmas, one long-lived connection.

SQLCipher derives the page key from the passphrase with PBKDF2-HMAC-SHA512
(256,000 iterations, per-database salt). That costs ~150 ms, so a store is
opened once per unlock and its single connection is kept (DESIGN.md traps).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from inspectorapp.errors import StoreCorruptError, WrongPassphraseError

MAX_PASSPHRASE = 1024


def _quote(passphrase: str) -> str:
    if "\x00" in passphrase or not passphrase or len(passphrase) > MAX_PASSPHRASE:
        raise WrongPassphraseError("passphrase is empty, too long or contains NUL")
    return "'" + passphrase.replace("'", "''") + "'"


def private_file(path: Path) -> None:
    """``path`` readable by its owner only (0600), made empty if missing, whatever the umask.
    SQLite gives its -wal and -shm files the database file's mode, so they follow."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for part in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            os.chmod(part, 0o600)


def _fails_to_decrypt(exc: sqlcipher.DatabaseError) -> bool:
    return getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB"


def verify_key(path: Path, passphrase: str) -> None:
    """Raise ``WrongPassphraseError`` unless ``passphrase`` decrypts the file, touching no file.

    ``immutable=1`` reads the main file only: no lock, no -wal or -shm opened or made, and
    nothing checkpointed on close. A read-write connection with a wrong key is not safe
    when a -wal was left by a crash: SQLite opens the WAL before page 1 fails to decrypt,
    then checkpoints it into the file and deletes it when the connection closes. The WAL
    never holds pages under another key (a passphrase change writes a new file,
    store_access.change_passphrase), so the main file's page 1 decides."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    conn = sqlcipher.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlcipher.DatabaseError as exc:
        if _fails_to_decrypt(exc):
            raise WrongPassphraseError("the passphrase does not open this store") from exc
        raise StoreCorruptError(f"store unreadable: {exc}") from exc
    finally:
        conn.close()


def connect_raw(path: Path, passphrase: str) -> sqlcipher.Connection:
    """A keyed DB-API connection, verified to decrypt the file. Never writes on failure
    (beyond the file's mode: 0600, for stores made before that was the rule)."""
    private_file(path)
    if Path(f"{path}-wal").exists():
        # Left by a crash (a clean close deletes it): check the key first, read-only, at
        # the cost of a second key derivation. Without a -wal a wrong key fails on page 1
        # before SQLite writes anything.
        verify_key(path, passphrase)
    conn = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not stderr noise
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
        # The first read decrypts page 1: a wrong key fails here, before any write.
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise WrongPassphraseError("the passphrase does not open this store") from exc
    except BaseException:
        conn.close()
        raise
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit the user was told about survives power loss, WAL included.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA busy_timeout = 5000")
    # Checkpoint less often than every 1000 pages: an autosave that lands on a checkpoint
    # waits for it (p99 spikes). The WAL stays bounded (~40 MB) and is truncated at lock.
    conn.execute("PRAGMA wal_autocheckpoint = 10000")
    conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files
    return conn


@dataclass
class Store:
    """An unlocked store: one connection, one engine, sessions on demand.

    Use from one thread at a time (the database executor owns it).
    """

    path: Path
    engine: Engine
    raw: sqlcipher.Connection = field(repr=False)
    _factory: sessionmaker[Session] = field(repr=False)

    def session(self) -> Session:
        return self._factory()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action = one transaction: commit on success, roll back on any error."""
        with self._factory() as session, session.begin():
            yield session

    def pragma(self, statement: str) -> list[tuple[Any, ...]]:
        """Run a PRAGMA outside any transaction (several are no-ops inside one)."""
        return list(self.raw.execute(f"PRAGMA {statement}").fetchall())

    def integrity_check(self) -> str:
        return str(self.pragma("integrity_check")[0][0])

    def checkpoint(self) -> None:
        self.pragma("wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.checkpoint()
        self.engine.dispose()


def engine_for(conn: sqlcipher.Connection) -> Engine:
    """Wrap one keyed connection in an SQLAlchemy engine with real transactions."""
    engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool, module=sqlcipher)

    # pysqlite's legacy transaction handling defers BEGIN and skips it for DDL;
    # take control so every unit of work (migrations included) is one transaction.
    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def wrap(path: Path, conn: sqlcipher.Connection) -> Store:
    engine = engine_for(conn)
    factory = sessionmaker(engine, expire_on_commit=False)
    return Store(path=path, engine=engine, raw=conn, _factory=factory)


def check_readable(conn: sqlcipher.Connection) -> None:
    result = conn.execute("PRAGMA quick_check").fetchone()
    if not result or result[0] != "ok":
        raise StoreCorruptError(f"quick_check: {result}")
