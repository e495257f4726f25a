"""On site: open an inspection, a visit, type notes (autosaved), capture a signal."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from inspectorapp.bootstrap import build_main_window
from inspectorapp.paths import app_paths
from inspectorapp.store_access import open_store
from storage import models as m
from ui.main_window import MainWindow
from ui.signal_capture import SignalCapture

from . import helpers
from .conftest import PASSPHRASE
from .test_app_window import _create, _shot, _wait_rows, laptop_size


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    paths = app_paths(tmp_path / "home").ensure()
    w = build_main_window(QApplication.instance(), paths)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    laptop_size(w)
    _create(qtbot, w)
    _wait_rows(qtbot, w, 4)
    yield w
    w.lock()


def _type(qtbot, widget, text: str) -> None:
    """Dutch text, one key event per character (QTest.keyClicks aborts on non-ASCII)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def _open_first_visit_of(qtbot, w: MainWindow, title_part: str) -> None:
    shell = w.shell
    row = next(
        r for r in range(shell.inspections.rowCount()) if title_part in shell.inspections.row_at(r).title
    )
    shell.table.setCurrentIndex(shell.inspections.index(row, 0))
    shell.table.setFocus()
    qtbot.keyClick(shell.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.pages.currentWidget() is shell.inspection_page, timeout=10000)
    qtbot.waitUntil(lambda: shell.inspection_page.visits.count() > 0, timeout=10000)
    qtbot.keyClick(shell.inspection_page.visits, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.visit_page.editor.conversation_id is not None, timeout=10000)


def test_notes_typed_in_a_visit_are_autosaved_and_survive_lock(qtbot, window: MainWindow) -> None:
    w = window
    _open_first_visit_of(qtbot, w, "Ziekenhuis A")
    page = w.shell.visit_page
    editor = page.editor
    assert page.conversations.count() >= 1 and editor.document().blockCount() >= 1
    conversation = editor.conversation_id
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _type(qtbot, editor, "Teamleider: „wij melden alles”, maar de VIM-map is leeg. Cliënten wachten.")
    qtbot.keyClick(editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # a quote
    qtbot.waitUntil(lambda: not editor.has_unsaved(), timeout=5000)
    assert page.save_status.text() == "opgeslagen ✓"
    _shot(w, "visit-workspace.png")
    w.lock()
    store = open_store(w.paths.store_file, PASSPHRASE)
    with store.session() as s:
        row = s.scalars(
            select(m.NoteParagraph)
            .where(m.NoteParagraph.conversation_id == conversation)
            .order_by(m.NoteParagraph.position.desc())
        ).first()
        assert row.text == "Teamleider: „wij melden alles”, maar de VIM-map is leeg. Cliënten wachten."
        assert row.kind.value == "citaat"
    store.close()


def test_capture_signal_from_a_selection(qtbot, window: MainWindow) -> None:
    w = window
    _open_first_visit_of(qtbot, w, "Ziekenhuis A")
    page = w.shell.visit_page
    editor = page.editor
    before = page.signals.count()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _type(qtbot, editor, "Nachtdienst met één verpleegkundige voor 28 bedden")
    editor.selectAll()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.movePosition(cursor.MoveOperation.StartOfBlock, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(
        editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    from ui.signal_capture import SignalCapture

    qtbot.waitUntil(lambda: w.findChild(SignalCapture) is not None, timeout=5000)
    dialog = w.findChild(SignalCapture)
    qtbot.waitUntil(lambda: dialog.organisation.count() > 0, timeout=5000)
    assert dialog.observation.toPlainText() == "Nachtdienst met één verpleegkundige voor 28 bedden"
    assert dialog.organisation.currentText() == "Ziekenhuis A"
    qtbot.waitUntil(lambda: dialog.related.count() > 0, timeout=5000)  # earlier signals about A
    dialog.save_button.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_Z)
    qtbot.keyClick(dialog, Qt.Key.Key_Minus)
    _shot(dialog, "signal-capture.png")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.signals.count() == before + 1, timeout=10000)


def test_signal_without_required_fields_explains_and_keeps_input(qtbot, window: MainWindow) -> None:
    w = window
    from ui.signal_capture import SignalCapture

    dialog = w.capture_signal()
    assert isinstance(dialog, SignalCapture)
    qtbot.waitUntil(lambda: dialog.organisation.count() > 0, timeout=5000)
    _type(qtbot, dialog.observation, "Sfeer op de afdeling gespannen")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=5000)
    assert "Soort is verplicht." in dialog.error.text() and "Valentie is verplicht." in dialog.error.text()
    assert dialog.observation.toPlainText() == "Sfeer op de afdeling gespannen" and dialog.isVisible()


def test_search_filters_and_opens_a_note_in_place(qtbot, window: MainWindow) -> None:
    w = window
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    view = w.shell.search
    qtbot.waitUntil(lambda: view.organisation.count() > 1 and view.theme.count() > 20, timeout=5000)
    qtbot.keyClicks(view.field, "bestuur")
    qtbot.waitUntil(lambda: view.results.count() > 0, timeout=10000)
    view.source.setCurrentIndex(view.source.findData("signal"))
    qtbot.waitUntil(
        lambda: view.results.count() > 0 and all(h.source == "signal" for h in view._hits.values()),
        timeout=10000,
    )
    view.source.setCurrentIndex(view.source.findData("note"))
    view.organisation.setCurrentIndex(view.organisation.findText("Ziekenhuis A"))
    qtbot.waitUntil(
        lambda: view.results.count() > 0 and all(h.source == "note" for h in view._hits.values()),
        timeout=10000,
    )
    helpers.drain(qtbot, w.workspace)  # the notes-only answer came; the organisation's is in too
    view.results.setCurrentRow(0)
    with qtbot.waitSignal(view.open_requested, timeout=5000) as opened:
        qtbot.keyClick(view.results, Qt.Key.Key_Return)
    hit = opened.args[0]
    assert hit.source == "note"
    page = w.shell.visit_page
    qtbot.waitUntil(
        lambda: w.shell.pages.currentWidget() is page and page.editor.conversation_id == hit.conversation_id,
        timeout=10000,
    )
    current = page.editor.current_para()
    assert current is not None and current.id == hit.ref_id


def test_attachments_added_shown_and_bad_files_refused(qtbot, window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    w = window
    _open_first_visit_of(qtbot, w, "Ziekenhuis A")
    panel = w.shell.visit_page.attachments
    photo = tmp_path / "gang-3-oost.png"
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f6f8b"))
    assert image.save(str(photo))
    garbage = tmp_path / "foto.jpg"
    garbage.write_bytes(b"dit is geen foto" * 100)
    pdf = tmp_path / "rooster.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    before = panel.list.count()
    panel.add_files([photo, pdf])
    qtbot.waitUntil(lambda: panel.list.count() == before + 2, timeout=10000)
    qtbot.waitUntil(
        lambda: any(not panel.list.item(i).icon().isNull() for i in range(panel.list.count())), timeout=5000
    )  # the photo has a thumbnail
    panel.add_files([garbage])
    qtbot.waitUntil(lambda: "foto.jpg" in panel.status.text(), timeout=5000)
    assert "onleesbaar" in panel.status.text()
    panel.add_files([photo])  # the same photo again
    qtbot.waitUntil(lambda: "al toegevoegd" in panel.status.text(), timeout=5000)
    assert panel.list.count() == before + 2
    blobs = list((w.paths.attachments_dir).rglob("*"))
    assert all(b"\x89PNG" not in p.read_bytes()[:16] for p in blobs if p.is_file())  # encrypted on disk


def test_paragraph_speaker_themes_confidentiality_are_saved(qtbot, window: MainWindow) -> None:
    from ui.paragraph_dialog import ParagraphDialog

    w = window
    _open_first_visit_of(qtbot, w, "Ziekenhuis A")
    page = w.shell.visit_page
    editor = page.editor
    conversation = editor.conversation_id
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _type(qtbot, editor, "De arts noemt de teamleider bij naam als oorzaak.")
    qtbot.keyClick(editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.findChild(ParagraphDialog) is not None, timeout=5000)
    dialog = page.findChild(ParagraphDialog)
    dialog.speaker.setCurrentIndex(dialog.speaker.findData("ARTS"))
    for i in range(dialog.themes.count()):
        if dialog.themes.item(i).data(Qt.ItemDataRole.UserRole) == "T09":
            dialog.themes.item(i).setCheckState(Qt.CheckState.Checked)
    dialog.confidentiality.setCurrentIndex(dialog.confidentiality.findData("BEPERKT"))
    dialog.absent.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: not editor.has_unsaved(), timeout=5000)
    w.lock()
    store = open_store(w.paths.store_file, PASSPHRASE)
    with store.session() as s:
        row = s.scalars(
            select(m.NoteParagraph)
            .where(m.NoteParagraph.conversation_id == conversation)
            .order_by(m.NoteParagraph.position.desc())
        ).first()
        assert row.text.startswith("De arts noemt")
        assert (row.speaker_role, row.theme_codes, row.confidentiality.value, row.about_absent_party) == (
            "ARTS",
            ["T09"],
            "BEPERKT",
            True,
        )
    store.close()


def test_huge_paste_is_refused_with_a_reason_and_kept_in_the_editor(qtbot, window: MainWindow) -> None:
    from PySide6.QtGui import QGuiApplication

    w = window
    _open_first_visit_of(qtbot, w, "Ziekenhuis A")
    page = w.shell.visit_page
    editor = page.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    huge = "Onverantwoord lange plak. " * 5000  # 130,000 characters in one paragraph
    QGuiApplication.clipboard().setText(huge)
    editor.paste()
    qtbot.waitUntil(lambda: "te lang" in page.save_status.text(), timeout=5000)
    assert "hoogstens 100000" in page.save_status.text()
    assert editor.current_para().text == huge.rstrip("\n") or huge in editor.toPlainText()
    editor.undo()  # the inspector takes the paste back: the rest saves normally
    qtbot.waitUntil(lambda: not editor.has_unsaved(), timeout=8000)


def test_incongruence_pair_then_reinterpret_and_link_in_the_signal_view(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtGui import QColor, QImage

    from ui.signal_detail import SignalDetailDialog

    w = window
    _open_first_visit_of(qtbot, w, "Ziekenhuis A")
    page = w.shell.visit_page
    before = page.signals.count()
    page.request_signal()
    qtbot.waitUntil(lambda: w.findChild(SignalCapture) is not None, timeout=5000)
    dialog = w.findChild(SignalCapture)
    qtbot.waitUntil(lambda: dialog.organisation.count() > 0, timeout=5000)
    dialog.valence_buttons["negatief"].setChecked(True)
    dialog.pair.setChecked(True)
    assert dialog.floor.isVisibleTo(dialog)
    _type(qtbot, dialog.observation, "Bestuur: 'alle incidenten worden besproken in het teamoverleg'")
    _type(qtbot, dialog.floor, "Teamoverleg 3 Oost is sinds maart niet doorgegaan; VIM-map leeg")
    dialog.save()
    qtbot.waitUntil(lambda: page.signals.count() == before + 2, timeout=10000)

    page.signals.setCurrentRow(page.signals.count() - 2)  # the board's claim
    qtbot.keyClick(page.signals, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.findChild(SignalDetailDialog) is not None, timeout=5000)
    detail = page.findChild(SignalDetailDialog)
    qtbot.waitUntil(lambda: detail.detail is not None and detail.links.count() == 1, timeout=5000)
    assert "incongruent" in detail.links.item(0).text()
    _type(qtbot, detail.new_interpretation, "Glorieverhaal; verifiëren op de werkvloer")
    detail._reinterpret()
    qtbot.waitUntil(lambda: detail.history.count() == 1, timeout=5000)
    _type(qtbot, detail.new_interpretation, "Na rondgang: bevestigd als incongruent")
    detail._reinterpret()
    qtbot.waitUntil(lambda: detail.history.count() == 2, timeout=5000)  # the first one is kept
    qtbot.waitUntil(lambda: detail.link_target.count() > 0, timeout=5000)
    detail.link_type.setCurrentIndex(detail.link_type.findData("hangt_samen_met"))
    detail._link()
    qtbot.waitUntil(lambda: detail.links.count() == 2, timeout=5000)
    detail._link()  # the same link twice is refused with a reason
    qtbot.waitUntil(lambda: "bestaat al" in detail.status.text(), timeout=5000)
    photo = tmp_path / "vim-map.png"
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("#7f8c8d"))
    image.save(str(photo))
    detail.attachments.add_files([photo])  # a photo as evidence of this signal
    qtbot.waitUntil(lambda: detail.attachments.list.count() == 1, timeout=5000)


def test_question_guide_marks_asked_and_answered(qtbot, window: MainWindow) -> None:
    w = window
    _open_first_visit_of(qtbot, w, "Ziekenhuis A")
    page = w.shell.visit_page
    qtbot.waitUntil(lambda: page.guide.count() > 0, timeout=5000)
    assert "/" in page.guide_toggle.text() and "gesteld" in page.guide_toggle.text()
    qtbot.mouseClick(page.guide_toggle, Qt.MouseButton.LeftButton)
    assert page.guide.isVisible()
    first = page.guide.item(0).data(Qt.ItemDataRole.UserRole)
    assert first.asked_at is None
    page.guide.setCurrentRow(0)
    qtbot.keyClick(page.guide, Qt.Key.Key_Return)
    editor = page.editor
    para = editor.current_para()
    assert (
        para.kind == "vraag" and para.text == first.text_nl and para.attrs.theme_codes == (first.theme_code,)
    )
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _type(qtbot, editor, "Antwoord: dat wordt maandelijks in het MT besproken.")
    qtbot.waitUntil(lambda: not editor.has_unsaved(), timeout=5000)
    page._load_guide()
    qtbot.waitUntil(lambda: page.guide.item(0).text().startswith("✓✓"), timeout=5000)


def test_lock_right_after_typing_keeps_everything(qtbot, window: MainWindow) -> None:
    w = window
    _open_first_visit_of(qtbot, w, "Ziekenhuis A")
    editor = w.shell.visit_page.editor
    conversation = editor.conversation_id
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _type(qtbot, editor, "Eerste helft, ")
    editor.flush()  # a save is now in flight ...
    _type(qtbot, editor, "tweede helft nog niet verstuurd.")
    w.lock()  # ... and the store closes before the debounce fires
    store = open_store(w.paths.store_file, PASSPHRASE)
    with store.session() as s:
        row = s.scalars(
            select(m.NoteParagraph)
            .where(m.NoteParagraph.conversation_id == conversation)
            .order_by(m.NoteParagraph.position.desc())
        ).first()
        assert row.text == "Eerste helft, tweede helft nog niet verstuurd."
    store.close()
