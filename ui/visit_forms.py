"""Small forms: a visit to an inspection, a conversation to a visit."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from inspectorapp.domain.drafts import ConversationDraft, InvitationDraft, VisitDraft
from inspectorapp.domain.enums import InvitationStatus
from inspectorapp.domain.visit_views import InspectionFormOptions, SignalFormOptions

from . import ops
from .messages import message_for

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace


class _Form(QDialog):
    saved = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.form = QFormLayout(self)
        # Wide enough that a conversation's title or a location is read whole while typed.
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setMinimumWidth(560)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)

    def finish_layout(self) -> None:
        self.form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)

    def save(self) -> None:
        raise NotImplementedError

    def done_with(self, new_id: str) -> None:
        self.saved.emit(new_id)
        self.accept()

    def show_error(self, exc: BaseException) -> None:
        self.error.setText(message_for(exc))


class VisitForm(_Form):
    def __init__(self, workspace: Workspace, inspection_id: str, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setObjectName("visitForm")
        self.setWindowTitle(self.tr("New visit"))
        self.inspection_id = inspection_id
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd-MM-yyyy")
        self.location = QLineEdit()
        self.announced = QCheckBox(self.tr("Announced"))
        self.announced.setChecked(True)
        self.form.addRow(self.tr("Date"), self.date)
        self.form.addRow(self.tr("Location"), self.location)
        self.form.addRow("", self.announced)
        self.finish_layout()

    def draft(self) -> VisitDraft:
        picked = self.date.date()
        return VisitDraft(
            visit_date=date(picked.year(), picked.month(), picked.day()),
            location=self.location.text(),
            announced=self.announced.isChecked(),
        )

    def save(self) -> None:
        from inspectorapp.services import preparation

        ops.submit(
            self.workspace,
            preparation.add_visit,
            self.workspace.ctx,
            self.inspection_id,
            self.draft(),
            on_done=lambda r: self.done_with(r.value.id),
            on_error=self.show_error,
        )


def starts_default(visit_date: date | None, now: QDateTime) -> QDateTime:
    """A conversation starts on its visit's day: a visit in the past or future keeps the
    time of day, not today's date."""
    if visit_date is None:
        return now
    return QDateTime(QDate(visit_date.year, visit_date.month, visit_date.day), now.time())


class ConversationForm(_Form):
    def __init__(
        self,
        workspace: Workspace,
        visit_id: str,
        parent: QWidget | None = None,
        visit_date: date | None = None,
    ) -> None:
        super().__init__(workspace, parent)
        self.setObjectName("conversationForm")
        self.setWindowTitle(self.tr("New conversation"))
        self.visit_id = visit_id
        self.kind = QComboBox()
        self.title = QLineEdit()
        self.title.setObjectName("conversationTitle")
        # A title of ~80 characters ("Focusgroep operationele werkgroep (casemanagers, POH,
        # mantelzorgondersteuner)") shows whole; the form stays far inside 1366 px.
        self.title.setMinimumWidth(self.title.fontMetrics().averageCharWidth() * 84 + 16)
        self.starts = QDateTimeEdit(starts_default(visit_date, QDateTime.currentDateTime()))
        self.starts.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Starts at"), self.starts)
        self.finish_layout()
        from inspectorapp.services import preparation

        ops.submit(workspace, preparation.form_options, on_done=self._fill, on_error=self.show_error)

    def _fill(self, options: InspectionFormOptions) -> None:
        english = QLocale().language() == QLocale.Language.English
        for t in options.conversation_types:
            self.kind.addItem(t.en if english else t.nl, t.code)

    def draft(self) -> ConversationDraft:
        starts = datetime.fromtimestamp(self.starts.dateTime().toSecsSinceEpoch(), UTC)
        return ConversationDraft(self.kind.currentData(), self.title.text(), starts)

    def save(self) -> None:
        from inspectorapp.services import preparation

        ops.submit(
            self.workspace,
            preparation.add_conversation,
            self.workspace.ctx,
            self.visit_id,
            self.draft(),
            on_done=lambda r: self.done_with(r.value),
            on_error=self.show_error,
        )


STATUSES = tuple(InvitationStatus)


class InvitationForm(_Form):
    """Who is invited and why, or deliberately not invited and why."""

    def __init__(self, workspace: Workspace, inspection_id: str, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setObjectName("invitationForm")
        self.setWindowTitle(self.tr("Invitation"))
        self.inspection_id = inspection_id
        self.organisation = QComboBox()
        self.role = QComboBox()
        self.reason = QLineEdit()
        self.status = QComboBox()
        for code, text in zip(
            STATUSES,
            (
                self.tr("planned"),
                self.tr("invited"),
                self.tr("confirmed"),
                self.tr("declined"),
                self.tr("deliberately not invited"),
            ),
            strict=True,
        ):
            self.status.addItem(text, code)
        self.form.addRow(self.tr("Organisation"), self.organisation)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Why"), self.reason)
        self.form.addRow(self.tr("Status"), self.status)
        self.finish_layout()
        from inspectorapp.services import signals

        ops.submit(workspace, signals.form_options, on_done=self._fill, on_error=self.show_error)

    def _fill(self, options: SignalFormOptions) -> None:
        english = QLocale().language() == QLocale.Language.English
        self.organisation.addItem("—", None)
        for o in options.organisations:
            self.organisation.addItem(o.name, o.id)
        self.role.addItem("—", None)
        for r in options.roles:
            if r.parent is not None:
                self.role.addItem(r.en if english else r.nl, r.code)

    def draft(self) -> InvitationDraft:
        status = self.status.currentData()
        return InvitationDraft(
            reason=self.reason.text(),
            organisation_id=self.organisation.currentData(),
            role_code=self.role.currentData(),
            status=InvitationStatus(status) if status else InvitationStatus.PLANNED,
        )

    def save(self) -> None:
        from inspectorapp.services import preparation

        ops.submit(
            self.workspace,
            preparation.add_invitation,
            self.workspace.ctx,
            self.inspection_id,
            self.draft(),
            on_done=lambda r: self.done_with(r.value),
            on_error=self.show_error,
        )
