"""Ctrl+E in the notes: who spoke, themes, confidentiality and flags of a paragraph."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from inspectorapp.domain.enums import Confidentiality, PartialInterest
from inspectorapp.domain.snapshots import NoteAttrs
from inspectorapp.domain.visit_views import CodeLabel, ParagraphOptions


def _text(c: CodeLabel) -> str:
    return c.en if QLocale().language() == QLocale.Language.English else c.nl


class ParagraphDialog(QDialog):
    def __init__(self, attrs: NoteAttrs, options: ParagraphOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paragraphDialog")
        self.setWindowTitle(self.tr("Paragraph"))
        self.attrs = attrs
        self.speaker = QComboBox()
        self.speaker.addItem("—", None)
        for s in options.speakers:
            self.speaker.addItem(_text(s), s.code)
        if options.speakers:
            self.speaker.insertSeparator(self.speaker.count())
        for r in options.roles:
            self.speaker.addItem(_text(r), r.code)
        self.speaker.setCurrentIndex(max(0, self.speaker.findData(attrs.speaker_role)))
        self.themes = QListWidget()
        self.themes.setMaximumHeight(180)
        self.themes.setWordWrap(True)  # long theme names wrap instead of being cut
        for t in options.themes:
            item = QListWidgetItem(f"{t.code} {_text(t)}")
            item.setData(Qt.ItemDataRole.UserRole, t.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if t.code in attrs.theme_codes else Qt.CheckState.Unchecked
            )
            self.themes.addItem(item)
        self.confidentiality = QComboBox()
        for code, text in (
            (Confidentiality.TEAM, self.tr("team / account holders")),
            (Confidentiality.INTERNAL, self.tr("internal")),
            (Confidentiality.RESTRICTED, self.tr("restricted (named users)")),
        ):
            self.confidentiality.addItem(text, code)
        self.confidentiality.setCurrentIndex(max(0, self.confidentiality.findData(attrs.confidentiality)))
        self.absent = QCheckBox(self.tr("about a party that is not present"))
        self.absent.setChecked(attrs.about_absent_party)
        self.interest = QComboBox()
        for interest, text in (
            (PartialInterest.NONE, self.tr("no partial interest")),
            (PartialInterest.IMPLICIT, self.tr("partial interest, implicit")),
            (PartialInterest.EXPLICIT, self.tr("partial interest, explicit")),
        ):
            self.interest.addItem(text, interest)
        self.interest.setCurrentIndex(max(0, self.interest.findData(attrs.partial_interest)))
        self.followed = QCheckBox(self.tr("followed up"))
        self.followed.setChecked(attrs.followed_up)
        form = QFormLayout(self)
        for label, widget in (
            (self.tr("Speaker"), self.speaker),
            (self.tr("Themes"), self.themes),
            (self.tr("Confidentiality"), self.confidentiality),
            ("", self.absent),
            (self.tr("Interest"), self.interest),
            ("", self.followed),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label or widget.text() if isinstance(widget, QCheckBox) else label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def result_attrs(self) -> NoteAttrs:
        themes = tuple(
            self.themes.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.themes.count())
            if self.themes.item(i).checkState() == Qt.CheckState.Checked
        )
        return replace(
            self.attrs,
            speaker_role=self.speaker.currentData(),
            theme_codes=themes,
            confidentiality=self.confidentiality.currentData(),
            about_absent_party=self.absent.isChecked(),
            partial_interest=self.interest.currentData(),
            followed_up=self.followed.isChecked(),
        )
