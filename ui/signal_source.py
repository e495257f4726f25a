"""A signal's source: its type and its key (a complaint-desk case number, a report number).

Both optional. The entrance suggests a type and what the key looks like
(``domain.resurfacing.ENTRANCE_SOURCES``); a suggestion never overrides a type the
inspector chose, and the key is only ever a placeholder until typed.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from inspectorapp.domain import limits
from inspectorapp.domain.enums import SourceType
from inspectorapp.domain.resurfacing import KeyHint, source_for_entrance

from . import labels


class SourceFields(QWidget):
    def __init__(self, source_type: SourceType | None, source_key: str | None) -> None:
        super().__init__()
        self.kind = QComboBox()
        self.kind.setObjectName("signalSourceType")
        self.kind.setAccessibleName(self.tr("Source type"))
        self.kind.addItem("—", None)
        for member in SourceType:
            self.kind.addItem(labels.source_type(member), member.value)
        if source_type:
            self.kind.setCurrentIndex(max(0, self.kind.findData(source_type.value)))
        self.key = QLineEdit(source_key or "")
        self.key.setObjectName("signalSourceKey")
        self.key.setAccessibleName(self.tr("Source key"))
        self.key.setMaxLength(limits.NAME)
        self.chosen = source_type is not None  # given or picked: a suggestion leaves it
        self.kind.activated.connect(lambda _i: setattr(self, "chosen", self.kind.currentData() is not None))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.kind, 1)
        row.addWidget(self.key, 1)
        self.setFocusProxy(self.kind)

    def suggest(self, entrance: str | None) -> None:
        """The entrance's source type (unless one was chosen) and what its key looks like."""
        hint = source_for_entrance(entrance)
        if hint is not None and not self.chosen:
            self.kind.setCurrentIndex(max(0, self.kind.findData(hint.source_type.value)))
        example = hint.example(QDate.currentDate().year()) if hint else ""
        self.key.setPlaceholderText(self._key_text(hint.hint if hint else None, example))

    def _key_text(self, hint: KeyHint | None, example: str) -> str:
        texts = {
            KeyHint.CASE_NUMBER: self.tr("case number"),
            KeyHint.REPORT_NUMBER: self.tr("report number"),
            KeyHint.VISIT: self.tr("visit and date"),
            KeyHint.CONVERSATION: self.tr("conversation and date"),
            KeyHint.REFERENCE: self.tr("where it was found (link, article, data set)"),
        }
        text = texts.get(hint, "") if hint else ""
        return self.tr("{0}, e.g. {1}").format(text, example) if text and example else text

    def source_type(self) -> SourceType | None:
        value = self.kind.currentData()
        return SourceType(value) if value else None

    def source_key(self) -> str | None:
        return self.key.text().strip() or None
