"""Full-text search: diacritics folded, prefixes, hostile query text, soft deletes."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from inspectorapp.services import notes, search, signals
from storage import models as m
from storage.engine import Store

from . import helpers


def test_search_folds_diacritics_and_finds_notes_and_signals(store: Store, ctx) -> None:
    with store.transaction() as s:
        org, conv = helpers.conversation(s, ctx)
        n1 = notes.add_paragraph(
            s, ctx, conv, {"text": "De cliëntenraad voelt zich niet gehoord", "kind": "waarneming"}
        ).value
        sig = signals.capture_signal(
            s,
            ctx,
            {
                "organisation_id": org,
                "kind": "zacht",
                "valence": "negatief",
                "observation": "Coördinatie van de nachtzorg ontbreekt",
                "quote": "Wij hebben alles op orde",
            },
        ).value
    with store.session() as s:
        assert [h.ref_id for h in search.search(s, "clientenraad")] == [n1.id]
        assert [h.ref_id for h in search.search(s, "CLIËNTENRAAD gehoord")] == [n1.id]
        assert [h.ref_id for h in search.search(s, "coordinatie")] == [sig.id]
        assert search.search(s, "nachtzo") == []  # words match whole ...
        assert [h.ref_id for h in search.search(s, "nachtzo*")] == [sig.id]  # ... or as an explicit prefix
        assert search.search(s, "nac*") == []  # too short a prefix is a plain word
        assert [h.ref_id for h in search.search(s, "coörd* nachtzorg")] == [sig.id]
        assert [h.source for h in search.search(s, "orde")] == ["signal"]
        for hostile in ['"', "NEAR(", "a OR", "*", "-", "')--", "x AND NOT y", "^start", "", "**", 'a"*"b']:
            search.search(s, hostile)  # never an FTS syntax error


def test_edits_and_soft_deletes_update_the_index(store: Store, ctx) -> None:
    with store.transaction() as s:
        _, conv = helpers.conversation(s, ctx)
        note = notes.add_paragraph(s, ctx, conv, {"text": "Overdracht tussen diensten"}).value
    with store.transaction() as s:
        notes.update_text(s, ctx, note.id, "Overdracht loopt via de teamleider")
    with store.session() as s:
        assert search.search(s, "diensten") == []
        assert len(search.search(s, "teamleider")) == 1
    with store.transaction() as s:
        s.get(m.NoteParagraph, note.id).deleted_at = datetime.now(UTC)
    with store.session() as s:
        assert search.search(s, "teamleider") == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_user_text_is_a_valid_fts_query(text: str) -> None:
    """Whatever an inspector types, the FTS5 engine accepts the query we build."""
    import sqlcipher3.dbapi2 as sqlcipher

    query = search.fts_query(text)
    if query is None:
        return
    conn = sqlcipher.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO t (body) VALUES ('cliëntenraad overleg')")
    conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (query,)).fetchall()


def test_filters_narrow_by_organisation_period_kind_valence_and_theme(store: Store, ctx) -> None:
    from datetime import date

    from inspectorapp.domain.snapshots import SearchFilters
    from inspectorapp.services import demo

    with store.transaction() as s:
        demo.load_demo(s, ctx)
    with store.session() as s:
        a = s.scalar(select(m.Organisation.id).where(m.Organisation.name == "Ziekenhuis A"))
        everything = search.search(s, "bestuur", limit=500)
        assert {h.source for h in everything} >= {"note", "signal"}
        only_a = search.search(s, "bestuur", limit=500, filters=SearchFilters(organisation_id=a))
        assert only_a and len(only_a) < len(everything)
        signals_a = [h for h in only_a if h.source == "signal"]
        assert signals_a and all(h.organisation_id == a for h in signals_a)
        negative = search.search(
            s, "bestuur", limit=500, filters=SearchFilters(sources=frozenset({"signal"}), valence="negatief")
        )
        assert negative and all(h.source == "signal" and h.valence == "negatief" for h in negative)
        in_2025 = search.search(
            s, "bestuur", limit=500, filters=SearchFilters(since=date(2025, 1, 1), until=date(2025, 12, 31))
        )
        assert in_2025 and all(h.at and h.at.year == 2025 for h in in_2025)
        themed = [h for h in everything if h.source == "note"]
        note_themes = {
            c
            for (c,) in s.execute(
                select(m.NoteParagraph.theme_codes).where(m.NoteParagraph.id.in_([h.ref_id for h in themed]))
            )
            for c in (c or [])
        }
        theme = sorted(note_themes)[0]
        by_theme = search.search(s, "bestuur", limit=500, filters=SearchFilters(theme_code=theme))
        assert by_theme and all(h.source == "note" for h in by_theme)
        assert all(h.visit_id and h.conversation_id for h in by_theme)  # results know where to open
