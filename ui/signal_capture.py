"""Quick signal capture (Ctrl+Shift+S): four required things, the rest one Tab away.

Keys when the observation field does not have focus: h / z set hard or soft, + - ?
set the valence. Ctrl+Enter saves. Earlier signals worth seeing (services.resurfacing:
what stayed soft and what is on an open concern first) appear beside the form while
typing; Alt+Down/Up move through them, Ctrl+L links one (when saved), Ctrl+D dismisses it.
The source (type and key) is suggested from the entrance, never over what was typed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.drafts import SignalDraft, SignalPrefill
from inspectorapp.domain.enums import Certainty, Confidentiality, SignalKind, Valence
from inspectorapp.domain.resurfacing import Suggestion, SuggestionQuery
from inspectorapp.domain.snapshots import SignalSnapshot
from inspectorapp.domain.visit_views import CodeLabel, SignalFormOptions

from . import ops
from .messages import message_for
from .signal_source import SourceFields
from .suggestion_list import SuggestionList

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace


def _label(c: CodeLabel) -> str:
    return c.en if QLocale().language() == QLocale.Language.English else c.nl


class SignalCapture(QDialog):
    captured = Signal(object)  # SignalSnapshot

    def __init__(
        self, workspace: Workspace, prefill: SignalPrefill | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signalCapture")
        self.workspace = workspace
        self.prefill = prefill or SignalPrefill()
        base = self.prefill.draft
        self.setWindowTitle(self.tr("Signal"))
        self.setMinimumWidth(1040)  # the form, and the earlier signals beside it
        self.organisation = QComboBox()
        self.organisation.setObjectName("signalOrganisation")
        self.kind = QButtonGroup(self)
        self.valence = QButtonGroup(self)
        kind_row, valence_row = QHBoxLayout(), QHBoxLayout()
        self.kind_buttons = self._toggles(
            self.kind, kind_row, ((SignalKind.HARD, "H"), (SignalKind.SOFT, "Z"))
        )
        self.valence_buttons = self._toggles(
            self.valence,
            valence_row,
            ((Valence.POSITIVE, "+"), (Valence.NEGATIVE, "−"), (Valence.AMBIGUOUS, "?")),
        )
        self.observation = QPlainTextEdit(base.observation or "")
        self.observation.setObjectName("signalObservation")
        self.observation.setTabChangesFocus(True)
        self.observation.setMaximumHeight(110)
        self.pair = QCheckBox(self.tr("Incongruence pair: the board says ↔ the shop floor shows"))
        self.pair.setObjectName("incongruencePair")
        self.floor = QPlainTextEdit()
        self.floor.setObjectName("floorShows")
        self.floor.setTabChangesFocus(True)
        self.floor.setMaximumHeight(80)
        self.floor.setVisible(False)
        self.floor_label = QLabel(self.tr("Shop floor shows"))
        self.floor_label.setVisible(False)
        self.pair.toggled.connect(self.floor.setVisible)
        self.pair.toggled.connect(self.floor_label.setVisible)
        self.quote = QLineEdit(base.quote or "")
        self.entrance, self.channel, self.certainty, self.strength = (QComboBox() for _ in range(4))
        self.confidentiality = QComboBox()
        self.categories = QListWidget()
        self.categories.setMaximumHeight(120)
        self.categories.setWordWrap(True)  # long category names wrap instead of being cut
        self.interpretation = QPlainTextEdit()
        self.interpretation.setTabChangesFocus(True)
        self.interpretation.setMaximumHeight(70)
        self.hook = QLineEdit()
        # Who saw it: the board counts independent observers. The one capturing, unless changed.
        self.observer = QLineEdit(workspace.ctx.actor)
        self.observer.setObjectName("signalObserver")
        self.observer.setMaxLength(200)
        # Independent sources are counted by key (a case number, a report number); optional.
        self.source = SourceFields(base.source_type, base.source_key)
        self.related = SuggestionList()
        self.related.setMinimumWidth(380)
        self.related_hint = QLabel(
            self.tr("Alt+↓/↑ choose · Ctrl+L link (again: other link) · Ctrl+D not relevant")
        )
        self.related_hint.setObjectName("hint")
        self.related_hint.setWordWrap(True)
        self._asked = 0  # the newest suggestions request; older answers are dropped
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setObjectName("submit")
        self.save_button.clicked.connect(self.save)

        form = QFormLayout()
        form.addRow(self.tr("Organisation"), self.organisation)
        toggles = QHBoxLayout()
        toggles.addLayout(kind_row)
        toggles.addSpacing(24)
        toggles.addLayout(valence_row)
        toggles.addStretch(1)
        form.addRow(self.tr("Kind · valence"), toggles)
        form.addRow(self.tr("Observation"), self.observation)
        form.addRow("", self.pair)
        form.addRow(self.floor_label, self.floor)
        more = QGroupBox(self.tr("More (Tab)"))
        more_form = QFormLayout(more)
        more_form.addRow(self.tr("Quote"), self.quote)
        more_form.addRow(self.tr("Entrance"), self.entrance)
        more_form.addRow(self.tr("Channel"), self.channel)
        more_form.addRow(self.tr("Categories"), self.categories)
        more_form.addRow(self.tr("Strength"), self.strength)
        more_form.addRow(self.tr("Certainty"), self.certainty)
        more_form.addRow(self.tr("Interpretation"), self.interpretation)
        more_form.addRow(self.tr("Hook"), self.hook)
        more_form.addRow(self.tr("Observed by"), self.observer)
        more_form.addRow(self.tr("Confidentiality"), self.confidentiality)
        more_form.addRow(self.tr("Source · key"), self.source)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(more)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Earlier signals (possibly related)")))
        right.addWidget(self.related, 1)
        right.addWidget(self.related_hint)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(self.save_button, alignment=Qt.AlignmentFlag.AlignRight)
        for widget, name in (
            (self.organisation, self.tr("Organisation")),
            (self.observation, self.tr("Observation")),
            (self.quote, self.tr("Quote")),
            (self.observer, self.tr("Observed by")),
            (self.related, self.tr("Possibly related signals")),
        ):
            widget.setAccessibleName(name)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, self.save)
        for key, slot in (
            ("Alt+Down", lambda: self.related.step(1)),
            ("Alt+Up", lambda: self.related.step(-1)),
            ("Ctrl+L", self.related.cycle_link),
            ("Ctrl+D", self.dismiss_suggestion),
        ):
            QShortcut(QKeySequence(key), self, slot)
        self._fill_fixed_choices()
        self._related_timer = QTimer(self)
        self._related_timer.setSingleShot(True)
        self._related_timer.setInterval(250)
        self._related_timer.timeout.connect(self._load_related)
        self.observation.textChanged.connect(self._related_timer.start)
        self.organisation.currentIndexChanged.connect(lambda _i: self._related_timer.start())
        self.categories.itemChanged.connect(lambda _item: self._related_timer.start())
        self.entrance.currentIndexChanged.connect(lambda _i: self.source.suggest(self.entrance.currentData()))
        self.observation.setFocus()
        from inspectorapp.services import signals

        ops.submit(workspace, signals.form_options, on_done=self._fill_options, on_error=self._show_error)

    def _toggles(
        self, group: QButtonGroup, row: QHBoxLayout, items: tuple[tuple[str, str], ...]
    ) -> dict[str, QToolButton]:
        buttons = {}
        for code, text in items:
            b = QToolButton()
            b.setText(text)
            b.setCheckable(True)
            b.setMinimumWidth(36)
            b.setAccessibleName(code)
            b.setProperty("code", code)
            group.addButton(b)
            row.addWidget(b)
            buttons[code] = b
        return buttons

    def _fill_fixed_choices(self) -> None:
        self.strength.addItem("—", None)
        for n, text in (
            (1, self.tr("1 hint")),
            (2, self.tr("2 clear signal")),
            (3, self.tr("3 strong signal")),
        ):
            self.strength.addItem(text, n)
        self.certainty.addItem("—", None)
        for code, text in (
            (Certainty.IMPRESSION, self.tr("impression")),
            (Certainty.PROBABLE, self.tr("probable")),
            (Certainty.ESTABLISHED, self.tr("established")),
        ):
            self.certainty.addItem(text, code)
        for level, text in (
            (Confidentiality.TEAM, self.tr("team / account holders")),
            (Confidentiality.INTERNAL, self.tr("internal")),
            (Confidentiality.RESTRICTED, self.tr("restricted (named users)")),
        ):
            self.confidentiality.addItem(text, level)

    def _fill_options(self, options: SignalFormOptions) -> None:
        base = self.prefill.draft
        wanted = base.organisation_id
        for o in options.organisations:
            self.organisation.addItem(o.name, o.id)
        if wanted:
            self.organisation.setCurrentIndex(max(0, self.organisation.findData(wanted)))
        for combo, items in ((self.entrance, options.entrances), (self.channel, options.channels)):
            combo.addItem("—", None)
            for c in items:
                combo.addItem(_label(c), c.code)
        for combo, code in ((self.channel, base.channel), (self.entrance, base.entrance)):
            if code:
                combo.setCurrentIndex(max(0, combo.findData(code)))
        for buttons, chosen in ((self.kind_buttons, base.kind), (self.valence_buttons, base.valence)):
            if chosen in buttons:
                buttons[chosen].setChecked(True)
        for c in options.categories:
            item = QListWidgetItem(("    " if c.parent else "") + f"{c.code} {_label(c)}")
            item.setData(Qt.ItemDataRole.UserRole, c.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.categories.addItem(item)
        self._load_related()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text().lower()
        typing = self.focusWidget() in (
            self.observation,
            self.quote,
            self.interpretation,
            self.hook,
            self.floor,
            self.observer,
            self.source.key,
        )
        shortcuts = {
            "h": self.kind_buttons[SignalKind.HARD],
            "z": self.kind_buttons[SignalKind.SOFT],
            "+": self.valence_buttons[Valence.POSITIVE],
            "-": self.valence_buttons[Valence.NEGATIVE],
            "?": self.valence_buttons[Valence.AMBIGUOUS],
        }
        if self.focusWidget() is self.related and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Delete):
            self.related.cycle_link() if event.key() == Qt.Key.Key_Space else self.dismiss_suggestion()
            return
        if not typing and text in shortcuts:
            shortcuts[text].setChecked(True)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not typing:
            self.save()
            return
        super().keyPressEvent(event)

    def draft(self) -> SignalDraft:
        """The prefill (its references, moment, source) with what the form shows."""
        kind = self.kind.checkedButton()
        valence = self.valence.checkedButton()
        cats = tuple(
            str(self.categories.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.categories.count())
            if self.categories.item(i).checkState() == Qt.CheckState.Checked
        )
        certainty, level = self.certainty.currentData(), self.confidentiality.currentData()
        return replace(
            self.prefill.draft,
            organisation_id=self.organisation.currentData(),
            kind=SignalKind(kind.property("code")) if kind else None,
            valence=Valence(valence.property("code")) if valence else None,
            observation=self.observation.toPlainText(),
            quote=self.quote.text() or None,
            entrance=self.entrance.currentData(),
            channel=self.channel.currentData(),
            strength=self.strength.currentData(),
            certainty=Certainty(certainty) if certainty else None,
            interpretation=self.interpretation.toPlainText() or None,
            hook=self.hook.text() or None,
            observed_by=self.observer.text().strip() or None,
            confidentiality=Confidentiality(level) if level else Confidentiality.TEAM,
            categories=cats,
            source_type=self.source.source_type(),
            source_key=self.source.source_key(),
            links=self.related.links(),
        )

    def _floor(self, board: SignalDraft) -> SignalDraft:
        """The "shop floor shows" half of an incongruence pair: its own observation."""
        return replace(board, observation=self.floor.toPlainText(), quote=None, interpretation=None, links=())

    def save(self) -> None:
        from inspectorapp.services import signals

        self.save_button.setEnabled(False)
        event_id = self.prefill.session_event_id
        if event_id:  # from a board event: the signal and the event's link are one write
            from inspectorapp.services import group_sessions

            draft = self.draft()
            pair = self.pair.isChecked()
            ops.submit(
                self.workspace,
                group_sessions.capture_event_signal,
                self.workspace.ctx,
                event_id,
                draft,
                self._floor(draft) if pair else None,
                on_done=lambda r: self._saved(r.value[0] if pair else r.value),
                on_error=self._show_error,
            )
            return
        if self.pair.isChecked():
            from inspectorapp.services import signal_links

            board = self.draft()
            ops.submit(
                self.workspace,
                signal_links.capture_incongruence,
                self.workspace.ctx,
                board,
                self._floor(board),
                on_done=lambda r: self._saved(r.value[0]),
                on_error=self._show_error,
            )
            return
        ops.submit(
            self.workspace,
            signals.capture_signal,
            self.workspace.ctx,
            self.draft(),
            on_done=lambda r: self._saved(r.value),
            on_error=self._show_error,
        )

    def _saved(self, snapshot: SignalSnapshot) -> None:
        self.captured.emit(snapshot)
        self.accept()

    def _show_error(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(message_for(exc))

    # ----- earlier signals ----------------------------------------------------------------------
    def _load_related(self) -> None:
        org = self.organisation.currentData()
        if not org:
            return
        from inspectorapp.services import resurfacing

        draft = self.draft()
        query = SuggestionQuery(
            organisation_id=org,
            unit_id=draft.unit_id,
            categories=draft.categories,
            text=draft.observation or "",
            exclude_ids=tuple(self.related.dismissed),
            viewer=self.workspace.ctx.actor,
        )
        self._asked += 1
        asked = self._asked
        ops.submit(
            self.workspace,
            resurfacing.suggestions,
            query,
            on_done=lambda rows: self._show_related(asked, rows),
            on_error=lambda _e: None,
        )

    def _show_related(self, asked: int, rows: list[Suggestion]) -> None:
        if asked == self._asked:  # an answer to an older question is dropped
            self.related.show_suggestions(rows)

    def dismiss_suggestion(self) -> None:
        """Not relevant: gone from the list, and not suggested again for this organisation."""
        org = self.organisation.currentData()
        sid = self.related.take_current()
        if not sid or not org:
            return
        from inspectorapp.services import resurfacing

        ops.submit(
            self.workspace,
            resurfacing.dismiss_suggestion,
            self.workspace.ctx,
            org,
            sid,
            on_done=lambda _r: None,
            on_error=self._show_error,
        )

    def help_keys(self) -> tuple[str, list[tuple[str, str]]]:
        return (
            self.tr("Signal"),
            [
                ("H / Z", self.tr("Hard or soft")),
                ("+ − ?", self.tr("Valence")),
                ("Ctrl+Enter", self.tr("Save")),
                ("Alt+↓ / Alt+↑", self.tr("Choose an earlier signal")),
                ("Ctrl+L", self.tr("Link it when saving (again: other link)")),
                ("Ctrl+D", self.tr("Not relevant: do not suggest it again")),
            ],
        )
