"""Readers: an uploaded file's bytes → RawDocument, the format told by content, not by name."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

from bot.domain.readers.base import Block, Cell, Paragraph, RawDocument, Table
from bot.domain.readers.docx import read_docx
from bot.domain.readers.encoding import control_share, decode_text, looks_binary
from bot.domain.readers.office import read_office
from bot.domain.readers.pdf import read_pdf
from bot.domain.readers.safety import library_errors, zip_members
from bot.domain.readers.text import read_text
from bot.domain.readers.xlsx import read_xlsx
from bot.errors import DocumentRejected

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Block",
    "Cell",
    "Paragraph",
    "RawDocument",
    "Table",
    "read_document",
]

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# Decoded text with more control characters than this is a binary file that happened to decode.
MAX_CONTROL_SHARE = 0.01

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# Control words every RTF with text has: a paragraph end or a table row/cell.
_RTF_CONTENT = (b"\\par", b"\\row", b"\\cell")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",  # TIFF
    b"MM\x00*",
)
# Stream names in the OLE2 directory (UTF-16LE) tell old Office formats apart.
_OLE_STREAMS = (
    ("EncryptedPackage", "encrypted"),  # a password-protected DOCX/XLSX is stored in OLE2
    ("WordDocument", "doc"),
    ("Workbook", "xls"),
    ("Book", "xls"),
    ("PowerPoint Document", "ppt"),
)


def read_document(
    data: bytes,
    filename: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    sheet: str | None = None,
) -> RawDocument:
    """Read an upload into paragraphs and tables, or raise DocumentRejected with a message key.

    ``filename`` is only a hint (for an old Office file of unknown kind); ``sheet`` picks the
    workbook sheet by name.
    """
    if len(data) > max_bytes:
        raise DocumentRejected("doc-too-large", limit_mb=_megabytes(max_bytes))
    if not data.strip():
        raise DocumentRejected("doc-empty")
    if data.startswith(_ZIP):
        raw = _read_package(data, sheet)
    elif _is_pdf(data):
        raw = read_pdf(data)
    elif _is_word_97(data) or _is_rtf_with_text(data):
        raw = read_office(data, "doc" if data.startswith(_OLE2) else "rtf")
    else:
        _reject_known_binary(data, filename)
        raw = _read_plain(data)
    if not raw.blocks:
        raise DocumentRejected("doc-empty")
    return raw


def _read_package(data: bytes, sheet: str | None) -> RawDocument:
    names = {name.casefold() for name in zip_members(data)}
    if "word/document.xml" in names:
        return read_docx(data)
    if "xl/workbook.xml" in names:
        return read_xlsx(data, sheet)
    if _is_odt(data, names):
        return read_office(data, "odf")
    raise DocumentRejected("doc-unsupported-format", format=_package_format(names))


def _package_format(names: set[str]) -> str:
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "content.xml" in names and "mimetype" in names:
        return "odf"  # LibreOffice .odt/.ods
    return "zip"


def _is_pdf(data: bytes) -> bool:
    """«%PDF-» opens a PDF; readers accept it anywhere in the first KB (a mail or a scanner
    driver sometimes writes a few bytes before it)."""
    return data.startswith(b"%PDF") or b"%PDF-" in data[:1024]


def _is_odt(data: bytes, names: set[str]) -> bool:
    """An ODF text document with a body: its «mimetype» member says so (ODF 1.2, 3.3)."""
    if "mimetype" not in names or "content.xml" not in names:
        return False
    with library_errors("ODT"), zipfile.ZipFile(io.BytesIO(data)) as archive:
        mimetype = archive.read("mimetype").strip()
        # zip_members checked the declared sizes: content.xml is bounded.
        has_body = b"office:body" in archive.read("content.xml")
    return mimetype == _ODT_MIMETYPE and has_body


def _is_word_97(data: bytes) -> bool:
    """An OLE2 file with a Word stream and no encryption: a .doc LibreOffice can convert."""
    return (
        data.startswith(_OLE2)
        and _ole_format(data, None) == "doc"
        and ("WordDocument".encode("utf-16-le") in data)
    )


def _is_rtf_with_text(data: bytes) -> bool:
    return data.startswith(b"{\\rtf") and any(word in data for word in _RTF_CONTENT)


def _reject_known_binary(data: bytes, filename: str | None) -> None:
    if data.startswith(_OLE2):
        raise DocumentRejected("doc-unsupported-format", format=_ole_format(data, filename))
    if data.startswith(b"%PDF"):
        raise DocumentRejected("doc-unsupported-format", format="pdf")
    if data.startswith(_IMAGES) or _is_riff_webp(data) or _is_heic(data):
        raise DocumentRejected("doc-unsupported-format", format="image")
    if data.startswith(b"{\\rtf"):
        raise DocumentRejected("doc-unsupported-format", format="rtf")
    if looks_binary(data):
        raise DocumentRejected("doc-unsupported-format", format="binary")


def _ole_format(data: bytes, filename: str | None) -> str:
    for stream, kind in _OLE_STREAMS:
        if stream.encode("utf-16-le") in data:
            return kind
    extension = (filename or "").rpartition(".")[2].casefold()
    return extension if extension in {"doc", "xls"} else "doc"


def _is_riff_webp(data: bytes) -> bool:
    return data.startswith(b"RIFF") and data[8:12] == b"WEBP"


def _is_heic(data: bytes) -> bool:
    return data[4:8] == b"ftyp" and data[8:12] in {b"heic", b"heix", b"mif1", b"avif"}


def _read_plain(data: bytes) -> RawDocument:
    text, encoding = decode_text(data)
    if control_share(text) > MAX_CONTROL_SHARE:
        raise DocumentRejected("doc-unsupported-format", format="binary")
    return replace(read_text(text), encoding=encoding)


def _megabytes(limit: int) -> int | float:
    megabytes = limit / (1024 * 1024)
    return int(megabytes) if megabytes.is_integer() else round(megabytes, 1)
