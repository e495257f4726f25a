"""The app reopens where the inspector was: after a lock, and after quitting and starting again.
A place that is gone opens the inspections list, without a message."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inspectorapp import settings as settings_io
from inspectorapp.bootstrap import build_main_window
from inspectorapp.paths import AppPaths, app_paths
from inspectorapp.store_access import open_store
from storage import models as m
from ui.main_window import MainWindow

from . import helpers
from .conftest import PASSPHRASE
from .test_app_window import _create, _wait_rows


def _window(qtbot, paths: AppPaths) -> MainWindow:
    w = build_main_window(QApplication.instance(), paths)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _unlock(qtbot, w: MainWindow) -> None:
    qtbot.keyClicks(w.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(w.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.workspace is not None and w.shell is not None, timeout=20000)


def _open_second_conversation(qtbot, w: MainWindow) -> tuple[str, str, str]:
    """Open a note conversation other than a visit's first; (inspection, visit, conversation)."""
    shell = w.shell
    for r in range(shell.inspections.rowCount()):
        inspection = shell.inspections.row_at(r).id
        w.open_inspection(inspection)
        qtbot.waitUntil(
            lambda i=inspection: getattr(shell.inspection_page.detail, "id", None) == i, timeout=10000
        )
        for n in range(shell.inspection_page.visits.count()):
            visit = shell.inspection_page.visits.item(n).data(Qt.ItemDataRole.UserRole)
            shell.open_visit(visit)
            qtbot.waitUntil(
                lambda v=visit: shell.visit_page.data is not None and shell.visit_page.data.visit_id == v,
                timeout=10000,
            )
            rows = shell.visit_page.data.conversations
            notes = [n for n, c in enumerate(rows) if n > 0 and not c.group_session]  # not the first
            if notes:
                shell.visit_page.conversations.setCurrentRow(notes[0])
                return inspection, visit, rows[notes[0]].id
    raise AssertionError("no visit with two conversations in the demo")


def _shows_visit(w: MainWindow, visit: str, conversation: str) -> bool:
    page = w.shell.visit_page
    item = page.conversations.currentItem()
    return (
        w.shell.pages.currentWidget() is page
        and page.data is not None
        and page.data.visit_id == visit
        and item is not None
        and item.data(Qt.ItemDataRole.UserRole) == conversation
    )


def test_lock_and_restart_reopen_the_visit_and_conversation(qtbot, tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "home").ensure()
    w = _window(qtbot, paths)
    _create(qtbot, w)
    _wait_rows(qtbot, w, 4)
    inspection, visit, conversation = _open_second_conversation(qtbot, w)
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert w.workspace is None
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: _shows_visit(w, visit, conversation), timeout=10000)
    assert w.shell.nav.currentRow() == w.shell.PAGES.index("inspections")
    qtbot.waitUntil(lambda: w.shell.inspection_page.detail is not None, timeout=10000)
    assert w.shell.inspection_page.detail.id == inspection  # "back" goes to its inspection
    w.close()  # quitting remembers too
    stored = settings_io.load(paths.settings_file)
    assert (stored.last_page, stored.last_visit_id, stored.last_conversation_id) == (
        "visit",
        visit,
        conversation,
    )

    again = _window(qtbot, paths)
    try:
        _unlock(qtbot, again)
        qtbot.waitUntil(lambda: _shows_visit(again, visit, conversation), timeout=10000)
    finally:
        again.lock()


def test_the_inspection_and_its_tab_are_reopened(qtbot, tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "home").ensure()
    w = _window(qtbot, paths)
    try:
        _create(qtbot, w)
        _wait_rows(qtbot, w, 4)
        inspection = w.shell.inspections.row_at(1).id
        w.open_inspection(inspection)
        page = w.shell.inspection_page
        qtbot.waitUntil(lambda: page.detail is not None and page.isVisible(), timeout=10000)
        page.show_tab("findings")
        w.lock()
        _unlock(qtbot, w)
        page = w.shell.inspection_page
        qtbot.waitUntil(lambda: w.shell.pages.currentWidget() is page, timeout=10000)
        assert page.detail.id == inspection
        assert page.tabs.currentIndex() == 1
    finally:
        w.lock()


def test_a_deleted_visit_falls_back_to_the_list_quietly(qtbot, tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "home").ensure()
    w = _window(qtbot, paths)
    try:
        _create(qtbot, w)
        _wait_rows(qtbot, w, 4)
        _inspection, visit, _conversation = _open_second_conversation(qtbot, w)
        w.lock()
        store = open_store(paths.store_file, PASSPHRASE)  # deleted meanwhile (a colleague, a sync)
        with store.transaction() as session:
            session.get(m.Visit, visit).deleted_at = datetime.now(UTC)
        store.close()
        _unlock(qtbot, w)
        _wait_rows(qtbot, w, 4)
        helpers.drain(qtbot, w.workspace)  # the place is read, found gone (the list showed before)
        assert w.shell.pages.currentIndex() == w.shell.PAGES.index("inspections")
        assert w.shell.nav.currentRow() == w.shell.PAGES.index("inspections")
        assert w.statusBar().currentMessage() == ""  # quietly
    finally:
        w.lock()
