"""DOCX → RawDocument: body paragraphs and tables in document order, merged cells resolved."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from docx import Document
from docx.oxml.ns import qn

from bot.domain.readers.base import Block, Cell, Paragraph, RawDocument, Table
from bot.domain.readers.encoding import tidy_lines
from bot.domain.readers.safety import library_errors

# Word allows 63 columns; a crafted gridSpan="1000000" must not make million-cell rows.
MAX_COLUMNS = 64
MAX_HEADING = 6

_P, _TBL, _TR, _TC, _R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
_T, _TAB, _BR, _CR, _NB_HYPHEN = (
    qn("w:t"),
    qn("w:tab"),
    qn("w:br"),
    qn("w:cr"),
    qn("w:noBreakHyphen"),
)
_B, _I, _VAL = qn("w:b"), qn("w:i"), qn("w:val")
_PPR, _PSTYLE, _RPR, _RSTYLE = qn("w:pPr"), qn("w:pStyle"), qn("w:rPr"), qn("w:rStyle")
_TCPR, _TRPR, _GRID_SPAN = qn("w:tcPr"), qn("w:trPr"), qn("w:gridSpan")
_VMERGE, _HMERGE = qn("w:vMerge"), qn("w:hMerge")
_GRID_BEFORE, _GRID_AFTER, _TBL_GRID, _GRID_COL = (
    qn("w:gridBefore"),
    qn("w:gridAfter"),
    qn("w:tblGrid"),
    qn("w:gridCol"),
)
_STYLE, _STYLE_ID, _NAME, _BASED_ON = qn("w:style"), qn("w:styleId"), qn("w:name"), qn("w:basedOn")
_TYPE, _DEFAULT = qn("w:type"), qn("w:default")
# Content controls and custom XML wrap whole paragraphs, rows or cells; their content counts.
_BLOCK_WRAPPERS = frozenset({qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")})
# Runs hide inside links, tracked insertions, fields, smart tags; deleted text (w:del) does not.
_RUN_WRAPPERS = _BLOCK_WRAPPERS | {
    qn(tag)
    for tag in ("w:hyperlink", "w:ins", "w:moveTo", "w:smartTag", "w:fldSimple", "w:dir", "w:bdo")
}
_OFF = frozenset({"0", "false", "off", "none"})
_HEADING_NAME = re.compile(r"^(?:heading|заголовок)\s*(\d{1,2})$")
_EMPTY = Cell("")


@dataclass(slots=True)
class _Style:
    name: str
    based_on: str | None
    bold: bool | None
    italic: bool | None


@dataclass(slots=True)
class _Styles:
    """Style definitions by id: bold/italic/heading follow the basedOn chain."""

    by_id: dict[str, _Style] = field(default_factory=dict)
    default_paragraph: str | None = None
    # Thousands of runs share a handful of styles; walking basedOn chains for each is wasted.
    bold_cache: dict[str | None, bool] = field(default_factory=dict)
    italic_cache: dict[str | None, bool] = field(default_factory=dict)

    @classmethod
    def of(cls, styles_element: Any) -> _Styles:
        styles = cls()
        for element in styles_element.iterchildren(_STYLE):
            style_id = element.get(_STYLE_ID)
            if style_id is None:
                continue
            rpr = element.find(_RPR)
            run_format = _PLAIN if rpr is None else _run_format(rpr)
            styles.by_id[style_id] = _Style(
                name=_child_val(element, _NAME) or "",
                based_on=_child_val(element, _BASED_ON),
                bold=run_format.bold,
                italic=run_format.italic,
            )
            is_default = element.get(_DEFAULT) in {"1", "true", "on"}
            if element.get(_TYPE) == "paragraph" and is_default:
                styles.default_paragraph = style_id
        return styles

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            style_id = style.based_on

    def bold(self, style_id: str | None) -> bool:
        if style_id not in self.bold_cache:
            found = (s.bold for s in self.chain(style_id) if s.bold is not None)
            self.bold_cache[style_id] = next(found, False)
        return self.bold_cache[style_id]

    def italic(self, style_id: str | None) -> bool:
        if style_id not in self.italic_cache:
            found = (s.italic for s in self.chain(style_id) if s.italic is not None)
            self.italic_cache[style_id] = next(found, False)
        return self.italic_cache[style_id]

    def heading(self, style_id: str | None) -> int:
        for style in self.chain(style_id):
            match = _HEADING_NAME.match(style.name.strip().casefold())
            if match:
                return max(1, min(int(match[1]), MAX_HEADING))
        return 0


@dataclass(frozen=True, slots=True)
class _RunFormat:
    """Formatting set on a run or a style; None where that level leaves it to the next."""

    bold: bool | None
    italic: bool | None
    style: str | None = None


_PLAIN = _RunFormat(None, None)


@dataclass(frozen=True, slots=True)
class _Text:
    """Text of a paragraph or cell, and whether all of its text runs are bold/italic."""

    text: str
    bold: bool
    italic: bool


def read_docx(data: bytes) -> RawDocument:
    """Read a DOCX whose ZIP already passed the safety checks."""
    with library_errors("DOCX"):
        document = Document(io.BytesIO(data))
        styles = _Styles.of(document.styles.element)
        blocks = tuple(_body_blocks(document.element.body, styles))
    return RawDocument(blocks, source_format="docx")


def _body_blocks(body: Any, styles: _Styles) -> Iterator[Block]:
    # Not Document.iter_inner_content(): it skips paragraphs and tables inside content controls.
    for element in _children(body, (_P, _TBL)):
        if element.tag == _TBL:
            table = _table(element, styles)
            if any(cell.text for row in table.rows for cell in row):
                yield table
            continue
        paragraph = _paragraph(element, styles)
        if paragraph.text:
            heading = styles.heading(_paragraph_style(element, styles))
            yield Paragraph(paragraph.text, paragraph.bold, paragraph.italic, heading)


def _children(element: Any, tags: tuple[str, ...]) -> Iterator[Any]:
    """Children with one of ``tags``, looking through content-control wrappers."""
    for child in element:
        if child.tag in tags:
            yield child
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _children(child, tags)


def _paragraph(p: Any, styles: _Styles) -> _Text:
    style_id = _paragraph_style(p, styles)
    parts: list[str] = []
    bold = italic = True
    seen_text = False
    for run in _runs(p):
        text, run_format = _run(run)
        parts.append(text)
        if text.strip():
            seen_text = True
            bold = bold and _effective(run_format.bold, run_format.style, style_id, styles.bold)
            italic = italic and _effective(
                run_format.italic, run_format.style, style_id, styles.italic
            )
    return _Text(tidy_lines("".join(parts)), bold and seen_text, italic and seen_text)


def _effective(
    direct: bool | None,
    character_style: str | None,
    paragraph_style: str | None,
    by_style: Callable[[str | None], bool],
) -> bool:
    """Direct formatting wins over the character style, which wins over the paragraph style."""
    if direct is not None:
        return direct
    if character_style is not None and by_style(character_style):
        return True
    return by_style(paragraph_style)


def _paragraph_style(p: Any, styles: _Styles) -> str | None:
    # The schema puts w:pPr first in w:p and w:pStyle first in w:pPr; find() is the slow part.
    ppr = p[0] if len(p) and p[0].tag == _PPR else None
    style_id = _child_val(ppr, _PSTYLE) if ppr is not None else None
    return style_id if style_id is not None else styles.default_paragraph


def _runs(element: Any) -> Iterator[Any]:
    for child in element:
        if child.tag == _R:
            yield child
        elif child.tag in _RUN_WRAPPERS:
            yield from _runs(child)


def _run(run: Any) -> tuple[str, _RunFormat]:
    """Text and formatting of a w:r in one pass over its children."""
    parts: list[str] = []
    run_format = _PLAIN
    for child in run:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _RPR:
            run_format = _run_format(child)
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            # Page and column breaks too: they must not glue the words around them together.
            parts.append("\n")
        elif tag == _NB_HYPHEN:
            parts.append("-")
    return "".join(parts), run_format


def _run_format(rpr: Any) -> _RunFormat:
    bold = italic = style = None
    for child in rpr:
        tag = child.tag
        if tag == _B:
            bold = _on(child)
        elif tag == _I:
            italic = _on(child)
        elif tag == _RSTYLE:
            style = child.get(_VAL)
    return _RunFormat(bold, italic, style)


def _on(toggle: Any) -> bool:
    """<w:b/> and <w:b w:val="1"/> switch bold on; <w:b w:val="0"/> switches it off."""
    return toggle.get(_VAL, "1").casefold() not in _OFF


def _table(tbl: Any, styles: _Styles) -> Table:
    rows: list[list[Cell]] = []
    above: list[Cell] = []
    for tr in _children(tbl, (_TR,)):
        row = _row(tr, above, styles)
        rows.append(row)
        above = row
    width = min(max([_grid_width(tbl), *map(len, rows)]), MAX_COLUMNS)
    return Table(tuple(tuple(row[:width]) + (_EMPTY,) * (width - len(row)) for row in rows))


def _row(tr: Any, above: list[Cell], styles: _Styles) -> list[Cell]:
    """One grid row: merged cells spread over the columns they cover."""
    trpr = tr.find(_TRPR)
    row = [_EMPTY] * _int_val(trpr, _GRID_BEFORE, 0)
    for tc in _children(tr, (_TC,)):
        if len(row) >= MAX_COLUMNS:
            break
        span, vmerge, hmerge_continue = _merge(tc)
        column = len(row)
        if vmerge == "continue" and column < len(above):
            # The executor written once for several rows applies to each of them.
            covered = [replace(cell, merged=True) for cell in above[column : column + span]]
            row.extend(covered + [_EMPTY] * (span - len(covered)))
        elif hmerge_continue:
            row.extend([_EMPTY] * span)  # legacy horizontal merge: text stays in the first cell
        else:
            row.append(_cell(tc, styles))
            row.extend([_EMPTY] * (span - 1))
    row.extend([_EMPTY] * _int_val(trpr, _GRID_AFTER, 0))
    return row


def _merge(tc: Any) -> tuple[int, str | None, bool]:
    """(gridSpan, vMerge value, whether it continues a legacy hMerge) of a cell."""
    span, vmerge, hmerge_continue = 1, None, False
    tcpr = tc[0] if len(tc) and tc[0].tag == _TCPR else None  # w:tcPr comes first in w:tc
    for child in () if tcpr is None else tcpr:
        tag = child.tag
        if tag == _GRID_SPAN:
            span = max(1, _int(child.get(_VAL), 1))
        elif tag == _VMERGE:
            vmerge = child.get(_VAL, "continue")
        elif tag == _HMERGE:
            hmerge_continue = child.get(_VAL, "continue") == "continue"
    return span, vmerge, hmerge_continue


def _cell(tc: Any, styles: _Styles) -> Cell:
    parts: list[_Text] = []
    for element in _children(tc, (_P, _TBL)):
        part = _paragraph(element, styles) if element.tag == _P else _flatten(element, styles)
        if part.text:
            parts.append(part)
    return Cell(
        "\n".join(part.text for part in parts),
        bold=bool(parts) and all(part.bold for part in parts),
        italic=bool(parts) and all(part.italic for part in parts),
    )


def _flatten(tbl: Any, styles: _Styles) -> _Text:
    """A table nested in a cell: one line per row, the row's non-empty cells joined by spaces."""
    cells = [[cell for cell in row if cell.text] for row in _table(tbl, styles).rows]
    lines = [" ".join(cell.text for cell in row) for row in cells if row]
    filled = [cell for row in cells for cell in row]
    return _Text(
        "\n".join(lines),
        bool(filled) and all(cell.bold for cell in filled),
        bool(filled) and all(cell.italic for cell in filled),
    )


def _grid_width(tbl: Any) -> int:
    grid = tbl.find(_TBL_GRID)
    return 0 if grid is None else len(grid.findall(_GRID_COL))


def _child_val(element: Any, tag: str) -> str | None:
    child = element.find(tag)
    return None if child is None else child.get(_VAL)


def _int_val(element: Any, tag: str, default: int) -> int:
    return _int(_child_val(element, tag) if element is not None else None, default)


def _int(value: str | None, default: int) -> int:
    if value is None or not (value.isascii() and value.isdigit()):
        return default
    return min(int(value), MAX_COLUMNS)
