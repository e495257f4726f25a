"""+ Overleg / Edit overleg: kind, date, title, chair, participants (one per line), notes and
the agenda (organisations and networks; add, remove, move up and down). Saves the whole
overleg at once (services/deliberations.py); problems come back as translated messages."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.deliberation_views import DeliberationDraft, DeliberationView, SubjectOption
from inspectorapp.domain.enums import DeliberationKind
from inspectorapp.domain.snapshots import OpResult
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from inspectorapp.services import deliberations

from . import ops
from .dialogs import fit_to_screen
from .messages import message_for

if TYPE_CHECKING:
    from inspectorapp.workspace import DbSession, Workspace


def kind_text(kind: DeliberationKind) -> str:
    texts = {
        DeliberationKind.MDO: QCoreApplication.translate("deliberation", "MDO"),
        DeliberationKind.PERIODIC: QCoreApplication.translate("deliberation", "Periodic review (APK)"),
        DeliberationKind.LMO: QCoreApplication.translate("deliberation", "LMO"),
        DeliberationKind.TEAM: QCoreApplication.translate("deliberation", "Team meeting"),
        DeliberationKind.PEER: QCoreApplication.translate("deliberation", "Peer consultation"),
    }
    return texts[kind]


def subject_text(name: str, subject: SubjectRef) -> str:
    if subject.kind == SubjectRefKind.NETWORK:
        return QCoreApplication.translate("deliberation", "{0} (network)").format(name)
    return name


def _load(
    session: DbSession, deliberation_id: str | None
) -> tuple[tuple[SubjectOption, ...], DeliberationView | None]:
    options = deliberations.subject_options(session)
    return options, deliberations.view(session, deliberation_id) if deliberation_id else None


class DeliberationDialog(QDialog):
    saved = Signal(object)  # the DeliberationView saved

    def __init__(
        self, workspace: Workspace, deliberation_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deliberationDialog")
        self.setWindowTitle(self.tr("Edit meeting") if deliberation_id else self.tr("New meeting"))
        fit_to_screen(self, 720, 640)
        self.workspace = workspace
        self.deliberation_id = deliberation_id
        self.loads = 0

        self.kind = QComboBox()
        self.kind.setObjectName("deliberationKind")
        for kind in DeliberationKind:
            self.kind.addItem(kind_text(kind), kind)
        self.held_on = QDateEdit()
        self.held_on.setObjectName("deliberationDate")
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("dd-MM-yyyy")
        today = utc_now().date()
        self.held_on.setDate(QDate(today.year, today.month, today.day))
        self.title = QLineEdit()
        self.title.setObjectName("deliberationTitle")
        self.title.setMaxLength(limits.NAME)
        self.chair = QLineEdit()
        self.chair.setObjectName("deliberationChair")
        self.chair.setMaxLength(limits.NAME)
        self.participants = QPlainTextEdit()
        self.participants.setObjectName("deliberationParticipants")
        self.participants.setTabChangesFocus(True)
        self.participants.setPlaceholderText(self.tr("One name or role per line"))
        self.participants.setMaximumHeight(80)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("deliberationNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(70)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Date"), self.held_on)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Chair"), self.chair)
        form.addRow(self.tr("Participants"), self.participants)
        form.addRow(self.tr("Notes"), self.notes)

        self.agenda = QListWidget()
        self.agenda.setObjectName("deliberationAgenda")
        self.choice = QComboBox()
        self.choice.setObjectName("agendaChoice")
        self.choice.setEditable(True)  # type to find among many organisations
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.add_button = QPushButton(self.tr("Add to agenda"))
        self.add_button.setObjectName("agendaAdd")
        self.add_button.clicked.connect(self.add_chosen)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button = QPushButton(self.tr("Up"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(self.tr("Down"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        adding = QHBoxLayout()
        adding.addWidget(self.choice, 1)
        adding.addWidget(self.add_button)
        moving = QHBoxLayout()
        moving.addWidget(self.up_button)
        moving.addWidget(self.down_button)
        moving.addWidget(self.remove_button)
        moving.addStretch(1)

        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Agenda: organisations and networks")))
        layout.addLayout(adding)
        layout.addWidget(self.agenda, 1)
        layout.addLayout(moving)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.title.setFocus()
        ops.submit(workspace, _load, deliberation_id, on_done=self._loaded, on_error=self._failed)

    # ----- the agenda ------------------------------------------------------------------

    def _loaded(self, loaded: tuple[tuple[SubjectOption, ...], DeliberationView | None]) -> None:
        options, view = loaded
        self.choice.clear()
        for option in options:
            self.choice.addItem(subject_text(option.name, option.subject), option)
        self.choice.setCurrentIndex(-1)
        if view is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(view.kind)))
            self.held_on.setDate(QDate(view.held_on.year, view.held_on.month, view.held_on.day))
            self.title.setText(view.title)
            self.chair.setText(view.chair or "")
            self.participants.setPlainText("\n".join(view.participants))
            self.notes.setPlainText(view.notes)
            for entry in view.agenda:
                self._append(SubjectOption(entry.subject, entry.name))
        self.loads += 1

    def subjects(self) -> list[SubjectRef]:
        return [self.agenda.item(n).data(256).subject for n in range(self.agenda.count())]

    def add_subject(self, subject: SubjectRef) -> None:
        """Put the subject on the agenda (tests and the Add button)."""
        for n in range(self.choice.count()):
            option = self.choice.itemData(n)
            if option.subject == subject and subject not in self.subjects():
                self._append(option)

    def add_chosen(self) -> None:
        n = self.choice.findText(self.choice.currentText())
        option = self.choice.itemData(n) if n >= 0 else None
        if isinstance(option, SubjectOption):
            self.add_subject(option.subject)
            self.choice.setCurrentIndex(-1)
            self.choice.clearEditText()

    def _append(self, option: SubjectOption) -> None:
        item = QListWidgetItem(subject_text(option.name, option.subject))
        item.setData(256, option)
        self.agenda.addItem(item)
        self.agenda.setCurrentItem(item)

    def remove_current(self) -> None:
        row = self.agenda.currentRow()
        if row >= 0:
            self.agenda.takeItem(row)

    def move_current(self, steps: int) -> None:
        row = self.agenda.currentRow()
        target = row + steps
        if row < 0 or not 0 <= target < self.agenda.count():
            return
        item = self.agenda.takeItem(row)
        self.agenda.insertItem(target, item)
        self.agenda.setCurrentRow(target)

    # ----- saving ----------------------------------------------------------------------

    def draft(self) -> DeliberationDraft:
        picked = self.held_on.date()
        return DeliberationDraft(
            kind=self.kind.currentData(),
            held_on=date(picked.year(), picked.month(), picked.day()),
            title=self.title.text(),
            participants=tuple(self.participants.toPlainText().splitlines()),
            chair=self.chair.text() or None,
            notes=self.notes.toPlainText(),
            agenda=tuple(self.subjects()),
        )

    def save(self) -> None:
        draft, ctx, deliberation_id = self.draft(), self.workspace.ctx, self.deliberation_id
        self.error.clear()
        self.buttons.setEnabled(False)  # one overleg per Save, not two by a double click

        def write(s: DbSession) -> OpResult[DeliberationView]:
            if deliberation_id is None:
                return deliberations.create_deliberation(s, ctx, draft)
            return deliberations.update_deliberation(s, ctx, deliberation_id, draft)

        ops.submit(self.workspace, write, on_done=self._saved, on_error=self._save_failed)

    def _saved(self, result: OpResult[DeliberationView]) -> None:
        self.saved.emit(result.value)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(message_for(exc))
