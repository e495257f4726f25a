"""A whole visit through the real widgets on an empty store: prepare, interview with a
quote and a signal, a network meeting with tallies, events and the synthesis, an
attachment, search; then the database is reopened and every item is there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from inspectorapp.bootstrap import build_main_window
from inspectorapp.domain.enums import NoteKind
from inspectorapp.paths import app_paths
from inspectorapp.store_access import open_store
from storage import models as m
from ui.inspection_form import InspectionForm
from ui.participants_dialog import ParticipantsDialog
from ui.signal_capture import SignalCapture
from ui.synthesis_form import SynthesisForm
from ui.visit_forms import ConversationForm, VisitForm

from .conftest import PASSPHRASE
from .test_app_window import _create
from .test_visit_workspace import _type


def _conversation(qtbot, w, kind: str, title: str) -> None:
    page = w.shell.visit_page
    count = page.conversations.count()
    qtbot.mouseClick(page.add_conversation, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.findChild(ConversationForm) is not None, timeout=5000)
    form = w.findChild(ConversationForm)
    qtbot.waitUntil(lambda: form.kind.count() >= 12, timeout=5000)
    form.kind.setCurrentIndex(form.kind.findData(kind))
    _type(qtbot, form.title, title)
    form.save()
    qtbot.waitUntil(lambda: page.conversations.count() == count + 1, timeout=5000)
    qtbot.waitUntil(
        lambda: w.findChild(ConversationForm) is None or not w.findChild(ConversationForm).isVisible(),
        timeout=5000,
    )


def test_a_whole_visit_is_captured_and_still_there_after_reopening(qtbot, tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "home").ensure()
    w = build_main_window(QApplication.instance(), paths)
    w.resize(1400, 860)
    qtbot.addWidget(w)
    w.show()
    _create(qtbot, w, demo=False)
    qtbot.waitUntil(lambda: w.workspace is not None and w.shell is not None, timeout=10000)

    # Prepare: a new organisation as subject, role, theme.
    w.new_inspection()
    qtbot.waitUntil(lambda: w.findChild(InspectionForm) is not None, timeout=5000)
    form = w.findChild(InspectionForm)
    qtbot.waitUntil(lambda: form.themes.count() >= 20, timeout=5000)
    _type(qtbot, form.title, "Onaangekondigd bezoek Zorggroep Beekdal")
    _type(qtbot, form.new_organisation, "Zorggroep Beekdal")
    form.kind.setCurrentIndex(form.kind.findData("risico"))
    form.role.setCurrentIndex(form.role.findData("naleving"))
    form.save()
    page = w.shell.inspection_page
    qtbot.waitUntil(
        lambda: page.detail is not None and page.detail.title.startswith("Onaangekondigd"), timeout=10000
    )
    qtbot.mouseClick(page.add_visit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.findChild(VisitForm) is not None, timeout=5000)
    visit_form = w.findChild(VisitForm)
    visit_form.date.setDate(QDate(2026, 11, 24))
    _type(qtbot, visit_form.location, "Locatie Beekdal, afdeling Vlinder")
    visit_form.announced.setChecked(False)
    visit_form.save()
    qtbot.waitUntil(lambda: page.visits.count() == 1, timeout=5000)
    qtbot.keyClick(page.visits, Qt.Key.Key_Return)
    visit = w.shell.visit_page
    qtbot.waitUntil(lambda: visit.data is not None, timeout=5000)

    # Interview: notes, a quote, a signal from the selection.
    _conversation(qtbot, w, "INDIVIDUEEL_GESPREK", "Interview teamleider")
    editor = visit.editor
    qtbot.waitUntil(lambda: editor.conversation_id is not None, timeout=5000)
    editor.setFocus()
    _type(qtbot, editor, "De teamleider vertelt over de nachtdienst.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _type(qtbot, editor, "We draaien de nacht met één verpleegkundige voor dertig bewoners.")
    editor.selectAll()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.movePosition(cursor.MoveOperation.StartOfBlock, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    w.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=5000)
    qtbot.keyClick(editor, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editor.has_unsaved(), timeout=5000)
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.movePosition(cursor.MoveOperation.StartOfBlock, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    visit.request_signal()
    qtbot.waitUntil(lambda: w.findChild(SignalCapture) is not None, timeout=5000)
    dialog = w.findChild(SignalCapture)
    qtbot.waitUntil(lambda: dialog.organisation.count() > 0, timeout=5000)
    dialog.kind_buttons["hard"].setChecked(True)
    dialog.valence_buttons["negatief"].setChecked(True)
    dialog.save()
    qtbot.waitUntil(lambda: visit.signals.count() == 1, timeout=10000)

    # Network meeting: participants, tallies, events, synthesis.
    _conversation(qtbot, w, "NETWERKOVERLEG", "Zorgoverleg Beekdal")
    qtbot.waitUntil(lambda: visit.board is not None and visit.board.state is not None, timeout=5000)
    visit.edit_participants()
    qtbot.waitUntil(lambda: visit.findChild(ParticipantsDialog) is not None, timeout=5000)
    people = visit.findChild(ParticipantsDialog)
    qtbot.waitUntil(lambda: people.options is not None, timeout=5000)
    for _ in range(2):
        rows = people.table.rowCount()
        people.add()
        qtbot.waitUntil(lambda r=rows: people.table.rowCount() == r + 1, timeout=5000)
    role = people.table.cellWidget(1, 0)
    role.setCurrentIndex(role.findData("BESTUURDER"))
    qtbot.wait(300)
    people.reject()
    board = visit.board
    qtbot.waitUntil(lambda: len(board.tile_buttons) == 2, timeout=5000)
    board.setFocus()
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_2, Qt.Key.Key_2):
        qtbot.keyClick(board, key)
    qtbot.waitUntil(lambda: board.state.total_turns == 4, timeout=5000)
    qtbot.keyClick(board, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: len(board.state.events) == 1, timeout=5000)
    w.open_synthesis(board.conversation_id)
    qtbot.waitUntil(lambda: w.findChild(SynthesisForm) is not None, timeout=5000)
    synthesis = w.findChild(SynthesisForm)
    qtbot.waitUntil(lambda: "B02" in synthesis.rows and bool(synthesis.timeline), timeout=5000)
    row = synthesis.rows["B02"]
    row.evidence = [("sessiegebeurtenis", board.state.events[0].id)]
    row.value.setCurrentIndex(row.value.findData(2))
    qtbot.waitUntil(lambda: row.status.text() == "", timeout=5000)
    synthesis.close()

    # Attachment and search.
    photo = tmp_path / "nachtrooster.png"
    image = QImage(200, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("#d35400"))
    image.save(str(photo))
    visit.attachments.add_files([photo])
    qtbot.waitUntil(lambda: visit.attachments.list.count() == 1, timeout=5000)
    w.shell.focus_search()
    _type(qtbot, w.shell.search.field, "verpleegkundige")
    qtbot.waitUntil(lambda: w.shell.search.results.count() >= 2, timeout=5000)  # the note and the signal

    w.lock()
    store = open_store(paths.store_file, PASSPHRASE)
    with store.session() as s:

        def count(model: type) -> int:
            return s.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None)))

        assert s.scalar(select(m.Organisation.name)) == "Zorggroep Beekdal"
        assert count(m.Inspection) == 1 and count(m.Visit) == 1 and count(m.Conversation) == 2
        quote = s.scalar(select(m.NoteParagraph).where(m.NoteParagraph.kind == NoteKind.QUOTE))
        assert quote.text == "We draaien de nacht met één verpleegkundige voor dertig bewoners."
        signal = s.scalar(select(m.Signal))
        assert (signal.kind.value, signal.valence.value, signal.note_paragraph_id) == (
            "hard",
            "negatief",
            quote.id,
        )
        assert count(m.Participant) == 2 and count(m.SpeakingTurn) == 4 and count(m.SessionEvent) == 1
        score = s.scalar(select(m.ObservationScore).where(m.ObservationScore.item_code == "B02"))
        assert score.value == 2
        assert s.scalar(select(func.count()).select_from(m.ObservationEvidence)) == 1
        assert s.scalar(select(m.Attachment.filename)) == "nachtrooster.png"
        assert count(m.Attachment) == 1
        assert s.scalar(select(func.count()).select_from(m.Outbox)) > 10  # all of it is queued for the office
    assert store.integrity_check() == "ok"
    store.close()
