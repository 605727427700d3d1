"""The child process of the PDF reader: PDF bytes on stdin, its pages as JSON on stdout.

Run by file path with ``python -I`` (no project import, so it starts in a tenth of a second),
limits first: address space and CPU time from argv. Each page is a list of ["p", line] and
["t", rows] in reading order. See bot/domain/readers/pdf.py for the why.
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import json
import re
import resource
import sys
from collections.abc import Sequence
from functools import lru_cache
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
# Marks the text of a cell merged down from the row above (the parent's Cell.merged).
MERGED = "\x1e"

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
    text = json.dumps(result, ensure_ascii=False)
    # PDFium gives a character beyond the 16 bits (an emoji, «𝔸») as two surrogate halves:
    # paired again, and a half alone replaced, so the text is UTF-8 that can be written.
    sys.stdout.write(text.encode("utf-16", "surrogatepass").decode("utf-16", "replace"))


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
        pages: list[list[Any]] = []
        images = 0
        layout: _Layout | None = None  # an unruled table that may go on on the next page
        for index in range(count):
            page = document[index]
            try:
                items, following, continued = _read_page(page, layout)
                if layout is not None and not continued:
                    _untail(pages[-1], layout)
                pages.append(items)
                layout = following
                images += sum(
                    1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)
                )
            finally:
                page.close()
        if layout is not None:
            _untail(pages[-1], layout)
        _mark_page_cuts(pages)
        # A scan may carry a line of text (a stamp, a page number, an OCR'd header): the
        # parent weighs the text against the pictures.
        return {"pages": pages, "images": images}
    finally:
        document.close()


# Put after a cell's text where the page cut a word the next page's first row goes on with
# («Распечатк» | «а удостоверений ГЭК»): the parent glues the two parts without a space.
PAGE_CUT = "\x03"


def _mark_page_cuts(pages: list[list[Any]]) -> None:
    """Mark each cell of a page's last table row whose last word the next page's first table
    row goes on with in the same column: the two pieces one dictionary word, as a column cuts
    one between two lines («Рождест⏎венская», «Организаци⏎я мероприятий»)."""
    for page, following in itertools.pairwise(pages):
        last = next((item[1] for item in reversed(page) if item[0] == "t" and item[1]), None)
        first = next((item[1] for item in following if item[0] == "t" and item[1]), None)
        if last is None or first is None or len(last[-1]) != len(first[0]):
            continue
        row = last[-1]
        for column, (before, after) in enumerate(zip(row, first[0], strict=True)):
            if before.startswith(MERGED) or after.startswith(MERGED):
                continue
            lines = after.lstrip().split("\n")
            if not (before[-1:].isalpha() and lines[0][:1].isalpha()):
                continue
            line = " ".join(lines[0].split())
            if _one_word(before, line, lines[0], lines[1] if len(lines) > 1 else ""):
                row[column] = before + PAGE_CUT


def _read_page(page: Any, carried: _Layout | None) -> tuple[list[Any], _Layout | None, bool]:
    """A page as ["p", line] and ["t", rows] in reading order, top to bottom; the columns of
    an unruled table at its end, which the next page may continue; and whether this page
    continued ``carried``."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        if textpage.count_chars() == 0:
            return [], None, False
        edges = _edges(page, height)
        tables = _tables(edges)
        # Rows the rulings make: none where they make one column (a frame), a few where
        # only the columns are ruled (a header and one row holding all the rest).
        ruled = sum(len(table.rows) for table in tables if len(table.columns) >= 2)
        if all(len(table.columns) < 2 or len(table.rows) < 3 for table in tables):
            # A table printed without borders, ruled only between its rows, only around it or
            # only between its columns may still be there in the words' places.
            rules = [e["top"] for e in edges if e["orientation"] == "h" and e["width"] >= MIN_RULE]
            unruled = _unruled(textpage, width, height, rules, carried)
            if unruled is not None:
                found, layout, continued = unruled
                if sum(len(item[1]) for _, item in found if item[0] == "t") > ruled:
                    ordered = [item for _, item in sorted(found, key=lambda pair: pair[0])]
                    return ordered, layout, continued
        items: list[tuple[float, list[Any]]] = []
        top = 0.0
        breaks = _unbroken_lines(textpage, height) if tables else []
        ends = _line_ends(textpage, height) if tables else []
        for table in tables:
            _, table_top, _, bottom = table.bbox
            items.extend(_band(textpage, width, height, top, table_top))
            rows = _rows(textpage, height, table, breaks, ends)
            if rows:
                items.append((table_top, ["t", rows]))
            top = max(top, bottom)
        items.extend(_band(textpage, width, height, top, height))
        return [item for _, item in sorted(items, key=lambda pair: pair[0])], None, False
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


def _rows(
    textpage: Any,
    height: float,
    table: Any,
    breaks: list[_LineBreak],
    ends: list[_LineEnd] | None = None,
) -> list[list[str]]:
    """Cell texts by row; a cell merged down from the row above repeats its text (as DOCX)."""
    rows: list[list[str]] = []
    above: list[tuple[Any, str] | None] = []
    for row in table.rows:
        cells = row.cells[:MAX_COLUMNS]
        texts: list[str] = []
        current: list[tuple[Any, str] | None] = []
        for column, bbox in enumerate(cells):
            if bbox is not None:
                text = _cell_text(textpage, height, bbox, breaks, ends)
                texts.append(text)
                current.append((bbox, text))
                continue
            spanning = above[column] if column < len(above) else None
            if spanning is not None and spanning[0][3] > row.bbox[1] + SNAP_TOLERANCE:
                texts.append(MERGED + spanning[1])  # a vertical merge covering this row
                current.append(spanning)
            else:
                texts.append("")
                current.append(None)
        above = current
        if any(texts):
            rows.append(texts)
    return rows


def _cell_text(
    textpage: Any,
    height: float,
    bbox: tuple[float, float, float, float],
    breaks: list[_LineBreak] | None = None,
    ends: list[_LineEnd] | None = None,
) -> str:
    x0, top, x1, bottom = bbox
    text: str = textpage.get_text_bounded(
        left=x0 + CELL_INSET,
        bottom=height - bottom + CELL_INSET,
        right=x1 - CELL_INSET,
        top=height - top - CELL_INSET,
    )
    text = _mark_line_ends(text, bbox, ends or ())
    at = 0
    for line_break in breaks or ():
        if x0 <= line_break.x <= x1 and top <= line_break.y <= bottom:
            spaced = f"{line_break.before} {line_break.after}"
            found = text.find(spaced, at)
            if found >= 0:
                cut = found + len(line_break.before)
                text = f"{text[:cut]}\n{text[cut + 1 :]}"
                at = cut + 1
    return unwrap(text)


class _LineEnd:
    """A line of a cell that ends in a letter with no space after it, the next line starting
    with a letter: the text broke there either because the word was too long for the column
    («Пушкин⏎огорье», the line full) or because the cell has a line break of its own
    («Театр Маяковского⏎спектакль», the line short). The words either side, where the line
    ends, and where and how wide the next line's first letter is (from the page top)."""

    __slots__ = ("after", "before", "end", "left", "width", "y")

    def __init__(
        self, before: str, after: str, end: float, left: float, width: float, y: float
    ) -> None:
        self.before, self.after, self.end, self.left = before, after, end, left
        self.width, self.y = width, y


# The widest a cell's padding is taken to be (Word's default is 5.4 pt): a line starting
# further in is centred or indented, and its start says nothing of the padding.
MAX_PADDING = 8.0


def _line_ends(textpage: Any, height: float) -> list[_LineEnd]:
    """Each line ending in a letter with no space, the next line going on with a letter."""
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    text: str = textpage.get_text_range(0, count)
    if len(text) != count:  # a character beyond 16 bits: the indexes are off
        return []
    found: list[_LineEnd] = []
    before_box, after_box = pdfium_c.FS_RECTF(), pdfium_c.FS_RECTF()
    at = text.find("\r\n")
    while at > 0 and at + 2 < count:
        if text[at - 1].isalpha() and text[at + 2].isalpha():
            pdfium_c.FPDFText_GetLooseCharBox(raw, at - 1, ctypes.byref(before_box))
            pdfium_c.FPDFText_GetLooseCharBox(raw, at + 2, ctypes.byref(after_box))
            if after_box.top <= before_box.bottom:  # the next line is lower (PDF's y goes up)
                start = at - 1
                while start > 0 and at - start < _FRAGMENT and text[start - 1].isalpha():
                    start -= 1
                end = at + 2
                while end < count and end - at < _FRAGMENT and text[end].isalpha():
                    end += 1
                y = height - (after_box.top + after_box.bottom) / 2
                found.append(
                    _LineEnd(
                        text[start:at],
                        text[at + 2 : end],
                        before_box.right,
                        after_box.left,
                        after_box.right - after_box.left,
                        y,
                    )
                )
        at = text.find("\r\n", at + 2)
    return found


def _mark_line_ends(
    text: str, bbox: tuple[float, float, float, float], ends: Sequence[_LineEnd]
) -> str:
    """The cell's text with a line break of the cell's own told apart: after a line ending
    well short of the cell's edge (more room left than the next line's first letter takes) the
    text did not wrap, so a space is put before the break and the words stay apart. After a
    full line it is left to ``unwrap``: a word the column cut, or a wrap whose space did not
    fit on the line (LibreOffice then writes none)."""
    x0, top, x1, bottom = bbox
    at = 0
    for line_end in ends:
        if not (x0 <= line_end.left <= x1 and top <= line_end.y <= bottom):
            continue
        broken = f"{line_end.before}\r\n{line_end.after}"
        found = text.find(broken, at)
        if found < 0:
            continue
        cut = found + len(line_end.before)
        padding = min(max(line_end.left - x0, 0.0), MAX_PADDING)
        full = line_end.end + line_end.width > x1 - padding - 1.0
        if not full:
            text = f"{text[:cut]} {text[cut:]}"
            at = cut + 3
        elif _cut_alone(text, found, line_end):
            text = f"{text[:cut]}{text[cut + 2 :]}"
            at = cut
        else:
            at = cut + 2
    return text


# What may stand before the one word of a line: a list number or an opening bracket or quote.
_LINE_LEAD = re.compile(r"(?:\d{1,3}[.)]\s*)?[(«\"„“]?")


def _cut_alone(text: str, found: int, line_end: _LineEnd) -> bool:
    """Whether a full line holding one word only («Оздорови», «(отборочног», «1.
    Представителям») and the next line's first piece are one dictionary word cut by the
    column: a word that ends a line alone fills it only by chance, a cut word always does."""
    line_start = text.rfind("\n", 0, found) + 1
    if not _LINE_LEAD.fullmatch(text[line_start:found].strip()):
        return False
    head, tail = line_end.before.casefold(), line_end.after.casefold()
    capitals = line_end.before.isupper() and line_end.after.isupper()  # «ГРАМОТЕЙ|КА»
    return (line_end.after[:1].islower() or capitals) and _known(head + tail)


class _LineBreak:
    """Where PDFium put a space of its own between two lines («гимнази⏎и» read «гимнази и»,
    the next line one character): the words either side, and the first letter's centre (from
    the page top)."""

    __slots__ = ("after", "before", "x", "y")

    def __init__(self, before: str, after: str, x: float, y: float) -> None:
        self.before, self.after, self.x, self.y = before, after, x, y


_FRAGMENT = 40


def _unbroken_lines(textpage: Any, height: float) -> list[_LineBreak]:
    """The spaces PDFium generated where the text goes on a line lower: there the cell's text
    broke its line, and the piece on the next line may be the end of a cut word."""
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    text: str = textpage.get_text_range(0, count)
    if len(text) != count:  # a character beyond 16 bits: the indexes are off, nothing is moved
        return []
    found: list[_LineBreak] = []
    before_box, after_box = pdfium_c.FS_RECTF(), pdfium_c.FS_RECTF()
    for index in (i for i, char in enumerate(text) if char == " "):
        if not 0 < index < count - 1 or text[index - 1].isspace() or text[index + 1].isspace():
            continue
        # PDFium does so with a line of one character («в», «и», «"»), seen so far; checking
        # only those keeps a 200-page plan's reading fast.
        if index + 2 < count and not text[index + 2].isspace():
            continue
        if not pdfium_c.FPDFText_IsGenerated(raw, index):
            continue
        pdfium_c.FPDFText_GetLooseCharBox(raw, index - 1, ctypes.byref(before_box))
        pdfium_c.FPDFText_GetLooseCharBox(raw, index + 1, ctypes.byref(after_box))
        if after_box.top > before_box.bottom:  # not a line lower (PDF's y goes up)
            continue
        start = index - 1
        while start > 0 and index - start < _FRAGMENT and not text[start - 1].isspace():
            start -= 1
        end = index + 1
        while end < count and end - index < _FRAGMENT and not text[end].isspace():
            end += 1
        x = (after_box.left + after_box.right) / 2
        y = height - (after_box.top + after_box.bottom) / 2
        found.append(_LineBreak(text[start:index], text[index + 1 : end], x, y))
    return found


def unwrap(text: str) -> str:
    """Lines wrapped by the cell width are one line again; lists and hyphenated words kept.

    A word a too narrow column cut in two («Муниципаль|ный», «координационн|ого») is put
    together again where the line broke without a space and the two parts make a word of the
    Russian dictionary (pymorphy3's) that they are not each («Классные|руководители» stays two
    words, «Руководител|и» is one), or where the second part cannot be a word («Ежеквартал|ьно»),
    or neither part is a word («Радиоли|нейка», «Третько|вская»: a name). A one-letter end
    before a quote, a hyphen or the cell's end is the word's («Пушкин|у"»: no preposition ends
    a phrase); a word broken at its own hyphen («Саввино-|Сторожевский») is one again, a dash
    between words («люди -|сочтемся») stays between them; a quote closes the one opened.
    """
    out: list[str] = []
    cut = False  # the last line was one word that ended without a space
    spaced = True  # the last line ended with a space: it broke between words
    raw_lines = [raw for raw in _LINE_BREAK.split(text.replace("\x02", "-")) if raw.strip()]
    for at, raw_line in enumerate(raw_lines):
        line = " ".join(raw_line.split())
        if out and (not _LIST_START.match(line) or (_CUT_HYPHEN.match(line) and not spaced)):
            # «дом-⏎музей», «Саввино-⏎Сторожевский»: a word's hyphen ends the line; not the
            # dash between words («люди -⏎сочтемся»)
            hyphenated = (
                out[-1].endswith("-")
                and not spaced
                and (line[:1].islower() or _WORD_HYPHEN.search(out[-1]) is not None)
            )
            after = raw_lines[at + 1] if at + 1 < len(raw_lines) else ""
            if (
                hyphenated
                or (cut and _not_a_word_start(line, raw_line))
                or (not spaced and _one_word(out[-1], line, raw_line, after))
                or (not spaced and _cut_number(out[-1], line))
                or (not spaced and _CUT_HYPHEN.match(line) and out[-1][-1:].isalpha())
                or line[:1] in _CLOSING
                or (line[:1] == '"' and out[-1].count('"') % 2 == 1 and not line[1:2].isalnum())
            ):
                out[-1] = out[-1] + line
            else:
                out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        cut = raw_line[-1:].isalpha() and " " not in raw_line.strip()
        spaced = raw_line != raw_line.rstrip()
    return "\n".join(out)


# A line starting with these goes on with the word before it («книгами⏎, поступившими»).
_CLOSING = frozenset(",.;:)»!?")
_WORD_HYPHEN = re.compile(r"[А-ЯЁа-яёA-Za-z]-$")
# A hyphen alone where a long word broke at it («Саввино⏎-⏎Сторожевский»).
_CUT_HYPHEN = re.compile(r"^-(?:$|(?=[А-ЯЁа-яё]))")
# A date or an hour a narrow column cut («14.04.200⏎8», «19.04.⏎2017», «10-⏎00-11-00»): a
# date whose year is not whole yet, or a number and the dot or dash after it.
_CUT_NUMBER = re.compile(r"(?<![\w.])(?:\d{1,2}\.\d{1,2}\.(?:\d|\d{3})|\d{1,2}-)$")
_CUT_DAY = re.compile(r"(?<![\w.])\d{1,2}\.$")  # «19.⏎04.2017», not «1.⏎2 этап»
_REST_OF_DATE = re.compile(r"\d{1,2}\.\d{2,4}")
# «19.04.⏎2017», not «01.05.⏎16-00» (the day, then its hour on the next line)
_DAY_AND_MONTH = re.compile(r"(?<![\w.])\d{1,2}\.\d{1,2}\.$")
_YEAR = re.compile(r"(?:19|20)\d{2}(?![\d-])")


_LAST_WORD = re.compile(r"(?<!\w)[А-ЯЁа-яё]+$")  # after a hyphen too: «Учебно-методиче|ский»
_FIRST_PART = re.compile(r"[а-яё]+")
_FIRST_CAPITALS = re.compile(r"[А-ЯЁ]+")


def _cut_number(before: str, line: str) -> bool:
    """Whether a date or an hour runs on from ``before`` into ``line``."""
    if _CUT_DAY.search(before):
        return _REST_OF_DATE.match(line) is not None
    if _DAY_AND_MONTH.search(before):
        return _YEAR.match(line) is not None
    return _CUT_NUMBER.search(before) is not None and line[:1].isdigit()


def _one_word(before: str, line: str, raw_line: str = "", after: str = "") -> bool:
    """Whether the last word of ``before`` and the first of ``line`` are one word cut in two
    («ГРАМОТЕЙ|КА» in capitals too); or, ``line`` being one piece that broke without a space,
    one word cut in three with the first piece of ``after`` («библиог|рафичес|ких»)."""
    last = _LAST_WORD.search(before)
    if last is None:
        return False
    capitals = last[0].isupper() and len(last[0]) > 1
    first = (_FIRST_CAPITALS if capitals else _FIRST_PART).match(line)
    if first is None:
        return False
    head, tail = last[0].casefold(), first[0].casefold()
    known = _known
    if known(head + tail):
        # Both parts words of their own («вопрос|а», «Празднична|я», «инструктаж|ей»): one word
        # when the second is only an ending and no word of its own starts the line there.
        alone = _a_word(head) and _a_word(tail)
        follows = line[len(tail) : len(tail) + 1]
        # «Пушкин⏎у"», «гимнази⏎и»: a one-letter word before a closing mark, a hyphen or the
        # cell's end is the end of the word (no preposition ends a phrase)
        closes = len(tail) == 1 and (follows in _CLOSING_MARKS or (not follows and not after))
        return not alone or (tail in _ENDINGS and follows in _WORD_END) or closes
    middle = first[0] == line and raw_line == raw_line.rstrip()
    third = (_FIRST_CAPITALS if capitals else _FIRST_PART).match(after.strip())
    if middle and third is not None and known(head + tail + third[0].casefold()):
        return True
    # «Радиоли⏎нейка», «Третько⏎вская»: neither piece a word, so one (a name the dictionary
    # does not hold); not capitals («МБОУ⏎сош»), which _FIRST_CAPITALS already kept apart
    return len(tail) >= 2 and not capitals and not _a_word(head) and not _a_word(tail)


# Endings a narrow column leaves on the next line that are words too («а», «я», «ей»); not the
# prepositions and conjunctions a line starts with («и», «в», «с», «к», «о», «у»).
_ENDINGS = frozenset(
    {"а", "я", "е", "ы", "ю", "ей", "ой", "ий", "ый", "ая", "ое", "ые", "ие", "ов", "ев", "ной"}
    | {"ам", "ям", "ах", "ях", "ом", "ем", "ых", "их", "ого", "его", "ому", "ему", "ами", "ями"}
)
_WORD_END = frozenset({"", " ", ",", ".", ";", ":", ")", "»", '"', "!", "?"})
_CLOSING_MARKS = frozenset({",", ".", ";", ":", ")", "»", '"', "!", "?", "-"})
# Readings that do not make a piece of a cut word a word of its own: «ное» is a name, «ого» an
# interjection, «кн» an abbreviation, «ми» a note.
_NOT_ON_ITS_OWN = frozenset({"Name", "Surn", "Patr", "Abbr", "Init", "INTJ", "Fixd", "Arch"})


@lru_cache(maxsize=8192)
def _a_word(piece: str) -> bool:
    """Whether a piece is a common word on its own («и», «дом», «торжествен»)."""
    return any(
        parse.is_known and not (_NOT_ON_ITS_OWN & parse.tag.grammemes)
        for parse in _dictionary().parse(piece)
    )


_MORPH: list[Any] = []


@lru_cache(maxsize=8192)
def _known(word: str) -> bool:
    """Whether the dictionary knows the word (a plan repeats its cut words row after row)."""
    return bool(_dictionary().word_is_known(word))


def _dictionary() -> Any:
    """The Russian dictionary, loaded on first need (a twentieth of a second)."""
    if not _MORPH:
        import pymorphy3  # type: ignore[import-untyped]

        _MORPH.append(pymorphy3.MorphAnalyzer())
    return _MORPH[0]


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


# --- tables without rulings ----------------------------------------------------------------------
# A plan printed with its borders off (or drawn with whitespace, or ruled only between its rows
# or only around it) gives the lattice no table of two columns. Its columns are then the strips
# of whitespace («rivers») that run down from its header row through every line below that has
# text in two cells; a line whose text runs across a river is a heading over the table (a
# section row). Rows are the bands of lines apart by more than the leading (the cells' padding,
# or a rule between them), or, where rows touch, begin at a number in the number column.

# Words of a plan table's header cells; a line with two of them in two cells is its header.
_HEADER_WORD = re.compile(
    r"^(?:№|n°|п/п|наименовани|мероприяти|содержани|срок|дат[аы]|ответствен|исполнител"
    r"|результат|отметк|участник|форм[аы]|направлени|примечани|тем[аы]|период)",
    re.I,
)
_HEADING = re.compile(
    r"^(?:(?:Раздел|РАЗДЕЛ|Глава|Направление|Блок|Модуль|Задача)\s+\S|[IVX]{1,4}\.\s)"
)
_ROW_NUMBER = re.compile(r"^(?:\d{1,4}(?:\.\d{1,3})*\.?|[IVXLC]{1,5}\.)\)?$")
# As bot/domain/readers/pdf.py: a page number stands above or below a table's part.
_PAGE_NUMBER = re.compile(
    r"^\s*(?:стр(?:\.|аница)?\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:из|/)\s*\d{1,4})?\s*$", re.I
)
# PDFium's soft hyphen at a line's end is a hyphen; no character, or none known, is a space.
_TEXT_UNITS = {2: "-", 0: " ", 0xFFFE: " ", 0xFFFF: " "}
# Shares of a line's height. Lines of one cell are apart by the leading (the page's usual gap
# between two lines); rows by ROW_GAP more (the cells' padding, a paragraph's spacing); END_GAP
# more ends the table; tops closer than SAME_LINE are one line.
ROW_GAP = 0.25
END_GAP = 2.0
SAME_LINE = 0.3
# A rule between two rows is at least this long (points); shorter paths underline a word.
MIN_RULE = 20.0


class _Word:
    __slots__ = ("bottom", "text", "top", "x0", "x1")

    def __init__(self, x0: float, x1: float, top: float, bottom: float, text: str) -> None:
        self.x0, self.x1, self.top, self.bottom, self.text = x0, x1, top, bottom, text


class _Line:
    """Words sharing a top, left to right; its chunks are runs of words a space apart."""

    __slots__ = ("bottom", "chunks", "text", "top", "words")

    def __init__(self, words: list[_Word], gap: float) -> None:
        self.words = sorted(words, key=lambda word: word.x0)
        self.top = min(word.top for word in words)
        self.bottom = max(word.bottom for word in words)
        self.text = " ".join(word.text for word in self.words)
        chunks: list[list[float]] = []
        for word in self.words:
            if chunks and word.x0 - chunks[-1][1] < gap:
                chunks[-1][1] = max(chunks[-1][1], word.x1)
            else:
                chunks.append([word.x0, word.x1])
        self.chunks = chunks


class _Layout:
    """An unruled table that ends its page: what its lines cover (its columns, for the next
    page), its rows, and how many of them are headings under its last row (a section the
    next page's rows belong to, or, if the table does not go on, text after it)."""

    __slots__ = ("cover", "rows", "tail")

    def __init__(self, cover: list[list[float]], rows: list[list[str]], tail: int) -> None:
        self.cover, self.rows, self.tail = cover, rows, tail


def _untail(page: list[Any], layout: _Layout) -> None:
    """The table did not go on: the headings under its last row are paragraphs after it."""
    if not layout.tail:
        return
    index = next(i for i, item in enumerate(page) if item[0] == "t" and item[1] is layout.rows)
    tail = layout.rows[-layout.tail :]
    del layout.rows[-layout.tail :]
    page[index + 1 : index + 1] = [["p", row[0]] for row in tail]


def _words(textpage: Any, height: float) -> list[_Word]:
    """The page's words and their boxes (tops from the page top), split at spaces and gaps."""
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    box = ctypes.byref(rect)
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    unicode = pdfium_c.FPDFText_GetUnicode
    words: list[_Word] = []
    chars: list[str] = []
    x0 = x1 = top = bottom = 0.0
    # One character at a time: FPDFText_GetText would give an emoji two UTF-16 units, and the
    # indexes of the characters after it would be off by one.
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        code = unicode(raw, index)
        char = _TEXT_UNITS.get(code) or (chr(code) if code < 0x110000 else " ")
        if char.isspace():
            if chars:
                words.append(_Word(x0, x1, top, bottom, "".join(chars)))
                chars = []
            continue
        loose_box(raw, index, box)
        left, right, char_top, char_bottom = (
            rect.left,
            rect.right,
            height - rect.top,
            height - rect.bottom,
        )
        size = char_bottom - char_top
        # Letters apart, going back, or on another line: two words PDFium put no space between.
        if chars and (left - x1 > 0.2 * size or left < x0 - 1 or abs(char_top - top) > size / 2):
            words.append(_Word(x0, x1, top, bottom, "".join(chars)))
            chars = []
        if chars:
            x1, bottom = max(x1, right), max(bottom, char_bottom)
        else:
            x0, x1, top, bottom = left, right, char_top, char_bottom
        chars.append(char)
    if chars:
        words.append(_Word(x0, x1, top, bottom, "".join(chars)))
    return [word for word in words if word.bottom > word.top]


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def _lines(words: list[_Word]) -> tuple[list[_Line], float, float]:
    """Lines top to bottom, the usual height of a line, and the least gap between two cells."""
    size = _median([word.bottom - word.top for word in words])
    groups: list[list[_Word]] = []
    for word in sorted(words, key=lambda word: (word.top, word.x0)):
        if groups and word.top - groups[-1][0].top <= SAME_LINE * size:
            groups[-1].append(word)
        else:
            groups.append([word])
    spaces: list[float] = []
    for group in groups:
        group.sort(key=lambda word: word.x0)
        spaces.extend(b.x0 - a.x1 for a, b in itertools.pairwise(group) if 0 < b.x0 - a.x1 < size)
    small = [gap for gap in spaces if gap < 0.6 * size]
    space = _median(small) if small else 0.25 * size
    # A space is a quarter of an em; two cells are apart by their paddings, twice that or more.
    gap = min(max(1.6 * space, 0.3 * size), 0.6 * size)
    return [_Line(group, gap) for group in groups], size, gap


def _merge(cover: list[list[float]], spans: list[list[float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x0, x1 in sorted([*cover, *spans]):
        if out and x0 <= out[-1][1]:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return out


def _rivers(cover: list[list[float]], gap: float) -> list[tuple[float, float]]:
    return [(a[1], b[0]) for a, b in itertools.pairwise(cover) if b[0] - a[1] >= gap]


def _kills(before: list[tuple[float, float]], after: list[tuple[float, float]]) -> bool:
    """A river of ``before`` has no part left in ``after``: a line ran across a column gap."""
    return any(not any(b0 < a1 and b1 > a0 for b0, b1 in after) for a0, a1 in before)


def _spans(line: _Line, rivers: list[tuple[float, float]]) -> bool:
    """One run of text across a river: a heading over the table, or text that is no table."""
    return len(line.chunks) == 1 and any(
        x0 <= r0 + 1 and x1 >= r1 - 1 for x0, x1 in line.chunks for r0, r1 in rivers
    )


def _leading(lines: list[_Line]) -> float:
    """The usual gap between a line and the one above it in the same column: most lines are
    the second or later of a paragraph or a cell, fewer begin a row."""
    gaps: list[float] = []
    above: list[tuple[float, float, float]] = []  # x0, x1, bottom of the lines' chunks so far
    for line in lines:
        for (
            x0,
            x1,
        ) in line.chunks:
            bottoms = [bottom for a0, a1, bottom in above[-64:] if a0 < x1 and a1 > x0]
            if bottoms and line.top >= max(bottoms) - 0.5:
                gaps.append(max(line.top - max(bottoms), 0.0))
        above.extend((x0, x1, line.bottom) for x0, x1 in line.chunks)
    return sorted(gaps)[len(gaps) // 4] if gaps else 0.0


def _is_header(line: _Line) -> bool:
    """Header words in two cells of the line («№» … «Мероприятие» … «Срок»)."""
    if len(line.chunks) < 2:
        return False
    named: set[int] = set()
    for word in line.words:
        if _HEADER_WORD.match(word.text):
            named.update(i for i, (x0, x1) in enumerate(line.chunks) if x0 <= word.x0 <= x1)
    return len(named) >= 2


def _unruled(
    textpage: Any, width: float, height: float, rules: list[float], carried: _Layout | None
) -> tuple[list[tuple[float, list[Any]]], _Layout | None, bool] | None:
    """The page's unruled tables and the text around them, or None when it has none.

    ``carried`` is the columns of an unruled table the page before ended with: the lines at
    the top of this page that keep to them go on with it."""
    words = _words(textpage, height)
    if not words:
        return None
    lines, size, gap = _lines(words)
    leading = _leading(lines)
    # Each table: its first line, past its last row, past the headings under it, its cover.
    found: list[tuple[int, int, int, list[list[float]]]] = []
    index = 0
    continued = False
    if carried is not None:
        start = next((i for i, line in enumerate(lines) if not _PAGE_NUMBER.match(line.text)), 0)
        region = _region(lines, start, carried.cover, gap, size, leading)
        if region is not None:
            found.append(region)
            index, continued = region[2], True
    while index < len(lines):
        header = next((i for i in range(index, len(lines)) if _is_header(lines[i])), None)
        if header is None:
            break
        cover = [list(chunk) for chunk in lines[header].chunks]
        region = _region(lines, header, cover, gap, size, leading)
        if region is None:
            index = header + 1
            continue
        found.append(region)
        index = region[2]
    if not found:
        return None
    items: list[tuple[float, list[Any]]] = []
    above = 0.0
    layout: _Layout | None = None
    for number, (first, last, headed, cover) in enumerate(found):
        rivers = _rivers(cover, gap)
        rows = _unruled_rows(lines[first:last], rivers, size, leading, rules)
        at_foot = all(_PAGE_NUMBER.match(line.text) for line in lines[headed:])
        if number == len(found) - 1 and headed > last and at_foot:
            # Headings under the last row at the page's end: the next page may go on under them.
            with_headings = _unruled_rows(lines[first:headed], rivers, size, leading, rules)
            layout = _Layout(cover, with_headings, len(with_headings) - len(rows))
            rows, last = with_headings, headed
        elif number == len(found) - 1 and at_foot:
            layout = _Layout(cover, rows, 0)
        top = lines[first].top - 0.5
        if first > 0:
            top = (lines[first - 1].bottom + lines[first].top) / 2
        bottom = max(line.bottom for line in lines[first:last]) + 0.5
        if last < len(lines):
            bottom = (bottom + lines[last].top) / 2
        items.extend(_band(textpage, width, height, above, top))
        items.append((top, ["t", rows]))
        above = bottom
    items.extend(_band(textpage, width, height, above, height))
    return items, layout, continued


def _region(
    lines: list[_Line],
    start: int,
    cover: list[list[float]],
    gap: float,
    size: float,
    leading: float,
) -> tuple[int, int, int, list[list[float]]] | None:
    """The lines from ``start`` that keep to the columns: (start, past the last row, past the
    headings across the table under it, their cover).

    A line with text in two cells narrows the rivers; one that leaves a river no room is no
    part of the table (a signature «Председатель … Иванов»), and two such lines end it."""
    end, body, foreign = start, 0, 0
    bottom = lines[start].top
    last_good = start
    for index in range(start, len(lines)):
        line = lines[index]
        if index > start and line.top - bottom > leading + END_GAP * size:
            break
        if len(line.chunks) >= 2:
            merged = _merge(cover, line.chunks)
            if _kills(_rivers(cover, gap), _rivers(merged, gap)):
                foreign += 1
                if foreign == 2 or index == start:
                    break  # (a page whose first line is none of the table's does not go on)
                bottom = max(bottom, line.bottom)
                continue
            cover, foreign = merged, 0
            body += index > start or not _is_header(line)
            last_good = index
        bottom = max(bottom, line.bottom)
        end = index + 1
    rivers = _rivers(cover, gap)
    if body == 0 or not rivers:
        return None
    # What follows the last row across the columns (a heading, a signature) is text after it,
    # unless the next page goes on under it.
    end = max(last_good + 1, end)
    rows_end = end
    while rows_end > last_good + 1 and (
        len(lines[rows_end - 1].chunks) >= 2 or _spans(lines[rows_end - 1], rivers)
    ):
        rows_end -= 1  # a line of no table, or a heading with no row under it
    headed = rows_end
    while headed < end and _spans(lines[headed], rivers):
        headed += 1
    return start, rows_end, headed, cover


def _unruled_rows(
    lines: list[_Line],
    rivers: list[tuple[float, float]],
    size: float,
    leading: float,
    rules: list[float],
) -> list[list[str]]:
    """The table's rows: cells by column, a section heading as a row of one cell."""
    bounds = [(r0 + r1) / 2 for r0, r1 in rivers]
    columns = min(len(bounds) + 1, MAX_COLUMNS)

    places: dict[int, int] = {}

    def column(word: _Word) -> int:
        place = places.get(id(word))
        if place is None:
            place = min(bisect.bisect_left(bounds, (word.x0 + word.x1) / 2), columns - 1)
            places[id(word)] = place
        return place

    # Bands: lines one under another with no gap or rule between them; a heading alone.
    bands: list[tuple[bool, list[_Word]]] = []
    bottom = 0.0
    for line in lines:
        # A heading centred over the table may keep to one column: «Раздел 2», «II. Кадры».
        spanning = _spans(line, rivers) or (
            len({column(word) for word in line.words}) == 1 and bool(_HEADING.match(line.text))
        )
        apart = (
            not bands
            or spanning != bands[-1][0]
            or line.top - bottom > leading + ROW_GAP * size
            or any(bottom - 1 <= rule <= line.top + 1 for rule in rules)
        )
        if apart:
            bands.append((spanning, []))
            bottom = line.bottom
        bands[-1][1].extend(line.words)
        bottom = max(bottom, line.bottom)
    # Rows that touch (no padding) begin at each number of the first column.
    pieces: list[tuple[bool, list[_Word]]] = []
    for spanning, words in bands:
        starts = [] if spanning else _number_tops(words, column, size)
        if len(starts) < 2:
            pieces.append((spanning, words))
            continue
        cuts = [top - SAME_LINE * size for top in starts]
        parts: list[list[_Word]] = [[] for _ in range(len(cuts) + 1)]
        for word in words:
            parts[sum(1 for cut in cuts if word.top >= cut)].append(word)
        pieces.extend((False, part) for part in parts if part)
    numbered = [
        bool(_ROW_NUMBER.match(_squeeze(words, column, 0)))
        for spanning, words in pieces
        if not spanning and _squeeze(words, column, 0)
    ]
    number_column = sum(numbered) >= max(1, 0.6 * len(numbered))
    if not number_column and sum(not spanning for spanning, _ in pieces) <= 2:
        # No number and no gap between rows: a row begins where the first column's text
        # begins with a capital («Заседание …»), not where it goes on («совета»).
        pieces = [
            (spanning, part)
            for spanning, words in pieces
            for part in ([words] if spanning else _split_at_capitals(words, column, size))
        ]
    header = {id(word) for line in lines if _is_header(line) for word in line.words}
    rows: list[list[str]] = []
    items: list[bool] = []  # whether the row is an item's (not a heading's or the header's)
    for spanning, words in pieces:
        if spanning:
            rows.append([" ".join(w.text for w in words), *[""] * (columns - 1)])
            items.append(False)
            continue
        cells = _cells(words, column, columns, size)
        if number_column and not cells[0] and rows and items[-1]:
            # A cell's paragraphs apart, or a cell centred in a taller row: the same row.
            rows[-1] = [_join_cells(a, b) for a, b in zip(rows[-1], cells, strict=True)]
            continue
        rows.append(cells)
        items.append(not any(id(word) in header for word in words))
    return rows


def _split_at_capitals(words: list[_Word], column: Any, size: float) -> list[list[_Word]]:
    cuts = [
        min(word.top for word in line) - SAME_LINE * size
        for line in _cell_lines([word for word in words if column(word) == 0], size)[1:]
        if line[0].text[:1].isupper()
    ]
    parts: list[list[_Word]] = [[] for _ in range(len(cuts) + 1)]
    for word in words:
        parts[sum(1 for cut in cuts if word.top >= cut)].append(word)
    return [part for part in parts if part]


def _number_tops(words: list[_Word], column: Any, size: float) -> list[float]:
    """Tops of the first column's lines that are row numbers («1.», «2.3»)."""
    tops: list[float] = []
    for line in _cell_lines([w for w in words if column(w) == 0], size):
        if _ROW_NUMBER.match(" ".join(w.text for w in line)):
            tops.append(min(w.top for w in line))
    return tops


def _cell_lines(words: list[_Word], size: float) -> list[list[_Word]]:
    lines: list[list[_Word]] = []
    for word in sorted(words, key=lambda word: (word.top, word.x0)):
        if lines and word.top - lines[-1][0].top <= SAME_LINE * size:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda word: word.x0) for line in lines]


def _squeeze(words: list[_Word], column: Any, index: int) -> str:
    return " ".join(
        w.text for w in sorted(words, key=lambda w: (w.top, w.x0)) if column(w) == index
    )


def _cells(words: list[_Word], column: Any, columns: int, size: float) -> list[str]:
    by_column: list[list[_Word]] = [[] for _ in range(columns)]
    for word in words:
        by_column[column(word)].append(word)
    # Each wrapped line but the last ends at a space, as PDFium gives a cell's text.
    return [
        unwrap(" \n".join(" ".join(w.text for w in line) for line in _cell_lines(cell, size)))
        for cell in by_column
    ]


def _join_cells(before: str, after: str) -> str:
    if not after:
        return before
    if not before:
        return after
    return f"{before}\n{after}" if _LIST_START.match(after) else f"{before} {after}"


if __name__ == "__main__":
    main()
