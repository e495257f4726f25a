"""First start: Enter submits the form from whichever field the inspector is in."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from inspectorapp.bootstrap import build_main_window
from inspectorapp.paths import app_paths
from ui.main_window import MainWindow
from ui.unlock_page import UnlockPage

from .conftest import PASSPHRASE


def _fill(qtbot, page: UnlockPage) -> None:
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.repeat, PASSPHRASE)
    qtbot.keyClicks(page.name, "Inspecteur De Vries")


@pytest.mark.parametrize("field", ["passphrase", "repeat", "name", "demo"])
@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_in_any_field_submits_the_first_start_form_once(qtbot, field: str, key: Qt.Key) -> None:
    page = UnlockPage(creating=True)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    _fill(qtbot, page)
    page.demo.setChecked(False)
    sent: list[tuple[str, str, bool, str]] = []
    page.create_requested.connect(lambda *args: sent.append(args))
    widget: QWidget = getattr(page, field)
    widget.setFocus()
    qtbot.keyClick(widget, key)
    assert sent == [(PASSPHRASE, PASSPHRASE, False, "Inspecteur De Vries")]


def test_enter_unlocks_from_the_passphrase_field(qtbot) -> None:
    page = UnlockPage(creating=False)
    qtbot.addWidget(page)
    sent: list[str] = []
    page.unlock_requested.connect(sent.append)
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert sent == [PASSPHRASE]


def test_enter_in_the_name_field_creates_the_store_in_the_app(qtbot, tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "home").ensure()
    w: MainWindow = build_main_window(QApplication.instance(), paths)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    try:
        page = w.unlock_page
        _fill(qtbot, page)
        page.demo.setChecked(False)
        qtbot.keyClick(page.name, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: w.workspace is not None, timeout=20000)
        assert paths.store_file.exists()
        assert w.settings.inspector_name == "Inspecteur De Vries"
    finally:
        w.lock()


def test_qt_own_texts_are_dutch_with_the_dutch_language(qtbot) -> None:
    """File dialogs and standard buttons come from Qt's qtbase_nl.qm, not from our file."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog, QLabel

    from inspectorapp.bootstrap import Translations, qt_translation_dirs

    assert any((d / "qtbase_nl.qm").is_file() for d in qt_translation_dirs())
    app = QApplication.instance()
    translations = Translations(app)
    try:
        translations.set_language("nl")
        assert QCoreApplication.translate("QFileDialog", "File &name:") == "Bestands&naam:"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
        dialog = QFileDialog(None, "Exporteren")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        texts = {label.text() for label in dialog.findChildren(QLabel)}
        assert "Bestands&naam:" in texts
        translations.set_language("en")
        assert QCoreApplication.translate("QFileDialog", "File &name:") == "File &name:"
    finally:
        translations.set_language("nl")
