"""The child process of the PDF reader: PDF bytes on stdin, its pages as JSON on stdout.

Run by file path with ``python -I`` (no project import, so it starts in a tenth of a second),
limits first: address space and CPU time from argv. Each page is a list of ["p", line] and
["t", rows] in reading order. See bot/domain/readers/pdf.py for the why.
"""

from __future__ import annotations

import ctypes
import json
import re
import resource
import sys
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]
from pdfplumber import table as lattice

MAX_COLUMNS = 64
# A plan's page has a few hundred ruling segments; a page drawn with tens of thousands of
# them would make the intersection search quadratic.
MAX_EDGES_PER_PAGE = 3000
# Edges shorter than this are tick marks or letters drawn as paths, not table rulings.
MIN_EDGE = 3.0
# A path thinner than this is a line; pdfplumber's own default tolerances.
LINE_WIDTH = 2.0
SNAP_TOLERANCE = 3.0
JOIN_TOLERANCE = 3.0
INTERSECTION_TOLERANCE = 3.0
# Cells are read a little inside their rulings, so text of the neighbour never leaks in.
CELL_INSET = 1.0
EXIT_MEMORY = 3

_LINE_BREAK = re.compile(r"\r?\n")
# Russian words of one or two letters: a line starting with any other such piece is the end
# of a word the line before cut.
_SHORT_WORDS = frozenset(
    [
        "а",
        "б",
        "в",
        "ж",
        "и",
        "к",
        "о",
        "с",
        "у",
        "я",
        "бы",
        "во",
        "да",
        "до",
        "же",
        "за",
        "из",
        "их",
        "ко",
        "ли",
        "мы",
        "на",
        "не",
        "ни",
        "но",
        "ну",
        "об",
        "он",
        "оо",
        "от",
        "по",
        "со",
        "то",
        "ту",
        "ты",
        "уж",
        "вы",
        "ее",
        "её",
        "их",
        "им",
        "ей",
        "ею",
        "ой",
    ]
)
_LIST_START = re.compile(r"^(?:[-–—•·*]|\d{1,3}[.)]|[а-яa-z][.)])\s")


def main() -> None:
    """argv: max pages, memory limit in bytes, CPU seconds."""
    max_pages, memory, cpu = (int(value) for value in sys.argv[1:4])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    data = sys.stdin.buffer.read()
    try:
        result = read_pages(data, max_pages)
    except MemoryError:
        sys.exit(EXIT_MEMORY)
    sys.stdout.write(json.dumps(result, ensure_ascii=False))


def read_pages(data: bytes, max_pages: int) -> dict[str, Any]:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        text = str(error).casefold()
        return {"error": "encrypted" if "password" in text else "unreadable"}
    try:
        count = len(document)
        if count == 0:
            return {"error": "unreadable"}
        if count > max_pages:
            return {"error": "too-many-pages", "pages": count}
        pages = []
        images = 0
        for index in range(count):
            page = document[index]
            try:
                pages.append(_read_page(page))
                images += sum(
                    1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)
                )
            finally:
                page.close()
        # A scan may carry a line of text (a stamp, a page number, an OCR'd header): the
        # parent weighs the text against the pictures.
        return {"pages": pages, "images": images}
    finally:
        document.close()


def _read_page(page: Any) -> list[Any]:
    """A page as ["p", line] and ["t", rows] in reading order, top to bottom."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        if textpage.count_chars() == 0:
            return []
        tables = _tables(_edges(page, height))
        items: list[tuple[float, list[Any]]] = []
        top = 0.0
        for table in tables:
            _, table_top, _, bottom = table.bbox
            items.extend(_band(textpage, width, height, top, table_top))
            rows = _rows(textpage, height, table)
            if rows:
                items.append((table_top, ["t", rows]))
            top = max(top, bottom)
        items.extend(_band(textpage, width, height, top, height))
        return [item for _, item in sorted(items, key=lambda pair: pair[0])]
    finally:
        textpage.close()


def _edges(page: Any, height: float) -> list[dict[str, Any]]:
    """Horizontal and vertical segments of the page's paths, in pdfplumber's edge form."""
    edges: list[dict[str, Any]] = []
    matrix = pdfium_c.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        raw = obj.raw
        if not pdfium_c.FPDFPageObj_GetMatrix(raw, ctypes.byref(matrix)):
            continue
        points: list[tuple[float, float]] = []
        start: tuple[float, float] | None = None
        for index in range(pdfium_c.FPDFPath_CountSegments(raw)):
            segment = pdfium_c.FPDFPath_GetPathSegment(raw, index)
            pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
            point = (
                matrix.a * x.value + matrix.c * y.value + matrix.e,
                matrix.b * x.value + matrix.d * y.value + matrix.f,
            )
            if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = point
            elif points:
                _add_edge(edges, points[-1], point, height)
            points.append(point)
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                _add_edge(edges, point, start, height)
        if len(edges) > MAX_EDGES_PER_PAGE:
            return []  # not a table a plan would have; the page is read as text
    return edges


def _add_edge(
    edges: list[dict[str, Any]], a: tuple[float, float], b: tuple[float, float], height: float
) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= LINE_WIDTH / 2 and abs(ax - bx) >= MIN_EDGE:
        x0, x1, top = min(ax, bx), max(ax, bx), height - (ay + by) / 2
        edges.append(_edge("h", x0, x1, top, top))
    elif abs(ax - bx) <= LINE_WIDTH / 2 and abs(ay - by) >= MIN_EDGE:
        top, bottom, x0 = height - max(ay, by), height - min(ay, by), (ax + bx) / 2
        edges.append(_edge("v", x0, x0, top, bottom))


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict[str, Any]:
    return {
        "object_type": "line",
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "doctop": top,
    }


def _tables(edges: list[dict[str, Any]]) -> list[Any]:
    if not edges:
        return []
    merged = lattice.merge_edges(
        edges, SNAP_TOLERANCE, SNAP_TOLERANCE, JOIN_TOLERANCE, JOIN_TOLERANCE
    )
    intersections = lattice.edges_to_intersections(
        merged, INTERSECTION_TOLERANCE, INTERSECTION_TOLERANCE
    )
    cells = lattice.intersections_to_cells(intersections)
    return [lattice.Table(None, group) for group in lattice.cells_to_tables(cells)]  # type: ignore[arg-type]


def _rows(textpage: Any, height: float, table: Any) -> list[list[str]]:
    """Cell texts by row; a cell merged down from the row above repeats its text (as DOCX)."""
    rows: list[list[str]] = []
    above: list[tuple[Any, str] | None] = []
    for row in table.rows:
        cells = row.cells[:MAX_COLUMNS]
        texts: list[str] = []
        current: list[tuple[Any, str] | None] = []
        for column, bbox in enumerate(cells):
            if bbox is not None:
                text = _cell_text(textpage, height, bbox)
                texts.append(text)
                current.append((bbox, text))
                continue
            spanning = above[column] if column < len(above) else None
            if spanning is not None and spanning[0][3] > row.bbox[1] + SNAP_TOLERANCE:
                texts.append(spanning[1])  # a vertical merge covering this row
                current.append(spanning)
            else:
                texts.append("")
                current.append(None)
        above = current
        if any(texts):
            rows.append(texts)
    return rows


def _cell_text(textpage: Any, height: float, bbox: tuple[float, float, float, float]) -> str:
    x0, top, x1, bottom = bbox
    text: str = textpage.get_text_bounded(
        left=x0 + CELL_INSET,
        bottom=height - bottom + CELL_INSET,
        right=x1 - CELL_INSET,
        top=height - top - CELL_INSET,
    )
    return unwrap(text)


def unwrap(text: str) -> str:
    """Lines wrapped by the cell width are one line again; lists and hyphenated words kept.

    A word a too narrow column cut in two is put together again only where its second part
    cannot be a word («Ежеквартал|ьно», «Мероприяти|е»): without a dictionary
    «Руководител|и» looks like a line filled by one word followed by «и»."""
    out: list[str] = []
    cut = False  # the last line was one word that ended without a space
    for raw_line in _LINE_BREAK.split(text.replace("\x02", "-")):
        line = " ".join(raw_line.split())
        if not line:
            continue
        if out and not _LIST_START.match(line):
            hyphenated = out[-1].endswith("-") and line[:1].islower()
            if hyphenated or (cut and _not_a_word_start(line, raw_line)):
                out[-1] = out[-1] + line
            else:
                out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        cut = raw_line[-1:].isalpha() and " " not in raw_line.strip()
    return "\n".join(out)


def _not_a_word_start(line: str, raw_line: str) -> bool:
    """«ьно», «е 4:», «ю)»: the rest of a word, not a word of its own."""
    first = re.match(r"[а-яё]+", line)
    if first is None:
        return False
    piece = first[0]
    # A short word alone on the cell's last line («Ежеквартальн|о», no space after it) is the
    # end of the word too; «организация|и » goes on after its space.
    alone = line == piece and raw_line == raw_line.rstrip()
    return piece[0] in "ьъы" or (len(piece) <= 2 and (piece not in _SHORT_WORDS or alone))


def _band(
    textpage: Any, width: float, height: float, top: float, bottom: float
) -> list[tuple[float, list[Any]]]:
    """Paragraphs of the full-width band between ``top`` and ``bottom`` (from the page top)."""
    if bottom - top < 1:
        return []
    text: str = textpage.get_text_bounded(
        left=0, bottom=height - bottom, right=width, top=height - top
    )
    paragraphs: list[str] = []
    for raw_line in _LINE_BREAK.split(text):
        line = " ".join(raw_line.split())
        if not line:
            continue
        continues = (
            paragraphs
            and line[:1].islower()
            and not paragraphs[-1].endswith((".", ":", ";", "!", "?"))
        )
        if continues:
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
    # Offsets keep the band's paragraphs before the table that follows it.
    return [(top + index * 1e-3, ["p", line]) for index, line in enumerate(paragraphs)]


if __name__ == "__main__":
    main()
