"""Every report type from the demo data, read back from the PDF: what must be there is, what
must stay internal is not (soft signals not converted, confidential or unmarked notes,
names), and two generations give the same bytes."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from inspectorapp.domain.enums import (
    AddressedTo,
    Confidentiality,
    EvidenceKind,
    NoteKind,
    SignalKind,
    TrafficLight,
)
from inspectorapp.domain.outcome_drafts import FindingDraft, ReportDraftChanges
from inspectorapp.domain.placeholders import Anonymiser, OrganisationName
from inspectorapp.domain.report import ReportContent, ReportSection
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.services import demo, findings, frameworks, report_drafts, reports
from inspectorapp.store_access import create_store
from storage import models as m
from storage.engine import Store

from .conftest import PASSPHRASE, ROOT

CTX = ActionContext("inspecteur-test", "test-device")
TYPES = ("gebiedsrapportage", "briefrapport")


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def norm(text: str) -> str:
    return " ".join(text.split())


def generate(store: Store, inspection_id: str, kind: str) -> tuple[ReportContent, bytes]:
    with store.transaction() as s:
        report_drafts.ensure_draft(s, CTX, inspection_id, kind)
        content = reports.prepare(s, CTX, inspection_id, kind)
    return content, reports.render(content)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = create_store(tmp_path_factory.mktemp("reports") / "veldwerk.db", PASSPHRASE)
    with store.transaction() as s:
        demo.load_demo(s, CTX)
    yield store
    store.close()


def _inspections(store: Store) -> list[str]:
    with store.session() as s:
        return list(s.scalars(select(m.Inspection.id).order_by(m.Inspection.title)))


def _never_printable(store: Store) -> list[str]:
    """Texts that must not reach any report: soft signals nobody converted, confidential
    notes, and notes, session events and scores not released for the report (as evidence)."""
    with store.session() as s:
        converted = set(
            s.scalars(select(m.Finding.converted_signal_id).where(m.Finding.converted_signal_id.is_not(None)))
        )
        soft = [
            sig.observation
            for sig in s.scalars(select(m.Signal).where(m.Signal.kind == SignalKind.SOFT))
            if sig.id not in converted
        ]
        notes = [
            n.text
            for n in s.scalars(select(m.NoteParagraph))
            if not n.for_report
            or n.confidentiality in (Confidentiality.RESTRICTED, Confidentiality.REPORTER_CONFIDENTIAL)
        ]
        observed = [
            row.text or ""
            for row in s.scalars(select(m.SessionEvent))
            if not row.for_report or row.confidentiality is not Confidentiality.TEAM
        ] + [row.comment or "" for row in s.scalars(select(m.ObservationScore)) if not row.for_report]
    return [norm(t)[:60] for t in soft + notes + observed if len(norm(t)) >= 30]


@pytest.mark.parametrize("kind", TYPES)
def test_every_demo_report_has_its_findings_and_evidence_and_nothing_internal(
    demo_store: Store, kind: str, tmp_path: Path
) -> None:
    forbidden = _never_printable(demo_store)
    assert len(forbidden) > 20  # the demo has plenty that must stay out
    findings_seen = 0
    for inspection_id in _inspections(demo_store):
        content, pdf = generate(demo_store, inspection_id, kind)
        text = pdf_text(pdf, tmp_path)
        assert content.content_hash() in text
        assert re.search(r"Pagina \d+ van \d+", text)
        for f in content.findings:
            findings_seen += 1
            assert norm(f"{f.theme_code} {f.theme_label}") in text
            assert norm(f.what_we_see)[:80] in text
            for ref in f.evidence:
                assert re.search(rf"\b{ref}\b", text), ref
        for source in content.sources:
            assert norm(source.text)[:50] in text, source.ref
            if source.attribution:
                assert source.attribution in text
        for snippet in forbidden:
            # findings are the inspector's own words; only evidence is filtered
            if not any(
                snippet in norm(f.what_we_see + f.what_we_think + f.what_next) for f in content.findings
            ):
                assert snippet not in text, snippet
    assert findings_seen >= 5


def test_soft_signal_appears_only_after_conversion(demo_store: Store, tmp_path: Path) -> None:
    with demo_store.session() as s:
        dementia = s.scalars(select(m.Inspection.id).where(m.Inspection.title.contains("dementiezorg"))).one()
        converted = s.scalars(
            select(m.Finding.converted_signal_id).where(m.Finding.converted_signal_id.is_not(None))
        ).one()
        observation = s.get(m.Signal, converted).observation
    content, pdf = generate(demo_store, dementia, "gebiedsrapportage")
    text = pdf_text(pdf, tmp_path)
    assert norm(observation)[:50] in text
    assert "onderbouwd als bevinding" in text
    kinds = {s.kind for s in content.sources}
    assert {"Citaat", "Waarneming", "Feitelijk signaal", "Signaal, onderbouwd als bevinding"} <= kinds
    assert all(f.internal_evidence >= 0 for f in content.findings)
    assert sum(f.internal_evidence for f in content.findings) >= 3  # counted, not shown


def test_released_demo_session_events_print_as_evidence(demo_store: Store, tmp_path: Path) -> None:
    """The demo's network meetings are released as a real inspector would (decision 0009):
    the events its findings rest on print, the relative's own account does not."""
    with demo_store.session() as s:
        dementia = s.scalars(select(m.Inspection.id).where(m.Inspection.title.contains("dementiezorg"))).one()
        held = s.scalars(select(m.SessionEvent).where(m.SessionEvent.for_report.is_(False))).all()
        assert {e.confidentiality for e in held} == {Confidentiality.TEAM, Confidentiality.RESTRICTED}
        assert s.scalar(select(m.ObservationScore.id).where(m.ObservationScore.for_report.is_(True)))
    for kind in TYPES:
        content, pdf = generate(demo_store, dementia, kind)
        text = pdf_text(pdf, tmp_path)
        events = [src for src in content.sources if src.kind.startswith("Gebeurtenis in de bijeenkomst")]
        assert len(events) >= 5, kind
        assert all(norm(src.text)[:50] in text for src in events)
        assert "Bijdrage cliëntvertegenwoordiger niet opgepakt; voorzitter gaat door." in text


def test_annex_1_leaves_out_participants_linked_to_a_reporter_confidential_person(tmp_path: Path) -> None:
    """Annex 1 (participants by role and organisation): a participant linked to a
    reporter-confidential person is not counted, not even as a role (decision 0009)."""
    store = create_store(tmp_path / "s" / "veldwerk.db", PASSPHRASE)
    try:
        with store.transaction() as s:
            demo.load_demo(s, CTX)
        with store.session() as s:
            iid = s.scalars(select(m.Inspection.id).where(m.Inspection.title.contains("dementiezorg"))).one()
        before = {kind: generate(store, iid, kind)[0].participants for kind in TYPES}
        with store.transaction() as s:
            convs = s.scalars(
                select(m.Conversation)
                .join(m.Visit, m.Visit.id == m.Conversation.visit_id)
                .where(m.Visit.inspection_id == iid)
                .order_by(m.Conversation.starts_at)
            ).all()
            ha = s.scalars(select(m.Participant).where(m.Participant.role_code == "HUISARTS")).first()
            org = s.scalars(select(m.Organisation.id).where(m.Organisation.name == "Ziekenhuis A")).one()
            people = {
                level: m.Person(role_code="MANTELZORGER", name=f"Persoon {level.value}", confidentiality=level)
                for level in (Confidentiality.REPORTER_CONFIDENTIAL, Confidentiality.TEAM)
            }
            s.add_all(people.values())
            s.flush()
            reporter = people[Confidentiality.REPORTER_CONFIDENTIAL].id
            s.add_all(
                [  # a role and organisation nobody else has, and a role already counted
                    m.Participant(
                        conversation_id=convs[0].id,
                        role_code="MANTELZORGER",
                        organisation_id=org,
                        person_id=reporter,
                    ),
                    m.Participant(
                        conversation_id=convs[-1].id,
                        role_code="HUISARTS",
                        organisation_id=ha.organisation_id if ha else None,
                        person_id=reporter,
                    ),
                    m.Participant(
                        conversation_id=convs[0].id,
                        role_code="KWALITEITSFUNCTIONARIS",
                        organisation_id=org,
                        person_id=people[Confidentiality.TEAM].id,
                    ),
                ]
            )
            roles = {lab.code: lab.nl for lab in frameworks.labels(s, "person_role")}
        for kind in TYPES:
            content, pdf = generate(store, iid, kind)
            control = next(p for p in content.participants if p.role == roles["KWALITEITSFUNCTIONARIS"])
            assert set(content.participants) == set(before[kind]) | {control}, kind
            text = pdf_text(pdf, tmp_path)
            assert "Deelnemers naar rol" in text and roles["KWALITEITSFUNCTIONARIS"] in text, kind
            assert roles["MANTELZORGER"] not in text and "Persoon" not in text, kind
    finally:
        store.close()


def test_quotes_carry_roles_not_names_and_organisations_become_placeholders(
    tmp_path: Path,
) -> None:
    store = create_store(tmp_path / "s" / "veldwerk.db", PASSPHRASE)
    try:
        with store.transaction() as s:
            demo.load_demo(s, CTX)
        with store.transaction() as s:
            iid = s.scalars(select(m.Inspection.id).where(m.Inspection.title.contains("dementiezorg"))).one()
            conv = s.scalars(
                select(m.Conversation).where(m.Conversation.title.startswith("Focusgroep"))
            ).one()
            org = s.scalars(
                select(m.Organisation.id).where(m.Organisation.name == "Thuiszorg De Wijkkracht")
            ).one()
            person = m.Participant(
                conversation_id=conv.id,
                role_code="WIJKVERPLEEGKUNDIGE",
                organisation_id=org,
                label="Mevrouw J. de Boer",
            )
            s.add(person)
            s.flush()
            quote = m.NoteParagraph(
                conversation_id=conv.id,
                position=99_000,
                occurred_at=conv.starts_at,
                kind=NoteKind.QUOTE,
                speaker_role="WIJKVERPLEEGKUNDIGE",
                speaker_participant_id=person.id,
                text="Bij Zorggroep Lindehof wachten mensen negen weken; bij Thuiszorg De Wijkkracht vier.",
                for_report=True,
            )
            s.add(quote)
            s.flush()
            t03 = next(f for f in findings.findings_overview(s, iid).findings if f.theme_code == "T03")
            keys = [(EvidenceKind(e.kind), e.id) for e in t03.evidence] + [(EvidenceKind.NOTE, quote.id)]
            fields = FindingDraft(
                theme_code="T03",
                what_we_see=t03.what_we_see,
                addressed_to=AddressedTo(t03.addressed_to),
                organisation_id=t03.organisation_id,
                traffic_light=TrafficLight(t03.traffic_light) if t03.traffic_light else None,
                evidence=tuple(keys),
            )
            findings.save_finding(s, CTX, iid, fields, t03.id)
            role = next(
                lab.nl for lab in frameworks.labels(s, "person_role") if lab.code == "WIJKVERPLEEGKUNDIGE"
            )
        content, pdf = generate(store, iid, "gebiedsrapportage")
        text = pdf_text(pdf, tmp_path)
        printed = next(src for src in content.sources if "wachten mensen negen weken" in src.text)
        assert printed.attribution == role and role in text
        assert "Mevrouw" not in text and "de Boer" not in text
        assert "Lindehof" not in printed.text and "Wijkkracht" not in printed.text
        assert re.fullmatch(
            r"Bij \[organisatie [A-Z]\] wachten .* bij \[organisatie [A-Z]\] vier\.", printed.text
        )
        assert content.placeholders and "Bijlage" in text
        with store.transaction() as s:  # placeholders off: names stay (the inspector's choice)
            report_drafts.save_draft(s, CTX, iid, "gebiedsrapportage", ReportDraftChanges(placeholders=False))
        content, _pdf = generate(store, iid, "gebiedsrapportage")
        assert any("Zorggroep Lindehof wachten" in src.text for src in content.sources)
    finally:
        store.close()


def test_same_inputs_same_bytes_and_sections_can_be_switched_off(demo_store: Store, tmp_path: Path) -> None:
    dementia = next(
        i for i in _inspections(demo_store) if "dementie" in generate(demo_store, i, "briefrapport")[0].title
    )
    first = generate(demo_store, dementia, "gebiedsrapportage")
    again = generate(demo_store, dementia, "gebiedsrapportage")
    assert first[1] == again[1] and first[0].content_hash() == again[0].content_hash()
    with demo_store.transaction() as s:
        report_drafts.save_draft(
            s, CTX, dementia, "gebiedsrapportage", ReportDraftChanges(sections=("samenvatting", "bevindingen", "bronnen"))
        )
    content, pdf = generate(demo_store, dementia, "gebiedsrapportage")
    text = pdf_text(pdf, tmp_path)
    assert content.sections == (ReportSection.SUMMARY, ReportSection.FINDINGS, ReportSection.SOURCES)
    assert "Waardering" not in text and "Deelnemers naar rol" not in text
    assert "Wat zien we" in text
    assert content.content_hash() != first[0].content_hash()


def test_saved_report_name_carries_the_hash_prefix(demo_store: Store) -> None:
    content, _pdf = generate(demo_store, _inspections(demo_store)[0], "briefrapport")
    name = reports.file_name(content)
    assert name.endswith(f" {content.content_hash()[:8]}.pdf") and name.startswith(content.report_date)
    assert "  " not in name and "/" not in name


def test_placeholder_letters_follow_first_appearance() -> None:
    a = Anonymiser(
        [
            OrganisationName("Zorggroep Lindehof", "VVT"),
            OrganisationName("Gemeente Lindeveen", "gemeente"),
            OrganisationName("Huisartsencoöperatie Lindeveen", "huisartsen"),
        ]
    )
    assert a.replace("De gemeente lindeveen en Lindehof") == "De [organisatie A] en [organisatie B]"
    assert a.replace("Lindeveen, lindehof, Lindehofje") == "Lindeveen, lindehof, Lindehofje"  # places, words
    assert [r.kind for r in a.legend()] == ["gemeente", "VVT"]


def test_docs_show_report_pages() -> None:
    """Rendered report pages are kept in docs/ (made by tools/report_screens.py)."""
    assert (ROOT / "docs" / "report-findings.png").exists()
