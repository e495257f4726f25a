"""An inspection exported to JSON and imported into another store comes back exactly (when
restricted items are included); by default restricted and reporter-confidential items stay
home, the file says so, and it still imports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspectorapp.domain.enums import Confidentiality
from inspectorapp.services import demo, json_export
from inspectorapp.store_access import create_store
from storage import models as m
from storage.engine import Store

from .conftest import PASSPHRASE


def _export(store: Store, ctx, inspection_id: str, include_confidential: bool = True) -> dict:
    with store.transaction() as s:
        doc = json_export.export_inspection(s, ctx, inspection_id, include_confidential)
    doc.pop("exported_at")
    return json.loads(json_export.dumps(doc))


def test_round_trip_is_lossless_for_every_demo_inspection(store: Store, ctx, tmp_path: Path) -> None:
    with store.transaction() as s:
        demo.load_demo(s, ctx)
    with store.session() as s:
        ids = list(s.scalars(select(m.Inspection.id)))
    target = create_store(tmp_path / "other" / "veldwerk.db", PASSPHRASE)
    try:
        for inspection_id in ids:
            original = _export(store, ctx, inspection_id)
            assert sum(len(rows) for rows in original["tables"].values()) > 10
            with target.transaction() as s:
                assert json_export.import_inspection(s, ctx, original).value == inspection_id
            assert _export(target, ctx, inspection_id) == original
        with target.session() as s:
            assert s.scalar(select(func.count()).select_from(m.Inspection)) == len(ids)
            outbox = s.scalar(select(func.count()).select_from(m.Outbox))
            assert outbox > 100  # imported rows go to the office like typed ones
    finally:
        target.close()


def test_bad_or_conflicting_imports_are_refused_whole(store: Store, ctx) -> None:
    with store.transaction() as s:
        demo.load_demo(s, ctx)
    with store.session() as s:
        inspection_id = s.scalar(select(m.Inspection.id).limit(1))
        before = s.scalar(select(func.count()).select_from(m.NoteParagraph))
    doc = _export(store, ctx, inspection_id)
    with pytest.raises(json_export.ImportRefusedError, match="already exists"), store.transaction() as s:
        json_export.import_inspection(s, ctx, doc)
    for broken in (
        {"format": "iets"},
        {**doc, "format_version": 9},
        {**doc, "tables": {"geheim": []}},
        {**doc, "framework": {"key": "x", "version": "1"}},
    ):
        with pytest.raises(json_export.ImportRefusedError), store.transaction() as s:
            json_export.import_inspection(s, ctx, broken)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(m.NoteParagraph)) == before


CONFIDENTIAL = {Confidentiality.RESTRICTED.value, Confidentiality.REPORTER_CONFIDENTIAL.value}


def test_restricted_items_stay_out_unless_included_and_the_file_says_so(
    store: Store, ctx, tmp_path: Path
) -> None:
    with store.transaction() as s:
        demo.load_demo(s, ctx)
    with store.session() as s:
        ids = list(s.scalars(select(m.Inspection.id)))
    target = create_store(tmp_path / "other" / "veldwerk.db", PASSPHRASE)
    left_out_total = 0
    try:
        for inspection_id in ids:
            full = _export(store, ctx, inspection_id, include_confidential=True)
            assert full["confidential"] == {"included": True, "left_out": {}}
            doc = _export(store, ctx, inspection_id, include_confidential=False)
            assert doc["confidential"]["included"] is False
            for name, rows in doc["tables"].items():
                assert not [r for r in rows if r.get("confidentiality") in CONFIDENTIAL], name
                kept = {r["id"] for r in rows}
                gone = [r for r in full["tables"][name] if r["id"] not in kept]
                assert len(gone) == doc["confidential"]["left_out"].get(name, 0), name
                left_out_total += len(gone)
            secret = [
                r["text"]
                for r in full["tables"]["note_paragraph"]
                if r["confidentiality"] in CONFIDENTIAL and len(r["text"]) > 20
            ]
            text = json_export.dumps(doc)
            assert not [t for t in secret if t in text]
            with target.transaction() as s:  # no dangling reference: it imports
                assert json_export.import_inspection(s, ctx, doc).value == inspection_id
    finally:
        target.close()
    assert left_out_total > 0  # the demo has restricted items, so the test can fail


def test_participant_of_a_reporter_confidential_person_names_nobody_in_default_exports(
    store: Store, ctx, tmp_path: Path
) -> None:
    import io
    import zipfile

    from inspectorapp.services import csv_export

    with store.transaction() as s:
        demo.load_demo(s, ctx)
        participant = s.scalars(select(m.Participant).order_by(m.Participant.id)).first()
        assert participant is not None
        inspection_id = s.scalar(
            select(m.Visit.inspection_id)
            .join(m.Conversation, m.Conversation.visit_id == m.Visit.id)
            .where(m.Conversation.id == participant.conversation_id)
        )
        person = m.Person(
            role_code=participant.role_code,
            name="Geheimnaam-7Q",
            confidentiality=Confidentiality.REPORTER_CONFIDENTIAL.value,
        )
        s.add(person)
        s.flush()
        participant.person_id = person.id
        participant.label = "Mevrouw Geheimnaam-7Q"  # a tile caption may be the person's name
        participant.mandate_note = "Dochter van Geheimnaam-7Q"
        participant_id = participant.id
    full = _export(store, ctx, inspection_id, include_confidential=True)
    assert "Geheimnaam-7Q" in json_export.dumps(full)
    doc = _export(store, ctx, inspection_id, include_confidential=False)
    assert "Geheimnaam-7Q" not in json_export.dumps(doc)
    row = next(r for r in doc["tables"]["participant"] if r["id"] == participant_id)
    assert (row["person_id"], row["label"], row["mandate_note"]) == (None, None, None)
    with store.transaction() as s:
        archive = zipfile.ZipFile(io.BytesIO(csv_export.export_csv(s, ctx, inspection_id)))
    assert not [n for n in archive.namelist() if b"Geheimnaam-7Q" in archive.read(n)]
    target = create_store(tmp_path / "other" / "veldwerk.db", PASSPHRASE)
    try:
        with target.transaction() as s:  # still imports
            assert json_export.import_inspection(s, ctx, doc).value == inspection_id
    finally:
        target.close()
