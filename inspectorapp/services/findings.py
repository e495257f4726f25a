"""Findings per theme (wat zien we / wat vinden we ervan / hoe nu verder) with evidence,
the inspection's judgement mode, and the explicit conversion of a soft signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.corroboration import SignalFacts, corroboration
from inspectorapp.domain.drafts import require
from inspectorapp.domain.enums import (
    AddressedTo,
    EvidenceKind,
    JudgementMode,
    Movement,
    ReportUse,
    SignalKind,
    SignalLinkType,
    TrafficLight,
)
from inspectorapp.domain.findings_views import EvidenceItem, FindingsOverview, FindingView
from inspectorapp.domain.outcome_drafts import FindingDraft
from inspectorapp.domain.report_rules import CONFIDENTIAL
from inspectorapp.domain.snapshots import ActionContext, OpResult
from inspectorapp.domain.validation import Checker
from inspectorapp.errors import FieldIssue, NotFoundError, ValidationError
from storage.models import Finding, FindingEvidence, Inspection, Organisation, Signal, SignalLink

from . import audit, frameworks, signal_status
from .evidence import EvidenceKey, inspection_evidence
from .refs import existing, live, live_inspection


def _evidence_rows(session: Session, finding_ids: list[str]) -> dict[str, list[FindingEvidence]]:
    out: dict[str, list[FindingEvidence]] = {}
    for row in session.scalars(
        select(FindingEvidence)
        .where(FindingEvidence.finding_id.in_(finding_ids), FindingEvidence.deleted_at.is_(None))
        .order_by(FindingEvidence.created_at, FindingEvidence.id)
    ):
        out.setdefault(row.finding_id, []).append(row)
    return out


def live_findings(session: Session, inspection_id: str) -> list[Finding]:
    """In theme order of the framework, then in the order they were written."""
    insp = live_inspection(session, inspection_id)
    order = {
        c.code: i
        for i, c in enumerate(frameworks.code_labels(session, "meso_theme", insp.framework_version_id))
    }
    rows = session.scalars(
        select(Finding)
        .where(Finding.inspection_id == inspection_id, Finding.deleted_at.is_(None))
        .order_by(Finding.created_at, Finding.id)
    )
    return sorted(rows, key=lambda f: order.get(f.theme_code, len(order)))


def resolve(
    session: Session, inspection_id: str, findings: list[Finding]
) -> tuple[dict[str, list[EvidenceItem]], dict[EvidenceKey, EvidenceItem]]:
    """Each finding's live evidence items (deleted sources drop out) and the whole map."""
    rows = _evidence_rows(session, [f.id for f in findings])
    extra = [r.evidence_id for rs in rows.values() for r in rs if r.evidence_kind is EvidenceKind.SIGNAL]
    items = inspection_evidence(session, inspection_id, extra)
    per_finding = {
        f.id: [
            items[(r.evidence_kind.value, r.evidence_id)]
            for r in rows.get(f.id, [])
            if (r.evidence_kind.value, r.evidence_id) in items
        ]
        for f in findings
    }
    return per_finding, items


def _source_counter(session: Session, evidence: list[EvidenceItem]) -> Callable[[list[EvidenceItem]], int]:
    """Counts a finding's independent sources; the signals' facts and their dubbel_van links
    are read once for the whole overview."""
    ids = {e.id for e in evidence if e.kind == EvidenceKind.SIGNAL}
    facts = {
        row.id: SignalFacts(row.id, row.source_key, row.entrance, row.observed_by, row.observed_at)
        for row in session.execute(
            select(
                Signal.id, Signal.source_key, Signal.entrance, Signal.observed_by, Signal.observed_at
            ).where(Signal.id.in_(ids))
        )
    }
    duplicates = [
        (a, b)
        for a, b in session.execute(
            select(SignalLink.from_signal_id, SignalLink.to_signal_id).where(
                SignalLink.link_type == SignalLinkType.DUPLICATE_OF,
                SignalLink.deleted_at.is_(None),
                SignalLink.from_signal_id.in_(ids),
            )
        )
        if b in ids
    ]

    def count(items: list[EvidenceItem]) -> int:
        signals = [facts[e.id] for e in items if e.kind == EvidenceKind.SIGNAL and e.id in facts]
        return corroboration(signals, duplicates).sources + sum(
            1 for e in items if e.kind != EvidenceKind.SIGNAL
        )

    return count


def findings_overview(session: Session, inspection_id: str) -> FindingsOverview:
    insp = live_inspection(session, inspection_id)
    findings = live_findings(session, inspection_id)
    per_finding, _ = resolve(session, inspection_id, findings)
    names = dict(
        session.execute(
            select(Organisation.id, Organisation.name).where(
                Organisation.id.in_([f.organisation_id for f in findings if f.organisation_id])
            )
        ).all()
    )
    sources = _source_counter(session, [e for items in per_finding.values() for e in items])
    views = tuple(
        FindingView(
            f.id,
            f.theme_code,
            f.what_we_see,
            f.what_we_think,
            f.what_next,
            f.movement.value,
            f.traffic_light.value if f.traffic_light else None,
            f.addressed_to.value,
            f.organisation_id,
            names.get(f.organisation_id) if f.organisation_id else None,
            f.context_factors,
            f.national_points,
            f.converted_signal_id,
            tuple(per_finding[f.id]),
            f.updated_at,
            sources(per_finding[f.id]),
        )
        for f in findings
    )
    return FindingsOverview(
        insp.id,
        insp.title,
        insp.judgement_mode.value,
        insp.framework_version_id,
        tuple(insp.theme_codes or ()),
        views,
    )


def evidence_options(session: Session, inspection_id: str) -> tuple[EvidenceItem, ...]:
    live_inspection(session, inspection_id)
    return tuple(inspection_evidence(session, inspection_id).values())


def _check(session: Session, insp: Inspection, fields: FindingDraft, c: Checker) -> dict[str, Any]:
    """The column values of a finding: the one place the draft becomes a row."""
    theme = c.code(
        "theme_code",
        fields.theme_code,
        frameworks.codes(session, "meso_theme", insp.framework_version_id),
        required=True,
    )
    v: dict[str, Any] = {"theme_code": theme}
    for name in ("what_we_see", "what_we_think", "what_next"):
        v[name] = c.text(name, getattr(fields, name), limits.LONG_TEXT) or ""
    if not (v["what_we_see"] or "").strip():
        c.add("what_we_see", "required")
    for name in ("context_factors", "national_points"):
        v[name] = c.text(name, getattr(fields, name), limits.LONG_TEXT)
    v["movement"] = c.choice("movement", fields.movement or Movement.NOT_ASSESSED, Movement)
    light = c.choice("traffic_light", fields.traffic_light, TrafficLight, required=False)
    if light is not None and insp.judgement_mode is not JudgementMode.SUMMATIVE:
        c.add("traffic_light", "not_allowed")
    v["traffic_light"] = light
    addressed = c.choice("addressed_to", fields.addressed_to or AddressedTo.NETWORK, AddressedTo)
    org = existing(session, c, "organisation_id", Organisation, fields.organisation_id)
    if (
        addressed is AddressedTo.PARTY
        and org is None
        and "organisation_id" not in {i.field for i in c.issues}
    ):
        c.add("organisation_id", "required")
    v["addressed_to"] = addressed
    v["organisation_id"] = org if addressed is AddressedTo.PARTY else None
    return v


def _check_evidence(c: Checker, wanted: Any, items: dict[EvidenceKey, EvidenceItem]) -> list[EvidenceKey]:
    keys: list[EvidenceKey] = []
    for i, entry in enumerate(wanted or ()):
        if not (isinstance(entry, (tuple, list)) and len(entry) == 2):
            c.add(f"evidence[{i}]", "invalid_format")
            continue
        kind, ref = str(entry[0]), str(entry[1])
        if (kind, ref) not in items:
            c.add(f"evidence[{i}]", "invalid_reference")
        elif (kind, ref) not in keys:
            keys.append((kind, ref))
    return keys


def _set_evidence(session: Session, finding: Finding, keys: list[EvidenceKey]) -> None:
    """Make the live evidence rows equal ``keys``: new rows, revived rows, soft deletes."""
    rows = {
        (r.evidence_kind.value, r.evidence_id): r
        for r in session.scalars(select(FindingEvidence).where(FindingEvidence.finding_id == finding.id))
    }
    for key, row in rows.items():
        if key not in keys and row.deleted_at is None:
            row.deleted_at = utc_now()
    for kind, ref in keys:
        existing_row = rows.get((kind, ref))
        if existing_row is None:
            session.add(
                FindingEvidence(finding_id=finding.id, evidence_kind=EvidenceKind(kind), evidence_id=ref)
            )
        elif existing_row.deleted_at is not None:
            existing_row.deleted_at = None


def save_finding(
    session: Session,
    ctx: ActionContext,
    inspection_id: str,
    fields: FindingDraft,
    finding_id: str | None = None,
) -> OpResult[str]:
    """Create or update a finding and set its evidence to ``fields.evidence`` [(kind, id)]."""
    require(fields, FindingDraft, "fields")
    insp = live_inspection(session, inspection_id)
    finding = live(session, Finding, finding_id) if finding_id else None
    if finding is not None and finding.inspection_id != inspection_id:
        raise NotFoundError("finding", finding_id or "")
    c = Checker()
    v = _check(session, insp, fields, c)
    extra = [str(e[1]) for e in fields.evidence or () if isinstance(e, tuple | list) and len(e) == 2]
    items = inspection_evidence(session, inspection_id, extra)
    keys = _check_evidence(c, fields.evidence, items)
    converted = finding.converted_signal_id if finding is not None else None
    if converted and (EvidenceKind.SIGNAL.value, converted) not in keys:
        c.add("evidence", "converted_signal_required")
    c.done()
    if finding is None:
        finding = Finding(inspection_id=inspection_id, **v)
        session.add(finding)
    else:
        for name, value in v.items():
            setattr(finding, name, value)
    session.flush()
    _set_evidence(session, finding, keys)
    session.flush()
    audit.record(session, ctx, "finding.save", "finding", finding.id, evidence=len(keys))
    return OpResult(finding.id, ChangeSet.of(finding=[finding.id], inspection=[inspection_id]))


def delete_finding(session: Session, ctx: ActionContext, finding_id: str) -> OpResult[str]:
    """Soft delete; a converted soft signal goes back to internal use and to the status it had
    before the conversion."""
    finding = live(session, Finding, finding_id)
    finding.deleted_at = utc_now()
    _set_evidence(session, finding, [])
    history: list[str] = []
    signals: list[str] = []
    if finding.converted_signal_id:
        signal = session.get(Signal, finding.converted_signal_id)
        if signal is not None and signal.report_use is ReportUse.FACTUAL_FINDING:
            signal.report_use = ReportUse.CANDIDATE_FINDING
        if signal is not None:
            session.flush()  # the finding is gone before asking what still makes the signal hard
            history = signal_status.undo_conversion(session, ctx, signal)
            signals = [signal.id]
    session.flush()
    audit.record(session, ctx, "finding.delete", "finding", finding.id)
    return OpResult(
        finding.id,
        ChangeSet.of(
            finding=[finding.id],
            inspection=[finding.inspection_id],
            signal=signals,
            signal_status_change=history,
        ),
    )


def convert_signal(
    session: Session, ctx: ActionContext, inspection_id: str, signal_id: str, fields: FindingDraft
) -> OpResult[str]:
    """The one way a soft signal reaches a report: an explicit conversion into a finding that
    rests on at least one further piece of reportable evidence."""
    require(fields, FindingDraft, "fields")
    insp = live_inspection(session, inspection_id)
    signal = live(session, Signal, signal_id)
    c = Checker()
    if signal.kind is not SignalKind.SOFT:
        c.add("signal_id", "not_soft")
    if signal.confidentiality in CONFIDENTIAL:
        c.add("signal_id", "confidential")
    if session.scalar(
        select(Finding.id).where(Finding.converted_signal_id == signal_id, Finding.deleted_at.is_(None))
    ):
        c.add("signal_id", "already_converted")
    v = _check(session, insp, fields, c)
    items = inspection_evidence(session, inspection_id, [signal_id])
    keys = [
        k for k in _check_evidence(c, fields.evidence, items) if k != (EvidenceKind.SIGNAL.value, signal_id)
    ]
    if not any(items[k].exclusion is None for k in keys):
        c.add("evidence", "substantiation_required")
    c.done()
    finding = Finding(inspection_id=inspection_id, converted_signal_id=signal_id, **v)
    session.add(finding)
    session.flush()
    _set_evidence(session, finding, [(EvidenceKind.SIGNAL.value, signal_id), *keys])
    signal.report_use = ReportUse.FACTUAL_FINDING
    session.flush()
    history = signal_status.mark_converted(session, ctx, signal, finding.theme_code)
    audit.record(session, ctx, "signal.convert", "finding", finding.id, signal=signal_id)
    return OpResult(
        finding.id,
        ChangeSet.of(
            finding=[finding.id], signal=[signal_id], inspection=[inspection_id], signal_status_change=history
        ),
    )


def set_judgement_mode(session: Session, ctx: ActionContext, inspection_id: str, mode: str) -> OpResult[str]:
    """Formative or summative. Leaving summative with traffic lights set is refused, so no
    judgement disappears silently."""
    insp = live_inspection(session, inspection_id)
    c = Checker()
    new = c.choice("judgement_mode", mode, JudgementMode)
    c.done()
    if new is JudgementMode.FORMATIVE and any(f.traffic_light for f in live_findings(session, inspection_id)):
        raise ValidationError([FieldIssue("judgement_mode", "traffic_lights_set")])
    assert new is not None
    insp.judgement_mode = new
    session.flush()
    audit.record(session, ctx, "inspection.judgement_mode", "inspection", insp.id, mode=new.value)
    return OpResult(insp.id, ChangeSet.of(inspection=[insp.id]))
