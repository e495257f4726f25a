"""Every string of the Dutch interface is translated, with one word per concept.

Three checks: (1) every literal source string the code hands to ``tr``/``translate``/
``QT_TRANSLATE_NOOP`` (found by walking the code's syntax tree, which also finds the calls
lupdate's Python parser misses) has a finished, non-empty Dutch translation in the .ts and in
the compiled .qm, and the .ts is what lupdate makes of the code now; (2) the vocabulary of
the translations (formal "u", "onderbouwing", "duiding", no anglicisms); (3) the main
screens opened in Dutch show no text that equals an English source string.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from .conftest import ROOT

TS = ROOT / "resources" / "translations" / "veldwerk_nl.ts"
QM = TS.with_suffix(".qm")
SOURCES = sorted([*(ROOT / "ui").glob("*.py"), ROOT / "inspectorapp" / "bootstrap.py"])


@dataclass(frozen=True)
class Found:
    context: str
    source: str
    plural: bool
    where: str


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def found_strings(path: Path) -> Iterator[Found]:
    """The translatable literals of one file, each with the context Qt looks it up in: the
    class for ``tr``/``QT_TR_NOOP``, the first argument for ``translate``/``QT_TRANSLATE_NOOP``."""
    tree = ast.parse(path.read_text("utf-8"))

    def walk(node: ast.AST, cls: str) -> Iterator[Found]:
        for child in ast.iter_child_nodes(node):
            yield from walk(child, child.name if isinstance(child, ast.ClassDef) else cls)
        if not isinstance(node, ast.Call):
            return
        name, args = _name(node.func), node.args
        where = f"{path.relative_to(ROOT)}:{node.lineno}"
        if name in ("tr", "QT_TR_NOOP") and args and (source := _literal(args[0])) is not None:
            yield Found(cls, source, name == "tr" and len(args) >= 3, where)
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
            context, source = _literal(args[0]), _literal(args[1])
            if context is not None and source is not None:
                yield Found(context, source, len(args) >= 4, where)

    yield from walk(tree, "")


@dataclass(frozen=True)
class Entry:
    forms: tuple[str, ...]
    kind: str | None  # unfinished, vanished, obsolete or None (finished)


def ts_entries(path: Path) -> dict[tuple[str, str], Entry]:
    entries = {}
    for context in ET.parse(path).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [n.text or "" for n in translation.iter("numerusform")] or [translation.text or ""]
            entries[(name, message.findtext("source") or "")] = Entry(tuple(forms), translation.get("type"))
    return entries


@pytest.fixture(scope="module")
def entries() -> dict[tuple[str, str], Entry]:
    return ts_entries(TS)


def test_every_source_string_in_the_code_has_a_finished_dutch_translation(
    entries: dict[tuple[str, str], Entry],
) -> None:
    found = [f for path in SOURCES for f in found_strings(path)]
    assert len(found) > 500  # the walk sees the code
    missing = sorted(
        {f"{f.where}: {f.context}|{f.source}" for f in found if (f.context, f.source) not in entries}
    )
    unfinished = sorted(
        {
            f"{f.where}: {f.context}|{f.source}"
            for f in found
            if (e := entries.get((f.context, f.source))) is not None
            and (e.kind is not None or not all(e.forms))
        }
    )
    assert not missing, "not in the .ts (run lupdate, see README):\n" + "\n".join(missing)
    assert not unfinished, "no finished Dutch translation:\n" + "\n".join(unfinished)


# The two helpers that translate strings marked elsewhere with QT_TRANSLATE_NOOP (literal
# contexts there): their own call passes the context on as a variable by design.
DYNAMIC_CONTEXT = {"ui/labels.py", "ui/signal_cards.py"}


def test_every_translate_call_names_its_context_literally() -> None:
    """A context in a variable, or ``translate`` called through an alias, is invisible to lupdate
    and to the walk above: its strings would stay English without any test noticing."""
    hidden = []
    for path in SOURCES:
        tree = ast.parse(path.read_text("utf-8"))
        where = str(path.relative_to(ROOT))
        aliases = {
            t.id
            for n in ast.walk(tree)
            if isinstance(n, ast.Assign)
            and isinstance(n.value, ast.Attribute)
            and n.value.attr == "translate"
            for t in n.targets
            if isinstance(t, ast.Name)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _name(node.func)
            if name in aliases:
                hidden.append(f"{where}:{node.lineno}: translate through the alias {name}()")
            elif (
                name in ("translate", "QT_TRANSLATE_NOOP")
                and isinstance(node.func, ast.Attribute | ast.Name)
                and not (
                    isinstance(node.func, ast.Attribute)
                    and node.func.attr == "translate"
                    and _name(node.func.value) not in ("QCoreApplication", "QApplication")
                )
                and _literal(node.args[0]) is None
                and where not in DYNAMIC_CONTEXT
            ):
                hidden.append(f"{where}:{node.lineno}: context is not a literal")
            elif name == "tr" and _literal(node.args[0]) is None:
                hidden.append(f"{where}:{node.lineno}: tr() of a non-literal")
    assert not hidden, "\n".join(hidden)


def test_the_ts_file_is_what_lupdate_makes_of_the_code_and_all_of_it_is_finished(tmp_path: Path) -> None:
    """No entry unfinished, vanished or obsolete, and no string lupdate would add or drop."""
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    files = [str(p.relative_to(ROOT)) for p in SOURCES]
    subprocess.run(
        [str(lupdate), *files, "-ts", str(copy), "-no-obsolete"], cwd=ROOT, check=True, capture_output=True
    )
    fresh, committed = ts_entries(copy), ts_entries(TS)
    assert sorted(set(fresh) ^ set(committed)) == [], "the .ts is behind the code: run lupdate and translate"
    # Judged on the committed file: lupdate reads QCoreApplication.translate(..., n) as a plain
    # message and so reopens those plurals; tools/fill_translations.py makes them plurals again.
    open_entries = sorted(
        f"{c}|{s} ({e.kind or 'empty'})" for (c, s), e in committed.items() if e.kind or not all(e.forms)
    )
    assert not open_entries, "\n".join(open_entries)
    singular = sorted(f"{c}|{s}" for (c, s), e in committed.items() if "%n" in s and len(e.forms) < 2)
    assert not singular, "a count without plural forms (run tools/fill_translations.py):\n" + "\n".join(
        singular
    )


def test_the_compiled_qm_holds_every_translation(entries: dict[tuple[str, str], Entry]) -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = []
    for (context, source), entry in entries.items():
        for n in (1, 2) if len(entry.forms) > 1 else (-1,):
            if not translator.translate(context, source, None, n):
                stale.append(f"{context}|{source}")
    assert not stale, "the .qm is older than the .ts: run tools/fill_translations.py\n" + "\n".join(stale)


# Words that must not appear in the Dutch interface: informal address, anglicisms, and the
# second term of a concept that has one ("onderbouwing", "duiding", as the PDF report says).
BANNED = re.compile(
    r"\b(je|jij|jou|jouw|jullie|support|batch|reddings\w*|records?|items?|bewijs|bewijsstuk\w*|interpretatie)\b",
    re.IGNORECASE,
)


def test_one_vocabulary_and_the_formal_address(entries: dict[tuple[str, str], Entry]) -> None:
    wrong = sorted(
        f"{c}|{s} -> {form}" for (c, s), e in entries.items() for form in e.forms if BANNED.search(form)
    )
    assert not wrong, "\n".join(wrong)


def test_note_kinds_and_evidence_kinds_keep_their_own_words(qapp: QApplication) -> None:
    """A note's observation is a waarneming; an observation score in an evidence list an
    observatie: one shared translation key had made both 'observatie'."""
    from inspectorapp.bootstrap import Translations
    from inspectorapp.domain.enums import EvidenceKind, NoteKind
    from ui import labels

    Translations(qapp).set_language("nl")
    assert labels.note_kind(NoteKind.OBSERVATION) == "waarneming"
    assert labels.note_kind(NoteKind.INTERPRETATION) == "duiding"
    assert labels.evidence_kind(EvidenceKind.OBSERVATION) == "observatie"
    assert labels.search_source("observation") == "observatie"
    Translations(qapp).set_language("en")
    assert (
        labels.note_kind(NoteKind.OBSERVATION)
        == labels.evidence_kind(EvidenceKind.OBSERVATION)
        == "observation"
    )
    Translations(qapp).set_language("nl")


# ----- the screens in Dutch ---------------------------------------------------------------------

# Texts that are the same in both languages (names, codes, formats) are never in ``_english``:
# their translation equals the source. These are shown as they are on purpose.
ALLOWED = {"Veldwerk", "JSON", "CSV", "PDF", "OK", "English", "Nederlands"}  # languages name themselves
PLACEHOLDER = re.compile(r"%L?n|\{\w*\}")


def _english(entries: dict[tuple[str, str], Entry]) -> list[re.Pattern[str]]:
    """A pattern per English source whose Dutch differs: what the screen shows if the
    translation was not applied (placeholders match any number or text)."""
    patterns = []
    for (_, source), entry in entries.items():
        if source in entry.forms or source in ALLOWED or len(PLACEHOLDER.sub("", source).strip()) < 3:
            continue
        parts = PLACEHOLDER.split(source)
        patterns.append(re.compile(".+?".join(re.escape(p) for p in parts), re.DOTALL))
    return patterns


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(widget, text) for every text a visible widget under ``root`` shows."""
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        name = f"{type(w).__name__}#{w.objectName()}"
        texts = [w.toolTip(), w.accessibleName()]
        if w.isWindow():
            texts.append(w.windowTitle())
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
            texts.append(w.placeholderText())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QListWidget):
            texts += [w.item(i).text() for i in range(w.count())]
        if isinstance(w, (QTableView, QTreeView)) and (model := w.model()) is not None:
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount(QModelIndex()))
            ]
        for text in texts:
            if text:
                yield name, re.sub(r"<[^>]+>", "", text)  # rich text: the words, not the markup


def untranslated(root: QWidget, patterns: list[re.Pattern[str]]) -> list[str]:
    return sorted(
        {
            f"{name}: {text!r}"
            for name, text in visible_texts(root)
            if any(p.fullmatch(text) for p in patterns)
        }
    )


def test_the_main_screens_in_dutch_show_no_english_source_text(
    qtbot: QtBot, tmp_path: Path, entries: dict[tuple[str, str], Entry]
) -> None:
    from inspectorapp.bootstrap import build_main_window
    from inspectorapp.paths import app_paths

    from .conftest import PASSPHRASE

    patterns = _english(entries)
    assert any(p.fullmatch("Lock") for p in patterns)  # the check can fail
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    w = build_main_window(app, app_paths(tmp_path / "home").ensure())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    seen: dict[str, list[str]] = {"unlock (create)": untranslated(w, patterns)}
    page = w.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.repeat, PASSPHRASE)
    qtbot.keyClicks(page.name, "Inspecteur De Vries")
    page.demo.setChecked(True)
    page.submit_button.click()
    qtbot.waitUntil(lambda: w.shell is not None and w.shell.inspections.rowCount() >= 4, timeout=30000)
    shell = w.shell
    assert shell is not None
    qtbot.waitUntil(lambda: "laden" not in w.status_text.text(), timeout=10000)  # the demo is in
    seen["inspections"] = untranslated(w, patterns)
    shell.show_page("search")
    seen["search"] = untranslated(w, patterns)
    shell.show_page("inspections")
    w.open_inspection(shell.inspections.row_at(0).id)
    qtbot.waitUntil(
        lambda: shell.inspection_page.detail is not None and shell.inspection_page.isVisible(), timeout=10000
    )
    tabs = shell.inspection_page.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.wait(300)  # each tab loads its own data
        seen[f"inspection tab {index}"] = untranslated(w, patterns)
    tabs.setCurrentIndex(0)
    visits = shell.inspection_page.visits
    if visits.count():
        visits.setCurrentRow(0)
        shell.open_visit(visits.item(0).data(Qt.ItemDataRole.UserRole))
        qtbot.waitUntil(lambda: shell.visit_page.data is not None, timeout=10000)
        qtbot.wait(200)
        seen["visit"] = untranslated(w, patterns)
    for label, opener in (
        ("new inspection", w.new_inspection),
        ("signal capture", lambda: w.capture_signal()),
        ("sync", w.open_sync),
    ):
        before = set(app.topLevelWidgets())
        opener()
        qtbot.wait(200)
        for dialog in set(app.topLevelWidgets()) - before:
            if dialog.isVisible():
                seen[label] = untranslated(dialog, patterns)
                dialog.close()
        for child in w.findChildren(QWidget):
            if child.isWindow() and child.isVisible() and child is not w:
                seen[label] = seen.get(label, []) + untranslated(child, patterns)
                child.close()
    w.lock()
    assert {"visit", "new inspection", "signal capture", "sync"} <= set(seen)  # every screen was looked at
    shown = {screen: texts for screen, texts in seen.items() if texts}
    assert not shown, "English on the Dutch screens:\n" + "\n".join(
        f"{screen}: {text}" for screen, texts in shown.items() for text in texts
    )
