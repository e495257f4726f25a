"""The note editor: one block per timestamped paragraph, autosaved while typing.

Edits are written within ~300 ms of the last keystroke and at least once a second
during continuous typing; there is no save button. One save is in flight at a
time, so saves reach the store in order. Text undo/redo is the document's own
stack, and an undone edit is saved like any other.

Every save carries its base (what the store held when this text was loaded or last
saved). When something else writes the paragraphs (a sync pull, "keep mine"), the
editor takes the stored text, merged with what was typed meanwhile; a save whose base
is no longer stored is merged by the service, or kept as a local conflict (decision 0007).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from inspectorapp.clock import utc_now
from inspectorapp.domain.enums import Confidentiality, NoteKind
from inspectorapp.domain.snapshots import NoteAttrs, NoteSnapshot
from inspectorapp.domain.visit_views import ParagraphEdit, SavedEdits
from inspectorapp.ids import new_id

from . import note_blocks
from .paragraph_model import Para, ParagraphList, State, stored_para, stored_state

DEBOUNCE_MS = 300
MAX_WAIT_MS = 1000
RETRY_MS = 2000
KINDS = (
    NoteKind.OBSERVATION,
    NoteKind.QUOTE,
    NoteKind.INTERPRETATION,
    NoteKind.QUESTION,
    NoteKind.ACTION,
)  # Ctrl+1..5
KIND_LETTER: dict[str, str] = {
    NoteKind.OBSERVATION: "W",
    NoteKind.QUOTE: "C",
    NoteKind.INTERPRETATION: "I",
    NoteKind.QUESTION: "V",
    NoteKind.ACTION: "A",
}
KIND_COLOUR: dict[str, str] = {
    NoteKind.OBSERVATION: "#5f6b73",
    NoteKind.QUOTE: "#1f6f8b",
    NoteKind.INTERPRETATION: "#8e6c00",
    NoteKind.QUESTION: "#6a4c93",
    NoteKind.ACTION: "#2e7d32",
}

OnDone = Callable[[SavedEdits], None]
OnError = Callable[[BaseException], None]
SaveFn = Callable[[list[ParagraphEdit], list[str], OnDone, OnError], None]
OnNotes = Callable[[list[NoteSnapshot]], None]
FetchFn = Callable[[str, OnNotes, OnError], None]  # the stored paragraphs of a conversation


class _Gutter(QWidget):
    def __init__(self, editor: NoteEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.editor.paint_gutter(event)


def _ignore(_result: SavedEdits) -> None:
    pass


class NoteEditor(QPlainTextEdit):
    save_failed = Signal(object)  # the exception
    status_changed = Signal(str)  # "saving" | "saved" | "failed"

    def __init__(self, save: SaveFn, fetch: FetchFn | None = None) -> None:
        super().__init__()
        self.setObjectName("noteEditor")
        self._save = save
        self._fetch = fetch
        self._model = ParagraphList(self._new_para)
        self._loading = False
        self._in_flight = False
        self._again = False
        self._saves: list[frozenset[str]] = []  # ids of saves whose commit is not announced yet
        self._stale = False  # the store changed underneath: fetch and follow when idle
        self._fetching = False
        self.conversation_id: str | None = None
        self.gutter = _Gutter(self)
        self._debounce = self._timer(DEBOUNCE_MS)
        self._max_wait = self._timer(MAX_WAIT_MS)
        self._retry = self._timer(RETRY_MS)
        self.document().contentsChange.connect(self._on_change)
        self.blockCountChanged.connect(lambda _n: self._update_margins())
        self.updateRequest.connect(self._update_gutter)
        self.setTabChangesFocus(True)
        for n, kind in enumerate(KINDS, start=1):
            QShortcut(
                QKeySequence(f"Ctrl+{n}"),
                self,
                lambda k=kind: self.set_kind(k),
                context=Qt.ShortcutContext.WidgetShortcut,
            )
        QShortcut(QKeySequence("Ctrl+Q"), self, self.make_quote, context=Qt.ShortcutContext.WidgetShortcut)
        self._update_margins()

    def _timer(self, ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(self.flush)
        return timer

    # ----- loading ------------------------------------------------------------------
    def load(self, conversation_id: str, notes: list[NoteSnapshot]) -> None:
        if conversation_id == self.conversation_id and self._fetch is not None:
            self.refresh_from_store()  # shown again: keep typing, cursor and undo; follow the store
            return
        self._detach()
        self._loading = True
        try:
            self.conversation_id = conversation_id
            paras = [stored_para(n) for n in notes]
            self._model = ParagraphList(self._new_para, paras)
            self.setPlainText("\n".join(p.text for p in paras))
            if not paras:
                self._model.align([""])
            self.document().clearUndoRedoStacks()
        finally:
            self._loading = False
        self.moveCursor(self.textCursor().MoveOperation.End)
        self._update_margins()

    def _new_para(self) -> Para:
        # A new paragraph continues the speaker and themes of the one before it.
        before = self.current_para()
        attrs = NoteAttrs(before.attrs.speaker_role, before.attrs.theme_codes) if before else NoteAttrs()
        return Para(new_id(), NoteKind.OBSERVATION, utc_now(), attrs)

    # ----- editing ----------------------------------------------------------------------
    def _texts(self) -> list[str]:
        doc = self.document()
        return [doc.findBlockByNumber(i).text() for i in range(doc.blockCount())]

    def _on_change(self, position: int, removed: int, added: int) -> None:
        if self._loading or self.conversation_id is None:
            return
        paras = self._model.paras
        block = self.document().findBlock(position)
        within_one_block = block.position() <= position and block.contains(position + added)
        if len(paras) == self.document().blockCount() and within_one_block:
            paras[block.blockNumber()].text = block.text()  # typing inside one paragraph
        else:
            self._model.align(self._texts())
        self.gutter.update()
        self.schedule_save()

    def schedule_save(self) -> None:
        self.status_changed.emit("saving")
        self._debounce.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def current_para(self) -> Para | None:
        number = self.textCursor().blockNumber()
        paras = self._model.paras
        return paras[number] if 0 <= number < len(paras) else None

    def set_kind(self, kind: str) -> None:
        para = self.current_para()
        if para is not None and kind in KINDS:
            para.kind = kind
            self.gutter.update()
            self.schedule_save()

    def set_attrs(self, **changes: Any) -> None:
        """Change speaker role, themes, confidentiality or flags of the current paragraph."""
        para = self.current_para()
        if para is not None:
            para.attrs = replace(para.attrs, **changes)
            self.gutter.update()
            self.schedule_save()

    def make_quote(self) -> None:
        """The selection becomes a paragraph of its own, of kind quote."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or "\u2029" in cursor.selectedText():
            self.set_kind(NoteKind.QUOTE)
            return
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        cursor.beginEditBlock()
        cursor.setPosition(end)
        if not cursor.atBlockEnd():
            cursor.insertBlock()
        cursor.setPosition(start)
        if not cursor.atBlockStart():
            cursor.insertBlock()
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.set_kind(NoteKind.QUOTE)

    def append_paragraph(self, text: str, kind: str, attrs: NoteAttrs | None = None) -> None:
        """A new paragraph at the end (e.g. a question from the guide), saved like typing."""
        cursor = self.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        if cursor.block().text().strip():
            cursor.insertBlock()
        cursor.insertText(text)
        self.setTextCursor(cursor)
        para = self.current_para()
        if para is not None:
            para.kind = kind
            if attrs is not None:
                para.attrs = attrs
        self.gutter.update()
        self.schedule_save()

    def paragraphs(self) -> list[Para]:
        return list(self._model.paras)

    # ----- saving -------------------------------------------------------------------------
    def send_everything(self) -> None:
        """Send everything still owed now, even with a save in flight (before the store
        closes or another conversation is shown). The database thread runs saves in
        submission order, so this lands after the one in flight."""
        self._debounce.stop()
        self._max_wait.stop()
        self._retry.stop()
        if self.conversation_id is None:
            return
        upserts, deletes = self._model.pending()
        if upserts or deletes:
            # Its result needs no answer here: the change bus tells the pages what was stored.
            self._save([p.edit() for p in upserts], [p.id for p in deletes], _ignore, self.save_failed.emit)

    def _detach(self) -> None:
        self.send_everything()
        self.conversation_id = None

    def has_unsaved(self) -> bool:
        upserts, deletes = self._model.pending()
        return bool(upserts or deletes) or self._in_flight

    def flush(self) -> None:
        """Send what changed now (idempotent; one save in flight at a time)."""
        self._debounce.stop()
        self._max_wait.stop()
        if self.conversation_id is None:
            return
        if self._in_flight:
            self._again = True
            return
        upserts, deletes = self._model.pending()
        if not upserts and not deletes:
            self.status_changed.emit("saved")
            return
        sent = {p.id: p.state() for p in upserts}
        self._in_flight = True
        self._saves = [*self._saves[-7:], frozenset([*sent, *(p.id for p in deletes)])]
        conversation = self.conversation_id

        def done(result: SavedEdits) -> None:
            self._in_flight = False
            if conversation == self.conversation_id:
                for para in self._model.paras:
                    if para.id in sent:
                        para.saved = sent[para.id]
                for pid in result.deleted:
                    self._model.removed.pop(pid, None)
                self._follow_saved(result, sent)
            if self._again or self.has_unsaved():
                self._again = False
                self.flush()
            else:
                self.status_changed.emit("saved")
            self._maybe_fetch()

        def failed(exc: BaseException) -> None:
            self._in_flight = False
            self.status_changed.emit("failed")
            self.save_failed.emit(exc)
            self._retry.start()
            self._maybe_fetch()

        self._save([p.edit() for p in upserts], [p.id for p in deletes], done, failed)

    # ----- following the store -------------------------------------------------------------
    def own_save(self, note_ids: frozenset[str]) -> bool:
        """Whether a committed local change of these paragraphs is one of this editor's
        saves (each is announced once; nothing to follow then)."""
        if note_ids in self._saves:
            self._saves.remove(note_ids)
            return True
        return False

    def refresh_from_store(self) -> None:
        """Paragraphs were written elsewhere (a sync, "keep mine"): show the stored ones,
        merged with what was typed meanwhile. Fetched when no save is in flight, so the
        list is never older than what this editor sent."""
        self._stale = True
        self._maybe_fetch()

    def _maybe_fetch(self) -> None:
        if not self._stale or self._fetching or self._in_flight or self._fetch is None:
            return
        conversation = self.conversation_id
        if conversation is None:
            return
        self._stale, self._fetching = False, True

        def got(notes: list[NoteSnapshot]) -> None:
            self._fetching = False
            if conversation != self.conversation_id:
                return
            if self._in_flight:  # a save went out after the list was read: read it again
                self._stale = True
            else:
                self._follow_store(notes)
            self._maybe_fetch()

        def failed(exc: BaseException) -> None:
            self._fetching = False
            self.save_failed.emit(exc)

        self._fetch(conversation, got, failed)

    def _follow_saved(self, result: SavedEdits, sent: dict[str, State]) -> None:
        """The save found the paragraphs changed underneath (merged, or kept as the
        colleague wrote them): show what the store holds now, plus any typing since."""
        by_id = {p.id: p for p in self._model.paras}
        changed = False
        for note in result.stored:
            para = by_id.get(note.id)
            if para is not None and note.id in sent:
                changed |= self._follow(para, sent[note.id], stored_state(note))
        if changed:
            self._followed()

    def _follow_store(self, notes: list[NoteSnapshot]) -> None:
        stored = {n.id: n for n in notes}
        changed = False
        for para in list(self._model.paras):
            note = stored.pop(para.id, None)
            if note is None:  # deleted elsewhere: gone here too unless typed in
                if para.saved is not None and not para.dirty():
                    self._edit(partial(note_blocks.remove, self, self._model.paras, para, self._new_para))
                    changed = True
            elif para.saved is not None and para.saved != stored_state(note):
                changed |= self._follow(para, para.saved, stored_state(note))
        for note in sorted(stored.values(), key=lambda n: n.position):
            if note.id not in self._model.removed:  # new elsewhere (not deleted here meanwhile)
                self._edit(partial(note_blocks.insert, self, self._model.paras, stored_para(note)))
                changed = True
        if changed:
            self._followed()

    def _follow(self, para: Para, base: State, theirs: State) -> bool:
        text = para.follow(base, theirs)
        if text is None:
            return False
        if text != para.text:
            number = self._model.paras.index(para)
            self._edit(lambda: note_blocks.set_text(self.document(), number, text))
            para.text = text
        return True

    def _followed(self) -> None:
        # Undoing across a colleague's change would remove their words as a plain edit.
        self.document().clearUndoRedoStacks()
        self.gutter.update()
        upserts, deletes = self._model.pending()
        if upserts or deletes:
            self.schedule_save()  # typing merged into stored text is still to be saved

    def _edit(self, change: Callable[[], object]) -> None:
        """A change of the document that is not typing (the model is updated by the caller)."""
        self._loading = True
        try:
            change()
        finally:
            self._loading = False

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)

    # ----- gutter -------------------------------------------------------------------------
    def gutter_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("00:00  W  ") + 12

    def _update_margins(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self.gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter_width(), cr.height()))

    def paint_gutter(self, event: QPaintEvent) -> None:
        painter = QPainter(self.gutter)
        painter.fillRect(event.rect(), self.palette().alternateBase())
        block = self.firstVisibleBlock()
        paras = self._model.paras
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            n = block.blockNumber()
            if block.isVisible() and n < len(paras):
                para = paras[n]
                local: datetime = para.occurred_at.astimezone()
                painter.setPen(self.palette().placeholderText().color())
                painter.drawText(4, top, 44, height, Qt.AlignmentFlag.AlignLeft, local.strftime("%H:%M"))
                painter.setPen(QColor(KIND_COLOUR.get(para.kind, "#5f6b73")))
                painter.drawText(
                    50, top, 20, height, Qt.AlignmentFlag.AlignLeft, KIND_LETTER.get(para.kind, "?")
                )
                if para.attrs.confidentiality == Confidentiality.RESTRICTED:
                    painter.drawText(58, top, 10, height, Qt.AlignmentFlag.AlignLeft, "B")
                if para.dirty():
                    painter.drawText(64, top, 10, height, Qt.AlignmentFlag.AlignLeft, "•")
            top += round(self.blockBoundingRect(block).height())
            block = block.next()
        painter.end()
