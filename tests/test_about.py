"""The version (one source: pyproject.toml) and the "Over Veldwerk" dialog."""

from __future__ import annotations

import email.message
import tomllib
from importlib.metadata import PackageMetadata
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QTableWidgetItem
from pytestqt.qtbot import QtBot

import inspectorapp
from inspectorapp.cli import main
from inspectorapp.paths import app_paths
from ui.about_dialog import AboutDialog, bundled_parts, licence_of
from ui.settings_dialog import SettingsDialog

from .conftest import ROOT


def _pyproject_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def test_version_is_the_one_in_pyproject(capsys: pytest.CaptureFixture[str]) -> None:
    assert inspectorapp.__version__ == _pyproject_version()
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"veldwerk {_pyproject_version()}"


def _meta(**fields: str | list[str]) -> PackageMetadata:
    meta = email.message.Message()
    for key, value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            meta[key.replace("_", "-")] = one
    return cast(PackageMetadata, meta)  # what importlib.metadata returns is such a Message


def test_licence_prefers_spdx_then_a_short_field_then_classifiers() -> None:
    mit = "License :: OSI Approved :: MIT License"
    assert licence_of(_meta(License_Expression="MIT", License="long text"), "x") == "MIT"
    assert licence_of(_meta(License="MPL-2.0", Classifier=[mit]), "x") == "MPL-2.0"
    long_field = "BSD license (see license.txt for details), Copyright (c) 2000-2024 ReportLab Europe"
    assert licence_of(_meta(License=long_field, Classifier=[mit]), "x") == "MIT License"
    assert licence_of(_meta(), "sqlcipher3") == "Zlib"


def test_bundled_parts_name_the_licences_of_what_ships() -> None:
    parts = {part.name: part for part in bundled_parts()}
    assert "veldwerk" not in parts  # the app itself is the dialog's title, not a part
    assert "LGPL-3.0-only" in parts["PySide6_Essentials"].licence
    assert parts["Qt"].licence == "LGPL-3.0-only"
    assert parts["SQLCipher (in sqlcipher3)"].licence == "BSD-3-Clause"
    assert parts["SQLAlchemy"].licence == "MIT"
    assert "BSD" in parts["reportlab"].licence
    assert parts["sqlcipher3"].licence == "Zlib" and parts["sqlcipher3"].licence_files
    assert parts["DejaVu fonts"].licence_files[0].name == "LICENSE-DejaVu.txt"
    assert not [name for name in ("pytest", "hypothesis", "mypy") if name in parts]  # extras are not shipped


def test_about_dialog_shows_version_store_and_parts_and_fits(qtbot: QtBot, tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "home")
    dialog = AboutDialog(paths)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    title = dialog.findChild(type(dialog.store_label), "aboutTitle")
    assert title is not None
    version_text = QCoreApplication.translate("AboutDialog", "Version {0}").format(_pyproject_version())
    assert version_text in title.text()
    assert dialog.store_label.text() == str(paths.store_file)

    def cell(row: int, column: int) -> str:
        item = dialog.table.item(row, column)
        assert isinstance(item, QTableWidgetItem)
        return item.text()

    names = [cell(row, 0) for row in range(dialog.table.rowCount())]
    assert "SQLAlchemy" in names and "Qt" in names
    assert cell(names.index("SQLAlchemy"), 2) == "MIT"
    assert dialog.windowTitle() == QCoreApplication.translate("AboutDialog", "About Veldwerk")
    assert dialog.width() <= 1366 - 16 and dialog.height() <= 768 - 72
    dialog.grab().save(str(tmp_path / "about.png"))


def test_settings_opens_about_with_the_running_store(qtbot: QtBot, tmp_path: Path) -> None:
    from inspectorapp import settings as settings_io

    paths = app_paths(tmp_path / "home")
    dialog = SettingsDialog(settings_io.Settings(), None, paths)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.about_button.text() == QCoreApplication.translate("SettingsDialog", "About Veldwerk…")
    qtbot.mouseClick(dialog.about_button, Qt.MouseButton.LeftButton)
    about = dialog.findChild(AboutDialog)
    assert about is not None
    qtbot.waitUntil(about.isVisible)
    assert about.store_label.text() == str(paths.store_file)
    about.close()
    QApplication.processEvents()
