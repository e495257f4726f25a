"""Report generation as the app runs it: content on the database thread, rendering off it.

`prepare` reads (and audits) the content; `render` turns it into PDF bytes on a worker
thread with progress; `record_saved` audits where the inspector saved which hash. The
file name carries the hash prefix, so two versions of a report never share a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy.orm import Session

from inspectorapp.domain.report import ReportContent
from inspectorapp.domain.snapshots import ActionContext

from . import audit
from .report_content import build_content


def prepare(session: Session, ctx: ActionContext, inspection_id: str, report_type: str) -> ReportContent:
    content = build_content(session, inspection_id, report_type)
    audit.record(
        session,
        ctx,
        "report.generate",
        "inspection",
        inspection_id,
        report_type=report_type,
        sha256=content.content_hash(),
    )
    return content


def render(content: ReportContent, progress: Callable[[int, int], None] | None = None) -> bytes:
    from inspectorapp.reports.pdf import render_pdf  # reportlab loads on first use, not at start-up

    return render_pdf(content, progress)


def file_name(content: ReportContent) -> str:
    """``2026-11-20 gebiedsrapportage Netwerktoezicht dementiezorg 3f9a1c2b.pdf``"""
    title = " ".join(re.sub(r"[^\w\- ]+", " ", content.title).split())[:60].strip()
    return f"{content.report_date} {content.report_type.value} {title} {content.content_hash()[:8]}.pdf"


def record_saved(
    session: Session, ctx: ActionContext, inspection_id: str, content_sha256: str, path_name: str
) -> None:
    audit.record(
        session, ctx, "report.save", "inspection", inspection_id, sha256=content_sha256, file=path_name
    )
