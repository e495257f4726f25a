"""Which stored paragraph each block of the note editor is: kept in step with the
document through splits, merges, pastes and undo, without Qt in the logic.

Blocks carry no reliable identity in Qt (a merge or an undo resets
``QTextBlock.userState``), so after a structural change the new block texts are
aligned with the previous ones (difflib): unchanged runs keep their paragraph,
edited runs reuse paragraphs in order, extra blocks become new paragraphs and
vanished ones are deleted. A paragraph removed and brought back by undo gets its
own id back when its text matches.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from difflib import SequenceMatcher

from inspectorapp.domain.snapshots import NoteAttrs, NoteSnapshot
from inspectorapp.domain.textmerge import merge3
from inspectorapp.domain.visit_views import ParagraphBase, ParagraphEdit

POSITION_GAP = 1024
LINE_SEPARATOR = "\u2028"  # a line break inside one paragraph (block)
State = tuple[str, str, int, NoteAttrs]  # text, kind, position, attrs


@dataclass
class Para:
    id: str
    kind: str
    occurred_at: datetime
    attrs: NoteAttrs = field(default_factory=NoteAttrs)
    position: int = 0
    text: str = ""
    saved: State | None = None  # what the store holds: the base the text grew from

    def state(self) -> State:
        return (self.text, self.kind, self.position, self.attrs)

    def dirty(self) -> bool:
        if self.saved is None:
            return self.text.strip() != ""  # an empty new paragraph is not worth a row
        return self.saved != self.state()

    def edit(self) -> ParagraphEdit:
        return ParagraphEdit(
            self.id,
            self.position,
            self.kind,
            self.text.replace(LINE_SEPARATOR, "\n"),
            self.occurred_at,
            self.attrs,
            self.base(),
        )

    def base(self) -> ParagraphBase | None:
        if self.saved is None:
            return None
        text, kind, position, attrs = self.saved
        return ParagraphBase(text.replace(LINE_SEPARATOR, "\n"), kind, attrs, position)

    def follow(self, base: State, theirs: State) -> str | None:
        """Take the stored state ``theirs`` (changed elsewhere since ``base``), keeping what
        was typed here since ``base``. Returns the text to show, or None when the typing
        overlaps the change: then nothing changes here, and the next save (still on its
        old base) keeps the typed text as a local conflict in the store."""
        text, kind, position, attrs = theirs
        if self.text != base[0]:
            merged = merge3(base[0], self.text, text)
            if merged is None:
                return None
            text = merged
        self.kind = self.kind if self.kind != base[1] else kind
        self.position = self.position if self.position != base[2] else position
        self.attrs = self.attrs if self.attrs != base[3] else attrs
        self.saved = theirs
        return text


def stored_state(note: NoteSnapshot) -> State:
    return (note.text.replace("\n", LINE_SEPARATOR), note.kind, note.position, note.attrs)


def stored_para(note: NoteSnapshot) -> Para:
    para = Para(note.id, note.kind, note.occurred_at, note.attrs, note.position, stored_state(note)[0])
    para.saved = para.state()
    return para


@dataclass
class ParagraphList:
    new_para: Callable[[], Para]
    paras: list[Para] = field(default_factory=list)
    removed: dict[str, Para] = field(default_factory=dict)  # saved paragraphs to delete

    def align(self, texts: Sequence[str]) -> None:
        """Bring ``paras`` in line with the editor's block texts."""
        old = self.paras
        result: list[Para] = []
        matcher = SequenceMatcher(None, [p.text for p in old], list(texts), autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                result.extend(old[i1:i2])
                continue
            reused = old[i1:i2]
            for k, text in enumerate(texts[j1:j2]):
                para = reused[k] if k < len(reused) else self._revive(text) or self.new_para()
                para.text = text
                self.removed.pop(para.id, None)
                result.append(para)
            for para in reused[j2 - j1 :]:
                if para.saved is not None:
                    self.removed[para.id] = para
        self.paras = result

    def _revive(self, text: str) -> Para | None:
        if not text.strip():
            return None
        for pid, para in self.removed.items():
            if para.text == text:
                del self.removed[pid]
                return para
        return None

    def assign_positions(self) -> None:
        """Strictly increasing positions in block order, moving as few paragraphs as possible."""
        last = 0
        for n, para in enumerate(self.paras):
            if para.position > last:
                last = para.position
                continue
            upper = next((p.position for p in self.paras[n + 1 :] if p.position > last), None)
            if upper is None:
                para.position = last + POSITION_GAP
            elif upper - last > 1:
                para.position = (last + upper) // 2
            else:
                self._renumber()
                return
            last = para.position

    def _renumber(self) -> None:
        for n, para in enumerate(self.paras):
            para.position = (n + 1) * POSITION_GAP

    def pending(self) -> tuple[list[Para], list[Para]]:
        """Paragraphs to upsert and to delete now."""
        self.assign_positions()
        return [p for p in self.paras if p.dirty()], list(self.removed.values())
