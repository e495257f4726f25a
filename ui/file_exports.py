"""Writing exports where the inspector chooses: an inspection (JSON, CSV, REFI-QDA) or
the encrypted rescue export of the whole laptop. Made and written on the database thread
in one transaction, so the audit row is kept only when the file was written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFileDialog, QGridLayout, QInputDialog, QLineEdit, QWidget

from . import ops

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

SUFFIX = {"json": ".json", "csv": ".zip", "qdpx": ".qdpx"}


# Formats that can hold restricted items; REFI-QDA leaves confidential paragraphs out always.
WITH_CONFIDENTIAL = ("json", "csv")


def _ask_target(parent: QWidget, kind: str) -> tuple[str, bool]:
    """The save dialog, for JSON and CSV with a checkbox to include restricted and
    reporter-confidential items (off by default). Qt's own dialog: a native one takes no
    extra widgets."""
    dialog = QFileDialog(parent, QCoreApplication.translate("file_exports", "Export"))
    dialog.setObjectName("exportDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.selectFile(f"inspectie{SUFFIX[kind]}")
    box = QCheckBox(
        QCoreApplication.translate("file_exports", "Include restricted and reporter-confidential items"),
        dialog,
    )
    box.setObjectName("includeConfidential")
    layout = dialog.layout()
    if kind in WITH_CONFIDENTIAL and isinstance(layout, QGridLayout):
        layout.addWidget(box, layout.rowCount(), 0, 1, -1)
    else:
        box.hide()
    if not dialog.exec() or not dialog.selectedFiles():
        return "", False
    return dialog.selectedFiles()[0], box.isChecked() and kind in WITH_CONFIDENTIAL


def export_inspection(
    parent: QWidget,
    ws: Workspace,
    inspection_id: str,
    kind: str,
    target: str | None,
    done: Callable[[str], None],
    failed: Callable[[BaseException], None],
    include_confidential: bool = False,
) -> None:
    from inspectorapp.services.exports import write_export

    if target is None:
        target, include_confidential = _ask_target(parent, kind)
    if target:
        ops.submit(
            ws,
            write_export,
            ws.ctx,
            inspection_id,
            kind,
            Path(target),
            include_confidential,
            on_done=done,
            on_error=failed,
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
    from inspectorapp.services.rescue_export import write_rescue

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
        ops.submit(ws, write_rescue, ws.ctx, chosen, Path(target), on_done=done, on_error=failed)
