"""The PDF renderer: hand-built ReportContent in, PDF bytes out, read back with poppler-utils."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from inspectorapp.domain.report import (
    SECTIONS_BY_TYPE,
    EvidenceRef,
    ParticipantLine,
    ReportContent,
    ReportFinding,
    ReportSection,
    ReportType,
    SessionShares,
    ShareBar,
    TimelinePoint,
    VisitLine,
)
from inspectorapp.reports.pdf import STEPS, render_pdf

ROOT = Path(__file__).resolve().parent.parent
LOREM = (
    "De zorgverleners bespreken de overdracht dagelijks, maar het zorgplan wordt niet altijd bijgewerkt. "
    "Medewerkers geven aan dat de bezetting in de nachtdienst krap is. "
)


def finding(code: str, label: str, *evidence: str, **changes: Any) -> ReportFinding:
    base = ReportFinding(
        theme_code=code,
        theme_label=label,
        what_we_see=f"We zien bij {label.lower()}: {LOREM * 3}\n\n{LOREM * 2}",
        what_we_think=f"Wij vinden {LOREM * 2}",
        what_next=f"Het netwerk gaat {LOREM}",
        movement="Enige verbetering",
        traffic_light="oranje",
        addressed_to="Het netwerk",
        context_factors=None,
        national_points=None,
        evidence=evidence,
        internal_evidence=0,
    )
    return dataclasses.replace(base, **changes)


def make_content(**changes: Any) -> ReportContent:
    """A small area report with every section filled in; ``changes`` replace fields."""
    base = ReportContent(
        report_type=ReportType.AREA,
        language="nl",
        title="Netwerk ouderenzorg regio Zwolle",
        subtitle="Gebiedsgericht toezicht op samenwerking",
        report_date="2026-05-12",
        subjects=("Zorggroep De Linde", "Stichting Het Baken"),
        addressees=("Bestuur Zorggroep De Linde", "Gemeente Zwolle"),
        team=("M. de Vries", "J. Bakker"),
        sections=SECTIONS_BY_TYPE[ReportType.AREA],
        summary="Samenvattend: het netwerk werkt samen, maar de overdracht blijft kwetsbaar.",
        role_statement="De inspectie houdt toezicht op de kwaliteit van zorg in de regio.",
        context="De regio kent een vergrijzende bevolking.\nHet aantal verpleeghuisplaatsen daalt.",
        recommendations=("Maak afspraken over de overdracht.", "Evalueer de nachtdienst elk kwartaal."),
        appreciation="Wij danken alle deelnemers voor hun openheid.",
        method="We voerden gesprekken en liepen mee op de afdelingen.",
        summative=True,
        findings=(
            finding("K1", "Samenwerking in de keten", "B1", "B3", "B4"),
            finding(
                "K2",
                "Medicatieveiligheid",
                "B2",
                traffic_light="rood",
                internal_evidence=2,
                context_factors="Er is een tekort aan apothekers.",
                national_points="Landelijk speelt hetzelfde tekort.",
            ),
        ),
        sources=(
            EvidenceRef(
                "B1",
                "Citaat",
                "Gesprek met de kerngroep, 12 mei 2026",
                "We bellen elkaar pas als het misgaat.",
                "verpleegkundige",
            ),
            EvidenceRef("B2", "Waarneming", "Rondgang afdeling De Linde", "Aftekenlijsten waren onvolledig."),
            EvidenceRef("B3", "Signaal", "Melding zorgkantoor", "Wachtlijst voor thuiszorg loopt op."),
            EvidenceRef(
                "B4",
                "Citaat",
                "Gesprek met bestuur",
                "Het overleg is goed, de uitvoering niet.",
                "bestuurder",
            ),
        ),
        participants=(
            ParticipantLine("Bestuurder", "Zorggroep De Linde", 2),
            ParticipantLine("Verpleegkundige", "Stichting Het Baken", 5),
        ),
        visits=(VisitLine("2026-04-03", "Locatie De Linde", True, ("Interview bestuur", "Rondgang")),),
        timeline=(TimelinePoint("2026-02", 3, 1, 0), TimelinePoint("2026-03", 2, 4, 1)),
        sessions=(
            SessionShares(
                "Netwerkoverleg april",
                (ShareBar("Bestuurder", 12, 0.6), ShareBar("Arts", 8, 0.4)),
                (ShareBar("Zorggroep De Linde", 20, 1.0),),
            ),
        ),
        placeholders=(("[Organisatie A]", "Zorgaanbieder"),),
    )
    return dataclasses.replace(base, **changes)


def _poppler(tool: str) -> str:
    path = shutil.which(tool)
    assert path, f"{tool} not found: install poppler-utils"
    return path


def _run(tool: str, pdf: bytes, tmp_path: Path, *args: str, to_stdout: bool = False) -> str:
    file = tmp_path / "report.pdf"
    file.write_bytes(pdf)
    command = [_poppler(tool), *args, str(file), *(["-"] if to_stdout else [])]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def text(pdf: bytes, tmp_path: Path) -> str:
    """The text, with runs of spaces made one (pdftotext may widen spaced-out text)."""
    return re.sub(
        r"[ \t]+", " ", _run("pdftotext", pdf, tmp_path, "-layout", "-enc", "UTF-8", to_stdout=True)
    )


def pages(pdf: bytes, tmp_path: Path) -> list[str]:
    return text(pdf, tmp_path).split("\f")[:-1]


def info(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    lines = _run("pdfinfo", pdf, tmp_path, "-isodates").splitlines()
    return {key: value.strip() for key, value in (line.split(":", 1) for line in lines if ":" in line)}


@pytest.fixture(scope="module")
def report() -> bytes:
    return render_pdf(make_content())


# --- determinism ---------------------------------------------------------------------------


def test_same_content_gives_the_same_bytes(report: bytes) -> None:
    assert render_pdf(make_content()) == report
    assert render_pdf(make_content(title="Een andere titel")) != report


def test_same_bytes_from_a_worker_thread(report: bytes) -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda _: render_pdf(make_content()), range(2)))
    assert results == [report, report]


@pytest.mark.slow
def test_same_bytes_in_another_process_timezone_and_hash_seed(report: bytes) -> None:
    code = (
        "import sys\n"
        "from tests.test_report_pdf import make_content\n"
        "from inspectorapp.reports.pdf import render_pdf\n"
        "sys.stdout.buffer.write(render_pdf(make_content()))\n"
    )
    env = os.environ | {"TZ": "Pacific/Auckland", "PYTHONHASHSEED": "4242"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, check=True, timeout=120
    )
    assert done.stdout == report


def test_metadata_comes_from_the_content(report: bytes, tmp_path: Path) -> None:
    meta = info(report, tmp_path)
    assert meta["Title"] == "Netwerk ouderenzorg regio Zwolle"
    assert meta["Author"] == "Veldwerk"
    assert meta["Subject"] == "Gebiedsrapportage: Gebiedsgericht toezicht op samenwerking"
    assert meta["CreationDate"].startswith("2026-05-12")
    assert meta["Page size"].startswith("595.276 x 841.89")


# --- content -------------------------------------------------------------------------------


def test_cover_shows_type_subjects_addressees_date_team_and_full_hash(report: bytes, tmp_path: Path) -> None:
    cover = " ".join(pages(report, tmp_path)[0].split())  # the title wraps
    for expected in (
        "GEBIEDSRAPPORTAGE",
        "Netwerk ouderenzorg regio Zwolle",
        "Zorggroep De Linde",
        "Gemeente Zwolle",
        "12 mei 2026",
        "J. Bakker",
        "Inhoudshash (SHA-256)",
        make_content().content_hash(),
    ):
        assert expected in cover
    assert "Pagina" not in cover  # no footer on the cover


def test_findings_with_their_parts_and_evidence(report: bytes, tmp_path: Path) -> None:
    body = text(report, tmp_path)
    for expected in (
        "K1 Samenwerking in de keten",
        "K2 Medicatieveiligheid",
        "Wat zien we",
        "Wat vinden we ervan",
        "Hoe nu verder",
        "Contextfactoren",
        "Er is een tekort aan apothekers.",
        "Landelijk agenderen",
        "Onderbouwing: B1, B3, B4",
        "Onderbouwing: B2 + 2 interne bronnen (niet opgenomen)",
        "Gericht aan: Het netwerk",
        "Beweging: Enige verbetering",
        "● Oranje",
        "● Rood",
    ):
        assert expected in body
    assert body.count("Contextfactoren") == 1  # only the finding that has them


def test_every_page_after_the_cover_has_the_footer(report: bytes, tmp_path: Path) -> None:
    all_pages = pages(report, tmp_path)
    total = len(all_pages)
    assert total == int(info(report, tmp_path)["Pages"])
    short = make_content().content_hash()[:12]
    for number, page in enumerate(all_pages[1:], start=2):
        assert f"Pagina {number} van {total}" in page
        assert f"Netwerk ouderenzorg regio Zwolle · {short}" in page


def test_contents_lists_sections_findings_and_annexes_with_their_pages(report: bytes, tmp_path: Path) -> None:
    all_pages = pages(report, tmp_path)
    toc = all_pages[1]
    assert "Inhoud" in toc
    headings = (
        "Samenvatting",
        "Rol van de inspectie",
        "Context",
        "Bevindingen per thema",
        "K1 Samenwerking in de keten",
        "K2 Medicatieveiligheid",
        "Aanbevelingen",
        "Waardering",
        "Grafieken",
        "Bijlage 1 Deelnemers naar rol",
        "Bijlage 2 Werkwijze",
        "Bijlage 3 Bronnen",
        "Bijlage 4 Gebruikte aanduidingen",
    )
    for heading in headings:
        listed = re.search(rf"^\s*{re.escape(heading)} (\d+)\s*$", toc, re.M)
        assert listed, heading
        page = int(listed.group(1))
        assert re.search(rf"^\s*{re.escape(heading)}\s*$", all_pages[page - 1], re.M), (heading, page)


def test_recommendations_are_numbered(report: bytes, tmp_path: Path) -> None:
    body = text(report, tmp_path)
    assert "1. Maak afspraken over de overdracht." in body
    assert "2. Evalueer de nachtdienst elk kwartaal." in body


def test_annexes_list_participants_visits_sources_and_placeholders(report: bytes, tmp_path: Path) -> None:
    body = text(report, tmp_path)
    assert re.search(r"Verpleegkundige Stichting Het Baken 5", body)
    assert re.search(r"3 april 2026 Locatie De Linde ja Interview bestuur", body)
    for expected in (
        "B1 Citaat · Gesprek met de kerngroep, 12 mei 2026",
        "We bellen elkaar pas als het misgaat.",
        "— verpleegkundige",
        "— bestuurder",
        "B2 Waarneming · Rondgang afdeling De Linde",
        "[Organisatie A] Zorgaanbieder",
    ):
        assert expected in body
    assert body.count("— ") == 2  # only sources with an attribution get one


def test_charts_are_drawn_with_their_labels(report: bytes, tmp_path: Path) -> None:
    body = text(report, tmp_path)
    for expected in ("Signalen per maand", "Positief", "Negatief", "Ambigu", "feb 2026", "mrt 2026"):
        assert expected in body
    for expected in (
        "Netwerkoverleg april",
        "Spreekaandeel per rol",
        "60% (12)",
        "Spreekaandeel per organisatie",
    ):
        assert expected in body


def test_charts_without_data_are_left_out(tmp_path: Path) -> None:
    body = text(render_pdf(make_content(timeline=(), sessions=())), tmp_path)
    assert "Grafieken" not in body
    body = text(render_pdf(make_content(sessions=())), tmp_path)
    assert "Signalen per maand" in body
    assert "Spreekaandeel" not in body


def test_only_embedded_dejavu_fonts(report: bytes, tmp_path: Path) -> None:
    rows = _run("pdffonts", report, tmp_path).splitlines()[2:]
    assert rows
    for row in rows:
        assert "DejaVuSans" in row, row
        assert re.search(r"\s+yes\s+yes\s+yes\s+", row), row  # embedded, subset, unicode map
    assert "Helvetica" not in "\n".join(rows)


def test_user_text_is_escaped_and_keeps_its_line_breaks(tmp_path: Path) -> None:
    content = make_content(
        summary="Als a < b & c > d dan <b>geen</b> opmaak &amp; geen entiteit.\nTweede regel.",
        findings=(finding("K<1>", "Zorg & <veiligheid>", "B1"),),
    )
    body = text(render_pdf(content), tmp_path)
    assert "Als a < b & c > d dan <b>geen</b> opmaak &amp; geen entiteit.\n" in body
    assert "Tweede regel." in body
    assert "K<1> Zorg & <veiligheid>" in body


def test_a_long_finding_flows_over_several_pages(tmp_path: Path) -> None:
    long_text = " ".join(f"Zin {n} over de overdracht van zorg tussen de teams." for n in range(1, 1201))
    content = make_content(findings=(finding("K1", "Overdracht", "B1", what_we_see=long_text),))
    all_pages = pages(render_pdf(content), tmp_path)
    first = next(i for i, page in enumerate(all_pages) if "Zin 1 over" in page)
    last = next(i for i, page in enumerate(all_pages) if "Zin 1200 over" in page)
    assert last - first >= 3
    assert all("Zin" in all_pages[i] for i in range(first, last + 1))


def test_no_findings_says_so(tmp_path: Path) -> None:
    body = text(render_pdf(make_content(findings=())), tmp_path)
    assert "Bevindingen per thema" in body
    assert "Er zijn (nog) geen bevindingen vastgelegd." in body


def test_sections_switched_off_are_absent(tmp_path: Path) -> None:
    content = make_content(sections=(ReportSection.FINDINGS,))
    body = text(render_pdf(content), tmp_path)
    assert "K1 Samenwerking in de keten" in body
    for absent in (
        "Samenvatting",
        "Rol van de inspectie",
        "Aanbevelingen",
        "Waardering",
        "Grafieken",
        "Deelnemers",
        "Werkwijze",
        "Bronnen",
        "Bijlage 2",
    ):
        assert absent not in body
    assert "Bijlage 1 Gebruikte aanduidingen" in body  # the key to replaced names is always printed


def test_empty_texts_are_skipped(tmp_path: Path) -> None:
    body = text(render_pdf(make_content(summary="", appreciation="  \n", recommendations=())), tmp_path)
    for absent in ("Samenvatting", "Waardering", "Aanbevelingen"):
        assert absent not in body
    assert "Rol van de inspectie" in body


def test_traffic_lights_only_in_summative_reports(tmp_path: Path) -> None:
    body = text(render_pdf(make_content(summative=False)), tmp_path)
    assert "●" not in body
    assert "Oranje" not in body
    assert "Gericht aan: Het netwerk · Beweging: Enige verbetering" in body


def test_english_headings_and_dates(tmp_path: Path) -> None:
    all_pages = pages(render_pdf(make_content(language="en")), tmp_path)
    body = "\f".join(all_pages)
    for expected in (
        "AREA REPORT",
        "Contents",
        "Summary",
        "Role of the inspectorate",
        "Findings per theme",
        "What we see",
        "What we think of it",
        "What next",
        "Evidence: B2 + 2 internal sources (not included)",
        "Addressed to: Het netwerk",
        "● Orange",
        "Annex 1 Participants by role",
        "Annex 3 Sources",
        "Content hash (SHA-256)",
        "12 May 2026",
        "3 April 2026",
        "Signals per month",
    ):
        assert expected in body
    assert f"Page 2 of {len(all_pages)}" in all_pages[1]
    for dutch in ("Samenvatting", "Wat zien we", "Pagina", "Bijlage", "3 april"):
        assert dutch not in body


def test_letter_report_opens_as_a_letter(tmp_path: Path) -> None:
    content = make_content(report_type=ReportType.LETTER, sections=SECTIONS_BY_TYPE[ReportType.LETTER])
    all_pages = pages(render_pdf(content), tmp_path)
    first = all_pages[0]
    for expected in ("BRIEFRAPPORT", "Gemeente Zwolle", "12 mei 2026", content.content_hash(), "Inhoud"):
        assert expected in first
    assert f"Pagina 1 van {len(all_pages)}" in first
    body = "\f".join(all_pages)
    assert "Grafieken" not in body  # not a section of a letter report
    assert "Bijlage 2 Bronnen" in body  # participants is annex 1, method is not offered


def test_progress_is_monotone_and_ends_at_total() -> None:
    calls: list[tuple[int, int]] = []
    render_pdf(make_content(), lambda done, total: calls.append((done, total)))
    assert 3 <= len(calls) <= STEPS
    assert all(total == STEPS for _, total in calls)
    done = [d for d, _ in calls]
    assert done == sorted(set(done))
    assert done[-1] == STEPS


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        render_pdf(make_content(language="de"))
