"""The Handover tab of an organisation or network: the handover dossier (overdrachtsdossier)
as one readable, scrolling page for the user of this laptop, with "Change account holder…"
and "PDF…".

What it shows is read for the reader (services/handover.py): restricted, reporter-confidential
and other teams' items are left out and only counted. Every text from the store is set as
plain text, never as rich text: a title reading ``<b>`` shows as ``<b>``. The PDF is made as
the timeline's: read on the database thread, rendered and written crash-safe on a worker
thread, audited on the database thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.clock import utc_now
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.enums import ConcernRating, ConcernSignalRole, SignalKind, TrajectoryKind, Valence
from inspectorapp.domain.handover_views import Dossier, DossierTrajectory
from inspectorapp.domain.sense_views import ConcernView
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.domain.timeline import ItemKind, TimelineItem
from inspectorapp.services import handover
from inspectorapp.workspace import DbSession, Workspace

from . import labels, ops
from .change_bus import ChangeOrigin, follow
from .dialogs import open_dialog
from .messages import message_for
from .pdf_export import PdfExport, choose_pdf_file
from .timeline_canvas import KIND_NAMES

FOLLOWS = (
    "account_holder",
    "signal",
    "concern",
    "concern_signal",
    "concern_status_change",
    "concern_hypothesis",
    "evidence_rating",
    "decision",
    "decision_subject",
    "trajectory",
    "person",
    "reflection",
    "inspection",
    "inspection_member",
    "inspection_subject",
    "life_event",
    "intervention",
    "visit",
    "network_membership",
)
TIMELINE_ROWS = 15  # the latest entries; the Timeline tab shows them all


def _day(value: date | None) -> str:
    return f"{value:%d-%m-%Y}" if value is not None else "—"


class HandoverView(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverView")
        self.workspace = workspace
        self.subject: SubjectRef | None = None
        self.data: Dossier | None = None
        self.loads = 0  # finished reads (tests wait for them)
        self.pdfs = 0  # finished PDF attempts, written or not
        self.pdf_export = PdfExport(workspace, self, self._pdf_failed)

        self.reader = QLabel()
        self.reader.setObjectName("handoverReader")
        self.holder_button = QPushButton()
        self.holder_button.setObjectName("handoverChangeHolder")
        self.holder_button.clicked.connect(self.change_holder)
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("handoverPdf")
        self.pdf_button.setEnabled(False)
        self.pdf_button.clicked.connect(self.save_pdf)
        # Ctrl+P as on the timeline; only while the focus is in this tab
        self.pdf_action = QAction(self)
        self.pdf_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Print)])
        self.pdf_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.pdf_action.triggered.connect(self.save_pdf)
        self.addAction(self.pdf_action)
        bar = QHBoxLayout()
        bar.addWidget(self.reader, 1)
        bar.addWidget(self.holder_button)
        bar.addWidget(self.pdf_button)

        self.body = QWidget()
        self.body.setObjectName("handoverBody")
        self.sections = QVBoxLayout(self.body)
        self.sections.setContentsMargins(12, 8, 12, 12)
        self.scroller = QScrollArea()
        self.scroller.setObjectName("handoverScroller")
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(self.body)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.status = QLabel()
        self.status.setObjectName("handoverStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.status)
        self._follow = follow(workspace, self, FOLLOWS, self._changed)
        self.retranslate()

    def help_keys(self) -> tuple[str, list[tuple[str, str]]]:
        """F1 lists the dossier's key (ui/help_overlay.py), read from its action."""
        keys = self.pdf_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        return self.tr("Handover"), [(keys, self.tr("Save the dossier as an internal PDF"))]

    # ----- data ------------------------------------------------------------------------

    def show_subject(self, subject: SubjectRef) -> None:
        if subject != self.subject:
            self.data = None
            self.pdf_button.setEnabled(False)
        self.subject = subject
        self.reload()

    def reload(self) -> None:
        if self.subject is not None:
            ops.submit(self.workspace, self._read, self.subject, on_done=self._loaded, on_error=self._failed)

    def _read(self, session: DbSession, subject: SubjectRef) -> Dossier:
        reader = handover.reader_of(self.workspace.ctx)
        return handover.dossier(session, subject, reader, utc_now().date())

    def _changed(self, _changes: ChangeSet, _origin: ChangeOrigin) -> None:
        self.reload()

    def _loaded(self, data: Dossier) -> None:
        if self.subject is None or data.subject != self.subject:
            return  # an answer for a subject shown before
        self.data = data
        self._follow.clear()
        self._fill()
        self.pdf_button.setEnabled(not self.pdf_export.busy)
        self.loads += 1

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))

    # ----- the page --------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.holder_button.setText(self.tr("Change account holder…"))
        self.pdf_button.setText(self.tr("PDF…"))
        self.pdf_button.setToolTip(self.tr("Save the dossier as an internal PDF"))
        self._fill()

    def _clear(self) -> None:
        while self.sections.count():
            item = self.sections.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _heading(self, text: str, level: int = 1) -> None:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * (1.3 if level == 1 else 1.05))
        label.setFont(font)
        label.setObjectName("handoverHeading" if level == 1 else "handoverSubheading")
        if level == 1:
            label.setContentsMargins(0, 12, 0, 2)
        self.sections.addWidget(label)

    def _text(self, text: str, muted: bool = False, indent: int = 0) -> None:
        """Store text, shown as plain text (markup in it is shown, never obeyed)."""
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setContentsMargins(indent, 0, 0, 2)
        if muted:  # the palette's placeholder grey: quieter, still readable in either theme
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
            label.setPalette(palette)
        self.sections.addWidget(label)

    def _fill(self) -> None:
        self._clear()
        d = self.data
        if d is None:
            self.reader.setText("")
            return
        self.reader.setText(self.tr("Handover dossier for {0}").format(d.reader))
        if d.left_out:
            self._text(self.tr("+ %n internal item(s) left out", "", d.left_out), muted=True)
        for section in self._parts():
            section(d)
        self.sections.addStretch(1)

    def _parts(self) -> list[Callable[[Dossier], None]]:
        return [
            self._holders,
            self._concerns,
            self._signals,
            self._timeline,
            self._decisions,
            self._trajectories,
            self._contacts,
            self._reflections,
        ]

    def _none(self) -> None:
        self._text(self.tr("None."), muted=True)

    def _holders(self, d: Dossier) -> None:
        self._heading(self.tr("Account holder"))
        if d.holder is None:
            self._text(self.tr("No account holder recorded."), muted=True)
        else:
            self._text(self.tr("{0}, since {1}").format(d.holder.holder, _day(d.holder.since)))
        for h in d.holders:  # the earlier ones and one recorded ahead, newest first
            if d.holder is not None and h.id == d.holder.id:
                continue
            line = self.tr("{0}, since {1}").format(h.holder, _day(h.since))
            self._text(f"{line}: {h.reason}" if h.reason else line, muted=True, indent=12)

    def _concerns(self, d: Dossier) -> None:
        self._heading(self.tr("Open concerns (%n)", "", len(d.concerns)))
        if not d.concerns:
            self._none()
        for c in d.concerns:
            self._concern(d, c)
        if d.closed_concerns:
            self._heading(self.tr("Closed concerns (%n)", "", len(d.closed_concerns)), level=2)
            for cc in d.closed_concerns:
                line = f"{cc.title} · {labels.code_text(cc.status)} · {_day(cc.closed_on)}"
                self._text(f"{line}\n{cc.closing_rationale}" if cc.closing_rationale else line, indent=12)

    def _concern(self, d: Dossier, c: ConcernView) -> None:
        self._heading(c.title, level=2)
        status = d.concern_statuses.get(c.status)
        self._text(
            self.tr("Status: {0} · owner: {1} · opened {2}").format(
                labels.code_text(status) if status else c.status, c.owner or "—", _day(c.opened_on)
            ),
            muted=True,
        )
        if c.hypothesis:
            self._text(c.hypothesis)
        for n, h in enumerate(c.hypotheses, start=1):
            self._text(f"H{n}: {h.statement}", indent=12)
        ratings = {
            ConcernRating.CONSISTENT: self.tr("fits"),
            ConcernRating.INCONSISTENT: self.tr("does not fit"),
            ConcernRating.NEUTRAL: self.tr("neutral"),
            ConcernRating.NOT_APPLICABLE: self.tr("n/a"),
        }
        roles = {
            ConcernSignalRole.SUPPORTING: self.tr("supporting"),
            ConcernSignalRole.CONTRADICTING: self.tr("contradicting"),
            ConcernSignalRole.CONTEXT: self.tr("context"),
        }
        for s, row in zip(c.signals, c.matrix, strict=True):
            cells = " · ".join(
                f"H{n}: {ratings[cell]}" for n, cell in enumerate(row.cells, start=1) if cell is not None
            )
            self._text(
                f"{_day(s.observed_at.date())} · {roles[s.role]} · {s.text}\n{cells}".strip(), indent=12
            )
        if c.next_step:
            self._text(
                self.tr("Next step: {0} ({1}, due {2})").format(
                    c.next_step, c.next_step_owner or "—", _day(c.next_step_due)
                )
            )

    def _signals(self, d: Dossier) -> None:
        self._heading(self.tr("Signals (%n)", "", d.signal_count))
        if not d.signals:
            self._none()
        kinds = {SignalKind.HARD: self.tr("hard"), SignalKind.SOFT: self.tr("soft")}
        valences = {
            Valence.POSITIVE: self.tr("positive"),
            Valence.NEGATIVE: self.tr("negative"),
            Valence.AMBIGUOUS: self.tr("ambiguous"),
        }
        for group in d.signals:
            self._heading(f"{labels.code_text(group.status)} ({len(group.signals)})", level=2)
            for s in group.signals:
                head = f"{_day(s.observed_on)} · {kinds[s.kind]}, {valences[s.valence]}"
                text = f"{s.member}: {s.text}" if s.member else s.text
                self._text(f"{head}\n{text}", indent=12)

    def _timeline(self, d: Dossier) -> None:
        items = d.timeline.items[-TIMELINE_ROWS:][::-1]
        self._heading(self.tr("Timeline (latest %n)", "", len(items)))
        if not items:
            self._none()
        language = "en" if labels.english() else "nl"
        for item in items:
            self._text(f"{_day(item.start)} · {_kind(item)} · {item.caption(language, item.text)}", indent=12)

    def _decisions(self, d: Dossier) -> None:
        self._heading(self.tr("Decisions (%n)", "", len(d.decisions)))
        if not d.decisions:
            self._none()
        for dec in d.decisions:
            what = labels.code_text(dec.action) if dec.action is not None else ""
            if dec.return_on is not None:
                back = self.tr("come back to it on {0}").format(_day(dec.return_on))
                what = f"{what}; {back}" if what else back
            who = " · ".join(x for x in (dec.decided_by or "", dec.deliberation or "") if x)
            self._text(" · ".join(x for x in (_day(dec.decided_on), what, who) if x), muted=True)
            self._text(dec.rationale, indent=12)

    def _trajectories(self, d: Dossier) -> None:
        self._heading(self.tr("Supervision trajectories (%n)", "", len(d.trajectories)))
        if not d.trajectories:
            self._none()
        for t in d.trajectories:
            self._heading(self._trajectory_title(t), level=2)
            self._text(self.tr("Rationale: {0}").format(t.rationale), indent=12)
            if t.end_rationale:
                self._text(self.tr("Rationale for ending: {0}").format(t.end_rationale), indent=12)
            if t.conditions:
                self._text("\n".join(f"• {line}" for line in t.conditions), indent=12)
            board = (
                self.tr("Board informed on {0}").format(_day(t.board_informed_on))
                if t.board_informed
                else self.tr("Board not informed")
            )
            self._text(board, muted=True, indent=12)

    def _trajectory_title(self, t: DossierTrajectory) -> str:
        kind = (
            self.tr("Intensified supervision")
            if t.kind == TrajectoryKind.INTENSIFIED
            else self.tr("Heightened supervision")
        )
        state = self.tr("running") if t.active else self.tr("ended")
        end = _day(t.ended_on) if t.ended_on else "…"
        return f"{kind}: {_day(t.started_on)} – {end} ({state})"

    def _contacts(self, d: Dossier) -> None:
        self._heading(self.tr("Key contacts (%n)", "", len(d.contacts)))
        if not d.contacts:
            self._none()
        for c in d.contacts:
            name = c.name or self.tr("(name left out)")
            self._text(
                " · ".join(x for x in (labels.code_text(c.role), c.function_title or "", name) if x),
                indent=12,
            )

    def _reflections(self, d: Dossier) -> None:
        self._heading(self.tr("Latest reflections (%n)", "", len(d.reflections)))
        if not d.reflections:
            self._none()
        for r in d.reflections:
            head = (
                _day(r.written_at.date()),
                labels.reflection_moment(r.moment),
                r.author or "",
                r.inspection_title,
            )
            self._text(" · ".join(x for x in head if x), muted=True)
            self._text(r.text, indent=12)

    # ----- actions ---------------------------------------------------------------------

    def change_holder(self) -> None:
        from .account_holder_dialog import AccountHolderDialog

        if self.subject is not None:
            open_dialog(AccountHolderDialog(self.workspace, self.subject, parent=self))

    def save_pdf(self) -> None:
        if self.data is None or self.pdf_export.busy:
            return
        target = choose_pdf_file(
            self,
            self.tr("Save handover dossier as PDF"),
            handover.pdf_file_name(self.data),
            self.tr("PDF (*.pdf)"),
        )
        if target:
            self.save_pdf_to(target)

    def save_pdf_to(self, path: Path) -> None:
        subject, ctx = self.subject, self.workspace.ctx
        if subject is None or self.pdf_export.busy:
            return
        self.pdf_button.setEnabled(False)
        self.status.setText(self.tr("Making the PDF…"))
        self.pdf_export.start(
            path,
            read=lambda s: self._read(s, subject),
            write=handover.write_pdf,
            record=lambda s, _data, written: handover.record_pdf(s, ctx, subject, written),
            saved=self._pdf_saved,
        )

    def _pdf_saved(self, written: handover.DossierPdf) -> None:
        self.status.setText(self.tr("Saved: {0}").format(written.path.name))
        self.status.setToolTip(str(written.path))
        self._pdf_done()

    def _pdf_failed(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))
        self.status.setToolTip("")
        self._pdf_done()

    def _pdf_done(self) -> None:
        self.pdf_button.setEnabled(self.data is not None)
        self.pdfs += 1


def _kind(item: TimelineItem) -> str:
    if item.kind == ItemKind.SIGNAL:
        hard = item.signal_kind == SignalKind.HARD
        return QCoreApplication.translate("TimelineView", "Hard signal" if hard else "Soft signal")
    return QCoreApplication.translate("TimelineView", str(KIND_NAMES[item.kind]))
