"""The plan as an Excel workbook: sheet «План» in the plan's layout (A4 landscape, fit to
width, the title rows repeated on every page, wrapped text, the header frozen) and sheet
«Отчёты». User text never becomes a formula: a cell starting with = + - @ or a tab / CR is
stored as a string with the quote prefix."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bot.exports.model import COLUMNS, REPORT_COLUMNS, REPORTS_TITLE, PlanExport

FONT = "Times New Roman"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
PLAN_WIDTHS = (8, 48, 26, 20, 26, 42)
REPORT_WIDTHS = (12, 10, 30, 22, 22, 50, 26)


def _hex(colour: str) -> str:
    return "FF" + colour.lstrip("#").upper()


def put(sheet: Worksheet, row: int, column: int, value: str) -> Cell:
    """Writes text as text: never a formula, never a number guessed from it."""
    cell = sheet.cell(row=row, column=column)
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.value = value
    cell.data_type = "s"
    if value.startswith(DANGEROUS):
        cell.quotePrefix = True
    return cell


def _sheet_setup(sheet: Worksheet, widths: Sequence[int], header_row: int) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.print_options.horizontalCentered = True


def _height(values: Sequence[str], widths: Sequence[int]) -> float:
    """A row's height in points for its wrapped text: spreadsheets do not grow rows that a
    file sets no height for when it is opened (LibreOffice) or printed."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        per_line = max(1, int(width * 1.3))
        wrapped = sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))
        lines = max(lines, wrapped)
    return min(409.0, 15.0 * lines + 3)


def _header(sheet: Worksheet, row: int, titles: Sequence[str], fill: str, border: Border) -> None:
    for column, title in enumerate(titles, start=1):
        cell = put(sheet, row, column, title)
        cell.font = Font(name=FONT, size=11, bold=True, color="FFFFFFFF")
        cell.fill = PatternFill("solid", fgColor=_hex(fill))
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border


def write_xlsx(export: PlanExport) -> bytes:
    brand = export.branding
    side = Side(style="thin", color=_hex("#808080"))
    border = Border(left=side, right=side, top=side, bottom=side)
    body = Font(name=FONT, size=11, color=_hex(brand.text))
    late = Font(name=FONT, size=11, color=_hex(brand.accent))
    wrap = Alignment(vertical="top", wrap_text=True)
    last = len(COLUMNS)

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "План"
    row = 1
    if export.approval is not None:
        for line in export.approval.lines:
            sheet.merge_cells(start_row=row, start_column=5, end_row=row, end_column=last)
            cell = put(sheet, row, 5, line)
            cell.font = Font(name=FONT, size=12, bold=line == export.approval.lines[0])
            cell.alignment = Alignment(horizontal="right")
            row += 1
        row += 1
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    title = put(sheet, row, 1, export.title)
    title.font = Font(name=FONT, size=14, bold=True, color=_hex(brand.primary))
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[row].height = 36
    row += 1
    if brand.organization:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
        put(sheet, row, 1, brand.organization).font = Font(name=FONT, size=12, italic=True)
        sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center")
        row += 1
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    put(sheet, row, 1, export.as_of).font = Font(name=FONT, size=11, italic=True)
    sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center")
    row += 1
    header_row = row
    _header(sheet, header_row, COLUMNS, brand.primary, border)
    section_fill = PatternFill("solid", fgColor=_hex(brand.muted))
    for section in export.sections:
        if section.title:
            row += 1
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
            cell = put(sheet, row, 1, section.title)
            cell.font = Font(name=FONT, size=11, bold=True, color=_hex(brand.primary))
            cell.alignment = wrap
            sheet.row_dimensions[row].height = _height([section.title], [sum(PLAN_WIDTHS)])
            for column in range(1, last + 1):
                sheet.cell(row=row, column=column).fill = section_fill
                sheet.cell(row=row, column=column).border = border
        for item in section.items:
            row += 1
            values = (
                item.number,
                item.text,
                item.executors,
                item.deadline_text,
                "\n".join(item.result_lines),
                "\n".join(item.mark_lines),
            )
            for column, value in enumerate(values, start=1):
                cell = put(sheet, row, column, value)
                cell.font = body
                cell.alignment = wrap
                cell.border = border
            if any(mark.late for mark in item.marks):
                sheet.cell(row=row, column=last).font = late
            sheet.row_dimensions[row].height = _height(values, PLAN_WIDTHS)
    _sheet_setup(sheet, PLAN_WIDTHS, header_row)
    sheet.print_area = f"A1:{get_column_letter(last)}{row}"

    reports = book.create_sheet("Отчёты")
    reports.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(REPORT_COLUMNS))
    heading = put(reports, 1, 1, f"{REPORTS_TITLE}: {export.cluster}")
    heading.font = Font(name=FONT, size=14, bold=True, color=_hex(brand.primary))
    heading.alignment = Alignment(horizontal="center")
    _header(reports, 2, REPORT_COLUMNS, brand.primary, border)
    for index, report in enumerate(export.reports, start=3):
        for column, value in enumerate(report.cells, start=1):
            cell = put(reports, index, column, value)
            cell.font = body
            cell.alignment = wrap
            cell.border = border
        reports.row_dimensions[index].height = _height(report.cells, REPORT_WIDTHS)
    _sheet_setup(reports, REPORT_WIDTHS, 2)
    book.properties.title = export.title
    out = BytesIO()
    book.save(out)
    return out.getvalue()
