"""The live board for network meetings and focus groups: tiles that count speaking
turns (click or number key), event buttons with letter hotkeys, a running timeline,
a note line, and the participation chart. Every tap is its own small transaction;
Ctrl+Z undoes the last tap or event, in turn (ui.board_undo). An event in the timeline is
released for the report (or kept internal / confidential) from its context menu or the
"Report" button (ui.report_release).

It fits a 1366x768 laptop beside the visit's side panels: the event buttons wrap (a flow
layout) and stay in sight above the note line, the tiles (as many columns as fit) scroll
above a splitter, the timeline and the charts share the rest side by side, and there is no
title row (the visit page names the conversation just above)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent, QUndoStack
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
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.drafts import ParagraphDraft
from inspectorapp.domain.enums import NoteKind, Presence
from inspectorapp.domain.participation import ParticipationSummary
from inspectorapp.domain.snapshots import (
    BoardState,
    BoardTile,
    SessionEventSnapshot,
    TimelineItem,
)
from inspectorapp.domain.snippets import clipped

from . import ops
from .board_undo import AddEvent, CountTurn
from .board_widgets import FlowLayout
from .messages import message_for
from .participation_chart import ShareBars
from .report_release import CONFIDENTIAL, ReportRelease

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace


def _nl(label: Any) -> str:
    return label.en if QLocale().language() == QLocale.Language.English else label.nl


TILE_CHARS = 30  # of a participant's name or organisation on a tile


class SessionBoard(QWidget):
    signal_requested = Signal(object)  # SignalPrefill
    synthesis_requested = Signal(str)
    TILE_WIDTH = 130

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.setObjectName("sessionBoard")
        self.workspace = workspace
        self.conversation_id: str | None = None
        self.state: BoardState | None = None
        self.last_participant: str | None = None
        self.undo_stack = QUndoStack(self)
        self.clock = QLabel()
        self.clock.setObjectName("sessionClock")
        self.finish = QPushButton()
        self.finish.setObjectName("finishSession")
        self.finish.clicked.connect(
            lambda: self.conversation_id and self.synthesis_requested.emit(self.conversation_id)
        )
        self.tiles = QGridLayout()
        self.tile_buttons: list[QToolButton] = []
        self._tile_columns = 0
        self.events = FlowLayout()  # wraps: the whole label of every button stays readable
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
        for bars in (self.by_category, self.by_organisation):
            bars.setMinimumWidth(180)  # the bars shorten; no sideways scrolling
        self.status = QLabel()
        self.status.setObjectName("error")
        self.status.setWordWrap(True)
        self._build_layout()
        self.setMinimumWidth(560)  # four tiles a row; the visit page's side panels give way
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

    def _build_layout(self) -> None:
        tiles = QWidget()
        tiles.setObjectName("boardTiles")
        tile_box = QVBoxLayout(tiles)
        tile_box.setContentsMargins(0, 0, 0, 0)
        tile_box.addLayout(self.tiles)
        tile_box.addStretch(1)
        self.tiles_area = QScrollArea()  # many attendees scroll rather than grow the window
        self.tiles_area.setObjectName("boardTilesArea")
        self.tiles_area.setWidgetResizable(True)
        self.tiles_area.setFrameShape(QFrame.Shape.NoFrame)
        self.tiles_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tiles_area.setWidget(tiles)
        self.event_box = QWidget()  # outside the splitter: every event button always in sight
        self.event_box.setObjectName("boardEvents")
        self.event_box.setLayout(self.events)
        charts = QWidget()
        chart = QVBoxLayout(charts)
        chart.setContentsMargins(0, 0, 0, 0)
        chart.addWidget(self.by_category)
        chart.addWidget(self.by_organisation)
        chart.addStretch(1)
        self.chart_area = QScrollArea()  # the two charts scroll rather than push the board past 768
        self.chart_area.setObjectName("boardCharts")
        self.chart_area.setWidgetResizable(True)
        self.chart_area.setFrameShape(QFrame.Shape.NoFrame)
        self.chart_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart_area.setWidget(charts)
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.setChildrenCollapsible(False)
        middle.addWidget(self.timeline)
        middle.addWidget(self.chart_area)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 2)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setObjectName("boardSplitter")
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.tiles_area)
        self.split.addWidget(middle)
        self.split.setStretchFactor(1, 1)
        self._split_fitted = False
        bottom = QHBoxLayout()  # no title row: the visit page names the conversation above
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.release_button)
        bottom.addWidget(self.clock)
        bottom.addWidget(self.finish)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.event_box)  # beside the note line, whose text the event takes
        layout.addLayout(bottom)
        layout.addWidget(self.status)

    def _fit_split(self) -> None:
        """Once the tiles exist: give them the height they need, up to three fifths of the
        splitter; the timeline and charts get the rest (the user may move the handle)."""
        total = sum(self.split.sizes())
        # a hidden board's tiles measure nothing yet (and its split may have no height):
        # fitted when it is shown (``showEvent``)
        if self._split_fitted or total <= 0 or not self.isVisible():
            return
        need = self.tiles.sizeHint().height()
        top = min(max(need, 1), total * 3 // 5)
        self.split.setSizes([top, total - top])
        self._split_fitted = True

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
        self._update_clock()
        if len(self.tile_buttons) != len(state.tiles):  # same attendees: update in place
            for old in self.tile_buttons:
                old.deleteLater()
            self.tile_buttons = []
            for n in range(len(state.tiles)):
                button = QToolButton()
                button.setObjectName(f"tile{n + 1}")
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                button.setMinimumSize(self.TILE_WIDTH - 10, 54)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                button.clicked.connect(lambda _=False, i=n: self._tap_tile(i))
                self.tile_buttons.append(button)
            self._place_tiles()
            QTimer.singleShot(0, self, self._fit_split)  # context: dropped if the board is gone (lock)
        for n, (button, tile) in enumerate(zip(self.tile_buttons, state.tiles, strict=True)):
            button.setText(self._tile_text(n, tile))
            button.setEnabled(tile.participant.presence != Presence.ABSENT)
            button.setAccessibleName(tile.participant.caption)
            button.setToolTip(tile.participant.caption)
        if not self.event_buttons:
            for et in state.event_types:
                b = QPushButton(f"{et.hotkey or ''} {_nl(et.label)}".strip())
                b.setObjectName(f"event_{et.code}")
                b.setToolTip(_nl(et.label))
                b.setStyleSheet("padding: 2px 8px;")
                b.clicked.connect(lambda _=False, code=et.code: self.add_event(code))
                self.events.addWidget(b)
                self.event_buttons[et.code] = b

    def _columns(self) -> int:
        return max(2, min(6, (self.contentsRect().width() - 20) // self.TILE_WIDTH))

    def _place_tiles(self) -> None:
        """As many tile columns as the width holds (2 to 6): fewer rows on a wider window."""
        columns = self._columns()
        for button in self.tile_buttons:
            self.tiles.removeWidget(button)
        for n, button in enumerate(self.tile_buttons):
            self.tiles.addWidget(button, n // columns, n % columns)
        self._tile_columns = columns

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.tile_buttons and not self._split_fitted:  # tiles that came while hidden
            QTimer.singleShot(0, self, self._fit_split)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.tile_buttons and self._columns() != self._tile_columns:
            self._place_tiles()

    def sizeHint(self) -> QSize:
        """Preferred: room for four tiles a row and the buttons in a few rows. Only a hint for
        the visit page's splitter; the minimum stays small, so the window never grows."""
        return super().sizeHint().expandedTo(QSize(820, 560))

    def _tap_tile(self, n: int) -> None:
        if self.state is not None and n < len(self.state.tiles):
            self.tap(self.state.tiles[n].participant.id)

    def _tile_text(self, n: int, tile: BoardTile) -> str:
        p = tile.participant
        mandate = {True: self.tr("mandate ✓"), False: self.tr("no mandate"), None: ""}[p.has_mandate]
        if p.presence == Presence.ABSENT:
            mandate = self.tr("absent")
        org = clipped(p.organisation_name or "", TILE_CHARS)
        key = f"{n + 1} " if n < 9 else ""
        name = clipped(p.caption, TILE_CHARS)
        return f"{key}{name}\n{org}\n{'█' * min(tile.turns, 16)} {tile.turns}  {mandate}".strip()

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
        times = start.astimezone().strftime("%H:%M") + (end.astimezone().strftime("–%H:%M") if end else "")
        self.clock.setText(times)  # short: it shares the note line; the date is in the tooltip
        self.clock.setToolTip(start.astimezone().strftime("%d-%m-%Y ") + times)

    # ----- actions ---------------------------------------------------------------------
    def tap(self, participant_id: str) -> None:
        if self.conversation_id is None:
            return
        tiles = self.state.tiles if self.state else ()
        caption = next((t.participant.caption for t in tiles if t.participant.id == participant_id), "")
        self.status.setText("")
        self.undo_stack.push(CountTurn(self, participant_id, caption))

    def add_event(self, code: str) -> None:
        """The event, attributed to the last speaker, with the note line's text (if any)."""
        if self.conversation_id is None:
            return
        text = self.note.text().strip() or None
        self.note.clear()
        kinds = self.state.event_types if self.state else ()
        label = next((_nl(et.label) for et in kinds if et.code == code), code)
        self.status.setText("")
        self.undo_stack.push(AddEvent(self, code, self.last_participant, text, label))

    def show_error(self, exc: BaseException) -> None:
        self._error(exc)

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
            ParagraphDraft(text, NoteKind.OBSERVATION),
            on_done=lambda _r: self.refresh(),
            on_error=self._error,
        )

    def help_keys(self) -> tuple[str, list[tuple[str, str]]]:
        """The board's keys for the F1 overview (ui.help_overlay): its tiles, its undo, and
        the letter of every event button of this framework."""
        keys = [
            ("1 … 9", self.tr("Count a speaking turn for that tile")),
            ("Ctrl+Z / Ctrl+Shift+Z", self.tr("Undo / redo the last turn or event, one at a time")),
            ("Enter", self.tr("In the note line: add the note to the timeline")),
        ]
        for et in self.state.event_types if self.state else ():
            if et.hotkey:
                keys.append((et.hotkey.upper(), self.tr("Event: {0}").format(_nl(et.label))))
        return self.tr("Group-session board"), keys

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
