"""Full-text search: diacritics folded, prefixes, hostile query text, soft deletes."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from inspectorapp.domain.drafts import ParagraphDraft, SignalDraft
from inspectorapp.domain.enums import SignalKind, Valence
from inspectorapp.services import notes, search, signals
from storage import models as m
from storage.engine import Store

from . import helpers


def test_search_folds_diacritics_and_finds_notes_and_signals(store: Store, ctx) -> None:
    with store.transaction() as s:
        org, conv = helpers.conversation(s, ctx)
        n1 = notes.add_paragraph(
            s, ctx, conv, ParagraphDraft(text="De cliëntenraad voelt zich niet gehoord")
        ).value
        sig = signals.capture_signal(
            s,
            ctx,
            SignalDraft(
                organisation_id=org,
                kind=SignalKind.SOFT,
                valence=Valence.NEGATIVE,
                observation="Coördinatie van de nachtzorg ontbreekt",
                quote="Wij hebben alles op orde",
            ),
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
        note = notes.add_paragraph(s, ctx, conv, ParagraphDraft(text="Overdracht tussen diensten")).value
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


def test_hits_name_their_inspection_and_organisation(store: Store, ctx) -> None:
    with store.transaction() as s:
        org, conv = helpers.conversation(s, ctx)
        note = notes.add_paragraph(s, ctx, conv, ParagraphDraft(text="De nachtdienst is onderbezet")).value
        sig = signals.capture_signal(
            s,
            ctx,
            SignalDraft(
                organisation_id=org,
                kind=SignalKind.SOFT,
                valence=Valence.NEGATIVE,
                observation="Nachtdienst alleen",
            ),
        ).value
    with store.session() as s:
        hits = {h.ref_id: h for h in search.search(s, "nachtdienst")}
    assert set(hits) == {note.id, sig.id}
    assert hits[note.id].inspection_title == "Testinspectie"
    assert hits[note.id].organisation == "Ziekenhuis Test"  # the inspection's subject
    assert hits[sig.id].organisation == "Ziekenhuis Test"  # the signal's own


def test_match_spans_follow_the_query_rules_and_the_snippet_keeps_the_match() -> None:
    text = "De cliëntenraad voelt zich niet gehoord; de VIM-map is leeg. Coördinatie ontbreekt."
    words = lambda q: [text[a:b] for a, b in search.match_spans(q, text)]  # noqa: E731
    assert words("CLIENTENRAAD") == ["cliëntenraad"]
    assert words("vim-map") == ["VIM", "map"]
    assert words("coörd*") == ["Coördinatie"]
    assert words("coörd") == []  # whole words unless a prefix is asked for
    assert words("nac*") == []  # too short a prefix is a plain word
    long = "opvulling " * 60 + "de cliëntenraad zegt" + " einde" * 60
    shown, spans = search.snippet(long, search.match_spans("clientenraad", long))
    assert len(shown) <= 242 and shown.startswith("…") and shown.endswith("…")
    assert [shown[a:b] for a, b in spans] == ["cliëntenraad"]


def test_results_show_where_and_highlight_the_match(qtbot) -> None:
    from datetime import UTC, datetime

    from inspectorapp.domain.snapshots import SearchHit
    from ui.search_view import HTML_ROLE, SearchView

    view = SearchView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    view.field.setText("gehoord")
    hit = SearchHit(
        "note",
        "n1",
        "De cliëntenraad voelt zich niet <gehoord>",
        "i1",
        None,
        datetime(2026, 3, 12, 9, tzinfo=UTC),
        0.0,
        "v1",
        "c1",
        inspection_title="Risicotoezicht Ziekenhuis A",
        organisation="Ziekenhuis A",
    )
    view.show_hits("gehoord", [hit])
    item = view.results.item(0)
    assert "Risicotoezicht Ziekenhuis A" in item.text() and "Ziekenhuis A" in item.text()
    html = item.data(HTML_ROLE)
    assert '<span style="background-color:#ffe58a;color:#000;">gehoord</span>' in html
    assert "&lt;" in html  # the text is escaped, never markup
    assert view.results.visualItemRect(item).height() >= 2 * view.fontMetrics().height()
    view.grab().save("/tmp/h5-search-view.png")


def test_opening_a_result_moves_the_navigation_and_the_way_back(qtbot, tmp_path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from inspectorapp.bootstrap import build_main_window
    from inspectorapp.paths import app_paths

    from .test_app_window import _create, _wait_rows

    w = build_main_window(QApplication.instance(), app_paths(tmp_path / "home").ensure())
    qtbot.addWidget(w)
    w.show()
    try:
        _create(qtbot, w)
        _wait_rows(qtbot, w, 4)
        qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        shell = w.shell
        qtbot.keyClicks(shell.search.field, "bestuur")
        qtbot.waitUntil(lambda: shell.search.results.count() > 3, timeout=10000)
        hits = shell.search._hits
        rows = [r for r in range(shell.search.results.count())]
        row = next(
            r for r in rows if hits[shell.search.results.item(r).data(Qt.ItemDataRole.UserRole)].visit_id
        )
        hit = hits[shell.search.results.item(row).data(Qt.ItemDataRole.UserRole)]
        assert hit.inspection_title in shell.search.results.item(row).text()
        # A different inspection on the inspection page first: "back" must not go there.
        other = next(
            shell.inspections.row_at(r).id
            for r in range(shell.inspections.rowCount())
            if shell.inspections.row_at(r).id != hit.inspection_id
        )
        w.open_inspection(other)
        qtbot.waitUntil(lambda: shell.inspection_page.detail is not None, timeout=10000)
        w._focus_search()
        assert shell.nav.currentRow() == shell.PAGES.index("search")
        shell.search.results.setCurrentRow(row)
        qtbot.keyClick(shell.search.results, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: shell.pages.currentWidget() is shell.visit_page, timeout=10000)
        qtbot.waitUntil(lambda: shell.visit_page.data is not None, timeout=10000)
        assert shell.visit_page.data.visit_id == hit.visit_id
        assert shell.nav.currentRow() == shell.PAGES.index("inspections")
        qtbot.waitUntil(lambda: shell.inspection_page.detail.id == hit.inspection_id, timeout=10000)
        shell.visit_page.back_requested.emit()
        assert shell.pages.currentWidget() is shell.inspection_page
        assert shell.inspection_page.detail.id == hit.inspection_id
    finally:
        w.lock()
