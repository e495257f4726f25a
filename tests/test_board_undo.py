"""The group-session board's undo on the real widget and the real encrypted store: events
undo in turn before the turn they follow, an undo pressed before the save has returned is
queued behind it, and a redo restores the same rows (the counts and chart after redo equal
those before the undo)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspectorapp.bootstrap import build_main_window
from inspectorapp.domain.enums import Presence
from inspectorapp.paths import app_paths
from storage import models as m
from ui.main_window import MainWindow
from ui.session_board import SessionBoard

from . import helpers
from .test_app_window import _create, _wait_rows
from .test_session_board import _open_meeting

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def board(qtbot, tmp_path: Path) -> Iterator[SessionBoard]:
    paths = app_paths(tmp_path / "home").ensure()
    w: MainWindow = build_main_window(QApplication.instance(), paths)
    w.resize(1366, 768)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    _create(qtbot, w)
    _wait_rows(qtbot, w, 4)
    _open_meeting(qtbot, w)
    board = w.shell.visit_page.board
    board.setFocus()
    yield board
    w.lock()


def _rows(board: SessionBoard, model: type[m.SpeakingTurn] | type[m.SessionEvent]) -> tuple[int, int]:
    """(live, all) rows of the board's conversation, tombstones included in all."""

    def count(session: Session) -> tuple[int, int]:
        where = model.conversation_id == board.conversation_id
        every = session.scalar(select(func.count()).select_from(model).where(where)) or 0
        live = session.scalar(
            select(func.count()).select_from(model).where(where, model.deleted_at.is_(None))
        )
        return int(live or 0), int(every)

    return board.workspace.call(count)


def _settled(qtbot, board: SessionBoard, turns: int, events: int) -> None:
    """The board shows these totals and the store agrees."""
    qtbot.waitUntil(
        lambda: board.state.total_turns == turns and len(board.state.events) == events, timeout=5000
    )
    assert _rows(board, m.SpeakingTurn)[0] == turns and _rows(board, m.SessionEvent)[0] == events


def _shares(qtbot, board: SessionBoard) -> list[tuple[str, float]]:
    helpers.drain(qtbot, board.workspace)
    return [(s.label.nl, round(s.share, 6)) for s in board.by_category.shares]


def test_events_undo_in_turn_before_the_turn_and_redo_brings_back_the_same_rows(qtbot, board) -> None:
    turns, events = board.state.total_turns, len(board.state.events)
    first = board.state.tiles[0].participant.id
    speaker = board.last_participant
    qtbot.keyClick(board, Qt.Key.Key_1)  # a turn, then two events attributed to that speaker
    qtbot.keyClick(board, Qt.Key.Key_B)
    qtbot.keyClick(board, Qt.Key.Key_C)
    _settled(qtbot, board, turns + 1, events + 2)
    made = [e for e in board.state.events if e.event_code in ("EV-BES", "EV-CON")][-2:]
    assert all(e.participant_id == first for e in made)
    shares = _shares(qtbot, board)
    counts_before_undo = [t.turns for t in board.state.tiles]

    qtbot.keyClick(board, Qt.Key.Key_Z, CTRL)  # the last event first ...
    _settled(qtbot, board, turns + 1, events + 1)
    qtbot.keyClick(board, Qt.Key.Key_Z, CTRL)
    _settled(qtbot, board, turns + 1, events)
    qtbot.keyClick(board, Qt.Key.Key_Z, CTRL)  # ... then the turn they were attributed to
    _settled(qtbot, board, turns, events)
    assert board.last_participant == speaker  # the next event goes to the speaker before

    for _ in range(3):
        qtbot.keyClick(board, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.keyClick(board, Qt.Key.Key_Z, CTRL | SHIFT)  # nothing left to redo: counts once
    _settled(qtbot, board, turns + 1, events + 2)
    assert [t.turns for t in board.state.tiles] == counts_before_undo
    assert _shares(qtbot, board) == shares
    restored = [e for e in board.state.events if e.id in {x.id for x in made}]
    assert [(e.id, e.participant_id) for e in restored] == [(e.id, first) for e in made]
    assert _rows(board, m.SpeakingTurn)[1] == _rows(board, m.SpeakingTurn)[0]  # no extra rows
    assert _rows(board, m.SessionEvent)[1] == _rows(board, m.SessionEvent)[0]
    assert board.last_participant == first


def test_undo_pressed_before_the_save_returned_is_queued_behind_it(qtbot, board) -> None:
    turns, events = board.state.total_turns, len(board.state.events)
    gate = threading.Event()
    board.workspace.submit(lambda _session: gate.wait(10))  # the database thread is busy
    board.setFocus()
    qtbot.keyClick(board, Qt.Key.Key_2)
    qtbot.keyClick(board, Qt.Key.Key_B)
    qtbot.keyClick(board, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(board, Qt.Key.Key_Z, CTRL)
    assert board.state.total_turns == turns  # nothing saved yet: both undos are waiting
    gate.set()
    _settled(qtbot, board, turns, events)
    assert _rows(board, m.SpeakingTurn) == (turns, turns + 1)  # saved, then tombstoned
    assert _rows(board, m.SessionEvent)[1] == _rows(board, m.SessionEvent)[0] + 1
    assert board.status.text() == ""
    qtbot.keyClick(board, Qt.Key.Key_Z, CTRL | SHIFT)
    _settled(qtbot, board, turns + 1, events)


def test_redo_after_several_taps_counts_once(qtbot, board) -> None:
    tile = board.state.tiles[2]
    start = tile.turns
    for _ in range(3):
        qtbot.keyClick(board, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: board.state.tiles[2].turns == start + 3, timeout=5000)
    total, shares = board.state.total_turns, _shares(qtbot, board)
    qtbot.keyClick(board, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: board.state.tiles[2].turns == start + 2, timeout=5000)
    qtbot.keyClick(board, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.keyClick(board, Qt.Key.Key_Z, CTRL | SHIFT)  # a second redo has nothing to do
    qtbot.waitUntil(lambda: board.state.tiles[2].turns == start + 3, timeout=5000)
    # the first redo showed: anything a second one sent has answered too
    helpers.drain(qtbot, board.workspace)
    assert board.state.tiles[2].turns == start + 3 and board.state.total_turns == total
    assert f" {start + 3} " in board.tile_buttons[2].text()  # the tile's counter
    assert _shares(qtbot, board) == shares
    assert _rows(board, m.SpeakingTurn)[1] == _rows(board, m.SpeakingTurn)[0]


def test_a_refused_tap_is_shown_and_its_undo_does_nothing(qtbot, board) -> None:
    from inspectorapp.errors import FieldIssue, ValidationError
    from ui.messages import message_for

    absent = next(t.participant.id for t in board.state.tiles if t.participant.presence == Presence.ABSENT)
    turns = board.state.total_turns
    board.tap(absent)  # the tile is disabled; a tap that still comes through is refused
    refusal = message_for(ValidationError([FieldIssue("participant_id", "participant_absent")]))
    qtbot.waitUntil(lambda: board.status.text() == refusal, timeout=5000)
    qtbot.keyClick(board, Qt.Key.Key_Z, CTRL)
    # whatever the undo sent (nothing, it should) has answered and shown
    helpers.drain(qtbot, board.workspace)
    assert board.status.text() == refusal and board.state.total_turns == turns
    assert _rows(board, m.SpeakingTurn)[0] == turns
