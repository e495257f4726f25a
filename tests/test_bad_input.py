"""Bad input is refused with a clear reason, and nothing is half-written."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select

from inspectorapp.domain import limits
from inspectorapp.domain.drafts import InspectionDraft, ParagraphDraft, SignalDraft
from inspectorapp.domain.enums import InspectionType, InspectorateRole, SignalKind, Valence
from inspectorapp.domain.framework_file import parse_framework
from inspectorapp.errors import DemoDataError, FrameworkFileError, ValidationError
from inspectorapp.services import demo, frameworks, inspections, signals
from resources import path as resource_path
from storage import models as m
from storage.engine import Store

from . import helpers


def _counts(store: Store) -> dict[str, int]:
    with store.session() as s:
        return {
            t: s.scalar(select(func.count()).select_from(m.Base.metadata.tables[t])) or 0
            for t in m.Base.metadata.tables
        }


def _framework() -> dict[str, Any]:
    return json.loads(resource_path("frameworks", "igj-starter-2026.1.json").read_text("utf-8"))


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda d: d.update(format="iets-anders"), "format"),
        (lambda d: d.update(format_version=99), "format_version"),
        (lambda d: d.update(published_on="2026-13-45"), "published_on"),
        (lambda d: d["taxonomies"].pop("meso_theme"), "missing meso_theme"),
        (
            lambda d: d["taxonomies"]["meso_theme"]["items"].append(
                dict(d["taxonomies"]["meso_theme"]["items"][0])
            ),
            "duplicate code",
        ),
        (lambda d: d["taxonomies"]["entrance"]["items"][0]["label"].pop("nl"), "items[0].label.nl"),
        (
            lambda d: d["taxonomies"]["entrance"]["items"][0].update(label={"nl": "x" * 500, "en": "x"}),
            "longer than",
        ),
        (
            lambda d: d["taxonomies"]["entrance"]["items"][0].update(parent="GEEN"),
            "not an earlier code",
        ),
        (lambda d: d["taxonomies"]["entrance"]["items"][0].update(kleur="rood"), "unknown key"),
        (lambda d: d["taxonomies"]["signal_status"]["items"].pop(0), "missing required code"),
        (lambda d: d["taxonomies"]["entrance"]["items"][0].update(code="met spatie"), "code"),
    ],
)
def test_malformed_framework_refused_with_place(mutate, reason: str) -> None:
    doc = _framework()
    mutate(doc)
    with pytest.raises(FrameworkFileError) as err:
        parse_framework(json.dumps(doc).encode(), "kader.json")
    assert reason in str(err.value)
    assert err.value.source == "kader.json"


@pytest.mark.parametrize("data", [b"", b"{", b"\xff\xfe\x00", b"[]", b'"x"', b"null"])
def test_garbage_framework_files(data: bytes) -> None:
    with pytest.raises(FrameworkFileError):
        parse_framework(data, "rommel.json")


def test_framework_version_is_immutable(store: Store, ctx) -> None:
    doc = _framework()
    doc["taxonomies"]["entrance"]["items"][0]["label"]["nl"] = "Gewijzigd label"
    before = _counts(store)
    with pytest.raises(FrameworkFileError, match="already loaded"), store.transaction() as s:
        frameworks.load_framework_file(s, ctx, json.dumps(doc).encode(), "kader.json")
    assert _counts(store) == before


def test_new_framework_version_loads_beside_the_old(store: Store, ctx) -> None:
    doc = _framework()
    doc["version"] = "2027.1"
    doc["published_on"] = "2027-01-01"
    with store.transaction() as s:
        summary = frameworks.load_framework_file(s, ctx, json.dumps(doc).encode(), "kader.json").value
        assert summary.version == "2027.1" and summary.item_count > 100
        assert {f.version for f in frameworks.list_frameworks(s)} == {"2026.1", "2026.2", "2027.1"}


def test_unknown_enum_value_and_code_refused(store: Store, ctx) -> None:
    with store.transaction() as s:
        org, _ = helpers.conversation(s, ctx)
    before = _counts(store)
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        signals.capture_signal(
            s,
            ctx,
            SignalDraft(
                organisation_id=org,
                kind="lauw",
                valence=Valence.NEGATIVE,
                observation="Wachtlijst",
                entrance="POSTDUIF",
                categories=("BES", "XYZ"),
            ),
        )
    problems = {(i.field, i.problem) for i in err.value.issues}
    assert problems == {
        ("kind", "invalid_choice"),
        ("entrance", "unknown_code"),
        ("categories", "unknown_code"),
    }
    assert _counts(store) == before


def test_over_long_text_refused(store: Store, ctx) -> None:
    with store.transaction() as s:
        org, _ = helpers.conversation(s, ctx)
    before = _counts(store)
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        signals.capture_signal(
            s,
            ctx,
            SignalDraft(
                organisation_id=org,
                kind=SignalKind.SOFT,
                valence=Valence.NEGATIVE,
                observation="x" * (limits.PARAGRAPH + 1),
            ),
        )
    assert err.value.issues[0].problem == "too_long"
    assert err.value.issues[0].params["max"] == limits.PARAGRAPH
    with pytest.raises(ValidationError), store.transaction() as s:
        inspections.create_inspection(
            s, ctx, InspectionDraft(title="T" * 201, inspection_type=InspectionType.RISK, declared_role=InspectorateRole.COMPLIANCE)
        )
    assert _counts(store) == before


@pytest.mark.parametrize("bad", ["2026-02-30", "morgen", "12-03-2026", "0001-01-01", "2026-03-12T10:00:00"])
def test_invalid_dates_refused(store: Store, ctx, bad: str) -> None:
    with store.transaction() as s:
        org, _ = helpers.conversation(s, ctx)
    before = _counts(store)
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        signals.capture_signal(
            s,
            ctx,
            SignalDraft(
                organisation_id=org,
                kind=SignalKind.HARD,
                valence=Valence.NEGATIVE,
                observation="Bezetting",
                observed_at=bad if "T" in bad else None,
                review_by=None if "T" in bad else bad,
            ),
        )
    assert err.value.issues[0].problem in {"invalid_date", "out_of_range"}
    with pytest.raises(ValidationError), store.transaction() as s:
        inspections.create_inspection(
            s,
            ctx,
            InspectionDraft(
                title="Periode",
                inspection_type=InspectionType.RISK,
                declared_role=InspectorateRole.COMPLIANCE,
                started_on="2026-05-01",
                ended_on="2026-04-01",
            ),
        )
    assert _counts(store) == before


def test_database_constraints_back_up_the_services(store: Store, ctx) -> None:
    """Even bypassing validation, the schema refuses unknown enum values."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError, StatementError

    with store.transaction() as s:
        org, _ = helpers.conversation(s, ctx)
    with pytest.raises((IntegrityError, StatementError)), store.transaction() as s:
        s.execute(
            text(
                "INSERT INTO signal (id, organisation_id, kind, valence, observed_at, recorded_at, observation,"
                " status, report_use, confidentiality, shared_with_institution, created_at, updated_at)"
                " VALUES ('01900000-0000-7000-8000-00000000000a', :org, 'lauw', 'negatief', 'x', 'x', 'obs',"
                " 'NIEUW', 'intern', 'TEAM', 'nee', 'x', 'x')"
            ),
            {"org": org},
        )


def test_corrupt_demo_file_writes_nothing(store: Store, ctx) -> None:
    data = json.loads(demo.demo_bytes())
    data["signals"][-1]["kind"] = "lauw"  # the very last item is wrong
    before = _counts(store)
    with pytest.raises(DemoDataError, match=r"signals\[\d+\]\.kind"), store.transaction() as s:
        demo.load_demo(s, ctx, json.dumps(data).encode())
    assert _counts(store) == before
    with pytest.raises(DemoDataError), store.transaction() as s:
        demo.load_demo(s, ctx, b"{niet json")
    assert _counts(store) == before


def _one_inspection_export(store: Store, ctx) -> tuple[dict, str]:
    from inspectorapp.services import json_export, notes

    with store.transaction() as s:
        _org, conv = helpers.conversation(s, ctx)
        notes.add_paragraph(s, ctx, conv, ParagraphDraft(text="De VIM-map is leeg."))
        inspection_id = s.scalars(select(m.Inspection.id)).one()
        doc = json_export.export_inspection(s, ctx, inspection_id, True)
    return json.loads(json_export.dumps(doc)), inspection_id


@pytest.mark.parametrize(
    ("table", "column", "value", "problem"),
    [
        ("note_paragraph", "for_report", "false", "invalid_type"),  # was stored as true, then printed
        ("visit", "visit_date", 12345, "invalid_type"),  # was accepted; list and report then crashed
        ("visit", "visit_date", "2026-02-30", "invalid_date"),
        ("note_paragraph", "occurred_at", "gisteren", "invalid_date"),  # broke report and export-qdpx
        ("conversation", "starts_at", "2026-03-12 09:00", "invalid_date"),
        ("note_paragraph", "text", {"x": 1}, "invalid_type"),
        ("note_paragraph", "kind", "roddel", "invalid_choice"),
        ("note_paragraph", "theme_codes", "THEMA", "invalid_type"),
        ("note_paragraph", "text", "a\x00b", "invalid_character"),
        ("organisation", "name", "a" * 201, "too_long"),
        ("organisation", "name", None, "required"),
        ("note_paragraph", "position", 2**63, "out_of_range"),
        # codes no loaded framework defines: the office refused them at every push (dead letters)
        ("note_paragraph", "theme_codes", ["THEMA_BESTAAT_NIET"], "unknown_code"),
        ("conversation", "conversation_type", "GESPREK_BESTAAT_NIET", "unknown_code"),
    ],
)
def test_import_json_checks_every_value_and_writes_nothing(
    tmp_path, ctx, table: str, column: str, value: Any, problem: str
) -> None:
    from inspectorapp.services import json_export
    from inspectorapp.store_access import create_store

    from .conftest import PASSPHRASE

    source = create_store(tmp_path / "source" / "veldwerk.db", PASSPHRASE)
    target = create_store(tmp_path / "target" / "veldwerk.db", PASSPHRASE)
    try:
        doc, _inspection_id = _one_inspection_export(source, ctx)
        doc["tables"][table][0][column] = value
        before = _counts(target)
        with pytest.raises(ValidationError) as err, target.transaction() as s:
            json_export.import_inspection(s, ctx, doc)
        assert any(i.field == f"{table}[0].{column}" and i.problem == problem for i in err.value.issues), err.value
        assert _counts(target) == before
        del doc["tables"][table][0][column]  # a missing NOT NULL column is named too
        if table != "conversation":
            with pytest.raises(ValidationError, match=rf"{table}\[0\]\.{column}: required"), target.transaction() as s:
                json_export.import_inspection(s, ctx, doc)
    finally:
        source.close()
        target.close()


@pytest.mark.parametrize(
    ("table", "row"),
    [
        # each of these went in before, after which every sync and the sync panel failed
        (
            "sync_set_aside",
            {"tbl": "visit", "rev": 1, "record": {"bogus": 1}, "reason": "x", "set_aside_at": "x", "tries": 1},
        ),
        ("sync_issue", {"kind": "conflict", "detail": "geen object", "status": "open", "created_at": "x"}),
        ("outbox", {"tbl": "visit", "record_id": "x", "op": "upsert"}),
        ("audit_log", {"action": "inspection.delete"}),
        (  # the framework only by its "framework" key
            "framework_version",
            {"key": "nep", "version": "1", "title_nl": "n", "title_en": "n", "published_on": "2026-01-01"}
            | {"content_sha256": "0" * 64, "loaded_at": "2026-01-01T00:00:00+00:00"},
        ),
        ("taxonomy_item", {"code": "NEP"}),
    ],
)
def test_import_json_refuses_tables_that_are_not_synced(tmp_path, ctx, table: str, row: dict) -> None:
    from inspectorapp.services import json_export
    from inspectorapp.store_access import create_store

    from .conftest import PASSPHRASE

    source = create_store(tmp_path / "source" / "veldwerk.db", PASSPHRASE)
    target = create_store(tmp_path / "target" / "veldwerk.db", PASSPHRASE)
    try:
        doc, _inspection_id = _one_inspection_export(source, ctx)
        doc["tables"][table] = [{"id": "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9", **row}]
        before = _counts(target)
        with target.session() as s:
            rows_before = s.connection().exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar()
        with pytest.raises(json_export.ImportRefusedError, match=table), target.transaction() as s:
            json_export.import_inspection(s, ctx, doc)
        assert _counts(target) == before
        with target.session() as s:
            assert s.connection().exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar() == rows_before
    finally:
        source.close()
        target.close()
