"""Editors for an organisation, a unit, a life event, a network and a membership.

Each dialog writes through its service on the database thread and closes when saved;
what it changed reaches the views through the change bus, so no view refreshes by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from inspectorapp.domain.drafts import OrganisationDraft
from inspectorapp.domain.enums import NetworkFocus, NetworkLayer, UnitType
from inspectorapp.domain.org_drafts import LifeEventDraft, MembershipDraft, NetworkDraft, UnitDraft
from inspectorapp.domain.org_views import (
    LifeEventView,
    MembershipView,
    NetworkDetail,
    OrganisationDetail,
    OrgFormOptions,
    UnitView,
)
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from inspectorapp.domain.visit_views import CodeLabel
from inspectorapp.services import networks, organisations

from . import labels
from .dialogs import fit_to_screen
from .form_dialog import FormDialog
from .intervention_dialog import date_value, optional_date

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace


def _text(value: str | None, height: int = 90) -> QPlainTextEdit:
    box = QPlainTextEdit(value or "")
    box.setTabChangesFocus(True)
    box.setMaximumHeight(height)
    return box


def _codes_combo(items: Iterable[CodeLabel], current: str | None, *, empty: bool = True) -> QComboBox:
    combo = QComboBox()
    if empty:
        combo.addItem("—", None)
    for item in items:
        combo.addItem(labels.code_text(item), item.code)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def _checklist(items: Iterable[CodeLabel], checked: Iterable[str]) -> QListWidget:
    """Codes to tick (roles, financing domains): several may apply."""
    chosen = set(checked)
    box = QListWidget()
    box.setMaximumHeight(120)
    for item in items:
        row = QListWidgetItem(labels.code_text(item))
        row.setData(Qt.ItemDataRole.UserRole, item.code)
        row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        row.setCheckState(Qt.CheckState.Checked if item.code in chosen else Qt.CheckState.Unchecked)
        box.addItem(row)
    return box


def checked_codes(box: QListWidget) -> tuple[str, ...]:
    return tuple(
        str(box.item(n).data(Qt.ItemDataRole.UserRole))
        for n in range(box.count())
        if box.item(n).checkState() == Qt.CheckState.Checked
    )


def _required_date(value: date | None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    day = value or date.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


class OrganisationDialog(FormDialog):
    def __init__(
        self,
        workspace: Workspace,
        options: OrgFormOptions,
        current: OrganisationDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, "organisationDialog", parent)
        self.setWindowTitle(self.tr("Organisation") if current else self.tr("New organisation"))
        fit_to_screen(self, 620, 480)
        self.current = current
        c = current
        self.name = QLineEdit(c.name if c else "")
        self.org_type = _codes_combo(options.org_types, c.org_type.code if c and c.org_type else None)
        self.sector = _codes_combo(options.sectors, c.sector.code if c and c.sector else None)
        self.region = QLineEdit(c.region or "" if c else "")
        self.description = _text(c.description if c else None, 160)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Type"), self.org_type)
        self.form.addRow(self.tr("Sector"), self.sector)
        self.form.addRow(self.tr("Region"), self.region)
        self.form.addRow(self.tr("Description"), self.description)

    def draft(self) -> OrganisationDraft:
        return OrganisationDraft(
            name=self.name.text().strip() or None,
            org_type=self.org_type.currentData(),
            sector=self.sector.currentData(),
            region=self.region.text().strip() or None,
            description=self.description.toPlainText().strip() or None,
        )

    def save(self) -> None:
        draft, ctx, current = self.draft(), self.workspace.ctx, self.current
        if current is None:
            self._write(lambda s: organisations.create_organisation(s, ctx, draft))
        else:
            self._write(lambda s: organisations.update_organisation(s, ctx, current.id, draft))


class NetworkDialog(FormDialog):
    def __init__(
        self,
        workspace: Workspace,
        options: OrgFormOptions,
        current: NetworkDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, "networkDialog", parent)
        self.setWindowTitle(self.tr("Network") if current else self.tr("New network"))
        fit_to_screen(self, 620, 560)
        self.current = current
        c = current
        self.name = QLineEdit(c.name if c else "")
        self.focus = QComboBox()
        for focus in NetworkFocus:
            self.focus.addItem(labels.network_focus(focus), focus)
        self.focus.setCurrentIndex(max(0, self.focus.findData(c.focus if c else NetworkFocus.AREA)))
        self.region = QLineEdit(c.region or "" if c else "")
        self.description = _text(c.description if c else None, 140)
        self.domains = _checklist(
            options.financing_domains, (d.code for d in c.financing_domains) if c else ()
        )
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Focus"), self.focus)
        self.form.addRow(self.tr("Region"), self.region)
        self.form.addRow(self.tr("Description"), self.description)
        self.form.addRow(self.tr("Financing domains"), self.domains)

    def draft(self) -> NetworkDraft:
        return NetworkDraft(
            name=self.name.text().strip() or None,
            focus=NetworkFocus(self.focus.currentData()),
            region=self.region.text().strip() or None,
            description=self.description.toPlainText().strip() or None,
            financing_domains=checked_codes(self.domains),
        )

    def save(self) -> None:
        draft, ctx, current = self.draft(), self.workspace.ctx, self.current
        if current is None:
            self._write(lambda s: networks.create_network(s, ctx, draft))
        else:
            self._write(lambda s: networks.update_network(s, ctx, current.id, draft))


class UnitDialog(FormDialog):
    def __init__(
        self,
        workspace: Workspace,
        organisation_id: str,
        current: UnitView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, "unitDialog", parent)
        self.setWindowTitle(self.tr("Unit"))
        fit_to_screen(self, 520, 220)
        self.organisation_id = organisation_id
        self.current = current
        self.name = QLineEdit(current.name if current else "")
        self.unit_type = QComboBox()
        for kind in UnitType:
            self.unit_type.addItem(labels.unit_type(kind), kind)
        self.unit_type.setCurrentIndex(
            max(0, self.unit_type.findData(current.unit_type if current else None))
        )
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Type"), self.unit_type)

    def draft(self) -> UnitDraft:
        return UnitDraft(
            name=self.name.text().strip() or None, unit_type=UnitType(self.unit_type.currentData())
        )

    def save(self) -> None:
        draft, ctx, current, org = self.draft(), self.workspace.ctx, self.current, self.organisation_id
        if current is None:
            self._write(lambda s: organisations.create_unit(s, ctx, org, draft))
        else:
            self._write(lambda s: organisations.update_unit(s, ctx, current.id, draft))


class LifeEventDialog(FormDialog):
    def __init__(
        self,
        workspace: Workspace,
        subject: SubjectRef,
        options: OrgFormOptions,
        current: LifeEventView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, "lifeEventDialog", parent)
        self.setWindowTitle(self.tr("Life event"))
        fit_to_screen(self, 600, 400)
        self.subject = subject
        self.current = current
        c = current
        self.event_type = _codes_combo(
            options.life_event_types, c.event_type.code if c else None, empty=False
        )
        self.occurred_on = _required_date(c.occurred_on if c else None)
        self.description = _text(c.description if c else None, 140)
        self.source = QLineEdit(c.source or "" if c else "")
        self.form.addRow(self.tr("Event"), self.event_type)
        self.form.addRow(self.tr("Date"), self.occurred_on)
        self.form.addRow(self.tr("Description"), self.description)
        self.form.addRow(self.tr("Source"), self.source)

    def draft(self) -> LifeEventDraft:
        day = self.occurred_on.date()
        return LifeEventDraft(
            subject=self.subject,
            event_type=self.event_type.currentData(),
            occurred_on=date(day.year(), day.month(), day.day()),
            description=self.description.toPlainText().strip() or None,
            source=self.source.text().strip() or None,
        )

    def save(self) -> None:
        draft, ctx, current = self.draft(), self.workspace.ctx, self.current
        if current is None:
            self._write(lambda s: organisations.create_life_event(s, ctx, draft))
        else:
            self._write(lambda s: organisations.update_life_event(s, ctx, current.id, draft))


class MembershipDialog(FormDialog):
    """An organisation in a network. Opened from the network's page it picks the
    organisation; from an organisation's page it picks the network. Editing keeps both."""

    def __init__(
        self,
        workspace: Workspace,
        options: OrgFormOptions,
        subject: SubjectRef,
        current: MembershipView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, "membershipDialog", parent)
        self.setWindowTitle(self.tr("Network membership"))
        fit_to_screen(self, 600, 440)
        self.subject = subject
        self.current = current
        c = current
        self.on_network = subject.kind == SubjectRefKind.NETWORK
        self.other = QComboBox()
        self.other.setObjectName("membershipOther")
        if c is not None:
            self.other.addItem(c.other_name, c.organisation_id if self.on_network else c.network_id)
            self.other.setEnabled(False)
        else:
            for option in options.organisations if self.on_network else options.networks:
                self.other.addItem(option.name, option.id)
        self.layer = QComboBox()
        for layer in NetworkLayer:
            self.layer.addItem(labels.network_layer(layer), layer)
        self.layer.setCurrentIndex(max(0, self.layer.findData(c.layer if c else None)))
        self.roles = _checklist(options.network_roles, (r.code for r in c.roles) if c else ())
        self.joined_on = optional_date(c.joined_on if c else None)
        self.left_on = optional_date(c.left_on if c else None)
        self.form.addRow(self.tr("Organisation") if self.on_network else self.tr("Network"), self.other)
        self.form.addRow(self.tr("Layer"), self.layer)
        self.form.addRow(self.tr("Roles"), self.roles)
        self.form.addRow(self.tr("Joined on"), self.joined_on)
        self.form.addRow(self.tr("Left on"), self.left_on)

    def draft(self) -> MembershipDraft:
        other = self.other.currentData()
        return MembershipDraft(
            network_id=self.subject.id if self.on_network else other,
            organisation_id=other if self.on_network else self.subject.id,
            layer=NetworkLayer(self.layer.currentData()),
            roles=checked_codes(self.roles),
            joined_on=date_value(self.joined_on),
            left_on=date_value(self.left_on),
        )

    def save(self) -> None:
        draft, ctx, current = self.draft(), self.workspace.ctx, self.current
        if current is None:
            self._write(lambda s: networks.add_member(s, ctx, draft))
        else:
            self._write(lambda s: networks.update_member(s, ctx, current.id, draft))
