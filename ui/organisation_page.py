"""The page of one organisation or network: a header and tabs. The first tab, Details,
shows and edits the fields, units, life events and network memberships; the lead adds
the sense-making views (board, concerns, timeline) with ``add_view``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.handover_views import AccountHolderRow
from inspectorapp.domain.org_views import NetworkDetail, OrganisationDetail, OrgFormOptions
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from inspectorapp.domain.trajectory_views import TrajectoryWarnings
from inspectorapp.errors import ValidationError
from inspectorapp.services import account_holders, networks, organisations, trajectories

from . import labels, ops
from .change_bus import ChangeOrigin, follow
from .dialogs import open_dialog
from .messages import message_for
from .organisation_dialogs import (
    LifeEventDialog,
    MembershipDialog,
    NetworkDialog,
    OrganisationDialog,
    UnitDialog,
)
from .trajectory_view import WARNING_STYLE, board_warning_text

if TYPE_CHECKING:
    from inspectorapp.workspace import DbSession, Workspace

TABLES = (
    "organisation",
    "unit",
    "life_event",
    "network",
    "network_membership",
    "account_holder",
    "trajectory",  # the header's board-not-informed warning
)
Detail = OrganisationDetail | NetworkDetail


class SubjectView(Protocol):
    """A tab of the page: shown what the page shows."""

    def show_subject(self, subject: SubjectRef) -> None: ...


def _load(
    session: DbSession, subject: SubjectRef
) -> tuple[Detail, OrgFormOptions, AccountHolderRow | None]:
    detail: Detail = (
        organisations.organisation_detail(session, subject.id)
        if subject.kind == SubjectRefKind.ORGANISATION
        else networks.network_detail(session, subject.id)
    )
    return detail, organisations.form_options(session), account_holders.current_holder(session, subject)


def _day(value: object) -> str:
    return f"{value:%d-%m-%Y}" if value is not None else ""


class _Section(QGroupBox):
    """A titled table with + / Edit / Remove under it."""

    def __init__(self, name: str, columns: int, stretch: int) -> None:
        super().__init__()
        self.setObjectName(name)
        self.table = QTableWidget(0, columns)
        self.table.setObjectName(f"{name}Table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)  # the long text
        self.table.setWordWrap(False)
        self.add = QPushButton()
        self.edit = QPushButton()
        self.remove = QPushButton()
        buttons = QHBoxLayout()
        for button in (self.add, self.edit, self.remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)

    def fill(self, rows: list[tuple[str, list[str]]]) -> None:
        """(id, cells) per row; the id rides on the first cell."""
        self.table.setRowCount(len(rows))
        for r, (row_id, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, row_id)
                self.table.setItem(r, c, item)
        for button in (self.edit, self.remove):
            button.setEnabled(bool(rows))

    def current_id(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


class OrganisationPage(QWidget):
    back_requested = Signal()

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.setObjectName("organisationPage")
        self.workspace = workspace
        self.subject: SubjectRef | None = None
        self.detail: Detail | None = None
        self.holder: AccountHolderRow | None = None
        self.options: OrgFormOptions | None = None
        self._views: list[tuple[QWidget, Callable[[], str]]] = []

        self.back = QPushButton()
        self.back.setObjectName("backToOrganisations")
        self.back.clicked.connect(self.back_requested)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.subtitle = QLabel()
        header = QHBoxLayout()
        header.addWidget(self.back)
        header.addWidget(self.title)
        header.addWidget(self.subtitle, 1)
        # Seen without opening the Supervision tab: the board not informed of a trajectory.
        self.warning = QLabel()
        self.warning.setObjectName("subjectWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setVisible(False)

        self.fields = QLabel()
        self.fields.setObjectName("subjectFields")
        self.fields.setWordWrap(True)
        self.fields.setTextFormat(Qt.TextFormat.PlainText)
        self.fields.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editSubject")
        self.edit_button.clicked.connect(self.edit_subject)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteSubject")
        self.delete_button.clicked.connect(self.delete_subject)
        self.holder_button = QPushButton()
        self.holder_button.setObjectName("changeAccountHolder")
        self.holder_button.clicked.connect(self.change_holder)
        self.fields_box = QGroupBox()
        fields_layout = QVBoxLayout(self.fields_box)
        fields_layout.addWidget(self.fields, 1)
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        row.addWidget(self.holder_button)
        row.addStretch(1)
        fields_layout.addLayout(row)

        self.units = _Section("units", 2, stretch=0)
        self.units.add.clicked.connect(lambda: self.edit_unit(None))
        self.units.edit.clicked.connect(lambda: self.edit_unit(self.units.current_id()))
        self.units.table.doubleClicked.connect(lambda _i: self.edit_unit(self.units.current_id()))
        self.units.remove.clicked.connect(self.remove_unit)
        self.events = _Section("lifeEvents", 4, stretch=2)
        self.events.add.clicked.connect(lambda: self.edit_event(None))
        self.events.edit.clicked.connect(lambda: self.edit_event(self.events.current_id()))
        self.events.table.doubleClicked.connect(lambda _i: self.edit_event(self.events.current_id()))
        self.events.remove.clicked.connect(self.remove_event)
        sources = self.events.table.horizontalHeader()  # a source is often long: cut it, not the text
        sources.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        sources.resizeSection(3, 160)
        self.members = _Section("memberships", 5, stretch=0)
        self.members.add.clicked.connect(lambda: self.edit_membership(None))
        self.members.edit.clicked.connect(lambda: self.edit_membership(self.members.current_id()))
        self.members.table.doubleClicked.connect(lambda _i: self.edit_membership(self.members.current_id()))
        self.members.remove.clicked.connect(self.remove_membership)

        details = QWidget()
        details.setObjectName("subjectDetails")
        grid = QGridLayout(details)
        grid.addWidget(self.fields_box, 0, 0)
        grid.addWidget(self.events, 0, 1)
        grid.addWidget(self.units, 1, 0)
        grid.addWidget(self.members, 1, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("subjectTabs")
        self.tabs.addTab(details, "")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.warning)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        self.follow = follow(workspace, self, TABLES, self._changed)
        self.retranslate()

    # ----- views the lead adds ------------------------------------------------------------
    def add_view(self, widget: QWidget, title: Callable[[], str]) -> None:
        """A tab after Details; ``widget.show_subject(subject)`` is called for every subject
        shown (now, if one is), and ``title()`` again when the language changes."""
        self._views.append((widget, title))
        self.tabs.addTab(widget, title())
        if self.subject is not None:
            self._show_view(widget, self.subject)

    @staticmethod
    def _show_view(widget: QWidget, subject: SubjectRef) -> None:
        view: SubjectView = widget  # type: ignore[assignment]  # add_view's contract
        view.show_subject(subject)

    # ----- showing --------------------------------------------------------------------------
    def show_subject(self, subject: SubjectRef) -> None:
        if subject != self.subject:
            self.detail = None
            self.tabs.setCurrentIndex(0)
        self.subject = subject
        for widget, _title in self._views:
            self._show_view(widget, subject)
        self.refresh()

    def refresh(self) -> None:
        subject = self.subject
        if subject is None:
            return
        ops.submit(self.workspace, _load, subject, on_done=self._loaded, on_error=self._load_failed)
        ops.submit(
            self.workspace,
            lambda s: (subject, trajectories.trajectory_warnings(s, subject, date.today())),
            on_done=self._warn,
            on_error=self._load_failed,
        )

    def _warn(self, warned: tuple[SubjectRef, TrajectoryWarnings]) -> None:
        asked, warnings = warned
        if asked == self.subject:
            self.warning.setText("\n".join(board_warning_text(w) for w in warnings.board))
            self.warning.setVisible(bool(warnings.board))

    def _changed(self, changes: ChangeSet, origin: ChangeOrigin) -> None:
        self.refresh()

    def _load_failed(self, exc: BaseException) -> None:
        self.error.setText(message_for(exc))

    def _loaded(self, loaded: tuple[Detail, OrgFormOptions, AccountHolderRow | None]) -> None:
        detail, self.options, holder = loaded
        if self.subject is None or detail.id != self.subject.id:
            return  # another subject was asked for since
        self.detail, self.holder = detail, holder
        self.follow.clear()
        self.error.clear()
        self._fill()

    def _fill(self) -> None:
        d = self.detail
        if d is None:
            return
        self.title.setText(d.name)
        self.events.fill(
            [
                (e.id, [_day(e.occurred_on), labels.code_text(e.event_type), e.description, e.source or ""])
                for e in d.life_events
            ]
        )
        self.units.setVisible(isinstance(d, OrganisationDetail))
        self.delete_button.setVisible(isinstance(d, OrganisationDetail))
        rows = d.networks if isinstance(d, OrganisationDetail) else d.members
        self.members.fill(
            [
                (
                    m.id,
                    [
                        m.other_name,
                        labels.network_layer(m.layer),
                        ", ".join(labels.code_text(r) for r in m.roles),
                        _day(m.joined_on),
                        _day(m.left_on),
                    ],
                )
                for m in rows
            ]
        )
        if isinstance(d, OrganisationDetail):
            self.subtitle.setText(" · ".join(t for t in (self.tr("organisation"), d.region or "") if t))
            self.units.fill([(u.id, [u.name, labels.unit_type(u.unit_type)]) for u in d.units])
            fields = [
                (self.tr("Type"), labels.code_text(d.org_type) if d.org_type else ""),
                (self.tr("Sector"), labels.code_text(d.sector) if d.sector else ""),
                (self.tr("Region"), d.region or ""),
            ]
        else:
            self.subtitle.setText(" · ".join(t for t in (self.tr("network"), d.region or "") if t))
            fields = [
                (self.tr("Focus"), labels.network_focus(d.focus)),
                (self.tr("Region"), d.region or ""),
                (self.tr("Financing domains"), ", ".join(labels.code_text(c) for c in d.financing_domains)),
            ]
        # Labels as plain tr() calls, not inside f-strings: lupdate does not look into those.
        held = f"{self.holder.holder} ({_day(self.holder.since)})" if self.holder else ""
        fields.append((self.tr("Account holder"), held))
        lines = [f"{label}: {value or '—'}" for label, value in fields]
        self.fields.setText("\n".join([*lines, "", d.description or ""]))
        self._retitle_members()

    # ----- language -------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.back.setText(self.tr("← Organisations"))
        self.tabs.setTabText(0, self.tr("Details"))
        for n, (_widget, title) in enumerate(self._views, start=1):
            self.tabs.setTabText(n, title())
        self.fields_box.setTitle(self.tr("Details"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.holder_button.setText(self.tr("Change account holder…"))
        self.units.setTitle(self.tr("Units"))
        self.units.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Type")])
        self.units.add.setText(self.tr("+ Unit"))
        self.events.setTitle(self.tr("Life events"))
        self.events.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Event"), self.tr("Description"), self.tr("Source")]
        )
        self.events.add.setText(self.tr("+ Life event"))
        for section in (self.units, self.events, self.members):
            section.edit.setText(self.tr("Edit…"))
            section.remove.setText(self.tr("Remove"))
        self._retitle_members()
        self._fill()

    def _retitle_members(self) -> None:
        on_network = isinstance(self.detail, NetworkDetail)
        self.members.setTitle(self.tr("Members") if on_network else self.tr("Networks"))
        self.members.add.setText(self.tr("+ Member") if on_network else self.tr("+ Network membership"))
        self.members.table.setHorizontalHeaderLabels(
            [
                self.tr("Organisation") if on_network else self.tr("Network"),
                self.tr("Layer"),
                self.tr("Roles"),
                self.tr("Joined"),
                self.tr("Left"),
            ]
        )

    # ----- editing --------------------------------------------------------------------------
    def edit_subject(self) -> None:
        d, options = self.detail, self.options
        if d is None or options is None:
            return
        if isinstance(d, OrganisationDetail):
            open_dialog(OrganisationDialog(self.workspace, options, d, parent=self))
        else:
            open_dialog(NetworkDialog(self.workspace, options, d, parent=self))

    def change_holder(self) -> None:
        from .account_holder_dialog import AccountHolderDialog

        if self.subject is not None:
            open_dialog(AccountHolderDialog(self.workspace, self.subject, parent=self))

    def edit_unit(self, unit_id: str | None) -> None:
        d = self.detail
        if not isinstance(d, OrganisationDetail):
            return
        current = next((u for u in d.units if u.id == unit_id), None)
        open_dialog(UnitDialog(self.workspace, d.id, current, parent=self))

    def edit_event(self, event_id: str | None) -> None:
        d, options = self.detail, self.options
        if d is None or options is None:
            return
        current = next((e for e in d.life_events if e.id == event_id), None)
        open_dialog(LifeEventDialog(self.workspace, d.subject, options, current, parent=self))

    def edit_membership(self, membership_id: str | None) -> None:
        d, options = self.detail, self.options
        if d is None or options is None:
            return
        rows = d.networks if isinstance(d, OrganisationDetail) else d.members
        current = next((m for m in rows if m.id == membership_id), None)
        open_dialog(MembershipDialog(self.workspace, options, d.subject, current, parent=self))

    def remove_unit(self) -> None:
        unit_id, ctx = self.units.current_id(), self.workspace.ctx
        if unit_id:
            self._confirmed(
                self.tr("Remove this unit? Signals that name it keep it."),
                lambda s: organisations.delete_unit(s, ctx, unit_id),
            )

    def remove_event(self) -> None:
        event_id, ctx = self.events.current_id(), self.workspace.ctx
        if event_id:
            self._confirmed(
                self.tr("Remove this life event?"),
                lambda s: organisations.delete_life_event(s, ctx, event_id),
            )

    def remove_membership(self) -> None:
        membership_id, ctx = self.members.current_id(), self.workspace.ctx
        if membership_id:
            self._confirmed(
                self.tr("Remove this membership? For a member that left, set the date it left instead."),
                lambda s: networks.remove_member(s, ctx, membership_id),
            )

    def delete_subject(self) -> None:
        d, ctx = self.detail, self.workspace.ctx
        if isinstance(d, OrganisationDetail):
            self._confirmed(
                self.tr("Delete {name} with its units, life events and memberships?").format(name=d.name),
                lambda s: organisations.delete_organisation(s, ctx, d.id),
                then=self.back_requested.emit,
            )

    def _confirmed(
        self, question: str, write: Callable[[DbSession], object], then: Callable[[], None] | None = None
    ) -> None:
        """Ask, then write on the database thread; the change bus refreshes the views."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirmRemove")

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes.value:
                ops.submit(
                    self.workspace,
                    write,
                    on_done=lambda _r: then() if then else None,
                    on_error=self._write_failed,
                )

        box.finished.connect(answered)
        open_dialog(box)

    def _write_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError) and any(i.problem == "in_use" for i in exc.issues):
            self.error.setText(
                self.tr(
                    "This organisation is not deleted: signals, concerns or inspections refer to it. "
                    "The team's memory about it stays."
                )
            )
        else:
            self.error.setText(message_for(exc))
