"""The plan as a Word document a secretary can put in front of the council without editing:
A4 landscape, Times New Roman, «УТВЕРЖДАЮ» top right, the title centred, one table whose
header row repeats on every page, section rows merged across, then «Отчёты исполнителей»."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from bot.exports.model import (
    COLUMNS,
    PAGE_TITLE,
    REPORT_COLUMNS,
    REPORTS_TITLE,
    ExportItem,
    PlanExport,
)

FONT = "Times New Roman"
BODY_PT = 12
TABLE_PT = 11
# Widths of the plan's columns in centimetres: 27.7 cm of text on A4 landscape.
PLAN_WIDTHS = (1.5, 8.0, 4.2, 3.3, 4.2, 6.5)
REPORT_WIDTHS = (2.3, 1.8, 4.5, 3.6, 3.4, 8.1, 4.0)


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def _shade(cell: object, colour: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#").upper())
    tc_pr.append(shading)


def _repeat_header(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    no_split = OxmlElement("w:cantSplit")
    tr_pr.append(no_split)


def _write(
    cell: object,
    lines: Sequence[str],
    *,
    bold: bool = False,
    colour: str | None = None,
    size: int = TABLE_PT,
    centre: bool = False,
) -> None:
    cell.text = ""  # type: ignore[attr-defined]
    paragraphs = cell.paragraphs  # type: ignore[attr-defined]
    first = True
    for line in lines or [""]:
        paragraph = paragraphs[0] if first else cell.add_paragraph()  # type: ignore[attr-defined]
        first = False
        paragraph.paragraph_format.space_after = Pt(0)
        if centre:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(line)
        run.font.size = Pt(size)
        run.bold = bold
        if colour:
            run.font.color.rgb = _rgb(colour)


def _table(document: object, columns: Sequence[str], widths: Sequence[float], fill: str) -> object:
    table = document.add_table(rows=1, cols=len(columns))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header = table.rows[0]
    _repeat_header(header)
    for cell, title in zip(header.cells, columns, strict=True):
        _write(cell, [title], bold=True, colour="#FFFFFF", centre=True)
        _shade(cell, fill)
    return table


def _widths(table: object, widths: Sequence[float]) -> None:
    for row in table.rows:  # type: ignore[attr-defined]
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Cm(width)
    for column, width in zip(table.columns, widths, strict=False):  # type: ignore[attr-defined]
        column.width = Cm(width)


def _item_cells(item: ExportItem) -> list[list[str]]:
    return [
        [item.number],
        [item.text],
        [item.executors],
        [item.deadline_text],
        list(item.result_lines),
        list(item.mark_lines),
    ]


def write_docx(export: PlanExport) -> bytes:
    brand = export.branding
    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_PT)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.font.color.rgb = _rgb(brand.text)
    page = document.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(page, side, Cm(1.0))
    page.top_margin = page.bottom_margin = Cm(1.5)
    document.core_properties.title = export.title
    document.core_properties.subject = PAGE_TITLE

    if export.logo:
        picture = document.add_paragraph()
        try:
            picture.add_run().add_picture(BytesIO(export.logo), height=Cm(1.6))
        except (InvalidImageStreamError, UnexpectedEndOfFileError, UnrecognizedImageError):
            # A logo python-docx cannot read: the document goes out without it.
            picture._p.getparent().remove(picture._p)
    if export.approval is not None:
        for line in export.approval.lines:
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.paragraph_format.space_after = Pt(0)
            run = paragraph.add_run(line)
            run.bold = line == export.approval.lines[0]
        document.add_paragraph()
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(export.title)
    run.bold = True
    run.font.size = Pt(14)
    run.font.color.rgb = _rgb(brand.primary)
    if brand.organization:
        organization = document.add_paragraph()
        organization.alignment = WD_ALIGN_PARAGRAPH.CENTER
        organization.add_run(brand.organization).italic = True
    note = document.add_paragraph()
    note.alignment = WD_ALIGN_PARAGRAPH.CENTER
    note.add_run(export.as_of).font.size = Pt(TABLE_PT)

    table = _table(document, COLUMNS, PLAN_WIDTHS, brand.primary)
    for section in export.sections:
        if section.title:
            row = table.add_row()  # type: ignore[attr-defined]
            merged = row.cells[0].merge(row.cells[-1])
            _write(merged, [section.title], bold=True, colour=brand.primary)
            _shade(merged, brand.muted)
        for item in section.items:
            row = table.add_row()  # type: ignore[attr-defined]
            for cell, lines in zip(row.cells, _item_cells(item), strict=True):
                _write(cell, lines)
            marks = row.cells[-1].paragraphs
            for mark, paragraph in zip(item.marks, marks, strict=False):
                if mark.late:
                    for run in paragraph.runs:
                        run.font.color.rgb = _rgb(brand.accent)
    _widths(table, PLAN_WIDTHS)

    heading = document.add_paragraph()
    heading.paragraph_format.page_break_before = True
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(REPORTS_TITLE)
    run.bold = True
    run.font.size = Pt(14)
    run.font.color.rgb = _rgb(brand.primary)
    if export.reports:
        reports = _table(document, REPORT_COLUMNS, REPORT_WIDTHS, brand.primary)
        for report in export.reports:
            row = reports.add_row()  # type: ignore[attr-defined]
            for cell, value in zip(row.cells, report.cells, strict=True):
                _write(cell, value.splitlines() or [""])
        _widths(reports, REPORT_WIDTHS)
    else:
        document.add_paragraph("Отчётов пока нет.")
    out = BytesIO()
    document.save(out)
    return out.getvalue()
