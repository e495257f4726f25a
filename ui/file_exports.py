"""Writing exports where the inspector chooses: an inspection (JSON, CSV, REFI-QDA) or
the encrypted rescue export of the whole laptop. Bytes are made on the database thread
(audited there) and written crash-safe here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from . import ops

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

SUFFIX = {"json": ".json", "csv": ".zip", "qdpx": ".qdpx"}


def _write(path: str, done: Callable[[str], None]) -> Callable[[bytes], None]:
    def write(data: bytes) -> None:
        from inspectorapp.atomic import write_atomic

        write_atomic(Path(path), data)
        done(path)

    return write


def export_inspection(
    parent: QWidget,
    ws: Workspace,
    inspection_id: str,
    kind: str,
    target: str | None,
    done: Callable[[str], None],
    failed: Callable[[BaseException], None],
) -> None:
    from inspectorapp.services.exports import export_bytes

    if target is None:
        target, _f = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("file_exports", "Export"), f"inspectie{SUFFIX[kind]}"
        )
    if target:
        ops.submit(
            ws, export_bytes, ws.ctx, inspection_id, kind, on_done=_write(target, done), on_error=failed
        )


def rescue_export(
    parent: QWidget,
    ws: Workspace,
    done: Callable[[str], None],
    failed: Callable[[BaseException], None],
    target: str | None = None,
    password: str | None = None,
) -> None:
    """Everything on this laptop, encrypted with a rescue password (asked twice)."""
    from inspectorapp.services.rescue_export import rescue_bytes

    if password is None:
        first, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("file_exports", "Rescue export"),
            QCoreApplication.translate("file_exports", "Rescue password (at least 12 characters):"),
            QLineEdit.EchoMode.Password,
        )
        again, ok2 = QInputDialog.getText(
            parent,
            QCoreApplication.translate("file_exports", "Rescue export"),
            QCoreApplication.translate("file_exports", "Repeat it:"),
            QLineEdit.EchoMode.Password,
        )
        if not (ok and ok2):
            return
        if first != again:
            failed(ValueError(QCoreApplication.translate("file_exports", "The two passwords differ.")))
            return
        password = first
    if target is None:
        target, _f = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("file_exports", "Rescue export"), "veldwerk-rescue.vwrescue"
        )
    if target:
        chosen: Any = password
        ops.submit(ws, rescue_bytes, ws.ctx, chosen, on_done=_write(target, done), on_error=failed)
