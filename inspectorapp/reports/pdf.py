"""Render a `ReportContent` as a PDF: A4, embedded DejaVu Sans, byte-identical for the same content.

    pdf_bytes = render_pdf(content, progress=lambda done, total: ...)

Pure reportlab, no Qt: safe to call from a worker thread. The content is already filtered
(`services.report_content`); this module only lays it out. The document is laid out in a
single pass (see `layout`), so a long report costs little more than its plain text would.
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

from reportlab.platypus import Flowable

from inspectorapp.domain.report import ReportContent, ReportType

from .annexes import annexes
from .charts import charts_chapter
from .flow import Writer
from .fonts import register_fonts
from .labels import Labels, labels_for
from .layout import Metadata, PageDecor, PageNumbers, make_document
from .sections import body, front_matter

Progress = Callable[[int, int], None]
STEPS = 20  # progress total: 1 = flowables built, 2..19 = layout under way, 20 = PDF written
SHORT_HASH = 12


def render_pdf(content: ReportContent, progress: Progress | None = None) -> bytes:
    """The report as PDF bytes. ``progress(done, total)`` is called a handful of times with
    a growing ``done``, the last time with ``done == total``."""
    report = progress or _ignore
    register_fonts()
    labels = labels_for(content.language)
    numbers = PageNumbers(labels.page)
    story = _story(content, labels, numbers)
    report(1, STEPS)
    content_hash = content.content_hash()
    type_name = labels.report_types[content.report_type]
    decor = PageDecor(
        numbers=numbers,
        footer_text=f"{content.title}  ·  {content_hash[:SHORT_HASH]}",
        report_type=type_name,
        hash_label=labels.content_hash,
        content_hash=content_hash,
    )
    meta = Metadata(
        title=content.title,
        subject=f"{type_name}: {content.subtitle}" if content.subtitle else type_name,
        language=content.language,
        report_date=content.report_date,
    )
    out = BytesIO()
    doc, canvasmaker = make_document(out, decor, content.report_type is ReportType.AREA, meta)
    doc.setProgressCallBack(_LayoutProgress(report, len(story)))
    doc.build(story, canvasmaker=canvasmaker)
    report(STEPS, STEPS)
    return out.getvalue()


def _story(content: ReportContent, labels: Labels, numbers: PageNumbers) -> list[Flowable]:
    writer = Writer(content, labels, numbers)
    body(writer)
    charts_chapter(writer)
    annexes(writer)
    # Last: the contents list the headings the body registered.
    return front_matter(content, labels, numbers) + writer.story


def _ignore(_done: int, _total: int) -> None:
    pass


class _LayoutProgress:
    """Turns reportlab's per-flowable progress into steps 2..STEPS-1, each reported once."""

    def __init__(self, report: Progress, flowables: int) -> None:
        self._report = report
        self._flowables = max(flowables, 1)
        self._step = 1

    def __call__(self, kind: str, value: int) -> None:
        if kind != "PROGRESS":
            return
        # value counts flowables consumed; it can step back when one is split and re-queued.
        step = min(2 + value * (STEPS - 2) // self._flowables, STEPS - 1)
        if step > self._step:
            self._step = step
            self._report(step, STEPS)
