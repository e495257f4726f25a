"""Resurfacing: earlier signals worth seeing while a new one is captured ("hadden we al niet
eerder het idee dat daar wat speelt?"), and the source a signal's entrance suggests.

Both are data, so the capture form, the CLI and tests share one answer. A suggestion says
why it is suggested; nothing here adds the reasons up into a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from .enums import SignalLinkType, SourceType
from .framework_codes import EntranceCode


class SuggestionReason(StrEnum):
    """Why an earlier signal is suggested; a suggestion has one or more."""

    STAYS_SOFT = "blijft_zacht"
    OPEN_CONCERN = "open_aandachtspunt"
    SAME_UNIT = "zelfde_afdeling"
    SAME_CATEGORY = "zelfde_categorie"
    SIMILAR_TEXT = "vergelijkbare_tekst"
    NETWORK_PARTNER = "netwerkpartner"
    SAME_ORGANISATION = "zelfde_organisatie"


# Reasons that keep a signal on top whatever its age (the collective memory).
PINNED = frozenset({SuggestionReason.STAYS_SOFT, SuggestionReason.OPEN_CONCERN})

# The link a suggestion gets, in the order one key steps through them (then: no link).
LINK_CYCLE: tuple[SignalLinkType, ...] = (
    SignalLinkType.RELATED,
    SignalLinkType.CORROBORATES,
    SignalLinkType.CONTRADICTS,
)


@dataclass(frozen=True, slots=True)
class SuggestionQuery:
    """What the form knows so far. ``viewer``: whose dismissals count (None: nobody's).
    ``today`` None: the clock's date."""

    organisation_id: str
    unit_id: str | None = None
    categories: tuple[str, ...] = ()
    text: str = ""
    exclude_ids: tuple[str, ...] = ()
    today: date | None = None
    limit: int = 8
    viewer: str | None = None


@dataclass(frozen=True, slots=True)
class Suggestion:
    signal_id: str
    organisation_id: str
    organisation: str  # name
    kind: str
    valence: str
    status: str
    observation: str
    observed_at: datetime
    reasons: tuple[SuggestionReason, ...]
    shared_categories: tuple[str, ...] = ()

    @property
    def pinned(self) -> bool:
        return any(r in PINNED for r in self.reasons)


class KeyHint(StrEnum):
    """What a source key of an entrance looks like; the form words it (translated)."""

    CASE_NUMBER = "zaaknummer"
    REPORT_NUMBER = "rapportnummer"
    VISIT = "bezoek"
    CONVERSATION = "gesprek"
    REFERENCE = "vindplaats"


@dataclass(frozen=True, slots=True)
class SourceSuggestion:
    """The source type an entrance suggests, and what its key looks like. ``prefix``: the
    start of a key as the desk writes it (``LMZ-``), followed by the year."""

    source_type: SourceType
    hint: KeyHint | None = None
    prefix: str = ""

    def example(self, year: int) -> str:
        return f"{self.prefix}{year}-…" if self.prefix else ""


_REPORTER_CASE = SourceSuggestion(SourceType.REPORTER, KeyHint.CASE_NUMBER)
_DOCUMENT_REPORT = SourceSuggestion(SourceType.DOCUMENT, KeyHint.REPORT_NUMBER)
_DOCUMENT_REFERENCE = SourceSuggestion(SourceType.DOCUMENT, KeyHint.REFERENCE)
_OWN_VISIT = SourceSuggestion(SourceType.OWN_OBSERVATION, KeyHint.VISIT)
_BOARD_TALK = SourceSuggestion(SourceType.ORAL_BOARD, KeyHint.CONVERSATION)
_COLLEAGUE = SourceSuggestion(SourceType.COLLEAGUE)

# Codes of the framework taxonomy ``entrance`` (igj-starter 2026.1/2026.2). An entrance not
# named here (OVERIG, CONTACT_IGJ: anyone may be on the line) suggests nothing. The table is
# data (a framework without one of its codes loses only that suggestion); the two visit
# entrances, which the code relies on elsewhere, are named from framework_codes.
ENTRANCE_SOURCES: dict[str, SourceSuggestion] = {
    "LMZ_KLACHT": SourceSuggestion(SourceType.REPORTER, KeyHint.CASE_NUMBER, "LMZ-"),
    "MELDPUNT_MELDING": _REPORTER_CASE,
    "VERPLICHT_ONTSLAG": _REPORTER_CASE,
    "VERPLICHT_GEWELD": _REPORTER_CASE,
    "CALAMITEITENRAPPORTAGE": _DOCUMENT_REPORT,
    "VISITATIERAPPORT": _DOCUMENT_REPORT,
    EntranceCode.TRAJECTORY_REPORT: _DOCUMENT_REPORT,
    EntranceCode.UNANNOUNCED_VISIT: _OWN_VISIT,
    EntranceCode.ANNOUNCED_VISIT: _OWN_VISIT,
    "THEMATISCH_TOEZICHT": _OWN_VISIT,
    "JAARGESPREK": _BOARD_TALK,
    "CONTACT_BESTUURDER": _BOARD_TALK,
    "PRESTATIE_INDICATOREN": SourceSuggestion(SourceType.SYSTEM, KeyHint.REFERENCE),
    "ZORGKAART": _DOCUMENT_REFERENCE,
    "MEDIA": _DOCUMENT_REFERENCE,
    "ANDERE_INSTANTIE": _DOCUMENT_REFERENCE,
    "INTERN_OVERLEG": _COLLEAGUE,
    "COLLEGA": _COLLEAGUE,
}


def source_for_entrance(entrance: str | None) -> SourceSuggestion | None:
    return ENTRANCE_SOURCES.get(entrance or "")
