"""Issue 12, PDF: a plan table printed without rulings — borders off, only rules between its rows,
only a frame around it, only its columns ruled, or columns made of spaces — imports with its
cells, numbers, sections, deadlines and executors, as a ruled one does; prose still reads as
paragraphs.

Every PDF is made here: HTML printed by Chromium headless, a borderless Word table converted by
LibreOffice. Tests that need them skip, saying so, where they are absent; .ci/run installs both.
"""

from __future__ import annotations

import html
import shutil
import subprocess
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Cm

from bot.domain.parsing import parse_document
from bot.domain.readers import Paragraph, RawDocument, Table, read_document
from bot.errors import DocumentRejected
from tests.test_real_formats import SOFFICE, convert

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed; .ci/run installs it"
)
needs_soffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it"
)
REFERENCE = date(2022, 1, 10)
TITLE = "План работы кластера машиностроения на 2022 год"

# Each style prints the same table with no vertical ruling.
STYLES = {
    "no borders": "td, th {border: none; padding: 4px}",
    "rules between rows only": "td, th {border: none; border-bottom: 1px solid #000; padding: 4px}",
    "a frame only": "table {border: 1.5px solid #000} td, th {border: none; padding: 4px}",
    # The header ruled off, the columns ruled, no rule between the rows: the rulings make a
    # header and one row holding all the others.
    "columns ruled, rows not": (
        "table {border: 1px solid #000} tr:first-child {border-bottom: 1px solid #000}"
        " td, th {border: none; border-left: 1px solid #000; padding: 4px}"
    ),
    "top-aligned cells, no padding between rows": (
        "td, th {border: none; padding: 0 6px; vertical-align: top}"
    ),
}
HEADER = ("№", "Наименование мероприятия", "Ответственные", "Срок")
# (number, text, executors, deadline) or a section's title alone.
PLAN: tuple[tuple[str, ...], ...] = (
    ("Раздел 1. Организационная работа",),
    (
        "1.1.",
        "Провести совещание руководителей колледжей по вопросам организации практики "
        "студентов на предприятиях кластера",
        "Руководители ПОО",
        "до 01.05.2022",
    ),
    ("1.2.", "Подготовить отчёт о работе кластера", "Секретарь КС", "декабрь 2022 года"),
    ("Раздел 2. Работа с кадрами",),
    (
        "2.1.",
        "Организовать стажировки преподавателей",
        "Члены оргкомитета, специалисты министерства",
        "март 2022 года",
    ),
    (
        "2.2.",
        "Провести конкурс профессионального мастерства среди мастеров производственного обучения",
        "Методисты ЦОПП",
        "II квартал 2022 года",
    ),
)
EXPECTED = [
    (
        "1.1",
        "Раздел 1. Организационная работа",
        PLAN[1][1],
        ["Руководители ПОО"],
        "до 01.05.2022",
    ),
    (
        "1.2",
        "Раздел 1. Организационная работа",
        PLAN[2][1],
        ["Секретарь КС"],
        "декабрь 2022 года",
    ),
    (
        "2.1",
        "Раздел 2. Работа с кадрами",
        PLAN[4][1],
        ["Члены оргкомитета", "Специалисты министерства"],
        "март 2022 года",
    ),
    (
        "2.2",
        "Раздел 2. Работа с кадрами",
        PLAN[5][1],
        ["Методисты ЦОПП"],
        "II квартал 2022 года",
    ),
]


def plan_html(rows: Sequence[Sequence[str]], style: str, *, after: str = "") -> str:
    """The plan as a web page: «УТВЕРЖДАЮ», the title, the table, a signature."""
    body = "".join(
        f"<tr><td colspan={len(HEADER)}><b>{html.escape(row[0])}</b></td></tr>"
        if len(row) == 1
        else "<tr>" + "".join(f"<td>{html.escape(text)}</td>" for text in row) + "</tr>"
        for row in rows
    )
    head = "".join(f"<th>{text}</th>" for text in HEADER)
    return f"""<html><head><meta charset="utf-8"><style>
table {{border-collapse: collapse; width: 100%}} {style}
</style></head><body>
<p style="text-align: right">УТВЕРЖДАЮ<br>Директор колледжа Иванова Т.П.</p>
<h3>{TITLE}</h3>
<table><tr>{head}</tr>{body}</table>
<p>Председатель совета С.С. Никольский</p>{after}</body></html>"""


def chromium_pdf(page: str, folder: Path) -> bytes:
    """``page`` printed to PDF by Chromium headless (A4, no header or footer)."""
    assert CHROMIUM is not None
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "plan.html"
    source.write_text(page, encoding="utf-8")
    out = folder / "plan.pdf"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={folder / 'profile'}",
            f"--print-to-pdf={out}",
            source.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out.read_bytes()


def _items(raw: RawDocument) -> list[tuple[str | None, str | None, str, list[str], str]]:
    parsed = parse_document(raw, reference=REFERENCE)
    return [
        (item.number, item.section, item.text, item.executors, item.deadline.text)
        for item in parsed.items
    ]


def _tables(raw: RawDocument) -> list[list[list[str]]]:
    return [
        [[cell.text for cell in row] for row in block.rows]
        for block in raw.blocks
        if isinstance(block, Table)
    ]


def _paragraphs(raw: RawDocument) -> list[str]:
    return [block.text for block in raw.blocks if isinstance(block, Paragraph)]


@needs_chromium
@pytest.mark.parametrize("style", list(STYLES))
def test_a_plan_table_printed_without_vertical_rulings_imports_its_items_cell_by_cell(
    tmp_path: Path, style: str
) -> None:
    raw = read_document(chromium_pdf(plan_html(PLAN, STYLES[style]), tmp_path), "plan.pdf")
    assert _items(raw) == EXPECTED
    # One table of four columns, a section heading a row of one cell; the text around it
    # stays paragraphs, in their places.
    (table,) = _tables(raw)
    assert table[0] == list(HEADER)
    assert table[1] == ["Раздел 1. Организационная работа", "", "", ""]
    assert table[2] == list(PLAN[1])
    assert all(len(row) == len(HEADER) for row in table)
    assert _paragraphs(raw) == [
        "УТВЕРЖДАЮ",
        "Директор колледжа Иванова Т.П.",
        TITLE,
        "Председатель совета С.С. Никольский",
    ]
    assert isinstance(raw.blocks[3], Table)


def _long_rows(count: int) -> tuple[tuple[str, str, str, str], ...]:
    executors = ("Руководители ПОО", "Методисты ЦОПП", "Секретарь КС")
    return tuple(
        (
            f"{n}.",
            f"Мероприятие номер {n}: провести методический семинар для преподавателей "
            f"общепрофессиональных дисциплин и мастеров производственного обучения (этап {n})",
            executors[n % 3],
            f"до {1 + n % 28:02d}.{1 + n % 12:02d}.2022",
        )
        for n in range(1, count + 1)
    )


@needs_chromium
def test_an_unruled_table_over_two_pages_is_one_table_and_its_rows_go_on_on_the_second_page(
    tmp_path: Path,
) -> None:
    rows = _long_rows(20)
    data = chromium_pdf(plan_html(rows, STYLES["no borders"]), tmp_path)
    assert _pages(data) == 2
    raw = read_document(data, "plan.pdf")
    (table,) = _tables(raw)  # the second page's part joined to the first
    assert table == [list(HEADER), *map(list, rows)]
    assert _items(raw) == [(row[0].rstrip("."), None, row[1], [row[2]], row[3]) for row in rows]


@needs_chromium
def test_text_at_the_top_of_the_page_after_an_unruled_table_is_no_part_of_it(
    tmp_path: Path,
) -> None:
    note = "Примечание: план может уточняться в течение года по решению совета кластера."
    after = f'<p style="break-before: page">{note}</p><p>Секретарь КС Петрова А.А.</p>'
    data = chromium_pdf(plan_html(PLAN, STYLES["no borders"], after=after), tmp_path)
    assert _pages(data) == 2
    raw = read_document(data, "plan.pdf")
    (table,) = _tables(raw)
    assert len(table) == 1 + len(PLAN)
    assert _paragraphs(raw)[-2:] == [note, "Секретарь КС Петрова А.А."]
    assert _items(raw) == EXPECTED


@needs_chromium
def test_a_section_heading_at_the_foot_of_a_page_heads_the_rows_on_the_next_one(
    tmp_path: Path,
) -> None:
    rows = _long_rows(14)
    body = [*rows[:8], ("Раздел 2. Работа с кадрами",), *rows[8:]]
    page = plan_html(body, STYLES["no borders"])
    # The rows under the heading begin the next page; the heading stays at this one's foot.
    page = page.replace("<tr><td>9.</td>", '<tr style="break-before: page"><td>9.</td>', 1)
    data = chromium_pdf(page, tmp_path)
    assert _pages(data) == 2
    raw = read_document(data, "plan.pdf")
    (table,) = _tables(raw)
    assert table[9] == ["Раздел 2. Работа с кадрами", "", "", ""]
    assert [(number, section) for number, section, *_ in _items(raw)] == [
        *((str(n), None) for n in range(1, 9)),
        *((str(n), "Раздел 2. Работа с кадрами") for n in range(9, 15)),
    ]


@needs_chromium
def test_an_unruled_row_the_page_breaks_is_one_item_and_a_repeated_header_is_dropped(
    tmp_path: Path,
) -> None:
    rows = _long_rows(12)
    long_text = " ".join(
        f"Подготовить раздел {n} методических рекомендаций по внедрению" for n in range(40)
    )
    body = [*rows[:8], ("9.", long_text, "Методисты ЦОПП", "до 30.06.2022"), *rows[9:]]
    page = plan_html(body, STYLES["rules between rows only"])
    # <thead>: Chromium prints the header again at the top of the second page.
    page = page.replace("<table><tr>", "<table><thead><tr>", 1).replace(
        "</th></tr>", "</th></tr></thead>", 1
    )
    data = chromium_pdf(page, tmp_path)
    assert _pages(data) == 2
    raw = read_document(data, "plan.pdf")
    (table,) = _tables(raw)
    assert table == [list(HEADER), *map(list, body)]
    assert [(item[0], item[2], item[4]) for item in _items(raw)] == [
        (row[0].rstrip("."), row[1], row[3]) for row in body
    ]


@needs_chromium
def test_an_unruled_table_without_a_number_column_has_an_item_per_row(tmp_path: Path) -> None:
    """No numbers, no padding between rows: a row begins where its first cell does; a heading
    centred over the table is a section."""
    page = """<html><head><meta charset="utf-8"><style>
table {border-collapse: collapse; width: 100%}
td, th {border: none; padding: 0 6px; vertical-align: top; text-align: left}
</style></head><body><p>План работы кластера на 2022 год</p><table>
<tr><th>Мероприятие</th><th>Срок</th><th>Ответственный</th></tr>
<tr><td>Заседание координационного совета по итогам работы кластера за первое полугодие
и задачам на второе</td><td>до 15.02.2022</td><td>Председатель КС</td></tr>
<tr><td colspan=3 style="text-align: center"><b>Раздел 2. Кадры</b></td></tr>
<tr><td>Мониторинг трудоустройства выпускников колледжей кластера и подготовка сводного
отчёта</td><td>ежеквартально</td><td>Руководители ПОО</td></tr>
<tr><td>Отчёт о работе кластера</td><td>декабрь 2022 года</td><td>Секретарь КС</td></tr>
</table></body></html>"""
    raw = read_document(chromium_pdf(page, tmp_path), "plan.pdf")
    assert _items(raw) == [
        (
            "1",
            None,
            "Заседание координационного совета по итогам работы кластера за первое полугодие "
            "и задачам на второе",
            ["Председатель КС"],
            "до 15.02.2022",
        ),
        (
            "2",
            "Раздел 2. Кадры",
            "Мониторинг трудоустройства выпускников колледжей кластера и подготовка сводного "
            "отчёта",
            ["Руководители ПОО"],
            "ежеквартально",
        ),
        ("3", "Раздел 2. Кадры", "Отчёт о работе кластера", ["Секретарь КС"], "декабрь 2022 года"),
    ]


@needs_chromium
def test_a_plan_typed_with_spaces_for_columns_imports_its_items(tmp_path: Path) -> None:
    """A plain-text plan printed as it was typed: columns lined up with spaces."""
    lines = [
        "№    Мероприятие                              Срок                Ответственный",
        "1.   Заседание координационного совета        до 15.02.2022       Председатель КС",
        "2.   Мониторинг трудоустройства выпускников   ежеквартально       Руководители ПОО",
        "3.   Отчёт о работе кластера за год           декабрь 2022 года   Секретарь КС",
    ]
    page = (
        '<html><head><meta charset="utf-8"></head><body>'
        f"<p>{TITLE}</p><pre>{html.escape(chr(10).join(lines))}</pre></body></html>"
    )
    raw = read_document(chromium_pdf(page, tmp_path), "plan.pdf")
    assert _items(raw) == [
        ("1", None, "Заседание координационного совета", ["Председатель КС"], "до 15.02.2022"),
        (
            "2",
            None,
            "Мониторинг трудоустройства выпускников",
            ["Руководители ПОО"],
            "ежеквартально",
        ),
        ("3", None, "Отчёт о работе кластера за год", ["Секретарь КС"], "декабрь 2022 года"),
    ]


@needs_soffice
def test_a_word_plan_with_its_table_borders_off_saved_as_pdf_imports_its_items(
    tmp_path: Path,
) -> None:
    """Word's plain table style has no borders: rows touch, cells are top-aligned."""
    document = Document()
    document.add_paragraph("УТВЕРЖДАЮ")
    document.add_paragraph(TITLE)
    widths = (Cm(1.5), Cm(8.5), Cm(4.5), Cm(3.5))
    table = document.add_table(rows=0, cols=4)
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in (HEADER, *(row for row in PLAN if len(row) > 1)):
        for cell, text, width in zip(table.add_row().cells, row, widths, strict=True):
            cell.text = text
            cell.width = width
    document.add_paragraph("Председатель совета С.С. Никольский")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    data = convert(path.read_bytes(), "docx", "pdf", tmp_path / "pdf")
    raw = read_document(data, "plan.pdf")
    assert [
        (number, text, executors, deadline) for number, _, text, executors, deadline in _items(raw)
    ] == [(number, text, executors, deadline) for number, _, text, executors, deadline in EXPECTED]


@needs_chromium
def test_a_character_beyond_sixteen_bits_in_a_pdf_is_kept_and_does_not_refuse_the_file(
    tmp_path: Path,
) -> None:
    """PDFium gives «😀» as two surrogate halves; the reader used to fail writing them out
    and refused the file as too complex. In a ruled table and in an unruled one."""
    rows = [
        ("1.", "Провести совещание 😀 руководителей", "Руководители ПОО", "до 01.05.2022"),
        ("2.", "Подготовить отчёт 𝔸", "Секретарь КС", "май 2022 года"),
    ]
    for style in ("td, th {border: 1px solid #000; padding: 4px}", STYLES["no borders"]):
        page = plan_html(rows, style)
        raw = read_document(chromium_pdf(page, tmp_path / str(len(style))), "plan.pdf")
        assert [item[2] for item in _items(raw)] == [rows[0][1], rows[1][1]]


NEWS = (Path(__file__).parent / "data" / "seeds" / "002_57a866675da86cd7.txt").read_text(
    encoding="utf-8"
)


@needs_chromium
def test_a_news_article_printed_to_pdf_is_still_paragraphs_and_not_a_plan(tmp_path: Path) -> None:
    paragraphs = [line for line in NEWS.splitlines() if line.strip()]
    # Justified, as a newspaper sets it: wide spaces, words of a header here and there.
    body = "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)
    page = (
        '<html><head><meta charset="utf-8"><style>p {text-align: justify; width: 60%}'
        f"</style></head><body>{body}<p>Срок подачи заявок — до 1 марта; ответственный"
        " за мероприятие — оргкомитет.</p></body></html>"
    )
    raw = read_document(chromium_pdf(page, tmp_path), "news.pdf")
    assert _tables(raw) == []
    assert _paragraphs(raw)[0] == paragraphs[0]
    with pytest.raises(DocumentRejected) as refused:
        parse_document(raw, reference=REFERENCE)
    assert refused.value.key == "doc-not-a-plan"


def _pages(data: bytes) -> int:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()
