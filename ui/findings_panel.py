"""The findings of an inspection: a list per theme beside the editor. Edits save on
their own a moment after typing stops (and on Ctrl+S); nothing needs a save button."""

from __future__ import annotations

import textwrap
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.enums import JudgementMode
from inspectorapp.domain.findings_views import EvidenceItem, FindingsOverview, FindingView, OutcomeFormOptions
from inspectorapp.domain.outcome_drafts import FindingDraft
from inspectorapp.services import findings, outcome_options

from . import labels, ops
from .dialogs import open_dialog
from .evidence_picker import EvidencePicker
from .finding_editor import FindingEditor
from .messages import message_for

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

AUTOSAVE_MS = 800
SUMMARY_CHARS = 90  # of "What we see" in the list; the whole text is the item's tooltip


def summary(text: str, limit: int) -> str:
    """The text on one line, cut at a word boundary with an ellipsis, never mid-word (a
    no-break space keeps the ellipsis on the last word's line when the list wraps)."""
    return textwrap.shorten(text, limit, placeholder="\u00a0…")


class FindingsPanel(QWidget):
    """Its writes reach the report tab through the change bus (InspectionPage._tabs_changed),
    not through a signal of its own."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.setObjectName("findingsPanel")
        self.workspace = workspace
        self.inspection_id: str | None = None
        self.options: OutcomeFormOptions | None = None
        self.overview: FindingsOverview | None = None
        self.evidence_pool: tuple[EvidenceItem, ...] = ()
        self._saving = False
        self._dirty = False
        self._queued: tuple[str, str | None, FindingDraft] | None = None
        self.mode = QComboBox()
        self.mode.setObjectName("judgementMode")
        self.mode.activated.connect(self._mode_chosen)
        self.new_button = QPushButton()
        self.new_button.setObjectName("newFinding")
        self.new_button.clicked.connect(self.new_finding)
        self.convert_button = QPushButton()
        self.convert_button.setObjectName("convertSignal")
        self.convert_button.clicked.connect(self.convert_signal)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteFinding")
        self.delete_button.clicked.connect(self._delete)
        self.list = QListWidget()
        self.list.setObjectName("findingsList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(self._selected)
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("findingsEmptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setVisible(False)
        self.editor = FindingEditor()
        self.editor.edited.connect(self._edited)
        self.editor.add_evidence_requested.connect(self._pick_evidence)
        self.status = QLabel()
        self.status.setObjectName("findingStatus")
        self.status.setWordWrap(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_now)
        top = QHBoxLayout()
        self.mode_label = QLabel()
        top.addWidget(self.mode_label)
        top.addWidget(self.mode)
        top.addStretch(1)
        top.addWidget(self.convert_button)
        top.addWidget(self.new_button)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.editor, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.delete_button)
        right_box.addLayout(bottom)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.empty_hint)
        left_box.addWidget(self.list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.mode_label.setText(self.tr("Judgement"))
        self.mode.clear()
        self.mode.addItem(self.tr("formative (movement)"), JudgementMode.FORMATIVE)
        self.mode.addItem(self.tr("summative (traffic lights)"), JudgementMode.SUMMATIVE)
        if self.options:
            self.mode.setCurrentIndex(self.mode.findData(self.options.judgement_mode))
        self.new_button.setText(self.tr("+ Finding"))
        self.convert_button.setText(self.tr("Convert soft signal…"))
        self.delete_button.setText(self.tr("Delete finding"))
        self.list.setAccessibleName(self.tr("Findings per theme"))
        self.empty_hint.setText(
            self.tr(
                "No findings yet. Write the first one in the form beside this list: it is saved "
                "once “What we see” has text. “+ Finding” starts another; “Convert soft signal…” "
                "turns a soft signal into a substantiated finding."
            )
        )
        self.editor.retranslate()
        if self.overview:
            self._fill_list(self.overview)

    # loading -------------------------------------------------------------

    def open_inspection(self, inspection_id: str) -> None:
        self.inspection_id = inspection_id
        self.editor.load(None)
        self.reload(select=None)

    def reload(self, select: str | None = None) -> None:
        iid = self.inspection_id
        if iid is None:
            return

        def read(session: Any) -> tuple[OutcomeFormOptions, FindingsOverview, tuple[EvidenceItem, ...]]:
            return (
                outcome_options.outcome_options(session, iid),
                findings.findings_overview(session, iid),
                findings.evidence_options(session, iid),
            )

        ops.submit(self.workspace, read, on_done=partial(self._show, select), on_error=self._error)

    def _show(
        self, select: str | None, data: tuple[OutcomeFormOptions, FindingsOverview, tuple[EvidenceItem, ...]]
    ) -> None:
        self.options, self.overview, self.evidence_pool = data
        self.mode.setCurrentIndex(self.mode.findData(self.options.judgement_mode))
        self.editor.set_options(self.options)
        if self.editor.finding_id is None and not self._dirty:  # an empty form takes the defaults
            self.editor.load(None, self._first_theme())
        self._fill_list(self.overview, select)

    def _fill_list(self, overview: FindingsOverview, select: str | None = None) -> None:
        themes = {t.code: labels.code_text(t) for t in self.options.themes} if self.options else {}
        current = select or self.editor.finding_id
        self.list.blockSignals(True)
        self.list.clear()
        for f in overview.findings:
            internal = sum(1 for e in f.evidence if e.exclusion is not None)
            light = f" · {labels.traffic_light(f.traffic_light)}" if f.traffic_light else ""
            pieces = self.tr("%n piece(s) of evidence", "", len(f.evidence))
            independent = self.tr("from %n independent source(s)", "", f.independent_sources)
            sources = f"{pieces} {independent} " + self.tr("({0} internal)").format(internal)
            first = summary(f.what_we_see, SUMMARY_CHARS)
            judged = f"{labels.movement(f.movement)}{light} · {sources}"
            item = QListWidgetItem(f"{f.theme_code} {themes.get(f.theme_code, '')}\n{judged}\n{first}")
            item.setToolTip(f.what_we_see)
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            self.list.addItem(item)
            if f.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.empty_hint.setVisible(not overview.findings)
        if select is not None:
            self._load_finding(select)

    def _find(self, finding_id: str | None) -> FindingView | None:
        if self.overview is None:
            return None
        return next((f for f in self.overview.findings if f.id == finding_id), None)

    def _selected(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.save_now()  # queued with its own id: safe to show another finding now
        self._dirty = False
        self._load_finding(item.data(Qt.ItemDataRole.UserRole))

    def _load_finding(self, finding_id: str) -> None:
        view = self._find(finding_id)
        if view is not None and not self._dirty:
            self.editor.load(view)
            self.status.setText(self.tr("Saved"))

    # editing -------------------------------------------------------------

    def new_finding(self) -> None:
        self.save_now()
        self._dirty = False
        self.list.clearSelection()
        self.editor.load(None, self._first_theme())
        self.status.setText(self.tr("New finding: it is saved once “What we see” has text."))
        self.editor.see.setFocus()

    def _first_theme(self) -> str | None:
        """A new finding's theme: the inspection's first theme."""
        return self.overview.theme_codes[0] if self.overview and self.overview.theme_codes else None

    def _edited(self) -> None:
        self._dirty = True
        self.status.setText(self.tr("Changed…"))
        self.timer.start()

    def save_now(self) -> None:
        """Queue what the editor shows; saves run one at a time, the newest state wins."""
        self.timer.stop()
        if not self._dirty or self.inspection_id is None:
            return
        fields = self.editor.fields()
        if not fields.what_we_see.strip():
            return
        self._dirty = False
        self._queued = (self.editor.token, self.editor.finding_id, fields)
        self._flush()

    def _flush(self) -> None:
        if self._saving or self._queued is None or self.inspection_id is None:
            return
        token, finding_id, fields = self._queued
        self._queued = None
        self._saving = True
        ops.submit(
            self.workspace,
            findings.save_finding,
            self.workspace.ctx,
            self.inspection_id,
            fields,
            finding_id,
            on_done=partial(self._saved, token),
            on_error=self._save_failed,
        )

    def _saved(self, token: str, result: Any) -> None:
        self._saving = False
        if self.editor.token == token:  # a new finding got its id
            self.editor.finding_id = result.value
        if self._queued is not None and self._queued[0] == token:
            self._queued = (token, result.value, self._queued[2])
        if self._queued is not None:
            self._flush()
            return
        self.status.setText(self.tr("Saved"))
        self.reload(select=None if self._dirty else result.value)

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._dirty = True  # what is on screen stays, and is retried after the next edit
        self.status.setText(message_for(exc))

    def _pick_evidence(self) -> None:
        texts = self.options.code_texts if self.options else {}
        picker = EvidencePicker(self.evidence_pool, texts, self.editor.evidence_keys(), self)
        pool = {(e.kind, e.id): e for e in self.evidence_pool}
        picker.accepted.connect(lambda: self.editor.add_items([pool[k] for k in picker.picked()]))
        open_dialog(picker)

    def _delete(self) -> None:
        if self.editor.finding_id is None:
            return
        fid = self.editor.finding_id
        self._dirty = False
        self.timer.stop()
        self.editor.load(None)
        ops.submit(
            self.workspace,
            findings.delete_finding,
            self.workspace.ctx,
            fid,
            on_done=self._after_change,
            on_error=self._error,
        )

    def _mode_chosen(self, _index: int) -> None:
        if self.inspection_id is None:
            return
        ops.submit(
            self.workspace,
            findings.set_judgement_mode,
            self.workspace.ctx,
            self.inspection_id,
            self.mode.currentData(),
            on_done=self._after_change,
            on_error=self._mode_refused,
        )

    def convert_signal(self, signal_id: str | None = None) -> None:
        if self.inspection_id is None or self.options is None:
            return
        from .convert_signal_dialog import ConvertSignalDialog

        self.save_now()
        dialog = ConvertSignalDialog(
            self.workspace, self.inspection_id, self.options, self.evidence_pool, signal_id, self
        )
        dialog.converted.connect(self._converted)
        open_dialog(dialog)

    def _after_change(self, _result: Any) -> None:
        self.reload()

    def _mode_refused(self, exc: BaseException) -> None:
        self._error(exc)
        self.reload()  # the combo shows the stored mode again

    def _converted(self, finding_id: str) -> None:
        self.reload(select=finding_id)

    def _error(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))
