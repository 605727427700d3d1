"""Plain text, TSV and Markdown (as the seeds are written) → RawDocument.

Tables in text come as tab-separated lines, Markdown pipe tables, and grid tables drawn with
rules: ASCII («+----+----+», «| 1 | … |») or box-drawing characters («┌──┬──┐», «│ 1 │ … │»,
«╔══╦══╗», as pseudographic printouts and ``tabulate``/``psql`` write them). In a grid table
whose rows are ruled off from each other, the lines between two rules are one row, a cell
wrapped over several lines; where only the header is ruled off, each line is a row (a wrapped
cell then reads as a continuation row, as in TSV).
"""

from __future__ import annotations

import html
import re

from bot.domain.readers.base import Cell, Paragraph, RawDocument, Table

_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?(?:b|i|u|em|strong|span|font|p|div)\b[^>]*>", re.IGNORECASE)
_BOLD_WRAPS = (("<b>", "</b>"), ("<strong>", "</strong>"), ("**", "**"), ("__", "__"))
_ITALIC_WRAPS = (("<i>", "</i>"), ("<em>", "</em>"), ("*", "*"), ("_", "_"))
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)|(?<=\S)(\*\*|__)")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
# Box-drawing characters (U+2500–U+257F) as the ASCII a grid table is read in: verticals as
# «|», horizontals as «-», every corner and junction as «+».
_BOX = str.maketrans(
    {
        **dict.fromkeys("│┃║╎╏┆┇┊┋╽╿", "|"),
        **dict.fromkeys("─━═╌╍┄┅┈┉╼╾", "-"),
        **{chr(code): "+" for code in range(0x250C, 0x254C) if chr(code) not in "╌╍╎╏"},
        **{chr(code): "+" for code in range(0x2552, 0x256D)},
        **dict.fromkeys("╭╮╯╰", "+"),
    }
)
_GRID_RULE = re.compile(r"^\s*\+[-=:+ ]*[-=]{2,}[-=:+ ]*\+?\s*$")


def _wrapped(text: str, wraps: tuple[tuple[str, str], ...]) -> bool:
    stripped = text.strip()
    lowered = stripped.lower()
    for opening, closing in wraps:
        if (
            len(stripped) > len(opening) + len(closing)
            and lowered.startswith(opening)
            and lowered.endswith(closing)
            and opening not in lowered[len(opening) : -len(closing)]
        ):
            return True
    return False


def _clean(text: str) -> str:
    text = _BREAK_TAG.sub("\n", text)
    text = _TAG.sub("", text)
    text = _MARKDOWN_EMPHASIS.sub("", text)
    text = html.unescape(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _cell(text: str) -> Cell:
    return Cell(
        _clean(text),
        bold=_wrapped(text, _BOLD_WRAPS),
        italic=_wrapped(text, _ITALIC_WRAPS) and not _wrapped(text, _BOLD_WRAPS),
    )


def _pipe_cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return inner.split("|")


def _joined(lines: list[list[str]]) -> list[str]:
    """The lines of one ruled-off grid row as one row: each cell's lines, top to bottom."""
    width = max(len(line) for line in lines)
    return [
        "\n".join(part.strip() for line in lines if i < len(line) and (part := line[i]).strip())
        for i in range(width)
    ]


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Paragraph | Table] = []
        self.rows: list[list[str]] = []
        self.lines: list[str] = []
        self.heading = 0
        # A grid table being read: its lines between rules, a list per ruled-off band.
        self.bands: list[list[list[str]]] | None = None

    def grid_rule(self) -> None:
        if self.bands is None:
            self.flush_paragraph()
            self.flush_table()
            self.bands = [[]]
        elif self.bands[-1]:
            self.bands.append([])

    def grid_line(self, cells: list[str]) -> None:
        assert self.bands is not None
        self.bands[-1].append(cells)

    def flush_grid(self) -> None:
        if self.bands is None:
            return
        bands = [band for band in self.bands if band]
        self.bands = None
        if len(bands) > 2:  # every row ruled off: a band is a row
            self.rows = [_joined(band) for band in bands]
        elif bands:  # only the header ruled off: a band of header lines, then a line a row
            self.rows = [_joined(bands[0]), *bands[1:][0]] if len(bands) == 2 else bands[0]
        self.flush_table()

    def flush_paragraph(self) -> None:
        if not self.lines:
            return
        raw = "\n".join(self.lines)
        text = _clean(raw)
        if text:
            bold = _wrapped(raw, _BOLD_WRAPS)
            italic = not bold and _wrapped(raw, _ITALIC_WRAPS)
            self.blocks.append(Paragraph(text, bold=bold, italic=italic, heading=self.heading))
        self.lines, self.heading = [], 0

    def flush_table(self) -> None:
        if not self.rows:
            return
        width = max(len(row) for row in self.rows)
        self.blocks.append(
            Table(
                tuple(tuple(_cell(c) for c in row + [""] * (width - len(row))) for row in self.rows)
            )
        )
        self.rows = []


def read_text(text: str) -> RawDocument:
    """Tab-separated or pipe-table lines form tables; other lines, paragraphs split by blanks."""
    builder = _Builder()
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = line.strip()
        if any("\u2500" <= ch <= "\u257f" for ch in stripped):
            line = line.translate(_BOX)
            stripped = line.strip()
        if _GRID_RULE.match(stripped):
            builder.grid_rule()
            continue
        if builder.bands is not None:
            if stripped.startswith("|") and stripped.count("|") >= 2:
                builder.grid_line(_pipe_cells(stripped))
                continue
            builder.flush_grid()
        if "\t" in line and stripped:
            builder.flush_paragraph()
            builder.rows.append(line.rstrip("\n").split("\t"))
            continue
        if stripped.startswith("|") and stripped.count("|") >= 2:
            builder.flush_paragraph()
            if not _PIPE_SEPARATOR.match(stripped):
                builder.rows.append(_pipe_cells(stripped))
            continue
        if not stripped:
            # A blank line ends a paragraph; a table may go on after it (seed 004, row 2.6).
            builder.flush_paragraph()
            continue
        builder.flush_table()
        if _RULE.match(stripped):
            builder.flush_paragraph()
            continue
        heading = _HEADING.match(stripped)
        if heading:
            builder.flush_paragraph()
            builder.heading = len(heading[1])
            builder.lines.append(heading[2])
            builder.flush_paragraph()
            continue
        if _wrapped(stripped, _BOLD_WRAPS):
            # «<b>Октябрьский административный округ</b>», «**СЕНТЯБРЬ**»: a bold line is a
            # heading of its own, not the next line of the paragraph above
            builder.flush_paragraph()
            builder.lines.append(line.rstrip())
            builder.flush_paragraph()
            continue
        builder.lines.append(line.rstrip())
    builder.flush_grid()
    builder.flush_paragraph()
    builder.flush_table()
    return RawDocument(tuple(builder.blocks), source_format="text")
