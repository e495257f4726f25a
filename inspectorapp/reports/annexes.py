"""The annexes, numbered in the order printed: participants, method and visits, sources, placeholders."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph

from inspectorapp.domain.report import ReportSection

from .flow import Writer, markup, table
from .labels import long_date
from .styles import FRAME_WIDTH, Styles


def annexes(w: Writer) -> None:
    content = w.content
    if content.includes(ReportSection.PARTICIPANTS) and content.participants:
        _participants(w)
    if content.includes(ReportSection.METHOD) and (content.method.strip() or content.visits):
        _method(w)
    if content.includes(ReportSection.SOURCES) and content.sources:
        _sources(w)
    if content.placeholders:  # the key to names replaced in the text: always printed
        _placeholders(w)


def _participants(w: Writer) -> None:
    labels = w.labels
    w.annex(labels.participants)
    w.add(
        table(
            (labels.role_column, labels.organisation_column, labels.conversations_column),
            [(p.role, p.organisation, str(p.conversations)) for p in w.content.participants],
            (FRAME_WIDTH * 0.36, FRAME_WIDTH * 0.44, FRAME_WIDTH * 0.2),
            numeric=(2,),
        )
    )


def _method(w: Writer) -> None:
    labels = w.labels
    w.annex(labels.method)
    w.text(w.content.method)
    if not w.content.visits:
        return
    w.subheading(labels.visits, Styles.h2)
    rows = [
        (
            long_date(v.date, labels),
            v.location,
            labels.yes if v.announced else labels.no,
            "\n".join(v.conversations),
        )
        for v in w.content.visits
    ]
    head = (labels.date_column, labels.location_column, labels.announced_column, labels.conversations_column)
    w.add(table(head, rows, (30 * mm, 45 * mm, 30 * mm, FRAME_WIDTH - 105 * mm)))


def _sources(w: Writer) -> None:
    """Each source as 'B3  Citaat · Gesprek met …' over its text in italics, '— role' below quotes.
    No inline markup in these (hundreds of) paragraphs: one font per paragraph keeps reportlab
    on its fast path, several times quicker per paragraph."""
    w.annex(w.labels.sources)
    for source in w.content.sources:
        head = f"{markup(source.kind)} · {markup(source.source)}"  # no &nbsp;: that is slow path too
        w.add(
            CondPageBreak(40),
            Paragraph(head, Styles.source_head, bulletText=markup(source.ref)),
            Paragraph(markup(source.text), Styles.source_text),
        )
        if source.attribution:
            w.add(Paragraph(f"— {markup(source.attribution)}", Styles.source_attribution))


def _placeholders(w: Writer) -> None:
    labels = w.labels
    w.annex(labels.placeholders)
    w.add(
        table(
            (labels.placeholder_column, labels.kind_column),
            w.content.placeholders,
            (FRAME_WIDTH * 0.4, FRAME_WIDTH * 0.6),
        )
    )
