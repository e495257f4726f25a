"""Composition root of the desktop app: logging, crash handler, Qt, translations,
settings, the main window. The only module of the core that imports Qt.

Heavy modules (SQLAlchemy, the store) are imported after the unlock screen is
shown, to keep cold start close to a bare Qt window.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import ClassVar

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from inspectorapp import settings as settings_io
from inspectorapp.paths import AppPaths, app_paths
from resources import path as resource_path

log = logging.getLogger("veldwerk")

AFTER_FIRST_FRAME_MS = 100


def setup_logging(paths: AppPaths) -> None:
    import logging.handlers

    paths.log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        paths.log_dir / "veldwerk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def install_crash_handler(paths: AppPaths) -> None:
    """Log every uncaught exception with its traceback; show the user a short message
    and where the log is. The process keeps running: data is autosaved anyway."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        from PySide6.QtWidgets import QMessageBox  # here: the first frame does not need its type

        text = "".join(traceback.format_exception(kind, value, tb))
        log.critical("uncaught exception\n%s", text)
        app = QApplication.instance()
        if isinstance(app, QApplication) and app.activeWindow() is not None:
            QMessageBox.critical(
                app.activeWindow(),
                QApplication.translate("crash", "Unexpected error"),
                QApplication.translate(
                    "crash",
                    "Something unexpected went wrong. Your work is saved. Details are in {0}",
                ).format(paths.log_dir / "veldwerk.log"),
            )

    sys.excepthook = hook


class Translations:
    """Dutch by default; English are the source strings. Switchable at runtime.

    Translators are installed on the application, so the set installed is shared by
    every ``Translations`` of the process (tests build several windows)."""

    _installed: ClassVar[list[QTranslator]] = []

    def __init__(self, app: QApplication) -> None:
        self.app = app

    def set_language(self, language: str) -> None:
        for t in Translations._installed:
            self.app.removeTranslator(t)
        Translations._installed.clear()
        QLocale.setDefault(
            QLocale(
                QLocale.Language.Dutch if language == "nl" else QLocale.Language.English,
                QLocale.Country.Netherlands,
            )
        )
        if language == "nl":
            self._install_dutch()
        # Translator changes are posted events; deliver them now so the switch is immediate.
        self.app.sendPostedEvents(None, QEvent.Type.LanguageChange)

    @staticmethod
    def loaded_files() -> list[str]:
        """The .qm files in use: the start logs them, so a log shows whether the installed app
        found Qt's own Dutch (qtbase_nl.qm) and where."""
        return [t.filePath() for t in Translations._installed]

    def _install_dutch(self) -> None:
        own = QTranslator(self.app)
        if own.load(str(resource_path("translations", "veldwerk_nl.qm"))):
            self.app.installTranslator(own)
            self._installed.append(own)
        else:
            log.warning("Dutch translation missing; falling back to English")
        # Qt's own texts (file dialogs, standard buttons, context menus) in Dutch too.
        qt = QTranslator(self.app)
        if any(qt.load("qtbase_nl", str(folder)) for folder in qt_translation_dirs()):
            self.app.installTranslator(qt)
            self._installed.append(qt)
        else:
            log.warning("Qt's Dutch translation (qtbase_nl.qm) not found; Qt's own texts stay English")


def qt_translation_dirs() -> list[Path]:
    """Where qtbase_nl.qm may be: Qt's own answer, else beside PySide6 (PyInstaller's Qt hooks
    bundle qt_*.qm and qtbase_*.qm into PySide6/Qt/translations of the frozen app)."""
    import PySide6

    folders = [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        Path(PySide6.__file__).resolve().parent / "Qt" / "translations",
    ]
    return [f for f in folders if f.is_dir()]


def create_app(argv: list[str]) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv)
    app.setApplicationName("Veldwerk")
    app.setOrganizationName("Veldwerk")
    app.setApplicationDisplayName("Veldwerk")
    app.setDesktopFileName("veldwerk")  # packaging/linux/veldwerk.desktop: the shell's icon and name
    icon = QIcon()  # files are read when a size is first painted, not here
    for png in sorted(resource_path("icons").glob("veldwerk-*.png")):
        icon.addFile(str(png))
    app.setWindowIcon(icon)
    return app


def build_main_window(app: QApplication, paths: AppPaths):  # type: ignore[no-untyped-def]
    """Settings, translations and the window, ready to show (used by tests too)."""
    from ui import gc_guard, style
    from ui.main_window import MainWindow

    gc_guard.install(app)
    style.apply(app)
    settings = settings_io.load(paths.settings_file)
    translations = Translations(app)
    translations.set_language(settings.language)
    window = MainWindow(paths, settings, translations.set_language)
    window.keep_alive.append(translations)
    return window


def _start_log(paths: AppPaths) -> None:
    setup_logging(paths)
    log.info("translations: %s", ", ".join(Translations.loaded_files()) or "none (English)")


def run_gui(
    argv: list[str],
    paths: AppPaths | None = None,
    quit_after_ms: int | None = None,
    screenshot: Path | None = None,
) -> int:
    paths = (paths or app_paths()).ensure()
    install_crash_handler(paths)
    app = create_app(argv)
    window = build_main_window(app, paths)
    window.show()
    from ui.main_window import warm_up

    # Neither the log file nor the database stack is needed to paint the unlock screen: both
    # start once its first frame is out (a passphrase takes seconds to type; the warm-up, ~0.3 s).
    QTimer.singleShot(AFTER_FIRST_FRAME_MS, lambda: _start_log(paths))
    QTimer.singleShot(AFTER_FIRST_FRAME_MS, warm_up)
    if quit_after_ms is not None:

        def finish() -> None:
            if screenshot is not None:
                window.grab().save(str(screenshot))
            app.quit()

        QTimer.singleShot(quit_after_ms, finish)
    return app.exec()
