"""Exports leave no plaintext behind and are audited only when written.

Real store, real files: a folder, a missing folder and a read-only folder as the target.
After each refusal the parent folder holds exactly what it held before, and the audit log
has no export row; a good target gets the file and one audit row.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspectorapp.atomic import write_atomic
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.services import demo, exports, rescue_export
from storage import models as m
from storage.engine import Store

from . import helpers


def _export_audits(store: Store) -> int:
    with store.session() as s:
        return s.scalar(
            select(func.count()).select_from(m.AuditLog).where(m.AuditLog.action.like("%export%"))
        ) or 0


def _files(folder: Path) -> set[str]:
    """Every file below the folder but the store's own (its WAL files come and go)."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if "veldwerk.db" not in p.name}


@pytest.fixture
def loaded(store: Store, ctx: ActionContext) -> str:
    with store.transaction() as s:
        demo.load_demo(s, ctx)
    with store.session() as s:
        return str(s.scalar(select(m.Inspection.id).where(m.Inspection.title.like("%Lindeveen%"))))


@pytest.mark.parametrize("kind", exports.FORMATS)
def test_a_folder_or_missing_folder_is_refused_and_leaves_nothing(
    store: Store, ctx: ActionContext, loaded: str, tmp_path: Path, kind: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    before, files = _export_audits(store), _files(tmp_path)
    for target, reason in ((folder, "is_folder"), (tmp_path / "missing" / "x.zip", "no_folder")):
        with pytest.raises(exports.ExportPathError) as caught, store.transaction() as s:
            exports.write_export(s, ctx, loaded, kind, target)
        assert caught.value.reason == reason
    assert _files(tmp_path) == files  # no temp copy beside the target
    assert list(folder.iterdir()) == []
    assert not (tmp_path / "missing").exists()
    assert _export_audits(store) == before
    with store.transaction() as s:
        exports.write_export(s, ctx, loaded, kind, folder / f"i.{kind}")
    assert (folder / f"i.{kind}").stat().st_size > 100
    assert _export_audits(store) == before + 1


def test_a_read_only_folder_is_refused_and_leaves_nothing(
    store: Store, ctx: ActionContext, loaded: str, tmp_path: Path
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    before = _export_audits(store)
    with helpers.read_only_folder(folder) as effective:
        if not effective:
            pytest.skip("this system cannot make a folder read-only for root")
        with pytest.raises(exports.ExportPathError) as caught, store.transaction() as s:
            exports.write_export(s, ctx, loaded, "json", folder / "i.json")
        with pytest.raises(exports.ExportPathError), store.transaction() as s:
            rescue_export.write_rescue(s, ctx, "een lang reddingswachtwoord", folder / "r.vwrescue")
    assert caught.value.reason == "not_writable"
    assert list(folder.iterdir()) == []
    assert _export_audits(store) == before


def test_write_atomic_removes_its_temp_file_when_the_rename_fails(tmp_path: Path) -> None:
    target = tmp_path / "a-folder"
    target.mkdir()
    with pytest.raises(OSError):
        write_atomic(target, b"geheim " * 1000)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder"]
