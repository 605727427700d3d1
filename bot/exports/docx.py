"""The plan as a Word document a secretary can put in front of the council without editing:
A4 landscape, Times New Roman, «УТВЕРЖДАЮ» top right, the title centred, one table whose
header row repeats on every page, section rows merged across, then «Отчёты исполнителей».

The paragraphs around the tables go through python-docx; the table rows are written as
WordprocessingML directly (python-docx's element API costs ~4 ms a row: a 1,000-item plan
would take seconds)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor

from bot.exports.model import (
    COLUMNS,
    PAGE_TITLE,
    REPORT_COLUMNS,
    REPORTS_TITLE,
    ExportItem,
    PlanExport,
    clean,
)

FONT = "Times New Roman"
BODY_PT = 12
TABLE_PT = 11
# Widths of the plan's columns in centimetres: 27.7 cm of text on A4 landscape.
PLAN_WIDTHS = (1.3, 7.6, 4.2, 3.2, 4.0, 7.4)
REPORT_WIDTHS = (2.3, 1.8, 4.5, 3.6, 3.4, 8.1, 4.0)
TWIPS_PER_CM = 567


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


@dataclass(frozen=True, slots=True)
class _Cell:
    lines: Sequence[str]
    width_cm: float
    bold: bool = False
    colour: str | None = None  # of the text
    fill: str | None = None  # of the cell
    centre: bool = False
    span: int = 1
    late: Sequence[bool] = ()  # per line: shown in the accent colour


def _paragraph(text: str, cell: _Cell, colour: str | None) -> str:
    jc = '<w:jc w:val="center"/>' if cell.centre else ""
    props = "<w:b/>" if cell.bold else ""
    if colour:
        props += f'<w:color w:val="{_hex(colour)}"/>'
    props += f'<w:sz w:val="{TABLE_PT * 2}"/><w:szCs w:val="{TABLE_PT * 2}"/>'
    run = (
        f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(clean(text))}</w:t></w:r>'
        if text
        else ""
    )
    return f'<w:p><w:pPr><w:spacing w:after="0"/>{jc}</w:pPr>{run}</w:p>'


def _cell_xml(cell: _Cell, accent: str) -> str:
    props = f'<w:tcW w:w="{round(cell.width_cm * TWIPS_PER_CM)}" w:type="dxa"/>'
    if cell.span > 1:
        props += f'<w:gridSpan w:val="{cell.span}"/>'
    if cell.fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{_hex(cell.fill)}"/>'
    lines = list(cell.lines) or [""]
    late = list(cell.late) + [False] * len(lines)
    body = "".join(
        _paragraph(line, cell, accent if late[n] else cell.colour) for n, line in enumerate(lines)
    )
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def _row(cells: Sequence[_Cell], accent: str, *, header: bool = False) -> Any:
    props = "<w:cantSplit/>" + ('<w:tblHeader w:val="true"/>' if header else "")
    tcs = "".join(_cell_xml(c, accent) for c in cells)
    return parse_xml(f"<w:tr {nsdecls('w')}><w:trPr>{props}</w:trPr>{tcs}</w:tr>")


def _table(
    document: Any, columns: Sequence[str], widths: Sequence[float], fill: str, accent: str
) -> Any:
    table = document.add_table(rows=0, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    header = [
        _Cell([title], width, bold=True, colour="#FFFFFF", fill=fill, centre=True)
        for title, width in zip(columns, widths, strict=True)
    ]
    table._tbl.append(_row(header, accent, header=True))
    return table


def _item_row(item: ExportItem, accent: str) -> Any:
    texts: list[Sequence[str]] = [
        [item.number],
        [item.text],
        [item.executors],
        [item.deadline_text],
        item.result_lines,
        item.mark_lines,
    ]
    cells = [_Cell(lines, width) for lines, width in zip(texts, PLAN_WIDTHS, strict=True)]
    cells[-1] = _Cell(item.mark_lines, PLAN_WIDTHS[-1], late=[m.late for m in item.marks])
    return _row(cells, accent)


def _heading(document: Any, text: str, colour: str, *, new_page: bool = False) -> None:
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.page_break_before = new_page
    run = heading.add_run(clean(text))
    run.bold = True
    run.font.size = Pt(14)
    run.font.color.rgb = _rgb(colour)


def write_docx(export: PlanExport) -> bytes:
    brand = export.branding
    accent = brand.accent
    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_PT)
    style.element.rPr.rFonts.set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", FONT
    )
    style.font.color.rgb = _rgb(brand.text)
    page = document.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = Cm(29.7), Cm(21.0)
    page.left_margin = page.right_margin = Cm(1.0)
    page.top_margin = page.bottom_margin = Cm(1.5)
    document.core_properties.title = clean(export.title)[:255]
    document.core_properties.subject = PAGE_TITLE

    if export.logo:
        picture = document.add_paragraph()
        try:
            picture.add_run().add_picture(BytesIO(export.logo), height=Cm(1.6))
        except (InvalidImageStreamError, UnexpectedEndOfFileError, UnrecognizedImageError):
            # A logo python-docx cannot read: the document goes out without it.
            picture._p.getparent().remove(picture._p)
    if export.approval is not None:
        for n, line in enumerate(export.approval.lines):
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.add_run(clean(line)).bold = n == 0
        document.add_paragraph()
    _heading(document, export.title, brand.primary)
    if brand.organization:
        organization = document.add_paragraph()
        organization.alignment = WD_ALIGN_PARAGRAPH.CENTER
        organization.add_run(clean(brand.organization)).italic = True
    note = document.add_paragraph()
    note.alignment = WD_ALIGN_PARAGRAPH.CENTER
    note.add_run(export.as_of).font.size = Pt(TABLE_PT)

    table = _table(document, COLUMNS, PLAN_WIDTHS, brand.primary, accent)
    tbl = table._tbl
    full = sum(PLAN_WIDTHS)
    for section in export.sections:
        if section.title:
            merged = _Cell(
                [section.title],
                full,
                bold=True,
                colour=brand.primary,
                fill=brand.muted,
                span=len(COLUMNS),
            )
            tbl.append(_row([merged], accent))
        for item in section.items:
            tbl.append(_item_row(item, accent))

    _heading(document, REPORTS_TITLE, brand.primary, new_page=True)
    if export.reports:
        reports = _table(document, REPORT_COLUMNS, REPORT_WIDTHS, brand.primary, accent)
        for report in export.reports:
            cells = [
                _Cell(value.splitlines(), width)
                for value, width in zip(report.cells, REPORT_WIDTHS, strict=True)
            ]
            reports._tbl.append(_row(cells, accent))
    else:
        document.add_paragraph("Отчётов пока нет.")
    out = BytesIO()
    document.save(out)
    return out.getvalue()
