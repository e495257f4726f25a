"""Preferences: language, auto-lock time, the name that goes into the audit log, and the
passphrase (ui/passphrase_dialog.py)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from inspectorapp.paths import AppPaths
from inspectorapp.settings import Settings

from .dialogs import open_dialog


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        paths: AppPaths | None = None,
        unlocked: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self.language = QComboBox()
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.idle = QSpinBox()
        self.idle.setRange(0, 24 * 60)
        self.idle.setValue(settings.idle_lock_minutes)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.name = QLineEdit(settings.inspector_name)
        self.name.setMaxLength(200)
        for widget, label in (
            (self.language, self.tr("Language")),
            (self.idle, self.tr("Lock after inactivity")),
            (self.name, self.tr("Your name")),
        ):
            widget.setAccessibleName(label)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Lock after inactivity"), self.idle)
        form.addRow(self.tr("Your name"), self.name)
        self._paths = paths
        # (current, new) once the passphrase dialog accepted; the window does the change.
        self.passphrase_change: tuple[str, str] | None = None
        if paths is not None and unlocked:  # the current passphrase is checked against the store
            self.passphrase_button = QPushButton(self.tr("Change passphrase…"))
            self.passphrase_button.setObjectName("passphraseButton")
            self.passphrase_button.clicked.connect(self._change_passphrase)
            form.addRow(self.tr("Passphrase"), self.passphrase_button)
        if paths is not None:  # the version, the store's location and the licences
            self.about_button = QPushButton(self.tr("About Veldwerk…"))
            self.about_button.setObjectName("aboutButton")
            self.about_button.clicked.connect(self._open_about)
            form.addRow("", self.about_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _change_passphrase(self) -> None:
        from .passphrase_dialog import PassphraseDialog

        if self._paths is None:
            return
        dialog = PassphraseDialog(self._paths.store_file, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.passphrase_change = dialog.change()
            self.accept()  # the other settings apply too, then the window locks for the change

    def _open_about(self) -> None:
        from .about_dialog import AboutDialog

        if self._paths is not None:
            open_dialog(AboutDialog(self._paths, self))

    def result_settings(self) -> Settings:
        return replace(
            self._settings,
            language=str(self.language.currentData()),
            idle_lock_minutes=self.idle.value(),
            inspector_name=self.name.text().strip(),
        ).validated()
