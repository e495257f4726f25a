"""What a view of an organisation or a network covers: the organisations (a network's members
too) and the network itself, and how a member is named on a network's view. Shared by the
timeline, the handover dossier and the agenda pack."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from storage.models import Network, NetworkMembership, Organisation

from .refs import live


class SubjectScope:
    """``on``: a network's members on that day only (an overleg discusses the network as it is
    then, not an organisation that left it or has yet to join); None: every member the network
    has had (a timeline or a dossier tells its history). Raises NotFoundError for a subject that
    is gone."""

    def __init__(self, session: Session, subject: SubjectRef, on: date | None = None) -> None:
        self.network_id: str | None = None
        if subject.kind == SubjectRefKind.NETWORK:
            network = live(session, Network, subject.id)
            self.title, self.network_id = network.name, network.id
            nm = NetworkMembership
            q = (
                select(Organisation.id, Organisation.name)
                .join(nm, nm.organisation_id == Organisation.id)
                .where(nm.network_id == network.id, nm.deleted_at.is_(None))
            )
            if on is not None:
                q = q.where(
                    or_(nm.joined_on.is_(None), nm.joined_on <= on),
                    or_(nm.left_on.is_(None), nm.left_on > on),  # gone from the day it left
                )
            self.names: dict[str, str] = {str(oid): str(name) for oid, name in session.execute(q)}
        else:
            organisation = live(session, Organisation, subject.id)
            self.title, self.names = organisation.name, {organisation.id: organisation.name}

    def about(
        self, org_column: InstrumentedAttribute[str | None], net_column: InstrumentedAttribute[str | None]
    ) -> ColumnElement[bool]:
        """A where-clause: the row is about one of the organisations (or the network)."""
        clauses: list[ColumnElement[bool]] = [org_column.in_(list(self.names))]
        if self.network_id is not None:
            clauses.append(net_column == self.network_id)
        return or_(*clauses)

    def member(self, organisation_id: str | None) -> str | None:
        """The member's name on a network's view; nothing on an organisation's own."""
        if self.network_id is None or organisation_id is None:
            return None
        return self.names.get(organisation_id)
