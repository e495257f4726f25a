"""Creating, unlocking and migrating the local store. The only module above storage
that knows about files, keys and migrations."""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from inspectorapp.clock import utc_now
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.errors import (
    FieldIssue,
    StoreCorruptError,
    StoreExistsError,
    StoreNotFoundError,
    ValidationError,
)
from inspectorapp.ids import new_id
from storage.engine import Store, connect_raw, verify_key, wrap
from storage.migrate import upgrade
from storage.models import StoreMeta

from .services import frameworks

if TYPE_CHECKING:
    import sqlcipher3.dbapi2 as sqlcipher

log = logging.getLogger(__name__)

MIN_PASSPHRASE = 8


def check_new_passphrase(passphrase: str, repeated: str) -> None:
    issues = []
    if len(passphrase) < MIN_PASSPHRASE:
        issues.append(FieldIssue("passphrase", "too_short", {"min": MIN_PASSPHRASE}))
    elif len(passphrase) > 1024 or "\x00" in passphrase:
        issues.append(FieldIssue("passphrase", "invalid_format"))
    if passphrase != repeated:
        issues.append(FieldIssue("passphrase_repeat", "mismatch"))
    if issues:
        raise ValidationError(issues)


def create_store(path: Path, passphrase: str, repeated: str | None = None) -> Store:
    """Make a new encrypted store at ``path``: migrated, with a device id and the
    bundled frameworks. Built under a temporary name and renamed when complete,
    so a crash never leaves a half-made store where the app looks for one."""
    check_new_passphrase(passphrase, passphrase if repeated is None else repeated)
    if path.exists():
        raise StoreExistsError(f"{path} exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".creating")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    store = wrap(tmp, connect_raw(tmp, passphrase))
    try:
        upgrade(store)
        with store.transaction() as session:
            device = new_id()
            session.add_all(
                [
                    StoreMeta(key="device_id", value=device),
                    StoreMeta(key="created_at", value=utc_now().isoformat()),
                ]
            )
            frameworks.ensure_bundled(session, ActionContext("system", device))
    finally:
        store.close()
    tmp.rename(path)
    return open_store(path, passphrase)


def open_store(path: Path, passphrase: str) -> Store:
    """Unlock an existing store. A wrong passphrase raises before anything is written;
    an older schema is backed up, then migrated."""
    if not path.exists():
        raise StoreNotFoundError(f"{path} does not exist")
    conn = connect_raw(path, passphrase)
    _remove_rekey_leftovers(path)  # the passphrase opened the file: a change never finished
    store = wrap(path, conn)
    try:
        backup = upgrade(store)  # checks the file first when there is something to migrate
        if backup is not None:
            log.info("store migrated; backup at %s", backup)
        with store.transaction() as session:
            frameworks.ensure_bundled(session, ActionContext("system", device_id(store)))
    except BaseException:
        with contextlib.suppress(Exception):
            store.engine.dispose()
            conn.close()
        raise
    return store


def device_id(store: Store) -> str:
    with store.session() as session:
        value = session.scalar(select(StoreMeta.value).where(StoreMeta.key == "device_id"))
    return value or "unknown-device"


def verify_passphrase(path: Path, passphrase: str) -> None:
    """Raise ``WrongPassphraseError`` unless ``passphrase`` opens the store; reads only, also
    while the store is open."""
    if not path.exists():
        raise StoreNotFoundError(f"{path} does not exist")
    verify_key(path, passphrase)


def _rekey_file(path: Path) -> Path:
    return path.with_name(path.name + ".rekey")


def _remove_rekey_leftovers(path: Path) -> None:
    fresh = _rekey_file(path)
    for part in (fresh, Path(f"{fresh}-wal"), Path(f"{fresh}-shm"), Path(f"{fresh}-journal")):
        part.unlink(missing_ok=True)


def _table_counts(conn: sqlcipher.Connection) -> dict[str, int]:
    tables = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    names = [n for (n,) in conn.execute(tables)]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def change_passphrase(path: Path, current: str, new: str, repeated: str) -> None:
    """Encrypt the (closed) store under a new passphrase. Crash-safe: at every moment the
    file at ``path`` opens with the old passphrase or, once complete, with the new one.

    Not ``PRAGMA rekey`` in place: that leaves the file's pages under the old key until a
    checkpoint copies the -wal back, keeps the salt, and cannot be checked before it counts.
    A complete copy is exported under the new key beside the store, checked (quick_check,
    the same row counts), fsynced and renamed over the store in one step. The old -wal is
    checkpointed and gone before the rename, so no frame under the old key is ever applied
    to the new file. No backup under the old passphrase is kept: whoever changes it may
    do so because it leaked. See docs/decisions/0012-passphrase-change.md.
    """
    check_new_passphrase(new, repeated)
    if not path.exists():
        raise StoreNotFoundError(f"{path} does not exist")
    fresh = _rekey_file(path)
    _remove_rekey_leftovers(path)
    conn = connect_raw(path, current)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = _table_counts(conn)
        conn.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(fresh), new))
        conn.execute("SELECT sqlcipher_export('rekeyed')")
        conn.execute("DETACH DATABASE rekeyed")
    finally:
        conn.close()  # the last connection: checkpoints and removes the -wal
    check = connect_raw(fresh, new)
    try:
        if check.execute("PRAGMA quick_check").fetchone() != ("ok",) or _table_counts(check) != before:
            raise StoreCorruptError("the re-encrypted copy differs from the store")
    except BaseException:
        check.close()
        _remove_rekey_leftovers(path)
        raise
    check.close()
    for leftover in (Path(f"{path}-wal"), Path(f"{fresh}-wal")):
        if leftover.exists() and leftover.stat().st_size > 0:  # never replay old frames on the new file
            _remove_rekey_leftovers(path)
            raise StoreCorruptError(f"{leftover} was not checkpointed")
    with open(fresh, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(fresh, path)
    Path(f"{path}-shm").unlink(missing_ok=True)  # the index of the old file's WAL
    _fsync_dir(path.parent)
    log.info("store passphrase changed")


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync there; NTFS journals renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
