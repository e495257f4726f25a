"""Earlier signals suggested while a signal is captured, keyboard first.

One key links the highlighted suggestion (again: the next link type, then no link), one
dismisses it. A link is only made when the signal is saved (``links()``); what the inspector
linked stays in the list when a later answer no longer has it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from inspectorapp.domain.enums import SignalKind, SignalLinkType, Valence
from inspectorapp.domain.resurfacing import LINK_CYCLE, Suggestion, SuggestionReason
from inspectorapp.domain.snippets import clipped

REASONS = {
    SuggestionReason.STAYS_SOFT: QT_TRANSLATE_NOOP("SuggestionList", "stays soft"),
    SuggestionReason.OPEN_CONCERN: QT_TRANSLATE_NOOP("SuggestionList", "open concern"),
    SuggestionReason.SAME_UNIT: QT_TRANSLATE_NOOP("SuggestionList", "same unit"),
    SuggestionReason.SAME_CATEGORY: QT_TRANSLATE_NOOP("SuggestionList", "same category"),
    SuggestionReason.SIMILAR_TEXT: QT_TRANSLATE_NOOP("SuggestionList", "similar text"),
    SuggestionReason.NETWORK_PARTNER: QT_TRANSLATE_NOOP("SuggestionList", "network partner"),
    SuggestionReason.SAME_ORGANISATION: QT_TRANSLATE_NOOP("SuggestionList", "same organisation"),
}
LINKS = {
    SignalLinkType.RELATED: QT_TRANSLATE_NOOP("SuggestionList", "linked: related to"),
    SignalLinkType.CORROBORATES: QT_TRANSLATE_NOOP("SuggestionList", "linked: corroborates"),
    SignalLinkType.CONTRADICTS: QT_TRANSLATE_NOOP("SuggestionList", "linked: contradicts"),
}
SIGNS = {Valence.POSITIVE: "+", Valence.NEGATIVE: "−"}
ROLE_ID = Qt.ItemDataRole.UserRole


def _tr(text: object) -> str:
    return QCoreApplication.translate("SuggestionList", str(text))


class SuggestionList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relatedSignals")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # rows wrap again when resized
        self.shown: dict[str, Suggestion] = {}
        self.linked: dict[str, SignalLinkType] = {}
        self.dismissed: set[str] = set()
        self._chosen = False  # the inspector moved the highlight: a fresh answer keeps it

    def show_suggestions(self, rows: list[Suggestion]) -> None:
        """A fresh answer: what was linked stays on top; the highlight is on the first, or stays
        on the one the inspector moved it to."""
        current = self.current_id()
        kept = [self.shown[i] for i in self.linked if i in self.shown]
        fresh = [s for s in rows if s.signal_id not in self.linked and s.signal_id not in self.dismissed]
        self.shown = {s.signal_id: s for s in kept + fresh}
        self.clear()
        for s in self.shown.values():
            item = QListWidgetItem(self._text(s))
            item.setData(ROLE_ID, s.signal_id)
            item.setToolTip(s.observation)
            self.addItem(item)
        ids = list(self.shown)
        if ids:
            self.setCurrentRow(ids.index(current) if self._chosen and current in ids else 0)

    def _text(self, s: Suggestion) -> str:
        marker = ("H" if s.kind == SignalKind.HARD else "Z") + SIGNS.get(Valence(s.valence), "?")
        text = clipped(s.observation, 160)
        why = [_tr(REASONS[r]) for r in s.reasons]
        if s.shared_categories:
            why[s.reasons.index(SuggestionReason.SAME_CATEGORY)] += f" ({', '.join(s.shared_categories)})"
        if SuggestionReason.NETWORK_PARTNER in s.reasons:
            text = f"{s.organisation}: {text}"
        link = self.linked.get(s.signal_id)
        head = f"🔗 {_tr(LINKS[link])}\n" if link else ""
        return f"{head}[{marker}] {s.observed_at.astimezone():%d-%m-%Y} {text}\n    {' · '.join(why)}"

    def current_id(self) -> str | None:
        item = self.currentItem()
        return str(item.data(ROLE_ID)) if item is not None else None

    def step(self, step: int) -> None:
        if self.count():
            self._chosen = True
            self.setCurrentRow((max(0, self.currentRow()) + step) % self.count())

    def cycle_link(self) -> SignalLinkType | None:
        """Link the highlighted suggestion; again: the next link type; after the last: no link."""
        sid = self.current_id()
        if sid is None:
            return None
        now = self.linked.get(sid)
        steps = (*LINK_CYCLE, None)
        nxt = steps[(steps.index(now) + 1) % len(steps)] if now else LINK_CYCLE[0]
        if nxt is None:
            self.linked.pop(sid)
        else:
            self.linked[sid] = nxt
        item = self.currentItem()
        item.setText(self._text(self.shown[sid]))
        return nxt

    def take_current(self) -> str | None:
        """Remove the highlighted suggestion (dismissed): not shown again in this form."""
        sid = self.current_id()
        if sid is None:
            return None
        row = self.currentRow()
        self.takeItem(row)
        self.shown.pop(sid, None)
        self.linked.pop(sid, None)
        self.dismissed.add(sid)
        if self.count():
            self.setCurrentRow(min(row, self.count() - 1))
        return sid

    def links(self) -> tuple[tuple[str, SignalLinkType], ...]:
        return tuple(self.linked.items())
