"""One step of follow-up: an intervention on the escalation ladder, the finding it
follows up, a repeat visit, and for a demanded plan of action its assessment."""

from __future__ import annotations

import textwrap
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.decision_rules import accountable, rationale_missing
from inspectorapp.domain.enums import InterventionStatus, PlanAssessment
from inspectorapp.domain.findings_views import FindingView, InterventionView, OutcomeFormOptions
from inspectorapp.domain.framework_codes import ActionTypeCode
from inspectorapp.domain.outcome_drafts import InterventionDraft
from inspectorapp.errors import FieldIssue
from inspectorapp.services import follow_up

from . import labels, ops
from .dialogs import fit_to_screen
from .messages import issue_text, message_for

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

_NO_DATE = QDate(2000, 1, 1)  # shown as "—": the special value of an optional date


def optional_date(value: date | None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setMinimumDate(_NO_DATE)
    edit.setSpecialValueText("—")
    edit.setDate(QDate(value.year, value.month, value.day) if value else _NO_DATE)
    return edit


def date_value(edit: QDateEdit) -> date | None:
    picked = edit.date()
    return None if picked == _NO_DATE else date(picked.year(), picked.month(), picked.day())


def _box(text: str | None, height: int = 60) -> QPlainTextEdit:
    box = QPlainTextEdit(text or "")
    box.setTabChangesFocus(True)
    box.setMaximumHeight(height)
    return box


class InterventionDialog(QDialog):
    saved = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        inspection_id: str,
        options: OutcomeFormOptions,
        found: tuple[FindingView, ...],
        current: InterventionView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("interventionDialog")
        self.setWindowTitle(self.tr("Intervention"))
        fit_to_screen(self, 640, 620)
        self.workspace = workspace
        self.inspection_id = inspection_id
        self.current = current
        c = current
        self.action = QComboBox()
        self.action.setObjectName("interventionAction")
        for a in options.action_types:
            self.action.addItem(f"{labels.ladder_rung(a.parent)} — {labels.code_text(a)}", a.code)
        self.action.setCurrentIndex(
            max(0, self.action.findData(c.action_type if c else ActionTypeCode.HOLD_UP_MIRROR))
        )
        self.organisation = QComboBox()
        self.organisation.addItem(self.tr("— (the network)"), None)
        for o in options.organisations:
            self.organisation.addItem(o.name, o.id)
        self.organisation.setCurrentIndex(
            max(0, self.organisation.findData(c.organisation_id if c else None))
        )
        self.finding = QComboBox()
        self.finding.setObjectName("interventionFinding")
        self.finding.addItem("—", None)
        # A finding's summary is cut at a word boundary; the whole text is its tooltip.
        self.finding.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.finding.setMinimumContentsLength(40)
        for f in found:
            self.finding.addItem(
                f"{f.theme_code} · {textwrap.shorten(f.what_we_see, 70, placeholder=' …')}", f.id
            )
            self.finding.setItemData(self.finding.count() - 1, f.what_we_see, Qt.ItemDataRole.ToolTipRole)
        self.finding.setCurrentIndex(max(0, self.finding.findData(c.finding_id if c else None)))
        self.visit = QComboBox()
        self.visit.addItem("—", None)
        for vid, day, location in options.visits:
            self.visit.addItem(f"{day:%d-%m-%Y} · {location}", vid)
        self.visit.setCurrentIndex(max(0, self.visit.findData(c.visit_id if c else None)))
        self.message = _box(c.intended_message if c else None)
        self.rationale = _box(c.rationale if c else None)
        self.owner = QLineEdit(c.owner or "" if c else "")
        self.planned_on = optional_date(c.planned_on if c else None)
        self.done_on = optional_date(c.done_on if c else None)
        self.status = QComboBox()
        self.status.setObjectName("interventionStatus")
        for code in InterventionStatus:
            self.status.addItem(labels.intervention_status(code), code)
        self.status.setCurrentIndex(max(0, self.status.findData(c.status if c else None)))
        self.assessment = QComboBox()
        self.assessment.setObjectName("planAssessment")
        self.assessment.addItem("—", None)
        for assessment in PlanAssessment:
            self.assessment.addItem(labels.plan_assessment(assessment), assessment)
        self.assessment.setCurrentIndex(max(0, self.assessment.findData(c.assessment if c else None)))
        self.outcome = _box(c.outcome if c else None)
        self.outcome.setObjectName("interventionOutcome")
        self.response = _box(c.institution_response if c else None)
        form = QFormLayout()
        form.addRow(self.tr("Action (ladder rung — action)"), self.action)
        form.addRow(self.tr("Addressed to"), self.organisation)
        form.addRow(self.tr("Follows up finding"), self.finding)
        form.addRow(self.tr("Repeat visit"), self.visit)
        form.addRow(self.tr("Intended message"), self.message)
        form.addRow(self.tr("Rationale"), self.rationale)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Planned on"), self.planned_on)
        form.addRow(self.tr("Done on"), self.done_on)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Plan of action"), self.assessment)
        form.addRow(self.tr("Outcome (reason if rejected)"), self.outcome)
        form.addRow(self.tr("Institution's response"), self.response)
        self.rule = QLabel()
        self.rule.setObjectName("interventionRule")
        self.rule.setWordWrap(True)
        form.addRow("", self.rule)
        self._rungs = {a.code: a.parent for a in options.action_types}
        self.action.currentIndexChanged.connect(lambda _i: self._rule())
        self._rule()
        self.error = QLabel()
        self.error.setObjectName("interventionError")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def fields(self) -> InterventionDraft:
        status, assessment = self.status.currentData(), self.assessment.currentData()
        return InterventionDraft(
            action_type=self.action.currentData(),
            organisation_id=self.organisation.currentData(),
            finding_id=self.finding.currentData(),
            visit_id=self.visit.currentData(),
            intended_message=self.message.toPlainText() or None,
            rationale=self.rationale.toPlainText() or None,
            owner=self.owner.text() or None,
            planned_on=date_value(self.planned_on),
            done_on=date_value(self.done_on),
            status=InterventionStatus(status) if status else InterventionStatus.PLANNED,
            assessment=PlanAssessment(assessment) if assessment else None,
            outcome=self.outcome.toPlainText() or None,
            institution_response=self.response.toPlainText() or None,
        )

    def refusal(self) -> str | None:
        """GEEN_ACTIE and enforcement without a rationale, in the service's words."""
        code = self.action.currentData()
        problem = accountable(code, self._rungs.get(code))
        if problem is None or not rationale_missing(self.rationale.toPlainText()):
            return None
        return issue_text(FieldIssue("rationale", problem))

    def _rule(self) -> None:
        """Say before saving that this action needs a rationale, and why."""
        code = self.action.currentData()
        problem = accountable(code, self._rungs.get(code))
        self.rule.setText(issue_text(FieldIssue("rationale", problem)) if problem else "")
        self.rule.setVisible(problem is not None)

    def _save(self) -> None:
        reason = self.refusal()
        if reason is not None:  # what was typed stays; the service refuses the same
            self.error.setText(reason)
            self.rationale.setFocus()
            return
        ops.submit(
            self.workspace,
            follow_up.save_intervention,
            self.workspace.ctx,
            self.inspection_id,
            self.fields(),
            self.current.id if self.current else None,
            on_done=self._done,
            on_error=lambda exc: self.error.setText(message_for(exc)),
        )

    def _done(self, result: Any) -> None:
        self.saved.emit(result.value)
        self.accept()
