"""Saving an internal PDF from a view (agenda pack, handover dossier, timeline), one at a time:

1. a fresh read on the database thread (what changed since the view was drawn is in the PDF),
2. rendering and writing on a worker thread (reportlab is slow; the GUI stays responsive),
3. the audit on the database thread, only once the file is on disk,

then ``saved(written)`` or ``failed(exc)`` on the GUI thread. The view keeps its own texts
("Making the PDF…", "Saved: …") so their translations stay in its context.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from inspectorapp.workspace import DbSession, Workspace

from . import labels, ops

D = TypeVar("D")  # what the read returns
W = TypeVar("W")  # what writing returns (the file's path, what was left out)


def choose_pdf_file(parent: QWidget, caption: str, file_name: str, file_filter: str) -> Path | None:
    """The OS save dialog, starting in the home folder with ``file_name``; None: cancelled."""
    target, _filter = QFileDialog.getSaveFileName(parent, caption, str(Path.home() / file_name), file_filter)
    return Path(target) if target else None


@dataclass(frozen=True, slots=True)
class _Job:
    path: Path
    language: str
    write: Callable[[Any, Path, str], Any]
    record: Callable[[DbSession, Any, Any], None]
    saved: Callable[[Any], None]


class PdfExport(QObject):
    """A child of its view: when the view goes, results still on their way are dropped (ops
    delivers nothing to a deleted QObject's methods)."""

    def __init__(
        self, workspace: Workspace, parent: QWidget, failed: Callable[[BaseException], None]
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._failed_cb = failed
        self._job: _Job | None = None
        self._written: object = None  # on disk, not yet audited

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(
        self,
        path: Path,
        read: Callable[[DbSession], D],
        write: Callable[[D, Path, str], W],
        record: Callable[[DbSession, D, W], None],
        saved: Callable[[W], None],
    ) -> None:
        """Make the PDF at ``path`` (".pdf" added when it has no suffix) in the interface's
        language; nothing while another is being made (the view disables its button)."""
        if self._job is not None:
            return
        if not path.suffix:
            path = path.with_suffix(".pdf")
        self._job = _Job(path, "en" if labels.english() else "nl", write, record, saved)
        ops.submit(self.workspace, read, on_done=self._render, on_error=self._failed)

    def _render(self, data: object) -> None:
        job = self._job
        if job is not None:
            ops.in_thread(
                lambda: (data, job.write(data, job.path, job.language)),
                on_done=self._audit,
                on_error=self._failed,
            )

    def _audit(self, done: tuple[object, object]) -> None:
        job = self._job
        if job is not None:
            data, written = done
            self._written = written
            ops.submit(
                self.workspace,
                lambda s: job.record(s, data, written),
                on_done=self._recorded,
                on_error=self._failed,
            )

    def _recorded(self, _none: None) -> None:
        job, written = self._job, self._written
        self._job = self._written = None
        if job is not None:
            job.saved(written)

    def _failed(self, exc: BaseException) -> None:
        self._job = self._written = None
        self._failed_cb(exc)
