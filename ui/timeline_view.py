"""The timeline of an organisation or network with its toolbar: period, zoom, the mode
that compresses quiet periods and "PDF…" (Ctrl+P). It follows the change bus and opens a
signal on a click.

The PDF is internal: the same read as the picture, without restricted and reporter-
confidential signals. It is made as the report is: read on the database thread, rendered and
written (crash-safe) on a worker thread, audited on the database thread; the GUI thread only
asks where and shows the outcome."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.clock import utc_now
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.domain.timeline import Period, TimelineData, layout
from inspectorapp.services import timeline as timeline_service
from inspectorapp.workspace import Workspace

from . import ops
from .change_bus import ChangeOrigin, follow
from .dialogs import open_dialog
from .messages import message_for
from .pdf_export import PdfExport, choose_pdf_file
from .timeline_canvas import FLAG_TEXT, LABEL_WIDTH, MARK, PAD, TimelineCanvas

FOLLOWS = (
    "signal",
    "life_event",
    "visit",
    "conversation",
    "inspection",
    "inspection_subject",
    "intervention",
    "concern",
    "concern_status_change",
    "network_membership",
)
ZOOMS = (6, 9, 12, 18, 24, 36, 48)  # months per screen
DEFAULT_ZOOM = 3  # 18 months


class TimelineView(QWidget):
    """The timeline with its toolbar: period, zoom (months per screen) and compress mode."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.subject: SubjectRef | None = None
        self.data: TimelineData | None = None
        self.zoom = DEFAULT_ZOOM
        self.loads = 0  # finished reads (tests wait for them)
        self.pdfs = 0  # finished PDF attempts, written or not (tests wait for them)
        self._period_set_by_user = False
        self._load_failed = False  # the status line shows why the last read failed
        self.pdf_export = PdfExport(workspace, self, self._pdf_failed)  # one PDF at a time

        self.from_month = self._month_edit()
        self.to_month = self._month_edit()
        self.zoom_out_button = QToolButton()
        self.zoom_in_button = QToolButton()
        self.zoom_out_action = self._action(
            "−",
            self.tr("Zoom out (Ctrl+-)"),
            QKeySequence.StandardKey.ZoomOut,
            lambda: self.set_zoom(self.zoom + 1),
        )
        self.zoom_in_action = self._action(
            "+",
            self.tr("Zoom in (Ctrl++)"),
            QKeySequence.StandardKey.ZoomIn,
            lambda: self.set_zoom(self.zoom - 1),
        )
        self.zoom_out_button.setDefaultAction(self.zoom_out_action)
        self.zoom_in_button.setDefaultAction(self.zoom_in_action)
        self.pdf_button = QToolButton()
        self.pdf_button.setObjectName("timelinePdf")
        self.pdf_action = self._action(
            self.tr("PDF…"),
            self.tr("Save this period as an internal PDF, without confidential signals (Ctrl+P)"),
            QKeySequence.StandardKey.Print,
            self.save_pdf,
        )
        self.pdf_action.setIconText(self.pdf_action.text())  # a button drops a trailing "…"
        self.pdf_action.setEnabled(False)  # until there is a timeline to print
        self.pdf_button.setDefaultAction(self.pdf_action)
        self.pdf_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.compress = QCheckBox(self.tr("Compress quiet periods"))
        self.compress.setToolTip(
            self.tr(
                "Months without anything shrink to a narrow marked gap, so a build-up of signals stands out"
            )
        )
        self.compress.toggled.connect(self.relayout)
        legend = QLabel(self.tr("● hard signal   ◌ soft signal   ◆ visit   ■ intervention   ▲ concern"))
        legend.setObjectName("timelineLegend")
        self.status = QLabel()
        self.status.setObjectName("timelineStatus")
        # Wrapped, so a message naming a long path takes two lines instead of widening the view.
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period")))
        bar.addWidget(self.from_month)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.to_month)
        bar.addSpacing(12)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        bar.addSpacing(12)
        bar.addWidget(self.compress)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)

        self.canvas = TimelineCanvas()
        self.canvas.signal_clicked.connect(self.open_signal)
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.canvas)
        self.scroller.setWidgetResizable(False)
        self.scroller.horizontalScrollBar().valueChanged.connect(self.canvas.update)
        self.canvas.selection_moved.connect(
            lambda x, y: self.scroller.ensureVisible(x, y, LABEL_WIDTH + 40, 40)
        )

        layout_ = QVBoxLayout(self)
        layout_.setContentsMargins(0, 0, 0, 0)
        layout_.addLayout(bar)
        layout_.addWidget(self.scroller, 1)
        foot = QHBoxLayout()
        foot.addWidget(legend)
        foot.addWidget(self.status, 1)
        layout_.addLayout(foot)
        self._follow = follow(workspace, self, FOLLOWS, self._changed)

    def help_keys(self) -> tuple[str, list[tuple[str, str]]]:
        """F1 lists the timeline's keys (ui/help_overlay.py), read from its actions."""

        def keys(action: QAction) -> str:
            return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

        return self.tr("Timeline"), [
            (keys(self.zoom_out_action), self.tr("Zoom out")),
            (keys(self.zoom_in_action), self.tr("Zoom in")),
            (keys(self.pdf_action), self.tr("Save the period shown as an internal PDF")),
        ]

    def _month_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setDisplayFormat("MM-yyyy")
        edit.setCalendarPopup(True)
        edit.dateChanged.connect(self._period_edited)
        return edit

    def _action(self, text: str, tip: str, keys: QKeySequence.StandardKey, slot: object) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setShortcuts([QKeySequence(keys)])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # ----- data ------------------------------------------------------------------------

    def show_subject(self, subject: SubjectRef) -> None:
        if subject != self.subject:
            self._period_set_by_user = False
            self.data = None
            self.pdf_action.setEnabled(False)  # not the last subject's data under this name
        self.subject = subject
        self.reload()

    def reload(self) -> None:
        if self.subject is None:
            return
        ops.submit(
            self.workspace,
            timeline_service.timeline,
            self.subject,
            utc_now().date(),
            on_done=self._loaded,
            on_error=self._error,
        )

    def _changed(self, _changes: ChangeSet, _origin: ChangeOrigin) -> None:
        self.reload()

    def _loaded(self, data: TimelineData) -> None:
        if self.subject is None or data.subject != self.subject:
            return  # an answer for a subject shown before
        self.data = data
        self._follow.clear()
        if self._load_failed:  # only the read's own message: a PDF's outcome stays in view
            self.status.clear()
            self._load_failed = False
        if not self._period_set_by_user:
            period = Period.around(data)
            for edit, day in ((self.from_month, period.first), (self.to_month, period.last)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, 1))
                edit.blockSignals(False)
        self.relayout()
        self.pdf_action.setEnabled(not self.pdf_export.busy)
        self.loads += 1

    def _error(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))
        self._load_failed = True

    # ----- layout ----------------------------------------------------------------------

    def period(self) -> Period:
        first, last = self.from_month.date(), self.to_month.date()
        if last < first:
            first, last = last, first
        end = date(last.year(), last.month(), last.daysInMonth())
        return Period(date(first.year(), first.month(), 1), end)

    def _period_edited(self) -> None:
        self._period_set_by_user = True
        self.relayout()

    def months_per_screen(self) -> int:
        return ZOOMS[self.zoom]

    def set_zoom(self, zoom: int) -> None:
        zoom = max(0, min(len(ZOOMS) - 1, zoom))
        if zoom != self.zoom:
            self.zoom = zoom
            self.relayout()
        self.zoom_in_action.setEnabled(self.zoom > 0)
        self.zoom_out_action.setEnabled(self.zoom < len(ZOOMS) - 1)

    def month_width(self) -> float:
        room = self.scroller.viewport().width() - LABEL_WIDTH - 2 * PAD
        return max(room, 200) / self.months_per_screen()

    def relayout(self) -> None:
        if self.data is None:
            return
        width = self.month_width()
        lay = layout(
            self.data,
            self.period(),
            width,
            compress=self.compress.isChecked(),
            mark_width=2 * MARK + 2,
            flag_width=FLAG_TEXT + 14,
        )
        self.canvas.set_layout(self.data, lay, self.scroller.viewport().height())

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self.relayout()

    # ----- actions ---------------------------------------------------------------------

    def open_signal(self, signal_id: str) -> None:
        from .signal_detail import SignalDetailDialog

        open_dialog(SignalDetailDialog(self.workspace, signal_id, self))

    # ----- the internal PDF ------------------------------------------------------------

    def save_pdf(self) -> None:
        """Ask where (the date and the name as default), then make the PDF of the period and
        mode shown."""
        if self.data is None or self.pdf_export.busy:
            return
        target = choose_pdf_file(
            self,
            self.tr("Save timeline as PDF"),
            timeline_service.pdf_file_name(self.data),
            self.tr("PDF (*.pdf)"),
        )
        if target:
            self.save_pdf_to(target)

    def save_pdf_to(self, path: Path) -> None:
        subject, ctx = self.subject, self.workspace.ctx
        if subject is None or self.pdf_export.busy:
            return
        # the picture as it was when the inspector chose the file
        period, compress, today = self.period(), self.compress.isChecked(), utc_now().date()
        self.pdf_action.setEnabled(False)
        self.status.setText(self.tr("Making the PDF…"))
        self.pdf_export.start(
            path,
            read=lambda s: timeline_service.timeline(s, subject, today),
            write=lambda data, target, language: timeline_service.write_pdf(
                data, target, period, compress, language
            ),
            record=lambda s, _data, written: timeline_service.record_pdf(s, ctx, subject, written),
            saved=self._pdf_saved,
        )

    def _pdf_saved(self, written: timeline_service.TimelinePdf) -> None:
        left_out = written.left_out
        if left_out:
            text = self.tr("Saved: {0} (%n confidential signal(s) left out)", "", left_out)
        else:
            text = self.tr("Saved: {0}")
        self.status.setText(text.format(written.path.name))
        self.status.setToolTip(str(written.path))
        self._pdf_done()

    def _pdf_failed(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))
        self.status.setToolTip("")
        self._load_failed = False  # this message is the PDF's: a reload leaves it
        self._pdf_done()

    def _pdf_done(self) -> None:
        self.pdf_action.setEnabled(self.data is not None)
        self.pdfs += 1
