"""The typed draft of a concern (aandachtspunt), as in ``drafts``: frozen, empty is ``None``,
and ``concerns.save_concern`` still checks every value.

An open editor saves with a base: the draft of what the store held when its fields were
loaded. ``reconcile`` decides per field what a save (the service) or a refresh (the editor)
does when the store changed underneath (decision 0017)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from .textmerge import merge3

if TYPE_CHECKING:
    from .sense_views import ConcernView

FieldValue = str | date | None

# The fields the concern editor edits, in the order of its form.
EDITABLE = (
    "title",
    "hypothesis",
    "alternatives",
    "open_questions",
    "next_step",
    "next_step_owner",
    "next_step_due",
    "owner",
    "next_review_on",
)
DATES = frozenset({"next_step_due", "next_review_on"})
TEXTS = frozenset(EDITABLE) - DATES  # merged word by word; dates and references are not


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

    def get(self, field: str) -> FieldValue:
        value: FieldValue = getattr(self, field)
        return value

    def but(self, values: Mapping[str, FieldValue]) -> ConcernDraft:
        """This draft with some fields (by name, as in ``EDITABLE``) set otherwise."""
        return replace(self, **cast("dict[str, Any]", dict(values)))


@dataclass(frozen=True, slots=True)
class SavedConcern:
    """What an editor's save left in the store. ``clashes``: fields that the editor and the
    store both changed in ways that do not merge; the stored value stayed and the editor's
    is kept as a local conflict in the sync panel."""

    id: str
    stored: ConcernDraft  # the editor's next base
    clashes: tuple[str, ...] = ()


def draft_of(source: ConcernView | object) -> ConcernDraft:
    """The stored values as a draft: the editor's base from a ``ConcernView``, the service's
    answer from the stored record (anything with the draft's attributes)."""
    return ConcernDraft(
        **{key: getattr(source, key) for key in ("organisation_id", "network_id", "unit_id", *EDITABLE)}
    )


def normal(value: FieldValue) -> FieldValue:
    """As the store keeps it: text stripped, empty is None (a trailing space is no edit)."""
    if isinstance(value, str):
        return value.strip() or None
    return value


def reconcile(field: str, base: FieldValue, mine: FieldValue, stored: FieldValue) -> tuple[FieldValue, bool]:
    """The value a field should hold when this side went from ``base`` to ``mine`` while the
    store went from ``base`` to ``stored``, and whether both changes are in it. Text changed
    on both sides is merged word by word (as note paragraphs are); when the changes overlap,
    or a date changed on both sides, it is ``(stored, False)``: the caller keeps ``mine``
    apart, never writes it over the colleague's value."""
    base, mine, stored = normal(base), normal(mine), normal(stored)
    if mine in (base, stored):
        return stored, True
    if stored == base:
        return mine, True
    if field in TEXTS and not isinstance(mine, date) and not isinstance(stored, date):
        merged = merge3(str(base or ""), str(mine or ""), str(stored or ""))
        if merged is not None:
            return normal(merged), True
    return stored, False
