"""After the session: the synthesis on the observation scheme. Each change is saved
at once; a non-neutral score needs evidence picked from the session's timeline
(notes and events), and the store refuses it otherwise. A saved score is released for the
report (or kept internal / confidential) with its "Report" button (ui.report_release)."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.enums import EvidenceKind
from inspectorapp.domain.framework_codes import Scale
from inspectorapp.domain.outcome_drafts import ScoreDraft
from inspectorapp.domain.snapshots import Label, SchemeItem, SchemeSection, ScoreSnapshot, TimelineItem

from . import ops
from .dialogs import fit_to_screen
from .messages import message_for
from .report_release import ReportRelease

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

EVIDENCE_KIND = {"note": EvidenceKind.NOTE, "event": EvidenceKind.SESSION_EVENT}


def _t(label: Label | None) -> str:
    if label is None:
        return ""
    return label.en if QLocale().language() == QLocale.Language.English else label.nl


class EvidencePicker(QDialog):
    def __init__(self, items: list[TimelineItem], chosen: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Evidence from the session"))
        self.setMinimumSize(620, 420)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        for it in items:
            if it.kind not in EVIDENCE_KIND or it.ref_id is None:
                continue
            code = f"[{it.code}] " if it.kind == "event" else ""
            entry = QListWidgetItem(f"{it.at.astimezone():%H:%M} {code}{it.text}")
            entry.setData(Qt.ItemDataRole.UserRole, (EVIDENCE_KIND[it.kind], it.ref_id))
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if it.ref_id in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(entry)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> list[tuple[str, str]]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


class _Row:
    """The controls of one scheme item."""

    def __init__(self, form: SynthesisForm, item: SchemeItem, grid: QGridLayout, row: int) -> None:
        self.form = form
        self.item = item
        self.score: ScoreSnapshot | None = item.score
        score = item.score
        self.evidence: list[tuple[str, str]] = [(e.kind, e.id) for e in score.evidence] if score else []
        name = QLabel(f"{item.code} {_t(item.label)}")
        name.setWordWrap(True)
        if item.description:
            name.setToolTip(_t(item.description))
        self.value = self._value_control()
        self.comment = QLineEdit(score.comment or "" if score else "")
        self.comment.setPlaceholderText(QCoreApplication.translate("SynthesisForm", "evidence in words"))
        self.comment.editingFinished.connect(self.save)
        self.evidence_button = QPushButton()
        self.evidence_button.clicked.connect(self.pick_evidence)
        self.release = QToolButton()
        self.release.setObjectName(f"release_{item.code}")
        self.release.setToolTip(
            QCoreApplication.translate(
                "SynthesisForm", "Release this score for the report, or set its confidentiality"
            )
        )
        self.release.clicked.connect(self.release_menu)
        self.status = QLabel()
        self.status.setObjectName("error")
        self.status.setWordWrap(True)
        self.discussed = QCheckBox(QCoreApplication.translate("SynthesisForm", "discussed"))
        self.deliberate = QCheckBox(QCoreApplication.translate("SynthesisForm", "deliberate choice"))
        for box, flag in (
            (self.discussed, score.discussed if score else None),
            (self.deliberate, score.deliberate_choice if score else None),
        ):
            box.setChecked(bool(flag))
            box.setVisible(item.taxonomy == "dilemma")
            box.toggled.connect(lambda _on: self.save())
        widgets = (name, self.value, self.evidence_button, self.comment, self.release, self.discussed)
        for col, widget in enumerate((*widgets, self.deliberate)):
            grid.addWidget(widget, row * 2, col)
            widget.setAccessibleName(f"{item.code} {_t(item.label)}")
        grid.addWidget(self.status, row * 2 + 1, 0, 1, 7)
        self._update_evidence_text()
        self.show_score(self.score)

    def _value_control(self) -> QWidget:
        item, score = self.item, self.item.score
        current = score.value if score else None
        if item.scale in (Scale.COUNT, Scale.PERCENT):
            spin = QSpinBox()
            spin.setRange(-1, 100 if item.scale == Scale.PERCENT else 100000)
            spin.setSpecialValueText("—")
            spin.setValue(current if current is not None else -1)
            spin.editingFinished.connect(self.save)
            return spin
        if item.scale == Scale.TEXT:
            return QLabel("")
        combo = QComboBox()
        combo.addItem("—", None)
        if item.scale == Scale.PRESENCE:
            for v, text in (
                (0, QCoreApplication.translate("SynthesisForm", "0 not observed")),
                (1, QCoreApplication.translate("SynthesisForm", "1 somewhat")),
                (2, QCoreApplication.translate("SynthesisForm", "2 clearly")),
            ):
                combo.addItem(text, v)
            combo.addItem(QCoreApplication.translate("SynthesisForm", "not applicable"), "NVT")
        elif item.scale == Scale.BIPOLAR:
            a, b = item.poles or (None, None)
            for v in (-2, -1, 0, 1, 2):
                pole = (
                    _t(a)
                    if v < 0
                    else _t(b)
                    if v > 0
                    else QCoreApplication.translate("SynthesisForm", "balanced")
                )
                combo.addItem(f"{v:+d} {pole}" if v else f"0 {pole}", v)
        elif item.scale == Scale.BOOL:
            combo.addItem(QCoreApplication.translate("SynthesisForm", "yes"), 1)
            combo.addItem(QCoreApplication.translate("SynthesisForm", "no"), 0)
        else:  # ENUM, REF: a code
            for option in item.options:
                combo.addItem(_t(option), option.code)
        wanted: Any = (
            "NVT" if score and score.not_applicable else (score.value_code or current if score else None)
        )
        if score and item.scale in (Scale.PRESENCE, Scale.BIPOLAR, Scale.BOOL) and not score.not_applicable:
            wanted = current
        index = combo.findData(wanted)
        combo.setCurrentIndex(index if index >= 0 else 0)
        # Long pole texts do not widen the form past the screen: the combo elides, the tooltip tells.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        for n in range(combo.count()):
            combo.setItemData(n, combo.itemText(n), Qt.ItemDataRole.ToolTipRole)
        combo.setToolTip(combo.currentText())
        combo.currentTextChanged.connect(combo.setToolTip)
        combo.currentIndexChanged.connect(lambda _i: self.save())
        return combo

    def values(self) -> ScoreDraft:
        """The score the row shows, with its evidence."""
        value: int | None = None
        code: str | None = None
        not_applicable = False
        if isinstance(self.value, QSpinBox):
            value = None if self.value.value() < 0 else self.value.value()
        elif isinstance(self.value, QComboBox):
            data = self.value.currentData()
            if data == "NVT":
                not_applicable = True
            elif isinstance(data, int):
                value = data
            elif isinstance(data, str):
                code = data
        dilemma = self.item.taxonomy == "dilemma"
        return ScoreDraft(
            value=value,
            value_code=code,
            not_applicable=not_applicable,
            discussed=self.discussed.isChecked() if dilemma else None,
            deliberate_choice=self.deliberate.isChecked() if dilemma else None,
            comment=self.comment.text().strip() or None,
            evidence=tuple((EvidenceKind(kind), ref) for kind, ref in self.evidence),
        )

    def save(self) -> None:
        self.form.save_row(self)

    def pick_evidence(self) -> None:
        picker = EvidencePicker(self.form.timeline, {i for _, i in self.evidence}, self.form)
        if picker.exec() == QDialog.DialogCode.Accepted:
            self.evidence = picker.chosen()
            self._update_evidence_text()
            self.save()

    def show_score(self, score: ScoreSnapshot | None) -> None:
        """The report state beside the score: released, internal or confidential."""
        self.score = score
        self.release.setEnabled(score is not None)
        marker = self.form.release.marker(score.for_report, score.confidentiality) if score else ""
        self.release.setText(marker + " ▾" if score else "—")

    def saved(self, score: ScoreSnapshot) -> None:
        self.status.setText("")
        self.show_score(score)

    def release_menu(self) -> None:
        if self.score is None:
            return
        self.status.setText("")
        self.form.releasing = self
        s, release = self.score, self.form.release
        menu = release.menu("observation_score", s.id, s.for_report, s.confidentiality, self.release)
        menu.popup(self.release.mapToGlobal(self.release.rect().bottomLeft()))

    def _update_evidence_text(self) -> None:
        self.evidence_button.setText(self.form.evidence_text(len(self.evidence)))


class SynthesisForm(QDialog):
    def __init__(self, workspace: Workspace, conversation_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("synthesisForm")
        self.setWindowTitle(self.tr("Synthesis of the session"))
        fit_to_screen(self, 1100, 700)
        self.workspace = workspace
        self.conversation_id = conversation_id
        self.rows: dict[str, _Row] = {}
        self.release = ReportRelease(workspace, self)
        self.release.changed.connect(self._released)
        self.release.failed.connect(self._release_failed)
        self.releasing: _Row | None = None  # the row whose report menu was used last
        self.timeline: list[TimelineItem] = []
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        intro = QLabel(
            self.tr(
                "Every change is saved at once. A score other than neutral needs evidence "
                "from the session: use the Evidence button."
            )
        )
        intro.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(close)
        from inspectorapp.services import group_sessions

        ops.submit(
            workspace,
            partial(group_sessions.timeline, with_turns=False),
            conversation_id,
            on_done=self._set_timeline,
            on_error=self._error,
        )
        ops.submit(
            workspace, group_sessions.synthesis, conversation_id, on_done=self._build, on_error=self._error
        )

    def evidence_text(self, count: int) -> str:
        """The Evidence button's text; in the form's own context so the translation is found."""
        return self.tr("Evidence (%n)", "", count)

    def _set_timeline(self, items: list[TimelineItem]) -> None:
        self.timeline = items

    def _build(self, sections: list[SchemeSection]) -> None:
        for section in sections:
            box = QGroupBox(f"{section.code} {_t(section.label)}")
            grid = QGridLayout(box)
            grid.setColumnStretch(0, 3)
            grid.setColumnStretch(3, 2)
            for n, item in enumerate(section.items):
                self.rows[item.code] = _Row(self, item, grid, n)
            self.body_layout.addWidget(box)
        self.body_layout.addStretch(1)

    def save_row(self, row: _Row) -> None:
        from inspectorapp.services import group_sessions

        draft = row.values()
        row.status.setText(self.tr("saving…"))
        ops.submit(
            self.workspace,
            group_sessions.save_score,
            self.workspace.ctx,
            self.conversation_id,
            row.item.code,
            draft,
            on_done=lambda r: row.saved(r.value),
            on_error=lambda exc: row.status.setText(message_for(exc)),
        )

    def _released(self, score_id: str, for_report: bool, confidentiality: str) -> None:
        for row in self.rows.values():
            if row.score is not None and row.score.id == score_id:
                row.show_score(replace(row.score, for_report=for_report, confidentiality=confidentiality))

    def _release_failed(self, message: str) -> None:
        if self.releasing is not None:
            self.releasing.status.setText(message)

    def _error(self, exc: BaseException) -> None:
        label = QLabel(message_for(exc))
        label.setObjectName("error")
        self.body_layout.addWidget(label)
