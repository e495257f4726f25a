"""Render pages of the demo's area report, of Ziekenhuis B's agenda pack for the periodic
review and of Ziekenhuis A's handover dossier to PNG in docs/ (what a reader sees).

Usage: python tools/report_pages.py  (needs pdftoppm from poppler-utils)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from datetime import date  # noqa: E402

from inspectorapp.domain.snapshots import ActionContext  # noqa: E402
from inspectorapp.domain.subject_ref import SubjectRef  # noqa: E402
from inspectorapp.services import agenda_pack, demo, handover, report_drafts, reports  # noqa: E402
from inspectorapp.store_access import create_store  # noqa: E402
from storage import models as m  # noqa: E402

# page number in the dementia area report -> file in docs/
PAGES = {1: "report-cover.png", 4: "report-findings.png", 8: "report-charts.png", 12: "report-sources.png"}
PACK_PAGES = {1: "agenda-pack-1.png", 2: "agenda-pack-2.png"}
DOSSIER_PAGES = {1: "handover-dossier-pdf-1.png", 2: "handover-dossier-pdf-2.png"}
TODAY = date(2026, 12, 6)  # the demo's stories are told up to this day


def _internal_pdfs(s: Session) -> tuple[bytes, bytes]:
    """Ziekenhuis B's agenda pack for the periodic review of 15-12-2026; Ziekenhuis A's dossier."""
    from inspectorapp.reports.agenda_pack_pdf import agenda_pack_pdf
    from inspectorapp.reports.handover_pdf import dossier_pdf

    named = {name: oid for name, oid in s.execute(select(m.Organisation.name, m.Organisation.id))}
    review = s.scalars(select(m.Deliberation.id).where(m.Deliberation.held_on == date(2026, 12, 15))).one()
    pack = agenda_pack.agenda_pack(s, review, SubjectRef.organisation(named["Ziekenhuis B"]), TODAY)
    reader = handover.reader_of(ActionContext("Inspecteur MSZ", "docs"))  # the new account holder
    dossier = handover.dossier(s, SubjectRef.organisation(named["Ziekenhuis A"]), reader, TODAY)
    return agenda_pack_pdf(pack, "nl", TODAY), dossier_pdf(dossier, "nl")


def _pages(pdf: Path, pages: dict[int, str], tmp: str) -> None:
    for page, name in pages.items():
        stem = Path(tmp) / f"{pdf.stem}-page{page}"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "80",
                "-png",
                "-singlefile",
                "-f",
                str(page),
                "-l",
                str(page),
                str(pdf),
                str(stem),
            ],
            check=True,
        )
        (ROOT / "docs" / name).write_bytes(stem.with_suffix(".png").read_bytes())
        print("docs/" + name)


def main() -> None:
    ctx = ActionContext("docs", "docs")
    with tempfile.TemporaryDirectory() as tmp:
        store = create_store(Path(tmp) / "veldwerk.db", "docs passphrase for a temporary store")
        with store.transaction() as s:
            demo.load_demo(s, ctx)
            iid = s.scalars(select(m.Inspection.id).where(m.Inspection.title.contains("dementiezorg"))).one()
            report_drafts.ensure_draft(s, ctx, iid, "gebiedsrapportage")
            content = reports.prepare(s, ctx, iid, "gebiedsrapportage")
            pack, dossier = _internal_pdfs(s)
        store.close()
        report = reports.render(content)
        documents = (
            ("report", report, PAGES),
            ("pack", pack, PACK_PAGES),
            ("dossier", dossier, DOSSIER_PAGES),
        )
        for name, data, pages in documents:
            target = Path(tmp) / f"{name}.pdf"
            target.write_bytes(data)
            _pages(target, pages, tmp)


if __name__ == "__main__":
    main()
