"""The front matter and the body chapters of a report, findings included, in document order."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer, Table, TableStyle

from inspectorapp.domain.report import ReportContent, ReportFinding, ReportSection, ReportType

from .flow import Writer, contents, markup
from .fonts import REGULAR
from .labels import Labels, internal_sources, long_date
from .layout import PageNumbers
from .styles import FRAME_WIDTH, MUTED_HEX, RULE, TRAFFIC_LIGHTS, Styles, traffic_light_style


def front_matter(content: ReportContent, labels: Labels, numbers: PageNumbers) -> list[Flowable]:
    """Cover and contents of an area report; the opening and contents of a letter report.
    Call after the body is written: the contents lists the headings it registered."""
    toc: list[Flowable] = [Paragraph(markup(labels.contents), Styles.h1), *contents(numbers)]
    if content.report_type is ReportType.AREA:
        # The next page template is set first, so any page after the cover is a body page.
        return [NextPageTemplate("body"), *_cover(content, labels), PageBreak(), *toc, PageBreak()]
    return [*_letter_opening(content, labels), Spacer(0, 4 * mm), *toc]


def _cover(content: ReportContent, labels: Labels) -> list[Flowable]:
    parts: list[Flowable] = [Spacer(0, 40 * mm), Paragraph(markup(content.title), Styles.cover_title)]
    if content.subtitle:
        parts.append(Paragraph(markup(content.subtitle), Styles.cover_subtitle))
    return [*parts, Spacer(0, 16 * mm), _facts(content, labels)]


def _letter_opening(content: ReportContent, labels: Labels) -> list[Flowable]:
    parts: list[Flowable] = [
        Paragraph(markup(labels.report_types[content.report_type].upper()), Styles.cover_type),
        Paragraph(markup(content.title), Styles.letter_title),
    ]
    if content.subtitle:
        parts.append(Paragraph(markup(content.subtitle), Styles.letter_subtitle))
    return [
        *parts,
        Spacer(0, 6 * mm),
        _facts(content, labels),
        Spacer(0, 3 * mm),
        Paragraph(
            f"<b>{markup(labels.content_hash)}</b>&nbsp;&nbsp;{content.content_hash()}", Styles.content_hash
        ),
    ]


def _facts(content: ReportContent, labels: Labels) -> Table:
    """Who and what the report is about, as label/value rows; empty rows left out."""
    rows = [
        (labels.subjects, content.subjects),
        (labels.addressed_to, content.addressees),
        (labels.report_date, (long_date(content.report_date, labels),)),
        (labels.team, content.team),
    ]
    data = [
        [Paragraph(markup(key), Styles.key), Paragraph("<br/>".join(markup(v) for v in values), Styles.value)]
        for key, values in rows
        if any(values)
    ]
    result = Table(data, colWidths=[38 * mm, FRAME_WIDTH - 38 * mm], hAlign="LEFT")
    result.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR),  # the cells' default font, else Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEABOVE", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return result


def body(w: Writer) -> None:
    """The chapters before the charts: summary, role, context, findings, recommendations, appreciation."""
    content, labels = w.content, w.labels
    _text_chapter(w, ReportSection.SUMMARY, labels.summary, content.summary)
    _text_chapter(w, ReportSection.ROLE, labels.role, content.role_statement)
    _text_chapter(w, ReportSection.CONTEXT, labels.context, content.context)
    if content.includes(ReportSection.FINDINGS):
        _findings(w)
    if content.includes(ReportSection.RECOMMENDATIONS) and content.recommendations:
        w.chapter(labels.recommendations, new_page=True)
        for number, recommendation in enumerate(content.recommendations, 1):
            w.add(Paragraph(markup(recommendation), Styles.numbered, bulletText=f"{number}."))
    _text_chapter(w, ReportSection.APPRECIATION, labels.appreciation, content.appreciation)


def _text_chapter(w: Writer, section: ReportSection, title: str, text: str) -> None:
    if w.content.includes(section) and text.strip():
        w.chapter(title)
        w.text(text)


def _findings(w: Writer) -> None:
    w.chapter(w.labels.findings, new_page=True)
    if not w.content.findings:
        w.text(w.labels.no_findings, Styles.muted)
    for finding in w.content.findings:
        _finding(w, finding)


def _finding(w: Writer, finding: ReportFinding) -> None:
    labels = w.labels
    w.section(f"{finding.theme_code.strip()} {finding.theme_label.strip()}".strip())
    meta = _finding_meta(finding, w.content.summative, labels)
    if meta is not None:
        w.add(meta)
    parts = (
        (labels.what_we_see, finding.what_we_see),
        (labels.what_we_think, finding.what_we_think),
        (labels.what_next, finding.what_next),
        (labels.context_factors, finding.context_factors or ""),
        (labels.national_points, finding.national_points or ""),
    )
    for title, text in parts:
        if text.strip():
            w.subheading(title)
            w.text(text)
    w.add(Paragraph(markup(_evidence(finding, labels)), Styles.evidence))


def _finding_meta(finding: ReportFinding, summative: bool, labels: Labels) -> Paragraph | None:
    """'● Oranje · Gericht aan: … · Beweging: …': the traffic light (only in summative reports)
    as a coloured disc in the bullet position. Plain text in one font and colour, like the
    evidence line: inline markup would put these on reportlab's slow path, and a long report
    has hundreds of them."""
    parts = [
        f"{title}: {value.strip()}"
        for title, value in ((labels.addressed_to, finding.addressed_to), (labels.movement, finding.movement))
        if value.strip()
    ]
    light = finding.traffic_light
    if not summative or light is None:
        return Paragraph(markup(" · ".join(parts)), Styles.meta) if parts else None
    word = labels.traffic_lights.get(light, light)
    style = traffic_light_style(TRAFFIC_LIGHTS.get(light, MUTED_HEX))
    return Paragraph(markup(" · ".join([word, *parts])), style, bulletText="●")


def _evidence(finding: ReportFinding, labels: Labels) -> str:
    """'Onderbouwing: B1, B3 + 2 interne bronnen (niet opgenomen)'."""
    text = ", ".join(finding.evidence)
    if finding.internal_evidence > 0:
        text = f"{text} {internal_sources(finding.internal_evidence, labels)}".strip()
    return f"{labels.evidence}: {text or '—'}"
