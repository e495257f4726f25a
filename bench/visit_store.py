"""The visit_open benchmark's store: the generated store plus one inspection with two visits.

The inspection, its subject, visits, conversations and participants are made as ORM objects
of ``storage.models`` in one session, so every column the schema gains later gets the
model's default (a raw INSERT written before migration 0004 broke on ``judgement_mode``);
the 1,000+ note paragraphs and 600 signals go in with the generator's ``executemany`` SQL,
which the other generated stores share. See ``bench/visit_open.py`` for the shape.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from inspectorapp.domain.enums import InspectionStatus, InspectionType, InspectorateRole, SubjectKind
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.ids import new_id
from inspectorapp.services import frameworks
from storage.migrate import head_revision
from storage.models import Conversation, Inspection, InspectionSubject, Participant, Visit

from .common import CACHE, Size
from .dataset import NOTE_SQL, SIGNAL_SQL, START, Conv, rows_for
from .generate import GENERATOR_VERSION, SEED, ensure_store, open_bench_store
from .words import TextMaker

VISIT_VERSION = 4  # bump when the added visits change shape (4: tree made through the models)
NOTES = 500
SIGNALS = 300
OTHER_CONVERSATIONS = (40, 90, 25)  # paragraphs of the visit's later conversations
SIGNAL_SHARE = (150, 60, 60, 30)  # signals per conversation, first one first; sums to SIGNALS


def visit_store_dir(size: Size) -> Path:
    return CACHE / f"visit-{size.key}-r{head_revision()}-g{GENERATOR_VERSION}-v{VISIT_VERSION}"


@dataclass(frozen=True)
class VisitStore:
    path: Path
    visits: tuple[str, ...]
    first_conversations: tuple[str, ...]
    meta: dict[str, Any]


def ensure_visit_store(size: Size, force: bool = False) -> VisitStore:
    """The cached store with the two 500-note visits, built first if missing."""
    target = visit_store_dir(size)
    if force:
        shutil.rmtree(target, ignore_errors=True)
    if not (target / "meta.json").exists():
        build_visit_store(size, target)
    meta = json.loads((target / "meta.json").read_text("utf-8"))
    return VisitStore(target / "veldwerk.db", tuple(meta["visits"]), tuple(meta["first_conversations"]), meta)


def _codes(conn: sqlcipher.Connection, fv_id: str, taxonomy: str, leaves: bool = False) -> list[str]:
    sql = "SELECT code FROM taxonomy_item WHERE framework_version_id = ? AND taxonomy = ?"
    if leaves:
        sql += " AND parent_code IS NOT NULL"
    return [r[0] for r in conn.execute(sql + " ORDER BY position", (fv_id, taxonomy)).fetchall()]


def _one_to_one(conn: sqlcipher.Connection, fv_id: str) -> str:
    """A conversation type the note editor shows: not a group session (those open the session board)."""
    rows = conn.execute(
        "SELECT code, attributes FROM taxonomy_item WHERE framework_version_id = ?"
        " AND taxonomy = 'conversation_type' ORDER BY position",
        (fv_id,),
    )
    return next(code for code, attributes in rows if not json.loads(attributes or "{}").get("group_session"))


def build_visit_store(size: Size, target: Path) -> None:
    source = ensure_store(size)
    building = target.with_name(target.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    print(f"building visit store {target.name} from {source.parent.name}")
    started = time.perf_counter()
    shutil.copyfile(source, building / "veldwerk.db")
    store = open_bench_store(building / "veldwerk.db")
    try:
        with store.transaction() as session:
            frameworks.ensure_bundled(session, ActionContext("bench", "bench-device"))
            doc = frameworks.bundled_framework_docs()[-1]
            fv_id = frameworks.find_version(session, doc.key, doc.version)
        conn = store.raw
        rng = random.Random(SEED + VISIT_VERSION)
        t = TextMaker(rng)
        conv_types = _codes(conn, fv_id, "conversation_type")
        one_to_one = _one_to_one(conn, fv_id)
        roles = _codes(conn, fv_id, "person_role", leaves=True)
        org_id, org_name = conn.execute("SELECT id, name FROM organisation ORDER BY name LIMIT 1").fetchone()
        begin = START + timedelta(days=330)
        insp_id = new_id()
        visits: list[str] = []
        firsts: list[str] = []
        convs: list[tuple[Conv, int]] = []  # with the signals each gets
        with store.transaction() as session:
            session.add(
                Inspection(
                    id=insp_id,
                    title=f"Bench: twee bezoeken {org_name}"[:200],
                    inspection_type=InspectionType.RISK,
                    purpose=t.text(20, 80),
                    declared_role=InspectorateRole.COMPLIANCE,
                    framework_version_id=fv_id,
                    status=InspectionStatus.FIELDWORK,
                    theme_codes=[],
                    started_on=begin.date(),
                    ended_on=(begin + timedelta(days=30)).date(),
                    created_at=begin,
                    updated_at=begin,
                )
            )
            session.flush()  # the parents first: the store checks foreign keys per statement
            session.add(
                InspectionSubject(
                    inspection_id=insp_id,
                    subject_kind=SubjectKind.ORGANISATION,
                    organisation_id=org_id,
                    created_at=begin,
                    updated_at=begin,
                )
            )
            for day in (3, 10):
                visit_id, when = new_id(), begin + timedelta(days=day, hours=1)
                visits.append(visit_id)
                session.add(
                    Visit(
                        id=visit_id,
                        inspection_id=insp_id,
                        visit_date=when.date(),
                        location="Utrecht",
                        created_at=when,
                        updated_at=when,
                    )
                )
                session.flush()
                starts = when
                for k, (paragraphs, signals) in enumerate(
                    zip((NOTES, *OTHER_CONVERSATIONS), SIGNAL_SHARE, strict=True)
                ):
                    c = Conv(new_id(), visit_id, insp_id, org_id, starts, paragraphs)
                    if k == 0:  # the earliest: the one the page opens
                        firsts.append(c.id)
                    convs.append((c, signals))
                    session.add(
                        Conversation(
                            id=c.id,
                            visit_id=visit_id,
                            conversation_type=one_to_one if k == 0 else rng.choice(conv_types),
                            title=t.title(),
                            starts_at=starts,
                            ends_at=starts + timedelta(seconds=45 * paragraphs),
                            created_at=starts,
                            updated_at=starts,
                        )
                    )
                    session.flush()
                    session.add_all(
                        Participant(
                            conversation_id=c.id,
                            role_code=role,
                            organisation_id=org_id,
                            label=f"{role.replace('_', ' ').lower()} {j + 1}",
                            position=j,
                            created_at=begin,
                            updated_at=begin,
                        )
                        for j, role in enumerate(rng.sample(roles, rng.randint(2, 5)))
                    )
                    starts += timedelta(seconds=45 * paragraphs + 1800)
        n_notes = n_signals = 0
        conn.execute("BEGIN")
        for c, signals in convs:
            notes, sigs = rows_for(c, signals, t)
            # Speakers as the app stores them: framework person_role codes.
            notes = [(*n[:5], rng.choice(roles) if n[5] else None, *n[6:]) for n in notes]
            conn.executemany(NOTE_SQL, notes)
            conn.executemany(SIGNAL_SQL, sigs)
            n_notes += len(notes)
            n_signals += len(sigs)
        conn.execute("COMMIT")
        counts = {
            "first_conversation_paragraphs": [
                conn.execute(
                    "SELECT count(*) FROM note_paragraph WHERE conversation_id = ?", (c,)
                ).fetchone()[0]
                for c in firsts
            ],
            "visit_signals": [
                conn.execute("SELECT count(*) FROM signal WHERE visit_id = ?", (v,)).fetchone()[0]
                for v in visits
            ],
            "note_paragraph": conn.execute("SELECT count(*) FROM note_paragraph").fetchone()[0],
            "signal": conn.execute("SELECT count(*) FROM signal").fetchone()[0],
        }
    finally:
        store.close()
    meta = {
        "from": source.parent.name,
        "visits": visits,
        "first_conversations": firsts,
        "added": {"paragraphs": n_notes, "signals": n_signals},
        "counts": counts,
        "framework": f"{doc.key} {doc.version}",
        "built_in_s": round(time.perf_counter() - started, 1),
    }
    (building / "meta.json").write_text(json.dumps(meta, indent=2), "utf-8")
    building.rename(target)
    print(f"  {counts}; {meta['built_in_s']} s")
