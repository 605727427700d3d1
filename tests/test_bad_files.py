"""A corpus of broken, hostile and wrong files (built here, ≥ 40): each is refused with a clear
Russian message through the chat and through `workplan import`, and nothing is stored.

Also the regression guards of issue 9, defects 5 (a limit on cells) and 14 (formulas without
saved values). bench/bench_bad_files.py measures the corpus's time and peak memory."""

from __future__ import annotations

import asyncio
import io
import random
import struct
import zipfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.domain.readers import DEFAULT_MAX_BYTES, read_document
from bot.domain.readers import xlsx as xlsx_reader
from bot.domain.readers.office import soffice_path
from bot.errors import DocumentRejected
from bot.i18n import default_translations
from bot.services.imports import parse_upload
from storage.db import create_engine, create_session_factory
from storage.models import Cluster, Item, PlanDocument
from tests.chat import Chat
from tests.conftest import CoordinatorCluster

SEEDS = Path(__file__).parent / "data" / "seeds"
NEWS = (SEEDS / "002_57a866675da86cd7.txt").read_text(encoding="utf-8")
HEADER = ["№ п/п", "Наименование мероприятия", "Исполнители", "Срок исполнения"]


# --- building the files -------------------------------------------------------------------------


def _docx(*rows: Sequence[str], paragraphs: tuple[str, ...] = ()) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if rows:
        table = document.add_table(rows=0, cols=len(rows[0]))
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xlsx(*rows: Sequence[object]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _plan_docx() -> bytes:
    return _docx(
        HEADER,
        ["1.", "Провести совещание руководителей", "Руководители ПОО", "до 01.05.2022"],
        ["2.", "Подготовить отчёт о работе кластера", "Секретарь КС", "декабрь 2022 года"],
        paragraphs=("План работы кластера транспорта на 2022 год",),
    )


def _plan_xlsx() -> bytes:
    return _xlsx(
        ["План работы кластера транспорта на 2022 год"],
        HEADER,
        ["1.", "Провести совещание руководителей", "Руководители ПОО", "до 01.05.2022"],
        ["2.", "Подготовить отчёт о работе кластера", "Секретарь КС", "декабрь 2022 года"],
    )


def _rezip(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The package with each member passed through ``change`` (None drops it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = change(info.filename, source.read(info.filename))
            if content is not None:
                target.writestr(info.filename, content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def _replace_part(data: bytes, part: str, content: bytes) -> bytes:
    return _rezip(data, lambda name, old: content if name == part else old)


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)
_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_S = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _docx_laughs() -> bytes:
    body = LAUGHS + b"<w:document " + _W + b"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"
    return _replace_part(_plan_docx(), "word/document.xml", body + b"</w:body></w:document>")


def _docx_external_entity() -> bytes:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<w:document " + _W + b"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body>"
        b"</w:document>"
    )
    return _replace_part(_plan_docx(), "word/document.xml", body)


def _xlsx_laughs() -> bytes:
    sheet = LAUGHS + b"<worksheet " + _S + b'><sheetData><row r="1"><c r="A1" t="inlineStr">'
    sheet += b"<is><t>&lol9;</t></is></c></row></sheetData></worksheet>"
    return _replace_part(_plan_xlsx(), "xl/worksheets/sheet1.xml", sheet)


def _xlsx_merge_bomb() -> bytes:
    def change(name: str, old: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return old
        merge = b'<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
        return old.replace(b"</sheetData>", b"</sheetData>" + merge)

    return _rezip(_plan_xlsx(), change)


def _formula_only_xlsx() -> bytes:
    """Formulas as a script or a web export writes them: no cached values at all."""
    return _xlsx(
        HEADER,
        ["1.", '=CONCAT("Провести ","совещание")', "Руководители ПОО", "до 01.05.2022"],
        ["2.", '=CONCAT("Подготовить ","отчёт")', "Секретарь КС", "декабрь 2022 года"],
    )


def _ole2(stream: str) -> bytes:
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    return head + stream.encode("utf-16-le") + bytes(random.Random(1).randbytes(4096))


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("word/media/big.bin", b"\0" * (8 * 1024 * 1024))
    return out.getvalue()


def _too_many_members() -> bytes:
    return _zip({"word/document.xml": b"<w:document/>"} | {f"x/{i}": b"x" for i in range(2001)})


# The tests lower the reader's cell limit to this, so that the file over it stays small;
# bench/bench_bad_files.py builds one over the real limit.
TEST_MAX_CELLS = 2_000


def many_cells_xlsx(cells: int = TEST_MAX_CELLS + 500) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADER)
    columns = 10
    for row in range(cells // columns + 1):
        sheet.append([f"{row}."] + [f"текст {row}-{c}" for c in range(columns - 1)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + b"\0" * 64


def _junk(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


def _news_docx() -> bytes:
    return _docx(paragraphs=tuple(line for line in NEWS.splitlines() if line.strip()))


def _nested_zip() -> bytes:
    inner = _zip({"a.txt": b"a"})
    return _zip({"word/document.xml": b"<w:document/>", "word/media/inner.zip": inner})


# name → (file name, content builder, the refusal's catalogue key)
CORPUS: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "0-byte file": ("plan.docx", lambda: b"", "doc-empty"),
    "only spaces and newlines": ("plan.txt", lambda: b"   \n\r\n\t  \n", "doc-empty"),
    "truncated DOCX": ("plan.docx", lambda: _plan_docx()[:3000], "doc-corrupt"),
    "DOCX cut to its first bytes": ("plan.docx", lambda: _plan_docx()[:40], "doc-corrupt"),
    "truncated XLSX": ("plan.xlsx", lambda: _plan_xlsx()[:2500], "doc-corrupt"),
    "DOCX with junk document.xml": (
        "plan.docx",
        lambda: _replace_part(_plan_docx(), "word/document.xml", b"<w:document><unclosed"),
        "doc-corrupt",
    ),
    "XLSX with junk sheet": (
        "plan.xlsx",
        lambda: _replace_part(_plan_xlsx(), "xl/worksheets/sheet1.xml", b"\0\1\2 not xml"),
        "doc-corrupt",
    ),
    "XLSX without its sheet": (
        "plan.xlsx",
        lambda: _rezip(_plan_xlsx(), lambda n, c: None if n.startswith("xl/worksheets/") else c),
        "doc-empty",
    ),
    "DOCX with flipped bytes": (
        "plan.docx",
        lambda: (lambda d: d[:600] + bytes(b ^ 0x5A for b in d[600:1600]) + d[1600:])(_plan_docx()),
        "doc-corrupt",
    ),
    "ZIP bomb (8 MB of zeros)": ("plan.docx", _zip_bomb, "doc-zip-bomb"),
    "ZIP with 2,000 members": ("plan.docx", _too_many_members, "doc-zip-bomb"),
    "ZIP nested in a DOCX": ("plan.docx", lambda: _nested_zip(), "doc-zip-bomb"),
    "XLSX merging the whole sheet": ("plan.xlsx", _xlsx_merge_bomb, "doc-zip-bomb"),
    "DOCX with entity expansion": ("plan.docx", _docx_laughs, "doc-corrupt"),
    # The entity is never resolved: no file of the server is read into the plan.
    "DOCX with an external entity": ("plan.docx", _docx_external_entity, "doc-empty"),
    "XLSX with entity expansion": ("plan.xlsx", _xlsx_laughs, "doc-corrupt"),
    "password-protected DOCX": (
        "plan.docx",
        lambda: _ole2("EncryptedPackage"),
        "doc-unsupported-format",
    ),
    "old Word .doc": ("plan.doc", lambda: _ole2("WordDocument"), "doc-unsupported-format"),
    "old Excel .xls": ("plan.xls", lambda: _ole2("Workbook"), "doc-unsupported-format"),
    "PDF renamed .docx": (
        "plan.docx",
        lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n",
        "doc-unsupported-format",
    ),
    "RTF renamed .docx": (
        "plan.docx",
        lambda: b"{\\rtf1\\ansi\\deff0 {\\fonttbl}\\f0 \\u1055?\\u1083?}",
        "doc-unsupported-format",
    ),
    "PNG renamed .docx": ("plan.docx", _png, "doc-unsupported-format"),
    "JPEG renamed .xlsx": (
        "plan.xlsx",
        lambda: b"\xff\xd8\xff\xe0\0\x10JFIF\0" + _junk(512, 2),
        "doc-unsupported-format",
    ),
    "GIF": ("plan.gif", lambda: b"GIF89a" + _junk(256, 3), "doc-unsupported-format"),
    "WEBP": (
        "photo.docx",
        lambda: b"RIFF\x10\0\0\0WEBPVP8 " + _junk(256, 4),
        "doc-unsupported-format",
    ),
    "HEIC from a phone": (
        "IMG_0001.docx",
        lambda: b"\0\0\0\x18ftypheic" + _junk(256, 5),
        "doc-unsupported-format",
    ),
    "TIFF scan": ("scan.docx", lambda: b"II*\x00" + _junk(256, 6), "doc-unsupported-format"),
    "binary junk": ("plan.docx", lambda: _junk(64 * 1024, 7), "doc-unsupported-format"),
    "an executable": (
        "plan.exe",
        lambda: b"\x7fELF\x02\x01\x01\0" + _junk(4096, 8),
        "doc-unsupported-format",
    ),
    "a megabyte of zero bytes": (
        "plan.txt",
        lambda: b"\0" * (1024 * 1024),
        "doc-unsupported-format",
    ),
    "PPTX presentation": (
        "plan.pptx",
        lambda: _zip({"ppt/presentation.xml": b"<p/>", "[Content_Types].xml": b"<T/>"}),
        "doc-unsupported-format",
    ),
    "LibreOffice ODT": (
        "plan.odt",
        lambda: _zip(
            {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<c/>"}
        ),
        "doc-unsupported-format",
    ),
    "a plain ZIP archive": (
        "plan.zip",
        lambda: _zip({"readme.txt": "План".encode()}),
        "doc-unsupported-format",
    ),
    "a news article (text)": ("news.txt", lambda: NEWS.encode(), "doc-not-a-plan"),
    "a news article (DOCX)": ("news.docx", _news_docx, "doc-not-a-plan"),
    "a news article in Windows-1251": (
        "news.txt",
        lambda: NEWS.encode("cp1251", "replace"),
        "doc-not-a-plan",
    ),
    "a news article in UTF-16": ("news.txt", lambda: NEWS.encode("utf-16"), "doc-not-a-plan"),
    "one huge line of text": (
        "plan.txt",
        lambda: ("очень длинная строка " * 50_000).encode(),
        "doc-not-a-plan",
    ),
    "an HTML page": (
        "plan.html",
        lambda: f"<html><body><h1>Новости</h1><p>{NEWS}</p></body></html>".encode(),
        "doc-not-a-plan",
    ),
    "a CSV of numbers": (
        "plan.csv",
        lambda: "\n".join(f"{i};{i * i};{i * 3}" for i in range(500)).encode(),
        "doc-not-a-plan",
    ),
    "DOCX with a table header only": ("plan.docx", lambda: _docx(HEADER), "doc-not-a-plan"),
    "XLSX with a table header only": ("plan.xlsx", lambda: _xlsx(HEADER), "doc-not-a-plan"),
    "an empty DOCX": ("plan.docx", lambda: _docx(), "doc-empty"),
    "an empty XLSX": ("plan.xlsx", lambda: _xlsx(), "doc-empty"),
    "XLSX of formulas without values": (
        "plan.xlsx",
        _formula_only_xlsx,
        "doc-formulas-without-values",
    ),
    "XLSX with too many cells": ("plan.xlsx", many_cells_xlsx, "doc-too-many-cells"),
    "a file over the size limit": (
        "plan.docx",
        lambda: b"PK\x03\x04" + _junk(DEFAULT_MAX_BYTES, 9),
        "doc-too-large",
    ),
}


OFFICE_SUFFIXES = (".doc", ".rtf")


def _expected_key(filename: str, key: str) -> str:
    """A broken .doc or .rtf is LibreOffice's to refuse; where LibreOffice is not installed,
    the refusal says that instead (and names the format). An .odt is a ZIP: a broken one is
    refused by the ZIP checks before LibreOffice is asked."""
    if filename.endswith(OFFICE_SUFFIXES) and soffice_path() is None:
        return "doc-office-unavailable"
    return key


def build_corpus() -> dict[str, tuple[str, bytes, str]]:
    """Every file of the corpus: name → (file name, bytes, the refusal's catalogue key)."""
    return {
        name: (filename, build(), _expected_key(filename, key))
        for name, (filename, build, key) in CORPUS.items()
    }


RUSSIAN = default_translations()


def _refusal(key: str, filename: str, data: bytes) -> str:
    """The Russian text the reader's refusal renders to (its arguments as the reader gives)."""
    with pytest.raises(DocumentRejected) as refused:
        parse_upload(data, filename, max_bytes=DEFAULT_MAX_BYTES, reference=date.today())
    assert refused.value.key == key, (filename, refused.value.key)
    return RUSSIAN.get("ru")(key, **refused.value.args_for_message)


@pytest.fixture(scope="module")
def corpus() -> dict[str, tuple[str, bytes, str]]:
    return build_corpus()


@pytest.fixture(autouse=True)
def small_cell_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_reader, "MAX_CELLS", TEST_MAX_CELLS)


def test_the_corpus_has_at_least_forty_files(corpus: dict[str, tuple[str, bytes, str]]) -> None:
    assert len(corpus) >= 40


async def _stored(factory: async_sessionmaker[AsyncSession]) -> tuple[int, int, int]:
    async with factory() as session:
        counts = [
            await session.scalar(select(func.count()).select_from(model))
            for model in (Cluster, PlanDocument, Item)
        ]
    return counts[0] or 0, counts[1] or 0, counts[2] or 0


async def test_every_bad_file_sent_in_the_chat_gets_its_russian_refusal_and_nothing_is_stored(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
    corpus: dict[str, tuple[str, bytes, str]],
) -> None:
    user = coordinator_cluster.user
    mishandled: list[str] = []
    for name, (filename, data, key) in corpus.items():
        expected = _refusal(key, filename, data)
        before = len(chat.messages(user))
        reply = await chat.send_file(user, filename, data)
        if len(chat.messages(user)) != before + 1 or reply.text != expected:
            mishandled.append(f"{name}: {reply.text!r}")
        if await chat.state(user) is not None:
            mishandled.append(f"{name}: the dialog waits ({await chat.state(user)})")
    assert mishandled == []
    assert await _stored(session_factory) == (1, 0, 0)  # the seeded cluster, nothing else


def test_every_bad_file_given_to_workplan_import_exits_with_2_and_stores_nothing(
    tmp_path: Path,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    corpus: dict[str, tuple[str, bytes, str]],
) -> None:
    from bot import cli

    monkeypatch.setenv("WORKPLAN_CONFIG", str(Path(__file__).parent.parent / "config.toml"))
    monkeypatch.setenv("WORKPLAN_DATABASE__URL", database_url)
    monkeypatch.delenv("BOT_TOKEN", raising=False)
    monkeypatch.setattr("bot.logs.setup_logging", lambda settings: None)
    mishandled: list[str] = []
    for index, (name, (filename, data, key)) in enumerate(corpus.items()):
        expected = _refusal(key, filename, data)
        path = tmp_path / f"{index}" / filename
        path.parent.mkdir()
        path.write_bytes(data)
        code = cli.main(["import", str(path), "--cluster", "Кластер транспорта"])
        out, err = capsys.readouterr()
        if (code, out, err.strip()) != (2, "", _plain(expected)):
            mishandled.append(f"{name}: {code} {out[:80]!r} {err[:200]!r}")
    assert mishandled == []

    async def stored() -> tuple[int, int, int]:
        engine = create_engine(database_url)
        try:
            return await _stored(create_session_factory(engine))
        finally:
            await engine.dispose()

    assert asyncio.run(stored()) == (0, 0, 0)


def _plain(text: str) -> str:
    from bot.cli import _plain as cli_plain

    return cli_plain(text)


# --- defect 14: formulas without saved values --------------------------------------------------


def _mixed_formulas_xlsx() -> bytes:
    return _xlsx(
        ["План работы кластера транспорта на 2022 год"],
        HEADER,
        ["1.", "Провести совещание руководителей", "Руководители ПОО", "до 01.05.2022"],
        ["2.", '=CONCAT("Подготовить ","отчёт")', "Секретарь КС", "декабрь 2022 года"],
        ["3.", "Организовать экскурсии", "Руководители ПОО", "=DATE(2022,6,1)"],
    )


def test_a_formula_without_a_saved_value_is_reported_and_never_becomes_an_empty_item() -> None:
    # Regression guard (issue 9, defect 14): such cells read as empty, and item 2 was stored
    # with no text, silently.
    parsed = parse_upload(
        _mixed_formulas_xlsx(), "plan.xlsx", max_bytes=DEFAULT_MAX_BYTES, reference=date(2022, 1, 1)
    )
    assert [item.number for item in parsed.items] == ["1", "3"]
    assert all(item.text for item in parsed.items)
    codes = {w.code: w.args for w in parsed.warnings}
    assert codes["warn-formulas-without-values"] == {"count": 2, "cells": "B4, D5", "more": 0}
    assert codes["warn-item-without-text"] == {"number": "2"}


def test_a_workbook_of_formulas_only_is_refused_with_a_request_to_save_it_in_excel() -> None:
    with pytest.raises(DocumentRejected) as refused:
        read_and_parse(_formula_only_xlsx())
    assert refused.value.key == "doc-formulas-without-values"
    text = RUSSIAN.get("ru")(refused.value.key)
    assert "сохраните" in text


def read_and_parse(data: bytes) -> object:
    from bot.domain.parsing import parse_document

    return parse_document(read_document(data, "plan.xlsx"))


async def test_the_import_preview_says_which_cells_have_formulas_without_values(
    chat: Chat, coordinator_cluster: CoordinatorCluster
) -> None:
    reply = await chat.send_file(coordinator_cluster.user, "plan.xlsx", _mixed_formulas_xlsx())
    assert reply.text is not None
    assert "Обратите внимание" in reply.text
    assert "В 2 ячейках формулы без сохранённых значений (B4, D5)" in reply.text
    assert "Пункт 2 без текста мероприятия пропущен." in reply.text


# --- defect 5: a limit on cells as well as on bytes --------------------------------------------


def test_a_sheet_with_more_cells_than_the_limit_is_refused_before_it_is_read_to_the_end() -> None:
    # Regression guard (issue 9, defect 5): a file under the byte limit could fill memory with
    # cells; the reader stops at the cell limit with a clear message.
    with pytest.raises(DocumentRejected) as refused:
        read_document(many_cells_xlsx(), "plan.xlsx")
    assert refused.value.key == "doc-too-many-cells"
    text = RUSSIAN.get("ru")(refused.value.key, **refused.value.args_for_message)
    assert "слишком много заполненных ячеек" in text
    assert "2" in text


# --- defect 11: values longer than their columns ------------------------------------------------

LONG_ROLE = "Руководитель " + "очень " * 78 + "и " + "ответственной организации"  # 508 characters
PROTOCOL_SEED = (SEEDS / "003_f8176f1963e075cf.txt").read_text(encoding="utf-8")


def test_the_parser_limits_are_the_lengths_of_the_columns_they_fill() -> None:
    from bot.domain import parsing
    from storage.models import Indicator, PlanDocument, PlanRole, PlanRoleAlias

    def length(model: type, column: str) -> int | None:
        return getattr(model.__table__.c[column].type, "length", None)  # type: ignore[attr-defined]

    assert length(Item, "number") == parsing.MAX_ITEM_NUMBER
    assert length(PlanDocument, "number") == parsing.MAX_DOCUMENT_NUMBER
    assert length(PlanDocument, "approver") == parsing.MAX_APPROVER
    assert length(PlanRole, "name") == length(PlanRole, "key") == parsing.MAX_ROLE_NAME
    assert length(PlanRoleAlias, "alias") == parsing.MAX_ROLE_NAME
    assert length(Indicator, "target") == parsing.MAX_INDICATOR_TARGET


def _overlong_plan() -> bytes:
    return _docx(
        HEADER,
        ["1.", "Провести совещание руководителей", LONG_ROLE, "до 01.05.2022"],
        ["Пункт номер два по порядку", "Подготовить отчёт о работе", "Секретарь КС", "май 2022"],
        paragraphs=("План работы кластера транспорта на 2022 год",),
    )


async def test_values_longer_than_their_columns_are_imported_without_a_crash(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    # Regression guard (issue 9, defect 11): on PostgreSQL a 508-character role name and a
    # 26-character item number made the import fail with a traceback.
    assert len(LONG_ROLE) == 508
    user = coordinator_cluster.user
    preview = await chat.send_file(user, "plan.docx", _overlong_plan())
    await chat.press(user, chat.button(preview, "✅ Импортировать"))
    async with session_factory() as session:
        items = (await session.scalars(select(Item).order_by(Item.position))).all()
        assert [item.number for item in items] == ["1", "б/н 1"]
        assert items[0].executors_text == LONG_ROLE
        assert LONG_ROLE in (items[0].notes or "")
        assert items[0].plan_roles == []


def test_a_protocol_number_longer_than_its_column_is_left_out() -> None:
    number = "4-" + "1" * 78
    text = PROTOCOL_SEED.replace("ПРОТОКОЛ № 4", f"ПРОТОКОЛ № {number}")
    parsed = parse_upload(
        text.encode(), "protocol.txt", max_bytes=DEFAULT_MAX_BYTES, reference=date(2022, 12, 6)
    )
    assert parsed.number is None
    assert parsed.items


# --- defect 5: a file is parsed once ------------------------------------------------------------


async def test_confirming_an_import_does_not_parse_the_file_again(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Regression guard (issue 9, defect 5): the confirmation parsed the whole file again.
    import bot.services.imports as imports_module

    parses: list[str | None] = []
    parse = imports_module.parse_upload

    def counting(data: bytes, filename: str | None, **options: Any) -> Any:
        parses.append(filename)
        return parse(data, filename, **options)

    monkeypatch.setattr(imports_module, "parse_upload", counting)
    user = coordinator_cluster.user
    preview = await chat.send_file(user, "plan.xlsx", _plan_xlsx())
    await chat.press(user, chat.button(preview, "✅ Импортировать"))
    assert parses == ["plan.xlsx"]
    assert await _stored(session_factory) == (1, 1, 2)
