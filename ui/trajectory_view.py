"""The Supervision tab of the organisation page: the trajectories (active first) with their
type, period, rationale and conditions, the reporting duties with their due dates and the
reports received; a banner while the board is not informed; each late report with
"Capture a signal…" (entrance TRAJECT_RAPPORTAGE)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.drafts import SignalDraft, SignalPrefill
from inspectorapp.domain.enums import SignalKind, Valence
from inspectorapp.domain.framework_codes import EntranceCode
from inspectorapp.domain.snapshots import SignalSnapshot
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from inspectorapp.domain.trajectory_schedule import SlotState
from inspectorapp.domain.trajectory_views import (
    BoardNotInformed,
    DueReport,
    DutyView,
    TrajectoryView,
    TrajectoryWarnings,
)
from inspectorapp.services import trajectories

from . import ops
from .change_bus import follow
from .dialogs import open_dialog
from .trajectory_dialog import (
    DutyDialog,
    EndTrajectoryDialog,
    ReportDialog,
    TrajectoryDialog,
    day,
    frequency_text,
    kind_text,
    state_text,
    trajectory_message,
)

if TYPE_CHECKING:
    from inspectorapp.workspace import DbSession, Workspace

FOLLOWS = ("trajectory", "reporting_duty", "trajectory_report", "signal")
WARNING_STYLE = "background: #fdecea; color: #8a1c12; border: 1px solid #e0a39c; padding: 6px;"
_LATE = QColor("#b3261e")


def board_warning_text(w: BoardNotInformed) -> str:
    """ "The board has not been informed of this trajectory (since 01-02-2026, 10 months)"."""
    since = day(w.since)
    months, days = w.months, w.days
    if months >= 1:
        text = QCoreApplication.translate(
            "TrajectoryView",
            "The board has not been informed of this trajectory (since {since}, %n month(s))",
            "",
            months,
        )
    else:
        text = QCoreApplication.translate(
            "TrajectoryView",
            "The board has not been informed of this trajectory (since {since}, %n day(s))",
            "",
            days,
        )
    return f"{kind_text(w.kind)}: {text.format(since=since)}"


def signal_label(observed_on: date, observation: str) -> str:
    return f"{day(observed_on)} · {observation[:80]}"


def load(
    session: DbSession, subject: SubjectRef, today: date
) -> tuple[list[TrajectoryView], TrajectoryWarnings, dict[str, list[tuple[str, str]]]]:
    views = trajectories.trajectories_for(session, subject, today)
    signals = {
        v.id: [(sid, signal_label(at, text)) for sid, at, text in trajectories.report_signals(session, v.id)]
        for v in views
    }
    return views, trajectories.trajectory_warnings(session, subject, today), signals


class SupervisionView(QWidget):
    def __init__(self, workspace: Workspace, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.setObjectName("supervisionView")
        self.workspace = workspace
        self.today = today  # tests pass a fixed day
        self.subject: SubjectRef | None = None
        self.views: list[TrajectoryView] = []
        self.warnings = TrajectoryWarnings()
        self.signals: dict[str, list[tuple[str, str]]] = {}
        self.captured: dict[tuple[str, date], str] = {}
        # Labels of the signals captured here: the list in `signals` is reloaded from the change
        # set, which may not have arrived when the inspector records the report right away.
        self.captured_labels: dict[str, str] = {}
        self.tree_items: list[QTreeWidgetItem] = []  # (duty, due date) -> the signal captured
        self.banner = QLabel()
        self.banner.setObjectName("boardWarning")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(WARNING_STYLE)
        self.banner.setVisible(False)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for name, slot in (
            ("newTrajectory", self.new_trajectory),
            ("editTrajectory", self.edit_trajectory),
            ("endTrajectory", self.end_trajectory),
            ("newDuty", self.new_duty),
            ("editDuty", self.edit_duty),
            ("removeDuty", self.remove_duty),
            ("recordReport", self.record_report),
        ):
            button = QPushButton()
            button.setObjectName(name)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[name] = button
        bar.addStretch(1)
        self.tree = QTreeWidget()
        self.tree.setObjectName("trajectoryTree")
        self.tree.setColumnCount(3)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.currentItemChanged.connect(lambda _a, _b: self._selected())
        self.tree.itemActivated.connect(lambda _i, _c: self.record_report())  # Enter or double click
        self.detail = QLabel()
        self.detail.setObjectName("trajectoryDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.late_box = QGroupBox()
        self.late_box.setObjectName("lateReports")
        self.late_rows = QVBoxLayout(self.late_box)
        self.empty = QLabel()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.detail, 1)
        right_layout.addWidget(self.late_box)
        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)
        layout.addWidget(self.error)
        follow(workspace, self, FOLLOWS, lambda _c, _o: self.reload())
        self.retranslate()

    def help_keys(self) -> tuple[str, list[tuple[str, str]]]:
        """F1 lists the tab's keys (ui/help_overlay.py)."""
        return self.tr("Supervision"), [
            ("↑ / ↓", self.tr("Choose a trajectory, duty or due date")),
            ("Enter", self.tr("Record the report for the chosen due date")),
        ]

    def retranslate(self) -> None:
        for name, text in (
            ("newTrajectory", self.tr("+ Trajectory")),
            ("editTrajectory", self.tr("Edit…")),
            ("endTrajectory", self.tr("End…")),
            ("newDuty", self.tr("+ Reporting duty")),
            ("editDuty", self.tr("Edit duty…")),
            ("removeDuty", self.tr("Remove duty")),
            ("recordReport", self.tr("Report received…")),
        ):
            self.buttons[name].setText(text)
        self.tree.setHeaderLabels(
            [self.tr("Trajectory · reporting duty · due date"), self.tr("Date"), self.tr("State")]
        )
        self.late_box.setTitle(self.tr("Late reports"))
        self.empty.setText(self.tr("No supervision trajectory. Start one with “+ Trajectory”."))

    # ----- loading ------------------------------------------------------------------------------
    def show_subject(self, subject: SubjectRef) -> None:
        if subject != self.subject:
            self.captured.clear()
            self.captured_labels.clear()
        self.subject = subject
        self.reload()

    def reload(self) -> None:
        asked = self.subject
        if asked is None:
            return

        def loaded(
            r: tuple[list[TrajectoryView], TrajectoryWarnings, dict[str, list[tuple[str, str]]]],
        ) -> None:
            self._loaded(asked, r)

        ops.submit(
            self.workspace,
            load,
            asked,
            self.today(),
            on_done=loaded,
            on_error=lambda exc: self.error.setText(trajectory_message(exc)),
        )

    def _loaded(
        self,
        asked: SubjectRef,
        loaded: tuple[list[TrajectoryView], TrajectoryWarnings, dict[str, list[tuple[str, str]]]],
    ) -> None:
        if asked != self.subject:
            return  # another subject was asked for since
        chosen = self._current()
        self.views, self.warnings, self.signals = loaded
        self.error.clear()
        self.banner.setText("\n".join(board_warning_text(w) for w in self.warnings.board))
        self.banner.setVisible(bool(self.warnings.board))
        self.empty.setVisible(not self.views)
        self._fill_tree(chosen)
        self._fill_late()
        self._selected()

    def _fill_tree(self, chosen: tuple[str, ...] | None) -> None:
        self.tree.clear()
        self.tree_items = []
        for v in self.views:
            period = self._period(v)
            top = QTreeWidgetItem(
                [kind_text(v.kind), period, self.tr("active") if v.active else self.tr("ended")]
            )
            top.setData(0, Qt.ItemDataRole.UserRole, ("t", v.id))
            self.tree.addTopLevelItem(top)
            self.tree_items.append(top)
            for d in v.duties:
                duty = QTreeWidgetItem(
                    [f"{d.subject} ({frequency_text(d.frequency)})", day(d.first_due_on), ""]
                )
                duty.setData(0, Qt.ItemDataRole.UserRole, ("d", v.id, d.id))
                duty.setToolTip(0, d.subject)
                top.addChild(duty)
                self.tree_items.append(duty)
                for s in d.slots:
                    report = d.report(s.report_id)
                    state = state_text(s.state)
                    if s.received_on is not None:
                        state = self.tr("received {date}").format(date=day(s.received_on))
                    slot = QTreeWidgetItem([report.summary if report else "", day(s.due_on), state])
                    slot.setData(0, Qt.ItemDataRole.UserRole, ("s", v.id, d.id, s.due_on.isoformat()))
                    if s.state == SlotState.LATE:
                        for col in range(3):
                            slot.setForeground(col, QBrush(_LATE))
                    duty.addChild(slot)
                    self.tree_items.append(slot)
                duty.setExpanded(v.active)
            top.setExpanded(v.active)
        keys = [tuple(i.data(0, Qt.ItemDataRole.UserRole)) for i in self.tree_items]
        # What was chosen stays chosen; else (another subject, a removed duty) the first trajectory.
        wanted = chosen if chosen in keys else (keys[0] if keys else None)
        if wanted is not None:
            self.tree.setCurrentItem(self.tree_items[keys.index(wanted)])

    def _fill_late(self) -> None:
        while self.late_rows.count():
            child = self.late_rows.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        for r in self.warnings.late:
            row = QWidget()
            row.setObjectName("lateReport")
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel(
                self.tr("{subject} — due {date}").format(subject=r.duty_subject, date=day(r.due_on))
            )
            text.setTextFormat(Qt.TextFormat.PlainText)  # the duty's subject as typed
            text.setWordWrap(True)
            text.setStyleSheet(f"color: {_LATE.name()};")
            capture = QPushButton(self.tr("Capture a signal…"))
            capture.setObjectName("captureLateReport")
            capture.clicked.connect(lambda _c=False, due=r: self.capture_signal(due))
            line.addWidget(text, 1)
            line.addWidget(capture)
            self.late_rows.addWidget(row)
        self.late_box.setVisible(bool(self.warnings.late))

    # ----- selection ----------------------------------------------------------------------------
    def _current(self) -> tuple[str, ...] | None:
        item = self.tree.currentItem()
        key = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return tuple(key) if key else None

    def current_trajectory(self) -> TrajectoryView | None:
        key = self._current()
        return next((v for v in self.views if key and v.id == key[1]), None)

    def current_duty(self) -> DutyView | None:
        key, v = self._current(), self.current_trajectory()
        if v is None or key is None or len(key) < 3:
            return None
        return next((d for d in v.duties if d.id == key[2]), None)

    def current_due(self) -> date | None:
        key = self._current()
        return date.fromisoformat(key[3]) if key and len(key) == 4 else None

    def _selected(self) -> None:
        v, duty = self.current_trajectory(), self.current_duty()
        for name in ("editTrajectory", "endTrajectory", "newDuty"):
            self.buttons[name].setEnabled(v is not None)
        for name in ("editDuty", "removeDuty", "recordReport"):
            self.buttons[name].setEnabled(duty is not None)
        self.detail.setText(self._describe(v) if v is not None else "")

    def _period(self, v: TrajectoryView) -> str:
        now = self.tr("now")  # not inside an f-string: lupdate does not look there
        return f"{day(v.started_on)} – {day(v.ended_on) if v.ended_on else now}"

    def _describe(self, v: TrajectoryView) -> str:
        lines = [
            kind_text(v.kind),
            self._period(v),
            "",
            self.tr("Rationale"),
            v.rationale,
        ]
        if v.conditions:
            lines += ["", self.tr("Conditions"), *(f"• {c}" for c in v.conditions)]
        if v.owner:
            lines += ["", self.tr("Owner: {name}").format(name=v.owner)]
        if v.board_informed:
            informed = self.tr("Board informed on {date}").format(date=day(v.board_informed_on))
            lines += ["", informed if v.board_informed_on else self.tr("Board informed")]
        else:
            lines += ["", self.tr("Board not informed")]
        if v.end_rationale:
            lines += ["", self.tr("Rationale for ending"), v.end_rationale]
        return "\n".join(lines)

    # ----- actions ------------------------------------------------------------------------------
    def _open(self, dialog: TrajectoryDialog | EndTrajectoryDialog | DutyDialog | ReportDialog) -> None:
        dialog.today = self.today
        open_dialog(dialog)

    def new_trajectory(self) -> None:
        if self.subject is not None:
            self._open(TrajectoryDialog(self.workspace, self.subject, parent=self))

    def edit_trajectory(self) -> None:
        v = self.current_trajectory()
        if v is not None and self.subject is not None:
            self._open(TrajectoryDialog(self.workspace, self.subject, v, parent=self))

    def end_trajectory(self) -> None:
        v = self.current_trajectory()
        if v is not None:
            self._open(EndTrajectoryDialog(self.workspace, v, parent=self))

    def new_duty(self) -> None:
        v = self.current_trajectory()
        if v is not None:
            self._open(DutyDialog(self.workspace, v, parent=self))

    def edit_duty(self) -> None:
        v, duty = self.current_trajectory(), self.current_duty()
        if v is not None and duty is not None:
            self._open(DutyDialog(self.workspace, v, duty, parent=self))

    def record_report(self) -> None:
        v, duty, due = self.current_trajectory(), self.current_duty(), self.current_due()
        if v is None or duty is None:
            return
        slot = next((s for s in duty.slots if s.due_on == due), None)
        if due is None:  # the duty itself: its first due date not yet answered
            slot = next((s for s in duty.slots if s.report_id is None), None)
            due = slot.due_on if slot else None
        signal = self.captured.get((duty.id, due)) if due else None
        report = slot.report_id if slot else None
        signals = self.signals.get(v.id, [])
        if signal is not None and signal in self.captured_labels and all(sid != signal for sid, _ in signals):
            signals = [(signal, self.captured_labels[signal]), *signals]
        self._open(ReportDialog(self.workspace, duty, due, signals, signal, report, self))

    def remove_duty(self) -> None:
        duty, ctx = self.current_duty(), self.workspace.ctx
        if duty is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove"),
            self.tr("Remove this reporting duty with the reports recorded under it?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirmRemove")

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes.value:
                ops.submit(
                    self.workspace,
                    lambda s: trajectories.remove_duty(s, ctx, duty.id),
                    on_done=lambda _r: None,
                    on_error=lambda exc: self.error.setText(trajectory_message(exc)),
                )

        box.finished.connect(answered)
        open_dialog(box)

    def capture_signal(self, due: DueReport) -> None:
        """The signal form, prefilled for a report that did not come: this organisation (or
        network), entrance TRAJECT_RAPPORTAGE, a hard negative fact with what was due when."""
        from .signal_capture import SignalCapture

        network = self.subject is not None and self.subject.kind == SubjectRefKind.NETWORK
        draft = SignalDraft(
            organisation_id=due.organisation_id,
            network_id=due.network_id if network else None,
            kind=SignalKind.HARD,
            valence=Valence.NEGATIVE,
            observation=self.tr("Report not received: {subject} (due {date})").format(
                subject=due.duty_subject, date=day(due.due_on)
            ),
            entrance=EntranceCode.TRAJECTORY_REPORT,
        )
        dialog = SignalCapture(self.workspace, SignalPrefill(draft), self)
        dialog.captured.connect(lambda snap, key=(due.duty_id, due.due_on): self._captured(key, snap))
        self.capture_dialog = dialog
        open_dialog(dialog)

    def _captured(self, key: tuple[str, date], snapshot: SignalSnapshot) -> None:
        self.captured[key] = snapshot.id
        self.captured_labels[snapshot.id] = signal_label(snapshot.observed_at.date(), snapshot.observation)
