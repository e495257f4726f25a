"""Changing the passphrase (Settings): the current one, the new one twice, the strength
rules of the first start. The change itself needs the store closed: the window locks,
the core re-encrypts (store_access.change_passphrase) and the window opens again with
the new passphrase, where the inspector was."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.errors import WrongPassphraseError

from . import ops
from .messages import message_for
from .unlock_page import strength_hint

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

    from .main_window import MainWindow

log = logging.getLogger(__name__)


class PassphraseDialog(QDialog):
    """Asks for the current passphrase and a new one; accepted once the new one follows the
    rules and the current one opens the store (checked read-only, beside the open store)."""

    def __init__(self, store_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Change passphrase"))
        self.setMinimumWidth(460)
        self.store_file = store_file
        self.current = self._field("currentPassphrase")
        self.new = self._field("newPassphrase")
        self.repeat = self._field("repeatPassphrase")
        self.strength = QLabel()
        self.strength.setObjectName("strength")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        intro = QLabel(
            self.tr(
                "The app locks for a moment and opens again with the new passphrase. "
                "It cannot be recovered: write it down somewhere safe."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        for widget, label in (
            (self.current, self.tr("Current passphrase")),
            (self.new, self.tr("New passphrase")),
            (self.repeat, self.tr("Repeat new passphrase")),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label)
        form.addRow("", self.strength)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Change passphrase"))
        ok.setObjectName("submit")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.new.textChanged.connect(self._update_strength)
        self._update_strength("")
        self.current.setFocus()

    @staticmethod
    def _field(name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(1024)
        return field

    def _update_strength(self, text: str) -> None:
        words = [self.tr("too short"), self.tr("weak"), self.tr("reasonable"), self.tr("strong")]
        self.strength.setText(self.tr("Strength: {0}").format(words[strength_hint(text)]))

    def submit(self) -> None:
        from inspectorapp.errors import ValidationError
        from inspectorapp.store_access import check_new_passphrase, verify_passphrase

        self.error.clear()
        try:
            check_new_passphrase(self.new.text(), self.repeat.text())
        except ValidationError as exc:
            self._refuse(message_for(exc), self.new)
            return
        if self.new.text() == self.current.text():
            self._refuse(self.tr("The new passphrase is the same as the current one."), self.new)
            return
        self.buttons.setEnabled(False)
        current = self.current.text()
        ops.in_thread(
            lambda: verify_passphrase(self.store_file, current), lambda _r: self.accept(), self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, WrongPassphraseError):
            self._refuse(self.tr("The current passphrase is not right. Nothing was changed."), self.current)
        else:
            self._refuse(message_for(exc), self.current)

    def _refuse(self, message: str, field: QLineEdit) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(message)
        field.selectAll()
        field.setFocus()

    def change(self) -> tuple[str, str]:
        return self.current.text(), self.new.text()


def change_in_window(window: MainWindow, current: str, new: str) -> None:
    """Lock, re-encrypt, open again with the new passphrase. If the change fails the store
    is as it was: it opens again with the current passphrase and the status bar says why."""
    from inspectorapp.store_access import change_passphrase
    from inspectorapp.workspace import Workspace

    window.lock()  # the place is remembered: the window comes back to it
    paths, actor = window.paths, window._actor()
    page = window.unlock_page
    page.set_busy(True)
    window.status_text.setText(QCoreApplication.translate("PassphraseDialog", "Changing the passphrase…"))

    def work() -> Workspace:
        change_passphrase(paths.store_file, current, new, new)
        return Workspace.unlock(paths, new, actor)

    def done(workspace: Workspace) -> None:
        window._unlocked(workspace, False)
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "PassphraseDialog", "Passphrase changed. Use the new one from now on."
            ),
            20000,
        )

    def failed(exc: BaseException) -> None:
        log.error("passphrase not changed: %s", exc, exc_info=exc)
        reason = message_for(exc)

        def reopened(workspace: Workspace) -> None:
            window._unlocked(workspace, False)
            window.statusBar().showMessage(
                QCoreApplication.translate("PassphraseDialog", "The passphrase was not changed: {0}").format(
                    reason
                ),
                30000,
            )

        ops.in_thread(
            lambda: Workspace.unlock(paths, current, actor), reopened, lambda _e: page.show_error(reason)
        )

    ops.in_thread(work, done, failed)
