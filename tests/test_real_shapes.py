"""Table shapes of real public plans (schools, methodical associations, clusters), each built
here as DOCX, XLSX and tab-separated text: headers nobody listed, no number column, numbers
written in the text, an empty number header, section rows of every kind, rows that must not be
glued together, and the refusal that names the columns it found.

Each shape names the public plan it imitates (short excerpts, reworded where long).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import pytest
from docx import Document
from openpyxl import Workbook
from openpyxl.styles import Font

from bot.domain.deadlines import DeadlineKind
from bot.domain.documents import ParsedDocument, ParseWarning
from bot.domain.parsing import parse_document
from bot.domain.readers import read_document
from bot.errors import DocumentRejected
from bot.jsonout import render_warning

TODAY = date(2023, 10, 1)
FORMATS = ("docx", "xlsx", "txt")


@dataclass(frozen=True)
class Section:
    """A section row: merged across the table (text in its first cell) or spread over cells."""

    cells: tuple[str, ...]
    merged: bool = True
    bold: bool = False


Row = tuple[str, ...] | Section


def _docx(title: str, header: Sequence[str], rows: Sequence[Row]) -> bytes:
    document = Document()
    document.add_paragraph(title)
    table = document.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        cells = table.add_row().cells
        texts = row.cells if isinstance(row, Section) else row
        if isinstance(row, Section) and row.merged:
            merged = cells[0].merge(cells[-1])
            merged.text = texts[0]
            merged.paragraphs[0].runs[0].bold = row.bold
            continue
        for cell, text in zip(cells, texts, strict=False):
            cell.text = text
            if isinstance(row, Section) and row.bold and text:
                cell.paragraphs[0].runs[0].bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xlsx(title: str, header: Sequence[str], rows: Sequence[Row]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([title])
    sheet.append([])
    sheet.append(list(header))
    for row in rows:
        texts = row.cells if isinstance(row, Section) else row
        sheet.append([text or None for text in texts])
        line = sheet.max_row
        if isinstance(row, Section):
            for column, text in enumerate(texts, start=1):
                if text and row.bold:
                    sheet.cell(line, column).font = Font(bold=True)
            if row.merged:
                sheet.merge_cells(
                    start_row=line, start_column=1, end_row=line, end_column=len(header)
                )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _txt(title: str, header: Sequence[str], rows: Sequence[Row]) -> bytes:
    lines = [title, "", "\t".join(header)]
    for row in rows:
        texts = row.cells if isinstance(row, Section) else row
        if isinstance(row, Section) and row.bold:
            texts = tuple(f"<b>{t}</b>" if t else "" for t in texts)
        # a line break inside a cell as a text table writes it
        texts = tuple(t.replace("\n", "<br>") for t in texts)
        lines.append("\t".join(texts) + "\t" * (len(header) - len(texts)))
    return ("\n".join(lines) + "\n").encode("utf-8")


BUILDERS: dict[str, Callable[[str, Sequence[str], Sequence[Row]], bytes]] = {
    "docx": _docx,
    "xlsx": _xlsx,
    "txt": _txt,
}


def _parse(fmt: str, title: str, header: Sequence[str], rows: Sequence[Row]) -> ParsedDocument:
    data = BUILDERS[fmt](title, header, rows)
    return parse_document(read_document(data, f"plan.{fmt}"), reference=TODAY)


def _dues(parsed: ParsedDocument) -> list[date | None]:
    return [
        item.deadline.occurrences[0].due if item.deadline.occurrences else None
        for item in parsed.items
    ]


# Imitates https://31.schoolpodolsk.ru/file/card?id=5432 (календарный план воспитательной
# работы на 2023-2024 учебный год): «Дела | Классы | Дата | Ответственные», no number column.
SCHOOL_TITLE = "Календарный план воспитательной работы на 2023-2024 учебный год"
SCHOOL_HEADER = ("Дела", "Классы", "Дата", "Ответственные")
SCHOOL_ROWS: list[Row] = [
    ("Общешкольная линейка, посвященная Дню знаний", "5-9", "1 сентября", "Замдиректора по ВР"),
    ("Школьные соревнования по футболу", "5-9", "2-4 октября", "Учителя физкультуры"),
    ("Акция, посвященная Всемирному дню ребенка", "5-9", "13-20 ноября", "Соц. педагог"),
    ("Новогодние ёлки", "5-9", "27-29 декабря", "Классные руководители"),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_table_whose_content_column_has_an_unlisted_header_is_read_by_content(fmt: str) -> None:
    parsed = _parse(fmt, SCHOOL_TITLE, SCHOOL_HEADER, SCHOOL_ROWS)
    assert [item.text for item in parsed.items] == [row[0] for row in SCHOOL_ROWS]  # type: ignore[index]
    assert [item.executors_text for item in parsed.items] == [row[3] for row in SCHOOL_ROWS]  # type: ignore[index]
    assert _dues(parsed) == [
        date(2023, 9, 1),
        date(2023, 10, 4),
        date(2023, 11, 20),
        date(2023, 12, 29),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_rows_without_a_number_column_are_numbered_in_order_and_the_preview_says_so(
    fmt: str,
) -> None:
    parsed = _parse(fmt, SCHOOL_TITLE, SCHOOL_HEADER, SCHOOL_ROWS)
    assert [item.number for item in parsed.items] == ["1", "2", "3", "4"]
    assert all(item.numbered_by_order for item in parsed.items)
    codes = [w.code for w in parsed.warnings]
    assert codes.count("warn-numbered-by-order") == 1
    assert "warn-row-without-number" not in codes
    said = render_warning(next(w for w in parsed.warnings if w.code == "warn-numbered-by-order"))
    assert "пронумеровал по порядку" in said


# Imitates https://feospecschool2.krymschool.ru/file/card?id=1415 (календарный план
# воспитательной работы на 2023-2024 учебный год): «Дела, события, мероприятия | Классы |
# Ориентировочное время проведения», module rows («Модуль «Урочная деятельность»») merged
# across the table, no number column and no executors column.
MODULE_TITLE = "Календарный план воспитательной работы на 2023-2024 учебный год"
MODULE_HEADER = ("Дела, события, мероприятия", "Классы", "Ориентировочное время проведения")
MODULE_ROWS: list[Row] = [
    Section(("Модуль «Урочная деятельность»", "", "")),
    ("Оформление стендов предметной направленности", "5-9", "сентябрь"),
    ("Всероссийский открытый урок «ОБЖ»", "5-9", "01.09.2023"),
    ("Международный день распространения грамотности", "5-9", "08.09.2023"),
    Section(("Модуль «Классное руководство»", "", "")),
    ("Классный час «Россия, устремленная в будущее»", "5-9", "04.10.2023"),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_deadline_column_with_an_unusual_header_is_found_by_its_content(fmt: str) -> None:
    parsed = _parse(fmt, MODULE_TITLE, MODULE_HEADER, MODULE_ROWS)
    assert [item.text for item in parsed.items] == [
        "Оформление стендов предметной направленности",
        "Всероссийский открытый урок «ОБЖ»",
        "Международный день распространения грамотности",
        "Классный час «Россия, устремленная в будущее»",
    ]
    assert _dues(parsed) == [
        date(2023, 9, 30),
        date(2023, 9, 1),
        date(2023, 9, 8),
        date(2023, 10, 4),
    ]
    assert [s.title for s in parsed.sections] == [
        "Модуль «Урочная деятельность»",
        "Модуль «Классное руководство»",
    ]
    assert [item.section for item in parsed.items] == [
        "Модуль «Урочная деятельность»",
        "Модуль «Урочная деятельность»",
        "Модуль «Урочная деятельность»",
        "Модуль «Классное руководство»",
    ]


# Imitates the plan of class teachers' meetings of https://dprvrn.ru/en/temy-mo-klassnyh-temy-
# zasedanii-mo-klassnyh-rukovoditelei («Сроки | Тема заседания | Обсуждаемые вопросы |
# Выступающие»): no header word of the lists, months in the first column.
MEETINGS_HEADER = ("Когда", "Тема заседания", "Обсуждаемые вопросы", "Выступающие")
MEETINGS_ROWS: list[Row] = [
    (
        "Сентябрь",
        "Организационное заседание",
        "Анализ работы МО классных руководителей за 2022-2023 учебный год; "
        "планирование работы на новый учебный год",
        "Заместитель директора по ВР",
    ),
    (
        "Ноябрь",
        "Нормативное обеспечение деятельности классного руководителя",
        "Классное руководство в национальном проекте «Образование»; "
        "функциональные обязанности классного руководителя",
        "Руководитель МО Иванова Т.П.",
    ),
    (
        "Январь",
        "Круглый стол",
        "Развитие индивидуальности обучающихся в процессе воспитания и "
        "взаимодействие педагога с родителями",
        "Классные руководители",
    ),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_headers_in_none_of_the_lists_are_recognised_by_their_cells(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "План работы МО классных руководителей на 2023-2024 учебный год",
        MEETINGS_HEADER,
        MEETINGS_ROWS,
    )
    assert len(parsed.items) == 3
    # The meeting's topic stays with its questions (issue 12: no column a person wrote is lost).
    assert [item.text for item in parsed.items] == [f"{row[1]}: {row[2]}" for row in MEETINGS_ROWS]  # type: ignore[index]
    assert [item.executors_text for item in parsed.items] == [row[3] for row in MEETINGS_ROWS]  # type: ignore[index]
    assert _dues(parsed) == [date(2023, 9, 30), date(2023, 11, 30), date(2024, 1, 31)]


# The header words of issue 12 («What real plans look like»): «Содержание работы», «Сроки»,
# «Ответственный за исполнение»; numbers written at the start of the text («1. Разработка …»).
NUMBERED_TEXT_HEADER = ("Содержание работы", "Сроки", "Ответственный за исполнение")
NUMBERED_TEXT_ROWS: list[Row] = [
    ("1. Разработка плана работы кластера на 2024 год", "январь", "Председатель совета"),
    ("2) Проведение заседания координационного совета", "ежеквартально", "Секретарь совета"),
    ("3.1. Мониторинг трудоустройства выпускников", "до 15.06.2024", "Руководители ПОО"),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_numbers_written_at_the_start_of_the_text_become_the_item_numbers(fmt: str) -> None:
    parsed = _parse(
        fmt, "План работы кластера на 2024 год", NUMBERED_TEXT_HEADER, NUMBERED_TEXT_ROWS
    )
    assert [(item.number, item.text) for item in parsed.items] == [
        ("1", "Разработка плана работы кластера на 2024 год"),
        ("2", "Проведение заседания координационного совета"),
        ("3.1", "Мониторинг трудоустройства выпускников"),
    ]
    assert not any(item.numbered_by_order for item in parsed.items)
    assert parsed.items[1].deadline.kind is DeadlineKind.RECURRING
    assert _dues(parsed)[2] == date(2024, 6, 15)


# «№» written nowhere: the number column's header is empty (issue 12), with «Вопросы для
# обсуждения», «Дата проведения», «Кто проводит».
EMPTY_NUMBER_HEADER = ("", "Вопросы для обсуждения", "Дата проведения", "Кто проводит")
EMPTY_NUMBER_ROWS: list[Row] = [
    ("1", "Утверждение плана работы методического объединения", "август", "Руководитель МО"),
    ("2", "Анализ результатов ГИА-2023", "сентябрь", "Учителя-предметники"),
    ("3", "Подготовка к региональному этапу олимпиады", "декабрь", "Петрова А.С."),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_number_column_with_an_empty_header_gives_the_numbers(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "План работы методического объединения на 2023-2024 учебный год",
        EMPTY_NUMBER_HEADER,
        EMPTY_NUMBER_ROWS,
    )
    assert [(item.number, item.text, item.executors_text) for item in parsed.items] == [
        (row[0], row[1], row[3])  # type: ignore[index]
        for row in EMPTY_NUMBER_ROWS
    ]
    assert "warn-row-without-number" not in [w.code for w in parsed.warnings]


# Section rows of each kind named in issue 12: merged and bold «I.», merged plain «Раздел 2»,
# not merged «1.» in the number column, «Задача 3» in the text column only.
SECTIONS_HEADER = ("№ п/п", "Мероприятия", "Срок", "Ответственные")
SECTIONS_ROWS: list[Row] = [
    Section(("I. Организационная работа", "", "", ""), merged=True, bold=True),
    ("1.1", "Заседание координационного совета", "сентябрь", "Председатель совета"),
    Section(("Раздел 2. Профориентация", "", "", ""), merged=True, bold=False),
    ("2.1", "Дни открытых дверей", "март", "Руководители ПОО"),
    Section(("3.", "Кадровое обеспечение", "", ""), merged=False),
    ("3.1", "Стажировки мастеров на предприятиях", "май", "Работодатели"),
    Section(("", "Задача 4. Методическая работа", "", ""), merged=False),
    ("4.1", "Семинар для преподавателей", "ноябрь", "Методист ЦОПП"),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_section_rows_of_every_kind_are_headings_not_items(fmt: str) -> None:
    parsed = _parse(
        fmt, "План работы кластера на 2023-2024 учебный год", SECTIONS_HEADER, SECTIONS_ROWS
    )
    assert [item.number for item in parsed.items] == ["1.1", "2.1", "3.1", "4.1"]
    assert [s.title for s in parsed.sections] == [
        "I. Организационная работа",
        "Раздел 2. Профориентация",
        "3. Кадровое обеспечение",
        "Задача 4. Методическая работа",
    ]
    assert [s.number for s in parsed.sections] == ["I", "2", "3", "4"]
    assert [item.section for item in parsed.items] == [s.title for s in parsed.sections]


# A table with a number column where some rows have no number: each has its own deadline, so
# each is its own item (issue 12: «never glue rows that each have a deadline»).
UNGLUED_HEADER = ("№", "Наименование работ", "Срок", "Исполнитель")
UNGLUED_ROWS: list[Row] = [
    ("1", "Подготовка отчета о работе кластера", "до 20.01.2024", "Секретарь совета"),
    ("", "Участие в региональном чемпионате «Профессионалы»", "март", "Руководители ПОО"),
    ("", "Проведение дня открытых дверей", "апрель", "Руководители ПОО"),
    ("", "(по согласованию с работодателями)", "", ""),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_unnumbered_rows_that_each_have_a_deadline_are_never_glued(fmt: str) -> None:
    parsed = _parse(fmt, "План работы кластера на 2024 год", UNGLUED_HEADER, UNGLUED_ROWS)
    assert [item.text for item in parsed.items] == [
        "Подготовка отчета о работе кластера",
        "Участие в региональном чемпионате «Профессионалы»",
        "Проведение дня открытых дверей (по согласованию с работодателями)",
    ]
    assert _dues(parsed) == [date(2024, 1, 20), date(2024, 3, 31), date(2024, 4, 30)]
    assert len({item.number for item in parsed.items}) == 3


# No column holds deadlines: refused, and the refusal names the columns it saw.
NO_DEADLINE_HEADER = ("№ п/п", "Содержание работы", "Ответственные")
NO_DEADLINE_ROWS: list[Row] = [
    ("1", "Разработка плана работы", "Председатель совета"),
    ("2", "Проведение семинара для мастеров", "Методист ЦОПП"),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_table_without_any_deadline_column_is_refused_naming_the_columns_found(
    fmt: str,
) -> None:
    with pytest.raises(DocumentRejected) as refused:
        _parse(fmt, "План работы кластера на 2024 год", NO_DEADLINE_HEADER, NO_DEADLINE_ROWS)
    assert refused.value.key == "doc-no-deadline-column"
    said = render_warning_for(refused.value)
    assert "«№ п/п», «Содержание работы», «Ответственные»" in said
    assert "срок" in said.casefold()


def render_warning_for(error: DocumentRejected) -> str:
    return render_warning(ParseWarning(error.key, error.args_for_message))


def _with_approval_block(fmt: str, header: Sequence[str], rows: Sequence[Row]) -> bytes:
    """The approval block of a school plan set as a two-cell row above the table's header."""
    block = ("Рассмотрено на заседании педагогического совета", "Утверждаю. Директор школы")
    if fmt == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(list(block))
        sheet.append([])
        sheet.append(list(header))
        for row in rows:
            sheet.append(list(row))  # type: ignore[arg-type]
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    if fmt == "docx":
        document = Document()
        table = document.add_table(rows=2, cols=len(header))
        for cell, text in zip(table.rows[0].cells, block, strict=False):
            cell.text = text
        for cell, text in zip(table.rows[1].cells, header, strict=True):
            cell.text = text
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):  # type: ignore[arg-type]
                cell.text = text
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()
    lines = ["\t".join(block), "\t".join(header), *("\t".join(row) for row in rows)]  # type: ignore[arg-type]
    return ("\n".join(lines) + "\n").encode("utf-8")


# Imitates the header of https://feospecschool2.krymschool.ru/file/card?id=1415 with its
# «Период» column («Дела | Период | Ответственные») under an approval block in the same grid.
PERIOD_HEADER = ("Дела", "Период", "Ответственные")
PERIOD_ROWS: list[Row] = [
    (
        "Подготовка к государственной итоговой аттестации",
        "в течение года",
        "Заместитель директора по УВР",
    ),
    ("Заседание методического совета школы", "август", "Руководители ШМО"),
    ("Предметная неделя естественных наук", "ноябрь", "Учителя естественно-научного цикла"),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_header_is_the_row_above_the_data_not_an_approval_block_above_it(fmt: str) -> None:
    data = _with_approval_block(fmt, PERIOD_HEADER, PERIOD_ROWS)
    parsed = parse_document(read_document(data, f"plan.{fmt}"), reference=TODAY)
    assert [item.text for item in parsed.items] == [row[0] for row in PERIOD_ROWS]  # type: ignore[index]
    assert [item.executors_text for item in parsed.items] == [row[2] for row in PERIOD_ROWS]  # type: ignore[index]
    assert parsed.items[0].deadline.kind is DeadlineKind.CONTINUOUS
    assert parsed.sections == []


# A plan by months: the months are rows across the table and the rows under each have no
# deadline cell. Not found in the searchable corpus as a table; its rows are borrowed from
# https://3rezh.uralschool.ru/file/card?id=8931 (календарный план воспитательной работы
# на 2023-2024 учебный год).
MONTHS_HEADER = ("№", "Мероприятие", "Ответственные")
MONTHS_ROWS: list[Row] = [
    Section(("Сентябрь", "", ""), bold=True),
    ("1", "Общешкольная линейка, посвященная Дню знаний", "Зам.директора по ВР"),
    ("2", "Интервью по теме «Разговоры о важном»", "Советник по воспитанию"),
    Section(("Октябрь", "", ""), bold=True),
    ("3", "Общешкольный «День здоровья»", "Учителя физкультуры"),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_month_rows_across_the_table_give_the_deadline_of_the_rows_under_them(
    fmt: str,
) -> None:
    parsed = _parse(
        fmt, "План воспитательной работы на 2023-2024 учебный год", MONTHS_HEADER, MONTHS_ROWS
    )
    assert [item.number for item in parsed.items] == ["1", "2", "3"]
    assert [s.title for s in parsed.sections] == ["Сентябрь", "Октябрь"]
    assert _dues(parsed) == [date(2023, 9, 30), date(2023, 9, 30), date(2023, 10, 31)]


# Two columns named like content: «Направление» groups the rows (merged down, short), the
# activity is in «Мероприятие» (issue 12: «the longest text column is the content»), and the
# header repeats after a page break.
DIRECTIONS_HEADER = ("Направление", "Мероприятие", "Срок", "Ответственный")
DIRECTIONS_ROWS: list[Row] = [
    (
        "Профориентация",
        "Проведение дней открытых дверей для школьников района",
        "март",
        "Руководители ПОО",
    ),
    (
        "Профориентация",
        "Организация экскурсий на предприятия – участники кластера",
        "апрель",
        "Работодатели",
    ),
    DIRECTIONS_HEADER,
    (
        "Кадры",
        "Стажировки мастеров производственного обучения на предприятиях",
        "май",
        "Методист ЦОПП",
    ),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_of_two_content_like_columns_the_longer_one_is_the_content(fmt: str) -> None:
    parsed = _parse(fmt, "План работы кластера на 2024 год", DIRECTIONS_HEADER, DIRECTIONS_ROWS)
    assert [item.text for item in parsed.items] == [
        "Проведение дней открытых дверей для школьников района",
        "Организация экскурсий на предприятия – участники кластера",
        "Стажировки мастеров производственного обучения на предприятиях",
    ]
    assert [item.number for item in parsed.items] == ["1", "2", "3"]


# A column of grades next to the activity, as «Классы» in https://31.schoolpodolsk.ru/file/card
# ?id=5432 («5-6», «7-8»), here written as single grades: short numbers, but no item numbers.
GRADES_HEADER = ("Дела", "Классы", "Дата", "Ответственные")
GRADES_ROWS: list[Row] = [
    ("Предновогодний турнир по пионерболу", "5", "12-15 декабря", "Учителя физкультуры"),
    ("Предновогодний турнир по волейболу", "7", "19-22 декабря", "Учителя физкультуры"),
    ("Конкурс чтецов", "5", "январь", "Учителя русского языка"),
    ("Новогодние ёлки", "6", "27-29 декабря", "Классные руководители"),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_column_of_grades_is_not_taken_for_item_numbers(fmt: str) -> None:
    parsed = _parse(fmt, SCHOOL_TITLE, GRADES_HEADER, GRADES_ROWS)
    assert [item.number for item in parsed.items] == ["1", "2", "3", "4"]
    assert [item.text for item in parsed.items] == [row[0] for row in GRADES_ROWS]  # type: ignore[index]
    assert "warn-duplicate-number" not in [w.code for w in parsed.warnings]


# --- slice F of the acceptance set: shapes first seen there ----------------------------------

# Imitates https://sh26grodno.schools.by/news/1949497 (план работы на весенние каникулы): the
# day in the column headed «№ п/п», merged down over the day's rows; the «Дата и время» column
# holds only the hours and the room.
HOLIDAY_HEADER = (
    "№ п/п",
    "Наименование мероприятия",
    "Участники",
    "Дата и время проведения",
    "Ответственные за проведение",
)
HOLIDAY_ROWS: list[Row] = [
    ("28.03.2022 понедельник", "Соревнования «Защитник Отечества»", "V-XI", "09.30-11.00 Спортзал",
     "Учитель физической культуры"),
    ("", "Информационный час «Книги белорусских писателей»", "III-IV", "14.00-15.00 Библиотека",
     "Библиотекари"),
    ("29.03.2022 вторник", "Экскурсия в краеведческий музей", "V-VII", "10.00-12.00",
     "Классные руководители"),
    ("", "Мастер-класс по рисованию «Юный художник»", "II-VI", "11.00 Каб.208",
     "Педагог доп. образования"),
]  # fmt: skip


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_day_in_the_number_column_dates_the_rows_whose_time_cell_gives_only_hours(
    fmt: str,
) -> None:
    parsed = _parse(
        fmt,
        "План работы школы на весенние каникулы 2021/2022 учебного года",
        HOLIDAY_HEADER,
        HOLIDAY_ROWS,
    )
    assert [item.text.split(" «")[0] for item in parsed.items] == [
        "Соревнования",
        "Информационный час",
        "Экскурсия в краеведческий музей",
        "Мастер-класс по рисованию",
    ]
    assert _dues(parsed) == [date(2022, 3, 28)] * 2 + [date(2022, 3, 29)] * 2


# Imitates http://biblio.ukmpi.ru/…/1803-plan-raboty-tsentralnoj-rajonnoj-biblioteki-na-maj-2017-
# goda: each day a row «Дата- 03.05.2017» with the column headings repeated under it, the first
# one above the first header; the rows give only the time.
LIBRARY_HEADER = ("Дата- 03.05.2017", "", "", "")
LIBRARY_COLUMNS = ("Время", "Категория", "Наименование", "Место проведения, ответственный")
LIBRARY_ROWS: list[Row] = [
    LIBRARY_COLUMNS,
    ("9-00", "Патриотический час", "«Животные на войне»", "Библиотека, Чупров Г.Л."),
    Section(("Дата - 04.05.2017", "", "", "")),
    LIBRARY_COLUMNS,
    ("11-00", "Громкие чтения", "«Читаем детям о войне»", "Библиотека, Сорокина М.В."),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_labelled_day_above_the_headings_dates_the_rows_under_them(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "План работы Центральной районной библиотеки на май 2017 года",
        LIBRARY_HEADER,
        LIBRARY_ROWS,
    )
    assert [item.text for item in parsed.items] == [
        "«Животные на войне»",
        "«Читаем детям о войне»",
    ]
    assert _dues(parsed) == [date(2017, 5, 3), date(2017, 5, 4)]


# Imitates https://m.adm-priaza.ru/…/plan_meropriyatii/sentyabr_2018: a plan for one month whose
# date column gives the day of the month alone, with its weekday.
@pytest.mark.parametrize("fmt", FORMATS)
def test_days_alone_in_a_plan_for_one_month_are_days_of_that_month(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "План работы Центра досуга и творчества на сентябрь 2018 года",
        ("№", "Наименование мероприятий", "Дата проведения (день недели)", "Ответственный"),
        [
            ("1", "Конкурсная программа «Супер - семья»", "1 (суббота)", "Хлямова А.С."),
            ("2", "Детская программа «1 сентября»", "3 (понедельник)", "Хлямова А.С."),
            ("3", "Фестиваль бега «Карьяла»", "8, суббота", "Мухорин Д.А."),
            ("4", "Выставка - продажа", "20-22", "Хлямова А.С."),
        ],
    )
    assert _dues(parsed) == [date(2018, 9, d) for d in (1, 3, 8, 22)]
    assert parsed.items[3].deadline.occurrences[0].start == date(2018, 9, 20)


# Imitates https://base.garant.ru/45277032/… (календарный план спортивных мероприятий): the
# content's header and two others all name «мероприятия»; the numbers are in the text.
@pytest.mark.parametrize("fmt", FORMATS)
def test_participants_and_organiser_columns_are_not_taken_for_the_content(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "Календарный план физкультурных и спортивных мероприятий на 2019 год",
        (
            "Наименование мероприятия (в соответствии с ЕВСК)",
            "Сроки проведения",
            "Место проведения",
            "Участники мероприятия",
            "Организатор мероприятия",
        ),
        [
            (
                "1. Физкультурные мероприятия по реализации комплекса ГТО",
                "в течение года",
                "по назначению",
                "все желающие",
                "МБУ ЦФП «Надежда»",
            ),
            (
                "2. Первенство Школьной Волейбольной Лиги",
                "январь - апрель",
                "спортивные залы школ",
                "команды общеобразовательных учреждений",
                "Федерация волейбола",
            ),
        ],
    )
    assert [(i.number, i.text) for i in parsed.items] == [
        ("1", "Физкультурные мероприятия по реализации комплекса ГТО"),
        ("2", "Первенство Школьной Волейбольной Лиги"),
    ]
    assert [i.executors_text for i in parsed.items] == ["МБУ ЦФП «Надежда»", "Федерация волейбола"]
    assert _dues(parsed) == [date(2019, 12, 31), date(2019, 4, 30)]


# Imitates http://ryazan-gov.ru/doc/97966 (план мероприятий Года охраны окружающей среды): a
# lead-in «…, посвященных:» over rows lettered «а)», «б)».
@pytest.mark.parametrize("fmt", FORMATS)
def test_lettered_rows_under_a_lead_in_are_its_items_without_the_letter(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "План мероприятий по проведению Года охраны окружающей среды в 2013 году",
        ("NN пп", "Мероприятие", "Срок исполнения", "Исполнители"),
        [
            (
                "1",
                "Создание раздела на сайте администрации",
                "в течение 2013 года",
                "Администрация",
            ),
            ("2", "Участие в областных конференциях, посвященных:", "", "Администрация района"),
            ("", "а) открытию Дней защиты от экологической опасности", "март 2013 г.", ""),
            ("", "б) Дню эколога", "июнь 2013 г.", ""),
        ],
    )
    assert [(i.number, i.text) for i in parsed.items] == [
        ("1", "Создание раздела на сайте администрации"),
        ("2.1", "открытию Дней защиты от экологической опасности"),
        ("2.2", "Дню эколога"),
    ]
    assert parsed.items[1].executors_text == "Администрация района"
    assert _dues(parsed) == [date(2013, 12, 31), date(2013, 3, 31), date(2013, 6, 30)]


# Imitates a kindergarten's summer plan (Skidel, ДДУ № 5): a month's cell lists its events
# «1.… 2.…» and the next cell one executor for each; and a trustees' council plan (Vitebsk,
# д/с № 6) whose month's cell lists one meeting's numbered questions, nobody named for each.
@pytest.mark.parametrize("fmt", FORMATS)
def test_events_listed_in_one_cell_are_items_when_each_has_its_own_executor(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "Перспективный план мероприятий на летний оздоровительный период 2024 года",
        ("Месяц", "Мероприятие", "Ответственные"),
        [
            (
                "Июнь",
                "1.Праздник, посвященный Дню защиты детей 2.Физкультурный досуг «В поисках клада».",
                "Музыкальный руководитель Руководитель физ.воспитания",
            ),
            ("Июль", "1. Развлечение «Парад шляп» 2. Музыкальный досуг", "Воспитатели групп"),
            ("Август", "1. Конкурс «Песочные фантазии» 2. «Праздник цветов»", "Иванова Т.П."),
        ],
    )
    assert [(i.text, i.executors_text) for i in parsed.items] == [
        ("Праздник, посвященный Дню защиты детей", "Музыкальный руководитель"),
        ("Физкультурный досуг «В поисках клада».", "Руководитель физ.воспитания"),
        # One executor for both, or a person's initials: one item, the list kept whole (its
        # first number is taken for the item's, as a number written in the text is).
        ("Развлечение «Парад шляп» 2. Музыкальный досуг", "Воспитатели групп"),
        ("Конкурс «Песочные фантазии» 2. «Праздник цветов»", "Иванова Т.П."),
    ]
    assert _dues(parsed) == [date(2024, 6, 30)] * 2 + [date(2024, 7, 31), date(2024, 8, 31)]


# Imitates http://burla22.ru/… (план праздничных мероприятий ко Дню защиты детей): a heading
# typed letter by letter, the day under it, and a «Время» column of hours in words.
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_spaced_out_heading_names_the_day_of_rows_given_in_hours(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "П Л А Н праздничных мероприятий, посвященных Дню защиты детей /1 июня 2015 года/",
        ("п/п", "Наименование мероприятия", "Время проведения", "Ответственные"),
        [
            ("1", "Открытие праздника. Карнавал «Краски лета»", "10 часов", "Дом культуры"),
            ("2", "Игровая программа «Остров сокровищ»", "с 12 до 15 часов", "Центр творчества"),
            ("3", "Детская дискотека", "1 июня 15 часов", "Дом культуры"),
        ],
    )
    assert parsed.title.startswith("ПЛАН праздничных мероприятий")
    assert _dues(parsed) == [date(2015, 6, 1)] * 3


# Imitates https://egorkino-shumr.edu21.cap.ru/… (план недели русского языка): the term is a
# weekday of the week the title names.
@pytest.mark.parametrize("fmt", FORMATS)
def test_weekdays_in_a_weeks_plan_are_its_days(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "План проведения недели русского языка и литературы с 23 января по 28 января 2017 года",
        ("", "День недели", "Мероприятие", "Ответственные"),
        [
            ("1", "понедельник", "Открытие недели", "Мозякова А.Г."),
            ("2", "вторник", "Выставка творческих работ", ""),
            ("3", "в пятницу", "Закрытие недели", "Ануфриева В.Г."),
        ],
    )
    assert _dues(parsed) == [date(2017, 1, 23), date(2017, 1, 24), date(2017, 1, 27)]


# Imitates https://dat-dn.ru/…/kalendarnyj-plan-raboty-studencheskogo-soveta-doneczkoj-akademii-
# transporta-na-2025-2026-uchebnyj-god/: month rows «АВГУСТ», «СЕНТЯБРЬ» across the table, and
# under them «3 декада» — a part of the month the row names; «август-сентябрь» under «АВГУСТ»
# begins the month before the school year and ends inside it.
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_decade_under_a_month_row_is_that_part_of_the_month(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "Календарный план работы студенческого совета на 2025-2026 учебный год",
        ("", "Мероприятие", "Сроки", "Ответственные"),
        [
            Section(("АВГУСТ", "", "", ""), bold=True),
            ("1", "Акция по безопасности дорожного движения", "август-сентябрь", "Студсовет"),
            Section(("СЕНТЯБРЬ", "", "", ""), bold=True),
            ("2", "Чемпионат Академии по футболу", "3 декада", "Спортивный сектор"),
            ("3", "Посвящение в студенты", "1 неделя", "Председатель студсовета"),
        ],
    )
    assert [item.deadline.occurrences[0].start for item in parsed.items] == [
        date(2025, 8, 1),
        date(2025, 9, 21),
        date(2025, 9, 1),
    ]
    assert _dues(parsed) == [date(2025, 9, 30), date(2025, 9, 30), date(2025, 9, 7)]


# Imitates https://base.garant.ru/15511030/ (Omsk, «Программа мероприятий, проводимых в рамках
# городского праздника День молодежи», 2000) and https://sibacc.ru/events/event/5138/ (a
# council's agenda under «16 декабря 2009 г. Новосибирск»): a Word table of one column, day
# rows over the events of each day, events starting with their hours.
ONE_COLUMN_ROWS: list[Row] = [
    ("25 июня 2000 г.",),
    ("Издание специального выпуска газеты «Молодежь Омска в лицах и цифрах»",),
    ("17.00 - 23.00 часов Фестиваль молодежных культур\n(ПкиО «Зеленый остров»)",),
    ("18.00 Праздничная программа «Созвездие молодых»",),
    ("23 - 26 июня",),
    ("Концертно-игровые программы на дворовых досуговых площадках",),
    Section(("Праздничные мероприятия в административных округах",), bold=True),
    ("29 июня 2000 г. Октябрьский округ",),
    ("Конкурс рисунков на асфальте",),
]


def test_a_one_column_programme_has_its_events_under_their_days() -> None:
    parsed = _parse(
        "docx", "Программа мероприятий Дня молодежи в 2000 году", ("Мероприятие",), ONE_COLUMN_ROWS
    )
    assert [item.text[:30] for item in parsed.items] == [
        "Издание специального выпуска г",
        "17.00 - 23.00 часов Фестиваль ",  # the hours are no item number «17.00»
        "18.00 Праздничная программа «С",
        "Концертно-игровые программы на",
        "Конкурс рисунков на асфальте",
    ]
    assert [item.number for item in parsed.items] == ["1", "2", "3", "4", "5"]
    assert _dues(parsed) == [
        date(2000, 6, 25),
        date(2000, 6, 25),
        date(2000, 6, 25),
        date(2000, 6, 26),
        date(2000, 6, 29),  # the day a heading opens with («29 июня 2000 г. Октябрьский округ»)
    ]


@pytest.mark.parametrize("fmt", ["xlsx", "txt"])
def test_a_one_column_programme_outside_a_word_table_has_its_events_under_their_days(
    fmt: str,
) -> None:
    # In a spreadsheet or a text file one column is lines of text; the days standing alone
    # among them still head the events under them, and a bold line («<b>…</b>» in text) is a
    # heading, not an event.
    parsed = _parse(
        fmt, "Программа мероприятий Дня молодежи в 2000 году", ("Мероприятие",), ONE_COLUMN_ROWS
    )
    assert "Праздничные мероприятия в административных округах" in [
        section.title for section in parsed.sections
    ]
    assert [item.text[:30] for item in parsed.items] == [
        "Издание специального выпуска г",
        "17.00 - 23.00 часов Фестиваль ",
        "18.00 Праздничная программа «С",
        "Концертно-игровые программы на",
        "Конкурс рисунков на асфальте",
    ]
    assert _dues(parsed) == [
        date(2000, 6, 25),
        date(2000, 6, 25),
        date(2000, 6, 25),
        date(2000, 6, 26),
        date(2000, 6, 29),
    ]


ARTICLES = {
    # A news item as lines of text: its date line, then sentences. One date heads no plan, and
    # not most sentences end with a day of their own: nothing is invented.
    "sentences": (
        "В Нижнем Новгороде проходит экспертная сессия",
        ("Новости",),
        [
            ("26.11.2021",),
            ("На площадке института в эти дни проходит экспертная сессия.",),
            ("Участники обсуждают планы кластеров на 2022 год.",),
            ("Итоги сессии подведут 30 ноября.",),
        ],
    ),
    # «О …» starts the first paragraph only: the rest are an article's sentences, no agenda.
    "opening with a question": (
        "Новости образования",
        ("16 декабря 2009 г.",),
        [
            ("О новом курсе рассказали на совещании.",),
            ("Участники обсуждали планы кластеров на 2010 год.",),
        ],
    ),
}


@pytest.mark.parametrize("fmt", ["xlsx", "txt"])
@pytest.mark.parametrize("article", list(ARTICLES))
def test_lines_of_an_article_under_one_date_are_refused_not_guessed(fmt: str, article: str) -> None:
    title, header, rows = ARTICLES[article]
    with pytest.raises(DocumentRejected) as refused:
        _parse(fmt, title, header, rows)
    assert refused.value.key == "doc-not-a-plan"


# Imitates https://sibacc.ru/events/event/5138/ (a coordination council's meeting, 2009): the
# day and place on a line of their own, then each question put to the meeting on its line.
@pytest.mark.parametrize("fmt", ["xlsx", "txt"])
@pytest.mark.parametrize("numbers", [("", "", ""), ("1. ", "2. ", "3. ")])
def test_the_questions_of_one_meeting_under_its_day_are_its_items(
    fmt: str, numbers: tuple[str, str, str]
) -> None:
    questions = (
        "О согласовании технического задания для подготовки доклада",
        "Об апробации учебного курса в 2009-2011 годах",
        "О проведении конкурса «Лучший учитель Сибири»",
    )
    parsed = _parse(
        fmt,
        "Заседание Координационного совета по образованию",
        ("16 декабря 2009 г. Новосибирск",),
        [(number + question,) for number, question in zip(numbers, questions, strict=True)],
    )
    assert [item.text for item in parsed.items] == list(questions)
    assert _dues(parsed) == [date(2009, 12, 16)] * 3


# Imitates https://rostov-gov.ru/doc/8577 (graduates' ceremonies, 2007): under a day row, an
# event at its hour with nobody named beside it is an event, not a heading — in text too,
# where a row of text alone otherwise heads the rows under it.
@pytest.mark.parametrize("fmt", FORMATS)
def test_an_event_at_its_hour_with_no_executor_is_no_section(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "План торжественных мероприятий для выпускников 2007 года",
        ("Мероприятие", "Ответственные"),
        [
            Section(("26.06.2007", ""), bold=True),
            ("19.00-20.00 (районы города) - торжественные линейки", "Руководители школ"),
            ("20.00 (школы города) - торжественные мероприятия в школах", ""),
            Section(("27.06.2007", ""), bold=True),
            ("18.00-21.00 (молодежный театр) - программа «Созвездие-2007»", "Управление"),
        ],
    )
    assert [item.text[:5] for item in parsed.items] == ["19.00", "20.00", "18.00"]
    assert [s.title for s in parsed.sections] == ["26.06.2007", "27.06.2007"]
    assert _dues(parsed) == [date(2007, 6, 26), date(2007, 6, 26), date(2007, 6, 27)]


def _docx_of_paragraphs(paragraphs: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """A Word file of ``paragraphs`` (a title typed as several), then a table of ``rows``."""
    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# The Burla programme (http://burla22.ru/index.php?option=com_content&view=article&id=367,
# «П Л А Н праздничных мероприятий, посвященных Дню защиты детей /1 июня 2015 года/») as a PDF
# gives it, or as a Word file whose title was typed as two paragraphs: the day on a line of its
# own under the title.
def test_a_day_on_its_own_line_under_the_title_is_the_programmes_day() -> None:
    rows = [
        ("п/п", "Наименование мероприятия", "Время проведения", "Ответственные"),
        ("1", "Открытие праздника. Карнавал «Краски лета»", "10 часов", "Дом культуры"),
        ("2", "Игровая программа «Остров сокровищ»", "12 часов", "Центр творчества"),
    ]
    data = _docx_of_paragraphs(
        ["ПЛАН праздничных мероприятий, посвященных Дню защиты детей", "/1 июня 2015 года/"], rows
    )
    parsed = parse_document(read_document(data, "plan.docx"), reference=TODAY)
    assert parsed.period is not None
    assert parsed.period.start == date(2015, 1, 1)
    assert _dues(parsed) == [date(2015, 6, 1), date(2015, 6, 1)]


def _parse_title_lines(fmt: str, title: list[str], rows: list[tuple[str, ...]]) -> ParsedDocument:
    """A plan whose title is printed as several paragraphs (a PDF's lines), then its table."""
    text = "\n".join([*title, "", *("\t".join(row) for row in rows)])
    data = _docx_of_paragraphs(title, rows) if fmt == "docx" else text.encode("utf-8")
    return parse_document(read_document(data, f"plan.{fmt}"), reference=TODAY)


# Egorkino's week plan as a PDF prints its title: «… литературы С 23 января по» on one line,
# «28 января 2017 года» on the next — one title, its week the plan's period.
@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_a_title_broken_after_a_preposition_goes_on_in_the_next_paragraph(fmt: str) -> None:
    title = [
        "План проведения недели русского языка и литературы С 23 января по",
        "28 января 2017 года",
    ]
    rows = [
        ("", "День недели", "Мероприятие", "Ответственные"),
        ("1", "понедельник", "Открытие недели", "Мозякова А.Г."),
        ("2", "вторник", "Выставка творческих работ", "Ануфриева В.Г."),
    ]
    parsed = _parse_title_lines(fmt, title, rows)
    assert parsed.title.endswith("С 23 января по 28 января 2017 года")
    assert parsed.period is not None
    assert (parsed.period.start, parsed.period.end) == (date(2017, 1, 23), date(2017, 1, 28))
    assert _dues(parsed) == [date(2017, 1, 23), date(2017, 1, 24)]


# Imitates https://gymnasium.pruzhany.by/plan-raboty-senata (the Senate of the Pruzhany
# gymnasium, 2013/2014): a section row «1 четверть» over rows due «регулярно», «1 раз в месяц»,
# «2-я суббота месяца» — in that quarter (September–October), not the whole school year.
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_continuous_or_monthly_term_under_a_quarter_row_is_read_in_that_quarter(
    fmt: str,
) -> None:
    parsed = _parse(
        fmt,
        "План работы Сената гимназии в 2013/2014 учебном году",
        ("", "Содержание работы", "Сроки", "Ответственные"),
        [
            Section(("1 четверть", "", "", "")),
            ("1.", "Выборы членов Сената", "cентябрь", "Активы классов"),
            ("2", "Организация дежурства по гимназии", "регулярно", "центр «Порядок»"),
            ("3", "Участие в заседаниях Совета профилактики", "1 раз в месяц", "Консул"),
            ("4", "Участие в проведении Дня здоровья", "2-я суббота месяца", "центр «Здоровье»"),
            ("5", "Дежурство в течение года", "в течение года", "Консул"),
            Section(("2 четверть", "", "", "")),
            ("6", "Рейды по проверке дежурства", "постоянно", "центр «Порядок»"),
        ],
    )
    assert [[o.due for o in item.deadline.occurrences] for item in parsed.items] == [
        [date(2013, 9, 30)],  # «cентябрь» with a Latin «c»
        [date(2013, 10, 31)],
        [date(2013, 9, 30), date(2013, 10, 31)],
        [date(2013, 9, 14), date(2013, 10, 12)],
        [date(2014, 8, 31)],  # a phrase naming its own span keeps it
        [date(2013, 12, 31)],
    ]


# Imitates https://sad3lida.schools.by/m/pages/plan-raboty-popechitelskogo-soveta (a
# kindergarten's board of trustees, 2021/2022): one row a meeting, the number cell holding the
# questions' numbers stacked «1.⏎2.⏎3.», the text cell «1 заседание» and the questions, line for
# line.
@pytest.mark.parametrize("fmt", FORMATS)
def test_numbers_stacked_beside_a_meetings_questions_make_one_item_each(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "План работы попечительского совета на 2021/2022 учебный год",
        ("№ п/п", "Мероприятия", "Сроки проведения", "Ответственные"),
        [
            (
                "1.\n2.\n3.",
                "1 заседание\nО составе попечительского совета\n"
                "Об укреплении материально-технической базы\nОб использовании средств совета",
                "Сентябрь\n2021 г.",
                "Председатель",
            ),
            ("4.", "Отчёт о работе совета за год", "Май 2022 г.", "Председатель"),
        ],
    )
    assert [(item.number, item.text) for item in parsed.items] == [
        ("1", "О составе попечительского совета"),
        ("2", "Об укреплении материально-технической базы"),
        ("3", "Об использовании средств совета"),
        ("4", "Отчёт о работе совета за год"),
    ]
    assert _dues(parsed) == [date(2021, 9, 30)] * 3 + [date(2022, 5, 31)]
    assert [section.title for section in parsed.sections] == ["1 заседание"]


# Imitates https://shkola13.stv.eduru.ru (a methodical association's plan, 2014/2015) and
# https://radvanichi.schools.by (class teachers' association, 2021/2022): no table, month
# headings over each meeting's numbered questions («1.Анализ …» with no space too); lines
# describing the meeting above its questions; the one who reports in brackets after one.
MO_LINES: list[Row] = [
    ("СЕНТЯБРЬ. Заседание МО №1",),
    ("Тема: Организация работы в 2014/2015 учебном году",),
    ("Вопросы для обсуждения:",),
    ("1.Анализ работы МО за прошедший год",),
    ("2. Рассмотрение рабочих программ (Корецкая Н.А.)",),
    ("Заседание №2 (ноябрь)",),
    ("1.Обсуждение результатов олимпиад",),
    ("2.Готовимся к ЕГЭ и ОГЭ.",),
    ("ЯНВАРЬ",),
    ("1. Анализ результатов полугодия",),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_numbered_questions_under_month_headings_are_items_due_in_their_month(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "План работы методического объединения учителей на 2014/2015 учебный год",
        ("",),
        MO_LINES,
    )
    assert [(item.number, item.text) for item in parsed.items] == [
        ("1", "Анализ работы МО за прошедший год"),
        ("2", "Рассмотрение рабочих программ"),
        ("1", "Обсуждение результатов олимпиад"),
        ("2", "Готовимся к ЕГЭ и ОГЭ."),
        ("1", "Анализ результатов полугодия"),
    ]
    assert parsed.items[1].executors_text == "Корецкая Н.А."
    assert _dues(parsed) == [date(2014, 9, 30)] * 2 + [date(2014, 11, 30)] * 2 + [date(2015, 1, 31)]
    assert [section.title for section in parsed.sections] == [
        "СЕНТЯБРЬ. Заседание МО №1",
        "Заседание №2 (ноябрь)",
        "ЯНВАРЬ",
    ]


# Imitates https://tgpgk.tomsk.ru (a college's events for the Day of vocational education,
# 2021): a list of events, each ending with its day or days, no table.
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_list_of_events_each_ending_with_its_day_is_a_plan(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "Мероприятия колледжа, посвящённые Дню профтехобразования в 2021 году",
        ("",),
        [
            ("#ЯИЗПРОФТЕХА – студенческий онлайн-флешмоб – с 27 сентября по 2 октября.",),
            ("«Без истории нет будущего» - экскурсии по музеям СПО – 29 сентября",),
            ("«Будущее – это мы!» - День самоуправления в СПО 5 октября.",),
        ],
    )
    assert [item.text for item in parsed.items] == [
        "#ЯИЗПРОФТЕХА – студенческий онлайн-флешмоб",
        "«Без истории нет будущего» - экскурсии по музеям СПО",
        "«Будущее – это мы!» - День самоуправления в СПО",
    ]
    assert _dues(parsed) == [date(2021, 10, 2), date(2021, 9, 29), date(2021, 10, 5)]


# Imitates https://yar-pk.edu.yar.ru (a college's New Year day, 20.12.2013): the day is the
# heading, each line starts with its hours.
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_days_lines_starting_with_their_hours_are_that_days_events(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "20 декабря 2013 года",
        ("",),
        [
            ("8.00 – 14.00 – акция «Обыкновенное чудо» – поздравление друг друга.",),
            ("12.00 – 12.30 – конкурс «Гигантская снежинка»",),
            ("13.00 – подведение итогов конкурсов",),
        ],
    )
    assert [item.text[:20] for item in parsed.items] == [
        "акция «Обыкновенное ",
        "конкурс «Гигантская ",
        "подведение итогов ко",
    ]
    assert _dues(parsed) == [date(2013, 12, 20)] * 3


# Imitates https://ustia.schools.by/pages/plan-raboty-shkolnogo-parlamenta (a school
# parliament, 2023/2024): «п/п | Палаты | Мероприятия», no date column; a month row heads the
# numbered rows under it, which are its events, not headings.
@pytest.mark.parametrize("fmt", FORMATS)
def test_numbered_rows_under_a_month_row_in_a_table_without_dates_are_items(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "План работы ученического самоуправления на 2023/2024 учебный год",
        ("п/п", "Палаты", "Мероприятия"),
        [
            Section(("Сентябрь", "", ""), bold=True),
            ("1", "Досуг", "Торжественная линейка «День знаний!»"),
            ("2", "ЗОЖ", "Неделя профилактики дорожно-транспортного травматизма"),
            Section(("Октябрь", "", ""), bold=True),
            ("3", "Информация и печать", "Выпуск праздничного номера школьной газеты"),
        ],
    )
    assert [item.number for item in parsed.items] == ["1", "2", "3"]
    assert [item.text[:20] for item in parsed.items] == [
        "Торжественная линейк",
        "Неделя профилактики ",
        "Выпуск праздничного ",
    ]
    assert _dues(parsed) == [date(2023, 9, 30), date(2023, 9, 30), date(2023, 10, 31)]


# Imitates http://lib-5.ru/urok3/urok-185657.php (a school's decade of humanities): a
# numbered list, each line's day right after its number («1.24 ноября. Общешкольная …»), a
# line with no day going on with the item above.
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_numbered_list_with_each_day_first_is_a_plan(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "План проведения декады предметов гуманитарного цикла в 2014 году",
        ("",),
        [
            ("1.24 ноября. Общешкольная линейка. Объявление начала декады.",),
            ("Презентация «Прекрасней всех богинь»",),
            ("2. 25 -26 ноября. Конкурс чтецов «Лермонтовские чтения».",),
            ("3. 27 ноября . Этнографический праздник «Мы на Волге живём»",),
        ],
    )
    assert [(item.number, item.text[:22]) for item in parsed.items] == [
        ("1", "Общешкольная линейка. "),
        ("2", "Конкурс чтецов «Лермон"),
        ("3", "Этнографический праздн"),
    ]
    assert "Прекрасней всех богинь" in parsed.items[0].text
    assert _dues(parsed) == [date(2014, 11, 24), date(2014, 11, 26), date(2014, 11, 27)]


# Imitates https://novorgevrkk.ru/item/1076785 (a district's culture houses, February 2022):
# no table, each house's name in bold over its events, each line starting with its day
# («03.02 – …», «24-28.02 – …»): the 3rd of February, not the hour 3.02.
@pytest.mark.parametrize("fmt", FORMATS)
def test_events_each_starting_with_its_day_under_bold_names_are_a_plan(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "План основных мероприятий культурно-досуговых учреждений на февраль 2022 года",
        ("",),
        [
            Section(("Вехнянский СДК",), bold=True),
            ("03.02 – Мастер-класс для детей по изготовлению кукол-маслёнок",),
            ("14.02 – Конкурсно-развлекательная программа «От сердца к сердцу»",),
            ("24-28.02 – Акция «Вахта памяти» по уборке братских захоронений",),
            Section(("Вёскинский СДК",), bold=True),
            ("02-10.02 – Выставка ДПТ «Валенки, валенки»",),
        ],
    )
    assert [item.text[:20] for item in parsed.items] == [
        "Мастер-класс для дет",
        "Конкурсно-развлекате",
        "Акция «Вахта памяти»",
        "Выставка ДПТ «Валенк",
    ]
    assert _dues(parsed) == [
        date(2022, 2, 3),
        date(2022, 2, 14),
        date(2022, 2, 28),
        date(2022, 2, 10),
    ]


# Imitates https://dekanat.bsu.edu.ru/mod/forum/discuss.php?d=129 (a university's rating
# stages, 2023): the content column headed «Этап подведения итогов рейтингования» (a word of a
# result column's header) beside «Срок исполнения»; and https://mordovoobraz.68edu.ru (numbers
# in the text with no space, «3.Акция …»).
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_only_text_column_is_the_content_whatever_its_header_says(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "График рейтингования в 2023 году",
        ("Этап подведения итогов рейтингования", "Срок исполнения"),
        [
            ("1. Заполнение кафедральных показателей", "до 23:59 26.06.2023"),
            ("2.Внесение результатов рейтингования НПР", "до 23:59 30.06.2023"),
            ("3.«Согласование» итоговых значений рейтинга", "до 12:00 13.07.2023"),
        ],
    )
    assert [(item.number, item.text[:12]) for item in parsed.items] == [
        ("1", "Заполнение к"),
        ("2", "Внесение рез"),
        ("3", "«Согласовани"),
    ]
    assert _dues(parsed) == [date(2023, 6, 26), date(2023, 6, 30), date(2023, 7, 13)]


# Imitates https://jalil2school.ucoz.ru/index/uchitelej_istorii/0-43 (a history teachers'
# association): no table, month headings with a colon over bullet points «• …», none numbered;
# a bullet's first word «Планирование» is no title.
@pytest.mark.parametrize("fmt", FORMATS)
def test_bullet_points_under_month_headings_are_items_due_in_their_month(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "Методическое объединение учителей истории, 2013/2014 учебный год",
        ("",),
        [
            Section(("Сентябрь:",), bold=True),
            ("• Планирование работы методического объединения историков.",),
            ("• Сдача плана работы МО.",),
            Section(("Октябрь:",), bold=True),
            ("• Заседание МО.",),
            ("• Анализ итогов первой четверти и сдача их в учебную часть.",),
        ],
    )
    assert [item.text for item in parsed.items] == [
        "Планирование работы методического объединения историков.",
        "Сдача плана работы МО.",
        "Заседание МО.",
        "Анализ итогов первой четверти и сдача их в учебную часть.",
    ]
    assert _dues(parsed) == [date(2013, 9, 30)] * 2 + [date(2013, 10, 31)] * 2


# Imitates the Дергачёвская library's plan for November 2024 (tests/data/real_plans/
# dergachi_library_november_2024.json): the header typed one cell to the left, «Название
# мероприятия» over the numbers and the last header cell empty.
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_header_typed_one_cell_left_of_its_columns_names_the_columns_right_of_it(
    fmt: str,
) -> None:
    parsed = _parse(
        fmt,
        "План работы МБУК «Дергачёвская МЦБ» на ноябрь 2024 года",
        (
            "Название мероприятия",
            "Форма проведения",
            "Место",
            "Сроки проведения",
            "Ответственный",
            "",
        ),
        [
            (
                "1",
                "«Мы разные, но мы равные»",
                "познавательный час",
                "ЦБ",
                "1 ноября\n15.00ч",
                "Абрамова Е.Ю.",
            ),
            ("2", "«Вступают в силу»", "обзор", "ЦБ", "4 ноября\n10.00ч", "Аккулова З.Е."),
        ],
    )
    assert [(item.number, item.text) for item in parsed.items] == [
        ("1", "«Мы разные, но мы равные»"),
        ("2", "«Вступают в силу»"),
    ]
    assert _dues(parsed) == [date(2024, 11, 1), date(2024, 11, 4)]
    assert [item.executors_text for item in parsed.items] == ["Абрамова Е.Ю.", "Аккулова З.Е."]


# Imitates https://poisk-ru.ru/s40510t3.html (a territorial election commission's plan, 2015):
# the rows typed one cell to the left of the header, the text under «№№», each row ending with
# an empty cell; the term «1 квартал, январь-февраль 2015 года» is those months.
@pytest.mark.parametrize("fmt", FORMATS)
def test_rows_typed_one_cell_left_of_the_header_are_read_under_their_headers(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "План мероприятий ТИК по повышению правовой культуры избирателей на 2015 год",
        ("№№", "Мероприятие", "Сроки проведения (квартал, месяц)", "Ответственный", ""),
        [
            (
                "Турнир знатоков избирательного права",
                "1 квартал, январь-февраль 2015 года",
                "Шамова Н.Н.",
                "",
                "",
            ),
            (
                "Праздничная акция в преддверии 8 Марта",
                "1 квартал, март 2015 года",
                "Шамова Н.Н.",
                "",
                "",
            ),
        ],
    )
    assert [item.text for item in parsed.items] == [
        "Турнир знатоков избирательного права",
        "Праздничная акция в преддверии 8 Марта",
    ]
    assert _dues(parsed) == [date(2015, 2, 28), date(2015, 3, 31)]


# Imitates https://ds-solnyshko-novoandreevka.nubex.ru/events/15972.html (a kindergarten's
# road-safety month, 2017): one numbered row whose text runs on into its sub-items «1.1. …
# 1.2. … 1.3. …», the days side by side in the term cell, one for each.
@pytest.mark.parametrize("fmt", FORMATS)
def test_sub_items_in_one_row_are_items_each_on_its_own_day(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "План проведения месячника безопасности дорожного движения",
        ("№", "Содержание работы", "Сроки", "Ответственные"),
        [
            (
                "1.",
                "Организационно-педагогическая работа 1.1. Издание приказа по ДОУ 1.2. Разработка"
                " плана мероприятий 1.3. Консультация для педагогов",
                "29.08.2017г. 29.08.2017г. 01.09.2017г.",
                "Заведующий",
            ),
        ],
    )
    assert [(item.number, item.text) for item in parsed.items] == [
        ("1.1", "Издание приказа по ДОУ"),
        ("1.2", "Разработка плана мероприятий"),
        ("1.3", "Консультация для педагогов"),
    ]
    assert _dues(parsed) == [date(2017, 8, 29), date(2017, 8, 29), date(2017, 9, 1)]
    assert [s.title for s in parsed.sections] == ["Организационно-педагогическая работа"]


# Imitates the public chamber of Ольховатский district (tests/data/real_plans/
# olkhovatka_public_chamber_h1_2023.json): one row, four numbered questions in the text cell
# and four lines in the date cell, line for line.
@pytest.mark.parametrize("fmt", FORMATS)
def test_numbered_questions_beside_a_date_line_each_are_items_on_their_dates(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "План работы Общественной палаты на первое полугодие 2023 года",
        ("Тема", "Дата проведения"),
        [
            (
                "1. Отчёт о работе Общественной палаты за 2022 год.\n2.«Об утверждении плана"
                " работы»;\n3. Обсуждение плана работы на второе полугодие.",
                " март 2023 г.\nмай 2023 г.\nиюнь 2023 г",
            ),
        ],
    )
    assert [item.text[:20] for item in parsed.items] == [
        "Отчёт о работе Общес",
        "«Об утверждении план",
        "Обсуждение плана раб",
    ]
    assert _dues(parsed) == [date(2023, 3, 31), date(2023, 5, 31), date(2023, 6, 30)]


# Imitates http://rubtsovsk.org/node/149043 (the city's sports bodies, a week of 2024): lines
# «day - hours - event», one of them with three days each with its hours.
@pytest.mark.parametrize("fmt", FORMATS)
def test_lines_of_a_day_then_its_hours_then_the_event_are_events_on_those_days(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "План работы учреждений физической культуры и спорта с 28 февраля по 3 марта 2024 года",
        ("",),
        [
            ("28 февраля - 18:00 - Спортивно-массовое мероприятие «Ретро Лыжня 2024».",),
            (
                "29 февраля - 14:00-20:00; 1-2 марта - 10.00-18:00; 3 марта - 10:00-14:00 - Краевые"
                " соревнования по баскетболу.",
            ),
            ("2 марта - 10:00-14:00 - Всероссийская массовая лыжная гонка «Лыжня России».",),
        ],
    )
    assert [item.text[:20] for item in parsed.items] == [
        "Спортивно-массовое м",
        "Краевые соревнования",
        "Всероссийская массов",
    ]
    assert [[o.due for o in item.deadline.occurrences] for item in parsed.items] == [
        [date(2024, 2, 28)],
        [date(2024, 2, 29), date(2024, 3, 2), date(2024, 3, 3)],
        [date(2024, 3, 2)],
    ]


# Imitates https://dszn.tomsk.gov.ru (a department's openness roadmap for 2017-2020, the one
# row the page shows) and a Ministry of Culture plan for 2017 under a line saying the plan for
# 2018 was approved (tests/data/real_plans/minkultury_openness_plan_2017.json).
@pytest.mark.parametrize("fmt", FORMATS)
def test_one_row_under_srok_is_a_plan_and_a_sentence_naming_another_plan_is_no_title(
    fmt: str,
) -> None:
    data = BUILDERS[fmt](
        "Ведомственный план Минкультуры России по реализации Концепции открытости на 2017 год",
        ("№ п/п", "Механизм (инструмент) открытости", "Стадия развития", "Срок", "Отметка"),
        [
            (
                "1.",
                "Размещение на официальном сайте порядка доступа к информации",
                "1",
                "постоянно",
                "",
            )
        ],
    )
    if fmt == "docx":
        document = Document(io.BytesIO(data))
        note = document.paragraphs[0].insert_paragraph_before(
            "Приказом Минкультуры России от 28.03.2018 N 366 утвержден ведомственный план"
            " Минкультуры России по реализации Концепции открытости на 2018 год."
        )
        assert note.text
        buffer = io.BytesIO()
        document.save(buffer)
        data = buffer.getvalue()
    elif fmt == "txt":
        data = (
            "Приказом Минкультуры России от 28.03.2018 N 366 утвержден ведомственный план"
            " Минкультуры России по реализации Концепции открытости на 2018 год.\n"
        ).encode() + data
    parsed = parse_document(read_document(data, f"plan.{fmt}"), reference=TODAY)
    assert [item.text for item in parsed.items] == [
        "Размещение на официальном сайте порядка доступа к информации"
    ]
    if fmt != "xlsx":
        assert parsed.period is not None
        assert parsed.period.end == date(2017, 12, 31)
    assert _dues(parsed) == [date(2017, 12, 31)]


# Imitates https://romashki.volgogradschool.ru/file/card?id=348 (a school's assessment
# schedule, 2022-2023) and https://starmuzey.ru/index/0-30 (a museum's plan, 2023): under a
# month row, «По графику предметных олимпиад» is that month's; «по запросу» stays on demand.
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_schedule_kept_elsewhere_under_a_month_row_is_that_month(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "График оценочных процедур на 2022-2023 уч.г.",
        ("№ п/п", "Наименование оценочной процедуры", "Дата проведения", "Ответственные"),
        [
            Section(("Октябрь", "", "", "")),
            ("1.", "Входные комплексные диагностические работы", "10.10-14.10.2022", "Отв. за УВР"),
            (
                "2.",
                "Внутришкольные олимпиады по русскому языку",
                "По графику\nпредметных\nолимпиад",
                "Отв. за УВР",
            ),
            ("3.", "Экскурсия «Быт и история казачества»", "по запросу", "Смотритель"),
        ],
    )
    assert _dues(parsed) == [date(2022, 10, 14), date(2022, 10, 31), None]
    assert parsed.items[1].deadline.text == "По графику\nпредметных\nолимпиад"
    assert parsed.items[2].deadline.kind is DeadlineKind.UNSCHEDULED


# Imitates https://igsu.ranepa.ru/abiturient/p69156/ (an admission calendar, 2018): «Начало
# приема документов | Окончание приема документов», the end the due day; «Форма обучения
# Срок обучения» is how long, not when.
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_end_of_a_window_is_the_deadline_and_a_course_length_is_none(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "Календарь поступающего в магистратуру на 2018 год",
        (
            "Форма обучения Срок обучения",
            "Основа обучения",
            "Начало приема документов",
            "Окончание приема документов",
        ),
        [
            ("Очная 2 года", "бюджет договор", "14 мая", "13 августа"),
            ("Заочная 2 года 5 мес.", "бюджет договор", "14 мая 14 мая", "7 сентября 9 ноября"),
        ],
    )
    assert [item.text for item in parsed.items] == ["Очная 2 года", "Заочная 2 года 5 мес."]
    assert [[o.due for o in item.deadline.occurrences] for item in parsed.items] == [
        [date(2018, 8, 13)],
        [date(2018, 9, 7), date(2018, 11, 9)],
    ]


# Imitates https://shimkus-yantik.edu21.cap.ru (a school's labour-protection month, April
# 2010): «первая неделя», «вторая неделя» with no month, in a plan of one month.
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_week_with_no_month_in_a_plan_of_one_month_is_that_week_of_it(fmt: str) -> None:
    parsed = _parse(
        fmt,
        "План проведения месячника по охране труда на апрель 2010 года",
        ("п/п", "Мероприятия", "Сроки", "Ответственные"),
        [
            ("1", "Проверка состояния работы по охране труда", "первая неделя", "Директор"),
            ("2", "Проверка наличия инструкций по охране труда", "вторая неделя", "Завхоз"),
        ],
    )
    assert _dues(parsed) == [date(2010, 4, 7), date(2010, 4, 14)]


# A PDF of the Малые Дорки school's calendar (tests/data/real_plans/
# malodory_primary_calendar_2025.json) prints its title «… НА 2025-» on one line and «2026
# УЧЕБНЫЙ ГОД 1-4 КЛАССЫ» on the next: one title, its school year the plan's period.
@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_a_title_broken_after_a_year_and_a_dash_goes_on_in_the_next_paragraph(fmt: str) -> None:
    title = [
        "КАЛЕНДАРНЫЙ ПЛАН ВОСПИТАТЕЛЬНОЙ РАБОТЫ ШКОЛЫ НА 2025-",
        "2026 УЧЕБНЫЙ ГОД 1-4 КЛАССЫ",
    ]
    rows = [
        ("№", "Дела, события, мероприятия", "Сроки", "Ответственные"),
        ("1", "Торжественная линейка «День знаний»", "1 сентября", "Зам. директора по ВР"),
        ("2", "Выставка рисунков «Здравствуй, школа»", "май", "Классные руководители"),
    ]
    parsed = _parse_title_lines(fmt, title, rows)
    assert parsed.period is not None
    assert (parsed.period.start, parsed.period.end) == (date(2025, 9, 1), date(2026, 8, 31))
    assert _dues(parsed) == [date(2025, 9, 1), date(2026, 5, 31)]


# Imitates https://vpr.sdamgia.ru (ВПР-2026 periods): the period merged down over all rows,
# the class over its block; saved as text, the rows under a class hold only their subject.
def test_rows_of_text_only_under_merged_cells_of_a_text_table_are_items_not_headings() -> None:
    text = (
        "Расписание ВПР-2026\n\n"
        "Период проведения\tКласс\tУчебный предмет\n"
        "С 20 апреля по 20 мая\t4\tРусский язык\n"
        "\t\tМатематика\n"
        "\t\tОкружающий мир\n"
        "\t5\tРусский язык\n"
        "\t\tМатематика\n"
        "\t\tИстория\n"
    )
    parsed = parse_document(read_document(text.encode("utf-8"), "plan.txt"), reference=TODAY)
    assert [item.text for item in parsed.items] == [
        "Русский язык",
        "Математика",
        "Окружающий мир",
        "Русский язык",
        "Математика",
        "История",
    ]
    assert parsed.sections == []


def test_one_row_of_text_only_in_a_text_table_still_heads_the_rows_under_it() -> None:
    text = (
        "План работы на 2022 год\n\n"
        "№\tМероприятие\tСрок\n"
        "\tОрганизационная работа\t\n"
        "1\tЗаседание совета\tмарт\n"
        "\tРабота с кадрами\t\n"
        "2\tСеминар\tапрель\n"
    )
    parsed = parse_document(read_document(text.encode("utf-8"), "plan.txt"), reference=TODAY)
    assert [(item.section, item.text) for item in parsed.items] == [
        ("Организационная работа", "Заседание совета"),
        ("Работа с кадрами", "Семинар"),
    ]
