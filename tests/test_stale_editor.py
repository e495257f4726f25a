"""No stale note editor overwrites a colleague (issue #12 B, decision 0007).

Laptop 1 is a plain store that syncs through the engine; laptop 2 is the real app (main
window, note editor, its own sync path) with the paragraph open. Both sync with a real
``veldwerk-server`` process over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session

from inspectorapp import sync_runner
from inspectorapp.bootstrap import build_main_window
from inspectorapp.domain.snapshots import NoteAttrs
from inspectorapp.domain.visit_views import ParagraphBase, ParagraphEdit
from inspectorapp.paths import app_paths
from inspectorapp.services import notes, sync_status
from storage import models as m
from storage.engine import Store
from ui.main_window import MainWindow

from . import helpers
from .sync_harness import PASSWORD, Laptop, ServerProcess, laptops, team
from .test_app_window import _create
from .test_visit_workspace import _type

FIRST = "De teamleider zegt dat alle incidenten worden gemeld."


# ----- the service: a save carries its base ------------------------------------------------
def _edit(note_id: str, text: str, base: str | None) -> ParagraphEdit:
    at = datetime(2026, 3, 12, 9, 5, tzinfo=UTC)
    return ParagraphEdit(
        note_id, 1024, "waarneming", text, at, NoteAttrs(), ParagraphBase(base, "waarneming") if base else None
    )


def _stored(s: Session, note_id: str) -> str:
    return s.get(m.NoteParagraph, note_id).text


def test_a_save_on_a_stale_base_is_merged_or_kept_as_a_conflict(store: Store, ctx) -> None:
    with store.transaction() as s:
        _org, conv = helpers.conversation(s, ctx)
    nid = "01900000-0000-7000-8000-00000000a001"
    with store.transaction() as s:
        notes.save_edits(s, ctx, conv, [_edit(nid, FIRST, None)])
        s.get(m.NoteParagraph, nid).text = FIRST.replace("alle", "bijna alle")  # a pull underneath
    with store.transaction() as s:  # the editor still shows FIRST and appends a sentence
        saved = notes.save_edits(s, ctx, conv, [_edit(nid, FIRST + " De map is leeg.", FIRST)]).value
        assert _stored(s, nid) == "De teamleider zegt dat bijna alle incidenten worden gemeld. De map is leeg."
        assert [n.text for n in saved.stored] == [_stored(s, nid)] and saved.conflicts == ()
    merged = "De teamleider zegt dat bijna alle incidenten worden gemeld. De map is leeg."
    with store.transaction() as s:  # overlapping: the stored text stays, mine is kept for review
        s.get(m.NoteParagraph, nid).text = merged.replace("leeg", "vol")
        saved = notes.save_edits(s, ctx, conv, [_edit(nid, merged.replace("leeg", "half leeg"), merged)]).value
        assert saved.conflicts == (nid,) and _stored(s, nid) == merged.replace("leeg", "vol")
        issues = sync_status.sync_overview(s).issues
    [issue] = [i for i in issues if i.kind == "local_conflict"]
    assert issue.record_id == nid
    assert [(f.field, f.mine, f.current) for f in issue.fields] == [
        ("text", merged.replace("leeg", "half leeg"), merged.replace("leeg", "vol"))
    ]
    with store.transaction() as s:  # a save without a base (no editor) is written as it is
        notes.save_edits(s, ctx, conv, [_edit(nid, "Nieuw.", None)])
        assert _stored(s, nid) == "Nieuw."


def test_a_stale_save_keeps_a_colleagues_reordering_and_removal(store: Store, ctx) -> None:
    with store.transaction() as s:
        _org, conv = helpers.conversation(s, ctx)
    first, second = "01900000-0000-7000-8000-00000000a011", "01900000-0000-7000-8000-00000000a012"
    at = datetime(2026, 3, 12, 9, 5, tzinfo=UTC)

    def edit(note_id: str, text: str, position: int, base_text: str, base_position: int) -> ParagraphEdit:
        base = ParagraphBase(base_text, "waarneming", NoteAttrs(), base_position)
        return ParagraphEdit(note_id, position, "waarneming", text, at, NoteAttrs(), base)

    with store.transaction() as s:
        notes.save_edits(s, ctx, conv, [_edit(first, FIRST, None), replace(_edit(second, "Twee.", None), position=2048)])
    with store.transaction() as s:  # a pull underneath: the colleague moved the first after the second
        s.get(m.NoteParagraph, first).position = 3072
    with store.transaction() as s:  # the editor, still on the old order, types in the first
        notes.save_edits(s, ctx, conv, [edit(first, FIRST + " Echt.", 1024, FIRST, 1024)])
        assert s.get(m.NoteParagraph, first).position == 3072  # was set back to 1024
        assert _stored(s, first) == FIRST + " Echt."
    with store.transaction() as s:  # the editor moves it itself: that is written
        notes.save_edits(s, ctx, conv, [edit(first, FIRST + " Echt.", 4096, FIRST + " Echt.", 3072)])
        assert s.get(m.NoteParagraph, first).position == 4096
    deleted = datetime(2026, 3, 12, 9, 9, tzinfo=UTC)
    with store.transaction() as s:  # a pull: the colleague removed both paragraphs
        s.get(m.NoteParagraph, first).deleted_at = deleted
        s.get(m.NoteParagraph, second).deleted_at = deleted
    with store.transaction() as s:
        # the second only renumbered here: it stays removed (it came back before)
        saved = notes.save_edits(s, ctx, conv, [edit(second, "Twee.", 1024, "Twee.", 2048)]).value
        assert s.get(m.NoteParagraph, second).deleted_at is not None and saved.conflicts == ()
        # typed into the first meanwhile: the typing is kept, brought back, and listed for review
        saved = notes.save_edits(
            s, ctx, conv, [edit(first, FIRST + " Echt waar.", 4096, FIRST + " Echt.", 4096)]
        ).value
        assert s.get(m.NoteParagraph, first).deleted_at is None and _stored(s, first) == FIRST + " Echt waar."
        assert saved.conflicts == (first,)
        issues = sync_status.sync_overview(s).issues
    assert [(i.kind, i.record_id) for i in issues] == [("local_conflict", first)]


# ----- through the real widgets and a real server -------------------------------------------
@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(f"sqlite:///{tmp_path / 'office.db'}", tmp_path / "server.log")
    proc.start()
    team(proc, "Dementie", "anna", "bert")
    yield proc
    proc.kill()


class Scene:
    def __init__(self, qtbot, window: MainWindow, colleague: Laptop, conv: str, note_id: str) -> None:
        self.qtbot, self.w, self.colleague, self.conv, self.note_id = qtbot, window, colleague, conv, note_id
        self.editor = window.shell.visit_page.editor

    def app_sync(self) -> None:
        """F9 on laptop 2: the app's own sync path (worker thread, then the views refresh)."""
        w = self.w
        done: list[str] = []
        w.sync.finished.connect(done.append)
        w.sync_action.trigger()
        self.qtbot.waitUntil(lambda: done != [] and not w.sync.running, timeout=20000)
        w.sync.finished.disconnect(done.append)
        assert w.sync.last_outcome.kind == "done", w.sync.last_outcome

    def colleague_writes(self, text: str) -> None:
        def write(s: Session) -> None:
            current = s.get(m.NoteParagraph, self.note_id)
            edit = _edit(self.note_id, text, current.text)
            notes.save_edits(s, self.colleague.ctx, self.conv, [replace(edit, position=current.position)])

        self.colleague.db(write)
        self.colleague.sync()

    def shown(self) -> str:
        return self.editor.document().findBlockByNumber(0).text()

    def app_stored(self) -> str:
        ws = self.w.workspace
        return ws.call(lambda s: s.get(m.NoteParagraph, self.note_id).text)

    def colleague_stored(self) -> str:
        return self.colleague.db(lambda s: s.get(m.NoteParagraph, self.note_id).text)

    def cursor_at(self, text: str, after: bool = True) -> None:
        offset = self.shown().index(text) + (len(text) if after else 0)
        cursor = self.editor.textCursor()
        cursor.setPosition(self.editor.document().findBlockByNumber(0).position() + offset)
        self.editor.setTextCursor(cursor)

    def select(self, text: str) -> None:
        start = self.editor.document().findBlockByNumber(0).position() + self.shown().index(text)
        cursor = self.editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)

    def hold_autosave(self) -> None:
        """The typist is within the autosave's pause: nothing typed has reached the store yet."""
        self.editor._debounce.stop()
        self.editor._max_wait.stop()

    def saved(self) -> None:
        self.qtbot.waitUntil(lambda: not self.editor.has_unsaved(), timeout=10000)


@pytest.fixture
def scene(qtbot, tmp_path: Path, server: ServerProcess) -> Iterator[Scene]:
    [colleague] = list(laptops(server, tmp_path, "laptop-anna"))
    colleague.enrol("anna")
    _org, conv = colleague.db(lambda s: helpers.conversation(s, colleague.ctx))
    nid = "01900000-0000-7000-8000-00000000b001"
    colleague.db(lambda s: notes.save_edits(s, colleague.ctx, conv, [_edit(nid, FIRST, None)]))
    colleague.sync()
    w = build_main_window(QApplication.instance(), app_paths(tmp_path / "home").ensure())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    _create(qtbot, w, demo=False)
    qtbot.waitUntil(lambda: w.sync is not None and w.sync.overview is not None, timeout=20000)
    overview = sync_runner.enrol(w.workspace, server.base, "laptop van Bert", "bert", PASSWORD, "")
    w.sync.connected(overview)
    qtbot.waitUntil(lambda: w.sync.last_outcome is not None and not w.sync.running, timeout=20000)
    assert w.sync.last_outcome.kind == "done"
    visit = w.workspace.call(lambda s: s.get(m.Conversation, conv).visit_id)
    w.shell.open_visit(visit, conv)
    editor = w.shell.visit_page.editor
    qtbot.waitUntil(lambda: editor.conversation_id == conv and editor.toPlainText() == FIRST, timeout=10000)
    editor.setFocus()
    yield Scene(qtbot, w, colleague, conv, nid)
    w.lock()
    colleague.close()


def test_the_open_editor_shows_a_pulled_change_and_typing_keeps_it(scene: Scene) -> None:
    s = scene
    colleague = FIRST.replace("alle incidenten", "bijna alle incidenten")
    s.colleague_writes(colleague)
    s.app_sync()  # laptop 2 pulls while the paragraph is open
    s.qtbot.waitUntil(lambda: s.shown() == colleague, timeout=10000)
    s.cursor_at("gemeld.")
    _type(s.qtbot, s.editor, " Maar de VIM-map is leeg.")
    s.saved()
    both = colleague + " Maar de VIM-map is leeg."
    assert s.shown() == both and s.app_stored() == both
    s.app_sync()
    s.colleague.sync()
    assert s.colleague_stored() == both and s.app_stored() == both


def test_typing_not_yet_saved_when_the_pull_lands_is_merged_in_the_editor(scene: Scene) -> None:
    s = scene
    s.cursor_at("gemeld.")
    _type(s.qtbot, s.editor, " De map is leeg.")
    s.hold_autosave()
    colleague = FIRST.replace("De teamleider", "De nieuwe teamleider")
    s.colleague_writes(colleague)
    s.app_sync()
    both = colleague + " De map is leeg."
    s.qtbot.waitUntil(lambda: s.shown() == both, timeout=10000)  # merged before anything was saved
    assert s.editor.textCursor().positionInBlock() == len(both)  # the cursor stayed after the typing
    _type(s.qtbot, s.editor, " Echt.")
    s.saved()
    s.app_sync()
    s.colleague.sync()
    assert s.colleague_stored() == both + " Echt." == s.app_stored() == s.shown()


def test_an_overlapping_edit_keeps_the_colleague_and_mine_as_a_conflict(scene: Scene) -> None:
    s = scene
    s.select("alle")
    _type(s.qtbot, s.editor, "de meeste")
    s.hold_autosave()
    mine = FIRST.replace("alle", "de meeste")
    colleague = FIRST.replace("alle", "niet alle")
    s.colleague_writes(colleague)
    s.app_sync()  # the editor's read of the pulled paragraph is on its way (the sync's broadcast)
    helpers.drain(s.qtbot, s.w.workspace)  # and has answered: the editor had its chance to merge
    assert s.shown() == mine  # not merged into the editor: overlapping words
    s.editor.flush()  # the autosave goes out: the store keeps the colleague, mine is a conflict
    s.saved()
    s.qtbot.waitUntil(lambda: s.shown() == colleague, timeout=10000)
    assert s.app_stored() == colleague
    ws = s.w.workspace
    issues = ws.call(sync_status.sync_overview).issues
    [issue] = [i for i in issues if i.kind == "local_conflict"]
    assert issue.fields[0].mine == mine and issue.fields[0].current == colleague
    s.app_sync()
    s.colleague.sync()
    assert s.colleague_stored() == colleague  # nothing of the colleague's was overwritten
    # "keep mine" in the sync panel: the open editor follows, and the office gets it
    ws.call(sync_status.resolve_issue, ws.ctx, issue.id, "mine")
    s.qtbot.waitUntil(lambda: s.shown() == mine, timeout=10000)
    s.app_sync()
    s.colleague.sync()
    assert s.colleague_stored() == mine == s.app_stored()


def test_saved_typing_not_yet_synced_is_merged_by_the_office_and_shown(scene: Scene) -> None:
    s = scene
    s.cursor_at("gemeld.")
    _type(s.qtbot, s.editor, " De map is leeg.")
    s.saved()  # in the store, not at the office yet
    colleague = FIRST.replace("De teamleider", "De nieuwe teamleider")
    s.colleague_writes(colleague)
    s.app_sync()  # the push answer carries the office's merge
    both = colleague + " De map is leeg."
    s.qtbot.waitUntil(lambda: s.shown() == both, timeout=10000)
    s.colleague.sync()
    assert s.colleague_stored() == both == s.app_stored()


def test_paragraphs_added_and_deleted_elsewhere_appear_and_go(scene: Scene) -> None:
    s = scene
    s.cursor_at("gemeld.")
    _type(s.qtbot, s.editor, " Echt.")  # typing in the first paragraph goes on meanwhile
    added = "01900000-0000-7000-8000-00000000b002"
    at = datetime(2026, 3, 12, 9, 7, tzinfo=UTC)
    edit = ParagraphEdit(added, 4096, "citaat", "„Wij melden alles.”", at, NoteAttrs())
    s.colleague.db(lambda db: notes.save_edits(db, s.colleague.ctx, s.conv, [edit]))
    s.colleague.sync()
    s.app_sync()
    s.qtbot.waitUntil(lambda: s.editor.toPlainText() == f"{FIRST} Echt.\n„Wij melden alles.”", timeout=10000)
    assert [p.kind for p in s.editor.paragraphs()] == ["waarneming", "citaat"]
    assert s.editor.textCursor().positionInBlock() == len(FIRST + " Echt.")  # still typing there
    assert s.editor.textCursor().blockNumber() == 0
    s.saved()
    s.colleague.db(lambda db: notes.save_edits(db, s.colleague.ctx, s.conv, [], [added]))
    s.colleague.sync()
    s.app_sync()
    s.qtbot.waitUntil(lambda: s.editor.toPlainText() == f"{FIRST} Echt.", timeout=10000)
    assert [p.id for p in s.editor.paragraphs()] == [s.note_id]


def test_a_clash_is_told_in_the_visit_page_and_typing_on_keeps_both(scene: Scene) -> None:
    s = scene
    page = s.w.shell.visit_page
    assert not page.conflict_notice.isVisible()
    s.select("alle")
    _type(s.qtbot, s.editor, "de meeste")
    s.hold_autosave()
    mine = FIRST.replace("alle", "de meeste")
    colleague = FIRST.replace("alle", "niet alle")
    s.colleague_writes(colleague)
    s.app_sync()
    s.editor.flush()
    s.saved()
    s.qtbot.waitUntil(lambda: s.shown() == colleague, timeout=10000)
    # the typing left the editor: the page says where it went (was: nothing at all)
    # English or Dutch, whichever translator an earlier test in the run installed
    assert page.conflict_notice.isVisible() and 'href="sync"' in page.conflict_notice.text()
    [para] = s.editor.paragraphs()
    assert para.saved is not None and para.saved[0] == colleague  # the base is what the store holds
    s.cursor_at("gemeld.")
    _type(s.qtbot, s.editor, " De map is leeg.")
    s.saved()
    assert s.app_stored() == colleague + " De map is leeg."
    ws = s.w.workspace
    [issue] = [i for i in ws.call(sync_status.sync_overview).issues if i.kind == "local_conflict"]
    assert issue.fields[0].mine == mine  # my words are still there to take
    from ui.sync_dialog import SyncDialog

    page.conflict_notice.linkActivated.emit("sync")  # the link leads to the sync panel
    s.qtbot.waitUntil(lambda: any(d.isVisible() for d in s.w.findChildren(SyncDialog)))
    assert not page.conflict_notice.isVisible()
    for dialog in s.w.findChildren(SyncDialog):
        dialog.close()
