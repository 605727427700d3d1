"""PDF with a text layer → RawDocument: ruled tables and the text around them, page by page.

The file is read in a child process with a memory and CPU limit and a wall-clock timeout, so a
hostile PDF (a deflate bomb in a content stream, a page of a million paths, a crash in the C
library) costs at most that child. PDFium (pypdfium2, which pdfplumber itself depends on) reads
the characters and the ruling paths — pdfminer, pdfplumber's own parser, needs about 30 ms a
page, too slow for a 200-page plan — and pdfplumber's lattice algorithm (snap and join the
edges, find their intersections, the cells and the tables) turns the rulings into cells.

A table with no rulings to find (printed with its borders off, ruled only between its rows or
only around it, or lined up with spaces) is found from its header row («№», «Мероприятие»,
«Срок», … in two cells of a line): its columns are the strips of whitespace running down through
the header and every line below with text in two cells; a line across such a strip is a section
heading (a row of one cell); rows are bands of lines apart by more than the leading, or begin at
a number in the number column; a next page whose lines keep to the same strips goes on with it.

Across pages, a table continued on the next page joins the one before when it has as many
columns; a header row repeated on the new page is dropped, and a row broken by the page (its
number cell empty, fewer cells filled) is glued back to its first part. Page numbers between the
two parts are ignored.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from bot.domain.readers.base import Block, Cell, Paragraph, RawDocument, Table
from bot.errors import DocumentRejected

MAX_PAGES = 500
# A 200-page plan reads in under two seconds; a PDF still busy after this is hostile or broken.
TIMEOUT_SECONDS = 30
MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024
# Fewer characters a page than this, beside pictures on every page, is a scan: a plan's page
# of text has a thousand or more; a scan's text layer is a stamp, a page number, a header.
SCAN_TEXT_PER_PAGE = 200
_CHILD = Path(__file__).with_name("_pdf_child.py")
_EXIT_MEMORY = 3  # _pdf_child.EXIT_MEMORY
_MERGED = "\x1e"  # _pdf_child.MERGED
_PAGE_CUT = "\x03"  # _pdf_child.PAGE_CUT
# «2», «- 3 -», «стр. 4», «5 из 12»: what may stand between two parts of one table.
_PAGE_NUMBER = re.compile(
    r"^\s*(?:стр(?:\.|аница)?\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:из|/)\s*\d{1,4})?\s*$", re.I
)


# Russian words of one or two letters (as in _pdf_child): any other such piece at the top of
# a page is the end of a word the page cut.
_SHORT_WORDS = frozenset(
    {"а", "б", "в", "ж", "и", "к", "о", "с", "у", "я", "бы", "во", "да", "до", "же", "за", "из"}
    | {"их", "ко", "ли", "мы", "на", "не", "ни", "но", "ну", "об", "он", "от", "по", "со", "то"}
    | {"ту", "ты", "уж", "вы", "ее", "её", "им", "ей", "ею", "ой", "оо"}
)


def read_pdf(data: bytes) -> RawDocument:
    """Read a PDF, or raise DocumentRejected (scanned, too many pages, too complex, unreadable)."""
    result = _run_child(data)
    error = result.get("error")
    if error == "encrypted":
        raise DocumentRejected("doc-unsupported-format", format="encrypted")
    if error == "too-many-pages":
        raise DocumentRejected("doc-pdf-too-many-pages", pages=result["pages"], limit=MAX_PAGES)
    if error is not None:
        raise DocumentRejected("doc-unsupported-format", format="pdf")
    pages: list[list[Any]] = result["pages"]
    if not any(_has_text(page) for page in pages) or _scanned(pages, result.get("images", 0)):
        raise DocumentRejected("doc-pdf-scanned")
    return RawDocument(tuple(_blocks(pages)), source_format="pdf")


def _scanned(pages: list[list[Any]], images: int) -> bool:
    """Pictures, no table and hardly any text: a scan with a stamp or a typed header."""
    if images == 0 or any(kind == "t" for page in pages for kind, _ in page):
        return False
    letters = sum(len(content) for page in pages for kind, content in page if kind == "p")
    return letters < SCAN_TEXT_PER_PAGE * len(pages)


def _has_text(page: list[Any]) -> bool:
    for kind, content in page:
        if kind == "p" and content.strip():
            return True
        if kind == "t" and any(text.strip() for row in content for text in row):
            return True
    return False


def _run_child(data: bytes) -> dict[str, Any]:
    # -I: the child imports nothing of the project, so a hostile file meets only PDFium.
    command = [
        sys.executable,
        "-I",
        str(_CHILD),
        str(MAX_PAGES),
        str(MEMORY_LIMIT_BYTES),
        str(TIMEOUT_SECONDS),
    ]
    try:
        done = subprocess.run(
            command, input=data, capture_output=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise DocumentRejected("doc-pdf-too-complex") from error
    if done.returncode == _EXIT_MEMORY:
        raise DocumentRejected("doc-pdf-too-complex")
    if done.returncode != 0:
        # Killed by the CPU limit, or PDFium crashed on a malformed file.
        if done.returncode < 0 and b"MemoryError" not in done.stderr:
            return {"error": "unreadable"}
        raise DocumentRejected("doc-pdf-too-complex")
    try:
        parsed: dict[str, Any] = json.loads(done.stdout)
    except ValueError:
        return {"error": "unreadable"}
    return parsed


# --- joining the pages (the parent) --------------------------------------------------------------


def _blocks(pages: list[list[Any]]) -> Iterator[Block]:
    """Blocks of all pages: paragraphs as read, tables continued across pages joined."""
    pending: list[list[str]] | None = None  # the table that may continue on the next page
    header: list[str] | None = None
    held: list[str] = []  # paragraphs after that table on its page (kept if it does not go on)
    for page in pages:
        for index, (kind, content) in enumerate(page):
            if kind == "t":
                rows: list[list[str]] = [list(row) for row in content]
                if (
                    pending is not None
                    and index == _first_table(page)
                    and _continues(pending, rows, held, page[:index])
                ):
                    pending = _join(pending, rows, header)
                    held = []
                    continue
                if pending is not None:
                    yield _table(pending)
                    yield from (Paragraph(text) for text in held)
                pending, header, held = rows, rows[0] if rows else None, []
            elif pending is not None:
                held.append(content)
            else:
                yield Paragraph(content)
        # A table is joined only with the first table of the next page.
    if pending is not None:
        yield _table(pending)
        yield from (Paragraph(text) for text in held)


def _first_table(page: list[Any]) -> int:
    return next((i for i, (kind, _) in enumerate(page) if kind == "t"), -1)


def _continues(
    before: list[list[str]], rows: list[list[str]], after: list[str], above: list[Any]
) -> bool:
    """The next page's first table goes on with ``before``: only page numbers in between."""
    between = [*after, *(content for kind, content in above if kind == "p")]
    if any(not _PAGE_NUMBER.match(text) for text in between):
        return False
    return bool(before and rows) and len(before[0]) == len(rows[0])


def _join(
    before: list[list[str]], rows: list[list[str]], header: list[str] | None
) -> list[list[str]]:
    rows = list(rows)
    if header is not None and rows and _same_row(rows[0], header):
        rows = rows[1:]
    if rows and before and _broken_row(before[-1], rows[0]):
        first, *rows = rows
        before = [*before[:-1], _glue(before[-1], first)]
    return [*before, *rows]


def _same_row(a: Sequence[str], b: Sequence[str]) -> bool:
    return [" ".join(t.split()).casefold() for t in a] == [
        " ".join(t.split()).casefold() for t in b
    ]


def _broken_row(last: Sequence[str], first: Sequence[str]) -> bool:
    """The first row of a page is the rest of the row the page broke: no number of its own
    (its number cell empty, or only the dot of «11.15.»), or its longest text goes on in
    lowercase («и проведение …»); and no more cells filled than the part before."""
    filled_last = sum(bool(text.strip()) for text in last)
    filled_first = sum(bool(text.strip()) for text in first)
    if not (0 < filled_first <= filled_last and any(c.isalnum() for c in last[0])):
        return False
    no_number = not any(char.isalnum() for char in first[0])
    longest = max(first, key=len).lstrip()
    return no_number or longest[:1].islower()


def _glue(last: Sequence[str], rest: Sequence[str]) -> list[str]:
    return [_glue_text(a, b) for a, b in zip(last, rest, strict=True)]


def _glue_text(before: str, after: str) -> str:
    """Two parts of a cell the page broke; a word cut between them is whole again."""
    cut_by_page = before.endswith(_PAGE_CUT)  # the child found the two pieces one word
    before = before.removesuffix(_PAGE_CUT)
    if not after.strip():
        return before
    if not before.strip():
        return after
    first = after.lstrip()
    if cut_by_page:
        return before + first
    piece = re.match(r"[а-яё]+", first)
    word = piece[0] if piece is not None else ""
    # «Координационны» + «й совет», «Ежеквартальн» + «о» (a short word alone ends the cell).
    cut = (
        bool(word)
        and before[-1:].isalpha()
        and (word[0] in "ьъы" or (len(word) <= 2 and (word not in _SHORT_WORDS or first == word)))
    )
    cut = cut or (before.endswith("-") and first[0].islower())  # «Февраль-» + «апрель»
    digits = before[-1:].isdigit() and first[0].isdigit()  # «109.1» + «9.»
    if cut or digits or (not first[0].isalnum() and first[0] not in '«("'):
        return before + first  # «11.15» + «.», «Координационны» + «й совет»
    return f"{before} {first}"


def _table(rows: list[list[str]]) -> Table:
    return Table(tuple(tuple(_cell(text) for text in row) for row in rows))


def _cell(text: str) -> Cell:
    """A cell as the child read it; one merged down from the row above is marked so."""
    text = text.removesuffix(_PAGE_CUT)  # a row the page broke that was not glued back
    if text.startswith(_MERGED):
        return Cell(text[len(_MERGED) :], merged=True)
    return Cell(text)
