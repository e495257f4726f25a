"""Writing an inspection export to a file, as the app and the command line do it.

The file is written inside the export's transaction: the audit row the export adds is
committed only when the write succeeded, and a failed write rolls it back. The target is
checked first so a folder, a missing folder or a read-only one gets a clear refusal, and
``atomic.write_atomic`` removes its temporary file whatever goes wrong (no plaintext copy
is left beside the target).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from sqlalchemy.orm import Session

from inspectorapp.atomic import write_atomic
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.errors import VeldwerkError

from . import csv_export, json_export, qdpx_export

FORMATS = ("json", "csv", "qdpx")


class ExportPathError(VeldwerkError):
    """The export (or report, or rescue file) cannot be written where asked.

    ``reason``: is_folder, no_folder, not_writable, write_failed; the code names it
    (``export_is_folder`` ...) so each gets its own message."""

    code = "export_path"

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}", path=str(path), reason=reason)
        self.code = f"export_{reason}"
        self.reason = reason


def check_target(path: Path) -> None:
    if path.is_dir():
        raise ExportPathError(path, "is_folder")
    if not path.parent.is_dir():
        raise ExportPathError(path, "no_folder")
    if not os.access(path.parent, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ExportPathError(path, "not_writable")


def write_file(path: Path, data: bytes) -> None:
    """Check the target, then write crash-safe; an OS error becomes an ExportPathError."""
    check_target(path)
    try:
        write_atomic(path, data)
    except OSError as exc:
        reason = "not_writable" if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) else "write_failed"
        raise ExportPathError(path, reason) from exc


def export_bytes(
    session: Session, ctx: ActionContext, inspection_id: str, kind: str, include_confidential: bool = False
) -> bytes:
    if kind == "json":
        document = json_export.export_inspection(session, ctx, inspection_id, include_confidential)
        return json_export.dumps(document).encode("utf-8")
    if kind == "csv":
        return csv_export.export_csv(session, ctx, inspection_id, include_confidential)
    if kind == "qdpx":  # leaves confidential paragraphs out always
        return qdpx_export.export_qdpx(session, ctx, inspection_id)[0]
    raise ValueError(f"unknown export format {kind!r}")


def write_export(
    session: Session,
    ctx: ActionContext,
    inspection_id: str,
    kind: str,
    path: Path,
    include_confidential: bool = False,
) -> str:
    """Make the export and write it to ``path`` in one transaction; returns the path."""
    check_target(path)  # before the work: a folder is refused at once
    write_file(path, export_bytes(session, ctx, inspection_id, kind, include_confidential))
    return str(path)
