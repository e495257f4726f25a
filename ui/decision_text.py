"""How a decision is named on screen: its type ("Terugkomen op 12-03-2026" or the framework's
label), and the prefix a status history puts before a change a decision made
("Besluit (MDO 12-03-2026): …")."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inspectorapp.domain.decision_views import ActionChoice, DecisionNote
from inspectorapp.domain.enums import DeliberationKind

from .labels import code_text, ladder_rung

_KINDS = {
    DeliberationKind.MDO: QT_TRANSLATE_NOOP("decisions", "MDO"),
    DeliberationKind.PERIODIC: QT_TRANSLATE_NOOP("decisions", "APK"),
    DeliberationKind.LMO: QT_TRANSLATE_NOOP("decisions", "LMO"),
    DeliberationKind.TEAM: QT_TRANSLATE_NOOP("decisions", "team meeting"),
    DeliberationKind.PEER: QT_TRANSLATE_NOOP("decisions", "peer consultation"),
}


def day(value: date | None) -> str:
    return f"{value:%d-%m-%Y}" if value is not None else ""


def deliberation_kind(kind: str | None) -> str:
    return QCoreApplication.translate("decisions", str(_KINDS.get(kind or "", kind or "")))  # type: ignore[call-overload]


def type_text(action_type: str | None, return_on: date | None, actions: Sequence[ActionChoice]) -> str:
    """The framework's label of the action type, or coming back to it on a day."""
    if action_type is None:
        return QCoreApplication.translate("decisions", "Come back on {date}").format(date=day(return_on))
    choice = next((a for a in actions if a.code == action_type), None)
    return code_text(choice.label) if choice is not None else action_type


def choice_text(choice: ActionChoice) -> str:
    """An action type in a picker: its ladder rung, then its label."""
    return f"{ladder_rung(choice.rung)} — {code_text(choice.label)}"


def decision_prefix(note: DecisionNote) -> str:
    """ "Decision (MDO 12-03-2026)", or without an overleg "Decision (12-03-2026)"."""
    if note.deliberation_kind is None:
        return QCoreApplication.translate("decisions", "Decision ({date})").format(date=day(note.decided_on))
    return QCoreApplication.translate("decisions", "Decision ({overleg} {date})").format(
        overleg=deliberation_kind(note.deliberation_kind), date=day(note.decided_on)
    )
