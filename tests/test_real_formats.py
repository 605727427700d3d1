"""Issue 12, formats: a PDF with a text layer, old Word .doc, RTF and ODT are imported like a DOCX;
a scanned PDF and hostile PDFs get a clear refusal and nothing is stored.

Every file is built here: a DOCX with python-docx, then PDF, ODT, RTF and .doc by LibreOffice
(headless, its own profile). Tests that need LibreOffice skip, saying so, where it is absent;
.ci/run installs it.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.domain.documents import ParsedDocument
from bot.domain.readers import Paragraph, Table, read_document
from bot.domain.readers import _pdf_child as pdf_child
from bot.domain.readers import office as office_reader
from bot.domain.readers import pdf as pdf_reader
from bot.errors import DocumentRejected
from bot.i18n import default_translations
from bot.services.imports import parse_upload
from storage.models import Item, PlanDocument
from tests.chat import Chat
from tests.conftest import ClusterSeed, CoordinatorCluster
from tests.test_acceptance_plans import PLANS_DIR, build_docx, load_plan, normalise

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it"
)
RUSSIAN = default_translations().get("ru")
LIMIT = 10 * 1024 * 1024
REFERENCE = date(2022, 1, 10)

TITLE = "План работы кластера машиностроения на 2022 год"
HEADER = ("№ п/п", "Наименование мероприятия", "Исполнители", "Срок исполнения")
WIDTHS = (Cm(1.5), Cm(8.5), Cm(4.5), Cm(3.5))  # as plans are laid out: the content widest
ROWS = (
    ("1.", "Провести совещание руководителей колледжей", "Руководители ПОО", "до 01.05.2022"),
    ("2.", "Подготовить отчёт о работе кластера", "Секретарь КС", "декабрь 2022 года"),
    (
        "3.",
        "Организовать стажировки преподавателей на предприятиях",
        "Члены оргкомитета, специалисты министерства",
        "март 2022 года",
    ),
)
# 70 rows of two-line texts: the table runs over several pages and rows break at page ends.
LONG_ROWS = tuple(
    (
        f"{n}.",
        f"Мероприятие номер {n}: провести методический семинар для преподавателей "
        f"общепрофессиональных дисциплин и мастеров производственного обучения (этап {n})",
        "Руководители ПОО",
        f"до {1 + n % 28:02d}.{1 + n % 12:02d}.2022",
    )
    for n in range(1, 71)
)

# A row whose text is longer than a page: LibreOffice breaks it across two pages.
BROKEN_ROWS = (
    *LONG_ROWS[:8],
    (
        "9.",
        " ".join(
            f"Подготовить раздел {n} методических рекомендаций по внедрению" for n in range(60)
        ),
        "Методисты ЦОПП",
        "до 30.06.2022",
    ),
    *LONG_ROWS[9:12],
)


def plan_docx(rows: Sequence[Sequence[str]], *, repeat_header: bool = False) -> bytes:
    """A plan as Word writes it: «УТВЕРЖДАЮ», the title, and a ruled table."""
    document = Document()
    document.add_paragraph("УТВЕРЖДАЮ")
    document.add_paragraph("Председатель координационного совета С.С. Никольский")
    document.add_paragraph(TITLE)
    table = document.add_table(rows=0, cols=len(HEADER))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, WIDTHS, strict=True):
        column.width = width  # the grid LibreOffice lays the table out by
    for index, row in enumerate((HEADER, *rows)):
        added = table.add_row()
        for cell, text, width in zip(added.cells, row, WIDTHS, strict=True):
            cell.text = text
            cell.width = width
        if index == 0 and repeat_header:
            properties = added._tr.get_or_add_trPr()
            properties.append(OxmlElement("w:tblHeader"))
            properties[-1].set(qn("w:val"), "true")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def convert(data: bytes, source: str, target: str, work: Path) -> bytes:
    """``data`` (a .``source`` file) converted by LibreOffice to .``target``."""
    assert SOFFICE is not None
    work.mkdir(parents=True, exist_ok=True)
    path = work / f"plan.{source}"
    path.write_bytes(data)
    out = work / f"out-{target}"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return (out / f"plan.{target}").read_bytes()


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The plan in every format LibreOffice writes (one conversion run per format)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    work = tmp_path_factory.mktemp("formats")
    docx = plan_docx(ROWS)
    odt = convert(docx, "docx", "odt", work / "odt")
    return {
        "docx": docx,
        "pdf": convert(docx, "docx", "pdf", work / "pdf"),
        "odt": odt,
        "rtf": convert(docx, "docx", "rtf", work / "rtf"),
        # LibreOffice writes a python-docx table to .doc only by way of its own ODT.
        "doc": convert(odt, "odt", "doc", work / "doc"),
        "long.pdf": convert(plan_docx(LONG_ROWS, repeat_header=True), "docx", "pdf", work / "long"),
        "broken.pdf": convert(plan_docx(BROKEN_ROWS), "docx", "pdf", work / "broken"),
    }


def _items(data: bytes, filename: str) -> list[tuple[str, str, list[str], str]]:
    parsed = parse_upload(data, filename, max_bytes=LIMIT, reference=REFERENCE)
    return [
        (item.number or "", item.text, item.executors, item.deadline.text) for item in parsed.items
    ]


EXPECTED = [
    ("1", ROWS[0][1], ["Руководители ПОО"], ROWS[0][3]),
    ("2", ROWS[1][1], ["Секретарь КС"], ROWS[1][3]),
    ("3", ROWS[2][1], ["Члены оргкомитета", "Специалисты министерства"], ROWS[2][3]),
]


@needs_soffice
@pytest.mark.parametrize("fmt", ["pdf", "odt", "rtf", "doc"])
def test_a_plan_saved_as_pdf_odt_rtf_or_doc_imports_the_same_items_as_its_docx(
    made: dict[str, bytes], fmt: str
) -> None:
    assert _items(made["docx"], "plan.docx") == EXPECTED
    assert _items(made[fmt], f"plan.{fmt}") == EXPECTED


@needs_soffice
@pytest.mark.parametrize("fmt", ["pdf", "odt", "rtf", "doc"])
def test_the_format_is_told_by_content_whatever_the_file_is_called(
    made: dict[str, bytes], fmt: str
) -> None:
    raw = read_document(made[fmt], "plan.docx")
    assert raw.source_format == {"odt": "odt", "rtf": "rtf", "doc": "doc", "pdf": "pdf"}[fmt]


@needs_soffice
def test_a_pdf_with_bytes_before_its_header_is_still_read_as_a_pdf(made: dict[str, bytes]) -> None:
    assert _items(b"\r\n\x00junk\r\n" + made["pdf"], "plan.pdf") == EXPECTED


@needs_soffice
def test_a_pdf_gives_the_text_around_its_table_as_paragraphs_before_the_table(
    made: dict[str, bytes],
) -> None:
    raw = read_document(made["pdf"], "plan.pdf")
    paragraphs = [block.text for block in raw.blocks if isinstance(block, Paragraph)]
    assert paragraphs[:3] == [
        "УТВЕРЖДАЮ",
        "Председатель координационного совета С.С. Никольский",
        TITLE,
    ]
    tables = [block for block in raw.blocks if isinstance(block, Table)]
    assert len(tables) == 1
    assert [cell.text for cell in tables[0].rows[0]] == list(HEADER)
    assert isinstance(raw.blocks[-1], Table)


@needs_soffice
def test_a_pdf_table_over_several_pages_is_one_table_without_repeated_headers_or_cut_rows(
    made: dict[str, bytes],
) -> None:
    assert _pages(made["long.pdf"]) >= 3
    raw = read_document(made["long.pdf"], "plan.pdf")
    tables = [block for block in raw.blocks if isinstance(block, Table)]
    assert len(tables) == 1
    rows = [tuple(cell.text for cell in row) for row in tables[0].rows]
    assert rows == [HEADER, *LONG_ROWS]
    parsed = parse_upload(made["long.pdf"], "plan.pdf", max_bytes=LIMIT, reference=REFERENCE)
    assert [item.text for item in parsed.items] == [row[1] for row in LONG_ROWS]


@needs_soffice
def test_a_pdf_row_broken_by_the_page_end_is_glued_back_into_one_item(
    made: dict[str, bytes],
) -> None:
    assert _pages(made["broken.pdf"]) >= 2
    parsed = parse_upload(made["broken.pdf"], "plan.pdf", max_bytes=LIMIT, reference=REFERENCE)
    assert [(item.text, item.deadline.text) for item in parsed.items] == [
        (row[1], row[3]) for row in BROKEN_ROWS
    ]


@pytest.mark.parametrize(
    ("text", "unwrapped"),
    [
        ("Руководители \r\nПОО, Иванова \r\nТ.П.", "Руководители ПОО, Иванова Т.П."),
        ("Ежеквартал\r\nьно", "Ежеквартально"),
        (
            "Мероприяти\r\nе 4: \r\nорганизация\r\nи \r\nпроведение",
            "Мероприятие 4: организация и проведение",
        ),
        ("учебно-\r\nметодический", "учебно-методический"),
        ("Ежеквартальн\r\nо", "Ежеквартально"),
        ("Подготовить: \r\n1) план; \r\n2) отчёт", "Подготовить:\n1) план;\n2) отчёт"),
        # Cut by a narrow column (LibreOffice's PDFs of the acceptance set's plans): the two
        # parts make a word of the dictionary that they are not each.
        (
            "Организация \r\nпроведения \r\nзаседаний \r\nкоординационн\r\nого совета",
            "Организация проведения заседаний координационного совета",
        ),
        ("Муниципаль\r\nный слет", "Муниципальный слет"),
        ("Межмуници\r\nпальные соревновани\r\nя", "Межмуниципальные соревнования"),
        ("Торжествен\r\nное открытие", "Торжественное открытие"),  # «ное» is only a name
        ("Учебно-методиче\r\nский сбор", "Учебно-методический сбор"),
        ("Подготовка библиог\r\nрафичес\r\nких справок", "Подготовка библиографических справок"),
        ("Руководител\r\nи ПОО", "Руководители ПОО"),
        ("новыми книгами\r\n, поступившими", "новыми книгами, поступившими"),
        # Both parts words, the second only an ending there («вопрос|а», «Празднична|я»).
        ("рассмотрение вопрос\r\nа «Об организации»", "рассмотрение вопроса «Об организации»"),
        ("Празднична\r\nя программа", "Праздничная программа"),
        ("Проведение инструктаж\r\nей по технике", "Проведение инструктажей по технике"),
        ("книг\r\nи журналов", "книг и журналов"),  # «и» begins a line as a word
        ("студенты\r\nих группы", "студенты их группы"),
        # Two words, each of its own: never one.
        ("Классные\r\nруководители", "Классные руководители"),
        ("Руководители\r\nи заместители", "Руководители и заместители"),
        ("поход по\r\nход", "поход по ход"),
        # A line that broke after a space is never glued to the next.
        ("Муниципаль \r\nный", "Муниципаль ный"),
        # Dates and hours cut by the column (the acceptance set's Krasnye Chetai, Novokuibyshevsk
        # and Cheboksary plans); whole numbers stay apart.
        ("14.04.200\r\n8", "14.04.2008"),
        ("19\r\n.04.201\r\n7 среда", "19.04.2017 среда"),
        ("13 марта 10-\r\n00-11-00", "13 марта 10-00-11-00"),
        ("до 01.05.2022\r\n15.05.2022", "до 01.05.2022 15.05.2022"),
        ("в 2021\r\n10 мероприятий", "в 2021 10 мероприятий"),
        ("1.\r\n2 этап", "1. 2 этап"),
        ("19.04.\r\n2017", "19.04.2017"),
        ("01.05.\r\n16-00", "01.05. 16-00"),  # the day, then its hour
        # The acceptance set's Radonezh plan printed by LibreOffice: a long word broke at its
        # hyphen («Саввино⏎-⏎Сторож⏎евский»), a dash between words stays one («люди -⏎…»),
        # a one-letter end before a quote or the cell's end is the word's («Пушкин⏎у"»),
        # a quote closing the last one opened, and two pieces none of which is a word
        # («Радиоли⏎нейка» is not in the dictionary, «Третько⏎вская» is a name).
        ("поездка \r\nв \r\nСаввино\r\n-\r\nСторож\r\nевский", "поездка в Саввино-Сторожевский"),
        ("Свои\r\nлюди - \r\nсочтемс\r\nя", "Свои люди - сочтемся"),
        ("оргкомитета: -\r\nутверждение", "оргкомитета: -утверждение"),
        ('"Слово \r\nПушкин\r\nу"', '"Слово Пушкину"'),
        ("в Детскую\r\nбольниц\nу", "в Детскую больницу"),
        ('приют \r\n"Покров\n"', 'приют "Покров"'),
        ("Третько\r\nвская \r\nгалерея", "Третьковская галерея"),
        ("в одной \r\nотдален\r\nной \r\nгуберни\r\nи", "в одной отдаленной губернии"),
        ("План -\r\nГрафик", "План - График"),
        ("Классные\r\nруководители и\r\nродители", "Классные руководители и родители"),
    ],
)
def test_lines_a_pdf_cell_wrapped_are_joined_and_a_word_the_column_cut_is_whole_again(
    text: str, unwrapped: str
) -> None:
    assert pdf_child.unwrap(text) == unwrapped


def test_a_row_cut_by_the_page_is_glued_back_even_inside_its_number_and_its_words() -> None:
    header = ["№ п/п", "Наименование мероприятия", "Исполнители", "Срок"]
    pages = [
        [
            ["p", "План работы на 2022 год"],
            ["t", [header, ["1.1.", "Провести", "Координационны", "Февраль-"]]],
        ],
        [
            ["p", "- 2 -"],
            [
                "t",
                [header, ["", "совещание", "й совет", "апрель"], ["1.2.", "Отчёт", "ЦОПП", "май"]],
            ],
        ],
        [["t", [["109.1", "Мероприятие 2179: организация", "ЦОПП", "Ежеквартальн"]]]],
        [["t", [["9.", "и проведение", "", "о"]]]],
    ]
    blocks = list(pdf_reader._blocks(pages))
    assert blocks[0] == Paragraph("План работы на 2022 год")
    assert len(blocks) == 2
    assert isinstance(blocks[1], Table)
    assert [[cell.text for cell in row] for row in blocks[1].rows] == [
        header,
        ["1.1.", "Провести совещание", "Координационный совет", "Февраль-апрель"],
        ["1.2.", "Отчёт", "ЦОПП", "май"],
        ["109.19.", "Мероприятие 2179: организация и проведение", "ЦОПП", "Ежеквартально"],
    ]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
MERGED_PLAN_HTML = """<html><head><meta charset="utf-8"><style>
table {border-collapse: collapse; width: 100%} td, th {border: 1px solid #000; padding: 4px}
</style></head><body>
<p style="text-align: right">УТВЕРЖДАЮ<br>Директор колледжа Иванова Т.П.</p>
<h3>План работы кластера машиностроения на 2022 год</h3>
<table><tr><th>№</th><th>Наименование мероприятия</th><th>Ответственные</th><th>Срок</th></tr>
<tr><td colspan=4><b>1. Организационная работа</b></td></tr>
<tr><td>1.1.</td><td>Провести совещание руководителей колледжей</td>
<td rowspan=2>Руководители ПОО</td><td>до 01.05.2022</td></tr>
<tr><td>1.2.</td><td>Подготовить отчёт о работе кластера</td><td>декабрь 2022 года</td></tr>
<tr><td>1.3.</td><td>Организовать стажировки</td>
<td>Члены оргкомитета, специалисты министерства</td><td>март 2022 года</td></tr>
</table></body></html>"""


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed; .ci/run installs it")
def test_a_pdf_from_another_producer_keeps_its_merged_cells_and_section_rows(
    tmp_path: Path,
) -> None:
    """Chromium draws rulings as filled rectangles, LibreOffice as lines: both are tables."""
    assert CHROMIUM is not None
    page = tmp_path / "plan.html"
    page.write_text(MERGED_PLAN_HTML, encoding="utf-8")
    out = tmp_path / "plan.pdf"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    parsed = parse_upload(out.read_bytes(), "plan.pdf", max_bytes=LIMIT, reference=REFERENCE)
    assert [
        (item.number, item.section, item.text, item.executors, item.deadline.text)
        for item in parsed.items
    ] == [
        (
            "1.1",
            "1. Организационная работа",
            "Провести совещание руководителей колледжей",
            ["Руководители ПОО"],
            "до 01.05.2022",
        ),
        (
            "1.2",
            "1. Организационная работа",
            "Подготовить отчёт о работе кластера",
            ["Руководители ПОО"],
            "декабрь 2022 года",
        ),
        (
            "1.3",
            "1. Организационная работа",
            "Организовать стажировки",
            ["Члены оргкомитета", "Специалисты министерства"],
            "март 2022 года",
        ),
    ]


def _pages(data: bytes) -> int:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def _ink_page() -> Image.Image:
    page = Image.new("RGB", (1240, 1754), "white")
    for y in range(200, 1600, 60):
        page.paste((40, 40, 40), (150, y, 1100, y + 12))  # lines of «text» as ink
    return page


def scanned_pdf() -> bytes:
    """What a scanner makes: each page one picture, no text layer."""
    page = _ink_page()
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", save_all=True, append_images=[page.copy()])
    return buffer.getvalue()


@needs_soffice
def test_a_scan_with_a_line_of_text_on_it_is_still_a_scan(tmp_path: Path) -> None:
    """A scanned plan whose header was typed in: a picture on each page and one line of text."""
    picture = tmp_path / "scan.png"
    _ink_page().save(picture)
    document = Document()
    document.add_paragraph("Приложение 1 к приказу № 15")
    document.add_picture(str(picture), width=Cm(16))
    buffer = io.BytesIO()
    document.save(buffer)
    pdf = convert(buffer.getvalue(), "docx", "pdf", tmp_path / "pdf")
    assert _refusal(pdf).key == "doc-pdf-scanned"


def _refusal(data: bytes, filename: str = "plan.pdf") -> DocumentRejected:
    with pytest.raises(DocumentRejected) as refused:
        parse_upload(data, filename, max_bytes=LIMIT, reference=REFERENCE)
    return refused.value


def test_a_scanned_pdf_is_refused_with_a_message_that_it_has_no_text_layer() -> None:
    error = _refusal(scanned_pdf())
    assert error.key == "doc-pdf-scanned"
    assert RUSSIAN(error.key, **error.args_for_message).startswith(
        "В PDF нет текстового слоя — похоже, это скан"
    )


def _pdf(objects: Sequence[bytes]) -> bytes:
    """A PDF file of the given objects (1 0 obj … n 0 obj) with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def _pages_pdf(count: int, content: bytes = b"", *, flate: bool = False) -> bytes:
    """``count`` pages sharing one content stream."""
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(count))
    stream = zlib.compress(content, 9) if flate else content
    filters = b" /Filter /FlateDecode" if flate else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        b"<< /Length %d%s >>\nstream\n" % (len(stream), filters) + stream + b"\nendstream",
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * count
    return _pdf(objects)


def test_a_pdf_of_more_pages_than_the_limit_is_refused_with_its_page_count() -> None:
    error = _refusal(_pages_pdf(pdf_reader.MAX_PAGES + 1))
    assert (error.key, error.args_for_message) == (
        "doc-pdf-too-many-pages",
        {"pages": pdf_reader.MAX_PAGES + 1, "limit": pdf_reader.MAX_PAGES},
    )
    assert "501 страница, а принимаю не больше 500" in RUSSIAN(error.key, **error.args_for_message)


def test_a_deflate_bomb_in_a_content_stream_is_refused_within_the_memory_limit() -> None:
    # 2 GB of path operators in 2 MB: inflated, it is twice the child's address-space limit.
    bomb = _pages_pdf(1, b"0 0 m 1 1 l S\n" * (2 * 1024**3 // 14), flate=True)
    assert len(bomb) < LIMIT
    error = _refusal(bomb)
    assert error.key in {"doc-pdf-too-complex", "doc-unsupported-format", "doc-pdf-scanned"}


def test_a_pdf_that_keeps_the_reader_busy_past_the_timeout_is_refused_as_too_complex(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf_reader, "TIMEOUT_SECONDS", 0.001)
    assert _refusal(_pages_pdf(3)).key == "doc-pdf-too-complex"


@pytest.mark.parametrize(
    "data",
    [
        _pages_pdf(2)[:200],  # cut short: no cross-reference table, no pages
        b"%PDF-1.4\n" + bytes(range(256)) * 64,
        _pages_pdf(0),
    ],
    ids=["truncated", "junk after the header", "no pages"],
)
def test_a_broken_pdf_is_refused_as_an_unreadable_pdf(data: bytes) -> None:
    error = _refusal(data)
    assert (error.key, error.args_for_message) == ("doc-unsupported-format", {"format": "pdf"})


def test_a_pdf_of_empty_pages_has_no_text_layer() -> None:
    assert _refusal(_pages_pdf(2)).key == "doc-pdf-scanned"


@pytest.mark.parametrize("fmt", ["doc", "rtf", "odt"])
def test_without_libreoffice_an_old_word_rtf_or_odt_file_gets_a_request_to_save_it_as_docx(
    monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setenv("WORKPLAN_SOFFICE", "no-such-soffice-here")
    data = {
        "doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(504)
        + "WordDocument".encode("utf-16-le"),
        "rtf": b"{\\rtf1\\ansi{\\fonttbl}\\f0 \\u1055?\\u1083?\\u1072?\\u1085?\\par}",
        "odt": _odt_zip(),
    }[fmt]
    error = _refusal(data, f"plan.{fmt}")
    assert (error.key, error.args_for_message) == ("doc-office-unavailable", {"format": fmt})
    assert RUSSIAN(error.key, **error.args_for_message).startswith(
        f"Формат .{fmt} можно прочитать, если на сервере установлен LibreOffice"
    )


def _odt_zip() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            "<office:document-content"
            ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">'
            "<office:body/></office:document-content>",
        )
    return buffer.getvalue()


@needs_soffice
def test_a_conversion_past_its_timeout_is_stopped_with_a_request_to_save_as_docx(
    made: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(office_reader, "TIMEOUT_SECONDS", 0.001)
    error = _refusal(made["odt"], "plan.odt")
    assert (error.key, error.args_for_message) == ("doc-office-timeout", {"format": "odt"})


@needs_soffice
def test_a_doc_that_libreoffice_cannot_open_is_refused_as_an_old_word_file() -> None:
    junk = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le")
    error = _refusal(junk + bytes(range(256)) * 16, "plan.doc")
    assert (error.key, error.args_for_message) == ("doc-unsupported-format", {"format": "doc"})


# --- through the chat ---------------------------------------------------------------------------


@pytest.fixture
def cluster_seed() -> ClusterSeed:
    """The plans above are the machine-building cluster's own."""
    return ClusterSeed(name="Машиностроение", region="", telegram_id=2001)


async def _count(factory: async_sessionmaker[AsyncSession], model: type) -> int:
    async with factory() as session:
        return (await session.execute(select(func.count()).select_from(model))).scalar_one()


@needs_soffice
@pytest.mark.parametrize("fmt", ["pdf", "odt", "rtf", "doc"])
async def test_a_coordinator_sends_a_pdf_odt_rtf_or_doc_plan_and_gets_its_preview(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
    made: dict[str, bytes],
    fmt: str,
) -> None:
    user = coordinator_cluster.user
    preview = await chat.send_file(user, f"план.{fmt}", made[fmt])
    assert "Предпросмотр импорта" in preview.text
    assert "Найдено 3 пункта" in preview.text
    assert await _count(session_factory, Item) == 0
    done = await chat.press(user, "✅ Импортировать")
    assert "Добавлено пунктов: 3" in done.text
    assert await _count(session_factory, Item) == 3


async def test_a_coordinator_sending_a_scan_is_told_it_has_no_text_and_nothing_is_stored(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    reply = await chat.send_file(coordinator_cluster.user, "скан.pdf", scanned_pdf())
    assert "В PDF нет текстового слоя" in reply.text
    assert await _count(session_factory, PlanDocument) == 0
    assert await _count(session_factory, Item) == 0


@needs_soffice
def test_words_a_narrow_pdf_column_cut_are_whole_again_so_every_item_is_found(
    tmp_path: Path,
) -> None:
    # The Berezovka summer calendar of the acceptance set, its four columns equally wide as
    # the acceptance set builds them: LibreOffice cuts «Межмуници|пальные», «Муниципаль|ный»,
    # «соревновани|я» in the PDF it prints.
    plan = load_plan(PLANS_DIR / "berezovka_edu_summer_calendar_2025.json")
    pdf = convert(build_docx(plan), "docx", "pdf", tmp_path)
    parsed = parse_upload(pdf, "plan.pdf", max_bytes=LIMIT, reference=plan.reference)
    texts = [normalise(item.text) for item in parsed.items]
    assert len(texts) == len(plan.expected)
    for text, entry in zip(texts, plan.expected, strict=True):
        assert text.startswith(normalise(entry.text_starts)), (text, entry.text_starts)


@needs_soffice
def test_a_word_cut_before_its_last_letter_on_a_line_of_its_own_is_whole_again(
    tmp_path: Path,
) -> None:
    # The Radonezh gymnasium's plan of the acceptance set, its narrow columns as the set
    # builds them: LibreOffice puts «в», «и», «у» of «проекто|в», «гимнази|и», «больниц|у» on
    # a line of their own, and PDFium reads such a line as the same line after a space of its
    # own making («проекто в»). The letters' places tell the lines apart again.
    plan = load_plan(PLANS_DIR / "radonezh_gymnasium_extracurricular_2022.json")
    pdf = convert(build_docx(plan), "docx", "pdf", tmp_path)
    parsed = parse_upload(pdf, "plan.pdf", max_bytes=LIMIT, reference=plan.reference)
    texts = {normalise(item.text) for item in parsed.items}
    for words in (
        "«орбита школьных проектов» защита проектов",
        "поездка с подарками в детскую больницу",
        "рождественский праздник",
        'поездка в православный детский приют "покров"',
    ):
        assert any(text.startswith(words) for text in texts), words
    assert any("радио гимназии" in text for text in texts)


@needs_soffice
def test_a_line_break_of_the_cell_itself_keeps_its_words_apart_in_the_pdf(
    tmp_path: Path,
) -> None:
    # The Radonezh gymnasium's plan again: «Театр Апарте⏎спектакль "Ревизор"» has a line break
    # of its own after «Апарте», and LibreOffice writes no space there; neither piece being a
    # dictionary word, they used to be read as one («Апартеспектакль»). The line ends well
    # short of the cell's edge, so the break is the cell's own and the words stay apart.
    plan = load_plan(PLANS_DIR / "radonezh_gymnasium_extracurricular_2022.json")
    pdf = convert(build_docx(plan), "docx", "pdf", tmp_path)
    parsed = parse_upload(pdf, "plan.pdf", max_bytes=LIMIT, reference=plan.reference)
    texts = {normalise(item.text) for item in parsed.items}
    for words in ('театр апарте спектакль "ревизор"', 'театр маяковского спектакль "обломов"'):
        assert any(text.startswith(words) for text in texts), words
    assert not any("апартеспектакль" in text for text in texts)


def _pdf_items_as_in_word(name: str, tmp_path: Path) -> ParsedDocument:
    """An acceptance plan built as DOCX, printed to PDF by LibreOffice and imported: as many
    items as in Word, each starting with the words it starts with there."""
    plan = load_plan(PLANS_DIR / name)
    pdf = convert(build_docx(plan), "docx", "pdf", tmp_path)
    parsed = parse_upload(pdf, "plan.pdf", max_bytes=LIMIT, reference=plan.reference)
    assert len(parsed.items) == len(plan.expected)
    for item, entry in zip(parsed.items, plan.expected, strict=True):
        assert normalise(item.text).startswith(normalise(entry.text_starts)), item.text
    return parsed


@needs_soffice
@pytest.mark.parametrize(
    ("name", "cut"),
    [
        # «Оздоровительные» does not fit the Kirovsk plan's narrow column: its line holds
        # «Оздорови» alone and the next one begins «тельные».
        ("kirovsk_summer_camps_2005.json", "оздорови тельные"),
        # The Penza contest's «(отборочного)» is cut as «(отборочног⏎о)».
        ("penza_young_poets_contest_2007.json", "отборочног о"),
    ],
)
def test_a_word_the_column_cut_alone_on_its_line_is_one_word_in_the_pdf(
    tmp_path: Path, name: str, cut: str
) -> None:
    # A full line that holds one word only is a word the column cut: the next line's piece is
    # its end, and the joined word is in the dictionary. Each item reads as in Word.
    parsed = _pdf_items_as_in_word(name, tmp_path)
    assert not any(cut in normalise(item.text) for item in parsed.items)


@needs_soffice
@pytest.mark.parametrize(
    "name",
    [
        # «Распечатк» ends page 1, «а удостоверений уполномоченных ГЭК» opens page 2
        "nizhny_novgorod_ege_plan_grafik_2009.json",
        # «Организаци» | «я мероприятий, посвященных Дню города»
        "zheldor_ns13_mo85_2014.json",
    ],
)
def test_a_word_the_page_cut_is_one_word_again(tmp_path: Path, name: str) -> None:
    # A row the page broke is glued back to its first part; a word it cut in two is whole
    # again when the pieces make a dictionary word, though the second («а», «я») is a word too.
    _pdf_items_as_in_word(name, tmp_path)


def test_the_pieces_of_a_word_the_page_cut_are_glued_without_a_space() -> None:
    assert pdf_reader._glue_text("Распечатк" + pdf_child.PAGE_CUT, "а удостоверений") == (
        "Распечатка удостоверений"
    )
    assert pdf_reader._glue_text("Подготовка", "а также отчёт") == "Подготовка а также отчёт"
    # a first part never glued back keeps no mark
    assert pdf_reader._cell("Распечатк" + pdf_child.PAGE_CUT).text == "Распечатк"


@needs_soffice
def test_a_pdf_cell_merged_down_over_days_is_one_item_with_each_day(tmp_path: Path) -> None:
    # The Irkutsk school's ВПР schedule of the acceptance set: «Русский язык» merged down over
    # the rows of 18, 19 and 20 April. In the PDF the cell spans the rows as in Word, so it is
    # one item due on each of its days, not three items.
    plan = load_plan(PLANS_DIR / "irkutsk15_vpr_schedule_2023.json")
    pdf = convert(build_docx(plan), "docx", "pdf", tmp_path)
    parsed = parse_upload(pdf, "plan.pdf", max_bytes=LIMIT, reference=plan.reference)
    assert len(parsed.items) == len(plan.expected)
    for item, entry in zip(parsed.items, plan.expected, strict=True):
        assert normalise(item.text).startswith(normalise(entry.text_starts))
    dues = [sorted({o.due.isoformat() for o in item.deadline.occurrences}) for item in parsed.items]
    assert dues == [list(entry.deadline or ()) for entry in plan.expected]
