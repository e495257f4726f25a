"""Changes of the note editor's document that are not typing: a paragraph's text taken
from the store, paragraphs added or removed elsewhere. Each keeps the user's cursor
where it was; the caller keeps the paragraph list in step and the change out of the
autosave (decision 0007)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from .paragraph_model import Para


def set_text(doc: QTextDocument, number: int, text: str) -> None:
    """Replace only the part of block ``number`` that differs: a cursor before or after it
    stays by its words."""
    block = doc.findBlockByNumber(number)
    old = block.text()
    start = 0
    while start < min(len(old), len(text)) and old[start] == text[start]:
        start += 1
    end = 0
    while end < min(len(old), len(text)) - start and old[-1 - end] == text[-1 - end]:
        end += 1
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + start)
    cursor.setPosition(block.position() + len(old) - end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text[start : len(text) - end])


def insert(editor: QPlainTextEdit, paras: list[Para], para: Para) -> None:
    """A paragraph from elsewhere, placed by its position among the others."""
    doc = editor.document()
    if len(paras) == 1 and paras[0].saved is None and not paras[0].text:  # an empty new editor
        QTextCursor(doc).insertText(para.text)
        paras[0] = para
        return
    index = next((n for n, p in enumerate(paras) if p.position > para.position), len(paras))
    if index < len(paras):  # text and a break at the start of that block: cursors in it stay with it
        cursor = QTextCursor(doc.findBlockByNumber(index))
        cursor.insertText(para.text)
        cursor.insertBlock()
    else:  # at the end: the user's cursor must not move into the new block
        mine = editor.textCursor()
        anchor, position = mine.anchor(), mine.position()
        cursor = QTextCursor(doc)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertBlock()
        cursor.insertText(para.text)
        mine.setPosition(anchor)
        mine.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(mine)
    paras.insert(index, para)


def remove(editor: QPlainTextEdit, paras: list[Para], para: Para, new_para: Callable[[], Para]) -> None:
    """A paragraph deleted elsewhere (the store has deleted it already)."""
    number = paras.index(para)
    block = editor.document().findBlockByNumber(number)
    cursor = QTextCursor(block)
    if len(paras) == 1:  # the editor keeps one (empty, new) paragraph
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        paras[0] = new_para()
        paras[0].text = ""
        return
    if number < len(paras) - 1:  # the block and the break after it
        cursor.setPosition(block.next().position(), QTextCursor.MoveMode.KeepAnchor)
    else:  # the last block and the break before it
        cursor.setPosition(block.position() - 1)
        cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    paras.remove(para)
