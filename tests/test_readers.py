"""Readers: DOCX, XLSX and text uploads become RawDocument; anything else is refused by key."""

from __future__ import annotations

import contextlib
import io
import logging
import random
import shutil
import time
import zipfile
from dataclasses import replace
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.styles import Font

import bot.domain.readers as readers
from bot.domain.parsing import parse_document
from bot.domain.readers import Cell, Paragraph, RawDocument, Table, read_document
from bot.domain.readers.docx import MAX_COLUMNS
from bot.domain.readers.encoding import decode_text
from bot.domain.readers.safety import MAX_MEMBERS
from bot.domain.readers.text import read_text
from bot.errors import DocumentRejected

HEADER = ("№", "Наименование мероприятия", "Исполнители", "Срок")
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)
PLAN_TEXT = (
    "ПЛАН РАБОТЫ ОБРАЗОВАТЕЛЬНО-ОТРАСЛЕВОГО КЛАСТЕРА НА 2021 ГОД\n"
    "№\tНаименование мероприятия\tИсполнители\tСрок\n"
    "1\tПроведение заседания координационного совета\tСекретарь КС\tЕжеквартально\n"
    "2\tРазработка программ «Профессионалитет» для колледжей\tРуководители ПОО\tдо 01.05.2021\n"
    "3\tОтчёт о выполнении плана работы за год\tПредседатель совета\tдекабрь 2021 года\n"
)


def cells(*texts: str, bold: bool = False, italic: bool = False) -> tuple[Cell, ...]:
    return tuple(Cell(text, bold, italic) for text in texts)


def rejected(data: bytes, filename: str | None = None, **kwargs: Any) -> DocumentRejected:
    with pytest.raises(DocumentRejected) as caught:
        read_document(data, filename, **kwargs)
    return caught.value


def save_docx(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def save_xlsx(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def fill(table: Any, rows: list[tuple[str, ...]]) -> None:
    for tr, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(tr.cells, texts, strict=True):
            cell.text = text


def plan_docx(rows: int = 2, columns: int = 4) -> bytes:
    document = Document()
    table = document.add_table(rows=rows + 1, cols=columns)
    header = (*HEADER, "Результат", "Отметка")[:columns]
    body = [tuple(f"ячейка {r}.{c}" for c in range(columns)) for r in range(1, rows + 1)]
    fill(table, [header, *body])
    return save_docx(document)


@cache
def small_docx() -> bytes:
    return plan_docx()


@cache
def small_xlsx() -> bytes:
    return save_xlsx(plan_workbook())


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# --- DOCX -----------------------------------------------------------------------------------


def test_a_plan_docx_reads_as_its_paragraphs_and_tables_in_document_order() -> None:
    document = Document()
    document.add_paragraph("УТВЕРЖДАЮ")
    document.add_paragraph("Председатель Координационного совета")
    document.add_paragraph("   ")
    document.add_heading("План работы кластера на 2022 год", level=1)
    table = document.add_table(rows=2, cols=4)
    fill(table, [HEADER, ("1", "Заседание совета", "Секретарь КС", "Раз в квартал")])
    document.add_paragraph("Секретарь КС  Иванов И.И. ")

    assert read_document(save_docx(document), "plan.docx") == RawDocument(
        (
            Paragraph("УТВЕРЖДАЮ"),
            Paragraph("Председатель Координационного совета"),
            Paragraph("План работы кластера на 2022 год", bold=True, heading=1),
            Table(
                (cells(*HEADER), cells("1", "Заседание совета", "Секретарь КС", "Раз в квартал"))
            ),
            Paragraph("Секретарь КС  Иванов И.И."),
        ),
        source_format="docx",
    )


def test_a_horizontally_merged_bold_section_row_keeps_its_text_in_the_first_column_only() -> None:
    document = Document()
    table = document.add_table(rows=3, cols=4)
    fill(table, [HEADER, ("", "", "", ""), ("1", "Заседание", "Секретарь КС", "Май")])
    section = table.cell(1, 0).merge(table.cell(1, 3))
    section.paragraphs[0].add_run("1. Организационная работа").bold = True

    assert read_document(save_docx(document)).blocks == (
        Table(
            (
                cells(*HEADER),
                (Cell("1. Организационная работа", bold=True), Cell(""), Cell(""), Cell("")),
                cells("1", "Заседание", "Секретарь КС", "Май"),
            )
        ),
    )


def test_a_vertically_merged_executor_cell_repeats_its_text_in_every_row_it_covers() -> None:
    document = Document()
    table = document.add_table(rows=4, cols=4)
    fill(
        table,
        [
            HEADER,
            ("1", "Мониторинг трудоустройства", "", "Январь"),
            ("2", "Отчёт о приёме", "", "Сентябрь"),
            ("3", "Заседание", "Секретарь КС", "Май"),
        ],
    )
    table.cell(1, 2).merge(table.cell(2, 2)).text = "Руководители ПОО"

    assert read_document(save_docx(document)).blocks == (
        Table(
            (
                cells(*HEADER),
                cells("1", "Мониторинг трудоустройства", "Руководители ПОО", "Январь"),
                cells("2", "Отчёт о приёме", "Руководители ПОО", "Сентябрь"),
                cells("3", "Заседание", "Секретарь КС", "Май"),
            )
        ),
    )


def test_a_block_merged_both_ways_repeats_down_its_first_column_and_is_empty_elsewhere() -> None:
    document = Document()
    table = document.add_table(rows=3, cols=3)
    fill(table, [("А", "Б", "В"), ("", "", "x"), ("", "", "y")])
    table.cell(1, 0).merge(table.cell(2, 1)).text = "общий"

    assert read_document(save_docx(document)).blocks == (
        Table((cells("А", "Б", "В"), cells("общий", "", "x"), cells("общий", "", "y"))),
    )


def test_line_breaks_and_paragraphs_inside_a_cell_become_newlines() -> None:
    document = Document()
    table = document.add_table(rows=1, cols=2)
    first = table.cell(0, 0).paragraphs[0]
    first.add_run("Иванов И.И.")
    first.add_run().add_break()
    first.add_run("Петров П.П. ")
    table.cell(0, 0).add_paragraph("")
    table.cell(0, 0).add_paragraph("  Сидоров С.С.")
    table.cell(0, 1).text = "Февраль\tапрель"

    assert read_document(save_docx(document)).blocks == (
        Table((cells("Иванов И.И.\nПетров П.П.\nСидоров С.С.", "Февраль\tапрель"),)),
    )


def test_a_table_continued_after_a_page_break_reads_as_two_adjacent_tables() -> None:
    document = Document()
    fill(document.add_table(rows=2, cols=4), [HEADER, ("1", "Первое", "КС", "Май")])
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    fill(document.add_table(rows=2, cols=4), [("1", "2", "3", "4"), ("2", "Второе", "ПОО", "Июнь")])

    assert read_document(save_docx(document)).blocks == (
        Table((cells(*HEADER), cells("1", "Первое", "КС", "Май"))),
        Table((cells("1", "2", "3", "4"), cells("2", "Второе", "ПОО", "Июнь"))),
    )


def test_bold_and_italic_mean_every_text_run_whether_set_directly_or_by_style() -> None:
    document = Document()
    bold_style = document.styles.add_style("Раздел", WD_STYLE_TYPE.PARAGRAPH)
    bold_style.font.bold = True
    italic_style = document.styles.add_style("Примечание", WD_STYLE_TYPE.CHARACTER)
    italic_style.font.italic = True

    all_bold = document.add_paragraph()
    all_bold.add_run("Раздел 1. ").bold = True
    all_bold.add_run("  ")  # whitespace-only runs do not count
    all_bold.add_run("Организационная работа").bold = True
    mixed = document.add_paragraph()
    mixed.add_run("Срок: ").bold = True
    mixed.add_run("май")
    document.add_paragraph("Раздел 2. По стилю", style=bold_style)
    unbolded = document.add_paragraph(style=bold_style)
    unbolded.add_run("Стиль жирный, а прямое форматирование снимает").bold = False
    document.add_paragraph().add_run("(по согласованию)", style=italic_style)

    assert read_document(save_docx(document)).blocks == (
        Paragraph("Раздел 1.   Организационная работа", bold=True),
        Paragraph("Срок: май"),
        Paragraph("Раздел 2. По стилю", bold=True),
        Paragraph("Стиль жирный, а прямое форматирование снимает"),
        Paragraph("(по согласованию)", italic=True),
    )


def test_heading_levels_come_from_heading_and_russian_zagolovok_styles() -> None:
    document = Document()
    document.add_heading("Раздел", level=2)
    russian = document.styles.add_style("Заголовок 3", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Подраздел", style=russian)
    based = document.styles.add_style("Мой заголовок", WD_STYLE_TYPE.PARAGRAPH)
    based.base_style = document.styles["Heading 1"]
    document.add_paragraph("На основе «Heading 1»", style=based)

    blocks = read_document(save_docx(document)).blocks
    assert [(b.text, b.heading) for b in blocks if isinstance(b, Paragraph)] == [
        ("Раздел", 2),
        ("Подраздел", 3),
        ("На основе «Heading 1»", 1),
    ]


def test_a_table_nested_in_a_cell_is_flattened_into_the_cell_text() -> None:
    document = Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "1"
    holder = outer.cell(0, 1)
    holder.text = "Сроки:"
    fill(holder.add_table(rows=2, cols=2), [("I этап", "март"), ("II этап", "")])

    assert read_document(save_docx(document)).blocks == (
        Table((cells("1", "Сроки:\nI этап март\nII этап"),)),
    )


def test_content_controls_and_tracked_insertions_are_read_but_deleted_text_is_not() -> None:
    document = Document()
    body = document.element.body
    body.insert(
        0,
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>В элементе управления</w:t>"
            "</w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    body.insert(
        1,
        parse_xml(
            f"<w:p {nsdecls('w')}><w:r><w:t xml:space='preserve'>Срок: </w:t></w:r>"
            "<w:del><w:r><w:delText>январь</w:delText></w:r></w:del>"
            "<w:ins><w:r><w:t>март</w:t></w:r></w:ins></w:p>"
        ),
    )

    assert read_document(save_docx(document)).blocks == (
        Paragraph("В элементе управления"),
        Paragraph("Срок: март"),
    )


def test_a_crafted_grid_span_cannot_blow_a_row_up_beyond_the_column_limit() -> None:
    document = Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "x"
    tc_pr = table.cell(0, 0)._tc.get_or_add_tcPr()
    tc_pr.append(parse_xml(f'<w:gridSpan {nsdecls("w")} w:val="100000000"/>'))

    (table_block,) = read_document(save_docx(document)).blocks
    assert isinstance(table_block, Table)
    assert {len(row) for row in table_block.rows} == {MAX_COLUMNS}
    assert table_block.rows[0][0] == Cell("x")


def test_a_docx_with_nothing_but_empty_paragraphs_and_an_empty_table_is_empty() -> None:
    document = Document()
    document.add_paragraph(" ")
    document.add_table(rows=2, cols=2)
    assert rejected(save_docx(document)).key == "doc-empty"


def test_a_thousand_row_docx_table_reads_well_under_three_tenths_of_a_second() -> None:
    data = plan_docx(rows=1000, columns=6)
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        raw = read_document(data, "plan.docx")
        timings.append(time.perf_counter() - started)
    (table,) = raw.blocks
    assert isinstance(table, Table)
    assert len(table.rows) == 1001
    assert min(timings) < 0.3


# --- XLSX -----------------------------------------------------------------------------------


# Names two header columns («мероприят», «результат») in one cell: still a title, not a header.
TITLE = "ПЛАН МЕРОПРИЯТИЙ КЛАСТЕРА ПО ДОСТИЖЕНИЮ РЕЗУЛЬТАТОВ НА 2021 ГОД"


def plan_workbook() -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "План"
    sheet["A1"] = "СОГЛАСОВАНО"
    sheet["D1"] = "УТВЕРЖДАЮ"
    sheet["A3"] = TITLE
    sheet["A3"].font = Font(bold=True)
    sheet.merge_cells("A3:E3")
    sheet.append(["№ п/п", "Наименование мероприятия", "Исполнители", "Срок", "Результат"])
    sheet.append(["1. Организационная работа"])
    sheet.merge_cells("A5:E5")
    sheet["A5"].font = Font(bold=True, italic=True)
    sheet.append([1.0, "Заседание КС", "Секретарь КС", datetime(2021, 5, 1), "Протокол"])
    sheet.append([2, "Разработка\nпрограмм ", None, "Ежеквартально", None])
    sheet.merge_cells("C6:C7")
    return workbook


def test_a_plan_sheet_gives_its_title_cells_as_paragraphs_then_one_table_from_its_header() -> None:
    assert read_document(save_xlsx(plan_workbook()), "plan.xlsx") == RawDocument(
        (
            Paragraph("СОГЛАСОВАНО"),
            Paragraph("УТВЕРЖДАЮ"),
            Paragraph(TITLE, bold=True),
            Table(
                (
                    cells("№ п/п", "Наименование мероприятия", "Исполнители", "Срок", "Результат"),
                    (Cell("1. Организационная работа", True, True), *cells("", "", "", "")),
                    cells("1", "Заседание КС", "Секретарь КС", "01.05.2021", "Протокол"),
                    cells("2", "Разработка\nпрограмм", "Секретарь КС", "Ежеквартально", ""),
                )
            ),
        ),
        source_format="xlsx",
    )


def test_cell_values_read_as_people_see_them() -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Срок", "Результат", "Доля", "Число", "Флаг"])
    sheet.append([date(2022, 1, 31), 3.0, 0.25, 1.5, True])
    sheet["C2"].number_format = "0%"
    sheet.append([datetime(2022, 2, 1, 9, 30), "  текст  ", None, 12, False])

    (table,) = read_document(save_xlsx(workbook)).blocks
    assert table == Table(
        (
            cells("Срок", "Результат", "Доля", "Число", "Флаг"),
            cells("31.01.2022", "3", "25%", "1.5", "ИСТИНА"),
            cells("01.02.2022 09:30", "текст", "", "12", "ЛОЖЬ"),
        )
    )


def test_the_sheet_with_a_plan_header_wins_over_earlier_sheets() -> None:
    workbook = plan_workbook()
    notes = workbook.create_sheet("Справочник", 0)
    notes.append(["Список колледжей"])
    notes.append(["Колледж 1", "Колледж 2"])

    blocks = read_document(save_xlsx(workbook)).blocks
    assert blocks[:3] == (Paragraph("СОГЛАСОВАНО"), Paragraph("УТВЕРЖДАЮ"), Paragraph(TITLE, True))


def test_a_sheet_can_be_chosen_by_name() -> None:
    workbook = plan_workbook()
    notes = workbook.create_sheet("Справочник")
    notes.append(["Колледж", "Город"])

    assert read_document(save_xlsx(workbook), sheet="Справочник").blocks == (
        Table((cells("Колледж", "Город"),)),
    )


def test_a_missing_sheet_name_is_refused_with_the_name() -> None:
    error = rejected(save_xlsx(plan_workbook()), sheet="Лист 7")
    assert (error.key, error.args_for_message) == ("doc-sheet-not-found", {"name": "Лист 7"})


def test_without_a_plan_header_the_first_non_empty_visible_sheet_is_read() -> None:
    workbook = Workbook()
    empty = workbook.active
    assert empty is not None
    hidden = workbook.create_sheet("Скрытый")
    hidden.append(["скрытое", "значение"])
    hidden.sheet_state = "hidden"
    data = workbook.create_sheet("Данные")
    data.append(["Заголовок"])
    data.append(["a", "b"])

    assert read_document(save_xlsx(workbook)).blocks == (
        Paragraph("Заголовок"),
        Table((cells("a", "b"),)),
    )


def test_empty_rows_and_columns_around_the_table_are_dropped() -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["B2"] = "№"
    sheet["C2"] = "Срок"
    sheet["B4"] = 1
    sheet["C4"] = "май"
    sheet["Z500"].font = Font(bold=True)  # styled but empty: stored, yet not content
    sheet["Y400"] = "   "

    assert read_document(save_xlsx(workbook)).blocks == (
        Table((cells("№", "Срок"), cells("1", "май"))),
    )


def test_a_merge_over_the_whole_sheet_is_refused_before_openpyxl_builds_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "x"
    package = io.BytesIO(save_xlsx(workbook))
    with zipfile.ZipFile(package) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"].replace(
        b"</sheetData>",
        b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    )
    monkeypatch.setattr("bot.domain.readers.xlsx.load_workbook", _must_not_open)

    assert rejected(zip_of(members)).key == "doc-zip-bomb"


def _must_not_open(*args: object, **kwargs: object) -> None:
    raise AssertionError("the library must not see this file")


# --- Format detection -----------------------------------------------------------------------


def test_a_docx_named_txt_is_still_read_as_docx() -> None:
    assert read_document(small_docx(), "plan.txt").source_format == "docx"


def test_a_text_file_named_docx_is_read_as_text() -> None:
    raw = read_document(PLAN_TEXT.encode(), "plan.docx")
    assert raw == replace(read_text(PLAN_TEXT), encoding="utf-8")
    assert raw.source_format == "text"


def test_an_xlsx_named_doc_is_read_as_xlsx() -> None:
    assert read_document(save_xlsx(plan_workbook()), "plan.doc").source_format == "xlsx"


@pytest.mark.parametrize(
    ("data", "filename", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "plan.docx", "image"),
        (b"\xff\xd8\xff\xe0" + bytes(64), "scan.jpg", "image"),
        (b"GIF89a" + bytes(64), None, "image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "plan.pdf", "pdf"),
        (OLE2 + bytes(504), "plan.doc", "doc"),
        (OLE2 + bytes(504), "plan.xls", "xls"),
        (OLE2 + bytes(504), None, "doc"),
        # a Word file that LibreOffice cannot convert either (without LibreOffice it is asked
        # to be saved as DOCX: tests/test_real_formats.py)
        pytest.param(
            OLE2 + "WordDocument".encode("utf-16-le"),
            "plan.xls",
            "doc",
            marks=pytest.mark.skipif(
                shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                reason="LibreOffice (soffice) is not installed",
            ),
        ),
        (OLE2 + "Workbook".encode("utf-16-le"), "plan.doc", "xls"),
        (OLE2 + "EncryptedPackage".encode("utf-16-le"), "plan.docx", "encrypted"),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}", "plan.rtf", "rtf"),
        (zip_of({"readme.txt": b"hello"}), "plan.zip", "zip"),
        (zip_of({"ppt/presentation.xml": b"<p/>"}), "plan.pptx", "pptx"),
        (random.Random(7).randbytes(4096), "plan.txt", "binary"),
        (b"\x00\x01\x02\x03" * 64, None, "binary"),
    ],
)
def test_files_that_are_not_documents_are_refused_with_their_format(
    data: bytes, filename: str | None, kind: str
) -> None:
    error = rejected(data, filename)
    assert (error.key, error.args_for_message) == ("doc-unsupported-format", {"format": kind})


@pytest.mark.parametrize(
    "data", [b"", b" \r\n\t  ", "\ufeff  \n".encode(), "  \n".encode("utf-16")]
)
def test_empty_and_whitespace_only_files_are_empty(data: bytes) -> None:
    assert rejected(data).key == "doc-empty"


def test_a_twenty_megabyte_text_is_too_large_for_the_default_limit() -> None:
    error = rejected(b"a" * (20 * 1024 * 1024))
    assert (error.key, error.args_for_message) == ("doc-too-large", {"limit_mb": 10})


def test_the_size_limit_is_checked_before_anything_else() -> None:
    error = rejected(OLE2 + bytes(2 * 1024 * 1024), max_bytes=1024 * 1024)
    assert (error.key, error.args_for_message) == ("doc-too-large", {"limit_mb": 1})


# --- Broken and hostile packages ------------------------------------------------------------


def test_a_truncated_docx_is_corrupt_and_the_cause_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    data = small_docx()
    with caplog.at_level(logging.INFO, logger="bot.domain.readers"):
        assert rejected(data[: len(data) // 2]).key == "doc-corrupt"
    assert any(record.name.startswith("bot.domain.readers") for record in caplog.records)


def test_a_docx_whose_xml_python_docx_cannot_parse_is_corrupt_not_a_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with zipfile.ZipFile(io.BytesIO(small_docx())) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/document.xml"] = b"<w:document><unclosed>"
    with caplog.at_level(logging.INFO, logger="bot.domain.readers.safety"):
        assert rejected(zip_of(members)).key == "doc-corrupt"
    assert [r.levelno for r in caplog.records if r.name == "bot.domain.readers.safety"] == [
        logging.INFO
    ]


def test_a_zip_without_content_types_is_corrupt() -> None:
    assert rejected(zip_of({"word/document.xml": b"<x/>"})).key == "doc-corrupt"


@pytest.fixture(scope="module")
def zip_bomb_docx() -> bytes:
    """200 MB of zeros as word/document.xml: about 200 KB compressed, written in 1 MB steps."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = bytes(1024 * 1024)
            for _ in range(200):
                member.write(chunk)
    return buffer.getvalue()


def test_a_docx_that_is_really_a_zip_bomb_is_refused_before_python_docx_opens_it(
    zip_bomb_docx: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(zip_bomb_docx) < 1024 * 1024
    monkeypatch.setattr(readers, "read_docx", _must_not_open)
    assert rejected(zip_bomb_docx, "plan.docx").key == "doc-zip-bomb"


@pytest.mark.parametrize(
    "members",
    [
        pytest.param({"word/document.xml": bytes(20 * 1024 * 1024)}, id="ratio-over-100"),
        pytest.param({"word/document.xml": b"<x/>", "word/media/a.zip": b"PK"}, id="nested"),
        pytest.param({f"word/m{i}.xml": b"" for i in range(MAX_MEMBERS + 1)}, id="members"),
    ],
)
def test_over_compressed_nested_or_overcrowded_archives_are_zip_bombs(
    members: dict[str, bytes],
) -> None:
    assert rejected(zip_of(members), "plan.docx").key == "doc-zip-bomb"


def test_an_embedded_office_file_inside_a_docx_is_not_a_zip_bomb() -> None:
    with zipfile.ZipFile(io.BytesIO(small_docx())) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/embeddings/Microsoft_Excel_Worksheet.xlsx"] = save_xlsx(Workbook())
    assert read_document(zip_of(members)).source_format == "docx"


# --- Text and encodings ---------------------------------------------------------------------


SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r", "cp866"])
def test_every_seed_document_and_each_of_its_lines_alone_decode_right(codec: str) -> None:
    assert SEEDS
    for path in SEEDS:
        # KOI8-R and cp866 lack «», №: such files have "?" there, and so must the result.
        data = path.read_text(encoding="utf-8").encode(codec, errors="replace")
        text = data.decode(codec)
        assert decode_text(data) == (text, codec), path.name
        for line in text.split("\n"):
            # One or two Russian letters («г.») fit any code page; nothing can tell them apart.
            if sum(not char.isascii() and char.isalpha() for char in line) >= 3:
                assert decode_text(line.encode(codec)) == (line, codec)


def test_a_short_cp1251_line_is_not_mistaken_for_mac_cyrillic() -> None:
    assert decode_text("Срок: до 01.05.2022".encode("cp1251")) == ("Срок: до 01.05.2022", "cp1251")


@pytest.mark.parametrize(
    "text",
    ["Срок: до 01.05.2022", "УТВЕРЖДАЮ", "Отв.: ЦОПП", "Решили: 1. Принять к сведению.", PLAN_TEXT],
)
@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
def test_russian_text_in_either_code_page_decodes_back_exactly(text: str, codec: str) -> None:
    if codec == "koi8_r":  # KOI8-R has no «», № (Russian texts in it use " and N)
        text = text.replace("«", '"').replace("»", '"').replace("№", "N")
    assert decode_text(text.encode(codec)) == (text, codec)


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        (PLAN_TEXT.encode("utf-8"), "utf-8"),
        (PLAN_TEXT.encode("utf-8-sig"), "utf-8"),
        (b"\xff\xfe" + PLAN_TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + PLAN_TEXT.encode("utf-16-be"), "utf-16-be"),
        (PLAN_TEXT.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_unicode_text_with_and_without_bom_decodes_and_the_bom_is_dropped(
    data: bytes, codec: str
) -> None:
    assert decode_text(data) == (PLAN_TEXT, codec)


def test_windows_and_old_mac_newlines_become_newlines() -> None:
    text = "Срок: май\r\nОтв.: секретарь совета\rИсполнено\n"
    assert decode_text(text.encode("cp1251")) == (
        "Срок: май\nОтв.: секретарь совета\nИсполнено\n",
        "cp1251",
    )


def test_a_cp1251_text_upload_reads_through_the_text_reader_with_its_encoding() -> None:
    raw = read_document(PLAN_TEXT.replace("\n", "\r\n").encode("cp1251"), "план.txt")
    assert raw == replace(read_text(PLAN_TEXT), encoding="cp1251")


def test_high_bytes_that_read_as_no_language_are_an_encoding_error() -> None:
    rng = random.Random(3)
    junk = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    assert rejected(junk).key == "doc-encoding"


# --- Anything at all ------------------------------------------------------------------------

_PREFIXES = st.sampled_from(
    [b"", b"PK\x03\x04", OLE2, b"%PDF", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"{\\rtf"]
)


def _outcome(data: bytes) -> None:
    with contextlib.suppress(DocumentRejected):
        assert isinstance(read_document(data, "x.docx"), RawDocument)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=_PREFIXES, body=st.binary(max_size=2048))
def test_any_bytes_give_a_raw_document_or_a_document_rejected(prefix: bytes, body: bytes) -> None:
    _outcome(prefix + body)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    package=st.sampled_from(["docx", "xlsx"]),
    damage=st.sampled_from(["truncate", "flip", "zero"]),
    seed=st.integers(0, 2**32),
)
def test_a_damaged_docx_or_xlsx_gives_a_raw_document_or_a_document_rejected(
    package: str, damage: str, seed: int
) -> None:
    original = small_docx() if package == "docx" else small_xlsx()
    _outcome(_damaged(bytearray(original), damage, random.Random(seed)))


def _damaged(package: bytearray, damage: str, rng: random.Random) -> bytes:
    start = rng.randrange(len(package))
    if damage == "truncate":
        return bytes(package[:start])
    if damage == "flip":
        for _ in range(rng.randrange(1, 20)):
            package[rng.randrange(len(package))] = rng.randrange(256)
        return bytes(package)
    length = rng.randrange(1, 200)
    package[start : start + length] = bytes(length)
    return bytes(package)


# --- grid tables drawn in text (pseudographics, tabulate, psql) --------------------------------

BOX_RULED = """План работы координационного совета на 2024 год

┌────┬──────────────────────────────┬───────────────┬──────────────────┐
│ №  │ Мероприятие                  │ Срок          │ Ответственный    │
├────┼──────────────────────────────┼───────────────┼──────────────────┤
│ 1  │ Заседание совета             │ до 01.03.2024 │ Секретарь КС     │
├────┼──────────────────────────────┼───────────────┼──────────────────┤
│ 2  │ Отчёт колледжей о работе     │ II квартал    │ Руководители ПОО │
│    │ мастерских                   │               │                  │
└────┴──────────────────────────────┴───────────────┴──────────────────┘
Секретарь КС И.И. Иванова
"""

BOX_HEADER_ONLY = """╔════╦════════════════════╦════════════╗
║ №  ║ Наименование       ║ Срок       ║
║ п/п║ мероприятия        ║ исполнения ║
╠════╬════════════════════╬════════════╣
║ 1  ║ Совещание          ║ январь     ║
║ 2  ║ Семинар            ║ февраль    ║
╚════╩════════════════════╩════════════╝
"""

ASCII_GRID = """+----+----------------------+-----------+
| №  | Мероприятие          | Срок      |
+====+======================+===========+
| 1  | Круглый стол для     | март      |
|    | работодателей        |           |
+----+----------------------+-----------+
| 2  | Ярмарка вакансий     | апрель    |
+----+----------------------+-----------+
"""


def _texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


def test_a_box_drawn_table_with_every_row_ruled_off_reads_a_band_as_one_row() -> None:
    document = read_text(BOX_RULED)
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert _texts(tables[0]) == [
        ["№", "Мероприятие", "Срок", "Ответственный"],
        ["1", "Заседание совета", "до 01.03.2024", "Секретарь КС"],
        ["2", "Отчёт колледжей о работе\nмастерских", "II квартал", "Руководители ПОО"],
    ]
    paragraphs = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    # The title and the signature stay paragraphs; the rules are not text of any kind.
    assert paragraphs == [
        "План работы координационного совета на 2024 год",
        "Секретарь КС И.И. Иванова",
    ]


def test_a_double_lined_table_ruled_under_its_header_only_reads_a_line_as_a_row() -> None:
    tables = [b for b in read_text(BOX_HEADER_ONLY).blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert _texts(tables[0]) == [
        ["№\nп/п", "Наименование\nмероприятия", "Срок\nисполнения"],
        ["1", "Совещание", "январь"],
        ["2", "Семинар", "февраль"],
    ]


def test_an_ascii_grid_table_joins_a_wrapped_cell_and_keeps_its_rows_apart() -> None:
    tables = [b for b in read_text(ASCII_GRID).blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert _texts(tables[0]) == [
        ["№", "Мероприятие", "Срок"],
        ["1", "Круглый стол для\nработодателей", "март"],
        ["2", "Ярмарка вакансий", "апрель"],
    ]


def test_box_drawn_plans_import_as_their_items() -> None:
    for text in (BOX_RULED, BOX_HEADER_ONLY, ASCII_GRID):
        document = parse_document(read_text(text), reference=date(2024, 1, 15))
        assert [item.number for item in document.items] == ["1", "2"], text
        assert all(item.deadline is not None for item in document.items), text
    ruled = parse_document(read_text(BOX_RULED), reference=date(2024, 1, 15))
    assert ruled.items[1].text == "Отчёт колледжей о работе мастерских"
    assert ruled.items[1].executors_text == "Руководители ПОО"
