"""The first screen: create a database (first start) or unlock it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def strength_hint(passphrase: str) -> int:
    """0..3, a hint only: length and variety. Rules are enforced by the core."""
    if len(passphrase) < 8:
        return 0
    kinds = sum(
        any(f(c) for c in passphrase)
        for f in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    score = 1 + (len(passphrase) >= 14) + (len(passphrase) >= 20 or kinds >= 3)
    return min(score, 3)


class UnlockPage(QWidget):
    create_requested = Signal(str, str, bool, str)  # passphrase, repeated, load demo, name
    unlock_requested = Signal(str)
    language_requested = Signal(str)

    def __init__(self, creating: bool) -> None:
        super().__init__()
        self.creating = creating
        self.setObjectName("unlockPage")
        self.heading = QLabel("Veldwerk")
        font = QFont(self.heading.font())
        font.setPointSize(font.pointSize() + 10)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setObjectName("passphraseRepeat")
        self.name = QLineEdit()
        self.name.setObjectName("inspectorName")
        self.strength = QLabel()
        self.strength.setObjectName("strength")
        self.demo = QCheckBox()
        self.demo.setChecked(True)
        self.demo.setObjectName("loadDemo")
        self.submit_button = QPushButton()
        self.submit_button.setDefault(True)
        self.submit_button.setObjectName("submit")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.lang_nl = QPushButton("NL")
        self.lang_en = QPushButton("EN")
        for button, code in ((self.lang_nl, "nl"), (self.lang_en, "en")):
            button.setFlat(True)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, c=code: self.language_requested.emit(c))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.passphrase_label = QLabel()
        self.repeat_label = QLabel()
        self.name_label = QLabel()
        form.addRow(self.passphrase_label, self.passphrase)
        if creating:
            form.addRow(self.repeat_label, self.repeat)
            form.addRow("", self.strength)
            form.addRow(self.name_label, self.name)
            form.addRow("", self.demo)
        else:
            for w in (self.repeat, self.strength, self.name, self.demo):
                w.setVisible(False)

        langs = QHBoxLayout()
        self.language_label = QLabel()
        langs.addWidget(self.language_label)
        langs.addWidget(self.lang_nl)
        langs.addWidget(self.lang_en)
        langs.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.submit_button)
        buttons.addStretch(1)
        buttons.addLayout(langs)

        card = QWidget()
        card.setMaximumWidth(520)
        box = QVBoxLayout(card)
        box.addWidget(self.heading)
        box.addWidget(self.intro)
        box.addSpacing(12)
        box.addLayout(form)
        box.addWidget(self.busy)
        box.addWidget(self.error)
        box.addLayout(buttons)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.passphrase.textChanged.connect(self._update_strength)
        self.submit_button.clicked.connect(self._submit)  # Enter anywhere: keyPressEvent
        self.retranslate()

    def set_language(self, language: str) -> None:
        self.lang_nl.setChecked(language == "nl")
        self.lang_en.setChecked(language == "en")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self.creating:
            self.intro.setText(
                self.tr(
                    "Welcome. Choose a passphrase to encrypt your database on this laptop. "
                    "It cannot be recovered: write it down somewhere safe."
                )
            )
            self.submit_button.setText(self.tr("Create database"))
        else:
            self.intro.setText(self.tr("Enter your passphrase to unlock your database."))
            self.submit_button.setText(self.tr("Unlock"))
        self.passphrase_label.setText(self.tr("Passphrase"))
        self.repeat_label.setText(self.tr("Repeat passphrase"))
        self.name_label.setText(self.tr("Your name"))
        self.demo.setText(self.tr("Load demo data"))
        self.language_label.setText(self.tr("Language:"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat.setAccessibleName(self.tr("Repeat passphrase"))
        self.name.setAccessibleName(self.tr("Your name"))
        self.lang_nl.setAccessibleName(self.tr("Dutch"))
        self.lang_en.setAccessibleName(self.tr("English"))
        self._update_strength(self.passphrase.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter submits from any field of the form: line edits, the demo box and the
        buttons pass Enter on to their parent. (A QWidget has no default button.)"""
        from PySide6.QtCore import Qt  # not at import: its enums cost the first frame 15-20 ms

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self._submit()
            return
        super().keyPressEvent(event)

    def _update_strength(self, text: str) -> None:
        words = [self.tr("too short"), self.tr("weak"), self.tr("reasonable"), self.tr("strong")]
        self.strength.setText(self.tr("Strength: {0}").format(words[strength_hint(text)]))

    def _submit(self) -> None:
        if self.busy.isVisible():
            return
        self.error.clear()
        if self.creating:
            self.create_requested.emit(
                self.passphrase.text(),
                self.repeat.text(),
                self.demo.isChecked(),
                self.name.text().strip(),
            )
        else:
            self.unlock_requested.emit(self.passphrase.text())

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for w in (self.passphrase, self.repeat, self.submit_button, self.demo, self.name):
            w.setEnabled(not busy)

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(message)
        self.passphrase.selectAll()
        from PySide6.QtCore import Qt

        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.error.clear()
        self.set_busy(False)
