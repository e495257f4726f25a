"""The live board for network meetings and focus groups: tiles that count speaking
turns (click or number key), event buttons with letter hotkeys, a running timeline,
a note line, and the participation chart. Every tap is its own small transaction;
Ctrl+Z undoes the last tap (a QUndoStack of service calls). An event in the timeline is
released for the report (or kept internal / confidential) from its context menu or the
"Report" button (ui.report_release)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.participation import ParticipationSummary
from inspectorapp.domain.snapshots import (
    BoardState,
    BoardTile,
    SessionEventSnapshot,
    TimelineItem,
    TurnTally,
)

from . import ops
from .messages import message_for
from .participation_chart import ShareBars
from .report_release import CONFIDENTIAL, ReportRelease

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace


def _nl(label: Any) -> str:
    return label.en if QLocale().language() == QLocale.Language.English else label.nl


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _CountTurn(QUndoCommand):
    def __init__(self, board: SessionBoard, participant_id: str, caption: str) -> None:
        super().__init__(caption)
        self.board = board
        self.participant_id = participant_id
        self.turn_id: str | None = None
        self.previous_speaker = board.last_participant

    def redo(self) -> None:
        self.board.count_turn(self.participant_id, self)

    def undo(self) -> None:
        self.board.last_participant = self.previous_speaker  # events attach to the speaker before
        if self.turn_id is not None:
            self.board.undo_turn(self.turn_id)


class SessionBoard(QWidget):
    signal_requested = Signal(dict)
    synthesis_requested = Signal(str)

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.setObjectName("sessionBoard")
        self.workspace = workspace
        self.conversation_id: str | None = None
        self.state: BoardState | None = None
        self.last_participant: str | None = None
        self.undo_stack = QUndoStack(self)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)  # a long meeting title must not widen the board past 1366
        self.clock = QLabel()
        self.clock.setObjectName("sessionClock")
        self.finish = QPushButton()
        self.finish.setObjectName("finishSession")
        self.finish.clicked.connect(
            lambda: self.conversation_id and self.synthesis_requested.emit(self.conversation_id)
        )
        self.tiles = QGridLayout()
        self.tile_buttons: list[QToolButton] = []
        self.events = QGridLayout()
        self.event_buttons: dict[str, QPushButton] = {}
        self.timeline = QListWidget()
        self.timeline.setObjectName("sessionTimeline")
        self.timeline.setWordWrap(True)
        self.timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.timeline.customContextMenuRequested.connect(self._timeline_menu)
        self.timeline.currentItemChanged.connect(lambda *_: self._update_release_button())
        self.release = ReportRelease(workspace, self)
        self.release.changed.connect(lambda *_: self.refresh())
        self.release.failed.connect(self._show_failure)
        self.release_button = QToolButton()
        self.release_button.setObjectName("reportRelease")
        self.release_button.clicked.connect(self._release_button_menu)
        self.note = QLineEdit()
        self.note.setObjectName("sessionNote")
        self.note.returnPressed.connect(self.add_note)
        self.by_category = ShareBars()
        self.by_organisation = ShareBars()
        self.status = QLabel()
        self.status.setObjectName("error")
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.clock)
        header.addWidget(self.finish)
        charts = QWidget()
        chart = QVBoxLayout(charts)
        chart.setContentsMargins(0, 0, 0, 0)
        chart.addWidget(self.by_category)
        chart.addWidget(self.by_organisation)
        chart.addStretch(1)
        chart_area = QScrollArea()  # the two charts scroll rather than push the board past 768
        chart_area.setWidgetResizable(True)
        chart_area.setFrameShape(QFrame.Shape.NoFrame)
        chart_area.setWidget(charts)
        middle = QHBoxLayout()
        middle.addWidget(self.timeline, 3)
        middle.addWidget(chart_area, 2)
        chart_area.setMinimumWidth(240)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(self.tiles)
        layout.addLayout(self.events)
        layout.addLayout(middle, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.release_button)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        QShortcut(
            QKeySequence.StandardKey.Undo,
            self,
            self.undo_stack.undo,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence.StandardKey.Redo,
            self,
            self.undo_stack.redo,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._update_clock)
        self._tick.start(1000)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for button in self.event_buttons.values():  # labels come from the framework, per language
                button.deleteLater()
            self.event_buttons = {}
            if self.state is not None:
                self._show_state(self.state)
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.finish.setText(self.tr("Finish: synthesis"))
        self.note.setPlaceholderText(self.tr("Note for the timeline, Enter adds it"))
        self.note.setAccessibleName(self.tr("Timeline note"))
        self.timeline.setAccessibleName(self.tr("Timeline"))
        self.release_button.setText(self.tr("Report…"))
        self.release_button.setToolTip(
            self.tr("Release the selected event for the report, or set its confidentiality")
        )

    # ----- loading ---------------------------------------------------------------------
    def load(self, conversation_id: str) -> None:
        if conversation_id != self.conversation_id:
            self.undo_stack.clear()
            self.last_participant = None
        self.conversation_id = conversation_id
        self.refresh()

    def refresh(self) -> None:
        from inspectorapp.services import group_sessions

        cid = self.conversation_id
        if cid is None:
            return
        ops.submit(
            self.workspace, group_sessions.board_state, cid, on_done=self._show_state, on_error=self._error
        )
        ops.submit(
            self.workspace, group_sessions.timeline, cid, on_done=self._show_timeline, on_error=self._error
        )
        ops.submit(
            self.workspace,
            group_sessions.participation,
            cid,
            on_done=self._show_participation,
            on_error=self._error,
        )

    def _show_state(self, state: BoardState) -> None:
        if state.conversation_id != self.conversation_id:
            return
        self.state = state
        self.title.setText(state.title)
        self._update_clock()
        for old in self.tile_buttons:
            old.deleteLater()
        self.tile_buttons = []
        for n, tile in enumerate(state.tiles):
            button = QToolButton()
            button.setObjectName(f"tile{n + 1}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumSize(150, 64)
            button.setText(self._tile_text(n, tile))
            button.setEnabled(tile.participant.presence != "afwezig")
            button.setAccessibleName(tile.participant.caption)
            button.clicked.connect(lambda _=False, t=tile: self.tap(t.participant.id))
            self.tiles.addWidget(button, n // 4, n % 4)
            self.tile_buttons.append(button)
        if not self.event_buttons:
            for et in state.event_types:
                b = QPushButton(f"{et.hotkey or ''} {_nl(et.label)}".strip())
                b.setObjectName(f"event_{et.code}")
                b.setToolTip(_nl(et.label))
                # long labels clip at 1366 wide: left-aligned, the hotkey stays; the tooltip has all
                b.setMinimumWidth(90)
                b.setStyleSheet("text-align: left; padding: 4px 6px;")
                b.clicked.connect(lambda _=False, code=et.code: self.add_event(code))
                self.events.addWidget(b, len(self.event_buttons) // 7, len(self.event_buttons) % 7)
                self.event_buttons[et.code] = b

    def _tile_text(self, n: int, tile: BoardTile) -> str:
        p = tile.participant
        mandate = {True: self.tr("mandate ✓"), False: self.tr("no mandate"), None: ""}[p.has_mandate]
        if p.presence == "afwezig":
            mandate = self.tr("absent")
        org = _short(p.organisation_name or "")
        key = f"{n + 1} " if n < 9 else ""
        return f"{key}{_short(p.caption)}\n{org}\n{'█' * min(tile.turns, 16)} {tile.turns}  {mandate}".strip()

    def _show_timeline(self, items: list[TimelineItem]) -> None:
        chosen = self.selected_event()
        keep = chosen.id if chosen else None
        events = {e.id: e for e in self.state.events} if self.state else {}
        self.timeline.clear()
        for it in items:
            when = it.at.astimezone().strftime("%H:%M")
            event = events.get(it.ref_id or "") if it.kind == "event" else None
            if it.kind == "event":
                who = f" ({it.participant_label})" if it.participant_label else ""
                text = f"{when} [{it.code}] {_nl(it.code_label) if it.code_label else ''}{who} {it.text}"
            elif it.kind == "turns":
                text = f"{when} " + ", ".join(f"{t.label} ×{t.count}" for t in it.turns)
            else:
                text = f"{when} {it.text}"
            entry = QListWidgetItem(text.strip())
            if event is not None:
                marker = self.release.marker(event.for_report, event.confidentiality)
                entry.setText(f"{entry.text()}  · {marker}")
                entry.setToolTip(self.release.level_text(event.confidentiality) + " · " + marker)
                entry.setData(Qt.ItemDataRole.UserRole, event.id)
                if not event.for_report or event.confidentiality in CONFIDENTIAL:
                    entry.setForeground(self.palette().placeholderText())
            self.timeline.addItem(entry)
            if event is not None and event.id == keep:
                self.timeline.setCurrentItem(entry)
        if keep is None:
            self.timeline.scrollToBottom()
        self._update_release_button()

    # ----- report release ----------------------------------------------------------------
    def selected_event(self) -> SessionEventSnapshot | None:
        item = self.timeline.currentItem()
        event_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not event_id or self.state is None:
            return None
        return next((e for e in self.state.events if e.id == event_id), None)

    def release_menu(self) -> QMenu | None:
        """The report actions for the selected event (None when no event is selected)."""
        event = self.selected_event()
        if event is None:
            return None
        self.status.setText("")
        return self.release.menu("session_event", event.id, event.for_report, event.confidentiality, self)

    def _timeline_menu(self, pos: QPoint) -> None:
        item = self.timeline.itemAt(pos)
        if item is not None:
            self.timeline.setCurrentItem(item)
        menu = self.release_menu()
        if menu is not None:
            menu.popup(self.timeline.viewport().mapToGlobal(pos))

    def _release_button_menu(self) -> None:
        menu = self.release_menu()
        if menu is not None:
            menu.popup(self.release_button.mapToGlobal(QPoint(0, self.release_button.height())))

    def _update_release_button(self) -> None:
        self.release_button.setEnabled(self.selected_event() is not None)

    def _show_failure(self, message: str) -> None:
        self.status.setText(message)

    def _show_participation(self, summary: ParticipationSummary) -> None:
        self.by_category.set_shares(self.tr("Speaking share by role"), summary.by_category)
        self.by_organisation.set_shares(self.tr("Speaking share by organisation"), summary.by_organisation)

    def _update_clock(self) -> None:
        """Elapsed time while the session runs (started less than 12 hours ago, not ended);
        otherwise the session's times."""
        start = self.state.starts_at if self.state else None
        if start is None or self.state is None:
            self.clock.setText("")
            return
        seconds = int((datetime.now(UTC) - start).total_seconds())
        if self.state.ends_at is None and 0 <= seconds < 12 * 3600:
            self.clock.setText(f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}")
            return
        end = self.state.ends_at
        times = start.astimezone().strftime("%d-%m-%Y %H:%M")
        self.clock.setText(times + (end.astimezone().strftime("–%H:%M") if end else ""))

    # ----- actions ---------------------------------------------------------------------
    def tap(self, participant_id: str) -> None:
        caption = (
            next((t.participant.caption for t in self.state.tiles if t.participant.id == participant_id), "")
            if self.state
            else ""
        )
        self.undo_stack.push(_CountTurn(self, participant_id, caption))

    def count_turn(self, participant_id: str, command: _CountTurn) -> None:
        from inspectorapp.services import group_sessions

        self.last_participant = participant_id

        def done(result: Any) -> None:
            tally: TurnTally = result.value
            command.turn_id = tally.turn.id
            self.refresh()

        ops.submit(
            self.workspace,
            group_sessions.count_turn,
            self.workspace.ctx,
            self.conversation_id,
            participant_id,
            on_done=done,
            on_error=self._error,
        )

    def undo_turn(self, turn_id: str) -> None:
        from inspectorapp.services import group_sessions

        ops.submit(
            self.workspace,
            group_sessions.undo_turn,
            self.workspace.ctx,
            turn_id,
            on_done=lambda _r: self.refresh(),
            on_error=self._error,
        )

    def add_event(self, code: str) -> None:
        from inspectorapp.services import group_sessions

        text = self.note.text().strip() or None
        self.note.clear()

        def done(result: Any) -> None:
            event = result.value
            if event.signal_prefill is not None:
                self.signal_requested.emit({**event.signal_prefill, "session_event_id": event.id})
            self.refresh()

        ops.submit(
            self.workspace,
            group_sessions.add_event,
            self.workspace.ctx,
            self.conversation_id,
            code,
            self.last_participant,
            text,
            on_done=done,
            on_error=self._error,
        )

    def add_note(self) -> None:
        from inspectorapp.services import notes

        text = self.note.text().strip()
        if not text or self.conversation_id is None:
            return
        self.note.clear()
        ops.submit(
            self.workspace,
            notes.add_paragraph,
            self.workspace.ctx,
            self.conversation_id,
            {"text": text, "kind": "waarneming"},
            on_done=lambda _r: self.refresh(),
            on_error=self._error,
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Number keys count a turn, letters add an event (when not typing a note)."""
        if self.state is not None and not self.note.hasFocus():
            text = event.text()
            if text.isdigit() and text != "0":
                n = int(text) - 1
                if n < len(self.state.tiles) and self.tile_buttons[n].isEnabled():
                    self.tap(self.state.tiles[n].participant.id)
                    return
            for et in self.state.event_types:
                if et.hotkey and text.upper() == et.hotkey.upper():
                    self.add_event(et.code)
                    return
        super().keyPressEvent(event)

    def _error(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))
