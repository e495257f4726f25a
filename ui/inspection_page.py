"""Inspection detail: purpose, declared role, framework, subjects, team, what is
already known, and the visits to open."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.enums import SignalKind, Valence
from inspectorapp.domain.visit_views import InspectionDetail, SignalCard

from . import labels, ops
from .change_bus import ChangeOrigin, bus_of, follow, touches
from .findings_panel import FindingsPanel
from .follow_up_panel import FollowUpPanel
from .report_panel import ReportPanel

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

log = logging.getLogger(__name__)

# What each part of the page shows, as entity names of the change-sets.
OVERVIEW_SHOWS = (
    "inspection",
    "inspection_subject",
    "inspection_member",
    "organisation",
    "network",
    "visit",
    "conversation",
    "invitation",
    "signal",
    "concern",
    "concern_signal",
    "life_event",
    "framework_version",
)
FINDINGS, FOLLOW_UP, REPORT = 1, 2, 3
SIGN: dict[str, str] = {Valence.POSITIVE: "+", Valence.NEGATIVE: "−"}
TAB_SHOWS = {
    FINDINGS: ("finding", "finding_evidence", "signal", "note_paragraph", "attachment", "session_event"),
    FOLLOW_UP: ("intervention", "reflection", "finding"),
    REPORT: ("finding", "finding_evidence", "signal", "note_paragraph", "attachment", "intervention"),
}


class InspectionPage(QWidget):
    visit_opened = Signal(str)
    add_visit_requested = Signal(str)
    add_invitation_requested = Signal(str)
    export_requested = Signal(str, str)  # inspection id, format: json | csv | qdpx
    back_requested = Signal()

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.setObjectName("inspectionPage")
        self.workspace = workspace
        self.detail: InspectionDetail | None = None
        self.back = QPushButton()
        self.back.setFlat(True)
        self.back.clicked.connect(self.back_requested)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        self.purpose = QLabel()
        self.purpose.setWordWrap(True)
        self.facts = QFormLayout()
        self.role = QLabel()
        self.status_value = QLabel()  # a row of its own: the role row names the role only
        self.framework = QLabel()
        self.subjects = QLabel()
        self.subjects.setWordWrap(True)
        self.themes = QLabel()
        self.themes.setWordWrap(True)
        self.team = QLabel()
        self.known = QLabel()
        self.known.setObjectName("knownPanel")
        self.known.setWordWrap(True)
        self.earlier = QListWidget()
        self.earlier.setObjectName("knownList")
        self.earlier.setWordWrap(True)
        self.earlier.setMaximumHeight(180)
        self.open_questions = QLabel()
        self.open_questions.setWordWrap(True)
        self.invitations = QListWidget()
        self.invitations.setObjectName("invitationsList")
        self.invitations.setWordWrap(True)
        self.invitations.setMaximumHeight(110)
        self.export_menu = QComboBox()
        self.export_menu.setObjectName("exportChoice")
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(
            lambda: self.detail and self.export_requested.emit(self.detail.id, self.export_menu.currentData())
        )
        self.add_invitation = QPushButton()
        self.add_invitation.setObjectName("addInvitation")
        self.add_invitation.clicked.connect(
            lambda: self.detail and self.add_invitation_requested.emit(self.detail.id)
        )
        self._labels = [QLabel() for _ in range(10)]
        for label, value in zip(
            self._labels,
            (
                self.role,
                self.status_value,
                self.framework,
                self.subjects,
                self.themes,
                self.open_questions,
                self.team,
                self.known,
                self.earlier,
                self.invitations,
            ),
            strict=True,
        ):
            self.facts.addRow(label, value)
        self.visits_label = QLabel()
        self.add_visit = QPushButton()
        self.add_visit.setObjectName("addVisit")
        self.add_visit.clicked.connect(lambda: self.detail and self.add_visit_requested.emit(self.detail.id))
        self.visits = QListWidget()
        self.visits.setObjectName("visitsList")
        self.visits.itemActivated.connect(self._activated)
        overview = self.overview = QWidget()
        box = QVBoxLayout(overview)
        box.addWidget(self.purpose)
        box.addLayout(self.facts)
        box.addWidget(self.add_invitation, alignment=Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.visits_label)
        box.addWidget(self.visits, 1)
        box.addWidget(self.add_visit, alignment=Qt.AlignmentFlag.AlignLeft)
        self.findings = FindingsPanel(workspace)
        self.follow_up = FollowUpPanel(workspace)
        self.report = ReportPanel(workspace)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("inspectionTabs")
        for widget in (overview, self.findings, self.follow_up, self.report):
            self.tabs.addTab(widget, "")
        self._loaded: dict[int, str] = {}  # tab index -> inspection shown there
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addStretch(1)
        top.addWidget(self.export_menu)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        # The overview refreshes when a change touches it (once, when next shown: an edit on
        # the visit page is there after "← Inspection"); the tabs as _tabs_changed says.
        self._overview_follow = follow(workspace, overview, OVERVIEW_SHOWS, self._overview_changed)
        bus_of(workspace).changed.connect(self._tabs_changed)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.back.setText(self.tr("← Inspections"))
        for label, text in zip(
            self._labels,
            (
                self.tr("Declared role"),
                self.tr("Status"),
                self.tr("Framework"),
                self.tr("Subjects"),
                self.tr("Themes"),
                self.tr("Open questions"),
                self.tr("Team"),
                self.tr("What we already know"),
                "",
                self.tr("Invitations"),
            ),
            strict=True,
        ):
            label.setText(text)
        for index, text in enumerate(
            (self.tr("Overview"), self.tr("Findings"), self.tr("Follow-up"), self.tr("Report"))
        ):
            self.tabs.setTabText(index, text)
        self.visits_label.setText(self.tr("Visits (Enter opens)"))
        self.add_visit.setText(self.tr("+ Visit"))
        self.add_invitation.setText(self.tr("+ Invitation"))
        self.export_button.setText(self.tr("Export…"))
        current = self.export_menu.currentIndex()
        self.export_menu.clear()
        for code, text in (
            ("json", self.tr("JSON (complete, can be imported)")),
            ("csv", self.tr("CSV tables (zip)")),
            ("qdpx", self.tr("REFI-QDA for qualitative analysis (.qdpx)")),
        ):
            self.export_menu.addItem(text, code)
        self.export_menu.setCurrentIndex(max(0, current))
        self.visits.setAccessibleName(self.tr("Visits"))
        if self.detail is not None:
            self._fill(self.detail)

    def show_detail(self, d: InspectionDetail) -> None:
        """Show a freshly read inspection (what the overview was waiting for is in it)."""
        if self.detail is None or self.detail.id != d.id:
            self._loaded.clear()
        self._overview_follow.clear()
        self.detail = d
        self._tab_shown(self.tabs.currentIndex())
        self._fill(d)

    def _fill(self, d: InspectionDetail) -> None:
        self.detail = d
        shown = self.visits.currentItem()
        shown_visit = shown.data(Qt.ItemDataRole.UserRole) if shown is not None else None
        self.title.setText(d.title)
        self.purpose.setText(d.purpose)
        self.role.setText(labels.declared_role(d.declared_role))
        self.status_value.setText(labels.status(d.status))
        self.framework.setText(d.framework)
        self.subjects.setText(", ".join(s.name for s in d.subjects))
        self.themes.setText(", ".join(d.theme_labels))
        self.team.setText(", ".join(d.team))
        self.open_questions.setText(d.open_questions or "—")
        self._fill_known(d)
        self.invitations.clear()
        for inv in d.invitations:
            party = inv.party or inv.role_code or ""
            self.invitations.addItem(f"{party} · {labels.invitation_status(inv.status)} · {inv.reason}")
        self.known.setText(
            self.tr("%n signal(s) about these subjects", "", d.known_signals)
            + ", "
            + self.tr("%n open concern(s)", "", d.open_concerns)
        )
        self.visits.clear()
        for v in d.visits:
            kind = self.tr("announced") if v.announced else self.tr("unannounced")
            text = self.tr("{0} · {1} · {2} · %n conversation(s)", "", v.conversation_count).format(
                v.visit_date.strftime("%d-%m-%Y"), v.location, kind
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            self.visits.addItem(item)
        ids = [v.id for v in d.visits]
        if ids:
            self.visits.setCurrentRow(ids.index(shown_visit) if shown_visit in ids else 0)

    def _fill_known(self, d: InspectionDetail) -> None:
        """ "Wat weten we al" in groups: what stayed soft, open concerns and life events (all of
        them, whatever their age), then the newest other signals."""
        self.earlier.clear()

        def card(s: SignalCard) -> str:
            marker = ("H" if s.kind == SignalKind.HARD else "Z") + SIGN.get(s.valence, "?")
            return f"[{marker}] {s.observed_at.astimezone():%d-%m-%Y} {s.organisation}: {s.observation}"

        english = labels.english()
        groups = (
            (self.tr("Stays soft"), [card(s) for s in d.stays_soft]),
            (self.tr("Open concerns"), list(d.concern_titles)),
            (
                self.tr("Events"),
                [
                    f"{e.occurred_on:%d-%m-%Y} {e.label_en if english else e.label_nl} · "
                    f"{e.subject}: {e.description}"
                    for e in d.life_events
                ],
            ),
            (self.tr("Recent"), [card(s) for s in d.earlier_signals]),
        )
        for title, rows in groups:
            if not rows:
                continue
            head = QListWidgetItem(f"{title} ({len(rows)})")
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: not selectable
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            head.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            self.earlier.addItem(head)
            for text in rows:
                self.earlier.addItem("    " + text)

    # ----- following the store ------------------------------------------------------------
    def _overview_changed(self, _changes: ChangeSet, _origin: ChangeOrigin) -> None:
        if self.detail is None:
            return
        from inspectorapp.services import visits

        wanted = self.detail.id
        ops.submit(
            self.workspace,
            visits.inspection_detail,
            wanted,
            on_done=lambda d: self._refreshed(wanted, d),
            on_error=lambda exc: log.warning("inspection not refreshed: %s", exc),
        )

    def _refreshed(self, wanted: str, d: InspectionDetail) -> None:
        if self.detail is not None and self.detail.id == wanted:
            self._fill(d)

    def _tabs_changed(self, changes: ChangeSet, origin: ChangeOrigin) -> None:
        """A tab out of sight loads again when next shown. In sight, the report marks its
        preview out of date; findings and follow-up reload what they did not write themselves
        (their own saves show already, and a reload would disturb the one typing)."""
        current = self.tabs.currentIndex() if self.isVisible() else -1
        for index, shows in TAB_SHOWS.items():
            if self.detail is None or not touches(changes, shows):
                continue
            if index != current:
                self._loaded.pop(index, None)
            elif index == REPORT:
                self.report.findings_changed()
            elif origin is not ChangeOrigin.LOCAL:
                self.findings.reload() if index == FINDINGS else self.follow_up.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._tab_shown(self.tabs.currentIndex())  # a tab that went stale while away

    def _tab_shown(self, index: int) -> None:
        """Panels load when first shown for an inspection, not on every open."""
        if self.detail is None or index == 0 or self._loaded.get(index) == self.detail.id:
            return
        self._loaded[index] = self.detail.id
        panel = self.tabs.widget(index)
        assert isinstance(panel, FindingsPanel | FollowUpPanel | ReportPanel)
        panel.open_inspection(self.detail.id)

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(("overview", "findings", "follow_up", "report").index(name))

    def _activated(self, item: QListWidgetItem) -> None:
        self.visit_opened.emit(item.data(Qt.ItemDataRole.UserRole))
