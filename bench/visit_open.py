"""Open a visit with 500 notes and 300 signals: ≤ 200 ms to first paint (DESIGN.md).

    python -m bench.visit_open [--opens 40] [--paragraphs N] [--signals N] [--force]

Store: the generated store of the given size (bench/generate.py), copied, with the
bundled framework loaded (``frameworks.ensure_bundled``, a no-op when the store was made
by ``create_store``) and one more inspection with two visits. Each visit has four
conversations with framework conversation types and 2-5 participants; the first (the
one the page opens, a one-to-one conversation, so the note editor shows it) has 500
note paragraphs of 10-120 words (bench/words.py), speakers as framework person_role
codes; the visit has 300 signals over its conversations, 30 % linked to a paragraph.
Cached as ``bench/.cache/visit-<size>-r<schema>-g<generator>-v<version>/``; every run
unlocks a copy in ``bench/.cache/work/`` (unlocking may write: migrations, frameworks).

App, in this process with offscreen Qt: the store is unlocked with ``Workspace.unlock``
(its single database thread), a ``VisitPage`` (app style, 1180×760) is shown, then
``VisitPage.open_visit(visit_id)`` is timed until *first paint*, defined as:
``NoteEditor.load`` has returned with the first conversation's 500 paragraphs (the
document holds 500 blocks) and then ``page.grab()`` has returned. ``grab()`` renders
the whole page and its children (heading, both lists, the editor's visible paragraphs,
the gutter) synchronously: the work of the paint the event loop would do next, without
the platform's update-timer latency (``repaint()`` turned out not to paint reliably on
the offscreen platform). Every open is checked: 500 blocks, 500 paragraphs, 300 signal
items, a paint event on the editor's viewport during ``grab()``. In between, the real
path runs unchanged and the event loop runs as in the app (so the page's intermediate
layout and paint after ``show_visit``, and the lists' delayed layouts, count if they
happen before the paragraphs arrive): ``visits.visit_workspace`` on the database thread,
result posted to the GUI thread, ``show_visit`` fills the lists and selects the first
conversation, ``notes.list_paragraphs`` on the database thread, ``NoteEditor.load``.
``show_visit``, ``editor.load`` and ``workspace.submit`` are wrapped on the instances
only to take timestamps (printed as a timeline). Opens alternate between the two
visits, so the widgets never already hold the text.

Floor (the raw work), same run, interleaved open by open, same visits: the same rows
(visit, inspection, conversation types, conversations, participants, signals with their
organisation, subject organisations, the paragraphs) fetched with plain SQL on a raw
SQLCipher connection (``connect_raw``, same file), then ``QPlainTextEdit.setPlainText``
of the same text in a bare editor of the page editor's size and its ``grab()``.

The app's garbage collection set-up holds throughout: ``ui.gc_guard``'s collector (automatic
collection off, a GUI-thread timer collecting every 500 ms), as ``inspectorapp.bootstrap``
installs it.

Median and p95 over ``opens`` (≥ 10) after one discarded warm-up open per visit. The
budget is absolute (p95 ≤ 200 ms); the ratio to the floor is printed for information.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QObject,
    QSize,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from inspectorapp.domain.snapshots import NoteSnapshot
from inspectorapp.domain.visit_views import VisitWorkspace
from inspectorapp.paths import app_paths
from inspectorapp.workspace import Workspace
from storage.engine import connect_raw
from ui import gc_guard, style
from ui.visit_page import VisitPage

from .common import (
    CACHE,
    PASSPHRASE,
    Result,
    Size,
    add_size_args,
    fresh_copy,
    median,
    ms,
    percentile,
    print_result,
    size_from,
)
from .visit_store import NOTES, SIGNALS, VisitStore, ensure_visit_store

BUDGET_S = 0.200
WIDTH, HEIGHT = 1180, 760  # the main window's default size
TIMEOUT_MS = 60_000
OPENS = 40  # p95 of 40 is the third slowest open

FLOOR_QUERIES = (
    (
        "SELECT v.id, v.visit_date, v.location, v.inspection_id, i.title, i.framework_version_id"
        " FROM visit v JOIN inspection i ON i.id = v.inspection_id WHERE v.id = ?"
    ),
    (
        "SELECT code, label_nl, label_en, attributes FROM taxonomy_item"
        " WHERE framework_version_id = ? AND taxonomy = 'conversation_type'"
    ),
    (
        "SELECT id, conversation_type, title, starts_at FROM conversation"
        " WHERE visit_id = ? AND deleted_at IS NULL ORDER BY starts_at, created_at"
    ),
    (
        "SELECT conversation_id, label, role_code FROM participant WHERE deleted_at IS NULL"
        " AND conversation_id IN (SELECT id FROM conversation WHERE visit_id = ?) ORDER BY position"
    ),
    (
        "SELECT s.id, o.name, s.kind, s.valence, s.observation, s.status, s.observed_at FROM signal s"
        " JOIN organisation o ON o.id = s.organisation_id"
        " WHERE s.visit_id = ? AND s.deleted_at IS NULL ORDER BY s.observed_at"
    ),
    (
        "SELECT o.id, o.name FROM inspection_subject x JOIN organisation o ON o.id = x.organisation_id"
        " WHERE x.inspection_id = ? AND x.deleted_at IS NULL ORDER BY x.created_at"
    ),
    (
        "SELECT id, position, occurred_at, kind, text FROM note_paragraph"
        " WHERE conversation_id = ? AND deleted_at IS NULL ORDER BY position"
    ),
)
# The app's signal query (visits.visit_workspace) as SQL, to show its plan next to the floor's.
APP_SIGNAL_SQL = (
    "SELECT s.id FROM signal s JOIN organisation o ON o.id = s.organisation_id"
    " WHERE (s.visit_id = ? OR s.conversation_id IN ({})) AND s.deleted_at IS NULL ORDER BY s.observed_at"
)


# ----- measuring ------------------------------------------------------------------------
def now() -> float:
    return time.perf_counter()


@dataclass
class Marks:
    """perf_counter stamps of one app open (0.0 = not reached)."""

    started: float = 0.0  # open_visit called
    visit_db0: float = 0.0  # visits.visit_workspace starts on the database thread
    visit_db1: float = 0.0  # ... returns (the commit follows)
    visit_data: float = 0.0  # show_visit called on the GUI thread with its result
    lists: float = 0.0  # show_visit returned (lists filled, first conversation requested)
    notes_db0: float = 0.0  # notes.list_paragraphs starts on the database thread
    notes_db1: float = 0.0  # ... returns
    notes_data: float = 0.0  # editor.load called with its result
    loaded: float = 0.0  # editor.load returned: the document holds the paragraphs
    painted: float = 0.0  # page.grab() returned: first paint done


TIMELINE = (
    ("db thread: visits.visit_workspace starts", "visit_db0"),
    ("db thread: visits.visit_workspace returns", "visit_db1"),
    ("GUI: show_visit called (commit + delivery)", "visit_data"),
    ("db thread: notes.list_paragraphs starts", "notes_db0"),
    ("GUI: show_visit returns (lists filled)", "lists"),
    ("db thread: notes.list_paragraphs returns", "notes_db1"),
    ("GUI: NoteEditor.load called", "notes_data"),
    ("GUI: NoteEditor.load returns", "loaded"),
    ("GUI: page.grab() returns = first paint", "painted"),
)
DB_MARKS = {"visit_workspace": ("visit_db0", "visit_db1"), "list_paragraphs": ("notes_db0", "notes_db1")}


def _quiet(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """The offscreen platform warns on every window geometry change; keep the rest."""
    if "propagateSizeHints" not in message:
        sys.stderr.write(message + "\n")


def _qt_app() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    qInstallMessageHandler(_quiet)
    return QApplication(["bench-visit-open"])


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


class AppSide:
    """A shown VisitPage on an unlocked workspace; ``open`` times one open_visit.

    Instrumentation only: ``show_visit``, ``editor.load`` and ``workspace.submit`` are
    wrapped on the instances (the page looks them up when it calls them) to take
    timestamps; what they do is unchanged."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.page = VisitPage(workspace)
        self.page.resize(WIDTH, HEIGHT)
        self.page.show()
        self.counter = PaintCounter()
        self.page.editor.viewport().installEventFilter(self.counter)
        self.marks = Marks()
        self.expect = ""
        self.loop: QEventLoop | None = None
        self.viewport_paints = 0
        self._show_visit = self.page.show_visit
        self._load = self.page.editor.load
        self._submit = workspace.submit
        self.page.show_visit = self._on_visit  # type: ignore[method-assign]
        self.page.editor.load = self._on_load  # type: ignore[method-assign]
        workspace.submit = self._on_submit  # type: ignore[method-assign]

    def restore(self) -> None:
        for obj, name in ((self.page, "show_visit"), (self.page.editor, "load"), (self.workspace, "submit")):
            obj.__dict__.pop(name, None)

    def _on_submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future[Any]:
        stamps = DB_MARKS.get(getattr(fn, "__name__", ""))
        if stamps is None:
            return self._submit(fn, *args, **kwargs)
        marks = self.marks

        def timed(session: Any, *a: Any, **k: Any) -> Any:
            setattr(marks, stamps[0], now())
            try:
                return fn(session, *a, **k)
            finally:
                setattr(marks, stamps[1], now())

        return self._submit(timed, *args, **kwargs)

    def _on_visit(self, data: VisitWorkspace) -> None:
        self.marks.visit_data = now()
        self._show_visit(data)
        self.marks.lists = now()

    def _on_load(self, conversation_id: str, notes: list[NoteSnapshot]) -> None:
        self.marks.notes_data = now()
        self._load(conversation_id, notes)
        self.marks.loaded = now()
        if conversation_id == self.expect and self.loop is not None:
            before = self.counter.count
            painted = self.page.grab()
            self.marks.painted = now()
            self.viewport_paints = 0 if painted.isNull() else self.counter.count - before
            self.loop.quit()

    def open(self, visit_id: str, conversation_id: str) -> Marks:
        self.marks, self.expect, self.loop = Marks(), conversation_id, QEventLoop()
        QTimer.singleShot(TIMEOUT_MS, self.loop.quit)
        self.marks.started = now()
        self.page.open_visit(visit_id)
        self.loop.exec()
        self.loop = None
        marks = self.marks
        if not marks.painted:
            raise RuntimeError(f"{visit_id} not painted in {TIMEOUT_MS} ms: {self.page.save_status.text()!r}")
        editor = self.page.editor
        got = (editor.document().blockCount(), len(editor.paragraphs()), self.page.signals.count())
        if got != (NOTES, NOTES, SIGNALS) or self.viewport_paints < 1:
            raise RuntimeError(
                f"{visit_id}: (blocks, paragraphs, signals) {got}, paints {self.viewport_paints}"
            )
        return marks


class FloorSide:
    """Plain SQL on a raw connection + a bare QPlainTextEdit of the page editor's size."""

    def __init__(self, path: Path, editor_size: QSize) -> None:
        self.conn = connect_raw(path, PASSPHRASE)
        self.edit = QPlainTextEdit()
        self.edit.resize(editor_size)
        self.edit.show()

    def fetch(self, visit_id: str) -> tuple[str, list[tuple[Any, ...]], int]:
        """The rows the page shows; returns the first conversation, its paragraphs, #signals."""
        visit_sql, types_sql, convs_sql, people_sql, signals_sql, subjects_sql, notes_sql = FLOOR_QUERIES
        visit = self.conn.execute(visit_sql, (visit_id,)).fetchone()
        self.conn.execute(types_sql, (visit[5],)).fetchall()
        convs = self.conn.execute(convs_sql, (visit_id,)).fetchall()
        self.conn.execute(people_sql, (visit_id,)).fetchall()
        signals = self.conn.execute(signals_sql, (visit_id,)).fetchall()
        self.conn.execute(subjects_sql, (visit[3],)).fetchall()
        paragraphs = self.conn.execute(notes_sql, (convs[0][0],)).fetchall()
        return str(convs[0][0]), paragraphs, len(signals)

    def open(self, visit_id: str) -> tuple[float, float]:
        """(fetch seconds, total seconds) of one open."""
        started = now()
        _conv, paragraphs, n_signals = self.fetch(visit_id)
        fetched = now()
        self.edit.setPlainText("\n".join(str(r[4]) for r in paragraphs))
        pixmap = self.edit.grab()
        painted = now()
        got = (len(paragraphs), n_signals, self.edit.document().blockCount(), pixmap.isNull())
        if got != (NOTES, SIGNALS, NOTES, False):
            raise RuntimeError(f"floor of {visit_id}: (paragraphs, signals, blocks, no pixmap) {got}")
        return fetched - started, painted - started

    def close(self) -> None:
        self.edit.close()
        self.edit.deleteLater()
        self.conn.close()


def _timed(fn: Callable[[], object], times: int = 5) -> float:
    samples = []
    for _ in range(times):
        started = now()
        fn()
        samples.append(now() - started)
    return median(samples)


def _diagnose(workspace: Workspace, floor: FloorSide, store: VisitStore) -> list[str]:
    """Outside the timings: the service calls alone and the signal query's plan."""
    from inspectorapp.services import notes, visits

    visit_id, conv_id = store.visits[0], store.first_conversations[0]
    conn = floor.conn
    conv_ids = [r[0] for r in conn.execute("SELECT id FROM conversation WHERE visit_id = ?", (visit_id,))]
    app_sql = APP_SIGNAL_SQL.format(", ".join("?" * len(conv_ids)))
    floor_sql = FLOOR_QUERIES[4]
    signal_ids = [r[0] for r in conn.execute("SELECT id FROM signal WHERE visit_id = ?", (visit_id,))]
    by_pk_sql = floor_sql.replace("s.visit_id = ?", f"s.id IN ({', '.join('?' * len(signal_ids))})")
    total = conn.execute("SELECT count(*) FROM signal").fetchone()[0]
    timed = (
        ("db thread round trip, empty function", lambda: workspace.call(_noop)),
        (
            "visits.visit_workspace via the db thread",
            lambda: workspace.call(visits.visit_workspace, visit_id),
        ),
        ("notes.list_paragraphs via the db thread", lambda: workspace.call(notes.list_paragraphs, conv_id)),
        (
            "signal query, raw SQL, app's WHERE",
            lambda: conn.execute(app_sql, (visit_id, *conv_ids)).fetchall(),
        ),
        ("signal query, raw SQL, floor's WHERE", lambda: conn.execute(floor_sql, (visit_id,)).fetchall()),
        (
            "same 300 signals by primary key (≈ indexed)",
            lambda: conn.execute(by_pk_sql, signal_ids).fetchall(),
        ),
    )
    lines = [f"  outside the timings, median of 5 ({total:,} signals in the store):"]
    lines += [f"    {label:<46} {ms(_timed(fn))}" for label, fn in timed]
    for name, sql, args in (("app", app_sql, (visit_id, *conv_ids)), ("floor", floor_sql, (visit_id,))):
        plan = "; ".join(str(r[-1]) for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}", args))
        lines.append(f"    plan of the {name} signal query: {plan}")
    return lines


def _noop(session: object) -> None:
    return None


def run(size: Size, opens: int = OPENS) -> Result:
    opens = max(opens, 10)
    store = ensure_visit_store(size)
    home = CACHE / "work" / "visit_open"
    shutil.rmtree(home, ignore_errors=True)
    (home / "data").mkdir(parents=True)
    copy = fresh_copy(store.path, "visit_open/data/veldwerk.db")
    app = _qt_app()
    style.apply(app)
    # The app's GC set-up (inspectorapp.bootstrap installs ui.gc_guard): no automatic
    # collection, a GUI-thread timer collects generation by generation. Our own instance,
    # stopped afterwards, so the benchmarks that run after this one get Python's default back.
    gc_was_enabled = gc.isenabled()
    collector = gc_guard.GarbageCollector(app)
    started = now()
    workspace = Workspace.unlock(app_paths(home), PASSPHRASE, "bench")
    unlock_s = now() - started
    side: AppSide | None = None
    floor: FloorSide | None = None
    app_s: list[float] = []
    floor_s: list[float] = []
    fetch_s: list[float] = []
    phases: list[Marks] = []
    cold: list[float] = []
    try:
        side = AppSide(workspace)
        app.processEvents()
        floor = FloorSide(copy, side.page.editor.size())
        app.processEvents()
        pairs = list(zip(store.visits, store.first_conversations, strict=True))
        for i in range(opens + len(pairs)):
            visit_id, conv_id = pairs[i % len(pairs)]
            marks = side.open(visit_id, conv_id)
            app.processEvents()
            fetched, total = floor.open(visit_id)
            app.processEvents()
            if i < len(pairs):  # one warm-up per visit: lazy imports, statement caches
                cold.append(marks.painted - marks.started)
                continue
            app_s.append(marks.painted - marks.started)
            phases.append(marks)
            floor_s.append(total)
            fetch_s.append(fetched)
        diagnosis = _diagnose(workspace, floor, store)
    finally:
        if side is not None:
            side.restore()
            side.page.close()
            side.page.deleteLater()
        if floor is not None:
            floor.close()
        app.processEvents()
        workspace.close()
        shutil.rmtree(home, ignore_errors=True)
        collector.timer.stop()
        collector.deleteLater()
        if gc_was_enabled:
            gc.enable()
    med, p95 = median(app_s), percentile(app_s, 95)
    f_med, f_p95 = median(floor_s), percentile(floor_s, 95)
    counts = store.meta["counts"]
    print(
        f"  store {store.meta['from']} + 2 visits ({counts['note_paragraph']:,} paragraphs,"
        f" {counts['signal']:,} signals in all); Workspace.unlock {ms(unlock_s)}"
    )
    print(f"  {opens} opens after {len(cold)} warm-ups (first opens: {', '.join(ms(c) for c in cold)})")
    print("  app timeline, median ms after open_visit (db thread and GUI thread overlap):")
    for label, mark in TIMELINE:
        print(f"    {label:<46} {median([getattr(m, mark) - m.started for m in phases]) * 1000:8.2f}")
    slowest = sorted(phases, key=lambda m: m.painted - m.started)[-3:]
    print(
        "  slowest opens (visit_workspace | list_paragraphs on the db thread | rest): "
        + "; ".join(
            f"{ms(m.painted - m.started)} ({ms(m.visit_db1 - m.visit_db0)} | {ms(m.notes_db1 - m.notes_db0)}"
            f" | {ms(m.painted - m.started - (m.visit_db1 - m.visit_db0) - (m.notes_db1 - m.notes_db0))})"
            for m in reversed(slowest)
        )
    )
    print(
        f"  floor  SQL + setPlainText + paint  median {ms(f_med)}  p95 {ms(f_p95)}"
        f"  (SQL alone median {ms(median(fetch_s))})"
    )
    print(
        f"  app    open_visit to first paint   median {ms(med)}  p95 {ms(p95)}"
        f"  (median ratio {med / f_med:.2f}×)"
    )
    print("\n".join(diagnosis))
    print(f"  DESIGN.md: ≤ {ms(BUDGET_S)} to first paint (absolute)")
    return Result(
        name="visit_open",
        measured=f"p95 {ms(p95)} (median {ms(med)})",
        baseline=f"raw SQL + setPlainText + paint p95 {ms(f_p95)} (median {ms(f_med)})",
        ratio=p95 / f_p95,
        budget=f"p95 ≤ {ms(BUDGET_S)} absolute",
        passed=p95 <= BUDGET_S,
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.visit_open", description=__doc__.splitlines()[0])
    p.add_argument("--opens", type=int, default=OPENS, help="at least 10")
    add_size_args(p)
    p.add_argument("--force", action="store_true", help="rebuild the cached visit store")
    args = p.parse_args(argv)
    size = size_from(args)
    if args.force:
        ensure_visit_store(size, force=True)
    print_result(run(size, args.opens))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
