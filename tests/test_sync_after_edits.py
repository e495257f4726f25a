"""Every local write schedules the "sync after edits" (issue #12 B): note autosave, a tap on
the group-session board, a finding, follow-up and an attachment, each through its real
widget in the running app, connected to a real office server.

The app's writes reach the window through one path (``Workspace.watch``), not a call per
page, so a page added later schedules the sync too."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inspectorapp import sync_runner
from inspectorapp.bootstrap import build_main_window
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.paths import app_paths
from storage.models import StoreMeta
from sync.enrolment import DEMO_MARKER
from ui.main_window import MainWindow

from .sync_harness import PASSWORD, ServerProcess
from .test_app_window import _create, _wait_rows
from .test_outcomes_ui import _open_inspection
from .test_session_board import _open_meeting
from .test_sync_ui import server
from .test_visit_workspace import _open_first_visit_of, _type

__all__ = ["server"]  # a fixture, found by pytest in this namespace


@pytest.fixture
def window(qtbot, tmp_path: Path, server: ServerProcess) -> Iterator[MainWindow]:
    """The demo stories to work in, on a laptop connected to the office. A demo store may
    not enrol (decision 0005): its marker is taken off first, as for a store whose demo
    rows an inspector kept."""
    w = build_main_window(QApplication.instance(), app_paths(tmp_path / "home").ensure())
    w.resize(1400, 860)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    _create(qtbot, w)
    _wait_rows(qtbot, w, 4)
    ws = w.workspace
    qtbot.waitUntil(lambda: w.sync.overview is not None and w.sync.overview.demo_store, timeout=10000)
    ws.call(lambda s: s.delete(s.get(StoreMeta, DEMO_MARKER)))
    w.sync.connected(sync_runner.enrol(ws, server.base, "laptop van Anna", "anna", PASSWORD, ""))
    qtbot.waitUntil(lambda: w.sync.last_outcome is not None and not w.sync.running, timeout=30000)
    qtbot.waitUntil(lambda: w.sync.overview.enrolled, timeout=10000)
    yield w
    w.lock()


def _schedules(qtbot, w: MainWindow, write: Callable[[], None], entity: str) -> None:
    """``write`` is announced as a local change of ``entity``, and that announcement starts
    the timer. Each announcement is looked at on its own, right after the window's handler, and
    the timer stopped again: an earlier step's write coming in late cannot stand in for this one."""
    from ui.change_bus import ChangeOrigin

    timer, bus = w.sync.after_edits, w.bus
    started: list[bool] = []

    def announced(changes: ChangeSet, origin: ChangeOrigin) -> None:  # connected after the window's
        if origin is ChangeOrigin.LOCAL and changes.touches(entity):
            started.append(timer.isActive())
        timer.stop()  # the test goes on without a sync in between

    timer.stop()
    bus.changed.connect(announced)
    try:
        write()
        qtbot.waitUntil(lambda: started != [], timeout=10000)
    finally:
        bus.changed.disconnect(announced)
    assert started[0], entity


def test_each_kind_of_local_write_schedules_the_sync(qtbot, window: MainWindow, tmp_path: Path) -> None:
    w = window
    assert w.sync.overview.enrolled
    _open_meeting(qtbot, w)
    visit = w.shell.visit_page
    board = visit.board
    board.setFocus()
    _schedules(qtbot, w, lambda: qtbot.keyClick(board, Qt.Key.Key_1), "speaking_turn")  # board tap

    pdf = tmp_path / "rooster.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    _schedules(qtbot, w, lambda: visit.attachments.add_files([pdf]), "attachment")
    assert visit.attachments.status.text() == ""  # added, not refused

    _open_first_visit_of(qtbot, w, "Ziekenhuis A")
    qtbot.waitUntil(lambda: "Ziekenhuis A" in visit.data.inspection_title, timeout=10000)
    conversations = [c.id for c in visit.data.conversations if not c.group_session]
    qtbot.waitUntil(lambda: visit.editor.conversation_id in conversations, timeout=10000)
    editor = visit.editor

    def type_a_note() -> None:
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        _type(qtbot, editor, " Cliënten wachten.")

    _schedules(qtbot, w, type_a_note, "note_paragraph")  # note autosave

    findings = _open_inspection(qtbot, w, "dementiezorg", "findings").findings
    qtbot.waitUntil(lambda: findings.list.count() == 5, timeout=10000)

    def write_a_finding() -> None:
        qtbot.mouseClick(findings.new_button, Qt.MouseButton.LeftButton)
        findings.editor.theme.setCurrentIndex(findings.editor.theme.findData("T05"))
        _type(qtbot, findings.editor.see, "Wachtlijsten worden niet gedeeld.")

    _schedules(qtbot, w, write_a_finding, "finding")  # autosaved

    follow_up = _open_inspection(qtbot, w, "dementiezorg", "follow_up").follow_up
    qtbot.waitUntil(lambda: follow_up.table.rowCount() >= 5, timeout=10000)

    def reflect() -> None:
        _type(qtbot, follow_up.reflection_text, "Halverwege: de werkgroep meer ruimte geven.")
        follow_up.moment.setCurrentIndex(follow_up.moment.findData("halverwege"))
        qtbot.mouseClick(follow_up.add_reflection, Qt.MouseButton.LeftButton)

    _schedules(qtbot, w, reflect, "reflection")  # follow-up
