"""What the sense-making views look at: one organisation or one network."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SubjectRefKind(StrEnum):
    ORGANISATION = "organisatie"
    NETWORK = "netwerk"


@dataclass(frozen=True, slots=True)
class SubjectRef:
    """An organisation or a network by id. A network's views include what is known about
    its member organisations, marked by member."""

    kind: SubjectRefKind
    id: str

    @classmethod
    def organisation(cls, organisation_id: str) -> SubjectRef:
        return cls(SubjectRefKind.ORGANISATION, organisation_id)

    @classmethod
    def network(cls, network_id: str) -> SubjectRef:
        return cls(SubjectRefKind.NETWORK, network_id)
