"""Photos and documents of a visit: thumbnails, add by file dialog or drag-and-drop,
open (images shown, other files saved where the inspector chooses)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.snapshots import AttachmentSnapshot

from . import ops
from .change_bus import follow
from .dialogs import open_dialog
from .messages import message_for

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

THUMB = 96


class AttachmentsPanel(QWidget):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.setObjectName("attachmentsPanel")
        self.workspace = workspace
        self.target: dict[str, str] = {}  # {"visit_id" | "signal_id" | "note_paragraph_id": id}
        self.items: dict[str, AttachmentSnapshot] = {}
        self.title = QLabel()
        self.list = QListWidget()
        self.list.setObjectName("attachmentList")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMaximumHeight(THUMB + 60)
        self.list.itemActivated.connect(self._open)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addAttachment")
        self.add_button.clicked.connect(self.choose_files)
        self.status = QLabel()
        self.status.setObjectName("error")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        layout.addWidget(self.add_button)
        layout.addWidget(self.status)
        self.setAcceptDrops(True)
        # Files added here, by a signal's panel or by a sync show once per burst of changes.
        follow(workspace, self, ("attachment",), lambda _c, _o: self._reload())
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Attachments (drop files here)"))
        self.add_button.setText(self.tr("+ Photo or document"))
        self.list.setAccessibleName(self.tr("Attachments"))

    def load(self, visit_id: str | None = None, *, signal_id: str | None = None) -> None:
        """Show the attachments of a visit or of a signal."""
        from inspectorapp.services import attachments

        self.target = {"visit_id": visit_id} if visit_id else {"signal_id": signal_id} if signal_id else {}
        self.status.clear()
        if not self.target:  # no target would list every attachment of the store
            self.list.clear()
            return
        ops.submit(
            self.workspace,
            partial(
                attachments.list_attachments,
                visit_id=self.target.get("visit_id"),
                signal_id=self.target.get("signal_id"),
            ),
            on_done=self._show,
            on_error=self._error,
        )

    def _show(self, rows: list[AttachmentSnapshot]) -> None:
        self.list.clear()
        self.items = {a.id: a for a in rows}
        for a in rows:
            item = QListWidgetItem(a.filename if len(a.filename) < 24 else a.filename[:22] + "…")
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setToolTip(f"{a.filename} · {a.media_type} · {a.size_bytes // 1024} kB")
            self.list.addItem(item)
            if a.media_type.startswith("image/"):
                self._thumbnail(a.id, item)

    def _thumbnail(self, attachment_id: str, item: QListWidgetItem) -> None:
        from inspectorapp.services import attachment_files

        def show(result: tuple[AttachmentSnapshot, bytes]) -> None:
            image = QImage.fromData(result[1])
            if not image.isNull():
                item.setIcon(
                    QIcon(
                        QPixmap.fromImage(
                            image.scaled(
                                THUMB,
                                THUMB,
                                Qt.AspectRatioMode.KeepAspectRatio,
                                Qt.TransformationMode.SmoothTransformation,
                            )
                        )
                    )
                )

        ops.submit(
            self.workspace,
            attachment_files.preview_bytes,
            self.workspace.paths.attachments_dir,
            attachment_id,
            on_done=show,
            on_error=self._error,
        )

    # ----- adding -------------------------------------------------------------------------
    def choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(self, self.tr("Add photos or documents"))
        self.add_files([Path(f) for f in files])

    def add_files(self, files: list[Path]) -> None:
        from inspectorapp.services import attachment_files

        if not self.target:
            return
        self.status.clear()
        add = partial(
            attachment_files.add_file,
            visit_id=self.target.get("visit_id"),
            signal_id=self.target.get("signal_id"),
        )
        for path in files:
            ops.submit(
                self.workspace,
                add,
                self.workspace.ctx,
                self.workspace.paths.attachments_dir,
                path,
                on_done=lambda _r: None,  # the list follows the change (follow above)
                on_error=partial(self._failed, path),
            )

    def _reload(self) -> None:
        if self.target:
            self.load(self.target.get("visit_id"), signal_id=self.target.get("signal_id"))

    def _failed(self, path: Path, exc: BaseException) -> None:
        self.status.setText(f"{path.name}: {message_for(exc)}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_files([Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

    # ----- opening ------------------------------------------------------------------------
    def _open(self, item: QListWidgetItem) -> None:
        from inspectorapp.services import attachment_files

        attachment_id = item.data(Qt.ItemDataRole.UserRole)
        meta = self.items[attachment_id]
        ops.submit(
            self.workspace,
            attachment_files.open_bytes,
            self.workspace.ctx,
            self.workspace.paths.attachments_dir,
            attachment_id,
            on_done=lambda data: self._view(meta, data),
            on_error=lambda exc: self._open_failed(item, meta, exc),
        )

    def _open_failed(self, item: QListWidgetItem, meta: AttachmentSnapshot, exc: BaseException) -> None:
        """A file that is only at the office yet is fetched now (verified), then shown."""
        if getattr(exc, "code", None) != "attachment_missing" or item.data(Qt.ItemDataRole.UserRole + 1):
            self._error(exc)
            return
        from inspectorapp import sync_runner

        item.setData(Qt.ItemDataRole.UserRole + 1, True)  # one download attempt per click
        self.status.setText(self.tr("Fetching {0} from the office…").format(meta.filename))
        ws = self.workspace
        ops.in_thread(
            lambda: sync_runner.fetch_file(ws, meta.sha256),
            on_done=lambda _r: self._fetched(item),
            on_error=lambda _e: self._not_fetched(item),
        )

    def _fetched(self, item: QListWidgetItem) -> None:
        self.status.setText("")
        self._open(item)

    def _not_fetched(self, item: QListWidgetItem) -> None:
        item.setData(Qt.ItemDataRole.UserRole + 1, None)
        self.status.setText(
            self.tr("This file is kept at the office and cannot be fetched now (offline or not connected).")
        )

    def _view(self, meta: AttachmentSnapshot, data: bytes) -> None:
        image = QImage.fromData(data) if meta.media_type.startswith("image/") else QImage()
        if image.isNull():  # a document: saved where the inspector chooses, never a temp copy
            target, _f = QFileDialog.getSaveFileName(self, self.tr("Save attachment"), meta.filename)
            if target:
                Path(target).write_bytes(data)
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(meta.filename)
        label = QLabel()
        label.setPixmap(QPixmap.fromImage(image))
        scroll = QScrollArea()
        scroll.setWidget(label)
        box = QVBoxLayout(dialog)
        box.addWidget(scroll)
        dialog.resize(min(image.width() + 40, 1200), min(image.height() + 40, 900))
        open_dialog(dialog)

    def _error(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))
