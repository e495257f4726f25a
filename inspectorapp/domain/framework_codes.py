"""Framework codes the code relies on, named once.

Most codes of a framework file are data (labels, descriptions, order) that only screens
show. These few are compared in code, so every framework must have them
(``framework_file.REQUIRED_CODES``) and the code names them here, never as quoted values.
"""

from __future__ import annotations

from enum import StrEnum


class SignalStatusCode(StrEnum):
    """Taxonomy ``signal_status``."""

    NEW = "NIEUW"
    HARDENED = "HARD_GEMAAKT"
    STAYS_SOFT = "BLIJFT_ZACHT"
    CLOSED = "AFGESLOTEN"


class EntranceCode(StrEnum):
    """Taxonomy ``entrance``: a signal captured on a visit (the board's prefill)."""

    ANNOUNCED_VISIT = "BEZOEK_AANGEKONDIGD"
    UNANNOUNCED_VISIT = "BEZOEK_ONAANGEKONDIGD"
    TRAJECTORY_REPORT = "TRAJECT_RAPPORTAGE"  # a late or worrying report of a supervision trajectory


class ChannelCode(StrEnum):
    """Taxonomy ``channel``: a signal from a group session (the board's prefill)."""

    GROUP_SESSION = "GROEPSGESPREK"


class ConcernStatusCode(StrEnum):
    """Taxonomy ``concern_status``."""

    SUSPICION = "VERMOEDEN"
    SUBSTANTIATED = "ONDERBOUWD"
    NOT_SUBSTANTIATED = "NIET_ONDERBOUWD"
    STAYS_SOFT = "BLIJFT_ZACHT"
    CLOSED = "AFGESLOTEN"


# A concern in one of these is no longer open (pages count and list only the open ones).
CONCERN_CLOSING = frozenset({ConcernStatusCode.CLOSED, ConcernStatusCode.NOT_SUBSTANTIATED})


class ActionTypeCode(StrEnum):
    """Taxonomy ``action_type``: the interventions the timeline draws as periods, and the
    intervention form's default."""

    HOLD_UP_MIRROR = "SPIEGEL_VOORHOUDEN"  # the form's default: the lightest step
    INTENSIFIED_START = "GEINTENSIVEERD_START"
    INTENSIFIED_STOP = "GEINTENSIVEERD_STOP"
    HEIGHTENED = "VERSCHERPT_TOEZICHT"  # has no end code of its own
    STEP_BACK = "AFSTAND_NEMEN"
    NO_ACTION = "GEEN_ACTIE"  # a collective decision not to act: needs a rationale


class LadderRung(StrEnum):
    """The ``ladder`` attribute of an action_type item: the rungs of the escalation ladder,
    lightest first (the order is the ladder's)."""

    INTERNAL = "intern"
    INFORMAL = "informeel"
    RECURRING = "terugkerend"
    INDIVIDUAL = "individueel"
    ENFORCEMENT = "handhaving"


class SessionEventCode(StrEnum):
    """Taxonomy ``session_event``: the event that points at a captured signal."""

    SIGNAL = "EV-SIG"


class Scale(StrEnum):
    """The ``scale`` attribute of an observation-scheme item (and of dilemmas)."""

    PRESENCE = "AANW"  # 0 absent, 1 partly, 2 present
    BIPOLAR = "BIPOOL"  # -2 .. +2 between two poles
    COUNT = "TELLING"
    PERCENT = "PERCENT"
    BOOL = "BOOL"
    CHOICE = "ENUM"  # one of the item's options
    REF = "REF"  # names a participant
    TEXT = "TEKST"
