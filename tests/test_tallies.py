"""The counters kept by triggers (migration 0010) agree with a real count after local
inserts, soft deletes, moves, pulled records, acknowledged outbox rows and an upgrade."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspectorapp.domain.drafts import InspectionDraft, SubjectDraft
from inspectorapp.domain.enums import InspectionType, InspectorateRole, SignalKind, Valence
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.services import inspections, status, sync_status
from storage import models as m
from storage.engine import Store, connect_raw, wrap
from storage.migrate import upgrade
from sync import batches
from sync.apply import apply_records
from sync.protocol import RecordState

from . import helpers
from .conftest import PASSPHRASE

NOW = "2026-12-05T10:00:00.000Z"
PULLED = "01900000-0000-7000-8000-0000000000c1"


def _real_signal_counts(s: Session) -> dict[str, int]:
    rows = s.execute(
        text(
            "SELECT inspection_id, count(*) FROM signal WHERE deleted_at IS NULL"
            " AND inspection_id IS NOT NULL GROUP BY inspection_id"
        )
    )
    return {str(i): int(n) for i, n in rows}


def _real_outbox(s: Session) -> int:
    return int(s.execute(text("SELECT count(*) FROM outbox")).scalar_one())


def _agree(store: Store) -> dict[str, int]:
    with store.session() as s:
        real = _real_signal_counts(s)
        assert inspections.signal_tally(s) == real
        listed = {r.id: r.signal_count for r in inspections.list_inspections(s) if r.signal_count}
        assert listed == real
        assert status.store_status(s).pending_changes == _real_outbox(s)
        assert sync_status.sync_overview(s).pending_changes == _real_outbox(s)
        assert batches.waiting(s) == _real_outbox(s)  # the sync engine's progress total
        return real


def _inspection(s: Session, ctx: ActionContext, org: str, title: str) -> str:
    draft = InspectionDraft(
        title=title,
        inspection_type=InspectionType.RISK,
        declared_role=InspectorateRole.COMPLIANCE,
        subjects=(SubjectDraft(organisation_id=org),),
    )
    return inspections.create_inspection(s, ctx, draft).value.id


def _signal(s: Session, org: str, inspection_id: str | None) -> str:
    sig = m.Signal(
        organisation_id=org,
        inspection_id=inspection_id,
        kind=SignalKind.SOFT,
        valence=Valence.NEGATIVE,
        observed_at=datetime(2026, 3, 12, 9, tzinfo=UTC),
        recorded_at=datetime(2026, 3, 12, 9, tzinfo=UTC),
        observation="Gespannen sfeer bij de overdracht",
    )
    s.add(sig)
    s.flush()
    return sig.id


def _pulled_signal(org: str, inspection_id: str, rev: int, deleted_at: str | None = None) -> RecordState:
    fields = {
        "organisation_id": org,
        "inspection_id": inspection_id,
        "kind": SignalKind.SOFT.value,
        "valence": Valence.NEGATIVE.value,
        "observed_at": NOW,
        "recorded_at": NOW,
        "observation": "Uit het kantoor",
        "status": "NIEUW",
        "report_use": "intern",
        "confidentiality": "TEAM",
        "shared_with_institution": "nee",
        "created_at": NOW,
        "updated_at": NOW,
        "deleted_at": deleted_at,
    }
    return RecordState(
        tbl="signal",
        id=PULLED,
        rev=rev,
        deleted=deleted_at is not None,
        fields=fields,
        field_revs={f: rev for f in fields},
        partial=False,
    )


def test_counters_follow_local_edits_pulled_records_and_acknowledged_outbox(
    store: Store, ctx: ActionContext
) -> None:
    with store.transaction() as s:
        org = helpers.organisation(s, ctx)
        a = _inspection(s, ctx, org, "Inspectie A")
        b = _inspection(s, ctx, org, "Inspectie B")
        signals = [_signal(s, org, a) for _ in range(3)] + [_signal(s, org, b), _signal(s, org, None)]
    assert _agree(store) == {a: 3, b: 1}

    with store.transaction() as s:  # soft delete, move, move out of any inspection, text edit
        s.get(m.Signal, signals[0]).deleted_at = datetime.now(UTC)  # type: ignore[union-attr]
        s.get(m.Signal, signals[1]).inspection_id = b  # type: ignore[union-attr]
        s.get(m.Signal, signals[3]).inspection_id = None  # type: ignore[union-attr]
        s.get(m.Signal, signals[4]).observation = "Alleen de tekst"  # type: ignore[union-attr]
    assert _agree(store) == {a: 1, b: 1}

    with store.transaction() as s:  # restored, and deleted while moving
        s.get(m.Signal, signals[0]).deleted_at = None  # type: ignore[union-attr]
        sig = s.get(m.Signal, signals[2])
        assert sig is not None
        sig.inspection_id, sig.deleted_at = b, datetime.now(UTC)
    assert _agree(store) == {a: 1, b: 1}

    with pytest.raises(IntegrityError), store.transaction() as s:  # refused and rolled back
        s.execute(text("DELETE FROM signal WHERE id = :id"), {"id": signals[0]})
    assert _agree(store) == {a: 1, b: 1}

    with store.transaction() as s:  # from the office: an insert, then its deletion
        assert apply_records(s, [_pulled_signal(org, a, 3)]) == 1
    assert _agree(store) == {a: 2, b: 1}
    with store.transaction() as s:
        assert apply_records(s, [_pulled_signal(org, a, 4, deleted_at=NOW)]) == 1
    assert _agree(store) == {a: 1, b: 1}

    with store.transaction() as s:  # the office acknowledged part of the outbox, then all of it
        first_half = _real_outbox(s) // 2
        last = s.scalar(select(m.Outbox.seq).order_by(m.Outbox.seq).offset(first_half).limit(1))
        s.execute(delete(m.Outbox).where(m.Outbox.seq <= last))
    assert _agree(store)
    with store.transaction() as s:
        s.execute(delete(m.Outbox))
        assert status.outbox_size(s) == 0
    with store.transaction() as s:
        _signal(s, org, a)
    assert _agree(store) == {a: 2, b: 1}


def test_upgrade_counts_what_the_store_already_holds(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = wrap(path, connect_raw(path, PASSPHRASE))
    upgrade(store, "0009")
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO framework_version (id, key, version, title_nl, title_en, published_on, content_sha256,"
                " loaded_at)"
                " VALUES ('fv', 'k', '1', 'K', 'K', '2026-01-01', '', '2026-01-01T00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO organisation (id, name, created_at, updated_at)"
                " VALUES ('01900000-0000-7000-8000-000000000001', 'Zorggroep Één', :now, :now)"
            ),
            {"now": NOW},
        )
        conn.execute(
            text(
                "INSERT INTO inspection (id, title, inspection_type, purpose, declared_role, level, status,"
                " framework_version_id, theme_codes, judgement_mode, created_at, updated_at) VALUES"
                " ('01900000-0000-7000-8000-000000000003', 'Oud', 'risico', '', 'naleving', 'meso',"
                " 'voorbereiding', 'fv', '[]', 'formatief', :now, :now)"
            ),
            {"now": NOW},
        )
        for n, deleted in enumerate((None, None, NOW)):
            conn.execute(
                text(
                    "INSERT INTO signal (id, organisation_id, inspection_id, kind, valence, observed_at,"
                    " recorded_at, observation, status, report_use, confidentiality, shared_with_institution,"
                    " created_at, updated_at, deleted_at) VALUES (:id, '01900000-0000-7000-8000-000000000001',"
                    " '01900000-0000-7000-8000-000000000003', 'zacht', 'negatief', :now, :now, 'Sfeer',"
                    " 'NIEUW', 'intern', 'TEAM', 'nee', :now, :now, :deleted)"
                ),
                {"id": f"01900000-0000-7000-8000-00000000001{n}", "now": NOW, "deleted": deleted},
            )
    upgrade(store)
    with store.session() as s:
        assert (
            inspections.signal_tally(s)
            == _real_signal_counts(s)
            == {"01900000-0000-7000-8000-000000000003": 2}
        )
        assert status.outbox_size(s) == _real_outbox(s) > 0
    store.close()
