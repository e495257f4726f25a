"""Building blocks of the report body: user text made safe for Paragraphs, headings, tables."""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from inspectorapp.domain.report import ReportContent, ReportType

from .fonts import REGULAR
from .labels import Labels
from .layout import TOC_CALLBACK, HeadingMark, PageNumbers
from .styles import RULE, TABLE_HEAD, Styles

_BLANK_LINES = re.compile(r"\n\s*\n")
# Room a heading needs below it (its own height plus a few lines of text), else it moves to
# the next page. Cheaper than keepWithNext, which wraps the whole following block twice.
_ROOM = {0: 110.0, 1: 90.0, 2: 60.0}
TOC_STYLES = (Styles.toc0, Styles.toc1)


def markup(text: str) -> str:
    """User text as Paragraph markup: XML specials escaped, line breaks kept."""
    return escape(text.replace("\r\n", "\n").replace("\r", "\n")).replace("\n", "<br/>")


def blocks(text: str) -> list[str]:
    """The paragraphs of a user text (split at blank lines), as markup. Separate Paragraphs flow
    across pages far cheaper than one long one, which is re-broken whole at every page."""
    return [markup(part.strip()) for part in _BLANK_LINES.split(text.strip()) if part.strip()]


class Label(Flowable):
    """A fixed one-line heading ("Wat zien we"): drawn directly, without Paragraph's markup
    parsing and line breaking, which a long report would pay hundreds of times. Its height
    includes ``room``, so it moves to the next page unless a few lines of text fit below it
    (reportlab moves a flowable that does not fit, and this one never splits)."""

    def __init__(self, text: str, style: ParagraphStyle, room: float) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.room = room

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        self.width, self.height = width, self.style.leading
        return width, (self.height if height >= self.room else self.room)

    def split(self, _width: float, _height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        self.canv.setFont(self.style.fontName, self.style.fontSize)
        self.canv.setFillColor(self.style.textColor)
        self.canv.drawString(0, self.height - self.style.fontSize, self.text)


class _Grid(Table):
    """A table whose rows move whole to the next page, except a row that does not fit even at
    the top of an empty one (a 20,000-character text in a cell): that one is split inside the
    row, where reportlab would otherwise stop the whole document with a LayoutError."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        frame = getattr(self, "_frame", None)
        if parts or frame is None or not getattr(frame, "_atTop", False):
            return parts
        setattr(self, "splitInRow", 1)  # noqa: B010 (reportlab's attribute, untyped)
        return list(super().split(availWidth, availHeight))


def table(
    head: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], numeric: Sequence[int] = ()
) -> Table:
    """A plain data table: header row repeated on every page, thin rules between rows."""

    def cell(text: str, column: int) -> Paragraph:
        return Paragraph(markup(text), Styles.cell_number if column in numeric else Styles.cell)

    data = [[Paragraph(markup(h), Styles.cell_head) for h in head]]
    data += [[cell(text, column) for column, text in enumerate(row)] for row in rows]
    result = _Grid(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    result.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR),  # the cells' default font, else Helvetica
                ("BACKGROUND", (0, 0), (-1, 0), TABLE_HEAD),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return result


class Writer:
    """Collects the flowables of the report body and registers its headings for the contents."""

    def __init__(self, content: ReportContent, labels: Labels, numbers: PageNumbers) -> None:
        self.content = content
        self.labels = labels
        self.numbers = numbers
        self.story: list[Flowable] = []
        self._annexes = 0
        # An area report is a booklet whose big parts start on a new page; a letter just flows.
        self._paged = content.report_type is ReportType.AREA

    def chapter(self, title: str, new_page: bool = False) -> None:
        if new_page and self._paged:
            self.story.append(PageBreakIfNotEmpty())
        self._heading(title, 0, Styles.h1)

    def annex(self, title: str) -> None:
        self._annexes += 1
        self.chapter(self.labels.annex.format(n=self._annexes, title=title), new_page=True)

    def section(self, title: str) -> None:
        """A part of a chapter (a finding): in the contents and the outline."""
        self._heading(title, 1, Styles.h2)

    def subheading(self, label: str, style: ParagraphStyle = Styles.h3) -> None:
        """A fixed label (not user text: it is not wrapped) over the text that follows."""
        self.story.append(Label(label, style, _ROOM[2]))

    def text(self, text: str, style: ParagraphStyle = Styles.body) -> None:
        self.story.extend(Paragraph(block, style) for block in blocks(text))

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)

    def _heading(self, title: str, level: int, style: ParagraphStyle) -> None:
        key = self.numbers.add_heading(title, level, TOC_STYLES[level].fontSize)
        self.story += [HeadingMark(self.numbers, key, _ROOM[level]), Paragraph(markup(title), style)]


def contents(numbers: PageNumbers) -> list[Flowable]:
    """The lines of the table of contents: linked titles, dotted leaders, late page numbers."""
    return [
        Paragraph(
            f'<a href="#{entry.key}">{markup(entry.title)}</a>'
            f'<onDraw name="{TOC_CALLBACK}" label="{entry.key}"/>',
            TOC_STYLES[entry.level],
        )
        for entry in numbers.entries
    ]
