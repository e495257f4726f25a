"""The shape of the generated data: the object tree and the rows of one conversation.

Kept apart from generate.py (which builds and caches the store); all randomness comes
from the ``TextMaker``'s seeded ``random.Random``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from inspectorapp.ids import new_id

from .common import Size
from .words import CONVERSATION_TYPES, PLACES, REGIONS, SPEAKER_ROLES, TextMaker

START = datetime(2025, 11, 24, 7, 0, tzinfo=UTC)

NOTE_SQL = (
    "INSERT INTO note_paragraph (id, conversation_id, position, occurred_at, kind, speaker_role, text,"
    " theme_codes, confidentiality, about_absent_party, partial_interest, followed_up, for_report,"
    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '[]', 'TEAM', ?, 'geen', 0, ?, ?, ?)"
)
SIGNAL_SQL = (
    "INSERT INTO signal (id, organisation_id, inspection_id, visit_id, conversation_id, note_paragraph_id,"
    " kind, valence, source_type, observed_at, recorded_at, observed_by, observation, quote,"
    " interpretation, strength, certainty, status, report_use, confidentiality, shared_with_institution,"
    " created_at, updated_at) VALUES"
    " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NIEUW', 'intern', 'TEAM', 'nee', ?, ?)"
)
NOTE_KINDS = ("waarneming", "citaat", "interpretatie", "vraag", "actie")
NOTE_WEIGHTS = (50, 25, 10, 10, 5)


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@dataclass
class Conv:
    id: str
    visit_id: str
    inspection_id: str
    organisation_id: str
    starts_at: datetime
    paragraphs: int


@dataclass(frozen=True)
class Codes:
    """Framework codes for the code columns, where the data must pass the office's check of
    codes (``storage.value_schema.unknown_codes``: sync-bulk pushes it). The local stores keep
    the generator's own words (``codes=None``), so their cached contents do not change."""

    org_types: tuple[str, ...]
    sectors: tuple[str, ...]
    conversation_types: tuple[str, ...]
    speaker_roles: tuple[str, ...]


def structure(
    conn: sqlcipher.Connection, size: Size, fid: str, t: TextMaker, codes: Codes | None = None
) -> list[Conv]:
    """Organisations, inspections, subjects, visits and conversations, in one transaction."""
    rng = t.rng
    orgs = []
    for _ in range(60):
        at = iso(START - timedelta(days=rng.randint(30, 900)))
        org = (
            new_id(),
            t.org_name(),
            rng.choice(codes.org_types) if codes else "zorgaanbieder",
            rng.choice(codes.sectors if codes else ("vvt", "ggz", "ghz", "zkh", "jeugd")),
            rng.choice(REGIONS),
            t.text(10, 40),
            at,
            at,
        )
        orgs.append(org)
    inspections, subjects, visits, convs = [], [], [], []
    for _ in range(120):
        iid, org = new_id(), rng.choice(orgs)
        begin = START + timedelta(days=rng.randint(0, 300))
        end = begin + timedelta(days=rng.randint(20, 64))
        at = iso(begin)
        inspections.append(
            (
                iid,
                f"{t.title()} {org[1]}"[:200],
                rng.choice(("risico", "thema", "netwerk", "incident", "vervolg")),
                t.text(20, 80),
                rng.choice(("sparringpartner", "naleving", "agenderen_stimuleren")),
                fid,
                rng.choice(("veldwerk", "analyse", "rapportage", "afgesloten")),
                begin.date().isoformat(),
                end.date().isoformat(),
                at,
                at,
            )
        )
        subjects.append((new_id(), iid, org[0], at, at))
        for day in sorted(rng.sample(range((end - begin).days), 4)):
            vid, when = new_id(), begin + timedelta(days=day)
            visits.append(
                (
                    vid,
                    iid,
                    when.date().isoformat(),
                    rng.choice(PLACES),
                    int(rng.random() < 0.8),
                    iso(when),
                    iso(when),
                )
            )
            convs.append((vid, iid, org[0], when))
    # Conversations of 20-140 paragraphs until the paragraph total is reached.
    counts: list[int] = []
    while sum(counts) < size.paragraphs:
        counts.append(min(rng.randint(20, 140), size.paragraphs - sum(counts)))
    result = []
    for n in counts:
        vid, iid, oid, visit_day = rng.choice(convs)
        starts = visit_day + timedelta(hours=rng.randint(1, 9), minutes=rng.randint(0, 59))
        result.append(Conv(new_id(), vid, iid, oid, starts, n))
    result.sort(key=lambda c: c.starts_at)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO organisation (id, name, org_type, sector, region, description, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        orgs,
    )
    conn.executemany(
        "INSERT INTO inspection (id, title, inspection_type, purpose, declared_role, level, judgement_mode,"
        " framework_version_id, status, theme_codes, started_on, ended_on, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, 'meso', 'formatief', ?, ?, '[]', ?, ?, ?, ?)",
        inspections,
    )
    conn.executemany(
        "INSERT INTO inspection_subject (id, inspection_id, subject_kind, organisation_id, created_at,"
        " updated_at) VALUES (?, ?, 'organisatie', ?, ?, ?)",
        subjects,
    )
    conn.executemany(
        "INSERT INTO visit (id, inspection_id, visit_date, location, announced, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        visits,
    )
    conn.executemany(
        "INSERT INTO conversation (id, visit_id, conversation_type, title, starts_at, ends_at, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                c.id,
                c.visit_id,
                rng.choice(codes.conversation_types if codes else CONVERSATION_TYPES),
                t.title(),
                iso(c.starts_at),
                iso(c.starts_at + timedelta(seconds=45 * c.paragraphs)),
                iso(c.starts_at),
                iso(c.starts_at),
            )
            for c in result
        ],
    )
    conn.execute("COMMIT")
    return result


def rows_for(
    c: Conv, signals: float, t: TextMaker, codes: Codes | None = None
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    rng = t.rng
    speakers = codes.speaker_roles if codes else SPEAKER_ROLES
    notes = []
    for i in range(c.paragraphs):
        at = iso(c.starts_at + timedelta(seconds=45 * i + rng.randint(0, 40)))
        notes.append(
            (
                new_id(),
                c.id,
                (i + 1) * 1024,
                at,
                rng.choices(NOTE_KINDS, NOTE_WEIGHTS)[0],
                rng.choice(speakers),
                t.text(10, 120),
                int(rng.random() < 0.05),
                int(rng.random() < 0.1),
                at,
                at,
            )
        )
    sigs = []
    for _ in range(int(signals)):
        note = rng.choice(notes) if rng.random() < 0.3 else None
        seen = c.starts_at + timedelta(minutes=rng.randint(0, 90))
        sigs.append(
            (
                new_id(),
                c.organisation_id,
                c.inspection_id,
                c.visit_id,
                c.id,
                note[0] if note else None,
                rng.choice(("hard", "zacht")),
                rng.choice(("positief", "negatief", "negatief", "ambigu")),
                rng.choice(("eigen_waarneming", "mondeling_medewerker", "document", None)),
                iso(seen),
                iso(seen),
                "inspecteur",
                t.text(10, 60),
                t.text(8, 30) if rng.random() < 0.3 else None,
                t.text(10, 40) if rng.random() < 0.4 else None,
                rng.choice((1, 2, 3, None)),
                rng.choice(("indruk", "waarschijnlijk", "vastgesteld", None)),
                iso(seen),
                iso(seen),
            )
        )
    return notes, sigs
