"""ZIP checks before python-docx or openpyxl open an upload, and their errors as doc-corrupt."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

from bot.errors import DocumentRejected

logger = logging.getLogger(__name__)

# A real plan unpacks to a few MB; openpyxl needs roughly 10–20× the XML size in memory.
MAX_TOTAL_UNCOMPRESSED = 100 * 1024 * 1024
# DOCX/XLSX XML rarely compresses better than 20:1; deflate cannot exceed about 1032:1.
MAX_RATIO = 100
# Small members (styles, themes of a few KB) may compress very well without any harm.
RATIO_APPLIES_ABOVE = 1024 * 1024
# A large workbook has a few hundred parts; thousands means a crafted archive.
MAX_MEMBERS = 2000
# Archives inside the package. Office's own embedded packages (an Excel chart in a DOCX,
# word/embeddings/*.xlsx) are allowed: the readers never open them, and their declared size
# still counts towards the total.
NESTED_ARCHIVE_SUFFIXES = (".zip", ".7z", ".rar", ".gz", ".tgz", ".bz2", ".xz", ".tar", ".cab")
# openpyxl makes an object for every cell of a merged range: "A1:XFD1048576" is 17 billion.
# A plan merges a few thousand cells at most.
MAX_MERGED_CELLS = 100_000

_MERGE_REF = re.compile(
    # Bounded like Excel's own limits (XFD, 1048576), so int() never meets a million digits.
    rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=[\"']"
    rb"\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?"
)
_SHEET_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$", re.IGNORECASE)


def zip_members(data: bytes) -> list[str]:
    """Names in a ZIP upload after the bomb checks; raises doc-corrupt or doc-zip-bomb."""
    with library_errors("ZIP directory"), zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
    check_members(members)
    return [member.filename for member in members]


def check_members(members: list[zipfile.ZipInfo]) -> None:
    """Declared sizes bound what zipfile will ever inflate, so checking them is enough."""
    if len(members) > MAX_MEMBERS:
        _bomb("%d members", len(members))
    total = sum(member.file_size for member in members)
    if total > MAX_TOTAL_UNCOMPRESSED:
        _bomb("%d bytes uncompressed in total", total)
    for member in members:
        if _too_compressed(member):
            _bomb("%s inflates %d → %d", member.filename, member.compress_size, member.file_size)
        if member.filename.casefold().endswith(NESTED_ARCHIVE_SUFFIXES):
            _bomb("nested archive %s", member.filename)


def check_merged_cells(data: bytes) -> None:
    """Refuse workbooks whose merged ranges would make openpyxl build billions of cells."""
    total = 0
    with library_errors("XLSX sheets"), zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if _SHEET_PART.match(name):
                total += _merged_area(archive.read(name))
    if total > MAX_MERGED_CELLS:
        _bomb("%d merged cells", total)


def _merged_area(sheet_xml: bytes) -> int:
    if b"mergeCell" not in sheet_xml:
        return 0
    area = 0
    for first_col, first_row, last_col, last_row in _MERGE_REF.findall(sheet_xml):
        rows = abs(int(last_row or first_row) - int(first_row)) + 1
        columns = abs(_column_number(last_col or first_col) - _column_number(first_col)) + 1
        area += rows * columns
    return area


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + (letter | 0x20) - ord("a") + 1
    return number


def _too_compressed(member: zipfile.ZipInfo) -> bool:
    if member.file_size <= RATIO_APPLIES_ABOVE:
        return False
    return member.file_size > MAX_RATIO * max(member.compress_size, 1)


def _bomb(reason: str, *args: object) -> NoReturn:
    logger.info("Upload rejected as a ZIP bomb: %s", reason % args)
    raise DocumentRejected("doc-zip-bomb")


@contextmanager
def library_errors(what: str) -> Iterator[None]:
    """Any failure inside python-docx/openpyxl means an unreadable file, never a traceback."""
    try:
        yield
    except DocumentRejected:
        raise
    except Exception as error:  # both libraries raise KeyError, ValueError, lxml errors, ...
        logger.info("%s could not be read: %r", what, error)
        raise DocumentRejected("doc-corrupt") from error
