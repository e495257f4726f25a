"""The navigation page "Overleg": the list of meetings (newest first) with "+ Meeting" and the
organisations overdue for a periodic review on the left; on the right the chosen meeting, its
agenda and, for the chosen subject on it, the agenda pack as a readable screen (sections with
counts), with "+ Decision" and "PDF…" (an internal PDF, written off the GUI thread, audited).

The pack leaves restricted and reporter-confidential signals out and says how many
(services/agenda_pack.py). The page follows the change bus."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.agenda_pack_views import AgendaPack
from inspectorapp.domain.deliberation_views import DeliberationSummary, DeliberationView, OverdueSubject
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.services import agenda_pack, deliberations, review_cycle

from . import ops
from .agenda_pack_view import pack_html
from .change_bus import follow
from .deliberation_dialog import DeliberationDialog, kind_text, subject_text
from .dialogs import open_dialog
from .messages import message_for
from .pdf_export import PdfExport, choose_pdf_file

if TYPE_CHECKING:
    from inspectorapp.workspace import DbSession, Workspace

FOLLOWS = (
    "deliberation",
    "deliberation_item",
    "decision",
    "decision_subject",
    "signal",
    "signal_link",
    "concern",
    "concern_signal",
    "concern_hypothesis",
    "concern_rating",
    "intervention",
    "trajectory",
    "reporting_duty",
    "trajectory_report",
    "organisation",
    "network",
)
ROLE = 256  # Qt.UserRole


def _load_lists(session: DbSession, today: date) -> tuple[list[DeliberationSummary], list[OverdueSubject]]:
    return deliberations.list_deliberations(session), review_cycle.overdue_for_review(session, today)


def _d(day: date) -> str:
    return f"{day:%d-%m-%Y}"


class DeliberationPage(QWidget):
    def __init__(
        self,
        workspace: Workspace,
        open_subject: Callable[[SubjectRef], None] | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self.setObjectName("deliberationPage")
        self.workspace = workspace
        self.open_subject = open_subject
        self.today = today  # tests pass a fixed day
        self.summaries: list[DeliberationSummary] = []
        self.view: DeliberationView | None = None
        self.pack: AgendaPack | None = None
        self.opened: QWidget | None = None
        self.loads = self.pack_loads = self.pdfs = 0  # finished reads and PDFs (tests wait for them)
        self.pdf_export = PdfExport(workspace, self, self._pdf_failed)  # one PDF at a time

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.new_button = QPushButton()
        self.new_button.setObjectName("newDeliberation")
        self.new_button.clicked.connect(self.new_deliberation)
        self.list = QListWidget()
        self.list.setObjectName("deliberationList")
        # tooltips hold what a narrow list cuts off
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(lambda _r: self._chosen())
        self.overdue_title = QLabel()
        self.overdue = QListWidget()
        self.overdue.setObjectName("overdueList")
        self.overdue.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overdue.itemActivated.connect(self._open_overdue)
        self.overdue.itemClicked.connect(self._open_overdue)
        left = QWidget()
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.new_button)
        lbox.addLayout(head)
        lbox.addWidget(self.list, 3)
        lbox.addWidget(self.overdue_title)
        lbox.addWidget(self.overdue, 2)

        self.heading = QLabel()
        self.heading.setObjectName("deliberationHeading")
        self.heading.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_deliberation)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_deliberation)
        self.agenda_title = QLabel()
        self.agenda = QListWidget()
        self.agenda.setObjectName("agendaList")
        self.agenda.setMaximumHeight(110)
        self.agenda.currentRowChanged.connect(lambda _r: self.load_pack())
        self.decision_button = QPushButton()
        self.decision_button.setObjectName("newDecision")
        self.decision_button.clicked.connect(self.new_decision)
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("agendaPackPdf")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.browser = QTextBrowser()
        self.browser.setObjectName("agendaPack")
        self.browser.setOpenLinks(False)
        self.status = QLabel()
        self.status.setObjectName("error")
        self.status.setWordWrap(True)
        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        rbox.addLayout(top)
        rbox.addWidget(self.meta)
        rbox.addWidget(self.agenda_title)
        rbox.addWidget(self.agenda)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.decision_button)
        actions.addWidget(self.pdf_button)
        rbox.addLayout(actions)
        rbox.addWidget(self.browser, 1)
        rbox.addWidget(self.status)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        follow(workspace, self, FOLLOWS, lambda _c, _o: self.reload())
        self.retranslate()
        self._enable()
        self.reload()

    # ----- the lists ------------------------------------------------------------------

    def reload(self) -> None:
        ops.submit(self.workspace, _load_lists, self.today(), on_done=self._lists, on_error=self._failed)

    def _lists(self, loaded: tuple[list[DeliberationSummary], list[OverdueSubject]]) -> None:
        summaries, overdue = loaded
        chosen = self.current_id()
        self.summaries = summaries
        self.list.blockSignals(True)
        self.list.clear()
        for s in summaries:
            title = f" – {s.title}" if s.title else ""
            item = QListWidgetItem(f"{_d(s.held_on)}  {kind_text(s.kind)}{title}")
            item.setToolTip(item.text())
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [s.id for s in summaries]
        self.list.setCurrentRow(ids.index(chosen) if chosen in ids else (0 if ids else -1))
        self.overdue.clear()
        for o in overdue:
            last = _d(o.last_periodic) if o.last_periodic else self.tr("never")
            item = QListWidgetItem(
                self.tr("{0} (last periodic review: {1})").format(subject_text(o.name, o.subject), last)
            )
            item.setData(ROLE, o.subject)
            item.setToolTip(item.text())  # the whole line where the narrow list cuts it
            self.overdue.addItem(item)
        count = len(overdue)
        self.overdue_title.setText(self.tr("Overdue for review (%n)", "", count))
        self.loads += 1
        self._chosen()

    def current_id(self) -> str | None:
        row = self.list.currentRow()
        return self.summaries[row].id if 0 <= row < len(self.summaries) else None

    def select(self, deliberation_id: str) -> None:
        ids = [s.id for s in self.summaries]
        if deliberation_id in ids:
            self.list.setCurrentRow(ids.index(deliberation_id))

    def _open_overdue(self, item: QListWidgetItem) -> None:
        subject = item.data(ROLE)
        if self.open_subject is not None and isinstance(subject, SubjectRef):
            self.open_subject(subject)

    # ----- the chosen overleg --------------------------------------------------------

    def _chosen(self) -> None:
        deliberation_id = self.current_id()
        if deliberation_id is None:
            self._show(None)
            return
        ops.submit(
            self.workspace, deliberations.view, deliberation_id, on_done=self._show, on_error=self._failed
        )

    def _show(self, view: DeliberationView | None) -> None:
        if view is not None and view.id != self.current_id():
            return  # an answer for a meeting chosen before
        previous = self.current_subject()
        self.view = view
        self.agenda.blockSignals(True)
        self.agenda.clear()
        if view is None:
            self.heading.setText(self.tr("No meeting chosen."))
            self.meta.clear()
        else:
            title = f" – {view.title}" if view.title else ""
            self.heading.setText(f"<b>{escape(kind_text(view.kind))}</b> {_d(view.held_on)}{escape(title)}")
            lines = []
            if view.chair:
                lines.append(self.tr("Chair: {0}").format(view.chair))
            if view.participants:
                lines.append(self.tr("Participants: {0}").format(", ".join(view.participants)))
            if view.notes.strip():
                lines.append(view.notes.strip())
            self.meta.setText("\n".join(lines))
            for entry in view.agenda:
                item = QListWidgetItem(subject_text(entry.name, entry.subject))
                item.setData(ROLE, entry.subject)
                self.agenda.addItem(item)
        subjects = self.agenda_subjects()
        self.agenda.setCurrentRow(
            subjects.index(previous) if previous in subjects else (0 if subjects else -1)
        )
        self.agenda.blockSignals(False)
        count = len(subjects)
        self.agenda_title.setText(self.tr("Agenda (%n)", "", count))
        self._enable()
        self.load_pack()

    def agenda_subjects(self) -> list[SubjectRef]:
        return [self.agenda.item(n).data(ROLE) for n in range(self.agenda.count())]

    def current_subject(self) -> SubjectRef | None:
        item = self.agenda.currentItem()
        return item.data(ROLE) if item is not None else None

    def load_pack(self) -> None:
        subject = self.current_subject()
        if self.view is None or subject is None:
            self.pack = None
            self.browser.setHtml(
                escape(self.tr("Put an organisation or network on the agenda to see its pack."))
            )
            self._enable()
            return
        ops.submit(
            self.workspace,
            agenda_pack.agenda_pack,
            self.view.id,
            subject,
            self.today(),
            on_done=self._pack,
            on_error=self._failed,
        )

    def _pack(self, pack: AgendaPack) -> None:
        if (
            self.view is None
            or pack.deliberation_id != self.view.id
            or pack.subject != self.current_subject()
        ):
            return
        self.pack = pack
        self.browser.setHtml(pack_html(pack))
        self._enable()
        self.pack_loads += 1

    def _enable(self) -> None:
        has = self.view is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.decision_button.setEnabled(self.pack is not None)
        self.pdf_button.setEnabled(self.pack is not None and not self.pdf_export.busy)

    # ----- actions --------------------------------------------------------------------

    def new_deliberation(self) -> None:
        dialog = DeliberationDialog(self.workspace, parent=self)
        dialog.saved.connect(self._saved)
        self.opened = open_dialog(dialog)

    def edit_deliberation(self) -> None:
        if self.view is not None:
            dialog = DeliberationDialog(self.workspace, self.view.id, parent=self)
            dialog.saved.connect(self._saved)
            self.opened = open_dialog(dialog)

    def _saved(self, view: DeliberationView) -> None:
        def shown(loaded: tuple[list[DeliberationSummary], list[OverdueSubject]]) -> None:
            self._lists(loaded)
            self.select(view.id)

        ops.submit(self.workspace, _load_lists, self.today(), on_done=shown, on_error=self._failed)

    def delete_deliberation(self) -> None:
        if self.view is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete meeting"), self.tr("Delete this meeting and its agenda?")
        )
        if answer == QMessageBox.StandardButton.Yes:
            ctx, deliberation_id = self.workspace.ctx, self.view.id
            ops.submit(
                self.workspace,
                lambda s: deliberations.delete_deliberation(s, ctx, deliberation_id),
                on_done=lambda _r: None,
                on_error=self._failed,
            )

    def new_decision(self) -> None:
        subject = self.current_subject()
        if self.view is None or subject is None:
            return
        from .decision_dialog import DecisionDialog

        dialog = DecisionDialog(self.workspace, subject, deliberation_id=self.view.id, parent=self)
        dialog.saved.connect(lambda _id: self.load_pack())  # the bus does too; this is at once
        self.opened = open_dialog(dialog)

    def save_pdf(self) -> None:
        if self.pack is None:
            return
        target = choose_pdf_file(
            self,
            self.tr("Save agenda pack as PDF"),
            agenda_pack.pdf_file_name(self.pack),
            self.tr("PDF (*.pdf)"),
        )
        if target:
            self.save_pdf_to(target)

    def save_pdf_to(self, path: Path) -> None:
        """Render and write on a worker thread (a fresh read first), then audit the file."""
        pack, ctx, today = self.pack, self.workspace.ctx, self.today()
        if pack is None or self.pdf_export.busy:
            return
        self.status.setText(self.tr("Making the PDF…"))
        self.pdf_export.start(
            path,
            read=lambda s: agenda_pack.agenda_pack(s, pack.deliberation_id, pack.subject, today),
            write=lambda fresh, target, language: agenda_pack.write_pdf(fresh, target, language, today),
            record=lambda s, fresh, written: agenda_pack.record_pdf(s, ctx, fresh, written),
            saved=self._pdf_saved,
        )
        self._enable()

    def _pdf_saved(self, written: agenda_pack.PackPdf) -> None:
        left_out = written.left_out
        if left_out:
            text = self.tr("Saved: {0} (%n internal signal(s) left out)", "", left_out)
        else:
            text = self.tr("Saved: {0}")
        self.status.setText(text.format(written.path.name))
        self.status.setToolTip(str(written.path))
        self._pdf_done()

    def _pdf_failed(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))
        self._pdf_done()

    def _pdf_done(self) -> None:
        self._enable()
        self.pdfs += 1

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))

    # ----- language ------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Meetings"))
        self.new_button.setText(self.tr("+ Meeting"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.decision_button.setText(self.tr("+ Decision"))
        self.pdf_button.setText(self.tr("PDF…"))
        self.pdf_button.setToolTip(
            self.tr("Save the agenda pack as an internal PDF, without confidential signals")
        )
        self.list.setAccessibleName(self.tr("Meetings"))
        if self.pack is not None:
            self.browser.setHtml(pack_html(self.pack))
