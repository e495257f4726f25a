"""The rescue export: everything on this laptop, encrypted with a password of its own.

For a laptop the office has disconnected (or that cannot reach it for good): every
table, the unsent outbox included, as JSON, encrypted with AES-256-GCM under a key
derived from a rescue password by scrypt. The inspector hands file and password to the
office separately; ``open_rescue`` reads it back.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import JSON
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.errors import FieldIssue, ValidationError, VeldwerkError
from storage.models import Base

from . import audit

MAGIC = b"VWRESCUE1"
MIN_PASSWORD = 12
SKIP = {"search_ref", "store_meta"}  # rebuildable index keys; keys and tokens never leave


class RescueFileError(VeldwerkError):
    code = "rescue_file"

    def __init__(self, reason: str) -> None:
        super().__init__(reason, reason=reason)


def _key(password: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(password.encode("utf-8"))


def _tables(session: Session) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    conn = session.connection()
    for table in Base.metadata.sorted_tables:
        if table.name in SKIP:
            continue
        json_columns = {c.name for c in table.columns if isinstance(c.type, JSON)}
        cursor = conn.exec_driver_sql(f'SELECT * FROM "{table.name}"')
        names = list(cursor.keys())
        rows = []
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            for name in json_columns:
                if isinstance(row.get(name), str):
                    row[name] = json.loads(row[name])
            rows.append(row)
        out[table.name] = rows
    return out


def rescue_bytes(session: Session, ctx: ActionContext, password: str) -> bytes:
    if len(password) < MIN_PASSWORD:
        raise ValidationError([FieldIssue("password", "too_short", {"min": MIN_PASSWORD})])
    tables = _tables(session)
    document: dict[str, Any] = {
        "format": "veldwerk-rescue",
        "format_version": 1,
        "made_at": utc_now().isoformat(),
        "made_by": ctx.actor,
        "device": ctx.device_id,
        "tables": tables,
    }
    plain = json.dumps(document, ensure_ascii=False, sort_keys=True).encode("utf-8")
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_key(password, salt)).encrypt(nonce, plain, MAGIC)
    audit.record(session, ctx, "rescue.export", None, None, rows=sum(len(v) for v in tables.values()))
    return MAGIC + salt + nonce + sealed


def write_rescue(session: Session, ctx: ActionContext, password: str, path: Path) -> str:
    """Make the rescue file and write it in one transaction: audited only when written."""
    from .exports import check_target, write_file

    check_target(path)
    write_file(path, rescue_bytes(session, ctx, password))
    return str(path)


def open_rescue(data: bytes, password: str) -> dict[str, Any]:
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 28 + 16:
        raise RescueFileError("not a Veldwerk rescue file")
    salt = data[len(MAGIC) : len(MAGIC) + 16]
    nonce = data[len(MAGIC) + 16 : len(MAGIC) + 28]
    try:
        plain = AESGCM(_key(password, salt)).decrypt(nonce, data[len(MAGIC) + 28 :], MAGIC)
    except InvalidTag:
        raise RescueFileError("wrong password or damaged file") from None
    result: dict[str, Any] = json.loads(plain)
    return result
