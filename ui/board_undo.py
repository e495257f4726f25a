"""The group-session board's undo stack: one QUndoCommand per tap (a speaking turn) or
event key, saved through the services on the database thread.

- Each command makes its row's id before the save is submitted. The database thread runs
  requests in order, so an undo pressed before the save has returned is queued behind it,
  keyed by that id; it never waits for, or misses, the save's result.
- Undo tombstones the row; redo restores the same row (``group_sessions.withdraw``), so a
  redo never adds a second turn and the counts after redo equal those before the undo.
- Events are commands of their own, so undo goes back in order: the events attributed to a
  speaker after a turn are undone before that turn (and the last speaker goes back with the
  turn). A signal saved from an event stays when the event is undone: it is its own record.
- A save that is refused makes its command obsolete: undoing it does nothing, and the
  refusal (not a follow-up "unknown reference") is what the board shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from inspectorapp.domain.drafts import SignalPrefill
from inspectorapp.ids import new_id

from . import ops

if TYPE_CHECKING:
    from .session_board import SessionBoard

TURN = "speaking_turn"
EVENT = "session_event"


class BoardCommand(QUndoCommand):
    entity = ""

    def __init__(self, board: SessionBoard, caption: str) -> None:
        super().__init__(caption)
        self.board = board
        assert board.conversation_id is not None
        self.conversation_id: str = board.conversation_id
        self.row_id = new_id()
        self.created = False  # the first redo (QUndoStack.push) saves; later ones restore
        self.failed = False

    def redo(self) -> None:
        if self.failed:
            return
        if not self.created:
            self.created = True
            self.create()
        else:
            self._withdraw(False)

    def undo(self) -> None:
        if not self.failed:
            self._withdraw(True)

    def create(self) -> None:
        raise NotImplementedError

    def refused(self, exc: BaseException) -> None:
        self.failed = True
        self.setObsolete(True)
        self.board.show_error(exc)

    def _withdraw(self, withdrawn: bool) -> None:
        from inspectorapp.services import group_sessions

        def failed(exc: BaseException) -> None:
            if not self.failed:  # after a refused save, that refusal is the message
                self.board.show_error(exc)

        ops.submit(
            self.board.workspace,
            group_sessions.withdraw,
            self.board.workspace.ctx,
            self.entity,
            self.row_id,
            withdrawn,
            on_done=lambda _r: self.board.refresh(),
            on_error=failed,
        )


class CountTurn(BoardCommand):
    entity = TURN

    def __init__(self, board: SessionBoard, participant_id: str, caption: str) -> None:
        super().__init__(board, caption)
        self.participant_id = participant_id
        self.previous_speaker = board.last_participant

    def redo(self) -> None:
        self.board.last_participant = self.participant_id  # events attach to this speaker
        super().redo()

    def undo(self) -> None:
        self.board.last_participant = self.previous_speaker
        super().undo()

    def create(self) -> None:
        from inspectorapp.services import group_sessions

        ops.submit(
            self.board.workspace,
            group_sessions.count_turn,
            self.board.workspace.ctx,
            self.conversation_id,
            self.participant_id,
            None,
            self.row_id,
            on_done=lambda _r: self.board.refresh(),
            on_error=self.refused,
        )


class AddEvent(BoardCommand):
    entity = EVENT

    def __init__(
        self, board: SessionBoard, code: str, participant_id: str | None, text: str | None, caption: str
    ) -> None:
        super().__init__(board, caption)
        self.code = code
        self.participant_id = participant_id
        self.note_text = text

    def create(self) -> None:
        from inspectorapp.services import group_sessions

        def done(result: Any) -> None:
            event = result.value
            if event.signal_prefill is not None:  # only when first made: a redo opens no form
                self.board.signal_requested.emit(SignalPrefill(event.signal_prefill, event.id))
            self.board.refresh()

        ops.submit(
            self.board.workspace,
            group_sessions.add_event,
            self.board.workspace.ctx,
            self.conversation_id,
            self.code,
            self.participant_id,
            self.note_text,
            None,
            self.row_id,
            on_done=done,
            on_error=self.refused,
        )
