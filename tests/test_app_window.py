"""The desktop app driven through its real widgets, offscreen."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from inspectorapp.bootstrap import Translations, build_main_window
from inspectorapp.paths import app_paths
from ui import idle as idle_module
from ui.inspection_table import InspectionTableModel
from ui.main_window import MainWindow

from .conftest import PASSPHRASE, ROOT

SHOTS = os.environ.get("VELDWERK_SCREENSHOTS")  # folder to write docs screenshots to
LAPTOP = QSize(1366, 768)  # the screen every window must fit; docs screenshots are taken at it


def laptop_size(w: QWidget) -> None:
    """Size a shown window so that with its frame it fills a 1366x768 screen."""
    w.resize(LAPTOP - (w.frameGeometry().size() - w.size()))


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    paths = app_paths(tmp_path / "home").ensure()
    app = QApplication.instance()
    w = build_main_window(app, paths)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    laptop_size(w)
    yield w
    w.lock()


def _create(qtbot, w: MainWindow, demo: bool = True) -> None:
    page = w.unlock_page
    assert page.creating
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.repeat, PASSPHRASE)
    qtbot.keyClicks(page.name, "Inspecteur De Vries")
    page.demo.setChecked(demo)
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)


def _wait_rows(qtbot, w: MainWindow, at_least: int) -> None:
    qtbot.waitUntil(lambda: w.shell is not None and w.shell.inspections.rowCount() >= at_least, timeout=20000)


def dutch_for_shots() -> None:
    """Screenshots for docs/ show the Dutch interface; a test that builds a bare widget (no main
    window, which sets the language) calls this before building it. Without SHOTS: no change."""
    app = QApplication.instance()
    if SHOTS and isinstance(app, QApplication):
        Translations(app).set_language("nl")


def _shot(w: QWidget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        w.grab().save(str(Path(SHOTS) / name))


def test_first_start_creates_store_loads_demo_and_lists_inspections(qtbot, window: MainWindow) -> None:
    w = window
    assert w.unlock_page.submit_button.text() == "Database aanmaken"  # Dutch by default
    _shot(w, "unlock-create.png")
    _create(qtbot, w)
    _wait_rows(qtbot, w, 4)
    assert w.stack.currentWidget() is w.shell
    titles = [w.shell.inspections.row_at(r).title for r in range(w.shell.inspections.rowCount())]
    assert any("Ziekenhuis A" in t for t in titles)
    assert any("ementie" in t for t in titles)  # the dementia network
    qtbot.waitUntil(lambda: "Demogegevens" in w.status_text.text(), timeout=5000)  # never synced
    header = w.shell.inspections.headerData(0, Qt.Orientation.Horizontal)
    assert header == "Titel"
    _shot(w, "inspections.png")


def test_lock_wrong_passphrase_then_unlock(qtbot, window: MainWindow) -> None:
    w = window
    _create(qtbot, w)
    _wait_rows(qtbot, w, 4)
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert w.workspace is None and w.stack.currentWidget() is w.unlock_page
    assert w.shell is None  # the workspace view and its snapshots are gone while locked
    page = w.unlock_page
    assert not page.creating and page.submit_button.text() == "Ontgrendelen"
    qtbot.keyClicks(page.passphrase, "helemaal fout")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.error.text() != "", timeout=10000)
    assert "wachtwoordzin" in page.error.text().lower()
    assert "Nothing was changed" not in page.error.text()
    _shot(w, "unlock-wrong-passphrase.png")
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    _wait_rows(qtbot, w, 4)


def test_auto_lock_after_idle_time(qtbot, window: MainWindow) -> None:
    w = window
    _create(qtbot, w, demo=False)
    qtbot.waitUntil(lambda: w.workspace is not None, timeout=10000)
    w.set_idle_limit_seconds(0.4)
    qtbot.waitUntil(lambda: w.workspace is None, timeout=5000)
    assert w.stack.currentWidget() is w.unlock_page


def test_activity_postpones_auto_lock(qtbot, window: MainWindow, monkeypatch) -> None:
    w = window
    _create(qtbot, w, demo=False)
    qtbot.waitUntil(lambda: w.workspace is not None, timeout=10000)
    # The watcher reads a clock the test moves: a stalled event loop on a loaded machine (the
    # check timer firing late, after more than the limit of real time) cannot lock the window,
    # and the real key events still go through the application's event filter.
    now = [1000.0]
    monkeypatch.setattr(idle_module, "time", SimpleNamespace(monotonic=lambda: now[0]))
    w.set_idle_limit_seconds(2.0)
    for _ in range(12):  # 18 s of clock in all, never 2 s without input
        now[0] += 1.5
        qtbot.wait(120)  # the check timer (every 0.5 s) runs in between
        assert w.shell is not None, "locked although there was input"
        qtbot.keyClick(w.shell.table, Qt.Key.Key_Down)
    assert w.workspace is not None
    now[0] += 2.1  # no input for longer than the limit: the next check locks
    qtbot.waitUntil(lambda: w.workspace is None, timeout=5000)
    assert w.stack.currentWidget() is w.unlock_page


def test_language_switch_at_runtime(qtbot, window: MainWindow) -> None:
    w = window
    page = w.unlock_page
    qtbot.mouseClick(page.lang_en, Qt.MouseButton.LeftButton)
    assert page.submit_button.text() == "Create database"
    assert w.settings.language == "en"
    qtbot.mouseClick(page.lang_nl, Qt.MouseButton.LeftButton)
    assert page.submit_button.text() == "Database aanmaken"


def test_search_everything_from_the_keyboard(qtbot, window: MainWindow) -> None:
    w = window
    _create(qtbot, w)
    _wait_rows(qtbot, w, 4)
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.shell.search.field.hasFocus()
    qtbot.keyClicks(w.shell.search.field, "bestuur")
    qtbot.waitUntil(lambda: w.shell.search.results.count() > 0, timeout=10000)
    _shot(w, "search.png")


def test_inspection_model_passes_qt_model_tester(qtmodeltester) -> None:
    from datetime import date

    from inspectorapp.domain.snapshots import InspectionRow

    model = InspectionTableModel()
    model.set_rows(
        [
            InspectionRow(
                "a",
                "Ziekenhuis A",
                ("Ziekenhuis A",),
                "risico",
                "veldwerk",
                "naleving",
                date(2026, 12, 1),
                None,
                7,
                "igj-starter 2026.1",
            ),
            InspectionRow(
                "b",
                "Netwerk",
                ("Dementienetwerk",),
                "netwerk",
                "voorbereiding",
                "agenderen_stimuleren",
                None,
                date(2026, 1, 2),
                0,
                "igj-starter 2026.1",
            ),
        ]
    )
    qtmodeltester.check(model)


def test_no_unlock_form_for_gui_layer_sql() -> None:
    """The UI package imports no database module (checked statically too, by import-linter)."""
    for path in (ROOT / "ui").glob("*.py"):
        source = path.read_text("utf-8")
        for forbidden in ("import sqlalchemy", "from sqlalchemy", "from storage", "import storage"):
            assert forbidden not in source, f"{path.name}: {forbidden}"


def test_bad_passphrase_on_create_gives_dutch_reasons_and_creates_nothing(qtbot, window: MainWindow) -> None:
    w = window
    page = w.unlock_page
    qtbot.keyClicks(page.passphrase, "kort")
    qtbot.keyClicks(page.repeat, "anders")
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.text() != "", timeout=10000)
    assert "te kort (minstens 8 tekens)" in page.error.text()
    assert "De twee wachtwoordzinnen verschillen." in page.error.text()
    assert not w.paths.store_file.exists()
    assert w.workspace is None and page.submit_button.isEnabled()


def test_validation_messages_are_translated(qtbot, window: MainWindow) -> None:
    from inspectorapp.errors import FieldIssue, ValidationError
    from ui.messages import message_for

    error = ValidationError(
        [
            FieldIssue("observation", "too_long", {"max": 100000, "actual": 100001}),
            FieldIssue("review_by", "invalid_date", {"value": "30-02-2026"}),
            FieldIssue("kind", "invalid_choice", {"value": "lauw"}),
        ]
    )
    text = message_for(error)
    assert "Waarneming is te lang (100001 tekens; hoogstens 100000)." in text
    assert "Herbeoordelen op: “30-02-2026” is geen geldige datum." in text
    assert "Soort: “lauw” is geen toegestane waarde." in text


def test_settings_dialog_changes_lock_time_language_and_name(qtbot, window: MainWindow) -> None:
    from inspectorapp import settings as settings_io
    from ui.settings_dialog import SettingsDialog

    w = window
    _create(qtbot, w, demo=False)
    qtbot.waitUntil(lambda: w.workspace is not None, timeout=10000)
    dialog = SettingsDialog(w.settings, w)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Instellingen"
    dialog.idle.setValue(0)
    assert dialog.idle.text() == "nooit"
    dialog.idle.setValue(1)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.name.setText("  Inspecteur Bakker ")
    w.apply_settings(dialog.result_settings())
    stored = settings_io.load(w.paths.settings_file)
    assert (stored.idle_lock_minutes, stored.language, stored.inspector_name) == (
        1,
        "en",
        "Inspecteur Bakker",
    )
    assert w.lock_button.text() == "Lock"
    assert w.idle._limit_s == 60


def test_f1_shows_every_shortcut_in_dutch(qtbot, window: MainWindow) -> None:
    w = window
    _create(qtbot, w, demo=False)
    qtbot.waitUntil(lambda: w.workspace is not None, timeout=10000)
    qtbot.keyClick(w, Qt.Key.Key_F1)
    overlay = w._help
    assert overlay is not None and overlay.isVisible()
    texts = {lab.text() for lab in overlay.findChildren(QLabel)}
    for key in ("Ctrl+N", "Ctrl+F", "Ctrl+Shift+S", "Ctrl+L", "Ctrl+Q", "Ctrl+1 … Ctrl+5", "h / z"):
        assert key in texts
    assert "Sneltoetsen" in texts
    for action in w.actions():  # every window action is listed in the overview
        shortcut = action.shortcut().toString()
        assert not shortcut or shortcut in texts or shortcut == "F1", shortcut
    _shot(w, "help-overlay.png")
    qtbot.keyClick(overlay, Qt.Key.Key_Escape)
    assert not overlay.isVisible()


def test_lock_closes_open_forms(qtbot, window: MainWindow) -> None:
    from ui.signal_capture import SignalCapture

    w = window
    _create(qtbot, w)
    _wait_rows(qtbot, w, 4)
    dialog = w.capture_signal()
    qtbot.waitUntil(lambda: dialog.organisation.count() > 0, timeout=5000)
    w.set_idle_limit_seconds(0.3)
    qtbot.waitUntil(lambda: w.workspace is None, timeout=5000)
    assert not any(d.isVisible() for d in w.findChildren(SignalCapture))


def test_app_main_window_and_about_show_the_veldwerk_icon(qtbot, tmp_path: Path) -> None:
    """run_gui's create_app gives the QApplication the icon of resources/icons; the main window
    (and the window the shell sees) inherits it at every size shipped, and About shows it."""
    from PySide6.QtGui import QIcon, QImage, QPixmap

    from inspectorapp.bootstrap import create_app
    from resources import path as resource_path
    from ui.about_dialog import AboutDialog

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # create_app names the shared test QApplication too: put it back for the tests after this one.
    before = (
        QIcon(app.windowIcon()),
        app.applicationName(),
        app.organizationName(),
        app.applicationDisplayName(),
        app.desktopFileName(),
    )
    argb = QImage.Format.Format_ARGB32
    try:
        assert create_app([]) is app  # the running QApplication, configured as the real start does
        paths = app_paths(tmp_path / "home").ensure()
        w = build_main_window(app, paths)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        handle = w.windowHandle()
        assert handle is not None
        for icon in (app.windowIcon(), w.windowIcon(), handle.icon()):
            assert not icon.isNull()
            shipped = {s.width() for s in icon.availableSizes()}
            assert {16, 24, 32, 48, 64, 128, 256} <= shipped, shipped
            for size in (16, 24, 32, 48, 64, 128, 256):
                pixmap = icon.pixmap(size, size)
                assert pixmap.width() == size and pixmap.height() == size
                drawn = pixmap.toImage().convertToFormat(argb)
                # read as a pixmap too: a pixmap keeps premultiplied alpha, and since PySide6
                # 6.11.3 that round trip moves a few half-transparent pixels by one step
                shipped_png = QPixmap(str(resource_path("icons", f"veldwerk-{size}.png")))
                expected = shipped_png.toImage().convertToFormat(argb)
                assert drawn == expected, f"{size} px is not resources/icons/veldwerk-{size}.png"

        about = AboutDialog(paths, w)
        qtbot.addWidget(about)
        about.show()
        qtbot.waitExposed(about)
        assert not about.windowIcon().isNull()
        pictures = [lab.pixmap() for lab in about.findChildren(QLabel) if not lab.pixmap().isNull()]
        assert len(pictures) == 1  # the header's icon
        header_icon = pictures[0].toImage().convertToFormat(argb)
        assert header_icon == app.windowIcon().pixmap(64, 64).toImage().convertToFormat(argb)
        about.close()
        w.lock()
    finally:
        app.setWindowIcon(before[0])
        app.setApplicationName(before[1])
        app.setOrganizationName(before[2])
        app.setApplicationDisplayName(before[3])
        app.setDesktopFileName(before[4])
