"""CSV export: one file per table, every row, documented columns, the same bytes twice."""

from __future__ import annotations

import csv
import io
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
        first = csv_export.export_csv(s, ctx, inspection_id)
        second = csv_export.export_csv(s, ctx, inspection_id)
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
