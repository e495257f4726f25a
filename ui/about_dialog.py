"""'Over Veldwerk': the version, where the data lives, and the licences of the bundled parts.

The parts are read from package metadata at run time. In the PyInstaller bundle that is the
metadata build.spec copied for each distribution whose code it shipped; from a source or pip
install it is the closure of Veldwerk's own requirements. Parts without Python metadata (Qt,
SQLCipher, OpenSSL, fonts) are listed by hand.
"""

from __future__ import annotations

import platform
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import inspectorapp
from inspectorapp.paths import AppPaths
from resources import path as resource_path

from .dialogs import fit_to_screen

OWN_DISTRIBUTION = "veldwerk"
# Distributions whose metadata names no licence; read from their licence file.
LICENCE_OVERRIDES = {"sqlcipher3": "Zlib"}
LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice)", re.IGNORECASE)


@dataclass(frozen=True)
class Part:
    name: str
    version: str
    licence: str
    licence_files: tuple[Path, ...] = ()


def _native_parts() -> list[Part]:
    fonts = resource_path("fonts", "LICENSE-DejaVu.txt")
    return [
        Part("Python", platform.python_version(), "PSF-2.0"),
        Part("Qt", qVersion(), "LGPL-3.0-only"),
        Part("SQLite (in sqlcipher3)", "", "blessing (public domain)"),
        Part("SQLCipher (in sqlcipher3)", "", "BSD-3-Clause"),
        Part("OpenSSL (in sqlcipher3, cryptography)", "", "Apache-2.0"),
        Part("PDFium (in pypdfium2)", "", "BSD-3-Clause AND Apache-2.0"),
        Part("DejaVu fonts", "", "Bitstream-Vera AND public domain", (fonts,) if fonts.exists() else ()),
    ]


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_closure(root: str) -> Iterator[metadata.Distribution]:
    """The installed distributions ``root`` needs (not its extras), once each."""
    seen: set[str] = set()
    todo = [root]
    while todo:
        name = todo.pop()
        if _key(name) in seen:
            continue
        seen.add(_key(name))
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a platform-only requirement (e.g. pywin32-ctypes) not installed here
        yield dist
        for requirement in dist.requires or []:
            if "extra" in requirement.partition(";")[2]:  # an optional extra, e.g. [test]
                continue
            match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
            if match:
                todo.append(match.group(0))


def _distributions() -> list[metadata.Distribution]:
    if getattr(sys, "frozen", False):
        return list(metadata.distributions())  # only what build.spec shipped is in the bundle
    return list(_requirement_closure(OWN_DISTRIBUTION))


def _field(meta: metadata.PackageMetadata, key: str) -> str:
    values = meta.get_all(key) or []
    return str(values[0]).strip() if values else ""


def licence_of(meta: metadata.PackageMetadata, name: str) -> str:
    """A short licence: the SPDX expression, else a short License field, else the classifiers."""
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    field = _field(meta, "License")
    if field and "\n" not in field and len(field) <= 60:
        return field
    classifiers = [
        c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    if classifiers:
        return ", ".join(classifiers)
    return LICENCE_OVERRIDES.get(_key(name), field.split("(")[0].strip(" ,") or "?")


def _licence_files(dist: metadata.Distribution) -> tuple[Path, ...]:
    found = []
    for file in dist.files or []:
        if LICENCE_FILE.search(file.name) and ".dist-info" in str(file):
            located = Path(str(dist.locate_file(file)))
            if located.is_file():
                found.append(located)
    return tuple(found)


def bundled_parts() -> list[Part]:
    parts = {}
    for dist in _distributions():
        name = dist.metadata["Name"] or "?"
        if _key(name) == OWN_DISTRIBUTION or _key(name) in parts:
            continue
        parts[_key(name)] = Part(name, dist.version, licence_of(dist.metadata, name), _licence_files(dist))
    return sorted([*parts.values(), *_native_parts()], key=lambda part: part.name.lower())


class AboutDialog(QDialog):
    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Veldwerk"))
        self._paths = paths
        layout = QVBoxLayout(self)

        header = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(QIcon(str(resource_path("icons", "veldwerk-64.png"))).pixmap(64, 64))
        header.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        title = QLabel(
            "<b style='font-size:16pt'>Veldwerk</b><br>"
            + self.tr("Version {0}").format(inspectorapp.__version__)
            + "<br>"
            + self.tr("Field work for health-care inspectors, also without a connection.")
        )
        title.setObjectName("aboutTitle")
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header.addWidget(title, 1)
        layout.addLayout(header)

        form = QFormLayout()
        self.store_label = self._path_label(paths.store_file)
        self.store_label.setObjectName("aboutStore")
        form.addRow(self.tr("Database"), self.store_label)
        form.addRow(self.tr("Logs"), self._path_label(paths.log_dir))
        self.open_folder = QPushButton(self.tr("Open data folder"))
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._paths.data_dir)))
        )
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.open_folder)
        folder_row.addStretch(1)
        form.addRow("", folder_row)
        layout.addLayout(form)

        layout.addWidget(QLabel(self.tr("Bundled parts and their licences (double-click: licence text)")))
        self.parts = bundled_parts()
        self.table = QTableWidget(len(self.parts), 3)
        self.table.setObjectName("aboutParts")
        self.table.setHorizontalHeaderLabels([self.tr("Part"), self.tr("Version"), self.tr("Licence")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        for row, part in enumerate(self.parts):
            for column, text in enumerate((part.name, part.version or "–", part.licence)):
                item = QTableWidgetItem(text)
                if part.licence_files:
                    item.setToolTip("\n".join(str(f) for f in part.licence_files))
                self.table.setItem(row, column, item)
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self._open_licence)
        layout.addWidget(self.table, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 680, 600)

    @staticmethod
    def _path_label(path: Path) -> QLabel:
        label = QLabel(str(path))
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _open_licence(self, row: int, _column: int) -> None:
        files = self.parts[row].licence_files
        if files:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(files[0])))
