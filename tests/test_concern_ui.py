"""Concerns with real widgets on a demo store: con_a_meld's evidence matrix (diagnostic rows,
inconsistent counts, rating by keyboard), a new concern for Ziekenhuis A with a signal
attached, and the review list that opens what is due."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspectorapp.domain.enums import ConcernRating, ConcernSignalRole
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.executor import DbExecutor
from inspectorapp.paths import app_paths
from inspectorapp.services import concern_views, demo
from inspectorapp.store_access import create_store
from inspectorapp.workspace import Workspace
from storage import models as m
from ui.concern_editor import ConcernEditor
from ui.concern_list import ConcernListView
from ui.evidence_matrix import DIAGNOSTIC_MARK
from ui.review_list import ReviewListView

from .conftest import PASSPHRASE
from .test_app_window import _shot, dutch_for_shots

MELD = "Mogelijk onveilig meldklimaat"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    paths = app_paths(tmp_path / "home").ensure()
    store = create_store(paths.store_file, PASSPHRASE)
    ws = Workspace(DbExecutor(store), ActionContext("Inspecteur De Vries", "device-1"), paths)
    ws.call(lambda s: demo.load_demo(s, ws.ctx))
    yield ws
    ws.close()


def _meld(ws: Workspace) -> str:
    return ws.call(lambda s: s.scalars(select(m.Concern.id).where(m.Concern.title.startswith(MELD))).one())


def _org(ws: Workspace, name: str) -> str:
    return ws.call(lambda s: s.scalars(select(m.Organisation.id).where(m.Organisation.name == name)).one())


def _editor(
    qtbot: QtBot, ws: Workspace, concern_id: str | None, subject: SubjectRef | None = None
) -> ConcernEditor:
    editor = ConcernEditor(ws, concern_id, subject)
    qtbot.addWidget(editor)
    editor.show()
    editor.resize(1366, 768)
    if concern_id is not None:
        qtbot.waitUntil(lambda: editor.data is not None or editor.error.text() != "", timeout=10000)
        assert editor.data is not None, editor.error.text()
    return editor


def _row_texts(editor: ConcernEditor) -> list[str]:
    model = editor.matrix.matrix
    return [str(model.index(r, 0).data()) for r in range(model.rowCount() - 1)]


def test_the_meldklimaat_matrix_shows_diagnostic_rows_and_counts(qtbot: QtBot, workspace: Workspace) -> None:
    dutch_for_shots()
    editor = _editor(qtbot, workspace, _meld(workspace))
    editor.tabs.setCurrentIndex(2)
    rows = _row_texts(editor)
    assert len(rows) == 3
    marked = {text.split(" ", 2)[2][:30] for text in rows if text.startswith(DIAGNOSTIC_MARK)}
    unmarked = [text for text in rows if not text.startswith(DIAGNOSTIC_MARK)]
    # a_s8 and a_s14 tell the hypotheses apart; a_s12 (consistent with two, n/a for one) does not
    assert {t.split("] ", 1)[1][:20] for t in rows if t.startswith(DIAGNOSTIC_MARK)} == {
        "Verpleegkundigen mel",
        "Nachtbezoek 3 Oost: ",
    }, marked
    assert len(unmarked) == 1 and "Een verpleegkundige" in unmarked[0]
    model = editor.matrix.matrix
    footer = model.rowCount() - 1
    counts = [str(model.index(footer, c).data()).split(" ")[0] for c in range(1, model.columnCount())]
    assert counts == ["2", "1", "1"]
    assert model.least == {1, 2}  # marked "least contradicted": H1 and H2, never a verdict
    assert "·" in str(model.index(footer, 2).data()) and "·" not in str(model.index(footer, 1).data())
    assert editor.corroboration.text().count("\n") == 1  # supporting and contradicting apart
    _shot(editor, "concern-matrix.png")  # only with VELDWERK_SCREENSHOTS


def test_rating_a_cell_by_keyboard_saves(qtbot: QtBot, workspace: Workspace) -> None:
    cid = _meld(workspace)
    editor = _editor(qtbot, workspace, cid)
    editor.tabs.setCurrentIndex(2)
    row = next(n for n, t in enumerate(_row_texts(editor)) if "Een verpleegkundige" in t)
    view = editor.data.view if editor.data else None
    assert view is not None
    signal_id, h0 = view.signals[row].signal_id, view.hypotheses[0].id
    assert view.rating(signal_id, h0) is ConcernRating.CONSISTENT
    editor.matrix.setFocus()
    editor.matrix.setCurrentIndex(editor.matrix.matrix.index(row, 1))

    def rating() -> ConcernRating | None:
        return workspace.call(lambda s: concern_views.concern_view(s, cid)).rating(signal_id, h0)

    qtbot.keyClick(editor.matrix, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: rating() is ConcernRating.INCONSISTENT, timeout=10000)
    # the view follows the change bus: H0 now has three against it, and the row is diagnostic
    model = editor.matrix.matrix
    qtbot.waitUntil(lambda: str(model.index(model.rowCount() - 1, 1).data()) == "3", timeout=10000)
    assert str(model.index(row, 0).data()).startswith(DIAGNOSTIC_MARK)
    qtbot.keyClick(editor.matrix, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: rating() is None, timeout=10000)
    qtbot.waitUntil(lambda: model.index(row, 1).data() == "", timeout=10000)
    assert editor.matrix.currentIndex().row() == row  # the cursor stays where it was


def test_a_new_concern_for_ziekenhuis_a_with_a_signal_attached(qtbot: QtBot, workspace: Workspace) -> None:
    subject = SubjectRef.organisation(_org(workspace, "Ziekenhuis A"))
    listing = ConcernListView(workspace)
    qtbot.addWidget(listing)
    listing.show()
    listing.show_subject(subject)
    qtbot.waitUntil(lambda: listing.table.rowCount() == 2, timeout=10000)
    assert listing.rows[0].title.startswith(MELD) and listing.rows[0].is_open  # open first
    listing.add.click()
    editor = listing.editor
    assert editor is not None and not editor.tabs.isTabEnabled(2)
    editor.save()  # without a statement: refused, shown, nothing written
    qtbot.waitUntil(lambda: editor.error.text() != "", timeout=10000)
    qtbot.keyClicks(editor.title, "Nachtbezetting 3 Oost")
    qtbot.keyClicks(editor.next_step, "Roosters opvragen")
    editor.save()
    qtbot.waitUntil(lambda: editor.data is not None, timeout=10000)
    assert editor.tabs.isTabEnabled(1) and editor.tabs.isTabEnabled(2)
    assert editor.data is not None and editor.data.view.next_step == "Roosters opvragen"
    qtbot.waitUntil(lambda: listing.table.rowCount() == 3, timeout=10000)  # the list follows
    assert editor.picker.count() == 18  # every signal of Ziekenhuis A can be attached
    editor.attach_role.setCurrentIndex(editor.attach_role.findData(ConcernSignalRole.SUPPORTING))
    editor.attach.click()
    qtbot.waitUntil(lambda: editor.signals.rowCount() == 1, timeout=10000)
    assert editor.picker.count() == 17
    editor.signals.selectRow(0)
    editor.role.setCurrentIndex(editor.role.findData(ConcernSignalRole.CONTRADICTING))
    editor.set_role.click()
    qtbot.waitUntil(
        lambda: editor.data is not None and editor.data.view.contradicting.signals == 1, timeout=10000
    )
    # a competing hypothesis is a column of the matrix
    qtbot.keyClicks(editor.hypothesis_text, "Tijdelijke uitval door ziekte")
    editor.add_hypothesis.click()
    qtbot.waitUntil(lambda: editor.matrix.matrix.columnCount() == 3, timeout=10000)
    assert editor.hypothesis_text.text() == ""
    editor.detach.click()
    qtbot.waitUntil(lambda: editor.signals.rowCount() == 0, timeout=10000)


def test_the_review_list_opens_what_is_due(qtbot: QtBot, workspace: Workspace) -> None:
    dutch_for_shots()
    page = ReviewListView(workspace, today=lambda: date(2026, 12, 1))
    qtbot.addWidget(page)
    page.show()
    page.resize(1366, 768)
    qtbot.waitUntil(lambda: page.loads >= 1, timeout=10000)
    assert [i.due_since for i in page.items] == sorted(i.due_since for i in page.items)
    row = next(n for n, i in enumerate(page.items) if i.entity == "concern")
    item = page.items[row]
    assert item.title.startswith(MELD) and item.due_since == date(2026, 11, 30)
    cells = [page.table.item(row, c) for c in (0, 3)]
    assert [c.text() if c else None for c in cells] == ["30-11-2026", "Ziekenhuis A"]
    _shot(page, "review-list.png")
    page.table.setFocus()
    page.table.selectRow(row)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    opened = page.opened
    assert isinstance(opened, ConcernEditor) and opened.concern_id == item.id
    qtbot.waitUntil(lambda: opened.data is not None, timeout=10000)
    opened.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(opened) or not opened.isVisible(), timeout=5000)
    page.table.selectRow(0)  # a signal opens its detail
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    detail = page.opened
    assert detail is not None and type(detail).__name__ == "SignalDetailDialog"
    detail.close()
    QApplication.processEvents()
