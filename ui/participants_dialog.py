"""Who takes part in a conversation: role, organisation, caption, present or absent,
mandate. Every change is saved at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.drafts import ParticipantChanges
from inspectorapp.domain.enums import Presence
from inspectorapp.domain.snapshots import ParticipantSnapshot
from inspectorapp.domain.visit_views import ParagraphOptions, VisitWorkspace

from . import ops
from .dialogs import fit_to_screen
from .messages import message_for

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

PRESENCE = tuple(Presence)


class ParticipantsDialog(QDialog):
    def __init__(
        self, workspace: Workspace, conversation_id: str, visit: VisitWorkspace, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("participantsDialog")
        self.setWindowTitle(self.tr("Participants"))
        fit_to_screen(self, 900, 420)
        self.workspace = workspace
        self.conversation_id = conversation_id
        self.visit = visit
        self.options: ParagraphOptions | None = None
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Role"),
                self.tr("Organisation"),
                self.tr("Caption"),
                self.tr("Presence"),
                self.tr("Mandate"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("+ Participant"))
        self.add_button.clicked.connect(self.add)
        self.status = QLabel()
        self.status.setObjectName("error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.add_button)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        from inspectorapp.services import notes

        ops.submit(
            workspace,
            notes.paragraph_options,
            conversation_id,
            on_done=self._set_options,
            on_error=self._error,
        )

    def _set_options(self, options: ParagraphOptions) -> None:
        self.options = options
        self.reload()

    def reload(self) -> None:
        from inspectorapp.services import participants

        ops.submit(
            self.workspace,
            participants.list_participants,
            self.conversation_id,
            on_done=self._show,
            on_error=self._error,
        )

    def _show(self, rows: list[ParticipantSnapshot]) -> None:
        assert self.options is not None
        english = QLocale().language() == QLocale.Language.English
        self.table.setRowCount(len(rows))
        for n, p in enumerate(rows):
            role = QComboBox()
            for r in self.options.roles:
                role.addItem(r.en if english else r.nl, r.code)
            role.setCurrentIndex(max(0, role.findData(p.role.code)))
            org = QComboBox()
            org.addItem("—", None)
            for o in self.visit.organisations:
                org.addItem(o.name, o.id)
            org.setCurrentIndex(max(0, org.findData(p.organisation_id)))
            caption = QLineEdit(p.label or "")
            presence = QComboBox()
            for code, text in zip(
                PRESENCE, (self.tr("present"), self.tr("absent"), self.tr("partly")), strict=True
            ):
                presence.addItem(text, code)
            presence.setCurrentIndex(max(0, presence.findData(p.presence)))
            mandate = QCheckBox(self.tr("can decide for the organisation"))
            mandate.setChecked(bool(p.has_mandate))
            pid = p.id
            role.currentIndexChanged.connect(
                lambda _i, c=role, i=pid: self.update(i, ParticipantChanges(role_code=c.currentData()))
            )
            org.currentIndexChanged.connect(
                lambda _i, c=org, i=pid: self.update(i, ParticipantChanges(organisation_id=c.currentData()))
            )
            caption.editingFinished.connect(
                lambda c=caption, i=pid: self.update(i, ParticipantChanges(label=c.text() or None))
            )
            presence.currentIndexChanged.connect(
                lambda _i, c=presence, i=pid: self.update(
                    i, ParticipantChanges(presence=Presence(c.currentData()))
                )
            )
            mandate.toggled.connect(lambda on, i=pid: self.update(i, ParticipantChanges(has_mandate=on)))
            for col, widget in enumerate((role, org, caption, presence, mandate)):
                self.table.setCellWidget(n, col, widget)
        self.table.resizeColumnsToContents()

    def update(self, participant_id: str, changes: ParticipantChanges) -> None:  # type: ignore[override]
        from inspectorapp.services import participants

        ops.submit(
            self.workspace,
            participants.update_participant,
            self.workspace.ctx,
            participant_id,
            changes,
            on_done=lambda _r: self._saved(),
            on_error=self._error,
        )

    def add(self) -> None:
        from inspectorapp.services import participants

        if self.options is None or not self.options.roles:
            return
        ops.submit(
            self.workspace,
            participants.add_participant,
            self.workspace.ctx,
            self.conversation_id,
            self.options.roles[0].code,
            on_done=lambda _r: self._added(),
            on_error=self._error,
        )

    def _added(self) -> None:
        self._saved()
        self.reload()

    def _saved(self) -> None:
        self.status.clear()

    def _error(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))
