"""Encryption at rest: no plaintext on disk, wrong passphrase fails cleanly."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from inspectorapp.errors import (
    StoreExistsError,
    StoreNotFoundError,
    ValidationError,
    WrongPassphraseError,
)
from inspectorapp.services import demo
from inspectorapp.store_access import create_store, open_store
from storage import models as m
from storage.engine import Store

from .conftest import PASSPHRASE


def _files(path: Path) -> list[Path]:
    return [p for p in path.parent.iterdir() if p.name.startswith(path.name)]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_file_has_no_sqlite_header_and_no_demo_text(store: Store, store_path: Path, ctx) -> None:
    with store.transaction() as session:
        assert demo.load_demo(session, ctx).value.loaded
    with store.session() as session:
        samples = [n for n in session.scalars(select(m.NoteParagraph.text).limit(30))]
        samples += list(session.scalars(select(m.Signal.observation).limit(30)))
        samples += list(session.scalars(select(m.Organisation.name)))
    assert len(samples) > 40
    blobs = b"".join(p.read_bytes() for p in _files(store_path))  # db, -wal, -shm
    assert not blobs.startswith(b"SQLite format 3")
    assert b"SQLite format 3\x00" not in blobs
    for text in samples:
        words = [w for w in text.split() if len(w) >= 9][:2] or [text[:12]]
        for word in words:
            assert word.encode("utf-8") not in blobs, f"{word!r} found in clear on disk"
    store.close()
    assert not store_path.read_bytes().startswith(b"SQLite format 3")


def test_wrong_passphrase_fails_cleanly_and_leaves_file_intact(store: Store, store_path: Path) -> None:
    store.close()
    before = {p.name: _digest(p) for p in _files(store_path)}
    for wrong in (
        "verkeerd wachtwoord",
        PASSPHRASE + " ",
        PASSPHRASE.upper(),
        "'; DROP TABLE x; --",
    ):
        with pytest.raises(WrongPassphraseError):
            open_store(store_path, wrong)
    after = {p.name: _digest(p) for p in _files(store_path)}
    assert before == after
    reopened = open_store(store_path, PASSPHRASE)
    assert reopened.integrity_check() == "ok"
    reopened.close()


def test_not_a_store_is_refused_without_change(tmp_path: Path) -> None:
    junk = tmp_path / "veldwerk.db"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    before = _digest(junk)
    with pytest.raises(WrongPassphraseError):
        open_store(junk, PASSPHRASE)
    assert _digest(junk) == before


def test_create_refuses_weak_or_mismatched_passphrase_and_existing_store(
    tmp_path: Path, store_path: Path, store: Store
) -> None:
    with pytest.raises(ValidationError) as weak:
        create_store(tmp_path / "a.db", "kort")
    assert weak.value.issues[0].problem == "too_short"
    with pytest.raises(ValidationError) as mismatch:
        create_store(tmp_path / "b.db", PASSPHRASE, PASSPHRASE + "x")
    assert mismatch.value.issues[0].problem == "mismatch"
    assert not (tmp_path / "a.db").exists() and not (tmp_path / "b.db").exists()
    with pytest.raises(StoreExistsError):
        create_store(store_path, PASSPHRASE)
    with pytest.raises(StoreNotFoundError):
        open_store(tmp_path / "missing.db", PASSPHRASE)


def test_pragmas_of_an_open_store(store: Store) -> None:
    assert store.pragma("journal_mode")[0][0] == "wal"
    assert store.pragma("foreign_keys")[0][0] == 1
    assert store.pragma("synchronous")[0][0] == 2  # FULL
    assert store.pragma("cipher_version")[0][0].startswith("4.")


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_store_backups_and_attachments_are_the_owners_only_whatever_the_umask(
    tmp_path: Path, umask: int
) -> None:
    import os
    import stat

    from inspectorapp.blobs import BlobStore
    from inspectorapp.paths import app_paths
    from storage.migrate import backup

    previous = os.umask(umask)
    try:
        paths = app_paths(tmp_path / "home").ensure()
        store = create_store(paths.store_file, PASSPHRASE)
        try:
            with store.transaction() as session:
                session.add(m.StoreMeta(key="probe", value="x"))  # the WAL has something in it
            copy = backup(store, "probe")
            with store.transaction() as session:
                session.add(m.StoreMeta(key="probe-2", value="y"))
            blob = BlobStore(paths.attachments_dir, os.urandom(32))
            made = blob.path_for(blob.put(b"verslag"))
            files = [p for p in _files(paths.store_file)] + [copy, made]
            assert len(files) == 5  # db, -wal, -shm, the backup, the blob
            folders = [copy.parent, paths.attachments_dir, made.parent]
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in files + folders}
            assert modes == {p.name: 0o600 for p in files} | {p.name: 0o700 for p in folders}
        finally:
            store.close()
    finally:
        os.umask(previous)


def test_a_store_made_before_the_rule_is_made_private_when_opened(store_path: Path, store: Store) -> None:
    import os
    import stat

    store.close()
    os.chmod(store_path, 0o644)
    open_store(store_path, PASSPHRASE).close()
    assert stat.S_IMODE(store_path.stat().st_mode) == 0o600


def test_wrong_passphrase_after_a_crash_leaves_db_wal_and_shm_untouched(
    store_path: Path, store: Store
) -> None:
    """A -wal left by a killed process: a wrong passphrase must not checkpoint it into the
    file (SQLite does that when the last connection closes); the right one finds its data."""
    import os
    import signal
    import subprocess
    import sys

    from .conftest import ROOT

    store.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.procs.outbox_writer", str(store_path), PASSPHRASE, "loop"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    committed = 0
    for line in child.stdout:
        committed = int(line.split()[1])
        if committed >= 5:
            break
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    wal, shm = Path(f"{store_path}-wal"), Path(f"{store_path}-shm")
    assert wal.stat().st_size > 0 and shm.exists()
    before = {p.name: _digest(p) for p in _files(store_path)}
    for wrong in ("verkeerd wachtwoord", PASSPHRASE + " "):
        with pytest.raises(WrongPassphraseError):
            open_store(store_path, wrong)
        assert {p.name: _digest(p) for p in _files(store_path)} == before
    reopened = open_store(store_path, PASSPHRASE)
    try:
        with reopened.session() as session:
            names = set(session.scalars(select(m.Organisation.name)))
        assert f"Organisatie {committed - 1}" in names  # the last commit reported, held in the WAL only
    finally:
        reopened.close()
