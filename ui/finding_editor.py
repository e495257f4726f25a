"""One finding: wat zien we / wat vinden we ervan / hoe nu verder, the judgement, to whom
it is addressed, and the evidence it rests on. A view only: the panel saves."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.enums import AddressedTo, EvidenceKind, JudgementMode, Movement, TrafficLight
from inspectorapp.domain.findings_views import EvidenceItem, FindingView, OutcomeFormOptions
from inspectorapp.domain.outcome_drafts import FindingDraft
from inspectorapp.ids import new_id

from . import labels
from .evidence_picker import Key, evidence_item

MOVEMENTS = (Movement.NOT_ASSESSED, Movement.PROGRESS, Movement.STABLE, Movement.DECLINE)
LIGHTS = (None, TrafficLight.GREEN, TrafficLight.AMBER, TrafficLight.RED)


def _text_box(name: str, height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


class FindingEditor(QWidget):
    edited = Signal()
    add_evidence_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("findingEditor")
        self.finding_id: str | None = None
        self.token = new_id()
        self.converted_signal_id: str | None = None
        self.options: OutcomeFormOptions | None = None
        self._loading = False
        self.theme = QComboBox()
        self.theme.setObjectName("findingTheme")
        self.see = _text_box("whatWeSee", 90)
        self.think = _text_box("whatWeThink", 80)
        self.next = _text_box("whatNext", 70)
        self.movement = QComboBox()
        self.movement.setObjectName("findingMovement")
        self.light = QComboBox()
        self.light.setObjectName("findingTrafficLight")
        self.addressed = QComboBox()
        self.addressed.setObjectName("findingAddressedTo")
        self.organisation = QComboBox()
        self.organisation.setObjectName("findingOrganisation")
        self.context = _text_box("contextFactors", 40)
        self.national = _text_box("nationalPoints", 40)
        for small in (self.context, self.national):
            small.setMaximumHeight(52)
        self.evidence = QListWidget()
        self.evidence.setObjectName("findingEvidence")
        self.evidence.setWordWrap(True)
        self.evidence.setAlternatingRowColors(True)
        self.evidence.setMinimumHeight(120)
        self.add_evidence = QPushButton()
        self.add_evidence.setObjectName("addEvidence")
        self.add_evidence.clicked.connect(self.add_evidence_requested)
        self.remove_evidence = QPushButton()
        self.remove_evidence.setObjectName("removeEvidence")
        self.remove_evidence.clicked.connect(self._remove_selected)
        self.converted = QLabel()
        self.converted.setObjectName("convertedNote")
        self.converted.setWordWrap(True)
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(9)]
        judgement = QHBoxLayout()
        judgement.addWidget(self.movement)
        judgement.addWidget(self.light)
        judgement.addStretch(1)
        addressed = QHBoxLayout()
        addressed.addWidget(self.addressed)
        addressed.addWidget(self.organisation, 1)
        self.form.addRow(self._labels[0], self.theme)
        self.form.addRow(self._labels[1], self.see)
        self.form.addRow(self._labels[2], self.think)
        self.form.addRow(self._labels[3], self.next)
        self.form.addRow(self._labels[4], judgement)
        self.form.addRow(self._labels[5], addressed)
        self.form.addRow(self._labels[6], self.context)
        self.form.addRow(self._labels[7], self.national)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_evidence)
        buttons.addWidget(self.remove_evidence)
        buttons.addStretch(1)
        # The fields scroll, the evidence buttons stay: the editor fits a 768 px high screen.
        fields = QWidget()
        fields_box = QVBoxLayout(fields)
        fields_box.setContentsMargins(0, 0, 0, 0)
        fields_box.addLayout(self.form)
        fields_box.addWidget(self._labels[8])
        fields_box.addWidget(self.converted)
        fields_box.addWidget(self.evidence, 1)
        self.fields_area = QScrollArea()
        self.fields_area.setObjectName("findingFields")
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setFrameShape(QFrame.Shape.NoFrame)
        self.fields_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fields_area.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.fields_area, 1)
        layout.addLayout(buttons)
        for box in (self.see, self.think, self.next, self.context, self.national):
            box.textChanged.connect(self._changed)
        for combo in (self.theme, self.movement, self.light, self.addressed, self.organisation):
            combo.currentIndexChanged.connect(self._changed)
        self.addressed.currentIndexChanged.connect(self._sync_party)
        self.retranslate()

    def retranslate(self) -> None:
        for label, text in zip(
            self._labels,
            (
                self.tr("Theme"),
                self.tr("What we see"),
                self.tr("What we think of it"),
                self.tr("What next"),
                self.tr("Judgement"),
                self.tr("Addressed to"),
                self.tr("Context factors"),
                self.tr("Raise nationally"),
                self.tr("Evidence (brown: stays internal)"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.add_evidence.setText(self.tr("+ Evidence…"))
        self.remove_evidence.setText(self.tr("Remove evidence"))
        self.evidence.setAccessibleName(self.tr("Evidence of this finding"))
        self.see.setAccessibleName(self.tr("What we see"))
        self.think.setAccessibleName(self.tr("What we think of it"))
        self.next.setAccessibleName(self.tr("What next"))
        with self._quiet():
            self._fill(self.movement, [(labels.movement(m), m) for m in MOVEMENTS])
            self._fill(
                self.light,
                [(self.tr("no traffic light") if c is None else labels.traffic_light(c), c) for c in LIGHTS],
            )
            self._fill(
                self.addressed,
                [(self.tr("the network"), AddressedTo.NETWORK), (self.tr("one party"), AddressedTo.PARTY)],
            )

    def _quiet(self) -> _Quiet:
        return _Quiet(self)

    @staticmethod
    def _fill(combo: QComboBox, entries: list[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.clear()
        for text, data in entries:
            combo.addItem(text, data)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))

    def set_options(self, options: OutcomeFormOptions) -> None:
        self.options = options
        with self._quiet():
            self._fill(self.theme, [(f"{t.code} {labels.code_text(t)}", t.code) for t in options.themes])
            self._fill(self.organisation, [(o.name, o.id) for o in options.organisations])
        summative = options.judgement_mode == JudgementMode.SUMMATIVE
        self.light.setVisible(summative)
        if not summative:
            self.light.setCurrentIndex(0)

    def load(self, view: FindingView | None, theme_code: str | None = None) -> None:
        """Show a finding (or an empty one for ``theme_code``)."""
        with self._quiet():
            self.token = new_id()  # identifies this editing session until the finding has an id
            self.finding_id = view.id if view else None
            self.converted_signal_id = view.converted_signal_id if view else None
            self.theme.setCurrentIndex(max(0, self.theme.findData(view.theme_code if view else theme_code)))
            self.see.setPlainText(view.what_we_see if view else "")
            self.think.setPlainText(view.what_we_think if view else "")
            self.next.setPlainText(view.what_next if view else "")
            self.movement.setCurrentIndex(max(0, self.movement.findData(view.movement if view else None)))
            self.light.setCurrentIndex(max(0, self.light.findData(view.traffic_light if view else None)))
            # A new finding starts addressed as the inspection's subjects suggest (outcome_options).
            options = self.options
            addressed = view.addressed_to if view else options.default_addressed_to if options else None
            organisation = (
                view.organisation_id if view else options.default_organisation_id if options else None
            )
            self.addressed.setCurrentIndex(max(0, self.addressed.findData(addressed)))
            self.organisation.setCurrentIndex(max(0, self.organisation.findData(organisation)))
            self.context.setPlainText((view.context_factors or "") if view else "")
            self.national.setPlainText((view.national_points or "") if view else "")
            self.set_evidence(view.evidence if view else ())
        self._sync_party()
        self.converted.setVisible(bool(self.converted_signal_id))
        self.converted.setText(
            self.tr("This finding substantiates a soft signal; that signal may therefore appear in reports.")
        )

    def set_evidence(self, items: tuple[EvidenceItem, ...] | list[EvidenceItem]) -> None:
        texts = self.options.code_texts if self.options else {}
        self.evidence.clear()
        for item in items:
            self.evidence.addItem(evidence_item(item, texts))

    def add_items(self, items: list[EvidenceItem]) -> None:
        texts = self.options.code_texts if self.options else {}
        for item in items:
            self.evidence.addItem(evidence_item(item, texts))
        self._changed()

    def evidence_keys(self) -> list[Key]:
        return [
            tuple(self.evidence.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.evidence.count())
        ]

    def _remove_selected(self) -> None:
        row = self.evidence.currentRow()
        if row >= 0:
            self.evidence.takeItem(row)
            self._changed()

    def _sync_party(self) -> None:
        self.organisation.setEnabled(self.addressed.currentData() == AddressedTo.PARTY)

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _summative(self) -> bool:
        return self.options is not None and self.options.judgement_mode == JudgementMode.SUMMATIVE

    def fields(self) -> FindingDraft:
        addressed, movement = self.addressed.currentData(), self.movement.currentData()
        light = self.light.currentData() if self._summative() else None
        party = addressed == AddressedTo.PARTY
        return FindingDraft(
            theme_code=self.theme.currentData(),
            what_we_see=self.see.toPlainText(),
            what_we_think=self.think.toPlainText(),
            what_next=self.next.toPlainText(),
            movement=Movement(movement) if movement else Movement.NOT_ASSESSED,
            traffic_light=TrafficLight(light) if light else None,
            addressed_to=AddressedTo(addressed) if addressed else AddressedTo.NETWORK,
            organisation_id=self.organisation.currentData() if party else None,
            context_factors=self.context.toPlainText() or None,
            national_points=self.national.toPlainText() or None,
            evidence=tuple((EvidenceKind(kind), ref) for kind, ref in self.evidence_keys()),
        )


class _Quiet:
    """Loading values into the widgets is not an edit."""

    def __init__(self, editor: FindingEditor) -> None:
        self.editor = editor

    def __enter__(self) -> None:
        self.editor._loading = True

    def __exit__(self, *exc: object) -> None:
        self.editor._loading = False
