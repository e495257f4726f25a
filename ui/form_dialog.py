"""The small editing dialogs' common frame: a form, an error line and Save / Cancel; one
service call on the database thread per Save, the dialog closing only when it succeeded
(so a refusal leaves everything the user typed in place)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from inspectorapp.domain.snapshots import OpResult

from . import ops
from .messages import message_for

if TYPE_CHECKING:
    from inspectorapp.workspace import DbSession, Workspace


class FormDialog(QDialog):
    """Subclasses fill ``form`` and implement ``save``, which calls ``_write``."""

    saved = Signal(object)  # what the service returned (an id or a row)

    def __init__(self, workspace: Workspace, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.workspace = workspace
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        raise NotImplementedError

    def message(self, exc: BaseException) -> str:
        """The refusal as the user reads it; a dialog with its own wording overrides this."""
        return message_for(exc)

    def _write(self, call: Callable[[DbSession], OpResult[Any]]) -> None:
        self.error.clear()
        ops.submit(self.workspace, call, on_done=self._done, on_error=self._failed)

    def _done(self, result: OpResult[Any]) -> None:
        self.saved.emit(result.value)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.message(exc))
