"""The neutral shape every reader (DOCX, XLSX, text) produces: paragraphs and tables in order."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: its text with line breaks kept as "\\n", whether it is all bold/italic, and
    whether it is the lower part of a cell merged down (DOCX, XLSX; text has no merges)."""

    text: str
    bold: bool = False
    italic: bool = False
    # The cell goes on from the one above (merged down): its text is repeated from there.
    merged: bool = field(default=False, compare=False)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph outside tables; ``heading`` is 0 for body text, 1–6 for heading levels."""

    text: str
    bold: bool = False
    italic: bool = False
    heading: int = 0


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of cells. A horizontally merged cell keeps its text in the first column only."""

    rows: tuple[tuple[Cell, ...], ...]


Block = Paragraph | Table


@dataclass(frozen=True, slots=True)
class RawDocument:
    blocks: tuple[Block, ...]
    source_format: str  # "docx" | "xlsx" | "text"
    encoding: str | None = None
    notes: tuple[str, ...] = field(default=())
    # Cells («B5») holding a formula with no saved value: read as empty, so worth a warning.
    formulas: tuple[str, ...] = field(default=())
