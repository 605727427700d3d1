"""XLSX → RawDocument: the plan's sheet, its title rows as paragraphs, the table from its header."""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from openpyxl import load_workbook

from bot.domain.readers.base import Block, Cell, Paragraph, RawDocument, Table
from bot.domain.readers.encoding import tidy_lines
from bot.domain.readers.safety import check_merged_cells, library_errors
from bot.errors import DocumentRejected

# A header row names at least two of these columns; each group counts once.
HEADER_MARKERS = (
    ("№", "п/п"),
    ("мероприят", "содержание", "наименование"),
    ("исполнит", "ответствен"),
    ("срок",),
    ("результат",),
)
MIN_HEADER_MARKERS = 2
_EMPTY = Cell("")

_Position = tuple[int, int]  # (row, column), 1-based as in openpyxl


@dataclass(slots=True)
class _Sheet:
    """The non-empty cells of one sheet, sparse: a stray cell at XFD1048576 costs nothing."""

    cells: dict[_Position, Cell] = field(default_factory=dict)
    # (min_row, min_col, max_row, max_col) of merged ranges whose top-left cell has text
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)

    def rows(self) -> dict[int, list[int]]:
        columns: defaultdict[int, list[int]] = defaultdict(list)
        for row, column in sorted(self.cells):
            columns[row].append(column)
        return columns

    def texts(self, row: int, columns: list[int]) -> list[str]:
        return [self.cells[row, column].text for column in columns]


def read_xlsx(data: bytes, sheet: str | None = None) -> RawDocument:
    """Read a workbook whose ZIP already passed the safety checks; ``sheet`` picks by name."""
    check_merged_cells(data)
    with library_errors("XLSX"):
        # Not read_only: merged ranges are only known in the full model.
        workbook = load_workbook(io.BytesIO(data), data_only=True)
        blocks = _blocks(_choose_sheet(workbook.worksheets, sheet))
    return RawDocument(tuple(blocks), source_format="xlsx")


def _choose_sheet(worksheets: list[Any], name: str | None) -> _Sheet:
    if name is not None:
        return _load(_named(worksheets, name))
    # Visible sheets first: a hidden sheet is usually a lookup list, not the plan.
    ordered = sorted(worksheets, key=lambda ws: ws.sheet_state != "visible")
    first_filled: _Sheet | None = None
    for worksheet in ordered:
        sheet = _load(worksheet)
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


def _load(worksheet: Any) -> _Sheet:
    sheet = _Sheet()
    # The private cell dict, not iter_rows(): iter_rows() walks the dense max_row × max_column
    # rectangle, which one far-away cell makes billions of cells large.
    for (row, column), cell in worksheet._cells.items():
        text = _format(cell.value, cell.number_format)
        if text:
            font = cell.font
            sheet.cells[row, column] = Cell(text, bool(font and font.b), bool(font and font.i))
    for merged in worksheet.merged_cells.ranges:
        if (merged.min_row, merged.min_col) in sheet.cells:
            sheet.merges.append((merged.min_row, merged.min_col, merged.max_row, merged.max_col))
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
            cells[row, min_col] = top
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
