"""F1: every keyboard shortcut, grouped, in a translucent overlay over the window. The widget
with the focus (or one of its parents) may add its own keys in a second column through a
``help_keys()`` method returning ``(title, [(key, text), ...])``: the group-session board
lists its tiles' number keys and its event letters that way."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QVBoxLayout, QWidget

Section = tuple[str, list[tuple[str, str]]]


def context_keys(widget: QWidget | None) -> Section | None:
    """The keys of the focused widget's nearest parent that has ``help_keys``."""
    while widget is not None:
        keys = getattr(widget, "help_keys", None)
        if callable(keys):
            section: Section = keys()
            return section
        widget = widget.parentWidget()
    return None


class HelpOverlay(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setStyleSheet("color: white;")
        self.context: Section | None = None  # the focused view's own keys, right column
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(24)
        self.grid.setColumnMinimumWidth(2, 24)
        self.grid.setColumnStretch(5, 1)  # keys and texts stay together on the left
        box = QVBoxLayout(self)
        box.setContentsMargins(60, 40, 60, 40)
        box.addWidget(self.title)
        box.addLayout(self.grid)
        box.addStretch(1)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #dddddd;")
        box.addWidget(self.hint)
        parent.installEventFilter(self)
        self.hide()
        self.retranslate()

    def shortcuts(self) -> list[Section]:
        return [
            (
                self.tr("Everywhere"),
                [
                    ("Ctrl+N", self.tr("New inspection")),
                    ("Ctrl+F", self.tr("Search everything")),
                    ("Ctrl+Shift+S", self.tr("Capture a signal (from the selection in notes)")),
                    ("F9", self.tr("Sync with the office now")),
                    ("Ctrl+L", self.tr("Lock")),
                    ("Ctrl+,", self.tr("Settings")),
                    ("F1", self.tr("This overview")),
                ],
            ),
            (
                self.tr("Notes"),
                [
                    ("Enter", self.tr("New paragraph")),
                    (
                        "Ctrl+1 … Ctrl+5",
                        self.tr("Kind: observation, quote, interpretation, question, action"),
                    ),
                    ("Ctrl+Q", self.tr("Make the selection a quote")),
                    ("Ctrl+E", self.tr("Speaker, themes, confidentiality and flags of the paragraph")),
                    ("Ctrl+Z / Ctrl+Shift+Z", self.tr("Undo / redo (saved automatically)")),
                ],
            ),
            (
                self.tr("Signal form"),
                [
                    ("h / z", self.tr("Hard / soft")),
                    ("+ / - / ?", self.tr("Positive / negative / ambiguous")),
                    ("Tab", self.tr("More fields")),
                    ("Ctrl+Enter", self.tr("Save")),
                ],
            ),
            (
                self.tr("Findings and report"),
                [
                    ("Ctrl+S", self.tr("Save the finding now (it also saves by itself)")),
                    ("F5", self.tr("Report: refresh the preview")),
                ],
            ),
        ]

    def retranslate(self) -> None:
        self.title.setText(self.tr("Keyboard shortcuts"))
        self.hint.setText(self.tr("Esc or F1 closes this overview."))
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._fill(self.shortcuts(), 0)
        if self.context is not None:
            self._fill([self.context], 3)

    def _fill(self, groups: list[Section], column: int) -> None:
        row = 0
        for group, keys in groups:
            heading = QLabel(group)
            heading.setStyleSheet("color: white; font-weight: 600; padding-top: 10px;")
            self.grid.addWidget(heading, row, column, 1, 2)
            row += 1
            for key, text in keys:
                k, t = QLabel(key), QLabel(text)
                k.setStyleSheet("color: white; font-family: monospace;")
                t.setStyleSheet("color: white;")
                self.grid.addWidget(k, row, column)
                self.grid.addWidget(t, row, column + 1)
                row += 1

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
            return
        self.context = context_keys(QApplication.focusWidget())
        self.retranslate()
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if (
            parent is not None
            and watched is parent
            and event.type() == QEvent.Type.Resize
            and self.isVisible()
        ):
            self.setGeometry(parent.rect())
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F1):
            self.hide()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(20, 30, 36, 225))
        painter.end()
