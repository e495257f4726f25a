"""A ~200-page PDF report vs the same amount of plain text in reportlab (DESIGN.md: ≤ 1.5×).

    python -m bench.report [--runs 5] [--findings 64]

Measured: ``reports.pdf.render_pdf`` of a generated area report (cover, contents with an
entry per finding, findings with long Dutch-looking texts, charts, annexes with a table
of participants, visits and a few hundred sources; footer "Pagina X van Y" on every page).
Floor: the report's own texts as plain Paragraphs in the body style (same embedded
DejaVu Sans, same margins) in a SimpleDocTemplate, built once (no contents, charts or
footer), with as many paragraphs as make it the same number of pages (calibrated before
timing). Runs alternate report/floor after one discarded warm-up of each; the ratio is the
median of the per-pair ratios (a pair runs back to back, so a slow spell of a shared
machine hits both of it), the times printed are medians.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable
from io import BytesIO
from itertools import cycle, islice

from reportlab.platypus import Paragraph, SimpleDocTemplate

from inspectorapp.domain.report import (
    SECTIONS_BY_TYPE,
    EvidenceRef,
    ParticipantLine,
    ReportContent,
    ReportFinding,
    ReportType,
    SessionShares,
    ShareBar,
    TimelinePoint,
    VisitLine,
)
from inspectorapp.reports.flow import blocks
from inspectorapp.reports.fonts import REGULAR, register_fonts
from inspectorapp.reports.pdf import render_pdf
from inspectorapp.reports.styles import MARGIN, PAGE_HEIGHT, PAGE_WIDTH, Styles

from .common import Result, median, ms, print_result
from .words import SPEAKER_ROLES, TextMaker

BUDGET = 1.5
FINDINGS = 85  # with the annexes: about 200 pages
SOURCES = 320
PAGE_RE = re.compile(rb"/Type /Page\b(?!s)")


def _long_text(t: TextMaker, paragraphs: int) -> str:
    return "\n\n".join(t.text(80, 220) for _ in range(paragraphs))


def _finding(t: TextMaker, rng: random.Random, number: int) -> ReportFinding:
    return ReportFinding(
        theme_code=f"T{number // 10 + 1}.{number % 10 + 1}",
        theme_label=t.title(),
        what_we_see=_long_text(t, 3),
        what_we_think=_long_text(t, 2),
        what_next=_long_text(t, 2),
        movement=rng.choice(("Verbetering zichtbaar", "Geen beweging", "Verslechtering")),
        traffic_light=rng.choice(("groen", "oranje", "rood")),
        addressed_to=rng.choice(("Het netwerk", t.org_name())),
        context_factors=t.text(40, 120) if number % 2 else None,
        national_points=t.text(30, 80) if number % 5 == 0 else None,
        evidence=tuple(f"B{rng.randrange(1, SOURCES + 1)}" for _ in range(rng.randint(2, 8))),
        internal_evidence=rng.randint(0, 3),
    )


def big_content(findings: int = FINDINGS) -> ReportContent:
    """An area report of about 200 pages, the same on every call."""
    rng = random.Random(20260512)
    t = TextMaker(rng)
    orgs = [t.org_name() for _ in range(12)]
    roles = [r for r in SPEAKER_ROLES if r]
    sources = tuple(
        EvidenceRef(
            ref=f"B{i}",
            kind=rng.choice(("Citaat", "Waarneming", "Signaal", "Bijlage")),
            source=f"{rng.choice(('Gesprek met', 'Rondgang bij', 'Dossierstudie bij'))} {rng.choice(orgs)}",
            text=t.text(15, 90),
            attribution=rng.choice(roles) if i % 3 == 0 else None,
        )
        for i in range(1, SOURCES + 1)
    )
    sessions = tuple(
        SessionShares(
            title=f"Netwerkoverleg {n}",
            by_role=tuple(ShareBar(r, rng.randint(2, 40), rng.random() / 3) for r in roles),
            by_organisation=tuple(ShareBar(o, rng.randint(2, 40), rng.random() / 3) for o in orgs[:6]),
        )
        for n in range(1, 4)
    )
    return ReportContent(
        report_type=ReportType.AREA,
        language="nl",
        title="Netwerk ouderenzorg regio Zwolle",
        subtitle="Gebiedsgericht toezicht op de samenwerking in de keten",
        report_date="2026-05-12",
        subjects=tuple(orgs[:5]),
        addressees=tuple(orgs[:3]),
        team=("M. de Vries", "J. Bakker", "S. El Amrani"),
        sections=SECTIONS_BY_TYPE[ReportType.AREA],
        summary=_long_text(t, 4),
        role_statement=_long_text(t, 1),
        context=_long_text(t, 3),
        recommendations=tuple(t.text(20, 60) for _ in range(12)),
        appreciation=_long_text(t, 1),
        method=_long_text(t, 2),
        summative=True,
        findings=tuple(_finding(t, rng, n) for n in range(findings)),
        sources=sources,
        participants=tuple(ParticipantLine(r, o, rng.randint(1, 6)) for o in orgs for r in roles[:4]),
        visits=tuple(
            VisitLine(
                f"2026-0{m}-{d:02d}", f"Locatie {o}", d % 2 == 0, ("Interview", "Groepsgesprek", "Rondgang")
            )
            for m, d, o in zip((3, 3, 4, 4, 5, 5), (3, 17, 2, 21, 6, 8), orgs, strict=False)
        ),
        timeline=tuple(
            TimelinePoint(f"2025-{m:02d}", rng.randint(0, 30), rng.randint(0, 30), rng.randint(0, 10))
            for m in range(1, 13)
        ),
        sessions=sessions,
        placeholders=tuple((f"[Organisatie {chr(65 + i)}]", "Zorgaanbieder") for i in range(6)),
    )


def report_texts(content: ReportContent) -> list[str]:
    """Every text of the report as Paragraph markup, in document order: the floor's material."""
    texts = [content.summary, content.role_statement, content.context]
    for f in content.findings:
        texts += [
            f.what_we_see,
            f.what_we_think,
            f.what_next,
            f.context_factors or "",
            f.national_points or "",
        ]
    texts += [*content.recommendations, content.appreciation, content.method]
    texts += [s.text for s in content.sources]
    return [block for text in texts for block in blocks(text)]


def render_floor(texts: list[str]) -> bytes:
    out = BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        invariant=True,
        initialFontName=REGULAR,
    )
    doc.build([Paragraph(text, Styles.body) for text in texts])
    return out.getvalue()


def pages(pdf: bytes) -> int:
    return len(PAGE_RE.findall(pdf))


def calibrate_floor(texts: list[str], target: int) -> list[str]:
    """The report's texts, repeated or cut to fill ``target`` pages as plain paragraphs."""
    count = len(texts)
    for _ in range(6):
        chosen = list(islice(cycle(texts), count))
        got = pages(render_floor(chosen))
        if abs(got - target) <= 1:
            break
        count = round(count * target / got)
    return chosen


def _timed(fn: Callable[[], bytes]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def run(runs: int = 7, findings: int = FINDINGS) -> Result:
    register_fonts()
    content = big_content(findings)
    report_pages = pages(render_pdf(content))
    floor_texts = calibrate_floor(report_texts(content), report_pages)
    floor_pages = pages(render_floor(floor_texts))
    report_s: list[float] = []
    floor_s: list[float] = []
    _timed(lambda: render_pdf(content))  # warm-up: glyph caches, imports
    _timed(lambda: render_floor(floor_texts))
    for _ in range(runs):
        report_s.append(_timed(lambda: render_pdf(content)))
        floor_s.append(_timed(lambda: render_floor(floor_texts)))
    report_m, floor_m = median(report_s), median(floor_s)
    ratios = [r / f for r, f in zip(report_s, floor_s, strict=True)]
    ratio = median(ratios)
    print(
        f"  report: {findings} findings, {len(content.sources)} sources, {report_pages} pages;"
        f" floor: {len(floor_texts)} plain paragraphs, {floor_pages} pages"
    )
    print(f"  floor : median {ms(floor_m)}  runs {', '.join(f'{s * 1000:.0f}' for s in floor_s)} ms")
    print(f"  report: median {ms(report_m)}  runs {', '.join(f'{s * 1000:.0f}' for s in report_s)} ms")
    print(f"  ratio per pair: {', '.join(f'{r:.2f}' for r in ratios)}")
    return Result(
        name="report",
        measured=f"render_pdf median {ms(report_m)} ({report_pages} pages)",
        baseline=f"plain reportlab median {ms(floor_m)} ({floor_pages} pages)",
        ratio=ratio,
        budget=f"median pair ≤ {BUDGET}× plain document",
        passed=ratio <= BUDGET,
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.report", description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--findings", type=int, default=FINDINGS, help="report size: about 3 pages per finding")
    args = p.parse_args(argv)
    print_result(run(args.runs, args.findings))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
