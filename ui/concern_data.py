"""What the concern editor shows besides its fields: the concern's view with the labels and
the subject's signals it reads in one go, and the corroboration counts in words. Split from
``concern_editor`` to keep it small; the texts keep the editor's translation context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from inspectorapp.domain.board_views import BoardCard
from inspectorapp.domain.corroboration import Corroboration
from inspectorapp.domain.sense_views import ConcernView
from inspectorapp.domain.snapshots import Label
from inspectorapp.domain.subject_ref import SubjectRef

if TYPE_CHECKING:
    from inspectorapp.workspace import DbSession


@dataclass(frozen=True, slots=True)
class EditorData:
    view: ConcernView
    statuses: tuple[Label, ...]  # concern_status
    signal_statuses: tuple[Label, ...]
    candidates: tuple[BoardCard, ...]  # the subject's signals, for the picker


def load_editor(session: DbSession, concern_id: str) -> EditorData:
    from inspectorapp.services import concern_views, frameworks, signal_board

    view = concern_views.concern_view(session, concern_id)
    subject = (
        SubjectRef.organisation(view.organisation_id)
        if view.organisation_id is not None
        else SubjectRef.network(view.network_id or "")
    )
    cards = signal_board.board(session, subject).cards
    return EditorData(
        view,
        tuple(frameworks.labels(session, "concern_status")),
        tuple(frameworks.labels(session, "signal_status")),
        tuple(cards),
    )


def corroboration_text(c: Corroboration) -> str:
    """N signals, M independent sources, K entrances, J observers, period: counts, no score."""
    # translate() spelled out with literal contexts and plain names for the counts: lupdate
    # finds no call through an alias, nor one whose count is an attribute (c.signals).
    signals, sources, entrances, observers = c.signals, c.sources, c.entrances, c.observers
    parts = [
        QCoreApplication.translate("ConcernEditor", "%n signal(s)", "", signals),
        QCoreApplication.translate("ConcernEditor", "%n independent source(s)", "", sources),
        QCoreApplication.translate("ConcernEditor", "%n entrance(s)", "", entrances),
        QCoreApplication.translate("ConcernEditor", "%n observer(s)", "", observers),
    ]
    if c.first is not None and c.last is not None:
        parts.append(
            QCoreApplication.translate("ConcernEditor", "period {0} – {1}").format(
                f"{c.first.astimezone():%d-%m-%Y}", f"{c.last.astimezone():%d-%m-%Y}"
            )
        )
    return ", ".join(parts)
