"""Schema migrations of the local store, with a backup copy before every upgrade."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from inspectorapp.errors import StoreCorruptError, StoreTooNewError

from .engine import Store, check_readable, private_file

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(store: Store) -> str | None:
    with store.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup(store: Store, label: str) -> Path:
    """A consistent copy of the (still encrypted) store file next to it, fsynced."""
    store.checkpoint()
    folder = store.path.parent / "backups"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)  # the copies are only the owner's, whatever the umask
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{store.path.stem}-{label}-{stamp}.db"
    tmp = target.with_suffix(".part")
    private_file(tmp)
    with open(store.path, "rb") as source, open(tmp, "r+b") as copy:
        shutil.copyfileobj(source, copy)
        copy.truncate()
        copy.flush()
        os.fsync(copy.fileno())
    os.replace(tmp, target)
    return target


def upgrade(store: Store, revision: str = "head") -> Path | None:
    """Bring the store to ``revision``. Returns the backup path when one was made.

    Runs in one transaction with foreign keys off (batch mode copies tables);
    foreign keys are checked before commit, so a bad migration leaves nothing.
    """
    current = current_revision(store)
    script = ScriptDirectory.from_config(alembic_config())
    if current is not None and script.get_revision(current) is None:
        raise StoreTooNewError(f"store schema {current} is newer than this app")
    target = script.get_current_head() if revision == "head" else revision
    if current == target:
        return None
    if current is not None:
        # Never back up or migrate a damaged file. Not on every unlock: a full check reads
        # the whole file (seconds at a million paragraphs).
        check_readable(store.raw)
    made = backup(store, f"pre-{current}") if current is not None else None
    store.pragma("foreign_keys = OFF")
    try:
        with store.engine.connect() as conn, conn.begin():
            command.upgrade(alembic_config(conn), revision)
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise StoreCorruptError(f"foreign key violations after migration: {problems[:5]}")
    finally:
        store.pragma("foreign_keys = ON")
    return made


def check(store: Store) -> None:
    """``alembic check``: raises if the models and the migrated schema differ."""
    with store.engine.connect() as conn:
        command.check(alembic_config(conn))
