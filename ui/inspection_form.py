"""Preparing an inspection: subject(s), purpose, declared role, themes, team."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.drafts import InspectionDraft, SubjectDraft, TeamMemberDraft
from inspectorapp.domain.enums import InspectionType, InspectorateRole, TeamRole
from inspectorapp.domain.visit_views import InspectionFormOptions

from . import labels, ops
from .messages import message_for

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

TYPES = tuple(InspectionType)
ROLES = tuple(InspectorateRole)


def _checked(widget: QListWidget) -> list[Any]:
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


def _checkable(widget: QListWidget, text: str, data: Any) -> None:
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, data)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Unchecked)
    widget.addItem(item)


class InspectionForm(QDialog):
    created = Signal(str)  # inspection id

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectionForm")
        self.workspace = workspace
        self.setWindowTitle(self.tr("New inspection"))
        self.setMinimumWidth(620)
        self.title = QLineEdit()
        self.kind = QComboBox()
        for code in TYPES:
            self.kind.addItem(labels.inspection_type(code), code)
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(labels.declared_role(role), role)
        self.purpose = QPlainTextEdit()
        self.purpose.setTabChangesFocus(True)
        self.purpose.setMaximumHeight(80)
        self.subjects = QListWidget()
        self.subjects.setMaximumHeight(140)
        self.subjects.setWordWrap(True)  # long names wrap instead of being cut
        self.client_network = QLineEdit()
        self.new_organisation = QLineEdit()
        self.themes = QListWidget()
        self.themes.setMaximumHeight(140)
        self.themes.setWordWrap(True)
        self.team = QLineEdit()
        self.questions = QPlainTextEdit()
        self.questions.setTabChangesFocus(True)
        self.questions.setMaximumHeight(70)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        form = QFormLayout()
        rows = (
            (self.tr("Title"), self.title),
            (self.tr("Type"), self.kind),
            (self.tr("Declared role"), self.role),
            (self.tr("Purpose"), self.purpose),
            (self.tr("Subjects"), self.subjects),
            (self.tr("Or: a new organisation"), self.new_organisation),
            (self.tr("Or: the providers around one client"), self.client_network),
            (self.tr("Themes"), self.themes),
            (self.tr("Team (names, comma separated)"), self.team),
            (self.tr("Open questions"), self.questions),
        )
        for text, widget in rows:
            form.addRow(text, widget)
            widget.setAccessibleName(text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        from inspectorapp.services import preparation

        ops.submit(workspace, preparation.form_options, on_done=self._fill, on_error=self._show_error)

    def _fill(self, options: InspectionFormOptions) -> None:
        english = QLocale().language() == QLocale.Language.English
        for o in options.organisations:
            _checkable(self.subjects, o.name, SubjectDraft(organisation_id=o.id))
        network = self.tr("Network")  # not inside the f-string: lupdate does not look there
        for n in options.networks:
            _checkable(self.subjects, f"{network}: {n.name}", SubjectDraft(network_id=n.id))
        for t in options.themes:
            _checkable(self.themes, f"{t.code} {t.en if english else t.nl}", t.code)

    def draft(self) -> InspectionDraft:
        subjects: list[SubjectDraft] = _checked(self.subjects)
        if self.new_organisation.text().strip():
            subjects.append(SubjectDraft(new_organisation=self.new_organisation.text().strip()))
        if self.client_network.text().strip():
            subjects.append(SubjectDraft(description=self.client_network.text().strip()))
        team = tuple(
            TeamMemberDraft(n.strip(), TeamRole.INSPECTOR) for n in self.team.text().split(",") if n.strip()
        )
        kind, role = self.kind.currentData(), self.role.currentData()
        return InspectionDraft(
            title=self.title.text(),
            inspection_type=InspectionType(kind) if kind else None,
            declared_role=InspectorateRole(role) if role else None,
            purpose=self.purpose.toPlainText(),
            subjects=tuple(subjects),
            open_questions=self.questions.toPlainText() or None,
            theme_codes=tuple(_checked(self.themes)),
            team=team,
        )

    def save(self) -> None:
        from inspectorapp.services import inspections

        ops.submit(
            self.workspace,
            inspections.create_inspection,
            self.workspace.ctx,
            self.draft(),
            on_done=lambda r: self._done(r.value.id),
            on_error=self._show_error,
        )

    def _done(self, inspection_id: str) -> None:
        self.created.emit(inspection_id)
        self.accept()

    def _show_error(self, exc: BaseException) -> None:
        self.error.setText(message_for(exc))
