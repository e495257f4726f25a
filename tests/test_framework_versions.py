"""Framework versions: a published version is never edited; a fix is a new version that new
inspections take while existing ones keep theirs (decision 0013)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from inspectorapp.domain.drafts import InspectionDraft, SubjectDraft
from inspectorapp.domain.enums import InspectionType, InspectorateRole
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.services import frameworks, inspections, outcome_options
from inspectorapp.store_access import create_store, open_store
from resources import path as resource_path
from storage import models as m

from . import helpers
from .conftest import PASSPHRASE

# A version that has shipped keeps its bytes: a laptop that loaded it refuses the same key
# and version with other content, so an edit would stop every such laptop from opening.
SHIPPED_2026_1 = "igj-starter-2026.1.json"


def _rung(session, inspection_id: str, code: str) -> str | None:
    opts = outcome_options.outcome_options(session, inspection_id)
    return next(a.parent for a in opts.action_types if a.code == code)


def _new_inspection(session, ctx: ActionContext) -> str:
    org = helpers.organisation(session, ctx)
    return inspections.create_inspection(
        session,
        ctx,
        InspectionDraft(
            title="Netwerkinspectie",
            inspection_type=InspectionType.NETWORK,
            declared_role=InspectorateRole.AGENDA_SETTING,
            subjects=(SubjectDraft(organisation_id=org),),
        ),
    ).value.id


def test_the_first_shipped_version_is_unchanged() -> None:
    data = resource_path("frameworks", SHIPPED_2026_1).read_bytes()
    assert hashlib.sha256(data).hexdigest() == (
        "9b9c8e10e02f9b0d4e5ae710bcf1210e93b608fda21f844257a13645b4d5b626"
    ), "igj-starter 2026.1 has shipped: publish a new version instead of editing it"


def test_every_bundled_version_loads_and_the_newest_is_2026_2(tmp_path: Path, ctx) -> None:
    store = create_store(tmp_path / "v.db", PASSPHRASE)
    try:
        with store.session() as s:
            versions = [f.version for f in frameworks.list_frameworks(s)]
            newest = s.get(m.FrameworkVersion, frameworks.latest_version_id(s))
        assert versions == ["2026.1", "2026.2"]
        assert newest is not None and newest.version == "2026.2"
    finally:
        store.close()


def test_the_letter_report_is_an_informal_rung_for_new_inspections_only(tmp_path: Path, ctx) -> None:
    store = create_store(tmp_path / "v.db", PASSPHRASE)
    try:
        with store.transaction() as s:
            new = _new_inspection(s, ctx)
            old = _new_inspection(s, ctx)
            s.get(m.Inspection, old).framework_version_id = frameworks.find_version(
                s, "igj-starter", "2026.1"
            )
        with store.session() as s:
            assert s.get(m.Inspection, new).framework_version_id == frameworks.find_version(
                s, "igj-starter", "2026.2"
            )
            assert _rung(s, new, "BRIEF_RAPPORT") == "informeel"
            assert _rung(s, old, "BRIEF_RAPPORT") == "individueel"  # its version, as it was
            # nothing else moved between the versions
            for code in ("PARTIJ_INDIVIDUEEL_AANSPREKEN", "SPIEGEL_VOORHOUDEN", "VERSCHERPT_TOEZICHT"):
                assert _rung(s, new, code) == _rung(s, old, code)
    finally:
        store.close()


def test_a_store_made_before_2026_2_gets_it_at_unlock_and_keeps_its_inspections(
    tmp_path: Path, ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "older.db"
    monkeypatch.setattr(frameworks, "BUNDLED", (SHIPPED_2026_1,))  # the app as it shipped
    store = create_store(path, PASSPHRASE)
    with store.transaction() as s:
        before = _new_inspection(s, ctx)
        old_fv = s.get(m.Inspection, before).framework_version_id
    store.close()
    monkeypatch.undo()
    store = open_store(path, PASSPHRASE)
    try:
        with store.transaction() as s:
            assert sorted(s.scalars(select(m.FrameworkVersion.version))) == ["2026.1", "2026.2"]
            assert s.get(m.Inspection, before).framework_version_id == old_fv
            assert _rung(s, before, "BRIEF_RAPPORT") == "individueel"
            after = _new_inspection(s, ctx)
            assert _rung(s, after, "BRIEF_RAPPORT") == "informeel"
    finally:
        store.close()
    store = open_store(path, PASSPHRASE)  # loading again is a no-op, not a second copy
    try:
        with store.session() as s:
            assert len(s.scalars(select(m.FrameworkVersion)).all()) == 2
    finally:
        store.close()
