"""The export dialog of the running app (#12 D): "Export…" on an inspection's page opens the
save dialog with "Include restricted and reporter-confidential items", off by default. Driven
as a user would (type the file name, tick or leave the box, Save), the JSON file written holds
no restricted or reporter-confidential item with the box off, and holds them with it on; the
file says which it is."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QDialogButtonBox, QFileDialog, QLineEdit
from sqlalchemy import select

from inspectorapp.domain.enums import Confidentiality
from inspectorapp.services import json_export
from storage import models as m
from ui.main_window import MainWindow

from .test_app_window import _create, _wait_rows, window

__all__ = ["window"]

CONFIDENTIAL = {Confidentiality.RESTRICTED.value, Confidentiality.REPORTER_CONFIDENTIAL.value}


def _with_confidential_items(w: MainWindow) -> tuple[str, dict[str, int]]:
    """A demo inspection that has restricted items, and how many of each table it has."""
    ws = w.workspace
    assert ws is not None
    for inspection_id in ws.call(lambda s: list(s.scalars(select(m.Inspection.id)))):
        full = ws.call(json_export.export_inspection, ws.ctx, inspection_id, True)
        counts = {
            name: n
            for name, rows in full["tables"].items()
            if (n := len([r for r in rows if r.get("confidentiality") in CONFIDENTIAL]))
        }
        if counts:
            return inspection_id, counts
    raise AssertionError("the demo data has no restricted item")


def _when_dialog_opens(qtbot, act: Callable[[QFileDialog], None]) -> list[QFileDialog]:
    """Run ``act`` on the export dialog once it is open (it runs its own event loop)."""
    seen: list[QFileDialog] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog) and dialog.isVisible():
            seen.append(dialog)
            try:
                act(dialog)
            finally:
                if dialog.isVisible():  # a failed step: close it, or its event loop never returns
                    dialog.reject()
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    return seen


def _save_as(qtbot, target: Path, include: bool) -> Callable[[QFileDialog], None]:
    def act(dialog: QFileDialog) -> None:
        assert dialog.objectName() == "exportDialog"
        box = dialog.findChild(QCheckBox, "includeConfidential")
        assert box is not None and box.isVisible() and not box.isChecked()  # off unless chosen
        assert box.text() == "Ook beperkt toegankelijke en melder-vertrouwelijke gegevens opnemen"
        if include:
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
            assert box.isChecked()
        dialog.setDirectory(str(target.parent))  # as if the user went there
        assert dialog.selectedFiles() == [str(target.parent / "inspectie.json")]  # the name offered
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        # typed with the focus in the name field, as a user types (only then does Qt drop what
        # was selected in the listing for the typed name)
        dialog.activateWindow()
        name.setFocus()
        qtbot.waitUntil(name.hasFocus, timeout=5000)
        name.clear()
        qtbot.keyClicks(name, target.name)
        assert dialog.selectedFiles() == [str(target)]
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        (save,) = [
            b for b in buttons.buttons() if buttons.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole
        ]
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    return act


def _export(qtbot, w: MainWindow, inspection_id: str, target: Path, include: bool) -> dict:
    assert w.shell is not None
    page = w.shell.inspection_page
    page.export_menu.setCurrentIndex(page.export_menu.findData("json"))
    seen = _when_dialog_opens(qtbot, _save_as(qtbot, target, include))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    qtbot.waitUntil(target.exists, timeout=15000)  # written on the database thread
    return json.loads(target.read_text(encoding="utf-8"))


def test_the_export_dialogs_box_decides_whether_restricted_items_are_in_the_file(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    w = window
    _create(qtbot, w, demo=True)
    _wait_rows(qtbot, w, 1)
    inspection_id, counts = _with_confidential_items(w)
    w.open_inspection(inspection_id)
    qtbot.waitUntil(
        lambda: (
            w.shell is not None
            and w.shell.inspection_page.detail is not None
            and w.shell.inspection_page.detail.id == inspection_id
        ),
        timeout=15000,
    )

    without = _export(qtbot, w, inspection_id, tmp_path / "zonder.json", include=False)
    assert without["confidential"]["included"] is False
    assert without["confidential"]["left_out"]  # the file says what it left out
    for name, rows in without["tables"].items():
        assert not [r for r in rows if r.get("confidentiality") in CONFIDENTIAL], name

    with_them = _export(qtbot, w, inspection_id, tmp_path / "met.json", include=True)
    assert with_them["confidential"] == {"included": True, "left_out": {}}
    found = {
        name: n
        for name, rows in with_them["tables"].items()
        if (n := len([r for r in rows if r.get("confidentiality") in CONFIDENTIAL]))
    }
    assert found == counts
