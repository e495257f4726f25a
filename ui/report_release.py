"""Releasing a session event or an observation score for the report (decision 0009): the
explicit conversion step, from the board's timeline and the synthesis form. A menu, a
confirmation, then ``group_sessions.set_report_release`` through the workspace, so the
change-set reaches every view and schedules the sync like any other edit. The service
judges; a refusal (a confidential item) comes back as the translated message."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from inspectorapp.domain.enums import Confidentiality

from . import ops
from .messages import message_for

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

LEVELS = (
    Confidentiality.TEAM,
    Confidentiality.INTERNAL,
    Confidentiality.RESTRICTED,
    Confidentiality.REPORTER_CONFIDENTIAL,
)
CONFIDENTIAL = frozenset({Confidentiality.RESTRICTED, Confidentiality.REPORTER_CONFIDENTIAL})


class ReportRelease(QObject):
    """One per view. ``changed(row_id, for_report, confidentiality)`` after a stored change,
    ``failed(message)`` with the translated refusal."""

    changed = Signal(str, bool, str)
    failed = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.view = parent
        self.confirmation: QMessageBox | None = None

    # ----- words ----------------------------------------------------------------------
    def marker(self, for_report: bool, confidentiality: str) -> str:
        """The state in a word or two: shown beside the item."""
        if confidentiality in CONFIDENTIAL:
            return self.tr("confidential")
        return self.tr("in report") if for_report else self.tr("internal")

    def level_text(self, level: str) -> str:
        texts: dict[str, str] = {
            Confidentiality.TEAM: self.tr("Team"),
            Confidentiality.INTERNAL: self.tr("IGJ internal"),
            Confidentiality.RESTRICTED: self.tr("Restricted"),
            Confidentiality.REPORTER_CONFIDENTIAL: self.tr("Reporter-confidential"),
        }
        return texts[level]

    # ----- the menu -------------------------------------------------------------------
    def menu(
        self, entity: str, row_id: str, for_report: bool, confidentiality: str, parent: QWidget
    ) -> QMenu:
        """Release / withdraw, and the confidentiality levels (the current one checked)."""
        menu = QMenu(parent)
        menu.setObjectName("reportReleaseMenu")
        release = menu.addAction(self.tr("Release for the report…"))
        release.setObjectName("releaseForReport")
        release.setVisible(not for_report)
        release.triggered.connect(lambda: self.confirm_release(entity, row_id, confidentiality))
        withdraw = menu.addAction(self.tr("Withdraw from the report"))
        withdraw.setObjectName("withdrawFromReport")
        withdraw.setVisible(for_report)
        withdraw.triggered.connect(lambda: self.store(entity, row_id, False, confidentiality))
        levels = menu.addMenu(self.tr("Confidentiality"))
        for level in LEVELS:
            action = levels.addAction(self.level_text(level))
            action.setObjectName(f"level_{level}")
            action.setCheckable(True)
            action.setChecked(level == confidentiality)
            # a confidential item is never in the report: making it so withdraws it
            keep = for_report and level not in CONFIDENTIAL
            action.triggered.connect(lambda _on=False, lv=level, k=keep: self.store(entity, row_id, k, lv))
        return menu

    def confirm_release(self, entity: str, row_id: str, confidentiality: str) -> None:
        """Ask first (window-modal, not a nested loop): released, the text may be printed."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Release for the report"),
            self.tr(
                "Release this item for the report? It may then be printed as evidence of a "
                "finding. It must not name a person or a reporter."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.view,
        )
        box.setObjectName("releaseConfirmation")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Release"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(result: int) -> None:
            self.confirmation = None
            if result == QMessageBox.StandardButton.Yes:
                self.store(entity, row_id, True, confidentiality)

        box.finished.connect(answered)
        self.confirmation = box
        box.open()

    def store(self, entity: str, row_id: str, for_report: bool, confidentiality: str) -> None:
        from inspectorapp.services import group_sessions

        def done(_result: Any) -> None:
            self.changed.emit(row_id, for_report, confidentiality)

        ops.submit(
            self.workspace,
            group_sessions.set_report_release,
            self.workspace.ctx,
            entity,
            row_id,
            for_report,
            confidentiality,
            on_done=done,
            on_error=lambda exc: self.failed.emit(message_for(exc)),
        )
