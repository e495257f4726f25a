"""No text reaches a report PDF unless the one rule (decision 0009) lets it.

A real store made by the real migrations, with the demo data. Every text column of every
row the inspection owns or refers to (what the JSON export collects: the report reads a
subset of it) gets a unique marker; a few session events and scores are released, one is
made confidential. Both report types are generated and read back with pdftotext: a marker
must appear exactly when an independent reading of the rule says it may (so the test can
fail both ways).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Enum, String, select, update

from inspectorapp.domain.enums import Confidentiality, EvidenceKind, SignalKind
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.services import demo, group_sessions, json_export, report_drafts, reports
from inspectorapp.store_access import create_store
from storage import models as m
from storage.engine import Store

from .adversary_tally import TALLY
from .conftest import PASSPHRASE
from .test_reports import pdf_text

CTX = ActionContext("inspecteur-test", "test-device")
SECRET = {Confidentiality.RESTRICTED.value, Confidentiality.REPORTER_CONFIDENTIAL.value}
# Written for the report, or naming the parties it is addressed to: printed by design.
PRINTED = {
    ("inspection", "title"),
    ("organisation", "name"),
    ("network", "name"),
    ("inspection_member", "display_name"),
    ("visit", "location"),
    ("finding", "theme_code"),
    ("finding", "what_we_see"),
    ("finding", "what_we_think"),
    ("finding", "what_next"),
    ("finding", "context_factors"),
    ("finding", "national_points"),
}
# A draft's texts print in the report of its own type, when their section is switched on.
DRAFT_SECTIONS = {
    "addressees": None,
    "summary": "samenvatting",
    "role_statement": "rol",
    "context": "context",
    "recommendations": "aanbevelingen",
    "appreciation": "waardering",
    "method": "werkwijze",
}
KINDS = frozenset(("gebiedsrapportage", "briefrapport"))
# Evidence texts: printed only when the item is cited by a live finding and passes the rule.
EVIDENCE_TEXT = {
    ("note_paragraph", "text"): "notitie",
    ("signal", "observation"): "signaal",
    ("signal", "quote"): "signaal",
    ("session_event", "text"): "sessiegebeurtenis",
    ("observation_score", "comment"): "observatie",
    ("attachment", "filename"): "bijlage",
    ("attachment", "caption"): "bijlage",
}


def _text_columns(table: str) -> list[str]:
    out = []
    for c in m.Base.metadata.tables[table].columns:
        if c.name == "id" or c.foreign_keys or isinstance(c.type, Enum) or not isinstance(c.type, String):
            continue
        if c.name.endswith("_id"):  # a reference without a foreign key (evidence_id): not text
            continue
        if c.type.length is not None and c.type.length < 12:
            continue  # a language code, a date: no room for a marker (and not free text)
        out.append(c.name)
    return out


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = create_store(tmp_path_factory.mktemp("leaks") / "veldwerk.db", PASSPHRASE)
    with store.transaction() as s:
        demo.load_demo(s, CTX)
    yield store
    store.close()


def _inspection(store: Store) -> str:
    """The demo inspection with an observed group session (charts, events, scores)."""
    with store.session() as s:
        return str(
            s.scalar(
                select(m.Visit.inspection_id)
                .join(m.Conversation, m.Conversation.visit_id == m.Visit.id)
                .join(m.SessionEvent, m.SessionEvent.conversation_id == m.Conversation.id)
                .limit(1)
            )
        )


def _release_cited(store: Store, inspection_id: str) -> None:
    """Release every cited session event and score but one event, made confidential."""
    with store.transaction() as s:
        cited = s.execute(
            select(m.FindingEvidence.evidence_kind, m.FindingEvidence.evidence_id)
            .join(m.Finding, m.Finding.id == m.FindingEvidence.finding_id)
            .where(m.Finding.inspection_id == inspection_id)
        ).all()
        events = [i for k, i in cited if k.value == "sessiegebeurtenis"]
        scores = [i for k, i in cited if k.value == "observatie"]
        if not scores:  # the demo cites none: a finding takes a score of the session as evidence
            conv_id, finding_id = s.execute(
                select(m.SessionEvent.conversation_id, m.Finding.id)
                .join(m.FindingEvidence, m.FindingEvidence.evidence_id == m.SessionEvent.id)
                .join(m.Finding, m.Finding.id == m.FindingEvidence.finding_id)
                .where(m.Finding.inspection_id == inspection_id, m.Finding.deleted_at.is_(None))
                .limit(1)
            ).one()
            for score in s.scalars(select(m.ObservationScore).where(m.ObservationScore.conversation_id == conv_id)):
                s.add(m.FindingEvidence(finding_id=finding_id, evidence_kind=EvidenceKind.OBSERVATION,
                                        evidence_id=score.id))
                scores.append(score.id)
        assert events and scores, "the demo cites events and scores"
        for n, event_id in enumerate(events):
            level = "MELDER_VERTROUWELIJK" if n == 0 else None
            group_sessions.set_report_release(s, CTX, "session_event", event_id, n > 0, level)
        for score_id in scores:
            group_sessions.set_report_release(s, CTX, "observation_score", score_id, True)


def _seed(store: Store, inspection_id: str) -> dict[str, tuple[str, str, dict[str, Any]]]:
    """A unique marker in every text column of every row; marker -> (table, column, row)."""
    markers: dict[str, tuple[str, str, dict[str, Any]]] = {}
    with store.transaction() as s:
        _framework, tables = json_export.collect_rows(s, inspection_id)
    for name, rows in tables.items():
        table = m.Base.metadata.tables[name]
        for column in _text_columns(name):
            for row in rows:
                marker = f"Zqx{len(markers):05d}Lk"
                try:
                    with store.transaction() as s:
                        s.execute(update(table).where(table.c.id == row["id"]).values({column: marker}))
                except Exception:  # a CHECK this column keeps (a format): not free text
                    continue
                markers[marker] = (name, column, row)
    return markers


def _may_print(
    store: Store, inspection_id: str, table: str, column: str, row: dict[str, Any]
) -> frozenset[str]:
    """In which report types the rule of decision 0009 lets this text print."""
    if table == "report_draft" and column in DRAFT_SECTIONS and row.get("deleted_at") is None:
        section = DRAFT_SECTIONS[column]
        included = section is None or section in (row.get("sections") or [])
        return frozenset({row["report_type"]}) if included else frozenset()
    return KINDS if _evidence_rule(store, inspection_id, table, column, row) else frozenset()


def _evidence_rule(store: Store, inspection_id: str, table: str, column: str, row: dict[str, Any]) -> bool:
    if (table, column) in PRINTED:
        return row.get("deleted_at") is None
    kind = EVIDENCE_TEXT.get((table, column))
    if kind is None or row.get("deleted_at") is not None:
        return False
    with store.session() as s:
        cited = s.scalar(
            select(m.FindingEvidence.id)
            .join(m.Finding, m.Finding.id == m.FindingEvidence.finding_id)
            .where(
                m.Finding.inspection_id == inspection_id,
                m.Finding.deleted_at.is_(None),
                m.FindingEvidence.deleted_at.is_(None),
                m.FindingEvidence.evidence_kind == EvidenceKind(kind),
                m.FindingEvidence.evidence_id == row["id"],
            )
            .limit(1)
        )
        converted = s.scalar(
            select(m.Finding.id).where(m.Finding.converted_signal_id == row["id"], m.Finding.deleted_at.is_(None))
        )
        current = s.get(_model(table), row["id"])
        assert current is not None
        if cited is None or getattr(current, "confidentiality", None) in SECRET:
            return False
        if table == "note_paragraph":
            return bool(current.for_report)
        if table == "signal":
            return current.kind is SignalKind.HARD or converted is not None
        if table in ("session_event", "observation_score"):
            return bool(current.for_report)
        return True


def _model(table: str) -> type[Any]:
    return next(mp.class_ for mp in m.Base.registry.mappers if mp.local_table.name == table)


def test_no_marker_reaches_a_report_unless_the_rule_allows_it(store: Store, tmp_path: Path) -> None:
    inspection_id = _inspection(store)
    with store.transaction() as s:
        for kind in ("gebiedsrapportage", "briefrapport"):
            report_drafts.ensure_draft(s, CTX, inspection_id, kind)
    _release_cited(store, inspection_id)
    markers = _seed(store, inspection_id)
    texts = {}
    for kind in ("gebiedsrapportage", "briefrapport"):
        with store.transaction() as s:
            content = reports.prepare(s, CTX, inspection_id, kind)
        texts[kind] = pdf_text(reports.render(content), tmp_path)
    may = {mk: _may_print(store, inspection_id, t, c, row) for mk, (t, c, row) in markers.items()}
    allowed = {mk for mk, kinds in may.items() if kinds}
    leaked = sorted(
        f"{kind}: {t}.{c} ({mk})"
        for mk, (t, c, _row) in markers.items()
        for kind, text in texts.items()
        if kind not in may[mk] and mk in text
    )
    missing = sorted(
        f"{t}.{c} ({mk})"
        for mk, (t, c, _r) in markers.items()
        if mk in allowed and not any(mk in texts[kind] for kind in may[mk])
    )
    columns = {(t, c) for t, c, _r in markers.values()}
    TALLY["leak probes"] += 2 * len(markers)  # each marker against both report types
    print(f"leak probes tried: {len(markers)} markers in {len(columns)} columns, x2 report types")
    assert not leaked, leaked
    assert not missing, missing
    assert len(allowed) >= 20 and len(markers) - len(allowed) >= 200
    printed = {(markers[mk][0], markers[mk][1]) for mk in allowed}
    assert {("note_paragraph", "text"), ("session_event", "text"), ("observation_score", "comment")} <= printed
