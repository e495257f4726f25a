"""The sync panel (UI.md §6): enrol this laptop, see the last run and progress, and review
problems side by side ("mijn versie" / "huidige versie"; where my value won, "jouw versie
(gewonnen)" / "van je collega (verloren)", and "huidige versie" as a third column once a later
edit changed it since) with Keep mine / Keep theirs / Edit."""

from __future__ import annotations

import json
import socket
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspectorapp import sync_runner
from inspectorapp.domain.concern_drafts import DATES
from inspectorapp.domain.snippets import one_line
from inspectorapp.services import sync_status
from inspectorapp.services.sync_status import IssueView

from . import ops
from .concern_fields import field_name
from .messages import message_for

if TYPE_CHECKING:
    from .sync_controller import SyncController


def _text(value: Any) -> str:
    if value is None:
        return "—"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


class SyncDialog(QDialog):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncDialog")
        self.setWindowTitle(self.tr("Sync with the office"))
        self.resize(760, 620)
        self.controller = controller
        self.url = QLineEdit("https://")
        self.url.setObjectName("syncServerUrl")
        self.device = QLineEdit(socket.gethostname())
        self.username = QLineEdit()
        self.username.setObjectName("syncUsername")
        self.password = QLineEdit()
        self.password.setObjectName("syncPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.code = QLineEdit()
        self.code.setObjectName("syncCode")
        self.enrol_button = QPushButton(self.tr("Connect this laptop"))
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_button.clicked.connect(self._enrol)
        self.enrol_box = QGroupBox(self.tr("Connect to the office"))
        form = QFormLayout(self.enrol_box)
        form.addRow(self.tr("Server address"), self.url)
        form.addRow(self.tr("Name of this laptop"), self.device)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("or enrolment code"), self.code)
        form.addRow("", self.enrol_button)
        self.state = QLabel()
        self.state.setObjectName("syncState")
        self.state.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("Sync now (F9)"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(controller.sync_now)
        self.bar = QProgressBar()
        self.bar.setObjectName("syncProgress")
        self.bar.setVisible(False)
        self.issues = QListWidget()
        self.issues.setObjectName("syncIssues")
        self.issues.setWordWrap(True)
        self.issues.currentItemChanged.connect(lambda item, _prev: self._show_issue(item))
        self.mine = QPlainTextEdit()
        self.mine.setReadOnly(True)
        self.theirs = QPlainTextEdit()
        self.theirs.setReadOnly(True)
        self.current = QPlainTextEdit()  # where mine won and a third edit arrived since
        self.current.setObjectName("syncCurrent")
        self.current.setReadOnly(True)
        self.edited = QPlainTextEdit()
        self.edited.setObjectName("syncEdited")
        self.keep_mine = QPushButton(self.tr("Keep mine"))
        self.keep_mine.setObjectName("keepMine")
        self.keep_theirs = QPushButton(self.tr("Keep theirs"))
        self.keep_theirs.setObjectName("keepTheirs")
        self.save_edit = QPushButton(self.tr("Save my edit"))
        self.keep_mine.clicked.connect(lambda: self._resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self._resolve("theirs"))
        self.save_edit.clicked.connect(lambda: self._resolve("edit"))
        self.rescue_button = QPushButton(self.tr("Rescue export…"))
        self.rescue_button.setObjectName("rescueExport")
        self.rescue_button.setToolTip(
            self.tr("Everything on this laptop, encrypted with a password of its own")
        )
        self.rescue_button.clicked.connect(self._rescue)
        self.error = QLabel()
        self.error.setObjectName("syncError")
        self.error.setWordWrap(True)
        self.mine_title = QLabel()
        self.mine_title.setObjectName("syncMineTitle")
        self.theirs_title = QLabel()
        self.theirs_title.setObjectName("syncTheirsTitle")
        self.current_title = QLabel(self.tr("Current version"))
        self.current_title.setObjectName("syncCurrentTitle")
        self._titles(None)
        side = QHBoxLayout()
        for title, box in (
            (self.mine_title, self.mine),
            (self.theirs_title, self.theirs),
            (self.current_title, self.current),
        ):
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(box)
            side.addLayout(column)
        buttons = QHBoxLayout()
        for b in (self.keep_mine, self.keep_theirs, self.save_edit):
            buttons.addWidget(b)
        self.review = QGroupBox(self.tr("Problems"))
        review = QVBoxLayout(self.review)
        review.addWidget(self.issues, 1)
        review.addLayout(side, 2)
        review.addWidget(QLabel(self.tr("Or write what it should be:")))
        review.addWidget(self.edited, 1)
        review.addLayout(buttons)
        top = QHBoxLayout()  # the state on a row of its own: a wrapped label beside buttons is clipped
        top.addStretch(1)
        top.addWidget(self.sync_button)
        top.addWidget(self.rescue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.enrol_box)
        layout.addWidget(self.state)
        layout.addLayout(top)
        layout.addWidget(self.bar)
        layout.addWidget(self.review, 1)
        layout.addWidget(self.error)
        controller.overview_changed.connect(self.show_overview)
        controller.progress.connect(self._progress)
        controller.finished.connect(self._finished)
        self.show_overview()

    def show_overview(self) -> None:
        o = self.controller.overview
        if o is None:
            return
        self.enrol_box.setVisible(not o.enrolled)
        self.enrol_button.setEnabled(not o.demo_store)
        self.sync_button.setEnabled(o.enrolled and not self.controller.running)
        self.review.setVisible(o.enrolled)
        if o.demo_store:
            self.state.setText(self.tr("This database holds demo data and never syncs with the office."))
        elif not o.enrolled:
            self.state.setText(self.tr("This laptop is not connected to an office store yet."))
        else:
            self.state.setText(
                self.tr("{0} as {1} · {2}").format(o.server_url, o.account, self.controller.status_text())
            )
        current = self.issues.currentItem()
        shown = current.data(Qt.ItemDataRole.UserRole) if current else None
        keep = shown.id if shown is not None else None
        self.issues.clear()
        for issue in o.issues:
            item = QListWidgetItem(_item_text(self, issue))
            item.setData(Qt.ItemDataRole.UserRole, issue)
            self.issues.addItem(item)
            if issue.id == keep:
                self.issues.setCurrentItem(item)
        for aside in o.set_aside:  # nothing to decide: kept, and tried again on every sync
            text = self.tr("Set aside from the office · {0} {1} · {2}").format(
                aside.tbl, aside.record_id[:8], aside.reason
            )
            self.issues.addItem(QListWidgetItem(text))
        if o.waiting_for_access:
            self.issues.addItem(
                QListWidgetItem(
                    self.tr(
                        "%n record(s) waiting for access: sent again on every sync until the office "
                        "gives you access",
                        "",
                        o.waiting_for_access,
                    )
                )
            )
        self._show_issue(self.issues.currentItem())

    def _show_issue(self, item: QListWidgetItem | None) -> None:
        issue: sync_status.IssueView | None = item.data(Qt.ItemDataRole.UserRole) if item else None
        for b in (self.keep_mine, self.keep_theirs, self.save_edit):
            b.setEnabled(issue is not None)
        self._titles(issue)
        # only where mine won is what is here not shown already: a third edit since is
        self.current.clear()
        moved = issue is not None and issue.won and any(f.changed for f in issue.fields)
        for widget in (self.current_title, self.current):
            widget.setVisible(moved)
        if issue is None:
            self.mine.clear()
            self.theirs.clear()
            return
        line = _concern_line if _is_concern_clash(issue) else _field_line
        if moved:
            self.current.setPlainText("\n".join(line(f.field, f.current) for f in issue.fields))
        self.mine.setPlainText("\n".join(line(f.field, f.mine) for f in issue.fields))
        # where mine won, what is here is mine: the colleague's value that lost is the other side
        other = [(f.field, f.theirs if issue.won else f.current) for f in issue.fields]
        self.theirs.setPlainText("\n".join(line(name, value) for name, value in other))
        texts = [f for f in issue.fields if isinstance(f.mine, str)]
        self.edited.setPlainText(_text(texts[0].mine) if len(texts) == 1 else "")
        self.save_edit.setEnabled(len(texts) == 1)

    def _titles(self, issue: sync_status.IssueView | None) -> None:
        if issue is not None and issue.won:
            titles = (self.tr("Yours (won)"), self.tr("Colleague's (lost)"))
        elif issue is not None and issue.kind in ("superseded", "overwritten"):
            titles = (self.tr("Yours (lost)"), self.tr("Current version"))
        else:
            titles = (self.tr("My version"), self.tr("Current version"))
        self.mine_title.setText(titles[0])
        self.theirs_title.setText(titles[1])

    def _resolve(self, choice: str) -> None:
        item = self.issues.currentItem()
        if item is None:
            return
        issue: sync_status.IssueView | None = item.data(Qt.ItemDataRole.UserRole)
        if issue is None:  # a set-aside record or the waiting count: nothing to resolve
            return
        edited = None
        if choice == "edit":
            field = next(f.field for f in issue.fields if isinstance(f.mine, str))
            edited = {field: self.edited.toPlainText()}
        ops.submit(
            self.controller.workspace,
            sync_status.resolve_issue,
            self.controller.workspace.ctx,
            issue.id,
            choice,
            edited,
            on_done=self._resolved,
            on_error=lambda exc: self.error.setText(message_for(exc)),
        )

    def _rescue(self) -> None:
        from .file_exports import rescue_export

        rescue_export(
            self,
            self.controller.workspace,
            lambda path: self.error.setText(self.tr("Rescue export written to {0}").format(path)),
            lambda exc: self.error.setText(message_for(exc) if not isinstance(exc, ValueError) else str(exc)),
        )

    def _resolved(self, _result: object) -> None:
        self.controller.refresh()
        self.controller.edited()  # "keep mine" is a new local edit: send it soon

    def _enrol(self) -> None:
        ws = self.controller.workspace
        values = (self.url.text().strip(), self.device.text().strip(), self.username.text().strip())
        password, code = self.password.text(), self.code.text().strip()
        self.enrol_button.setEnabled(False)
        self.error.setText(self.tr("Connecting…"))
        ops.in_thread(
            lambda: sync_runner.enrol(ws, *values, password, code),
            on_done=self._enrolled,
            on_error=self._refused,
        )

    def _enrolled(self, overview: sync_status.SyncOverview) -> None:
        self.password.clear()
        self.error.setText(self.tr("Connected. The first sync starts now."))
        self.controller.connected(overview)

    def _refused(self, exc: BaseException) -> None:
        self.enrol_button.setEnabled(True)
        texts = {
            "demo_store": self.tr("A database with demo data never syncs with the office."),
            "already_enrolled": self.tr("This laptop is already connected."),
            "other_account": self.tr(
                "This laptop holds changes of another user that were not sent yet. Connect with that "
                "user's account, or make a rescue export and ask the administrator."
            ),
            "offline": self.tr("The office store cannot be reached. Check the address and the network."),
            "login_refused": self.tr("The office refused: unknown user, wrong password or an invalid code."),
            "invalid": self.tr("The office did not accept these details: {0}"),
            "account_disabled": self.tr(
                "The office has disabled this user account. Contact the administrator."
            ),
            "too_many_attempts": self.tr("Too many failed attempts. Wait a few minutes and try again."),
            "busy": self.tr("The office is busy. Try again in a moment."),
            "insecure_http": self.tr(
                "This address starts with http://: your password and notes would cross the network "
                "unencrypted. Use https://, or ask the administrator."
            ),
            "ca_bundle_unreadable": self.tr("The certificate file in the settings cannot be read: {0}"),
            "untrusted_certificate": self.tr(
                "The office's certificate is not trusted. Ask the administrator for the organisation's "
                "certificate file (setting ca_bundle)."
            ),
        }
        if isinstance(exc, sync_runner.EnrolmentFailed):
            self.error.setText(texts.get(exc.kind, exc.kind).format(exc.detail))
        else:
            self.error.setText(message_for(exc))

    def _progress(self, step: sync_runner.Progress) -> None:
        self.bar.setVisible(True)
        if step.total > 0:  # the bar counts in thousandths: totals can pass a 32-bit int (bytes)
            self.bar.setRange(0, 1000)
            self.bar.setValue(min(1000, step.done * 1000 // step.total))
        else:
            self.bar.setRange(0, 0)
        self.bar.setFormat(self.progress_text(step))

    def progress_text(self, step: sync_runner.Progress) -> str:
        """What the sync bar says, e.g. "Sending changes: 1,200 of 5,000"."""
        locale = QLocale()
        if step.stage == "push":
            return self.tr("Sending changes: {0} of {1}").format(
                locale.toString(step.done), locale.toString(step.total)
            )
        if step.stage == "files":
            return self.tr("Sending files: {0} of {1}").format(
                locale.formattedDataSize(step.done), locale.formattedDataSize(step.total)
            )
        if step.total > 0:
            percent = step.done * 100 // step.total
            return self.tr("Receiving: %Ln change(s), {0} %", "", step.items).format(percent)
        return self.tr("Receiving: %Ln change(s)", "", step.items)

    def _finished(self, kind: str) -> None:
        self.bar.setVisible(False)
        texts = {
            "done": self.tr("Sync finished."),
            "offline": self.tr("The office store cannot be reached. Your work is kept and sent later."),
            "revoked": self.tr(
                "The office has disconnected this laptop. Everything you recorded is still here, including "
                "what was not sent yet. Make a rescue export below and contact the administrator."
            ),
            "disabled": self.tr(
                "The office has disabled your account. Your work is kept here and is sent once the "
                "administrator enables the account again."
            ),
            "not_enrolled": self.tr("The office does not know this laptop (anymore). Connect it again."),
            "refused": self.tr(
                "The office refused the changes as a whole; they are kept here. Contact support."
            ),
        }
        self.error.setText(texts.get(kind, self.tr("Sync stopped: {0}").format(kind)))


def _item_text(dialog: QDialog, issue: IssueView) -> str:
    if _is_concern_clash(issue):
        return _concern_clash(issue)
    where = f"{issue.tbl or ''} {issue.record_id[:8] if issue.record_id else ''}".strip()
    return f"{_kind(dialog, issue)} · {where} · {_reason(issue)}".rstrip(" ·")


def _is_concern_clash(issue: IssueView) -> bool:
    """A clash the concern editor kept (decision 0017): a whole field's value, often a date,
    where the notes' "typing overlapped ... the same words" does not fit."""
    return issue.kind == "local_conflict" and issue.tbl == "concern"


def _concern_clash(issue: IssueView) -> str:
    """Which concern, and per field (by the form's label) the user's value and the
    colleague's that stayed, e.g. "Concern ‘…’: your change to ‘Date of the next step’
    (12-05-2026) and a colleague's (30-04-2026) coincided; ..."."""
    lines = [
        QCoreApplication.translate(
            "SyncDialog",
            "your change to ‘{0}’ ({1}) and a colleague's ({2}) coincided; the colleague's value is "
            "there now",
        ).format(field_name(f.field), _quoted(f.field, f.mine), _quoted(f.field, f.current))
        for f in issue.fields
    ]
    title = one_line(issue.title, SHORT) if issue.title else (issue.record_id or "")[:8]
    return QCoreApplication.translate("SyncDialog", "Concern ‘{0}’: {1}").format(title, "\n".join(lines))


SHORT = 80  # characters of a text quoted in the list; the panes below show it whole


def _concern_value(key: str, value: Any) -> str:
    """A concern field's value as the form shows it: a date as dd-mm-yyyy, no value as "empty"."""
    if value is None or value == "":
        return QCoreApplication.translate("SyncDialog", "empty")
    if isinstance(value, date):
        return f"{value:%d-%m-%Y}"
    if key in DATES:
        try:  # as it travels (ISO); anything else is shown as it is rather than break the panel
            return f"{date.fromisoformat(str(value)):%d-%m-%Y}"
        except ValueError:
            return str(value)
    return str(value)


def _quoted(key: str, value: Any) -> str:
    """In the list's sentence: a text quoted and shortened; a date or "empty" as it is."""
    if value is None or value == "" or key in DATES:
        return _concern_value(key, value)
    return f"“{one_line(str(value), SHORT)}”"


def _concern_line(key: str, value: Any) -> str:
    return f"{field_name(key)}: {_concern_value(key, value)}"


def _field_line(key: str, value: Any) -> str:
    return f"{key}: {_text(value)}"


def _reason(issue: IssueView) -> str:
    """The office's or the merge's reason, unless ``_kind`` already says it in words."""
    return "" if issue.kind == "local_conflict" else issue.reason or ""


def _kind(dialog: QDialog, issue: IssueView) -> str:
    # translate() with the class's context: dialog.tr() in a function made lupdate file these
    # under "dialog", which no lookup at run time uses (they showed in English)
    if issue.kind == "local_conflict" and issue.reason == "deleted_elsewhere":
        return QCoreApplication.translate(
            "SyncDialog", "A colleague removed this paragraph while you typed in it; your text was kept"
        )
    kind = issue.kind
    return {
        "superseded": QCoreApplication.translate("SyncDialog", "Your change lost to a concurrent one"),
        "conflict": QCoreApplication.translate("SyncDialog", "Your change won over a concurrent one"),
        "overwritten": QCoreApplication.translate(
            "SyncDialog", "Your value was overwritten by a later change elsewhere"
        ),
        "rejected": QCoreApplication.translate("SyncDialog", "Refused by the office"),
        "refused": QCoreApplication.translate("SyncDialog", "Batch refused"),
        "unknown_framework": QCoreApplication.translate("SyncDialog", "Unknown framework version"),
        "local_conflict": QCoreApplication.translate(
            "SyncDialog", "Your typing overlapped a colleague's change to the same words"
        ),
    }.get(kind, kind)
