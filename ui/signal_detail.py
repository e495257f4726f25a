"""A signal up close: observation and quote, the interpretation with its history
(a new one never overwrites the old), and its links to other signals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.enums import SignalLinkType
from inspectorapp.domain.snapshots import SignalSnapshot
from inspectorapp.domain.visit_views import SignalDetail

from . import ops
from .messages import message_for

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

    from .status_dialog import StatusDialog, StatusOptions

LINK_TYPES = (
    SignalLinkType.CORROBORATES,
    SignalLinkType.CONTRADICTS,
    SignalLinkType.RELATED,
    SignalLinkType.HOOK_FOR,
    SignalLinkType.HARDENS,
    SignalLinkType.DUPLICATE_OF,
    SignalLinkType.INCONGRUENT_WITH,
)


class SignalDetailDialog(QDialog):
    def __init__(self, workspace: Workspace, signal_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signalDetail")
        self.setWindowTitle(self.tr("Signal"))
        self.resize(760, 620)
        self.workspace = workspace
        self.signal_id = signal_id
        self.detail: SignalDetail | None = None
        self.status_dialog: StatusDialog | None = None
        self.observation = QLabel()
        self.observation.setWordWrap(True)
        self.quote = QLabel()
        self.quote.setWordWrap(True)
        self.history = QListWidget()
        self.history.setWordWrap(True)
        self.new_interpretation = QPlainTextEdit()
        self.new_interpretation.setMaximumHeight(70)
        self.new_interpretation.setTabChangesFocus(True)
        self.save_interpretation = QPushButton(self.tr("Save interpretation"))
        self.save_interpretation.clicked.connect(self._reinterpret)
        self.links = QListWidget()
        self.links.setWordWrap(True)
        self.link_target = QComboBox()
        self.link_type = QComboBox()
        for code, text in zip(
            LINK_TYPES,
            (
                self.tr("corroborates"),
                self.tr("contradicts"),
                self.tr("related to"),
                self.tr("is a hook for"),
                self.tr("hardens"),
                self.tr("duplicate of"),
                self.tr("incongruent with"),
            ),
            strict=True,
        ):
            self.link_type.addItem(text, code)
        self.link_button = QPushButton(self.tr("Link"))
        self.link_button.clicked.connect(self._link)
        self.status = QLabel()
        self.status.setObjectName("error")
        self.status.setWordWrap(True)
        self.status_label = QLabel()
        self.change_status = QPushButton(self.tr("Change status…"))
        self.change_status.setObjectName("changeSignalStatus")
        self.change_status.clicked.connect(self._change_status)
        self.status_history = QListWidget()
        self.status_history.setObjectName("signalStatusHistory")
        self.status_history.setWordWrap(True)
        self.status_history.setMaximumHeight(80)
        from .change_bus import follow

        follow(workspace, self, ("signal_status_change",), lambda _c, _o: self._load_status())
        from .attachments_panel import AttachmentsPanel

        self.attachments = AttachmentsPanel(workspace)
        self.attachments.load(signal_id=signal_id)
        form = QFormLayout()
        form.addRow(self.tr("Observation"), self.observation)
        form.addRow(self.tr("Quote"), self.quote)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.change_status)
        form.addRow(self.tr("Status"), status_row)
        form.addRow(self.tr("Status history"), self.status_history)
        form.addRow(self.tr("Interpretation (history)"), self.history)
        form.addRow(self.tr("New interpretation"), self.new_interpretation)
        form.addRow("", self.save_interpretation)
        form.addRow(self.tr("Links"), self.links)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_type)
        link_row.addWidget(self.link_target, 1)
        link_row.addWidget(self.link_button)
        form.addRow(self.tr("Link to"), link_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.attachments)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.reload()
        self._load_status()

    def _load_status(self) -> None:
        from .status_dialog import StatusOf, load_status

        ops.submit(
            self.workspace,
            load_status,
            StatusOf.SIGNAL,
            self.signal_id,
            on_done=self._show_status,
            on_error=self._error,
        )

    def _show_status(self, options: StatusOptions) -> None:
        from .status_dialog import fill_history, status_text

        text = status_text(options.labels, options.current)
        if options.review_on is not None:
            text += " · " + self.tr("review by {0}").format(f"{options.review_on:%d-%m-%Y}")
        self.status_label.setText(text)
        fill_history(self.status_history, options.history, options.labels)

    def _change_status(self) -> None:
        from .dialogs import open_dialog
        from .status_dialog import StatusDialog, StatusOf

        self.status_dialog = open_dialog(StatusDialog(self.workspace, StatusOf.SIGNAL, self.signal_id, self))

    def reload(self) -> None:
        from inspectorapp.services import signal_links

        ops.submit(
            self.workspace,
            signal_links.signal_detail,
            self.signal_id,
            on_done=self._show,
            on_error=self._error,
        )

    def _show(self, d: SignalDetail) -> None:
        first = self.detail is None
        self.detail = d
        self.observation.setText(d.signal.observation)
        self.quote.setText(d.quote or "—")
        self.history.clear()
        for when, who, text in d.history:
            self.history.addItem(f"{when.astimezone():%d-%m-%Y %H:%M} {who}: {text}")
        self.links.clear()
        for link in d.links:
            arrow = "→" if link.outgoing else "←"
            self.links.addItem(
                f"{arrow} {self.link_type.itemText(max(0, self.link_type.findData(link.link_type)))}: "
                f"{link.other_observation}"
            )
        if first:
            from inspectorapp.services import signals

            ops.submit(
                self.workspace,
                signals.related,
                d.signal.organisation_id,
                d.signal.observation,
                self.signal_id,
                20,
                on_done=self._targets,
                on_error=self._error,
            )

    def _targets(self, rows: list[SignalSnapshot]) -> None:
        self.link_target.clear()
        for s in rows:
            self.link_target.addItem(f"{s.observed_at.astimezone():%d-%m-%Y} {s.observation[:90]}", s.id)

    def _reinterpret(self) -> None:
        from inspectorapp.services import signals

        text = self.new_interpretation.toPlainText()
        ops.submit(
            self.workspace,
            signals.reinterpret,
            self.workspace.ctx,
            self.signal_id,
            text,
            on_done=lambda _r: self._saved(),
            on_error=self._error,
        )

    def _saved(self) -> None:
        self.new_interpretation.clear()
        self.status.clear()
        self.reload()

    def _link(self) -> None:
        from inspectorapp.services import signal_links

        target = self.link_target.currentData()
        if target is None:
            return
        ops.submit(
            self.workspace,
            signal_links.link_signals,
            self.workspace.ctx,
            self.signal_id,
            target,
            self.link_type.currentData(),
            None,
            on_done=lambda _r: self._saved(),
            on_error=self._error,
        )

    def _error(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))
