"""The main window: unlock screen or workspace, auto-lock, status bar, shortcuts."""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QPushButton, QStackedWidget

from inspectorapp import settings as settings_io
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.paths import AppPaths
from inspectorapp.settings import Settings

# The rest of ui/ (ops, dialogs, the change bus, messages, places, forms) is imported where
# used: the unlock screen needs none of it (cold start).
from .change_routing import ChangeRouting
from .idle import IdleWatcher
from .unlock_page import UnlockPage

if TYPE_CHECKING:
    from inspectorapp.domain.drafts import SignalPrefill
    from inspectorapp.domain.snapshots import SearchFilters, SearchHit
    from inspectorapp.domain.visit_views import InspectionDetail
    from inspectorapp.workspace import Workspace

    from .change_bus import ChangeBus
    from .help_overlay import HelpOverlay
    from .shell import Shell
    from .signal_capture import SignalCapture
    from .sync_controller import SyncController

log = logging.getLogger(__name__)
TITLE_BAR_ROOM = 40  # px a window manager's title bar and frame take above the window

# Imported after the unlock screen is shown (cold start budget), warmed up in the background.
HEAVY_MODULES = (
    "inspectorapp.workspace",
    "inspectorapp.services.demo",
    "inspectorapp.services.inspections",
    "inspectorapp.services.search",
)


def warm_up() -> None:
    """Import the database stack on a background thread while the user types."""

    def work() -> None:
        for name in HEAVY_MODULES:
            try:
                importlib.import_module(name)
            except Exception:  # e.g. the app quit at once and the interpreter is shutting down
                log.debug("warm-up stopped at %s", name, exc_info=True)  # the real import will tell
                return

    threading.Thread(target=work, name="veldwerk-warm-up", daemon=True).start()


def _services():  # type: ignore[no-untyped-def]
    from inspectorapp.services import demo, inspections, search

    return demo, inspections, search


class MainWindow(ChangeRouting, QMainWindow):
    def __init__(self, paths: AppPaths, settings: Settings, set_language: Callable[[str], None]) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self._set_language = set_language
        self.workspace: Workspace | None = None
        self.sync: SyncController | None = None
        self.keep_alive: list[object] = []
        self._help: HelpOverlay | None = None  # objects that live as long as the window
        self.bus: ChangeBus | None = None  # the unlocked workspace's change broadcast
        self.setObjectName("mainWindow")
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() if screen is not None else QSize(1366, 768)
        # 1180x760 where there is room; on a 1366x768 laptop the frame and the taskbar fit too
        self.resize(min(1180, room.width()), min(760, room.height() - TITLE_BAR_ROOM))
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.unlock_page = self._new_unlock_page()
        self.stack.addWidget(self.unlock_page)
        # Built at unlock and destroyed at lock: no snapshot outlives the unlocked session,
        # and cold start paints only the unlock screen.
        self.shell: Shell | None = None

        self.status_text = QLabel()
        self.status_text.setObjectName("syncStatus")
        self.lock_button = QPushButton()
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setFlat(True)
        self.lock_button.clicked.connect(self.lock)
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("syncButton")
        self.sync_button.setFlat(True)
        self.sync_button.clicked.connect(self.open_sync)
        self.statusBar().addWidget(self.status_text, 1)
        self.statusBar().addPermanentWidget(self.sync_button)
        self.statusBar().addPermanentWidget(self.lock_button)

        # setShortcuts, not setShortcut: PySide builds its ~100 `Qt` enums (15-20 ms) when
        # setShortcut is first called, and the unlock screen needs none of them.
        self.search_action = QAction(self)
        self.search_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Find)])
        self.search_action.triggered.connect(self._focus_search)
        self.settings_action = QAction(self)
        self.settings_action.setShortcuts([QKeySequence("Ctrl+,")])
        self.settings_action.triggered.connect(self.open_settings)
        self.settings_button = QPushButton()
        self.settings_button.setObjectName("settingsButton")
        self.settings_button.setFlat(True)
        self.settings_button.clicked.connect(self.open_settings)
        self.statusBar().addPermanentWidget(self.settings_button)
        self.help_action = QAction(self)
        self.help_action.setShortcuts([QKeySequence("F1")])
        self.help_action.triggered.connect(self.toggle_help)
        self.new_action = QAction(self)
        self.new_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.New)])
        self.new_action.triggered.connect(self.new_inspection)
        self.signal_action = QAction(self)
        self.signal_action.setShortcuts([QKeySequence("Ctrl+Shift+S")])
        self.signal_action.triggered.connect(self._signal_shortcut)
        self.sync_action = QAction(self)
        self.sync_action.setShortcuts([QKeySequence("F9")])
        self.sync_action.triggered.connect(lambda: self.sync is not None and self.sync.sync_now())
        self.lock_action = QAction(self)
        self.lock_action.setShortcuts([QKeySequence("Ctrl+L")])
        self.lock_action.triggered.connect(self.lock)
        for action in (
            self.sync_action,
            self.search_action,
            self.lock_action,
            self.settings_action,
            self.signal_action,
            self.new_action,
            self.help_action,
        ):
            self.addAction(action)  # QAction's default context: while this window is active

        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        # the watcher filters the application's events only while unlocked (IdleWatcher.set_limit)
        self._show_unlocked(False)
        self.retranslate()

    # ----- language -------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Veldwerk"))
        self.lock_button.setText(self.tr("Lock"))
        self.sync_button.setText(self.tr("Sync…"))
        self.sync_button.setToolTip(self.tr("Sync with the office: status, problems, connect (F9 syncs now)"))
        self.sync_action.setText(self.tr("Sync now"))
        self.lock_button.setAccessibleName(self.tr("Lock"))
        self.search_action.setText(self.tr("Search everything"))
        self.lock_action.setText(self.tr("Lock"))
        self.signal_action.setText(self.tr("Capture a signal"))
        self.new_action.setText(self.tr("New inspection"))
        self.help_action.setText(self.tr("Keyboard shortcuts"))
        self.settings_action.setText(self.tr("Settings…"))
        self.settings_button.setText(self.tr("Settings…"))
        self.settings_button.setToolTip(self.tr("Settings (Ctrl+,)"))
        if self.workspace is None:
            self.status_text.setText(self.tr("Locked"))

    def change_language(self, language: str) -> None:
        self.settings = replace(self.settings, language=language)
        self._save_settings()
        self._set_language(language)
        self.unlock_page.set_language(language)

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self, self.paths, unlocked=self.workspace is not None)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        self.apply_settings(dialog.result_settings())
        if dialog.passphrase_change is not None:
            from .passphrase_dialog import change_in_window

            change_in_window(self, *dialog.passphrase_change)

    def apply_settings(self, new: Settings) -> None:
        old, self.settings = self.settings, new
        self._save_settings()
        if new.language != old.language:
            self._set_language(new.language)
            self.unlock_page.set_language(new.language)
        if self.workspace is not None:
            self.idle.set_limit(new.idle_lock_minutes * 60)
            self.workspace.ctx = replace(self.workspace.ctx, actor=self._actor())  # audit, observer

    # ----- unlock / lock ----------------------------------------------------------
    def _new_unlock_page(self) -> UnlockPage:
        page = UnlockPage(creating=not self.paths.store_file.exists())
        page.set_language(self.settings.language)
        page.create_requested.connect(self._create)
        page.unlock_requested.connect(self._unlock)
        page.language_requested.connect(self.change_language)
        return page

    def _create(self, passphrase: str, repeated: str, load_demo: bool, name: str) -> None:
        self.unlock_page.set_busy(True)
        if name:
            self.settings = replace(self.settings, inspector_name=name)
            self._save_settings()
        from inspectorapp.workspace import Workspace

        from . import ops

        ops.in_thread(
            lambda: Workspace.create(self.paths, passphrase, repeated, self._actor()),
            lambda ws: self._unlocked(ws, load_demo),
            self._unlock_failed,
        )

    def _unlock(self, passphrase: str) -> None:
        self.unlock_page.set_busy(True)
        from inspectorapp.workspace import Workspace

        from . import ops

        ops.in_thread(
            lambda: Workspace.unlock(self.paths, passphrase, self._actor()),
            lambda ws: self._unlocked(ws, False),
            self._unlock_failed,
        )

    def _unlock_failed(self, exc: BaseException) -> None:
        from .messages import message_for

        self.unlock_page.show_error(message_for(exc))

    def _actor(self) -> str:
        return self.settings.inspector_name or "inspecteur"

    def _unlocked(self, workspace: Workspace, load_demo: bool) -> None:
        self.workspace = workspace
        self._start_sync(workspace)
        if self.unlock_page.creating:  # next lock asks for the passphrase, not a new one
            self._replace_unlock_page()
        self.unlock_page.clear()
        self._show_unlocked(True)
        self._follow_changes(workspace, self._ensure_shell())
        self.idle.set_limit(self.settings.idle_lock_minutes * 60)
        if load_demo:
            self.load_demo()
        elif self.bus is not None:
            from . import places
            from .change_bus import ChangeOrigin

            self.bus.publish(ChangeSet.all(), ChangeOrigin.OPENED)
            places.reopen(self._ensure_shell(), workspace, self.settings)  # where the inspector was

    def _replace_unlock_page(self) -> None:
        old = self.unlock_page
        self.unlock_page = self._new_unlock_page()
        self.stack.insertWidget(0, self.unlock_page)
        self.stack.removeWidget(old)
        old.deleteLater()

    def lock(self) -> None:
        """Close the store (queued writes finish first) and forget every snapshot."""
        visit_page = self.shell.built_visit_page() if self.shell is not None else None
        if visit_page is not None:
            visit_page.flush()  # typed notes go to the store before it closes
        if self.shell is not None and self.workspace is not None:  # reopened there next time
            from . import places

            self.settings = places.remembered(self.shell, self.settings)
            self._save_settings()
        for dialog in self.findChildren(QDialog):  # forms showing locked data close with the store
            if dialog.isVisible():
                dialog.reject()
        ws, self.workspace = self.workspace, None
        self._unfollow_changes()
        if self.sync is not None:
            self.sync.stop()
            self.sync.deleteLater()
            self.sync = None
        self.idle.set_limit(0)
        if ws is not None:
            ws.close()
        self._show_unlocked(False)
        if self.shell is not None:
            self.stack.removeWidget(self.shell)
            self.shell.deleteLater()
            self.shell = None
        self.retranslate()

    def set_idle_limit_seconds(self, seconds: float) -> None:
        self.idle.set_limit(seconds if self.workspace is not None else 0)

    def _ensure_shell(self) -> Shell:
        if self.shell is None:
            from .shell import Shell

            assert self.workspace is not None
            self.shell = Shell(self.workspace)
            self.shell.search.query_changed.connect(self._run_search)
            self.shell.search.open_requested.connect(self._open_hit)
            self.shell.inspection_activated.connect(self.open_inspection)
            self.shell.new_inspection_requested.connect(self.new_inspection)
            # the pages' requests, passed on by the shell (it builds them on first use)
            self.shell.add_visit_requested.connect(self.new_visit)
            self.shell.add_invitation_requested.connect(self.new_invitation)
            self.shell.export_requested.connect(self.export_inspection)
            self.shell.signal_requested.connect(self.capture_signal)
            self.shell.synthesis_requested.connect(self.open_synthesis)
            self.shell.sync_requested.connect(self.open_sync)
            self.stack.addWidget(self.shell)
        return self.shell

    def _show_unlocked(self, unlocked: bool) -> None:
        self.stack.setCurrentWidget(self._ensure_shell() if unlocked else self.unlock_page)
        self.lock_button.setVisible(unlocked)
        self.sync_button.setVisible(unlocked)
        self.sync_action.setEnabled(unlocked)
        self.search_action.setEnabled(unlocked)
        self.signal_action.setEnabled(unlocked)
        self.new_action.setEnabled(unlocked)
        self.lock_action.setEnabled(unlocked)
        if not unlocked:
            self.unlock_page.passphrase.setFocus()

    # ----- data ---------------------------------------------------------------------
    def load_demo(self) -> None:
        ws = self.workspace
        if ws is None:
            return
        self.status_text.setText(self.tr("Loading demo data…"))
        demo = _services()[0]
        from . import ops

        ops.submit(ws, demo.load_demo, ws.ctx, on_done=lambda _result: None, on_error=self._error)

    def open_inspection(self, inspection_id: str) -> None:
        ws = self.workspace
        if ws is None:
            return
        from inspectorapp.services import visits

        def show(detail: InspectionDetail) -> None:
            if self.shell is not None:
                self.shell.show_inspection(detail)

        from . import ops

        ops.submit(ws, visits.inspection_detail, inspection_id, on_done=show, on_error=self._error)

    def toggle_help(self) -> None:
        if self._help is None:
            from .help_overlay import HelpOverlay

            self._help = HelpOverlay(self)
        self._help.toggle()

    def new_inspection(self) -> None:
        if self.workspace is None:
            return
        from .inspection_form import InspectionForm

        form = InspectionForm(self.workspace, self)
        form.created.connect(self._inspection_created)
        from .dialogs import open_dialog

        open_dialog(form)

    def _inspection_created(self, inspection_id: str) -> None:
        self.open_inspection(inspection_id)  # the list follows by itself (the change bus)

    def new_visit(self, inspection_id: str) -> None:
        if self.workspace is None:
            return
        from .visit_forms import VisitForm

        form = VisitForm(self.workspace, inspection_id, self)
        form.saved.connect(lambda _v: self.open_inspection(inspection_id))
        from .dialogs import open_dialog

        open_dialog(form)

    def new_invitation(self, inspection_id: str) -> None:
        if self.workspace is None:
            return
        from .visit_forms import InvitationForm

        form = InvitationForm(self.workspace, inspection_id, self)
        form.saved.connect(lambda _v: self.open_inspection(inspection_id))
        from .dialogs import open_dialog

        open_dialog(form)

    def export_inspection(self, inspection_id: str, kind: str, target: str | None = None) -> None:
        """Write an export where the inspector chooses (audited by the service)."""
        if self.workspace is not None:
            from . import file_exports

            file_exports.export_inspection(
                self, self.workspace, inspection_id, kind, target, self._exported, self._error
            )

    def _exported(self, path: str) -> None:
        self.statusBar().showMessage(self.tr("Exported to {0}").format(path), 10000)

    def _signal_shortcut(self) -> None:
        visit_page = self.shell.built_visit_page() if self.shell is not None else None
        if (
            visit_page is not None
            and self.shell is not None
            and self.shell.pages.currentWidget() is visit_page
        ):
            visit_page.request_signal()
        else:
            self.capture_signal()

    def capture_signal(self, prefill: SignalPrefill | None = None) -> SignalCapture | None:
        ws = self.workspace
        if ws is None:
            return None
        from inspectorapp.domain.drafts import SignalPrefill

        from .signal_capture import SignalCapture

        prefill = prefill or SignalPrefill()
        dialog = SignalCapture(ws, prefill, self)
        event_id = prefill.session_event_id
        dialog.captured.connect(lambda s: self._signal_captured(s, event_id))
        from .dialogs import open_dialog

        open_dialog(dialog)
        return dialog

    def _signal_captured(self, signal: Any, event_id: str | None = None) -> None:
        if event_id:  # EV-SIG: the capture linked the event in the same write; show it
            self._refresh_board()

    def open_synthesis(self, conversation_id: str) -> None:
        if self.workspace is None:
            return
        from .synthesis_form import SynthesisForm

        form = SynthesisForm(self.workspace, conversation_id, self)
        from .dialogs import open_dialog

        open_dialog(form)

    def _refresh_board(self) -> None:
        visit_page = self.shell.built_visit_page() if self.shell is not None else None
        if visit_page is not None and visit_page.board is not None:
            visit_page.board.refresh()

    def _focus_search(self) -> None:
        ws = self.workspace
        if ws is not None and self.shell is not None:
            from inspectorapp.services import preparation

            search_view = self.shell.search
            if search_view.organisation.count() == 0:
                from . import ops

                ops.submit(
                    ws, preparation.form_options, on_done=search_view.set_options, on_error=self._error
                )
            self.shell.focus_search()

    def _open_hit(self, hit: SearchHit) -> None:
        if self.shell is not None and self.workspace is not None:
            from . import places

            places.open_hit(self.shell, self.workspace, hit)  # the navigation follows

    def _run_search(self, query: str, filters: SearchFilters | None = None) -> None:
        ws = self.workspace
        if ws is None:
            return

        def show(hits: list[SearchHit]) -> None:
            if self.workspace is not None and self.shell is not None:
                self.shell.search.show_hits(query, hits)

        from . import ops

        ops.submit(ws, _services()[2].search, query, 50, filters, on_done=show, on_error=self._error)

    def _error(self, exc: BaseException) -> None:
        from .messages import message_for

        log.error("operation failed: %s", exc, exc_info=exc)
        self.statusBar().showMessage(message_for(exc), 15000)

    def _save_settings(self) -> None:
        try:
            settings_io.save(self.paths.settings_file, self.settings)
        except OSError as exc:
            log.warning("settings not saved: %s", exc)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock()
        super().closeEvent(event)
