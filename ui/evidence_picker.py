"""Evidence as the inspector sees it: one line per item with what it is, where it comes
from, and whether it can appear in a report (and if not, why)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.enums import EvidenceKind, SignalKind
from inspectorapp.domain.findings_views import EvidenceItem
from inspectorapp.domain.snippets import one_line
from inspectorapp.domain.visit_views import CodeLabel

from . import labels

Key = tuple[str, str]
_INTERNAL = QColor("#8a6d3b")


def evidence_line(item: EvidenceItem, texts: Mapping[str, CodeLabel]) -> str:
    sub = texts.get(item.subkind)
    what = labels.evidence_kind(item.kind)
    if item.kind == EvidenceKind.SIGNAL:
        what += " (" + ("H" if item.subkind == SignalKind.HARD else "Z") + ")"
    elif item.kind == EvidenceKind.NOTE:
        what += f": {labels.note_kind(item.subkind)}"
    elif sub is not None:
        what += f": {labels.code_text(sub)}"
    role = texts.get(item.speaker_role or "")
    said = f" — {labels.code_text(role)}" if role else ""
    when = f"{item.on:%d-%m-%Y}" if item.on else ""
    excerpt = one_line(item.text, 160)
    head = " · ".join(p for p in (what, item.source, when) if p)
    status = labels.exclusion(item.exclusion.value if item.exclusion else None)
    return f"{head}{said}\n{excerpt}" + (f"\n[{status}]" if status else "")


def evidence_item(item: EvidenceItem, texts: Mapping[str, CodeLabel]) -> QListWidgetItem:
    row = QListWidgetItem(evidence_line(item, texts))
    row.setData(Qt.ItemDataRole.UserRole, (item.kind, item.id))
    if item.exclusion is not None:
        row.setForeground(_INTERNAL)
    return row


class EvidencePicker(QDialog):
    """Pick evidence items; typing filters the list (words anywhere in the line)."""

    def __init__(
        self,
        items: Iterable[EvidenceItem],
        texts: Mapping[str, CodeLabel],
        chosen: Iterable[Key],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evidencePicker")
        self.setWindowTitle(self.tr("Add evidence"))
        self.resize(720, 560)
        taken = set(chosen)
        self.filter = QLineEdit()
        self.filter.setObjectName("evidenceFilter")
        self.filter.setPlaceholderText(self.tr("Filter: words, kind, conversation…"))
        self.filter.textChanged.connect(self._apply_filter)
        self.list = QListWidget()
        self.list.setObjectName("evidenceOptions")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(self.tr("Evidence to choose from"))
        for item in items:
            if (item.kind, item.id) in taken:
                continue
            row = evidence_item(item, texts)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(row)
        hint = QLabel(
            self.tr("Brown items stay internal: they support the finding but are not printed in reports.")
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(self._toggle)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def _toggle(self, row: QListWidgetItem) -> None:
        checked = row.checkState() == Qt.CheckState.Checked
        row.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _apply_filter(self, text: str) -> None:
        words = text.lower().split()
        for i in range(self.list.count()):
            row = self.list.item(i)
            line = row.text().lower()
            row.setHidden(not all(w in line for w in words))

    def picked(self) -> list[Key]:
        return [
            tuple(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
