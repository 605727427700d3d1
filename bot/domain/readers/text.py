"""Plain text, TSV and Markdown (as the seeds are written) → RawDocument."""

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


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Paragraph | Table] = []
        self.rows: list[list[str]] = []
        self.lines: list[str] = []
        self.heading = 0

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
        builder.lines.append(line.rstrip())
    builder.flush_paragraph()
    builder.flush_table()
    return RawDocument(tuple(builder.blocks), source_format="text")
