"""Render pages of the demo's area report to PNG in docs/ (the screenshots a reader sees).

Usage: python tools/report_pages.py  (needs pdftoppm from poppler-utils)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inspectorapp.domain.snapshots import ActionContext  # noqa: E402
from inspectorapp.services import demo, report_drafts, reports  # noqa: E402
from inspectorapp.store_access import create_store  # noqa: E402
from storage import models as m  # noqa: E402

# page number in the dementia area report -> file in docs/
PAGES = {1: "report-cover.png", 4: "report-findings.png", 8: "report-charts.png", 12: "report-sources.png"}


def main() -> None:
    ctx = ActionContext("docs", "docs")
    with tempfile.TemporaryDirectory() as tmp:
        store = create_store(Path(tmp) / "veldwerk.db", "docs passphrase for a temporary store")
        with store.transaction() as s:
            demo.load_demo(s, ctx)
            iid = s.scalars(select(m.Inspection.id).where(m.Inspection.title.contains("dementiezorg"))).one()
            report_drafts.ensure_draft(s, ctx, iid, "gebiedsrapportage")
            content = reports.prepare(s, ctx, iid, "gebiedsrapportage")
        store.close()
        pdf = Path(tmp) / "report.pdf"
        pdf.write_bytes(reports.render(content))
        for page, name in PAGES.items():
            stem = Path(tmp) / f"page{page}"
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


if __name__ == "__main__":
    main()
