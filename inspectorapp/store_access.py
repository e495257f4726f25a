"""Creating, unlocking and migrating the local store. The only module above storage
that knows about files, keys and migrations."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from sqlalchemy import select

from inspectorapp.clock import utc_now
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.errors import (
    FieldIssue,
    StoreExistsError,
    StoreNotFoundError,
    ValidationError,
)
from inspectorapp.ids import new_id
from storage.engine import Store, connect_raw, wrap
from storage.migrate import upgrade
from storage.models import StoreMeta

from .services import frameworks

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
