"""Forms of a supervision trajectory: start or edit one, end one (the end rationale is
required), a reporting duty, and a report received. Each writes through
services/trajectories.py; a refusal shows as a translated message in the form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from inspectorapp.domain.enums import ReportFrequency, TrajectoryKind
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.domain.trajectory_schedule import SlotState
from inspectorapp.domain.trajectory_views import (
    DutyDraft,
    DutyView,
    ReportDraft,
    TrajectoryDraft,
    TrajectoryView,
)
from inspectorapp.errors import ValidationError
from inspectorapp.services import trajectories

from .dialogs import fit_to_screen
from .form_dialog import FormDialog
from .messages import field_name, issue_text, message_for

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

_NO_DATE = QDate(2000, 1, 1)  # shown as "—": the special value of an optional date

KINDS = {
    TrajectoryKind.INTENSIFIED: QT_TRANSLATE_NOOP("TrajectoryLabels", "Intensified supervision"),
    TrajectoryKind.HEIGHTENED: QT_TRANSLATE_NOOP("TrajectoryLabels", "Heightened supervision"),
}
FREQUENCIES = {
    ReportFrequency.ONCE: QT_TRANSLATE_NOOP("TrajectoryLabels", "once"),
    ReportFrequency.FORTNIGHTLY: QT_TRANSLATE_NOOP("TrajectoryLabels", "every two weeks"),
    ReportFrequency.MONTHLY: QT_TRANSLATE_NOOP("TrajectoryLabels", "monthly"),
    ReportFrequency.QUARTERLY: QT_TRANSLATE_NOOP("TrajectoryLabels", "quarterly"),
    ReportFrequency.HALF_YEARLY: QT_TRANSLATE_NOOP("TrajectoryLabels", "every six months"),
}
STATES = {
    SlotState.RECEIVED: QT_TRANSLATE_NOOP("TrajectoryLabels", "received"),
    SlotState.LATE: QT_TRANSLATE_NOOP("TrajectoryLabels", "late"),
    SlotState.DUE_SOON: QT_TRANSLATE_NOOP("TrajectoryLabels", "due soon"),
    SlotState.UPCOMING: QT_TRANSLATE_NOOP("TrajectoryLabels", "planned"),
}
_FIELDS = {
    "kind": QT_TRANSLATE_NOOP("TrajectoryLabels", "Type"),
    "end_rationale": QT_TRANSLATE_NOOP("TrajectoryLabels", "Rationale for ending"),
    "conditions": QT_TRANSLATE_NOOP("TrajectoryLabels", "Conditions"),
    "board_informed": QT_TRANSLATE_NOOP("TrajectoryLabels", "Board informed"),
    "board_informed_on": QT_TRANSLATE_NOOP("TrajectoryLabels", "Board informed on"),
    "subject": QT_TRANSLATE_NOOP("TrajectoryLabels", "What is reported"),
    "frequency": QT_TRANSLATE_NOOP("TrajectoryLabels", "Frequency"),
    "first_due_on": QT_TRANSLATE_NOOP("TrajectoryLabels", "First due on"),
    "due_on": QT_TRANSLATE_NOOP("TrajectoryLabels", "Due date"),
    "received_on": QT_TRANSLATE_NOOP("TrajectoryLabels", "Received on"),
    "summary": QT_TRANSLATE_NOOP("TrajectoryLabels", "Summary"),
}
_PROBLEMS = {
    "board_not_informed": QT_TRANSLATE_NOOP(
        "TrajectoryLabels", "A date the board was informed needs “Board informed” ticked."
    ),
    "in_future": QT_TRANSLATE_NOOP("TrajectoryLabels", "{field} lies in the future."),
    "after_end": QT_TRANSLATE_NOOP("TrajectoryLabels", "{field} lies after the end of the trajectory."),
    "not_a_due_date": QT_TRANSLATE_NOOP("TrajectoryLabels", "{field} is not one of the duty's due dates."),
    "after_first_due": QT_TRANSLATE_NOOP(
        "TrajectoryLabels", "{field} lies after the first due date of a reporting duty."
    ),
    "before_first_due": QT_TRANSLATE_NOOP(
        "TrajectoryLabels", "{field} lies before the first due date of a reporting duty."
    ),
    "duplicate": QT_TRANSLATE_NOOP("TrajectoryLabels", "A report for this due date was already recorded."),
    "not_allowed": QT_TRANSLATE_NOOP(
        "TrajectoryLabels", "The signal is about another organisation than the trajectory."
    ),
}


def _t(text: object) -> str:
    return QCoreApplication.translate("TrajectoryLabels", str(text))


def kind_text(kind: str) -> str:
    return _t(KINDS.get(TrajectoryKind(kind), kind))


def frequency_text(frequency: str) -> str:
    return _t(FREQUENCIES.get(ReportFrequency(frequency), frequency))


def state_text(state: SlotState) -> str:
    return _t(STATES[state])


def trajectory_message(error: BaseException) -> str:
    """The app's messages, with the trajectory forms' own field names and problems."""
    if not isinstance(error, ValidationError):
        return message_for(error)
    texts = []
    for issue in error.issues:
        name = _t(_FIELDS[issue.field]) if issue.field in _FIELDS else field_name(issue.field)
        if issue.problem in _PROBLEMS:
            texts.append(_t(_PROBLEMS[issue.problem]).format(field=name))
        elif issue.field in _FIELDS:  # the app's sentence, with this form's name for the field
            texts.append(issue_text(issue).replace(field_name(issue.field), name, 1))
        else:
            texts.append(issue_text(issue))
    return " ".join(texts)


def day(value: date | None) -> str:
    return f"{value:%d-%m-%Y}" if value is not None else ""


def date_edit(value: date | None, optional: bool = False) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    if optional:
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText("—")
    shown = value or (None if optional else date.today())
    edit.setDate(QDate(shown.year, shown.month, shown.day) if shown else _NO_DATE)
    return edit


def date_of(edit: QDateEdit) -> date | None:
    picked = edit.date()
    return None if picked == _NO_DATE else date(picked.year(), picked.month(), picked.day())


def _box(text: str | None, height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit(text or "")
    box.setTabChangesFocus(True)
    box.setMaximumHeight(height)
    return box


class _Form(FormDialog):
    """The trajectory forms: their refusals worded for trajectories, the day injectable."""

    def __init__(self, workspace: Workspace, name: str, parent: QWidget | None) -> None:
        super().__init__(workspace, name, parent)
        self.today: Callable[[], date] = date.today

    def message(self, exc: BaseException) -> str:
        return trajectory_message(exc)

    def _submit(self, fn: Callable[..., Any], *args: object) -> None:
        self._write(lambda s: fn(s, self.workspace.ctx, *args))


class TrajectoryDialog(_Form):
    """Start a trajectory for ``subject``, or edit ``current``."""

    def __init__(
        self,
        workspace: Workspace,
        subject: SubjectRef,
        current: TrajectoryView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, "trajectoryDialog", parent)
        self.setWindowTitle(self.tr("Supervision trajectory"))
        fit_to_screen(self, 620, 600)
        self.subject, self.current = subject, current
        d = current.draft() if current else TrajectoryDraft()
        self.kind = QComboBox()
        self.kind.setObjectName("trajectoryKind")
        for kind in TrajectoryKind:
            self.kind.addItem(kind_text(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(d.kind)))
        self.started_on = date_edit(d.started_on)
        self.started_on.setObjectName("trajectoryStart")
        self.ended_on = date_edit(d.ended_on, optional=True)
        self.rationale = _box(d.rationale)
        self.rationale.setObjectName("trajectoryRationale")
        self.end_rationale = _box(d.end_rationale, 50)
        self.conditions = _box(d.conditions, 90)
        self.conditions.setObjectName("trajectoryConditions")
        self.conditions.setPlaceholderText(self.tr("One condition per line"))
        self.owner = QLineEdit(d.owner or "")
        self.board = QCheckBox(self.tr("The board has been informed"))
        self.board.setObjectName("boardInformed")
        self.board.setChecked(d.board_informed)
        self.board_on = date_edit(d.board_informed_on, optional=True)
        self.board_on.setObjectName("boardInformedOn")
        self.board_on.setEnabled(d.board_informed)
        self.board.toggled.connect(self.board_on.setEnabled)
        self.form.addRow(self.tr("Type"), self.kind)
        self.form.addRow(self.tr("Start"), self.started_on)
        self.form.addRow(self.tr("Rationale"), self.rationale)
        self.form.addRow(self.tr("Conditions"), self.conditions)
        self.form.addRow(self.tr("Owner"), self.owner)
        self.form.addRow("", self.board)
        self.form.addRow(self.tr("Board informed on"), self.board_on)
        self.form.addRow(self.tr("End"), self.ended_on)
        self.form.addRow(self.tr("Rationale for ending"), self.end_rationale)

    def draft(self) -> TrajectoryDraft:
        informed = self.board.isChecked()
        return TrajectoryDraft(
            kind=TrajectoryKind(self.kind.currentData()),
            started_on=date_of(self.started_on),
            rationale=self.rationale.toPlainText(),
            ended_on=date_of(self.ended_on),
            end_rationale=self.end_rationale.toPlainText() or None,
            conditions=self.conditions.toPlainText(),
            owner=self.owner.text() or None,
            board_informed=informed,
            board_informed_on=date_of(self.board_on) if informed else None,
        )

    def save(self) -> None:
        if self.current is None:
            self._submit(trajectories.start_trajectory, self.subject, self.draft(), self.today())
        else:
            self._submit(trajectories.edit_trajectory, self.current.id, self.draft(), self.today())


class EndTrajectoryDialog(_Form):
    """End a trajectory: the day and why (both required)."""

    def __init__(self, workspace: Workspace, current: TrajectoryView, parent: QWidget | None = None) -> None:
        super().__init__(workspace, "endTrajectoryDialog", parent)
        self.setWindowTitle(self.tr("End supervision trajectory"))
        fit_to_screen(self, 560, 320)
        self.current = current
        self.ended_on = date_edit(current.ended_on)
        self.ended_on.setObjectName("trajectoryEnd")
        self.end_rationale = _box(current.end_rationale, 120)
        self.end_rationale.setObjectName("trajectoryEndRationale")
        intro = QLabel(kind_text(current.kind) + " · " + day(current.started_on))
        self.form.addRow(intro)
        self.form.addRow(self.tr("End"), self.ended_on)
        self.form.addRow(self.tr("Rationale for ending"), self.end_rationale)

    def save(self) -> None:
        self._submit(
            trajectories.end_trajectory,
            self.current.id,
            date_of(self.ended_on),
            self.end_rationale.toPlainText(),
            self.today(),
        )


class DutyDialog(_Form):
    """A reporting duty of ``trajectory``: what, how often, first due on."""

    def __init__(
        self,
        workspace: Workspace,
        trajectory: TrajectoryView,
        current: DutyView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, "dutyDialog", parent)
        self.setWindowTitle(self.tr("Reporting duty"))
        fit_to_screen(self, 560, 300)
        self.trajectory, self.current = trajectory, current
        self.subject = QLineEdit(current.subject if current else "")
        self.subject.setObjectName("dutySubject")
        self.frequency = QComboBox()
        self.frequency.setObjectName("dutyFrequency")
        for f in ReportFrequency:
            self.frequency.addItem(frequency_text(f), f)
        chosen = current.frequency if current else ReportFrequency.MONTHLY
        self.frequency.setCurrentIndex(max(0, self.frequency.findData(chosen)))
        self.first_due_on = date_edit(current.first_due_on if current else trajectory.started_on)
        self.first_due_on.setObjectName("dutyFirstDue")
        self.form.addRow(self.tr("What is reported"), self.subject)
        self.form.addRow(self.tr("Frequency"), self.frequency)
        self.form.addRow(self.tr("First due on"), self.first_due_on)

    def save(self) -> None:
        draft = DutyDraft(
            self.subject.text(), ReportFrequency(self.frequency.currentData()), date_of(self.first_due_on)
        )
        self._submit(
            trajectories.save_duty, self.trajectory.id, draft, self.current.id if self.current else None
        )


class ReportDialog(_Form):
    """A report received under ``duty`` for one of its due dates (those not yet answered, or
    the one this report answers), optionally with the signal captured from it."""

    def __init__(
        self,
        workspace: Workspace,
        duty: DutyView,
        due_on: date | None,
        signals: list[tuple[str, str]],
        signal_id: str | None = None,
        report_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, "reportDialog", parent)
        self.setWindowTitle(self.tr("Report received"))
        fit_to_screen(self, 600, 380)
        self.duty, self.report_id = duty, report_id
        current = duty.report(report_id)
        self.due_on = QComboBox()
        self.due_on.setObjectName("reportDueOn")
        for s in duty.slots:
            if s.report_id is None or s.report_id == report_id:
                self.due_on.addItem(f"{day(s.due_on)} · {state_text(s.state)}", s.due_on)
        wanted = current.due_on if current else due_on
        days = [self.due_on.itemData(i) for i in range(self.due_on.count())]  # findData misses dates
        self.due_on.setCurrentIndex(days.index(wanted) if wanted in days else 0)
        self.received_on = date_edit(current.received_on if current else None)
        self.received_on.setObjectName("reportReceivedOn")
        self.summary = _box(current.summary if current else "", 120)
        self.summary.setObjectName("reportSummary")
        self.signal = QComboBox()
        self.signal.setObjectName("reportSignal")
        self.signal.addItem("—", None)
        for sid, text in signals:
            self.signal.addItem(text, sid)
        self.signal.setCurrentIndex(max(0, self.signal.findData(current.signal_id if current else signal_id)))
        subject = QLabel(duty.subject)
        subject.setTextFormat(Qt.TextFormat.PlainText)  # as typed, tags and all
        subject.setWordWrap(True)
        self.form.addRow(subject)
        self.form.addRow(self.tr("Due date"), self.due_on)
        self.form.addRow(self.tr("Received on"), self.received_on)
        self.form.addRow(self.tr("Summary"), self.summary)
        self.form.addRow(self.tr("Signal captured from it"), self.signal)

    def save(self) -> None:
        draft = ReportDraft(
            self.due_on.currentData(),
            date_of(self.received_on),
            self.summary.toPlainText(),
            self.signal.currentData(),
        )
        self._submit(trajectories.record_report, self.duty.id, draft, self.today(), self.report_id)
