"""CSV export: one file per table, every row (restricted ones only when asked for, and the zip
says so), documented columns, no cell a spreadsheet reads as a formula, the same bytes twice."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from sqlalchemy import select

from inspectorapp.services import csv_export, demo, json_export
from storage import models as m
from storage.engine import Store

from .conftest import ROOT


def test_csv_zip_has_every_row_of_every_table_and_is_deterministic(store: Store, ctx) -> None:
    with store.transaction() as s:
        demo.load_demo(s, ctx)
    with store.session() as s:
        inspection_id = s.scalar(select(m.Inspection.id).where(m.Inspection.title.like("%Lindeveen%")))
    with store.transaction() as s:
        first = csv_export.export_csv(s, ctx, inspection_id, include_confidential=True)
        second = csv_export.export_csv(s, ctx, inspection_id, include_confidential=True)
        _, tables = json_export.collect_rows(s, inspection_id)
    assert first == second
    archive = zipfile.ZipFile(io.BytesIO(first))
    for name, rows in tables.items():
        text = archive.read(f"{name}.csv").decode("utf-8-sig")
        parsed = list(csv.DictReader(io.StringIO(text)))
        assert len(parsed) == len(rows), name
        header = next(csv.reader(io.StringIO(text)))
        assert header == [c.name for c in m.Base.metadata.tables[name].columns], name
    notes = list(csv.DictReader(io.StringIO(archive.read("note_paragraph.csv").decode("utf-8-sig"))))
    assert any("ë" in n["text"] or "ö" in n["text"] for n in notes)  # Dutch characters survive
    assert len(notes) > 10


def test_column_documentation_is_current() -> None:
    current = (ROOT / "docs" / "export-columns.md").read_text("utf-8")
    assert current == csv_export.columns_markdown(), "regenerate docs/export-columns.md"


def _table(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(archive.read(f"{name}.csv").decode("utf-8-sig"))))


def test_restricted_rows_stay_out_unless_included_and_the_zip_says_so(store: Store, ctx) -> None:
    with store.transaction() as s:
        demo.load_demo(s, ctx)
    with store.session() as s:
        ids = list(s.scalars(select(m.Inspection.id)))
    secret_levels = {"BEPERKT", "MELDER_VERTROUWELIJK"}
    seen_secret = 0
    for inspection_id in ids:
        with store.transaction() as s:
            full = zipfile.ZipFile(io.BytesIO(csv_export.export_csv(s, ctx, inspection_id, True)))
            safe = zipfile.ZipFile(io.BytesIO(csv_export.export_csv(s, ctx, inspection_id)))
        assert "LET OP" in full.read("README.txt").decode("utf-8")
        assert "weggelaten" in safe.read("README.txt").decode("utf-8")
        assert json.loads(safe.read("about.json"))["confidential"]["included"] is False
        assert json.loads(full.read("about.json"))["confidential"]["included"] is True
        for name in ("note_paragraph", "signal", "attachment", "person"):
            secret = [r for r in _table(full, name) if r["confidentiality"] in secret_levels]
            seen_secret += len(secret)
            assert not [r for r in _table(safe, name) if r["confidentiality"] in secret_levels], name
            kept_ids = {r["id"] for r in _table(safe, name)}
            assert not kept_ids & {r["id"] for r in secret}
        texts = {r["text"] for r in _table(full, "note_paragraph") if r["confidentiality"] in secret_levels}
        blob = b"".join(safe.read(n) for n in safe.namelist()).decode("utf-8-sig", "replace")
        assert not [t for t in texts if len(t) > 20 and t in blob]
    assert seen_secret > 0


def test_cells_that_start_a_formula_are_neutralised(store: Store, ctx) -> None:
    with store.transaction() as s:
        demo.load_demo(s, ctx)
    with store.transaction() as s:
        inspection_id = s.scalar(select(m.Inspection.id).where(m.Inspection.title.like("%Lindeveen%")))
        notes = list(
            s.scalars(
                select(m.NoteParagraph)
                .join(m.Conversation, m.Conversation.id == m.NoteParagraph.conversation_id)
                .join(m.Visit, m.Visit.id == m.Conversation.visit_id)
                .where(m.Visit.inspection_id == inspection_id, m.NoteParagraph.confidentiality == "TEAM")
            )
        )
        payloads = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "gewoon"]
        # spreadsheets skip these before the formula sign, or read the fullwidth signs as one
        payloads += [" =1+1", "\n=1+1", "\u200b=1", "\ufeff+1", "\u00a0-1", "＝1+1", "＋1", "－1", "＠SUM(A1)"]
        payloads += ["a=b", " gewoon"]
        assert len(notes) >= len(payloads)
        for note, text in zip(notes, payloads, strict=False):
            note.text = text
        ids = {n.id: t for n, t in zip(notes, payloads, strict=False)}
        notes[0].position = -3  # a number, not text: stays a number
    with store.transaction() as s:
        archive = zipfile.ZipFile(io.BytesIO(csv_export.export_csv(s, ctx, inspection_id)))
    got = {r["id"]: r["text"] for r in _table(archive, "note_paragraph") if r["id"] in ids}
    assert len(got) == len(payloads)
    for note_id, text in ids.items():
        assert got[note_id] == (text if "gewoon" in text or text == "a=b" else "'" + text), repr(text)
    positions = {r["id"]: r["position"] for r in _table(archive, "note_paragraph")}
    assert positions[notes[0].id] == "-3"
