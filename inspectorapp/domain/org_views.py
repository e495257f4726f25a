"""Read views of organisations and networks: the directory and one subject's details."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .enums import NetworkFocus, NetworkLayer, UnitType
from .subject_ref import SubjectRef
from .visit_views import CodeLabel, OrganisationOption


@dataclass(frozen=True)
class ValenceCounts:
    """Live signals of one kind by valence."""

    positive: int = 0
    negative: int = 0
    ambiguous: int = 0

    @property
    def total(self) -> int:
        return self.positive + self.negative + self.ambiguous


@dataclass(frozen=True)
class DirectoryRow:
    """One organisation or network in the directory. A network counts its own signals and
    those of its member organisations (each signal once); concerns are its own."""

    subject: SubjectRef
    name: str
    region: str | None
    sector: CodeLabel | None  # an organisation's sector
    focus: NetworkFocus | None  # a network's focus
    hard: ValenceCounts
    soft: ValenceCounts
    open_concerns: int
    items_due: int  # signals and open concerns past their review date


@dataclass(frozen=True)
class UnitView:
    id: str
    name: str
    unit_type: UnitType


@dataclass(frozen=True)
class LifeEventView:
    id: str
    event_type: CodeLabel
    occurred_on: date
    description: str
    source: str | None


@dataclass(frozen=True)
class MembershipView:
    """A membership seen from either side: ``other_name`` is the network (on an organisation's
    page) or the organisation (on a network's page)."""

    id: str
    network_id: str
    organisation_id: str
    other_name: str
    layer: NetworkLayer
    roles: tuple[CodeLabel, ...]
    joined_on: date | None
    left_on: date | None


@dataclass(frozen=True)
class OrganisationDetail:
    id: str
    name: str
    org_type: CodeLabel | None
    sector: CodeLabel | None
    region: str | None
    description: str | None
    units: tuple[UnitView, ...]
    life_events: tuple[LifeEventView, ...]  # newest first
    networks: tuple[MembershipView, ...]

    @property
    def subject(self) -> SubjectRef:
        return SubjectRef.organisation(self.id)


@dataclass(frozen=True)
class NetworkDetail:
    id: str
    name: str
    focus: NetworkFocus
    region: str | None
    description: str | None
    financing_domains: tuple[CodeLabel, ...]
    life_events: tuple[LifeEventView, ...]  # newest first
    members: tuple[MembershipView, ...]

    @property
    def subject(self) -> SubjectRef:
        return SubjectRef.network(self.id)


@dataclass(frozen=True)
class OrgFormOptions:
    """What the organisation and network editors pick from."""

    org_types: tuple[CodeLabel, ...]
    sectors: tuple[CodeLabel, ...]
    life_event_types: tuple[CodeLabel, ...]
    network_roles: tuple[CodeLabel, ...]
    financing_domains: tuple[CodeLabel, ...]
    organisations: tuple[OrganisationOption, ...]
    networks: tuple[OrganisationOption, ...]
