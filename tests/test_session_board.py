"""The live group-session board driven by keys and clicks, on the demo network meeting."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inspectorapp.bootstrap import build_main_window
from inspectorapp.domain.enums import AddressedTo, EvidenceKind, TrafficLight
from inspectorapp.domain.outcome_drafts import FindingDraft
from inspectorapp.paths import app_paths
from ui.main_window import MainWindow
from ui.signal_capture import SignalCapture

from . import helpers
from .test_app_window import _create, _shot, _wait_rows
from .test_visit_workspace import _type


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    paths = app_paths(tmp_path / "home").ensure()
    w = build_main_window(QApplication.instance(), paths)
    w.resize(1400, 860)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    _create(qtbot, w)
    _wait_rows(qtbot, w, 4)
    yield w
    w.lock()


def _open_meeting(qtbot, w: MainWindow) -> None:
    shell = w.shell
    row = next(
        r for r in range(shell.inspections.rowCount()) if "dementie" in shell.inspections.row_at(r).title
    )
    shell.inspection_activated.emit(shell.inspections.row_at(row).id)
    page = shell.inspection_page
    qtbot.waitUntil(
        lambda: page.visits.count() > 0 and page.detail.title.startswith("Netwerktoezicht dementie"),
        timeout=10000,
    )
    visit_page = shell.visit_page
    for n in range(page.visits.count()):
        shell.open_visit(page.visits.item(n).data(Qt.ItemDataRole.UserRole))
        qtbot.waitUntil(
            lambda: visit_page.data is not None and visit_page.conversations.count() > 0, timeout=10000
        )
        rows = [c for c in visit_page.data.conversations if c.conversation_type == "NETWERKOVERLEG"]
        if rows:
            ids = [c.id for c in visit_page.data.conversations]
            visit_page.conversations.setCurrentRow(ids.index(rows[0].id))
            qtbot.waitUntil(
                lambda: (
                    visit_page.board is not None
                    and visit_page.board.state is not None
                    and len(visit_page.board.tile_buttons) > 3
                ),
                timeout=10000,
            )
            return
    raise AssertionError("no observed network meeting in the demo")


def test_board_counts_turns_events_and_undo(qtbot, window: MainWindow) -> None:
    w = window
    _open_meeting(qtbot, w)
    board = w.shell.visit_page.board
    state = board.state
    first = state.tiles[0]
    before, total = first.turns, state.total_turns
    board.setFocus()
    qtbot.keyClick(board, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: board.state.tiles[0].turns == before + 1, timeout=5000)
    qtbot.mouseClick(board.tile_buttons[1], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: board.state.total_turns == total + 2, timeout=5000)
    qtbot.keyClick(board, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the click
    qtbot.waitUntil(lambda: board.state.total_turns == total + 1, timeout=5000)
    events = len(board.state.events)
    qtbot.keyClick(board, Qt.Key.Key_B)  # EV-BES: decision taken, by the last speaker
    qtbot.waitUntil(lambda: len(board.state.events) == events + 1, timeout=5000)
    assert board.state.events[-1].event_code == "EV-BES"
    assert board.state.events[-1].participant_id == first.participant.id
    board.note.setFocus()
    _type(qtbot, board.note, "Cliëntvertegenwoordiger komt niet aan bod")
    qtbot.keyClick(board.note, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: any(
            "komt niet aan bod" in board.timeline.item(i).text() for i in range(board.timeline.count())
        ),
        timeout=5000,
    )
    assert board.by_category.shares and abs(sum(s.share for s in board.by_category.shares) - 1) < 1e-6


def test_possible_signal_event_opens_a_prefilled_signal_and_links_it(qtbot, window: MainWindow) -> None:
    w = window
    _open_meeting(qtbot, w)
    board = w.shell.visit_page.board
    events = len(board.state.events)
    board.setFocus()
    qtbot.keyClick(board, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: board.last_participant is not None, timeout=5000)
    qtbot.keyClick(board, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: w.findChild(SignalCapture) is not None, timeout=5000)
    dialog = w.findChild(SignalCapture)
    qtbot.waitUntil(lambda: dialog.organisation.count() > 0, timeout=5000)
    assert dialog.kind_buttons["zacht"].isChecked() and dialog.channel.currentData() == "GROEPSGESPREK"
    _type(qtbot, dialog.observation, "Huisarts zegt dat nachtzorg 'niet te regelen' is")
    writes: list = []  # every committed change-set, on the database thread
    w.workspace.watch(writes.append)
    dialog.save()
    qtbot.waitUntil(
        lambda: len(board.state.events) == events + 1 and board.state.events[-1].signal_id is not None,
        timeout=10000,
    )
    # the signal and the event's link are one write: one change-set names both
    assert len(writes) == 1, writes
    assert writes[0].touches("signal") and writes[0].touches("session_event")


def test_synthesis_needs_evidence_for_non_neutral_scores(qtbot, window: MainWindow) -> None:
    from sqlalchemy import select

    from inspectorapp.store_access import open_store
    from storage import models as m
    from ui.synthesis_form import SynthesisForm

    from .conftest import PASSPHRASE

    w = window
    _open_meeting(qtbot, w)
    board = w.shell.visit_page.board
    conversation = board.conversation_id
    qtbot.mouseClick(board.finish, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.findChild(SynthesisForm) is not None, timeout=5000)
    form = w.findChild(SynthesisForm)
    qtbot.waitUntil(lambda: "C03" in form.rows and "K2.3" in form.rows and bool(form.timeline), timeout=10000)
    row = form.rows["C03"]  # front-line professionals heard (AANW)
    row.evidence = []
    row.value.setCurrentIndex(row.value.findData(2))  # "clearly", without evidence
    qtbot.waitUntil(lambda: "onderbouwing" in row.status.text(), timeout=5000)  # the PDF's word
    note = next(it for it in form.timeline if it.kind == "note")
    row.evidence = [("notitie", note.ref_id)]
    row.save()
    qtbot.waitUntil(lambda: row.status.text() == "", timeout=5000)
    dilemma = form.rows["K2.3"]
    dilemma.evidence = [("notitie", note.ref_id)]
    dilemma.discussed.setChecked(True)
    dilemma.value.setCurrentIndex(dilemma.value.findData(-1))
    qtbot.waitUntil(lambda: dilemma.status.text() == "", timeout=5000)
    form.grab().save(str(w.paths.data_dir / "synthesis.png"))
    _shot(form, "synthesis.png")
    form.close()
    w.lock()
    store = open_store(w.paths.store_file, PASSPHRASE)
    with store.session() as s:
        scores = {
            sc.item_code: sc
            for sc in s.scalars(
                select(m.ObservationScore).where(m.ObservationScore.conversation_id == conversation)
            )
        }
        assert scores["C03"].value == 2 and scores["K2.3"].value == -1 and scores["K2.3"].discussed
    store.close()


def test_participants_added_and_marked_absent_show_on_the_board(qtbot, window: MainWindow) -> None:
    from ui.participants_dialog import ParticipantsDialog

    w = window
    _open_meeting(qtbot, w)
    page = w.shell.visit_page
    board = page.board
    tiles = len(board.state.tiles)
    qtbot.mouseClick(page.participants_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.findChild(ParticipantsDialog) is not None, timeout=5000)
    dialog = page.findChild(ParticipantsDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == tiles, timeout=5000)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == tiles + 1, timeout=5000)
    row = tiles
    role = dialog.table.cellWidget(row, 0)
    role.setCurrentIndex(role.findData("HUISARTS"))
    presence = dialog.table.cellWidget(row, 3)
    presence.setCurrentIndex(presence.findData("afwezig"))
    dialog.reject()
    qtbot.waitUntil(lambda: len(board.state.tiles) == tiles + 1, timeout=5000)

    def shown() -> bool:  # the new tile is there since the add: wait for the edits' refresh
        p = board.state.tiles[-1].participant
        return p.role.code == "HUISARTS" and p.presence == "afwezig"

    qtbot.waitUntil(shown, timeout=10000)
    added = board.state.tiles[-1].participant
    assert added.role.code == "HUISARTS" and added.presence == "afwezig"
    assert not board.tile_buttons[-1].isEnabled()  # absent: no turns to count


def test_board_follows_a_language_switch(qtbot, window: MainWindow) -> None:
    w = window
    _open_meeting(qtbot, w)
    board = w.shell.visit_page.board
    assert board.finish.text() == "Afronden: synthese"
    assert "Besluit genomen" in board.event_buttons["EV-BES"].text()
    from dataclasses import replace

    w.apply_settings(replace(w.settings, language="en"))
    qtbot.waitUntil(lambda: "Decision taken" in board.event_buttons["EV-BES"].text(), timeout=5000)
    assert board.finish.text() == "Finish: synthesis"
    assert w.shell.visit_page.add_conversation.text() == "+ Conversation"
    w.apply_settings(replace(w.settings, language="nl"))


def _popup_action(qtbot, button, name: str) -> None:
    """Open a report button's menu with a click and trigger one of its actions."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    button.click()  # a synthesis row may be scrolled out of sight
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=5000)
    menu = QApplication.activePopupWidget()
    action = menu.findChild(QAction, name)
    assert action is not None and action.isVisible(), name
    menu.close()
    action.trigger()


def _confirm(qtbot, release) -> None:
    from PySide6.QtWidgets import QMessageBox

    qtbot.waitUntil(
        lambda: release.confirmation is not None and release.confirmation.isVisible(), timeout=5000
    )
    qtbot.mouseClick(release.confirmation.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)


def test_event_released_from_the_board_becomes_report_evidence_and_a_confidential_one_is_refused(
    qtbot, window: MainWindow
) -> None:
    from inspectorapp.domain.report_rules import Exclusion
    from inspectorapp.errors import FieldIssue, ValidationError
    from inspectorapp.services import evidence, findings, report_drafts, reports
    from ui.messages import message_for

    w = window
    _open_meeting(qtbot, w)
    w.resize(1366, 768)
    ws, board = w.workspace, w.shell.visit_page.board
    inspection = w.shell.visit_page.data.inspection_id
    text = "Besluit zonder cijfers: vrijgavetoets 4711"
    board.setFocus()
    board.note.setText(text)
    board.add_event("EV-BES")
    qtbot.waitUntil(lambda: any(e.text == text for e in board.state.events), timeout=5000)
    event = next(e for e in board.state.events if e.text == text)
    assert (event.for_report, event.confidentiality) == (False, "TEAM")

    def row() -> int:
        return next(
            i
            for i in range(board.timeline.count())
            if board.timeline.item(i).data(Qt.ItemDataRole.UserRole) == event.id
        )

    def marked(word: str) -> bool:
        return board.timeline.item(row()).text().endswith(word) and board.selected_event() is not None

    qtbot.waitUntil(lambda: any(text in board.timeline.item(i).text() for i in range(board.timeline.count())))
    board.timeline.setCurrentRow(row())
    assert marked(board.release.marker(False, "TEAM")) and board.release_button.isEnabled()
    key = ("sessiegebeurtenis", event.id)
    assert ws.call(evidence.inspection_evidence, inspection)[key].exclusion is Exclusion.SOFT_NOT_CONVERTED

    _popup_action(qtbot, board.release_button, "releaseForReport")
    _confirm(qtbot, board.release)
    qtbot.waitUntil(lambda: marked(board.release.marker(True, "TEAM")), timeout=5000)
    assert board.selected_event().for_report and board.status.text() == ""
    board.timeline.scrollToItem(board.timeline.currentItem())
    _shot(w, "group-session-release.png")
    assert ws.call(evidence.inspection_evidence, inspection)[key].exclusion is None  # the picker offers it

    def cite(session, ctx):  # the inspector cites it in a finding; the report prints it
        f = findings.findings_overview(session, inspection).findings[0]
        fields = FindingDraft(
            theme_code=f.theme_code,
            what_we_see=f.what_we_see,
            addressed_to=AddressedTo(f.addressed_to),
            organisation_id=f.organisation_id,
            traffic_light=TrafficLight(f.traffic_light) if f.traffic_light else None,
            evidence=(
                *((EvidenceKind(e.kind), e.id) for e in f.evidence),
                (EvidenceKind.SESSION_EVENT, event.id),
            ),
        )
        findings.save_finding(session, ctx, inspection, fields, f.id)
        report_drafts.ensure_draft(session, ctx, inspection, "gebiedsrapportage")
        return reports.prepare(session, ctx, inspection, "gebiedsrapportage")

    assert any(text in src.text for src in ws.call(cite, ws.ctx).sources)

    # made restricted, it leaves the report at once; releasing it again is refused, in words
    _popup_action(qtbot, board.release_button, "level_BEPERKT")
    qtbot.waitUntil(lambda: marked(board.release.marker(False, "BEPERKT")), timeout=5000)
    assert (board.selected_event().for_report, board.selected_event().confidentiality) == (False, "BEPERKT")
    _popup_action(qtbot, board.release_button, "releaseForReport")
    _confirm(qtbot, board.release)
    refused = message_for(ValidationError([FieldIssue("for_report", "confidential_item")]))
    qtbot.waitUntil(lambda: board.status.text() == refused, timeout=5000)
    assert "confidential" in refused or "vertrouwelijk" in refused
    assert not board.selected_event().for_report
    assert ws.call(evidence.inspection_evidence, inspection)[key].exclusion is Exclusion.CONFIDENTIAL
    assert not any(text in src.text for src in ws.call(cite, ws.ctx).sources)


def test_synthesis_score_withdrawn_and_released_from_its_report_button(qtbot, window: MainWindow) -> None:
    from ui.synthesis_form import SynthesisForm

    w = window
    _open_meeting(qtbot, w)
    board = w.shell.visit_page.board
    qtbot.mouseClick(board.finish, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.findChild(SynthesisForm) is not None, timeout=5000)
    form = w.findChild(SynthesisForm)
    qtbot.waitUntil(lambda: "B02" in form.rows, timeout=10000)
    row = form.rows["B02"]  # released in the demo
    assert row.score is not None and row.score.for_report
    assert row.release.text().startswith(form.release.marker(True, "TEAM"))
    _popup_action(qtbot, row.release, "withdrawFromReport")
    qtbot.waitUntil(lambda: not row.score.for_report, timeout=5000)
    assert row.release.text().startswith(form.release.marker(False, "TEAM"))
    _popup_action(qtbot, row.release, "level_MELDER_VERTROUWELIJK")
    qtbot.waitUntil(lambda: row.score.confidentiality == "MELDER_VERTROUWELIJK", timeout=5000)
    _popup_action(qtbot, row.release, "releaseForReport")
    _confirm(qtbot, form.release)
    qtbot.waitUntil(lambda: row.status.text() != "", timeout=5000)
    assert not row.score.for_report and row.release.text().startswith(form.release.marker(False, "BEPERKT"))
    _popup_action(qtbot, row.release, "level_TEAM")
    qtbot.waitUntil(lambda: row.score.confidentiality == "TEAM", timeout=5000)
    _popup_action(qtbot, row.release, "releaseForReport")
    _confirm(qtbot, form.release)
    qtbot.waitUntil(lambda: row.score.for_report, timeout=5000)
    form.resize(1366, 740)
    _shot(form, "synthesis-release.png")
    form.close()


def _inside(widget, window) -> bool:
    """Shown, and its whole rectangle within the window's."""
    from PySide6.QtCore import QRect

    rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    return widget.isVisible() and window.rect().contains(rect)


def test_board_fits_1366_by_768_with_every_event_button_whole(qtbot, window: MainWindow) -> None:
    w = window
    w.resize(1366, 768)
    qtbot.waitUntil(lambda: w.size().toTuple() == (1366, 768), timeout=5000)
    _open_meeting(qtbot, w)
    board = w.shell.visit_page.board
    helpers.drain(qtbot, w.workspace)  # the board's timeline and chart came too

    def laid_out() -> bool:  # the layout passes after the buttons came, and the split's fit
        return board._split_fitted and all(
            b.isVisible() and b.width() >= b.sizeHint().width() for b in board.event_buttons.values()
        )

    qtbot.waitUntil(laid_out, timeout=10000)
    assert w.size().toTuple() == (1366, 768)  # opening the board did not grow the window
    hint = w.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768, hint
    assert board.minimumSizeHint().width() <= 600 and board.minimumSizeHint().height() <= 400
    assert len(board.event_buttons) == 14
    for code, button in board.event_buttons.items():
        assert _inside(button, w), code
        assert button.width() >= button.sizeHint().width(), f"{code} clipped"
    for part in (board.chart_area, board.timeline, board.note, board.finish, w.statusBar()):
        assert _inside(part, w), part.objectName() or type(part).__name__
    assert board.chart_area.height() >= 60 and board.timeline.height() >= 60
    assert not board.chart_area.horizontalScrollBar().isVisible()
    visible_tiles = [b for b in board.tile_buttons if not b.visibleRegion().isEmpty()]
    assert len(visible_tiles) >= 8  # the first rows at least; more scroll
    _shot(w, "group-session-board.png")
    from PySide6.QtWidgets import QTabWidget

    page = w.shell.visit_page  # away to the inspection's tabs, and back to the board
    inspection = w.shell.inspection_page
    w.shell.pages.setCurrentWidget(inspection)
    tabs = inspection.findChild(QTabWidget, "inspectionTabs")
    for n in range(tabs.count()):
        tabs.setCurrentIndex(n)
        helpers.drain(qtbot, w.workspace)  # the tab's data came, and the layout it asked for
        assert w.size().toTuple() == (1366, 768), tabs.tabText(n)
    w.shell.pages.setCurrentWidget(page)
    helpers.drain(qtbot, w.workspace)  # what the page reads when shown again came
    assert page.centre_stack.currentWidget() is board
    assert w.size().toTuple() == (1366, 768)


def test_f1_on_the_board_lists_its_keys(qtbot, window: MainWindow) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QLabel

    from ui.help_overlay import HelpOverlay

    w = window
    w.resize(1366, 768)
    _open_meeting(qtbot, w)
    board = w.shell.visit_page.board
    board.setFocus()
    qtbot.waitUntil(board.hasFocus, timeout=5000)
    qtbot.keyClick(board, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: w.findChild(HelpOverlay) is not None and w.findChild(HelpOverlay).isVisible())
    overlay = w.findChild(HelpOverlay)
    texts = {label.text() for label in overlay.findChildren(QLabel) if label.isVisible()}

    def tr(source: str) -> str:
        return QCoreApplication.translate("SessionBoard", source)

    assert tr("Group-session board") in texts
    assert {"1 … 9", tr("Count a speaking turn for that tile")} <= texts
    assert tr("Undo / redo the last turn or event, one at a time") in texts
    for et in board.state.event_types:  # every event letter with its button's label
        assert et.hotkey.upper() in texts
        assert any(et.label.nl in t or et.label.en in t for t in texts), et.code
    assert overlay.sizeHint().height() <= 768 and _inside(overlay, w)
    for label in overlay.findChildren(QLabel):
        if label.isVisible():
            assert _inside(label, w), label.text()
    qtbot.keyClick(overlay, Qt.Key.Key_Escape)
    assert not overlay.isVisible()


def test_board_follows_a_colleagues_turns_received_by_sync(qtbot, window: MainWindow) -> None:
    """Turns a sync brought in show on the open board without reopening it."""
    from inspectorapp.domain.changes import ChangeSet
    from inspectorapp.services import group_sessions
    from ui.change_bus import ChangeOrigin, bus_of

    w = window
    _open_meeting(qtbot, w)
    board = w.shell.visit_page.board
    ws = w.workspace
    total = board.state.total_turns
    tile = board.state.tiles[2].participant
    bus, emitted = bus_of(ws), bus_of(ws).emitted
    result = ws.call(group_sessions.count_turn, ws.ctx, board.conversation_id, tile.id)
    qtbot.waitUntil(lambda: bus.emitted > emitted, timeout=10000)  # the write was announced
    helpers.drain(qtbot, ws)  # and whatever that made the board read has answered
    # a local write the board did not make is not shown by the board's own taps
    assert board.state.total_turns == total
    bus_of(ws).publish(ChangeSet.of(speaking_turn=[result.value.turn.id]), ChangeOrigin.SYNC)
    qtbot.waitUntil(lambda: board.state.total_turns == total + 1, timeout=5000)


def test_board_opened_while_hidden_fits_its_split_when_shown(qtbot, window: MainWindow) -> None:
    """Tiles that came while the board was hidden (a minimised window, another page on top)
    have no size yet: the split is fitted when the board is shown, to the tiles' real need."""
    w = window
    w.resize(1366, 768)
    w.hide()
    _open_meeting(qtbot, w)
    board = w.shell.visit_page.board
    helpers.drain(qtbot, w.workspace)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(
        lambda: board._split_fitted and all(b.isVisible() for b in board.tile_buttons), timeout=10000
    )
    helpers.drain(qtbot, w.workspace)
    top, rest = board.split.sizes()
    need = board.tiles.sizeHint().height()
    assert need > 100, need  # rows of tiles, not the empty grid a hidden board measured
    assert top >= min(need, (top + rest) * 3 // 5) - 2, (top, rest, need)
