"""The report screen (UI.md §7): sections, texts and the findings per theme on the left,
the page preview on the right. The preview shows the exact bytes that will be saved; the
saved file's name carries the content hash prefix."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspectorapp.domain.outcome_drafts import ReportDraftChanges
from inspectorapp.domain.report import ReportContent, ReportSection
from inspectorapp.reports.preview import PageImage
from inspectorapp.services import report_drafts, reports
from inspectorapp.services.report_drafts import DraftView

from . import labels, ops
from .messages import message_for

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

TEXTS = ("addressees", "summary", "role_statement", "context", "recommendations", "appreciation", "method")
PREVIEW_WIDTH = 560


class ReportPanel(QWidget):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.setObjectName("reportPanel")
        self.workspace = workspace
        self.inspection_id: str | None = None
        self.draft: DraftView | None = None
        self.content: ReportContent | None = None
        self.pdf: bytes | None = None
        self._loading = False
        self._pending = False  # edits not yet sent to the database
        self.kind = QComboBox()
        self.kind.setObjectName("reportType")
        for code in ("gebiedsrapportage", "briefrapport"):
            self.kind.addItem(code, code)
        self.kind.currentIndexChanged.connect(lambda _i: self._open_draft())
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd-MM-yyyy")
        self.language = QComboBox()
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.placeholders = QCheckBox()
        self.placeholders.setObjectName("reportPlaceholders")
        self.sections = QListWidget()
        self.sections.setObjectName("reportSections")
        self.sections.setMaximumHeight(190)
        self.texts = {name: QPlainTextEdit() for name in TEXTS}
        for name, box in self.texts.items():
            box.setObjectName(f"report_{name}")
            box.setTabChangesFocus(True)
            box.setMinimumHeight(60)
            box.textChanged.connect(self._edited)
        self.date.dateChanged.connect(self._edited)
        self.language.currentIndexChanged.connect(self._edited)
        self.placeholders.toggled.connect(self._edited)
        self.sections.itemChanged.connect(self._edited)
        self.findings = QListWidget()
        self.findings.setObjectName("reportFindings")
        self.findings.setWordWrap(True)
        self.findings.setMaximumHeight(150)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(
            QFormLayout.RowWrapPolicy.WrapAllRows
        )  # labels above: fields get the width
        self._labels = [QLabel() for _ in range(7 + len(TEXTS))]
        rows: list[QWidget] = [
            self.kind,
            self.date,
            self.language,
            self.placeholders,
            self.sections,
            *self.texts.values(),
            self.findings,
        ]
        for label, widget in zip(self._labels, rows, strict=False):
            self.form.addRow(label, widget)
        left_inner = QWidget()
        left_inner.setLayout(self.form)
        left = QScrollArea()
        left.setWidgetResizable(True)
        left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.setWidget(left_inner)
        self.generate_button = QPushButton()
        self.generate_button.setObjectName("generateReport")
        self.generate_button.clicked.connect(self.generate)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveReport")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._choose_file)
        self.progress = QProgressBar()
        self.progress.setObjectName("reportProgress")
        self.progress.setVisible(False)
        self.hash = QLabel()
        self.hash.setObjectName("reportHash")
        self.hash.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.pages = QWidget()
        self.pages_box = QVBoxLayout(self.pages)
        self.pages_box.setSpacing(12)
        self.pages_box.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        preview = QScrollArea()
        preview.setObjectName("reportPreview")
        preview.setWidgetResizable(True)
        preview.setWidget(self.pages)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.generate_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.progress, 1)
        right_box.addLayout(bar)
        right_box.addWidget(self.hash)
        right_box.addWidget(preview, 1)
        right_box.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, PREVIEW_WIDTH + 60])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(600)
        self.timer.timeout.connect(self.save_draft)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.generate)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for label, text in zip(
            self._labels,
            (
                self.tr("Report type"),
                self.tr("Report date"),
                self.tr("Language of the report"),
                "",
                self.tr("Sections"),
                self.tr("Addressees (one per line)"),
                self.tr("Summary"),
                self.tr("Role of the inspectorate"),
                self.tr("Context"),
                self.tr("Recommendations (one per line)"),
                self.tr("Appreciation"),
                self.tr("Method"),
                self.tr("Findings per theme"),
            ),
            strict=False,
        ):
            label.setText(text)
        for i in range(self.kind.count()):
            self.kind.setItemText(i, labels.report_type(self.kind.itemData(i)))
        self.placeholders.setText(self.tr("Placeholders for names in quotes"))
        self.placeholders.setToolTip(
            self.tr("Organisation names in quotes and sources become [organisatie A], [organisatie B] ...")
        )
        self.generate_button.setText(self.tr("Preview (F5)"))
        self.save_button.setText(self.tr("Save as PDF…"))
        self.sections.setAccessibleName(self.tr("Sections"))
        for i in range(self.sections.count()):
            item = self.sections.item(i)
            item.setText(labels.report_section(item.data(Qt.ItemDataRole.UserRole)))

    # the draft -----------------------------------------------------------

    def open_inspection(self, inspection_id: str) -> None:
        self.inspection_id = inspection_id
        self._clear_preview()
        self._open_draft()

    def _open_draft(self) -> None:
        if self.inspection_id is None:
            return
        self.save_draft()
        language = "en" if labels.english() else "nl"
        ops.submit(
            self.workspace,
            report_drafts.ensure_draft,
            self.workspace.ctx,
            self.inspection_id,
            self.kind.currentData(),
            language,
            on_done=lambda result: self._show_draft(result.value),
            on_error=self._error,
        )
        self._load_findings()

    def _show_draft(self, draft: DraftView) -> None:
        self.draft = draft
        self._loading = True
        try:
            d = draft.report_date
            self.date.setDate(QDate(d.year, d.month, d.day))
            self.language.setCurrentIndex(max(0, self.language.findData(draft.language)))
            self.placeholders.setChecked(draft.placeholders)
            self.sections.clear()
            for code in draft.offered_sections:
                item = QListWidgetItem(labels.report_section(code))
                item.setData(Qt.ItemDataRole.UserRole, code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if code in draft.sections else Qt.CheckState.Unchecked
                )
                self.sections.addItem(item)
            for name, box in self.texts.items():
                box.setPlainText(getattr(draft, name))
        finally:
            self._loading = False
        self._clear_preview()

    def _load_findings(self) -> None:
        from inspectorapp.services import findings

        iid = self.inspection_id
        if iid is None:
            return
        ops.submit(
            self.workspace, findings.findings_overview, iid, on_done=self._show_findings, on_error=self._error
        )

    def _show_findings(self, overview: Any) -> None:
        self.findings.clear()
        for f in overview.findings:
            shown = sum(1 for e in f.evidence if e.exclusion is None)
            self.findings.addItem(
                self.tr("{0}: {1} of %n source(s) printable", "", len(f.evidence)).format(f.theme_code, shown)
            )

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self._pending = True
            self.timer.start()
            self._mark_stale()

    def fields(self) -> ReportDraftChanges:
        """Every field of the form (the service keeps those left None: none here)."""
        text = {name: box.toPlainText() for name, box in self.texts.items()}
        picked = self.date.date()
        return ReportDraftChanges(
            addressees=text["addressees"],
            summary=text["summary"],
            role_statement=text["role_statement"],
            context=text["context"],
            recommendations=text["recommendations"],
            appreciation=text["appreciation"],
            method=text["method"],
            report_date=date(picked.year(), picked.month(), picked.day()),
            language=self.language.currentData(),
            placeholders=self.placeholders.isChecked(),
            sections=tuple(
                ReportSection(self.sections.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.sections.count())
                if self.sections.item(i).checkState() == Qt.CheckState.Checked
            ),
        )

    def save_draft(self) -> None:
        if not self._pending or self.draft is None or self.inspection_id is None:
            return
        self._pending = False
        self.timer.stop()
        ops.submit(
            self.workspace,
            report_drafts.save_draft,
            self.workspace.ctx,
            self.inspection_id,
            self.draft.report_type,
            self.fields(),
            on_done=lambda result: setattr(self, "draft", result.value),
            on_error=self._error,
        )

    # preview and saving ---------------------------------------------------

    def _mark_stale(self) -> None:
        if self.pdf is not None:
            self.status.setText(self.tr("The preview is out of date: press F5."))

    def findings_changed(self) -> None:
        self._load_findings()
        self._mark_stale()

    def generate(self) -> None:
        if self.inspection_id is None or self.draft is None:
            return
        self.save_draft()  # queued before the read on the same database thread
        self.generate_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Generating the report…"))
        ops.submit(
            self.workspace,
            reports.prepare,
            self.workspace.ctx,
            self.inspection_id,
            self.draft.report_type,
            on_done=self._render,
            on_error=self._failed,
        )

    def _render(self, content: ReportContent) -> None:
        self.content = content

        def progress(done: int, total: int) -> None:
            ops.post(self._progress, (done, total))

        def work() -> tuple[bytes, list[PageImage]]:
            from inspectorapp.reports.preview import render_pages  # pdfium loads on first preview

            pdf = reports.render(content, progress)
            return pdf, render_pages(pdf, PREVIEW_WIDTH)

        ops.in_thread(work, on_done=self._show_pdf, on_error=self._failed)

    def _progress(self, step: tuple[int, int]) -> None:
        done, total = step
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _show_pdf(self, result: tuple[bytes, list[PageImage]]) -> None:
        self.pdf, images = result
        self._clear_pages()
        for page in images:
            image = QImage(page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGB32)
            label = QLabel()
            label.setObjectName("reportPage")
            label.setPixmap(QPixmap.fromImage(image.copy()))  # copy: the bytes object is temporary
            label.setFixedSize(page.width, page.height)
            label.setStyleSheet("border: 1px solid palette(mid);")
            self.pages_box.addWidget(label)
        assert self.content is not None
        digest = self.content.content_hash()
        self.hash.setText(self.tr("%n page(s) · content hash {0}", "", len(images)).format(digest))
        self.progress.setVisible(False)
        self.generate_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("Check the preview, then save it as PDF."))

    def _choose_file(self) -> None:
        if self.content is None:
            return
        start = str(Path.home() / reports.file_name(self.content))
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("Save report"), start, "PDF (*.pdf)")
        if target:
            self.save_to(Path(target))

    def save_to(self, path: Path) -> None:
        """Write the previewed bytes (crash-safe) and record who saved which hash where."""
        if self.pdf is None or self.content is None or self.inspection_id is None:
            return
        from inspectorapp.atomic import write_atomic

        try:
            write_atomic(path, self.pdf)
        except OSError as exc:
            self.status.setText(self.tr("The report could not be saved: {0}").format(exc.strerror or exc))
            return
        ops.submit(
            self.workspace,
            reports.record_saved,
            self.workspace.ctx,
            self.inspection_id,
            self.content.content_hash(),
            path.name,
            on_done=lambda _r: self.status.setText(self.tr("Saved: {0}").format(path.name)),
            on_error=self._error,
        )

    def _clear_pages(self) -> None:
        while self.pages_box.count():
            item = self.pages_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _clear_preview(self) -> None:
        self.pdf = None
        self.content = None
        self._clear_pages()
        self.hash.setText("")
        self.save_button.setEnabled(False)

    def _failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self.generate_button.setEnabled(True)
        self._error(exc)

    def _error(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))
