"""Organisations under supervision."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.drafts import OrganisationDraft, require
from inspectorapp.domain.snapshots import ActionContext, OpResult, OrganisationRow
from inspectorapp.domain.validation import Checker
from inspectorapp.domain.visit_views import OrganisationOption
from storage.models import Organisation

from . import audit, frameworks


def create_organisation(
    session: Session, ctx: ActionContext, draft: OrganisationDraft
) -> OpResult[OrganisationRow]:
    require(draft, OrganisationDraft)
    c = Checker()
    name = c.text("name", draft.name, limits.NAME, required=True)
    org_type = c.code("org_type", draft.org_type, frameworks.codes(session, "organisation_type"))
    sector = c.code("sector", draft.sector, frameworks.codes(session, "sector"))
    region = c.text("region", draft.region, limits.NAME)
    description = c.text("description", draft.description, limits.LONG_TEXT)
    c.done()
    org = Organisation(name=name, org_type=org_type, sector=sector, region=region, description=description)
    session.add(org)
    session.flush()
    audit.record(session, ctx, "organisation.create", "organisation", org.id)
    return OpResult(_row(org), ChangeSet.of(organisation=[org.id]))


def _row(o: Organisation) -> OrganisationRow:
    return OrganisationRow(o.id, o.name, o.org_type, o.sector, o.region)


def organisation_options(session: Session) -> tuple[OrganisationOption, ...]:
    """Every live organisation by name, for the forms' pickers."""
    rows = session.execute(
        select(Organisation.id, Organisation.name)
        .where(Organisation.deleted_at.is_(None))
        .order_by(Organisation.name)
    )
    return tuple(OrganisationOption(oid, name) for oid, name in rows)
