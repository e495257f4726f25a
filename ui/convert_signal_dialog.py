"""Converting a soft signal into a substantiated finding: the one way a soft signal can
reach a report. The inspector writes the finding and picks the further evidence it
rests on; without reportable evidence besides the signal the conversion is refused."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.enums import EvidenceKind, SignalKind
from inspectorapp.domain.findings_views import EvidenceItem, OutcomeFormOptions
from inspectorapp.domain.report_rules import Exclusion
from inspectorapp.services import findings

from . import ops
from .dialogs import fit_to_screen, open_dialog
from .evidence_picker import EvidencePicker, evidence_line
from .finding_editor import FindingEditor
from .messages import message_for

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace


def convertible(pool: tuple[EvidenceItem, ...]) -> list[EvidenceItem]:
    """Soft signals that are not converted yet and not confidential."""
    return [
        e
        for e in pool
        if e.kind == EvidenceKind.SIGNAL
        and e.subkind == SignalKind.SOFT
        and not e.converted
        and e.exclusion is not Exclusion.CONFIDENTIAL
    ]


class ConvertSignalDialog(QDialog):
    converted = Signal(str)  # the new finding's id

    def __init__(
        self,
        workspace: Workspace,
        inspection_id: str,
        options: OutcomeFormOptions,
        pool: tuple[EvidenceItem, ...],
        signal_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("convertSignalDialog")
        self.setWindowTitle(self.tr("Convert a soft signal into a finding"))
        fit_to_screen(self, 860, 700)
        self.workspace = workspace
        self.inspection_id = inspection_id
        self.pool = pool
        self.options = options
        intro = QLabel(
            self.tr(
                "A soft signal stays internal. It can appear in a report only as a substantiated finding: "
                "write the finding and add at least one further piece of evidence that may be reported."
            )
        )
        intro.setWordWrap(True)
        self.signal = QComboBox()
        self.signal.setObjectName("softSignal")
        self.signal.setAccessibleName(self.tr("Soft signal"))
        # A signal's line can be long: the combo elides it (full text in the tooltip) instead of
        # growing the dialog past the screen.
        self.signal.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.signal.setMinimumContentsLength(40)
        self.signal.view().setTextElideMode(Qt.TextElideMode.ElideRight)
        for item in convertible(pool):
            line = evidence_line(item, options.code_texts).replace("\n", " — ")
            self.signal.addItem(line, item.id)
            self.signal.setItemData(self.signal.count() - 1, line, Qt.ItemDataRole.ToolTipRole)
        self.editor = FindingEditor()
        self.editor.set_options(options)
        self.editor.load(None, options.themes[0].code if options.themes else None)
        self.editor.add_evidence_requested.connect(self._pick)
        self.signal.currentIndexChanged.connect(self._prefill)
        self.signal.currentTextChanged.connect(self.signal.setToolTip)
        if signal_id is not None:
            self.signal.setCurrentIndex(max(0, self.signal.findData(signal_id)))
        self.error = QLabel()
        self.error.setObjectName("convertError")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.convert_button = buttons.addButton(self.tr("Convert"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.convert_button.setObjectName("convertButton")
        buttons.accepted.connect(self._convert)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.signal)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._prefill()

    def _prefill(self) -> None:
        sid = self.signal.currentData()
        item = next((e for e in self.pool if e.id == sid), None)
        if item is not None and not self.editor.see.toPlainText().strip():
            self.editor.see.setPlainText(item.text)
        self.convert_button.setEnabled(sid is not None)

    def _pick(self) -> None:
        chosen = [*self.editor.evidence_keys(), (EvidenceKind.SIGNAL, self.signal.currentData())]
        picker = EvidencePicker(self.pool, self.options.code_texts, chosen, self)
        by_key = {(e.kind, e.id): e for e in self.pool}
        picker.accepted.connect(lambda: self.editor.add_items([by_key[k] for k in picker.picked()]))
        open_dialog(picker)

    def _convert(self) -> None:
        sid = self.signal.currentData()
        if sid is None:
            return
        self.convert_button.setEnabled(False)
        ops.submit(
            self.workspace,
            findings.convert_signal,
            self.workspace.ctx,
            self.inspection_id,
            sid,
            self.editor.fields(),
            on_done=self._done,
            on_error=self._refused,
        )

    def _done(self, result: Any) -> None:
        self.converted.emit(result.value)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.convert_button.setEnabled(True)
        self.error.setText(message_for(exc))
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
