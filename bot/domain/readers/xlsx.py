"""XLSX → RawDocument: the plan's sheet, its title rows as paragraphs, the table from its header."""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser
from openpyxl.worksheet.cell_range import CellRange

from bot.domain.readers.base import Block, Cell, Paragraph, RawDocument, Table
from bot.domain.readers.encoding import tidy_lines
from bot.domain.readers.safety import check_merged_cells, library_errors
from bot.errors import DocumentRejected

# A header row names at least two of these columns; each group counts once.
HEADER_MARKERS = (
    ("№", "п/п"),
    ("мероприят", "содержание", "наименование", "вопросы"),
    ("исполнит", "ответствен", "кто провод"),
    ("срок", "дата провед", "период"),
    ("результат",),
)
MIN_HEADER_MARKERS = 2
# Non-empty cells read from one sheet. A plan of 5,000 rows fills about 30,000; every cell
# read costs memory (200,000 took +143 MB: bench/bench_bad_files.py), so a sheet with more is
# refused before it is read to the end.
MAX_CELLS = 100_000
_EMPTY = Cell("")

_Position = tuple[int, int]  # (row, column), 1-based as in openpyxl


@dataclass(slots=True)
class _Sheet:
    """The non-empty cells of one sheet, sparse: a stray cell at XFD1048576 costs nothing."""

    cells: dict[_Position, Cell] = field(default_factory=dict)
    # (min_row, min_col, max_row, max_col) of merged ranges whose top-left cell has text
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    # Cells holding a formula whose value was never computed and saved («B5»)
    formulas: list[str] = field(default_factory=list)

    def rows(self) -> dict[int, list[int]]:
        columns: defaultdict[int, list[int]] = defaultdict(list)
        for row, column in sorted(self.cells):
            columns[row].append(column)
        return columns

    def texts(self, row: int, columns: list[int]) -> list[str]:
        return [self.cells[row, column].text for column in columns]


def read_xlsx(data: bytes, sheet: str | None = None) -> RawDocument:
    """Read a workbook whose ZIP already passed the safety checks; ``sheet`` picks by name.

    Sheets are streamed (openpyxl read-only) and only their non-empty cells are kept."""
    check_merged_cells(data)
    with library_errors("XLSX"):
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            chosen = _choose_sheet(workbook, sheet)
        finally:
            workbook.close()
    return RawDocument(
        tuple(_blocks(chosen)), source_format="xlsx", formulas=tuple(chosen.formulas)
    )


def _choose_sheet(workbook: Any, name: str | None) -> _Sheet:
    worksheets = workbook.worksheets
    if name is not None:
        return _load(workbook, _named(worksheets, name))
    # Visible sheets first: a hidden sheet is usually a lookup list, not the plan.
    ordered = sorted(worksheets, key=lambda ws: ws.sheet_state != "visible")
    first_filled: _Sheet | None = None
    for worksheet in ordered:
        sheet = _load(workbook, worksheet)
        if _header_row(sheet) is not None:
            return sheet
        if first_filled is None and sheet.cells:
            first_filled = sheet
    return first_filled or _Sheet()


def _named(worksheets: list[Any], name: str) -> Any:
    wanted = name.strip().casefold()
    exact = [ws for ws in worksheets if ws.title == name]
    loose = [ws for ws in worksheets if ws.title.strip().casefold() == wanted]
    if not exact and not loose:
        raise DocumentRejected("doc-sheet-not-found", name=name)
    return (exact or loose)[0]


class _Parser(WorkSheetParser):  # type: ignore[misc]
    """openpyxl's streaming sheet parser, noting formulas that have no saved value: with
    data_only they read as empty cells, and the plan would silently lose their text."""

    formulas: list[str]

    def parse_cell(self, element: Any) -> dict[str, Any]:
        cell: dict[str, Any] = super().parse_cell(element)
        if cell["value"] is None and element.find(FORMULA_TAG) is not None:
            self.formulas.append(element.get("r") or f"R{cell['row']}C{cell['column']}")
        return cell


def _load(workbook: Any, worksheet: Any) -> _Sheet:
    """The sheet's non-empty cells, streamed row by row: sparse, so a stray cell at
    XFD1048576 costs nothing, and refused past MAX_CELLS."""
    sheet = _Sheet()
    with workbook._archive.open(worksheet._worksheet_path) as source:
        parser = _Parser(
            source,
            workbook.shared_strings,
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        parser.formulas = sheet.formulas
        for _row, cells in parser.parse():
            for found in cells:
                if found["value"] is None:
                    continue
                cell = ReadOnlyCell(
                    worksheet,
                    found["row"],
                    found["column"],
                    found["value"],
                    found["data_type"],
                    found["style_id"],
                )
                text = _format(cell.value, cell.number_format)
                if text:
                    font = cell.font
                    sheet.cells[cell.row, cell.column] = Cell(
                        text, bool(font and font.b), bool(font and font.i)
                    )
                    if len(sheet.cells) > MAX_CELLS:
                        raise DocumentRejected("doc-too-many-cells", limit=MAX_CELLS)
    for merged in parser.merged_cells.mergeCell if parser.merged_cells else ():
        bounds = CellRange(merged.ref)
        if (bounds.min_row, bounds.min_col) in sheet.cells:
            sheet.merges.append((bounds.min_row, bounds.min_col, bounds.max_row, bounds.max_col))
    return sheet


def _blocks(sheet: _Sheet) -> list[Block]:
    rows = sheet.rows()
    header = _header_row(sheet)
    if header is None:
        header = next((row for row, columns in rows.items() if len(columns) > 1), None)
    if header is None:
        header = max(rows, default=0) + 1  # a list of single values: all paragraphs
    blocks: list[Block] = [
        Paragraph(cell.text, cell.bold, cell.italic)
        for row, columns in rows.items()
        if row < header
        for cell in (sheet.cells[row, column] for column in columns)
    ]
    table = _table(sheet, header, max(rows, default=0))
    if table.rows:
        blocks.append(table)
    return blocks


def _header_row(sheet: _Sheet) -> int | None:
    for row, columns in sheet.rows().items():
        if _is_header(sheet.texts(row, columns)):
            return row
    return None


def _is_header(texts: list[str]) -> bool:
    """At least two different column names, in at least two different cells."""
    # A title like «План мероприятий по достижению результатов» names two in one cell.
    found = [_markers(text.casefold()) for text in texts]
    named = [markers for markers in found if markers]
    return len(named) >= 2 and len(set().union(*named)) >= MIN_HEADER_MARKERS


def _markers(text: str) -> set[int]:
    return {
        group
        for group, markers in enumerate(HEADER_MARKERS)
        if any(marker in text for marker in markers)
    }


def _table(sheet: _Sheet, header: int, last_row: int) -> Table:
    cells = dict(sheet.cells)
    for min_row, min_col, max_row, _max_col in sheet.merges:
        # Down a merged range the text repeats (one executor for several rows); across it
        # stays in the first column only. Title merges above the header are not repeated.
        top = cells[min_row, min_col]
        for row in range(max(min_row + 1, header), min(max_row, last_row) + 1):
            cells[row, min_col] = replace(top, merged=True)
    positions = [position for position in cells if position[0] >= header]
    rows = sorted({row for row, _ in positions})
    columns = sorted({column for _, column in positions})
    return Table(
        tuple(tuple(cells.get((row, column), _EMPTY) for column in columns) for row in rows)
    )


def _format(value: Any, number_format: str) -> str:
    """A cell value as the plan's reader sees it: dates dd.mm.yyyy, 5.0 as 5."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ИСТИНА" if value else "ЛОЖЬ"  # as Russian Excel shows them
    if isinstance(value, datetime):
        shown = "%d.%m.%Y" if value.time() == time() else "%d.%m.%Y %H:%M"
        return value.strftime(shown)
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, int | float):
        return _number(value, number_format)
    return tidy_lines(str(value))


def _number(value: float, number_format: str) -> str:
    if "%" in number_format:
        return f"{value * 100:.15g}%"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.15g}"
