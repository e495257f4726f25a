"""The typed draft of a concern (aandachtspunt), as in ``drafts``: frozen, empty is ``None``,
and ``concerns.save_concern`` still checks every value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class ConcernDraft:
    """About exactly one of an organisation or a network. ``title`` is the statement ("er
    speelt mogelijk iets met de nachtbezetting op 3 Oost"); ``hypothesis`` its longer form."""

    organisation_id: str | None = None
    network_id: str | None = None
    unit_id: str | None = None
    title: str | None = None
    hypothesis: str | None = None
    alternatives: str | None = None
    open_questions: str | None = None
    next_step: str | None = None
    next_step_owner: str | None = None
    next_step_due: date | None = None
    owner: str | None = None
    next_review_on: date | None = None
