"""Findings, the soft-signal conversion, follow-up and report drafts (services on real stores)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspectorapp.domain.enums import (
    AddressedTo,
    EvidenceKind,
    InterventionStatus,
    Movement,
    PlanAssessment,
    ReflectionMoment,
    ReportUse,
    TrafficLight,
)
from inspectorapp.domain.outcome_drafts import (
    FindingDraft,
    InterventionDraft,
    ReflectionDraft,
    ReportDraftChanges,
)
from inspectorapp.domain.report import ReportSection
from inspectorapp.domain.report_rules import Exclusion
from inspectorapp.errors import ValidationError
from inspectorapp.services import demo, findings, follow_up, report_drafts
from inspectorapp.store_access import create_store
from storage import models as m
from storage.engine import Store

from .conftest import PASSPHRASE


@pytest.fixture
def demo_store(store: Store, ctx) -> Store:
    with store.transaction() as s:
        demo.load_demo(s, ctx)
    return store


@pytest.fixture(scope="module")
def shared_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Read-only tests share one demo store."""
    from inspectorapp.domain.snapshots import ActionContext

    s = create_store(Path(tmp_path_factory.mktemp("demo")) / "veldwerk.db", PASSPHRASE)
    with s.transaction() as session:
        demo.load_demo(session, ActionContext("test", "dev"))
    yield s
    s.close()


def inspection_id(store: Store, title_part: str) -> str:
    with store.session() as s:
        return s.scalars(select(m.Inspection.id).where(m.Inspection.title.contains(title_part))).one()


def signal_id(store: Store, observation_start: str) -> str:
    with store.session() as s:
        return s.scalars(select(m.Signal.id).where(m.Signal.observation.startswith(observation_start))).one()


def note_id(store: Store, text_start: str) -> str:
    with store.session() as s:
        return s.scalars(select(m.NoteParagraph.id).where(m.NoteParagraph.text.startswith(text_start))).one()


def counts(store: Store) -> tuple[int, ...]:
    with store.session() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(t)) or 0
            for t in (m.Finding, m.FindingEvidence, m.Intervention, m.Reflection, m.ReportDraft, m.Outbox)
        )


def refused(store: Store, ctx, action, *args, **kwargs) -> set[tuple[str, str]]:
    before = counts(store)
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        action(s, ctx, *args, **kwargs)
    assert counts(store) == before
    return {(i.field, i.problem) for i in err.value.issues}


DEMENTIA = "dementiezorg Lindeveen"


def test_demo_findings_are_in_theme_order_with_resolved_evidence(shared_demo: Store) -> None:
    with shared_demo.session() as s:
        view = findings.findings_overview(s, inspection_id(shared_demo, DEMENTIA))
    assert view.judgement_mode == "summatief"
    assert [f.theme_code for f in view.findings] == ["T03", "T08", "T10", "T13", "T17"]  # framework order
    assert all(f.evidence for f in view.findings)
    t10 = next(f for f in view.findings if f.theme_code == "T10")
    converted = [e for e in t10.evidence if e.kind == "signaal" and e.converted]
    assert len(converted) == 1 and converted[0].exclusion is None
    soft_unconverted = [
        e for f in view.findings for e in f.evidence if e.subkind == "zacht" and not e.converted
    ]
    assert soft_unconverted and all(e.exclusion is Exclusion.SOFT_NOT_CONVERTED for e in soft_unconverted)
    restricted = [e for f in view.findings for e in f.evidence if e.text.startswith("Eerlijk is eerlijk")]
    assert restricted[0].exclusion is Exclusion.CONFIDENTIAL  # marked for the report, but BEPERKT


def test_save_finding_with_evidence_then_change_evidence(demo_store: Store, ctx) -> None:
    iid = inspection_id(demo_store, DEMENTIA)
    n1, n2 = (
        note_id(demo_store, "Wachtlijst casemanagement"),
        note_id(demo_store, "Het cliëntenplatform krijgt"),
    )
    fields = FindingDraft(
        theme_code="T05",
        what_we_see="Wachtlijsten worden niet gedeeld tussen aanbieders.",
        what_we_think="Zicht op de keten ontbreekt.",
        what_next="Het netwerk deelt maandelijks de wachtlijst.",
        movement=Movement.STABLE,
        traffic_light=TrafficLight.AMBER,
        evidence=((EvidenceKind.NOTE, n1), (EvidenceKind.NOTE, n2), (EvidenceKind.NOTE, n1)),
    )
    with demo_store.transaction() as s:
        fid = findings.save_finding(s, ctx, iid, fields).value
    with demo_store.session() as s:
        f = next(f for f in findings.findings_overview(s, iid).findings if f.id == fid)
    assert [e.id for e in f.evidence] == [n1, n2] and f.traffic_light == "oranje"
    with demo_store.transaction() as s:
        findings.save_finding(s, ctx, iid, replace(fields, evidence=((EvidenceKind.NOTE, n2),)), fid)
    with demo_store.transaction() as s:  # re-adding a removed item revives its row
        findings.save_finding(s, ctx, iid, replace(fields, evidence=((EvidenceKind.NOTE, n2), (EvidenceKind.NOTE, n1))), fid)
    with demo_store.session() as s:
        rows = s.scalars(select(m.FindingEvidence).where(m.FindingEvidence.finding_id == fid)).all()
        ops = [op for (op,) in s.execute(select(m.Outbox.op).where(m.Outbox.entity == "finding_evidence"))]
    assert len(rows) == 2 and all(r.deleted_at is None for r in rows)
    assert "delete" in ops  # the removal travels as a soft delete


def test_bad_findings_are_refused_with_reasons_and_change_nothing(demo_store: Store, ctx) -> None:
    iid = inspection_id(demo_store, DEMENTIA)
    palliative = inspection_id(demo_store, "palliatieve zorg")
    ok = FindingDraft(theme_code="T05", what_we_see="x")
    assert ("what_we_see", "required") in refused(
        demo_store, ctx, findings.save_finding, iid, FindingDraft(theme_code="T05")
    )
    assert ("theme_code", "unknown_code") in refused(
        demo_store, ctx, findings.save_finding, iid, replace(ok, theme_code="T99")
    )
    assert ("traffic_light", "not_allowed") in refused(  # formative inspection: no traffic lights
        demo_store, ctx, findings.save_finding, palliative, replace(ok, traffic_light=TrafficLight.RED)
    )
    assert ("organisation_id", "required") in refused(
        demo_store, ctx, findings.save_finding, iid, replace(ok, addressed_to=AddressedTo.PARTY)
    )
    assert ("evidence[0]", "invalid_reference") in refused(
        demo_store, ctx, findings.save_finding, iid, replace(ok, evidence=((EvidenceKind.NOTE, "0" * 36),))
    )
    other = note_id(demo_store, "Wachtlijst casemanagement")  # a dementia note, not palliative evidence
    assert ("evidence[0]", "invalid_reference") in refused(
        demo_store, ctx, findings.save_finding, palliative, replace(ok, evidence=((EvidenceKind.NOTE, other),))
    )
    assert ("what_next", "too_long") in refused(
        demo_store, ctx, findings.save_finding, iid, replace(ok, what_next="x" * 20_001)
    )


def test_soft_signal_reaches_a_report_only_by_explicit_conversion(demo_store: Store, ctx) -> None:
    iid = inspection_id(demo_store, DEMENTIA)
    soft = signal_id(demo_store, "Mantelzorgers komen vaak pas")
    hard = signal_id(demo_store, "Wachttijd casemanagement dementie 9 weken")
    internal_note = note_id(demo_store, "Ik kan niets toezeggen")  # not marked for the report
    reportable = note_id(demo_store, "Wachtlijst casemanagement")
    base = FindingDraft(theme_code="T03", what_we_see="Mantelzorgers komen te laat in beeld.")
    assert ("signal_id", "not_soft") in refused(demo_store, ctx, findings.convert_signal, iid, hard, base)
    problems = refused(
        demo_store,
        ctx,
        findings.convert_signal,
        iid,
        soft,
        replace(base, evidence=((EvidenceKind.NOTE, internal_note),)),
    )
    assert ("evidence", "substantiation_required") in problems
    with demo_store.transaction() as s:
        fid = findings.convert_signal(
            s, ctx, iid, soft, replace(base, evidence=((EvidenceKind.NOTE, reportable),))
        ).value
    with demo_store.session() as s:
        assert s.get(m.Signal, soft).report_use is ReportUse.FACTUAL_FINDING
        f = next(f for f in findings.findings_overview(s, iid).findings if f.id == fid)
    assert f.converted_signal_id == soft
    assert {(e.kind, e.id) for e in f.evidence} == {("signaal", soft), ("notitie", reportable)}
    assert ("signal_id", "already_converted") in refused(
        demo_store, ctx, findings.convert_signal, iid, soft, replace(base, evidence=((EvidenceKind.NOTE, reportable),))
    )
    # the converted signal cannot be dropped from its finding's evidence
    assert ("evidence", "converted_signal_required") in refused(
        demo_store, ctx, findings.save_finding, iid, replace(base, evidence=((EvidenceKind.NOTE, reportable),)), fid
    )
    with demo_store.transaction() as s:
        findings.delete_finding(s, ctx, fid)
    with demo_store.session() as s:
        assert s.get(m.Signal, soft).report_use is ReportUse.CANDIDATE_FINDING
        item = findings.evidence_options(s, iid)
    assert next(e for e in item if e.id == soft).exclusion is Exclusion.SOFT_NOT_CONVERTED


def test_conversion_with_the_signal_among_its_evidence(demo_store: Store, ctx) -> None:
    """The convert dialog sends the signal with the rest of the evidence: it is kept once, and
    it does not count as its own substantiation."""
    iid = inspection_id(demo_store, DEMENTIA)
    soft = signal_id(demo_store, "Mantelzorgers komen vaak pas")
    reportable = note_id(demo_store, "Wachtlijst casemanagement")
    base = FindingDraft(theme_code="T03", what_we_see="Mantelzorgers komen te laat in beeld.")
    alone = replace(base, evidence=((EvidenceKind.SIGNAL, soft),))
    assert ("evidence", "substantiation_required") in refused(
        demo_store, ctx, findings.convert_signal, iid, soft, alone
    )
    with demo_store.transaction() as s:
        draft = replace(base, evidence=((EvidenceKind.SIGNAL, soft), (EvidenceKind.NOTE, reportable)))
        fid = findings.convert_signal(s, ctx, iid, soft, draft).value
    with demo_store.session() as s:
        rows = s.scalars(select(m.FindingEvidence).where(m.FindingEvidence.finding_id == fid)).all()
    assert sorted((r.evidence_kind, r.evidence_id) for r in rows) == sorted(
        [(EvidenceKind.SIGNAL, soft), (EvidenceKind.NOTE, reportable)]
    )


def test_a_draft_of_another_type_is_refused(demo_store: Store, ctx) -> None:
    iid = inspection_id(demo_store, DEMENTIA)
    old_style = {"theme_code": "T05", "what_we_see": "x"}  # what callers sent before typed drafts
    assert refused(demo_store, ctx, findings.save_finding, iid, old_style) == {("fields", "invalid_format")}


def test_judgement_mode_cannot_drop_traffic_lights_silently(demo_store: Store, ctx) -> None:
    iid = inspection_id(demo_store, DEMENTIA)
    assert ("judgement_mode", "traffic_lights_set") in refused(
        demo_store, ctx, findings.set_judgement_mode, iid, "formatief"
    )
    palliative = inspection_id(demo_store, "palliatieve zorg")
    with demo_store.transaction() as s:
        findings.set_judgement_mode(s, ctx, palliative, "summatief")
    with demo_store.session() as s:
        assert findings.findings_overview(s, palliative).judgement_mode == "summatief"


def test_interventions_on_the_ladder_with_plan_assessment(demo_store: Store, ctx) -> None:
    iid = inspection_id(demo_store, DEMENTIA)
    with demo_store.session() as s:
        view = follow_up.follow_up_view(s, iid)
        f_t03 = next(f.id for f in findings.findings_overview(s, iid).findings if f.theme_code == "T03")
    plan = next(i for i in view.interventions if i.action_type == "PLAN_VAN_AANPAK_EISEN")
    assert plan.ladder == "terugkerend" and plan.finding_id == f_t03 and plan.assessment == "in_beoordeling"
    assert [r.moment for r in view.reflections] == ["vooraf", "halverwege", "achteraf"]
    fields = InterventionDraft(
        action_type="PLAN_VAN_AANPAK_EISEN", finding_id=f_t03, assessment=PlanAssessment.REJECTED
    )
    assert ("outcome", "required") in refused(
        demo_store, ctx, follow_up.save_intervention, iid, fields, plan.id
    )
    assert ("done_on", "required") in refused(
        demo_store,
        ctx,
        follow_up.save_intervention,
        iid,
        replace(fields, status=InterventionStatus.DONE, outcome="x"),
    )
    other = inspection_id(demo_store, "palliatieve zorg")
    assert ("finding_id", "invalid_reference") in refused(
        demo_store, ctx, follow_up.save_intervention, other, fields
    )
    reason = "De huisartsen zijn niet betrokken bij het opstellen van het plan."
    with demo_store.transaction() as s:
        follow_up.save_intervention(s, ctx, iid, replace(fields, outcome=reason), plan.id)
        rid = follow_up.save_reflection(
            s, ctx, iid, ReflectionDraft(ReflectionMoment.MIDWAY, "Plan afgewezen.")
        ).value
    with demo_store.session() as s:
        view = follow_up.follow_up_view(s, iid)
    plan = next(i for i in view.interventions if i.id == plan.id)
    assert (plan.assessment, plan.outcome) == ("afgewezen", reason)
    assert [r.id for r in view.reflections if r.moment == "halverwege"][-1] == rid
    assert ("text", "required") in refused(
        demo_store, ctx, follow_up.save_reflection, iid, ReflectionDraft(ReflectionMoment.BEFORE)
    )


def test_report_draft_defaults_and_validation(demo_store: Store, ctx) -> None:
    iid = inspection_id(demo_store, "palliatieve zorg")
    with demo_store.transaction() as s:
        draft = report_drafts.ensure_draft(s, ctx, iid, "gebiedsrapportage").value
    assert draft.role_statement.startswith("De inspectie trad in dit traject op")
    assert draft.addressees.strip()  # the subjects by default
    assert draft.sections == draft.offered_sections and draft.placeholders
    with demo_store.transaction() as s:  # idempotent
        assert report_drafts.ensure_draft(s, ctx, iid, "gebiedsrapportage").value.id == draft.id
    problems = refused(
        demo_store,
        ctx,
        report_drafts.save_draft,
        iid,
        "briefrapport",
        ReportDraftChanges(sections=(ReportSection.CHARTS,), language="fr"),
    )
    assert ("sections", "invalid_choice") in problems and ("language", "invalid_choice") in problems
    with demo_store.transaction() as s:
        saved = report_drafts.save_draft(
            s,
            ctx,
            iid,
            "gebiedsrapportage",
            ReportDraftChanges(summary="Kort.", sections=(ReportSection.SOURCES, ReportSection.SUMMARY)),
        ).value
    assert saved.summary == "Kort." and saved.sections == ("samenvatting", "bronnen")  # document order


def test_evidence_kinds_offered_for_an_observed_meeting(shared_demo: Store) -> None:
    with shared_demo.session() as s:
        items = findings.evidence_options(s, inspection_id(shared_demo, DEMENTIA))
    kinds = {i.kind for i in items}
    assert {k.value for k in (EvidenceKind.NOTE, EvidenceKind.SIGNAL, EvidenceKind.SESSION_EVENT)} <= kinds
    assert EvidenceKind.OBSERVATION.value in kinds
