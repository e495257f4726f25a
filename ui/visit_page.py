"""The visit workspace: conversations left, notes in the middle, signals right."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.drafts import SignalDraft, SignalPrefill
from inspectorapp.domain.enums import NoteKind, SignalKind, Valence
from inspectorapp.domain.snapshots import NoteAttrs, NoteSnapshot
from inspectorapp.domain.visit_views import (
    ConversationRow,
    GuideQuestion,
    ParagraphEdit,
    ParagraphOptions,
    SavedEdits,
    VisitWorkspace,
)

from . import ops
from .change_bus import ChangeOrigin, bus_of, touches
from .dialogs import open_dialog
from .messages import message_for
from .note_editor import NoteEditor, OnDone, OnError, OnNotes

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

    from .session_board import SessionBoard

# What the visit's lists show (conversations, participants, signals), as change-set entities.
VISIT_SHOWS = ("visit", "conversation", "participant", "signal", "inspection", "organisation")
BOARD_SHOWS = ("speaking_turn", "session_event", "observation_score", "participant")
SIGN: dict[str, str] = {Valence.POSITIVE: "+", Valence.NEGATIVE: "−"}
VALENCE_COLOUR: dict[str, str] = {
    Valence.POSITIVE: "#2e7d32",
    Valence.NEGATIVE: "#d35400",
    Valence.AMBIGUOUS: "#7f8c8d",
}


class VisitPage(QWidget):
    back_requested = Signal()
    signal_requested = Signal(object)  # SignalPrefill for the signal form
    synthesis_requested = Signal(str)  # conversation id
    sync_requested = Signal()  # the user follows the conflict notice to the sync panel

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.setObjectName("visitPage")
        self.workspace = workspace
        self.data: VisitWorkspace | None = None
        self._select_after_load: str | None = None
        self._focus_note: str | None = None
        self.back = QPushButton()
        self.back.setFlat(True)
        self.back.clicked.connect(self.back_requested)
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.heading.setWordWrap(True)
        self.conversations = QListWidget()
        self.conversations.setObjectName("conversationList")
        # Long titles wrap (the list is narrow on a laptop); the tooltip holds the whole line too.
        self.conversations.setWordWrap(True)
        self.conversations.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.conversations.currentItemChanged.connect(lambda item, _prev: self._open_conversation(item))
        self.conversation_title = QLabel()
        self.conversation_title.setWordWrap(True)
        self.save_status = QLabel()
        self.save_status.setObjectName("saveStatus")
        # A save that overlapped a colleague's change keeps their words in the editor and the
        # user's in the sync panel (decision 0007): say so, or the typing seems to vanish.
        self.conflict_notice = QLabel()
        self.conflict_notice.setObjectName("conflictNotice")
        self.conflict_notice.setWordWrap(True)
        self.conflict_notice.setTextFormat(Qt.TextFormat.RichText)
        self.conflict_notice.setStyleSheet("QLabel { background: #fff4ce; padding: 6px; }")
        self.conflict_notice.setVisible(False)
        self.conflict_notice.linkActivated.connect(self._open_sync)
        self.editor = NoteEditor(self._save_notes, self._fetch_notes)
        self.board: SessionBoard | None = None
        self.centre_stack = QStackedWidget()
        self.centre_stack.addWidget(self.editor)
        self.editor.status_changed.connect(self._show_save_status)
        QShortcut(
            QKeySequence("Ctrl+E"),
            self.editor,
            self.edit_paragraph,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.editor.save_failed.connect(lambda exc: self.save_status.setText(message_for(exc)))
        self.signals = QListWidget()
        self.signals.setObjectName("signalList")
        self.signals.setWordWrap(True)
        self.signals.itemActivated.connect(self.open_signal)
        self.signals_label = QLabel()
        self.new_signal = QPushButton()
        self.new_signal.setObjectName("newSignal")
        self.new_signal.clicked.connect(self.request_signal)

        left = QWidget()
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        self.conversations_label = QLabel()
        self.add_conversation = QPushButton()
        self.add_conversation.setObjectName("addConversation")
        self.add_conversation.clicked.connect(self.new_conversation)
        lbox.addWidget(self.conversations_label)
        lbox.addWidget(self.conversations, 1)
        lbox.addWidget(self.add_conversation)
        centre = QWidget()
        cbox = QVBoxLayout(centre)
        cbox.setContentsMargins(0, 0, 0, 0)
        self.participants_button = QPushButton()
        self.participants_button.setObjectName("participantsButton")
        self.participants_button.clicked.connect(self.edit_participants)
        title_row = QHBoxLayout()
        title_row.addWidget(self.conversation_title, 1)
        title_row.addWidget(self.participants_button)
        cbox.addLayout(title_row)
        self.guide_toggle = QPushButton()
        self.guide_toggle.setObjectName("guideToggle")
        self.guide_toggle.setFlat(True)
        self.guide_toggle.setCheckable(True)
        self.guide = QListWidget()
        self.guide.setObjectName("questionGuide")
        self.guide.setWordWrap(True)
        self.guide.setMaximumHeight(140)
        self.guide.setVisible(False)
        self.guide.itemActivated.connect(self._ask)
        self.guide_toggle.toggled.connect(self.guide.setVisible)
        cbox.addWidget(self.guide_toggle, alignment=Qt.AlignmentFlag.AlignLeft)
        cbox.addWidget(self.guide)
        cbox.addWidget(self.conflict_notice)
        cbox.addWidget(self.centre_stack, 1)
        cbox.addWidget(self.save_status, alignment=Qt.AlignmentFlag.AlignRight)
        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.addWidget(self.signals_label)
        rbox.addWidget(self.signals, 1)
        rbox.addWidget(self.new_signal)
        from .attachments_panel import AttachmentsPanel

        self.attachments = AttachmentsPanel(workspace)
        rbox.addWidget(self.attachments)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for w, stretch in ((left, 2), (centre, 5), (right, 3)):
            splitter.addWidget(w)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        bus_of(workspace).changed.connect(self.changes_arrived)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.back.setText(self.tr("← Inspection"))
        self.conversations_label.setText(self.tr("Conversations"))
        self.add_conversation.setText(self.tr("+ Conversation"))
        self.participants_button.setText(self.tr("Participants…"))
        self.conversations.setAccessibleName(self.tr("Conversations"))
        self.editor.setAccessibleName(self.tr("Notes"))
        self.conflict_notice.setText(
            self.tr(
                "Your text clashed with a colleague's change; your version is in "
                '<a href="sync">Sync with the office</a>.'
            )
        )
        self.editor.setPlaceholderText(
            self.tr(
                "Type your notes. Enter starts a new paragraph; Ctrl+1..5 sets its kind "
                "(observation, quote, interpretation, question, action); Ctrl+Q makes the selection a quote."
            )
        )
        self.signals.setAccessibleName(self.tr("Signals"))
        self.new_signal.setText(self.tr("New signal (Ctrl+Shift+S)"))
        if self.data is not None:
            self._show_heading(self.data)

    # ----- loading ----------------------------------------------------------------------
    def open_visit(
        self, visit_id: str, conversation_id: str | None = None, note_id: str | None = None
    ) -> None:
        """Load the visit; optionally show one conversation with the cursor on one paragraph."""
        from inspectorapp.services import visits

        if conversation_id:
            self._select_after_load = conversation_id
        self._focus_note = note_id

        ops.submit(
            self.workspace, visits.visit_workspace, visit_id, on_done=self.show_visit, on_error=self._error
        )

    def show_visit(self, data: VisitWorkspace) -> None:
        if self.data is None or self.data.visit_id != data.visit_id:
            self.attachments.load(data.visit_id)
        self.data = data
        self._show_heading(data)
        current = self.conversations.currentItem()
        current_id = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.conversations.blockSignals(True)
        self.conversations.clear()
        for c in data.conversations:
            item = QListWidgetItem(self._conversation_text(c))
            item.setToolTip(self._conversation_text(c).replace("\n", " "))
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.conversations.addItem(item)
        self.conversations.blockSignals(False)
        ids = [c.id for c in data.conversations]
        wanted = self._select_after_load or current_id
        self._select_after_load = None
        if ids:
            self.conversations.setCurrentRow(ids.index(wanted) if wanted in ids else 0)
        self.signals.clear()
        for s in data.signals:
            marker = "H" if s.kind == SignalKind.HARD else "Z"
            sign = SIGN.get(s.valence, "?")
            item = QListWidgetItem(f"[{marker}{sign}] {s.observation}")
            item.setForeground(QColor(VALENCE_COLOUR.get(s.valence, "#7f8c8d")))
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setToolTip(f"{s.organisation} · {s.observed_at.astimezone():%d-%m-%Y %H:%M} · {s.status}")
            self.signals.addItem(item)
        self.signals_label.setText(self.tr("Signals ({0})").format(len(data.signals)))

    def _show_heading(self, data: VisitWorkspace) -> None:
        kind = self.tr("Visit")
        self.heading.setText(f"{kind} {data.visit_date:%d-%m-%Y} · {data.location} — {data.inspection_title}")

    def _conversation_text(self, c: ConversationRow) -> str:
        when = c.starts_at.astimezone().strftime("%H:%M") if c.starts_at else "--:--"
        kind = c.type_en if QLocale().language() == QLocale.Language.English else c.type_nl
        return f"{when}  {kind}\n{c.title}"

    def _open_conversation(self, item: QListWidgetItem | None) -> None:
        if item is None or self.data is None:
            return
        from inspectorapp.services import notes

        conv_id = item.data(Qt.ItemDataRole.UserRole)
        row = next(c for c in self.data.conversations if c.id == conv_id)
        if row.group_session:
            board = self._ensure_board()
            self.centre_stack.setCurrentWidget(board)
            board.load(conv_id)
        else:
            self.centre_stack.setCurrentWidget(self.editor)
        people = ", ".join(row.participants)
        self.conversation_title.setText(f"{row.title} · {people}" if people else row.title)
        ops.submit(
            self.workspace,
            notes.list_paragraphs,
            conv_id,
            on_done=lambda paras: self._show_notes(conv_id, paras),
            on_error=self._error,
        )

    def _ensure_board(self) -> SessionBoard:
        if self.board is None:
            from .session_board import SessionBoard

            self.board = SessionBoard(self.workspace)
            self.board.signal_requested.connect(self.signal_requested)
            self.board.synthesis_requested.connect(self.synthesis_requested)
            self.centre_stack.addWidget(self.board)
        return self.board

    def _show_notes(self, conversation_id: str, paras: list[NoteSnapshot]) -> None:
        self.editor.load(conversation_id, paras)
        self._load_guide()
        focus, self._focus_note = self._focus_note, None
        ids = [p.id for p in self.editor.paragraphs()]
        if focus in ids:
            block = self.editor.document().findBlockByNumber(ids.index(focus))
            cursor = self.editor.textCursor()
            cursor.setPosition(block.position())
            self.editor.setTextCursor(cursor)
            self.editor.centerCursor()
            self.editor.setFocus()

    def _load_guide(self) -> None:
        from inspectorapp.services import notes

        conv = self.editor.conversation_id
        if conv is not None:
            ops.submit(
                self.workspace, notes.question_guide, conv, on_done=self._show_guide, on_error=self._error
            )

    def _show_guide(self, questions: list[GuideQuestion]) -> None:
        english = QLocale().language() == QLocale.Language.English
        self.guide.clear()
        for q in questions:
            mark = "✓✓" if q.answered else "✓" if q.asked_at else "○"
            item = QListWidgetItem(f"{mark} {q.theme_code} · {q.text_en if english else q.text_nl}")
            item.setData(Qt.ItemDataRole.UserRole, q)
            self.guide.addItem(item)
        asked = sum(1 for q in questions if q.asked_at)
        self.guide_toggle.setText(self.tr("Question guide ({0}/{1} asked)").format(asked, len(questions)))
        in_notes = self.centre_stack.currentWidget() is self.editor  # the board has no guide
        self.guide_toggle.setVisible(bool(questions) and in_notes)
        self.guide.setVisible(self.guide_toggle.isChecked() and in_notes and bool(questions))

    def _ask(self, item: QListWidgetItem) -> None:
        """Ask a guide question: it goes into the notes as a question paragraph with its theme."""
        q: GuideQuestion = item.data(Qt.ItemDataRole.UserRole)
        english = QLocale().language() == QLocale.Language.English
        self.editor.append_paragraph(
            q.text_en if english else q.text_nl, NoteKind.QUESTION, NoteAttrs(theme_codes=(q.theme_code,))
        )
        self.editor.setFocus()
        item.setText("✓" + item.text()[1:])

    def edit_participants(self) -> None:
        conv = self._current_conversation_id()
        if conv is None or self.data is None:
            return
        from .participants_dialog import ParticipantsDialog

        dialog = ParticipantsDialog(self.workspace, conv, self.data, self)
        dialog.finished.connect(lambda _r: self._reopen(conv))
        open_dialog(dialog)

    def _reopen(self, conversation_id: str) -> None:
        if self.data is not None:
            self.open_visit(self.data.visit_id, conversation_id)

    def _current_conversation_id(self) -> str | None:
        item = self.conversations.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def edit_paragraph(self) -> None:
        """Speaker, themes, confidentiality and flags of the paragraph under the cursor."""
        para = self.editor.current_para()
        conv = self.editor.conversation_id
        if para is None or conv is None:
            return
        from inspectorapp.services import notes

        from .paragraph_dialog import ParagraphDialog

        def show(options: ParagraphOptions) -> None:
            dialog = ParagraphDialog(para.attrs, options, self)
            dialog.accepted.connect(lambda: self._apply_attrs(para.id, dialog.result_attrs()))
            open_dialog(dialog)

        ops.submit(self.workspace, notes.paragraph_options, conv, on_done=show, on_error=self._error)

    def _apply_attrs(self, para_id: str, attrs: NoteAttrs) -> None:
        para = next((p for p in self.editor.paragraphs() if p.id == para_id), None)
        if para is not None:
            para.attrs = attrs
            self.editor.gutter.update()
            self.editor.schedule_save()

    def new_conversation(self) -> None:
        if self.data is None:
            return
        from .visit_forms import ConversationForm

        form = ConversationForm(self.workspace, self.data.visit_id, self, visit_date=self.data.visit_date)
        form.saved.connect(self._conversation_added)
        open_dialog(form)

    def _conversation_added(self, conversation_id: str) -> None:
        self._select_after_load = conversation_id  # the visit reloads by itself (changes_arrived)

    # ----- saving -----------------------------------------------------------------------
    def _save_notes(
        self, upserts: list[ParagraphEdit], deletes: list[str], done: OnDone, failed: OnError
    ) -> None:
        from inspectorapp.services import notes

        conv_id = self.editor.conversation_id
        if conv_id is None:  # nothing open (the store is closing): nowhere to save to
            failed(ValueError("no conversation is open"))
            return
        ops.submit(
            self.workspace,
            notes.save_edits,
            self.workspace.ctx,
            conv_id,
            upserts,
            deletes,
            on_done=lambda r: self._saved(r.value, done),
            on_error=failed,
        )

    def _saved(self, result: SavedEdits, done: OnDone) -> None:
        done(result)
        if result.conflicts:
            self.conflict_notice.setVisible(True)

    def _open_sync(self, _link: str = "") -> None:
        self.conflict_notice.setVisible(False)
        self.sync_requested.emit()

    def _fetch_notes(self, conversation_id: str, done: OnNotes, failed: OnError) -> None:
        from inspectorapp.services import notes

        ops.submit(self.workspace, notes.list_paragraphs, conversation_id, on_done=done, on_error=failed)

    def changes_arrived(self, changes: ChangeSet, origin: ChangeOrigin) -> None:
        """Something was written (here, elsewhere in the app, or by a sync): the open visit's
        lists and notes follow the store, unless it was only the editor's own save."""
        if self.data is not None and touches(changes, VISIT_SHOWS):
            self.open_visit(self.data.visit_id)
        if self.board is not None and origin is not ChangeOrigin.LOCAL and touches(changes, BOARD_SHOWS):
            self.board.refresh()  # a colleague's turns and events (the board shows its own taps itself)
        if self.editor.conversation_id is None or not changes.touches("note_paragraph"):
            return
        own = origin is ChangeOrigin.LOCAL and set(changes.entities) == {"note_paragraph"}
        if own and self.editor.own_save(changes.entities["note_paragraph"]):
            return
        self.editor.refresh_from_store()

    def _show_save_status(self, state: str) -> None:
        self.save_status.setText(
            {
                "saving": self.tr("saving…"),
                "saved": self.tr("saved ✓"),
                "failed": self.tr("not saved, retrying"),
            }.get(state, "")
        )

    def flush(self) -> None:
        """Before the store closes: every typed paragraph goes out, in-flight save or not."""
        self.editor.send_everything()
        self.editor.conversation_id = None  # nothing more to send to a closed store

    # ----- signals ----------------------------------------------------------------------
    def request_signal(self) -> None:
        """Open the signal form, prefilled from the selection and the open conversation."""
        if self.data is None:
            return
        cursor = self.editor.textCursor()
        selected = cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n").strip()
        para = self.editor.current_para()
        draft = SignalDraft(
            inspection_id=self.data.inspection_id,
            visit_id=self.data.visit_id,
            conversation_id=self.editor.conversation_id,
            organisation_id=self.data.organisations[0].id if self.data.organisations else None,
        )
        if selected:
            draft = replace(
                draft,
                observation=selected,
                quote=selected if para is not None and para.kind == NoteKind.QUOTE else None,
                note_paragraph_id=para.id if para is not None and para.saved is not None else None,
            )
        self.signal_requested.emit(SignalPrefill(draft))

    def open_signal(self, item: QListWidgetItem) -> None:
        from .signal_detail import SignalDetailDialog

        dialog = SignalDetailDialog(self.workspace, item.data(Qt.ItemDataRole.UserRole), self)
        open_dialog(dialog)

    def _error(self, exc: BaseException) -> None:
        self.save_status.setText(message_for(exc))
