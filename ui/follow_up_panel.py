"""Follow-up of an inspection: the interventions on the escalation ladder and the team's
reflections before, midway and afterwards."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.enums import ReflectionMoment
from inspectorapp.domain.findings_views import FindingsOverview, FollowUpView, OutcomeFormOptions
from inspectorapp.domain.outcome_drafts import ReflectionDraft
from inspectorapp.services import findings, follow_up, outcome_options

from . import labels, ops
from .dialogs import open_dialog
from .intervention_dialog import InterventionDialog
from .messages import message_for

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

MOMENTS = tuple(ReflectionMoment)


class FollowUpPanel(QWidget):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.setObjectName("followUpPanel")
        self.workspace = workspace
        self.inspection_id: str | None = None
        self.view: FollowUpView | None = None
        self.options: OutcomeFormOptions | None = None
        self.overview: FindingsOverview | None = None
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("interventionsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # Columns as wide as their header and cells (the header stays readable), the action takes the rest.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.cellActivated.connect(lambda row, _col: self._edit(row))
        self.table.cellDoubleClicked.connect(lambda row, _col: self._edit(row))
        self.add_button = QPushButton()
        self.add_button.setObjectName("addIntervention")
        self.add_button.clicked.connect(lambda: self._open(None))
        self.reflections_title = QLabel()
        self.reflections_title.setObjectName("sectionTitle")
        self.reflections = QListWidget()
        self.reflections.setObjectName("reflectionsList")
        self.reflections.setWordWrap(True)
        self.reflections.setAlternatingRowColors(True)
        self.moment = QComboBox()
        self.moment.setObjectName("reflectionMoment")
        self.reflection_text = QPlainTextEdit()
        self.reflection_text.setObjectName("reflectionText")
        self.reflection_text.setTabChangesFocus(True)
        self.reflection_text.setMaximumHeight(90)
        self.add_reflection = QPushButton()
        self.add_reflection.setObjectName("addReflection")
        self.add_reflection.clicked.connect(self._save_reflection)
        self.status = QLabel()
        self.status.setWordWrap(True)
        top = QWidget()
        top_box = QVBoxLayout(top)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.add_button)
        top_box.addLayout(head)
        top_box.addWidget(self.table, 1)
        bottom = QWidget()
        bottom_box = QVBoxLayout(bottom)
        bottom_box.addWidget(self.reflections_title)
        bottom_box.addWidget(self.reflections, 1)
        entry = QHBoxLayout()
        entry.addWidget(self.moment)
        entry.addWidget(self.reflection_text, 1)
        entry.addWidget(self.add_reflection, alignment=Qt.AlignmentFlag.AlignBottom)
        bottom_box.addLayout(entry)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Interventions (escalation ladder)"))
        self.add_button.setText(self.tr("+ Intervention"))
        self.reflections_title.setText(self.tr("Reflections on purpose, role and effect"))
        self.add_reflection.setText(self.tr("Add reflection"))
        self.reflection_text.setAccessibleName(self.tr("Reflection"))
        self.table.setAccessibleName(self.tr("Interventions"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Rung"),
                self.tr("Action"),
                self.tr("Addressed to"),
                self.tr("Planned"),
                self.tr("Done"),
                self.tr("Status"),
                self.tr("Plan of action"),
            ]
        )
        current = self.moment.currentData()
        self.moment.clear()
        for m in MOMENTS:
            self.moment.addItem(labels.reflection_moment(m), m)
        self.moment.setCurrentIndex(max(0, self.moment.findData(current)))
        if self.view is not None:
            self._show_view(self.view)

    def open_inspection(self, inspection_id: str) -> None:
        self.inspection_id = inspection_id
        self.reload()

    def reload(self) -> None:
        iid = self.inspection_id
        if iid is None:
            return

        def read(session: Any) -> tuple[FollowUpView, OutcomeFormOptions, FindingsOverview]:
            return (
                follow_up.follow_up_view(session, iid),
                outcome_options.outcome_options(session, iid),
                findings.findings_overview(session, iid),
            )

        ops.submit(self.workspace, read, on_done=self._loaded, on_error=self._error)

    def _loaded(self, data: tuple[FollowUpView, OutcomeFormOptions, FindingsOverview]) -> None:
        self.view, self.options, self.overview = data
        self._show_view(self.view)

    def _show_view(self, view: FollowUpView) -> None:
        actions = {a.code: labels.code_text(a) for a in self.options.action_types} if self.options else {}
        self.table.setRowCount(len(view.interventions))
        for row, i in enumerate(view.interventions):
            cells = (
                labels.ladder_rung(i.ladder),
                actions.get(i.action_type, i.action_type),
                i.organisation_name or self.tr("the network"),
                f"{i.planned_on:%d-%m-%Y}" if i.planned_on else "—",
                f"{i.done_on:%d-%m-%Y}" if i.done_on else "—",
                labels.intervention_status(i.status),
                labels.plan_assessment(i.assessment),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(i.intended_message or i.rationale or "")
                self.table.setItem(row, col, item)
        self.reflections.clear()
        for r in view.reflections:
            when = f"{r.written_at.astimezone():%d-%m-%Y}"
            line = QListWidgetItem(
                f"{labels.reflection_moment(r.moment)} · {when} · {r.author or ''}\n{r.text}"
            )
            line.setData(Qt.ItemDataRole.UserRole, r.id)
            self.reflections.addItem(line)

    def _edit(self, row: int) -> None:
        if self.view is not None and 0 <= row < len(self.view.interventions):
            self._open(self.view.interventions[row])

    def _open(self, current: Any) -> None:
        if self.inspection_id is None or self.options is None:
            return
        found = self.overview.findings if self.overview else ()
        dialog = InterventionDialog(self.workspace, self.inspection_id, self.options, found, current, self)
        dialog.saved.connect(lambda _id: self.reload())
        open_dialog(dialog)

    def _save_reflection(self) -> None:
        if self.inspection_id is None:
            return
        moment = self.moment.currentData()
        fields = ReflectionDraft(
            ReflectionMoment(moment) if moment else None, self.reflection_text.toPlainText()
        )
        ops.submit(
            self.workspace,
            follow_up.save_reflection,
            self.workspace.ctx,
            self.inspection_id,
            fields,
            on_done=self._reflection_saved,
            on_error=self._error,
        )

    def _reflection_saved(self, _result: Any) -> None:
        self.reflection_text.clear()  # only after the save: a refused text stays
        self.status.setText("")
        self.reload()

    def _error(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))
