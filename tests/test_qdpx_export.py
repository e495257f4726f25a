"""Interview notes exported as a REFI-QDA 1.0 project (.qdpx) open in QDA tools."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from sqlalchemy import select

from inspectorapp.domain.enums import Confidentiality
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.errors import NotFoundError
from inspectorapp.services import demo, qdpx_export
from storage import models as m
from storage.engine import Store

SCHEMA_DIR = Path("/work/shared/data/refi-qda")
NS = {"q": qdpx_export.QDA_NS}
CONFIDENTIAL = (Confidentiality.RESTRICTED, Confidentiality.REPORTER_CONFIDENTIAL)


def _schema() -> Any:
    xmlschema = pytest.importorskip(
        "xmlschema", reason="xmlschema is not installed: cannot validate project.qde against Project.xsd"
    )
    xsd = SCHEMA_DIR / "Project.xsd"
    if not xsd.exists():
        pytest.skip(f"REFI-QDA schema not found at {xsd}")
    return xmlschema.XMLSchema(str(xsd))


def _export(store: Store, ctx: ActionContext, inspection_id: str) -> tuple[bytes, qdpx_export.QdpxSummary]:
    with store.transaction() as s:
        return qdpx_export.export_qdpx(s, ctx, inspection_id)


@pytest.fixture
def demo_store(store: Store, ctx: ActionContext) -> Store:
    with store.transaction() as s:
        demo.load_demo(s, ctx)
    return store


def _attr(el: ET.Element, name: str) -> str:
    value = el.get(name)
    assert value is not None, f"{el.tag} without {name}"
    return value


def _inspections_with_confidential_notes(store: Store) -> list[str]:
    """Demo inspections, those holding a BEPERKT/MELDER_VERTROUWELIJK paragraph first."""
    with store.session() as s:
        rows = s.execute(
            select(m.Inspection.id, m.NoteParagraph.confidentiality)
            .join(m.Visit, m.Visit.inspection_id == m.Inspection.id)
            .join(m.Conversation, m.Conversation.visit_id == m.Visit.id)
            .join(m.NoteParagraph, m.NoteParagraph.conversation_id == m.Conversation.id)
        ).all()
    ids = sorted({r[0] for r in rows})
    return sorted(ids, key=lambda i: not any(r[0] == i and r[1] in CONFIDENTIAL for r in rows))


def test_export_is_a_valid_refi_qda_project(demo_store: Store, ctx: ActionContext) -> None:
    schema = _schema()
    ids = _inspections_with_confidential_notes(demo_store)
    assert len(ids) >= 2
    for inspection_id in ids:  # every demo inspection, confidential notes first
        data, summary = _export(demo_store, ctx, inspection_id)
        _check_package(demo_store, schema, inspection_id, data, summary)


def _check_package(
    store: Store, schema: Any, inspection_id: str, data: bytes, summary: qdpx_export.QdpxSummary
) -> None:
    zf = zipfile.ZipFile(io.BytesIO(data))
    names = zf.namelist()
    assert names == sorted(names)
    assert "project.qde" in names
    assert all(info.date_time == qdpx_export.ZIP_TIME for info in zf.infolist())
    qde = zf.read("project.qde")
    schema.validate(io.BytesIO(qde))  # raises on any violation
    root = ET.fromstring(qde)
    assert root.tag == f"{{{qdpx_export.QDA_NS}}}Project"

    with store.session() as s:
        insp = s.get(m.Inspection, inspection_id)
        assert insp is not None
        visits = list(s.scalars(select(m.Visit.id).where(m.Visit.inspection_id == inspection_id)))
        convs = {
            c.id: c for c in s.scalars(select(m.Conversation).where(m.Conversation.visit_id.in_(visits)))
        }
        paras = {
            p.id: p
            for p in s.scalars(
                select(m.NoteParagraph).where(
                    m.NoteParagraph.conversation_id.in_(list(convs)), m.NoteParagraph.deleted_at.is_(None)
                )
            )
        }
        members = list(
            s.scalars(select(m.InspectionMember.id).where(m.InspectionMember.inspection_id == inspection_id))
        )
        signals = {
            sig.id: sig
            for sig in s.scalars(select(m.Signal).where(m.Signal.note_paragraph_id.in_(list(paras))))
        }
        fv = s.get(m.FrameworkVersion, insp.framework_version_id)
        fv_id = f"{fv.key}:{fv.version}"  # the code GUID scope
        s.expunge_all()

    # Users: the whole team (and the actor).
    user_guids = {u.get("guid") for u in root.iterfind("q:Users/q:User", NS)}
    assert set(members) <= user_guids
    assert root.get("creatingUserGUID") in user_guids

    # Codebook: unique GUIDs, stable derivation, every Coding points at a codable code.
    codes = list(root.iterfind(".//q:CodeBook//q:Code", NS))
    guids = [c.get("guid") for c in codes]
    assert len(guids) == len(set(guids))
    codable = {c.get("guid") for c in codes if c.get("isCodable") == "true"}
    assert len(codable) == summary.codes
    for theme in insp.theme_codes:
        assert qdpx_export.code_guid(fv_id, theme) in codable
    kinds = root.find(".//q:CodeBook/q:Codes/q:Code[@name='Soort notitie']", NS)
    assert kinds is not None and kinds.get("isCodable") == "false"
    assert len(kinds.findall("q:Code", NS)) == 5
    code_refs = [r.get("targetGUID") for r in root.iterfind(".//q:Coding/q:CodeRef", NS)]
    assert code_refs and set(code_refs) <= codable

    # Sources and selections: offsets point exactly at each paragraph's text.
    sources = root.findall("q:Sources/q:TextSource", NS)
    assert len(sources) == summary.sources == len(convs)
    seen: set[str] = set()
    for src in sources:
        guid = src.get("guid")
        assert guid in convs and src.get("name") == convs[guid].title
        assert src.get("plainTextPath") == f"internal://{guid}.txt"
        assert src.find("q:PlainTextContent", NS) is None  # path or content, not both
        text = zf.read(f"Sources/{guid}.txt").decode("utf-8")
        live = sorted((p for p in paras.values() if p.conversation_id == guid), key=lambda p: p.position)
        exported = [p for p in live if p.confidentiality not in CONFIDENTIAL]
        assert len(text.split("\n")) == max(len(exported), 1)
        selections = src.findall("q:PlainTextSelection", NS)
        assert [sel.get("guid") for sel in selections] == [p.id for p in exported]
        for sel in selections:
            p = paras[_attr(sel, "guid")]
            start, end = int(_attr(sel, "startPosition")), int(_attr(sel, "endPosition"))
            assert text[start:end] == p.text
            assert text[:start].endswith(f"[{p.kind.value}] ")
            refs = {r.get("targetGUID") for r in sel.iterfind("q:Coding/q:CodeRef", NS)}
            wanted = {qdpx_export.code_guid(fv_id, c) for c in p.theme_codes}
            wanted.add(qdpx_export.code_guid(fv_id, qdpx_export.kind_code(p.kind)))
            assert refs == wanted
            desc = sel.find("q:Description", NS)
            if p.kind.value == "citaat":
                assert desc is not None and desc.text and desc.text.startswith("Citaat")
            note_refs = {r.get("targetGUID") for r in sel.iterfind("q:NoteRef", NS)}
            assert note_refs == {
                sig_id
                for sig_id, sig in signals.items()
                if sig.note_paragraph_id == p.id
                and sig.deleted_at is None
                and sig.confidentiality not in CONFIDENTIAL
            }
            seen.add(p.id)
    assert len(seen) == summary.selections

    # Notes: one per linked signal, every NoteRef resolves.
    notes = {n.get("guid"): n for n in root.iterfind("q:Notes/q:Note", NS)}
    assert len(notes) == summary.notes
    for ref in root.iterfind(".//q:NoteRef", NS):
        assert ref.get("targetGUID") in notes
    for guid, note in notes.items():
        assert guid is not None
        assert note.findtext("q:PlainTextContent", namespaces=NS) == signals[guid].observation

    # Confidential notes never leave, and are reported.
    confidential = [p for p in paras.values() if p.confidentiality in CONFIDENTIAL]
    assert summary.excluded_paragraphs == len(confidential)
    assert set(summary.excluded_paragraph_ids) == {p.id for p in confidential}
    everything = b"".join(zf.read(n) for n in names).decode("utf-8")
    for p in confidential:
        assert p.id not in everything
        assert p.text not in everything
    for sig_id in summary.excluded_signal_ids:
        assert sig_id not in everything
        assert signals[sig_id].observation not in everything


def test_the_demo_holds_confidential_notes_to_leave_out(demo_store: Store, ctx: ActionContext) -> None:
    inspection_id = _inspections_with_confidential_notes(demo_store)[0]
    _data, summary = _export(demo_store, ctx, inspection_id)
    assert summary.excluded_paragraphs >= 1
    assert summary.sources >= 1 and summary.selections >= 1 and summary.codes >= 6


def test_two_exports_are_byte_identical_and_audited(demo_store: Store, ctx: ActionContext) -> None:
    inspection_id = _inspections_with_confidential_notes(demo_store)[0]
    first, summary = _export(demo_store, ctx, inspection_id)
    second, again = _export(demo_store, ctx, inspection_id)
    assert first == second
    assert summary == again
    with demo_store.session() as s:
        rows = list(
            s.scalars(
                select(m.AuditLog).where(
                    m.AuditLog.action == "inspection.export", m.AuditLog.entity_id == inspection_id
                )
            )
        )
    assert len(rows) == 2
    assert all(r.details["format"] == "qdpx" and r.entity == "inspection" for r in rows)


def test_times_are_local_amsterdam_time(demo_store: Store, ctx: ActionContext) -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    with demo_store.session() as s:
        p = s.scalars(select(m.NoteParagraph)).first()
        assert p is not None
        p.occurred_at = datetime(2026, 7, 1, 8, 5, tzinfo=UTC)  # summer: UTC+2
        prefix, _ = qdpx_export.source_line(p, ZoneInfo("Europe/Amsterdam"))
        assert prefix == f"10:05 [{p.kind.value}] "
        p.occurred_at = datetime(2026, 1, 5, 8, 5, tzinfo=UTC)  # winter: UTC+1
        prefix, _ = qdpx_export.source_line(p, ZoneInfo("Europe/Amsterdam"))
        assert prefix == f"09:05 [{p.kind.value}] "
        s.rollback()


def test_unknown_inspection_is_refused(store: Store, ctx: ActionContext) -> None:
    with pytest.raises(NotFoundError), store.transaction() as s:
        qdpx_export.export_qdpx(s, ctx, "00000000-0000-4000-8000-000000000000")


def test_offsets_count_code_points_and_skip_deleted_and_confidential(
    demo_store: Store, ctx: ActionContext
) -> None:
    schema = _schema()
    inspection_id = _inspections_with_confidential_notes(demo_store)[-1]
    with demo_store.transaction() as s:
        visits = select(m.Visit.id).where(m.Visit.inspection_id == inspection_id)
        conv = s.scalars(select(m.Conversation).where(m.Conversation.visit_id.in_(visits))).first()
        assert conv is not None
        paras = list(
            s.scalars(
                select(m.NoteParagraph)
                .where(m.NoteParagraph.conversation_id == conv.id)
                .order_by(m.NoteParagraph.position)
            )
        )
        assert len(paras) >= 3
        paras[0].text = "Emoji 😀 en combinatie e\u0301 — “aanhalingstekens” <&> tab\tin tekst"
        paras[1].deleted_at = paras[1].updated_at
        deleted_text = paras[1].text
        paras[2].confidentiality = Confidentiality.REPORTER_CONFIDENTIAL
        paras[2].text = "Melder vertelt in vertrouwen over de nachtdienst."
        first_id, melder_id = paras[0].id, paras[2].id
    data, summary = _export(demo_store, ctx, inspection_id)
    _check_package(demo_store, schema, inspection_id, data, summary)
    assert melder_id in summary.excluded_paragraph_ids
    zf = zipfile.ZipFile(io.BytesIO(data))
    text = zf.read(f"Sources/{conv.id}.txt").decode("utf-8")
    assert "😀" in text and deleted_text not in text
    root = ET.fromstring(zf.read("project.qde"))
    sel = root.find(f".//q:PlainTextSelection[@guid='{first_id}']", NS)
    assert sel is not None
    start, end = int(_attr(sel, "startPosition")), int(_attr(sel, "endPosition"))
    assert end - start == len("Emoji 😀 en combinatie e\u0301 — “aanhalingstekens” <&> tab\tin tekst")
