"""Blob folders written before encryption at rest: plaintext files named by their SHA-256.

At start each such file is encrypted under its keyed name and then removed, one at a time:
the new file appears by rename only when complete, so a crash leaves either the old file
(converted at the next start) or both (the old one is removed then). Partial uploads of that
time were plaintext too; they are deleted (migration 0006 dropped their rows, so the laptops
start those uploads again).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from .blob_crypto import create_private, private_dir

if TYPE_CHECKING:
    from .blob_store import LocalFolder

log = logging.getLogger(__name__)

_SHA = re.compile(r"[0-9a-f]{64}")
_SHARD = re.compile(r"[0-9a-f]{2}")
_PIECE = 8 * 1024 * 1024


def _legacy_files(root: Path) -> list[Path]:
    found = []
    for shard in root.iterdir():
        if shard.is_dir() and _SHARD.fullmatch(shard.name):
            with contextlib.suppress(FileNotFoundError):
                found += [
                    entry
                    for entry in shard.iterdir()
                    if _SHA.fullmatch(entry.name) and entry.name.startswith(shard.name) and entry.is_file()
                ]
    return found


def _encrypt(store: LocalFolder, source: Path, target: Path) -> bool:
    """``source`` (plaintext named by its hash) encrypted into ``target``; False if damaged."""
    sha = source.name
    private_dir(target.parent)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    digest = hashlib.sha256()
    try:
        with source.open("rb") as src, create_private(tmp) as out:
            out.write(store.cipher.header)
            piece, index = src.read(_PIECE), 0
            while piece:
                following = src.read(_PIECE)
                digest.update(piece)
                out.write(store.cipher.seal(sha, index, piece, final=not following))
                piece, index = following, index + 1
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != sha or index == 0:
            return False
        os.replace(tmp, target)
        return True
    finally:
        tmp.unlink(missing_ok=True)


def upgrade_folder(store: LocalFolder) -> int:
    """Encrypt the plaintext files under their keyed names; returns how many were converted."""
    converted = 0
    for source in _legacy_files(store.root):
        target = store.file(store.cipher.name(source.name))
        try:
            done = target.is_file() or _encrypt(store, source, target)
        except FileNotFoundError:  # another server process starting at once converted it
            continue
        if done:
            converted += 1
        else:
            log.warning("blob %s does not match its name; removed", source.name)
        source.unlink(missing_ok=True)
    for stale in (store.root / "uploads").iterdir():
        if stale.is_file() and stale.suffix != ".part":
            stale.unlink(missing_ok=True)
    for shard in store.root.iterdir():
        if shard.is_dir() and _SHARD.fullmatch(shard.name):
            with contextlib.suppress(OSError):
                os.chmod(shard, 0o700)
    return converted
