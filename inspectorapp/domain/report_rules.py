"""What may leave the inspectorate in a report (DOMAIN.md: soft stays internal, privacy).

One place for the rules, used by the findings screen (to show why an item will stay
out) and by the report content builder (to leave it out). Findings themselves are
written for the report; their evidence is what these rules filter.
"""

from __future__ import annotations

from collections.abc import Collection
from enum import StrEnum

from .enums import Confidentiality, SignalKind

# Working levels (whole inspectorate, the team) may be reported when marked;
# restricted items and reporter-confidential items never are.
CONFIDENTIAL = frozenset({Confidentiality.RESTRICTED, Confidentiality.REPORTER_CONFIDENTIAL})


class Exclusion(StrEnum):
    """Why an evidence item stays out of a report."""

    CONFIDENTIAL = "vertrouwelijk"
    NOT_MARKED = "niet_voor_rapport"
    SOFT_NOT_CONVERTED = "zacht_niet_omgezet"


def note_exclusion(for_report: bool, confidentiality: Confidentiality) -> Exclusion | None:
    if confidentiality in CONFIDENTIAL:
        return Exclusion.CONFIDENTIAL
    if not for_report:
        return Exclusion.NOT_MARKED
    return None


def signal_exclusion(kind: SignalKind, confidentiality: Confidentiality, converted: bool) -> Exclusion | None:
    """A hard signal is a verifiable fact; a soft one only enters after explicit conversion."""
    if confidentiality in CONFIDENTIAL:
        return Exclusion.CONFIDENTIAL
    if kind is SignalKind.SOFT and not converted:
        return Exclusion.SOFT_NOT_CONVERTED
    return None


def attachment_exclusion(confidentiality: Confidentiality) -> Exclusion | None:
    """Attachments are referred to by name and caption, never reproduced."""
    return Exclusion.CONFIDENTIAL if confidentiality in CONFIDENTIAL else None


def participant_printed(person_confidentiality: Confidentiality | None) -> bool:
    """Annex 1 counts participants by role; one linked to a reporter-confidential person is
    left out altogether (even their role and organisation could point at the reporter)."""
    return person_confidentiality is not Confidentiality.REPORTER_CONFIDENTIAL


def printable_role(code: str | None, known: Collection[str]) -> str | None:
    """Only a framework role code prints (as its label): a free-text role from an import or
    an older framework may be a name."""
    return code if code and code in known else None


def observation_exclusion(confidentiality: Confidentiality, for_report: bool) -> Exclusion | None:
    """Session events and observation scores are the inspector's own, soft impressions: like a
    soft signal they enter a report only after an explicit conversion (``for_report``), and
    never when confidential."""
    if confidentiality in CONFIDENTIAL:
        return Exclusion.CONFIDENTIAL
    if not for_report:
        return Exclusion.SOFT_NOT_CONVERTED
    return None
