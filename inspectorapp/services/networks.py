"""Care networks and their members (layer, roles, joined and left).

A network's own fields are here; its life events are written by ``organisations`` (one
service for both subjects). Each write is one transaction (the caller's), audited, and
returns what it changed.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.drafts import require
from inspectorapp.domain.enums import NetworkFocus, NetworkLayer
from inspectorapp.domain.org_drafts import MembershipDraft, NetworkDraft
from inspectorapp.domain.org_views import NetworkDetail
from inspectorapp.domain.snapshots import ActionContext, OpResult
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.domain.validation import Checker
from inspectorapp.domain.visit_views import OrganisationOption
from storage.models import Network, NetworkMembership, Organisation

from . import audit, frameworks
from .organisations import code_map, label_of, life_events, membership_view
from .refs import existing, live


def _checked(session: Session, draft: NetworkDraft) -> dict[str, object]:
    c = Checker()
    values: dict[str, object] = {
        "name": c.text("name", draft.name, limits.NAME, required=True),
        "focus": c.choice("focus", draft.focus, NetworkFocus),
        "region": c.text("region", draft.region, limits.NAME),
        "description": c.text("description", draft.description, limits.LONG_TEXT),
        "financing_domains": c.codes(
            "financing_domains", draft.financing_domains, frameworks.codes(session, "financing_domain")
        ),
    }
    c.done()
    return values


def create_network(session: Session, ctx: ActionContext, draft: NetworkDraft) -> OpResult[OrganisationOption]:
    require(draft, NetworkDraft)
    network = Network(**_checked(session, draft))
    session.add(network)
    session.flush()
    audit.record(session, ctx, "network.create", "network", network.id)
    return OpResult(OrganisationOption(network.id, network.name), ChangeSet.of(network=[network.id]))


def update_network(
    session: Session, ctx: ActionContext, network_id: str, draft: NetworkDraft
) -> OpResult[OrganisationOption]:
    """Every field as the draft has it (the editor sends the whole network)."""
    require(draft, NetworkDraft)
    network = live(session, Network, network_id)
    for key, value in _checked(session, draft).items():
        setattr(network, key, value)
    session.flush()
    audit.record(session, ctx, "network.update", "network", network.id)
    return OpResult(OrganisationOption(network.id, network.name), ChangeSet.of(network=[network.id]))


# ----- members ------------------------------------------------------------------------------


def _membership_values(session: Session, draft: MembershipDraft, c: Checker) -> dict[str, object]:
    values: dict[str, object] = {
        "layer": c.choice("layer", draft.layer, NetworkLayer),
        "roles": c.codes("roles", draft.roles, frameworks.codes(session, "network_role")),
        "joined_on": c.date("joined_on", draft.joined_on),
        "left_on": c.date("left_on", draft.left_on),
    }
    joined, left = values["joined_on"], values["left_on"]
    if joined is not None and left is not None and left < joined:  # type: ignore[operator]
        c.add("left_on", "before_start")
    return values


def add_member(session: Session, ctx: ActionContext, draft: MembershipDraft) -> OpResult[str]:
    """An organisation joins a network. A second live membership of the same pair is refused
    (``duplicate``): edit the one there is."""
    require(draft, MembershipDraft)
    c = Checker()
    network_id = existing(session, c, "network_id", Network, draft.network_id, required=True)
    organisation_id = existing(
        session, c, "organisation_id", Organisation, draft.organisation_id, required=True
    )
    values = _membership_values(session, draft, c)
    if (
        network_id
        and organisation_id
        and session.scalar(
            select(NetworkMembership.id).where(
                NetworkMembership.network_id == network_id,
                NetworkMembership.organisation_id == organisation_id,
                NetworkMembership.deleted_at.is_(None),
            )
        )
    ):
        c.add("organisation_id", "duplicate")
    c.done()
    member = NetworkMembership(network_id=network_id, organisation_id=organisation_id, **values)
    session.add(member)
    session.flush()
    audit.record(session, ctx, "network_membership.create", "network_membership", member.id)
    return OpResult(member.id, _changes(member))


def update_member(
    session: Session, ctx: ActionContext, membership_id: str, draft: MembershipDraft
) -> OpResult[str]:
    """Layer, roles and dates; the network and the organisation stay (the draft's are ignored)."""
    require(draft, MembershipDraft)
    member = live(session, NetworkMembership, membership_id)
    c = Checker()
    values = _membership_values(session, draft, c)
    c.done()
    for key, value in values.items():
        setattr(member, key, value)
    session.flush()
    audit.record(session, ctx, "network_membership.update", "network_membership", member.id)
    return OpResult(member.id, _changes(member))


def remove_member(session: Session, ctx: ActionContext, membership_id: str) -> OpResult[str]:
    """Soft delete: for a member that left, set ``left_on`` instead and keep the history."""
    member = live(session, NetworkMembership, membership_id)
    member.deleted_at = utc_now()
    session.flush()
    audit.record(session, ctx, "network_membership.delete", "network_membership", member.id)
    return OpResult(member.id, _changes(member))


def _changes(member: NetworkMembership) -> ChangeSet:
    return ChangeSet.of(
        network_membership=[member.id], network=[member.network_id], organisation=[member.organisation_id]
    )


# ----- the network's page -------------------------------------------------------------------


def network_detail(session: Session, network_id: str) -> NetworkDetail:
    network = live(session, Network, network_id)
    members = session.execute(
        select(NetworkMembership, Organisation.name)
        .join(Organisation, Organisation.id == NetworkMembership.organisation_id)
        .where(
            NetworkMembership.network_id == network.id,
            NetworkMembership.deleted_at.is_(None),
            Organisation.deleted_at.is_(None),
        )
        .order_by(NetworkMembership.layer, Organisation.name)
    ).all()
    roles = code_map(session, "network_role")
    domains = code_map(session, "financing_domain")
    return NetworkDetail(
        id=network.id,
        name=network.name,
        focus=network.focus,
        region=network.region,
        description=network.description,
        financing_domains=tuple(label_of(domains, d) for d in network.financing_domains or ()),
        life_events=life_events(session, SubjectRef.network(network.id)),
        members=tuple(membership_view(m, name, roles) for m, name in members),
    )
