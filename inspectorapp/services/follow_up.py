"""Follow-up of an inspection: interventions on the escalation ladder (with a demanded plan
of action and its assessment, repeat visits) and reflections before / midway / after."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.decision_rules import accountable, rationale_missing
from inspectorapp.domain.drafts import require
from inspectorapp.domain.enums import InterventionStatus, PlanAssessment, ReflectionMoment
from inspectorapp.domain.findings_views import FollowUpView, InterventionView, ReflectionView
from inspectorapp.domain.framework_codes import LadderRung
from inspectorapp.domain.outcome_drafts import InterventionDraft, ReflectionDraft
from inspectorapp.domain.snapshots import ActionContext, OpResult
from inspectorapp.domain.validation import Checker
from inspectorapp.errors import NotFoundError
from storage.models import Finding, Intervention, Organisation, Reflection, TaxonomyItem, Visit

from . import audit, frameworks
from .refs import existing, live, live_inspection

# The rungs of the escalation ladder, lightest first (action_type attribute "ladder").
LADDER: tuple[str, ...] = tuple(LadderRung)


def ladder_rungs(session: Session, framework_version_id: str) -> dict[str, str | None]:
    """action_type code -> its rung on the ladder."""
    return {
        item.code: (item.attributes or {}).get("ladder")
        for item in session.scalars(
            select(TaxonomyItem).where(
                TaxonomyItem.framework_version_id == framework_version_id,
                TaxonomyItem.taxonomy == "action_type",
            )
        )
    }


def follow_up_view(session: Session, inspection_id: str) -> FollowUpView:
    insp = live_inspection(session, inspection_id)
    rungs = ladder_rungs(session, insp.framework_version_id)
    rows = session.execute(
        select(Intervention, Organisation.name)
        .outerjoin(Organisation, Organisation.id == Intervention.organisation_id)
        .where(Intervention.inspection_id == inspection_id, Intervention.deleted_at.is_(None))
        .order_by(Intervention.planned_on.is_(None), Intervention.planned_on, Intervention.created_at)
    ).all()
    interventions = tuple(
        InterventionView(
            i.id,
            i.action_type,
            rungs.get(i.action_type),
            i.organisation_id,
            name,
            i.finding_id,
            i.visit_id,
            i.intended_message,
            i.rationale,
            i.owner,
            i.planned_on,
            i.done_on,
            i.status.value,
            i.assessment.value if i.assessment else None,
            i.outcome,
            i.institution_response,
        )
        for i, name in rows
    )
    order = {m: n for n, m in enumerate(ReflectionMoment)}
    reflections = sorted(
        session.scalars(
            select(Reflection).where(
                Reflection.inspection_id == inspection_id, Reflection.deleted_at.is_(None)
            )
        ),
        key=lambda r: (order[r.moment], r.written_at),
    )
    return FollowUpView(
        inspection_id,
        interventions,
        tuple(ReflectionView(r.id, r.moment.value, r.author, r.text, r.written_at) for r in reflections),
    )


def _owned(
    session: Session, c: Checker, field: str, model: Any, value: Any, inspection_id: str
) -> str | None:
    """A reference that must point into this inspection (its finding, its visit)."""
    ref = existing(session, c, field, model, value)
    if ref is not None and getattr(session.get(model, ref), "inspection_id", None) != inspection_id:
        c.add(field, "invalid_reference")
        return None
    return ref


def save_intervention(
    session: Session,
    ctx: ActionContext,
    inspection_id: str,
    fields: InterventionDraft,
    intervention_id: str | None = None,
) -> OpResult[str]:
    require(fields, InterventionDraft, "fields")
    insp = live_inspection(session, inspection_id)
    row = live(session, Intervention, intervention_id) if intervention_id else None
    if row is not None and row.inspection_id != inspection_id:
        raise NotFoundError("intervention", row.id)
    c = Checker()
    v: dict[str, Any] = {
        "action_type": c.code(
            "action_type",
            fields.action_type,
            frameworks.codes(session, "action_type", insp.framework_version_id),
            required=True,
        ),
        "organisation_id": existing(session, c, "organisation_id", Organisation, fields.organisation_id),
        "finding_id": _owned(session, c, "finding_id", Finding, fields.finding_id, inspection_id),
        "visit_id": _owned(session, c, "visit_id", Visit, fields.visit_id, inspection_id),
        "planned_on": c.date("planned_on", fields.planned_on),
        "done_on": c.date("done_on", fields.done_on),
        "status": c.choice("status", fields.status or InterventionStatus.PLANNED, InterventionStatus),
        "assessment": c.choice("assessment", fields.assessment, PlanAssessment, required=False),
        "owner": c.text("owner", fields.owner, limits.NAME),
    }
    for name in ("intended_message", "rationale", "outcome", "institution_response"):
        v[name] = c.text(name, getattr(fields, name), limits.LONG_TEXT)
    if v["status"] is InterventionStatus.DONE and v["done_on"] is None:
        c.add("done_on", "required")
    if v["assessment"] is PlanAssessment.REJECTED and not v["outcome"]:
        c.add("outcome", "required")  # a rejected plan needs its reason
    # not acting, and enforcing, must be accounted for afterwards (decision_rules)
    rung = ladder_rungs(session, insp.framework_version_id).get(v["action_type"] or "")
    problem = accountable(v["action_type"], rung)
    if problem is not None and rationale_missing(v["rationale"]):
        c.add("rationale", problem)
    c.done()
    if row is None:
        row = Intervention(inspection_id=inspection_id, **v)
        session.add(row)
    else:
        for name, value in v.items():
            setattr(row, name, value)
    session.flush()
    audit.record(session, ctx, "intervention.save", "intervention", row.id, action_type=row.action_type)
    return OpResult(row.id, ChangeSet.of(intervention=[row.id], inspection=[inspection_id]))


def delete_intervention(session: Session, ctx: ActionContext, intervention_id: str) -> OpResult[str]:
    row = live(session, Intervention, intervention_id)
    row.deleted_at = utc_now()
    session.flush()
    audit.record(session, ctx, "intervention.delete", "intervention", row.id)
    return OpResult(row.id, ChangeSet.of(intervention=[row.id], inspection=[row.inspection_id or ""]))


def save_reflection(
    session: Session,
    ctx: ActionContext,
    inspection_id: str,
    fields: ReflectionDraft,
    reflection_id: str | None = None,
) -> OpResult[str]:
    require(fields, ReflectionDraft, "fields")
    live_inspection(session, inspection_id)
    row = live(session, Reflection, reflection_id) if reflection_id else None
    if row is not None and row.inspection_id != inspection_id:
        raise NotFoundError("reflection", row.id)
    c = Checker()
    moment = c.choice("moment", fields.moment, ReflectionMoment)
    text = c.text("text", fields.text, limits.LONG_TEXT, required=True)
    author = c.text("author", fields.author, limits.NAME)
    c.done()
    if row is None:
        row = Reflection(
            inspection_id=inspection_id,
            moment=moment,
            text=text,
            author=author or ctx.actor,
            written_at=utc_now(),
        )
        session.add(row)
    else:
        row.moment, row.text, row.author = moment, text, author or row.author  # type: ignore[assignment]
    session.flush()
    audit.record(session, ctx, "reflection.save", "reflection", row.id)
    return OpResult(row.id, ChangeSet.of(reflection=[row.id], inspection=[inspection_id]))


def delete_reflection(session: Session, ctx: ActionContext, reflection_id: str) -> OpResult[str]:
    row = live(session, Reflection, reflection_id)
    row.deleted_at = utc_now()
    session.flush()
    audit.record(session, ctx, "reflection.delete", "reflection", row.id)
    return OpResult(row.id, ChangeSet.of(reflection=[row.id], inspection=[row.inspection_id]))
