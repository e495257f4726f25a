"""A concern (aandachtspunt) about an organisation or a network, as competing hypotheses: the
statement and what else could explain it, the next verification step, the status with its
history, the attached signals in their roles, and the evidence matrix. Corroboration of the
supporting and the contradicting signals is shown apart, as counts; nothing is scored.

The form follows the store (decision 0017, ``concern_fields``): a change that arrives while
it is open (a sync, another window) fills the fields the user has not edited and is merged
into those being edited where the words do not overlap. Every save carries the values the
fields were loaded from, so the service never writes a stale value over a colleague's; a
clash keeps the colleague's value, and the user's waits in the sync panel."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.concern_drafts import ConcernDraft, FieldValue, SavedConcern, draft_of
from inspectorapp.domain.enums import ConcernRating, ConcernSignalRole
from inspectorapp.domain.sense_views import ConcernView
from inspectorapp.domain.snapshots import OpResult
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from inspectorapp.services import concerns

from . import ops
from .change_bus import follow
from .concern_data import EditorData, corroboration_text, load_editor
from .concern_fields import ConcernFields, clash_text, date_edit, get_date
from .dialogs import fit_to_screen, open_dialog
from .evidence_matrix import EvidenceMatrix, role_text
from .messages import message_for
from .status_dialog import StatusDialog, StatusOf, fill_history, status_text

if TYPE_CHECKING:
    from inspectorapp.workspace import DbSession, Workspace

__all__ = ["ConcernEditor", "EditorData", "corroboration_text", "load_editor"]

FOLLOWS = (
    "concern",
    "concern_signal",
    "concern_hypothesis",
    "concern_rating",
    "concern_status_change",
    "signal",
)
ROLES = (ConcernSignalRole.SUPPORTING, ConcernSignalRole.CONTRADICTING, ConcernSignalRole.CONTEXT)


class ConcernEditor(QDialog):
    """``concern_id`` None with a ``subject`` makes a new concern; the other tabs open once it
    is saved."""

    def __init__(
        self,
        workspace: Workspace,
        concern_id: str | None,
        subject: SubjectRef | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("concernEditor")
        self.workspace = workspace
        self.concern_id = concern_id
        self.subject = subject
        self.data: EditorData | None = None
        self._sent: ConcernDraft | None = None  # the save in flight
        self._reread = False  # a read came in during a save: read again once it is done
        self._save_again = False  # Save pressed while a save was in flight
        self.setWindowTitle(self.tr("Concern"))
        self.header = QLabel()
        self.header.setObjectName("pageTitle")
        self.header.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._fields_tab(), self.tr("Concern"))
        self.tabs.addTab(self._signals_tab(), self.tr("Signals"))
        self.tabs.addTab(self._matrix_tab(), self.tr("Evidence matrix"))
        self.corroboration = QLabel()
        self.corroboration.setObjectName("concernCorroboration")  # two short lines, never wrapped
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.notice = QLabel()  # a colleague's change clashed with the user's: where both are
        self.notice.setObjectName("conflictNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("QLabel { background: #fff4ce; padding: 6px; }")
        self.notice.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.corroboration)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for n in (1, 2):
            self.tabs.setTabEnabled(n, concern_id is not None)
        self.status_dialog: StatusDialog | None = None
        fit_to_screen(self, 1240, 720)
        follow(workspace, self, FOLLOWS, lambda _c, _o: self.reload())
        self.reload()

    # ----- building -------------------------------------------------------------------------
    def _fields_tab(self) -> QWidget:
        self.title = QLineEdit()
        self.title.setObjectName("concernTitle")
        self.title.setPlaceholderText(self.tr("e.g. Something may be wrong with night staffing on 3 Oost"))
        self.hypothesis = self._text(70)
        self.alternatives = self._text(70)
        self.open_questions = self._text(70)
        self.next_step = QLineEdit()
        self.next_step_owner = QLineEdit()
        self.next_step_due = date_edit()
        self.owner = QLineEdit()
        self.next_review = date_edit()
        self.status_label = QLabel()
        self.change_status = QPushButton(self.tr("Change status…"))
        self.change_status.setObjectName("changeConcernStatus")
        self.change_status.clicked.connect(self._open_status)
        self.history = QListWidget()
        self.history.setObjectName("concernStatusHistory")
        self.history.setWordWrap(True)
        self.history.setMaximumHeight(90)
        self.fields = ConcernFields(
            {
                "title": self.title,
                "hypothesis": self.hypothesis,
                "alternatives": self.alternatives,
                "open_questions": self.open_questions,
                "next_step": self.next_step,
                "next_step_owner": self.next_step_owner,
                "next_step_due": self.next_step_due,
                "owner": self.owner,
                "next_review_on": self.next_review,
            }
        )
        form = QFormLayout()
        form.addRow(self.tr("Statement"), self.title)
        form.addRow(self.tr("Hypothesis"), self.hypothesis)
        form.addRow(self.tr("Alternative explanations"), self.alternatives)
        form.addRow(self.tr("Open questions"), self.open_questions)
        step = QHBoxLayout()
        step.addWidget(self.next_step, 3)
        step.addWidget(QLabel(self.tr("by")))
        step.addWidget(self.next_step_owner, 2)
        step.addWidget(QLabel(self.tr("before")))
        step.addWidget(self.next_step_due)
        form.addRow(self.tr("Next verification step"), step)
        who = QHBoxLayout()
        who.addWidget(self.owner, 1)
        who.addWidget(QLabel(self.tr("Next review")))
        who.addWidget(self.next_review)
        form.addRow(self.tr("Owner"), who)
        status = QHBoxLayout()
        status.addWidget(self.status_label, 1)
        status.addWidget(self.change_status)
        form.addRow(self.tr("Status"), status)
        form.addRow(self.tr("Status history"), self.history)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def _text(self, height: int) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(height)
        edit.setMaximumHeight(height + 40)
        return edit

    def _signals_tab(self) -> QWidget:
        self.signals = QTableWidget(0, 4)
        self.signals.setObjectName("concernSignals")
        self.signals.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.signals.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.signals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.signals.verticalHeader().setVisible(False)
        self.signals.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.signals.horizontalHeader().setStretchLastSection(True)
        self.signals.setWordWrap(True)
        self.role = self._role_combo()
        self.set_role = QPushButton(self.tr("Set role"))
        self.set_role.clicked.connect(self._set_role)
        self.detach = QPushButton(self.tr("Detach"))
        self.detach.setObjectName("detachSignal")
        self.detach.clicked.connect(self._detach)
        self.picker = QComboBox()
        self.picker.setObjectName("signalPicker")
        self.picker.setMinimumContentsLength(40)
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.attach_role = self._role_combo()
        self.attach = QPushButton(self.tr("Attach"))
        self.attach.setObjectName("attachSignal")
        self.attach.clicked.connect(self._attach)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Selected signal:")))
        row.addWidget(self.role)
        row.addWidget(self.set_role)
        row.addWidget(self.detach)
        row.addStretch(1)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Attach a signal of this subject:")))
        pick.addWidget(self.picker, 1)
        pick.addWidget(self.attach_role)
        pick.addWidget(self.attach)
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.addWidget(self.signals, 1)
        box.addLayout(row)
        box.addLayout(pick)
        return tab

    def _role_combo(self) -> QComboBox:
        combo = QComboBox()
        for role in ROLES:
            combo.addItem(role_text(role), role)
        return combo

    def _matrix_tab(self) -> QWidget:
        self.matrix = EvidenceMatrix()
        self.matrix.rate_requested.connect(self.rate)
        self.matrix.selectionModel().currentChanged.connect(lambda _c, _p: self._column_changed())
        self.hypothesis_text = QLineEdit()
        self.hypothesis_text.setObjectName("hypothesisText")
        self.hypothesis_text.setPlaceholderText(self.tr("A competing explanation"))
        self.add_hypothesis = QPushButton(self.tr("+ Hypothesis"))
        self.add_hypothesis.clicked.connect(lambda: self._save_hypothesis(None))
        self.reword_hypothesis = QPushButton(self.tr("Reword the selected one"))
        self.reword_hypothesis.clicked.connect(lambda: self._save_hypothesis(self._current_hypothesis()))
        self.remove_hypothesis = QPushButton(self.tr("Remove the selected one"))
        self.remove_hypothesis.clicked.connect(self._remove_hypothesis)
        self.legend = QLabel(
            self.tr(
                "Keys 1–4: consistent, inconsistent, neutral, n/a; Delete clears; a click on the "
                "selected cell cycles. ◆ diagnostic: the signal fits the hypotheses differently, so "
                "it helps to tell them apart; one that fits all of them tells little. The footer "
                "counts the inconsistent evidence per hypothesis: the least contradicted one is "
                "worth checking first. It is not a verdict and not a score."
            )
        )
        self.legend.setWordWrap(True)
        self.hypotheses_label = QLabel()  # the columns' statements, whole
        self.hypotheses_label.setObjectName("hypothesisStatements")
        self.hypotheses_label.setWordWrap(True)
        edit = QHBoxLayout()
        edit.addWidget(self.hypothesis_text, 1)
        edit.addWidget(self.add_hypothesis)
        edit.addWidget(self.reword_hypothesis)
        edit.addWidget(self.remove_hypothesis)
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.addLayout(edit)
        box.addWidget(self.hypotheses_label)
        box.addWidget(self.matrix, 1)
        box.addWidget(self.legend)
        return tab

    # ----- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        if self.concern_id is not None:
            ops.submit(
                self.workspace, load_editor, self.concern_id, on_done=self._loaded, on_error=self._failed
            )

    def _loaded(self, data: EditorData) -> None:
        if data.view.id != self.concern_id:
            return
        self.data = data
        v = data.view
        self.header.setText(f"{v.subject_name}: {v.title}")
        if self._sent is not None:
            self._reread = True  # this read may be older than the save: the fields wait for the next
        else:
            self._clashed(self.fields.load(draft_of(v)), saved=False)
        status = status_text(data.statuses, v.status)
        if v.closed_on is not None:
            status += " · " + self.tr("closed on {0}").format(f"{v.closed_on:%d-%m-%Y}")
        self.status_label.setText(status)
        fill_history(self.history, v.history, data.statuses)
        self._fill_signals(v)
        self.matrix.show_view(v)
        self.hypotheses_label.setText("\n".join(f"H{h.position}: {h.statement}" for h in v.hypotheses))
        self._column_changed()
        self.corroboration.setText(
            self.tr("Supporting: {0}").format(corroboration_text(v.supporting))
            + "\n"
            + self.tr("Contradicting: {0}").format(corroboration_text(v.contradicting))
        )
        for n in (1, 2):
            self.tabs.setTabEnabled(n, True)

    def _fill_signals(self, v: ConcernView) -> None:
        assert self.data is not None
        self.signals.setHorizontalHeaderLabels(
            [self.tr("Observed"), self.tr("Role"), self.tr("Status"), self.tr("Signal")]
        )
        self.signals.setRowCount(len(v.signals))
        for r, s in enumerate(v.signals):
            cells = [
                f"{s.observed_at.astimezone():%d-%m-%Y}",
                role_text(s.role),
                status_text(self.data.signal_statuses, s.status),
                s.text,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.signals.setItem(r, c, item)
            first = self.signals.item(r, 0)
            if first is not None:
                first.setData(Qt.ItemDataRole.UserRole, s.signal_id)
        self.signals.resizeRowsToContents()
        attached = {s.signal_id for s in v.signals}
        chosen = self.picker.currentData()
        self.picker.clear()
        for card in self.data.candidates:
            if card.id not in attached:
                self.picker.addItem(
                    f"{card.observed_at.astimezone():%d-%m-%Y} {card.observation[:110]}", card.id
                )
        if chosen is not None and self.picker.findData(chosen) >= 0:
            self.picker.setCurrentIndex(self.picker.findData(chosen))
        self.attach.setEnabled(self.picker.count() > 0)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(message_for(exc))

    def _written(self, _result: OpResult[str]) -> None:
        self.error.clear()  # the change bus reloads what was written

    def _write(
        self, fn: Callable[..., OpResult[str]], *args: object, then: Callable[[], None] | None = None
    ) -> None:
        """A write of the concerns service with the workspace's context; refusals shown."""
        ctx = self.workspace.ctx

        def write(session: DbSession) -> OpResult[str]:
            return fn(session, ctx, *args)

        def done(result: OpResult[str]) -> None:
            self._written(result)
            if then is not None:
                then()

        ops.submit(self.workspace, write, on_done=done, on_error=self._failed)

    # ----- writing --------------------------------------------------------------------------
    def draft(self) -> ConcernDraft:
        v = self.data.view if self.data is not None else None
        subject = self.subject
        return ConcernDraft(
            organisation_id=v.organisation_id
            if v
            else (subject.id if subject and not _is_network(subject) else None),
            network_id=v.network_id if v else (subject.id if subject and _is_network(subject) else None),
            unit_id=v.unit_id if v else None,
            title=self.title.text() or None,
            hypothesis=self.hypothesis.toPlainText() or None,
            alternatives=self.alternatives.toPlainText() or None,
            open_questions=self.open_questions.toPlainText() or None,
            next_step=self.next_step.text() or None,
            next_step_owner=self.next_step_owner.text() or None,
            next_step_due=get_date(self.next_step_due),
            owner=self.owner.text() or None,
            next_review_on=get_date(self.next_review),
        )

    def save(self) -> None:
        if self._sent is not None:
            self._save_again = True  # after this one, on the base it leaves
            return
        draft, base = self.draft(), self.fields.base
        if self.concern_id is None:
            self._sent = draft
            ops.submit(
                self.workspace,
                concerns.save_concern,
                self.workspace.ctx,
                draft,
                on_done=self._created,
                on_error=self._save_failed,
            )
        elif base is not None:  # nothing to save before the fields were loaded
            self._sent = draft
            ops.submit(
                self.workspace,
                concerns.edit_concern,
                self.workspace.ctx,
                self.concern_id,
                draft,
                base,
                on_done=self._saved,
                on_error=self._save_failed,
            )

    def _created(self, result: OpResult[str]) -> None:
        self._sent = None
        self.error.clear()
        self.concern_id = result.value
        self.reload()  # fills the fields and their base from the store

    def _saved(self, result: OpResult[SavedConcern]) -> None:
        sent, self._sent = self._sent, None
        saved = result.value
        self.error.clear()
        self.fields.saved(sent or saved.stored, saved.stored)
        self._clashed({key: saved.stored.get(key) for key in saved.clashes}, saved=True)
        self._after_save()

    def _save_failed(self, exc: BaseException) -> None:
        self._sent = None
        self._save_again = False  # the same values would be refused again
        self._failed(exc)
        self._after_save()

    def _after_save(self) -> None:
        if self._reread:
            self._reread = False
            self.reload()
        if self._save_again:
            self._save_again = False
            self.save()

    def _clashed(self, theirs: dict[str, FieldValue], saved: bool) -> None:
        """Name the fields where the colleague's value and the user's are both kept, and
        where; a save without a clash clears the notice, a read without one leaves it."""
        if theirs:
            self.notice.setText(clash_text(theirs, saved))
            self.notice.setVisible(True)
        elif saved:
            self.notice.setVisible(False)

    def _open_status(self) -> None:
        if self.concern_id is not None:
            self.status_dialog = open_dialog(
                StatusDialog(self.workspace, StatusOf.CONCERN, self.concern_id, self)
            )

    def _selected_signal(self) -> str | None:
        row = self.signals.currentRow()
        item = self.signals.item(row, 0) if row >= 0 else None
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _attach(self) -> None:
        self._attach_as(self.picker.currentData(), ConcernSignalRole(self.attach_role.currentData()))

    def _attach_as(self, signal_id: str | None, role: ConcernSignalRole) -> None:
        if signal_id is not None and self.concern_id is not None:
            self._write(concerns.attach_signal, self.concern_id, signal_id, role)

    def _set_role(self) -> None:
        self._attach_as(self._selected_signal(), ConcernSignalRole(self.role.currentData()))

    def _detach(self) -> None:
        signal_id = self._selected_signal()
        if signal_id is not None and self.concern_id is not None:
            self._write(concerns.detach_signal, self.concern_id, signal_id)

    def rate(self, hypothesis_id: str, signal_id: str, rating: ConcernRating | None) -> None:
        self._write(concerns.rate, hypothesis_id, signal_id, rating)

    def _current_hypothesis(self) -> str | None:
        v = self.data.view if self.data is not None else None
        column = self.matrix.currentIndex().column()
        if v is None or column < 1 or column > len(v.hypotheses):
            return None
        return v.hypotheses[column - 1].id

    def _column_changed(self) -> None:
        v = self.data.view if self.data is not None else None
        hid = self._current_hypothesis()
        first = v is not None and hid is not None and v.hypotheses[0].id == hid
        self.reword_hypothesis.setEnabled(hid is not None)
        self.remove_hypothesis.setEnabled(hid is not None and not first)  # the statement stays

    def _save_hypothesis(self, hypothesis_id: str | None) -> None:
        if self.concern_id is not None:
            self._write(
                concerns.save_hypothesis,
                self.concern_id,
                self.hypothesis_text.text(),
                hypothesis_id,
                then=self.hypothesis_text.clear,
            )

    def _remove_hypothesis(self) -> None:
        hid = self._current_hypothesis()
        if hid is not None and self.concern_id is not None:
            self._write(concerns.remove_hypothesis, self.concern_id, hid)


def _is_network(subject: SubjectRef) -> bool:
    return subject.kind is SubjectRefKind.NETWORK
