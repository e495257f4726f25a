"""Typed drafts for organisations, units, life events, networks and memberships.

As in ``drafts``: frozen, empty is ``None``, and the services still check every value.
``OrganisationDraft`` itself lives in ``drafts`` (older callers import it from there).
Codes (``event_type``, ``roles``, ``financing_domains``) are framework codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .enums import NetworkFocus, NetworkLayer, UnitType
from .subject_ref import SubjectRef


@dataclass(frozen=True, slots=True)
class UnitDraft:
    name: str | None = None
    unit_type: UnitType | None = None


@dataclass(frozen=True, slots=True)
class LifeEventDraft:
    """A merger, change of board, media attention ... of an organisation or a network."""

    subject: SubjectRef | None = None
    event_type: str | None = None  # taxonomy life_event_type
    occurred_on: date | None = None
    description: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class NetworkDraft:
    name: str | None = None
    focus: NetworkFocus | None = None
    region: str | None = None
    description: str | None = None
    financing_domains: tuple[str, ...] = ()  # taxonomy financing_domain


@dataclass(frozen=True, slots=True)
class MembershipDraft:
    """An organisation's place in a network: its layer and roles (taxonomy network_role)."""

    network_id: str | None = None
    organisation_id: str | None = None
    layer: NetworkLayer | None = None
    roles: tuple[str, ...] = ()
    joined_on: date | None = None
    left_on: date | None = None
