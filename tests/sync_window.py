"""The running app as one laptop of a sync test: its real main window, its sync panel opened
from the status bar, and F9 waited for until the run it started has finished."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inspectorapp.bootstrap import build_main_window
from inspectorapp.paths import app_paths
from inspectorapp.services import sync_status
from ui.main_window import MainWindow
from ui.sync_dialog import SyncDialog

from .test_app_window import _create


def open_window(qtbot, home: Path) -> MainWindow:
    """A new, empty store (no demo data) unlocked in a shown main window."""
    w = build_main_window(QApplication.instance(), app_paths(home).ensure())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    _create(qtbot, w, demo=False)
    qtbot.waitUntil(lambda: w.sync is not None and w.sync.overview is not None, timeout=20000)
    return w


def f9(qtbot, w: MainWindow) -> None:
    """Press F9 once no run is under way (a timer may have started one), wait for that run, and
    then for the window to show the store's state after it (the controller refreshes its
    overview once the run is done; the panel and the status bar follow it)."""
    sync, ws = w.sync, w.workspace
    assert sync is not None and ws is not None
    qtbot.waitUntil(lambda: not sync.running, timeout=30000)
    with qtbot.waitSignal(sync.finished, timeout=30000):
        w.sync_action.trigger()
    assert sync.last_outcome is not None and sync.last_outcome.kind == "done", sync.last_outcome
    qtbot.waitUntil(lambda: sync.overview == ws.call(sync_status.sync_overview), timeout=10000)


def open_panel(qtbot, w: MainWindow) -> SyncDialog:
    """Click "Sync…" in the status bar: the panel that opens."""
    before = {id(d) for d in QApplication.topLevelWidgets() if isinstance(d, SyncDialog)}
    qtbot.mouseClick(w.sync_button, Qt.MouseButton.LeftButton)
    dialog = next(
        d
        for d in QApplication.topLevelWidgets()
        if isinstance(d, SyncDialog) and d.isVisible() and id(d) not in before
    )
    qtbot.waitExposed(dialog)
    return dialog
