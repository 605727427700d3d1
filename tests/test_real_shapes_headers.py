"""Table shapes of real plans with merged cells: headers over two rows (wrapped header words,
a «Срок» group with sub-columns, an «Исполнение» group over «Срок | Ответственный»), a topic
column that groups the rows under it, and a date or executors written once for a block of rows.

Each table is built as DOCX and XLSX with real merged cells and as tab-separated text (where a
merged cell leaves the cells it covers empty, as a text copy of a Word table does), and each
shape names the public document it imitates (short excerpts, reworded).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

import pytest
from docx import Document
from openpyxl import Workbook

from bot.domain.documents import ParsedDocument
from bot.domain.parsing import parse_document
from bot.domain.readers import read_document
from bot.domain.readers.base import Paragraph
from bot.jsonout import render_warning

TODAY = date(2024, 2, 1)
FORMATS = ("docx", "xlsx", "txt")
# A cell merged with the cell on its left (H) or above it (V).
H, V = "\x00H", "\x00V"
Grid = Sequence[Sequence[str]]


def _anchor(grid: Grid, r: int, c: int) -> tuple[int, int]:
    while grid[r][c] in (H, V):
        r, c = (r, c - 1) if grid[r][c] == H else (r - 1, c)
    return r, c


def _docx(title: str, grid: Grid) -> bytes:
    document = Document()
    document.add_paragraph(title)
    table = document.add_table(rows=len(grid), cols=len(grid[0]))
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text not in (H, V):
                table.cell(r, c).text = text
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text in (H, V):
                ar, ac = _anchor(grid, r, c)
                merged = table.cell(ar, ac).merge(table.cell(r, c))
                merged.text = grid[ar][ac]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xlsx(title: str, grid: Grid) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.cell(1, 1, title)
    top = 3  # a blank row between the title and the table
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text not in (H, V) and text:
                sheet.cell(top + r, c + 1, text)
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text in (H, V):
                ar, ac = _anchor(grid, r, c)
                sheet.merge_cells(
                    start_row=top + ar, start_column=ac + 1, end_row=top + r, end_column=c + 1
                )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _txt(title: str, grid: Grid) -> bytes:
    lines = [title, ""]
    # A line break inside a cell is written «<br>», as the text copies of Word tables do.
    lines += [
        "\t".join("" if text in (H, V) else text.replace("\n", "<br>") for text in row)
        for row in grid
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


BUILDERS = {"docx": _docx, "xlsx": _xlsx, "txt": _txt}


def _parse(fmt: str, title: str, grid: Grid) -> ParsedDocument:
    data = BUILDERS[fmt](title, grid)
    return parse_document(read_document(data, f"plan.{fmt}"), reference=TODAY)


def _dues(parsed: ParsedDocument) -> list[date | None]:
    return [
        item.deadline.occurrences[-1].due if item.deadline.occurrences else None
        for item in parsed.items
    ]


def _codes(parsed: ParsedDocument) -> list[str]:
    return [w.code for w in parsed.warnings]


# Imitates the header of https://docs.cntd.ru/document/801403650 (план мероприятий: «N / п/п»,
# «Наименование / мероприятия», «Срок / исполнения», «Ответственный / исполнитель», each header
# wrapped onto a second row), with rows of a college plan.
WRAPPED_TITLE = "План мероприятий по развитию кластера на 2024 год"
WRAPPED: list[list[str]] = [
    ["N", "Наименование", "Срок", "Ответственный"],
    ["п/п", "мероприятия", "исполнения", "исполнитель"],
    ["1.", "Заседание координационного совета кластера", "I квартал", "Председатель КС"],
    ["2.", "Мониторинг трудоустройства выпускников", "до 01.07.2024", "Руководители ПОО"],
    ["3.", "Отчёт о реализации плана", "декабрь", "Секретарь КС"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_header_words_wrapped_onto_a_second_row_are_one_header_not_an_item(fmt: str) -> None:
    parsed = _parse(fmt, WRAPPED_TITLE, WRAPPED)
    assert [item.number for item in parsed.items] == ["1", "2", "3"]
    assert [item.text for item in parsed.items] == [row[1] for row in WRAPPED[2:]]
    assert [item.executors_text for item in parsed.items] == [row[3] for row in WRAPPED[2:]]
    assert _dues(parsed) == [date(2024, 3, 31), date(2024, 7, 1), date(2024, 12, 31)]
    assert parsed.sections == []
    assert "warn-row-without-number" not in _codes(parsed)


# Imitates the «Сроки реализации: начало | окончание» header of regional «дорожная карта»
# tables (e.g. https://docs.cntd.ru/document/424080340, a header group over sub-columns): the
# deadline people are held to is the end; the header repeats after a page break.
STARTS_TITLE = "Дорожная карта образовательно-производственного кластера на 2024 год"
STARTS: list[list[str]] = [
    ["№", "Мероприятие", "Срок реализации", H, "Ответственные"],
    [V, V, "начало", "окончание", V],
    ["1", "Разработка программ стажировок", "01.02.2024", "30.04.2024", "Руководители ПОО"],
    ["2", "Закупка оборудования мастерских", "март", "сентябрь", "Директор ЦОПП"],
    ["№", "Мероприятие", "Срок реализации", H, "Ответственные"],
    [V, V, "начало", "окончание", V],
    ["3", "Итоговая конференция кластера", "ноябрь", "декабрь", "Председатель КС"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_deadline_group_over_start_and_end_takes_the_end(fmt: str) -> None:
    parsed = _parse(fmt, STARTS_TITLE, STARTS)
    assert [item.number for item in parsed.items] == ["1", "2", "3"]
    assert [item.text for item in parsed.items] == [
        "Разработка программ стажировок",
        "Закупка оборудования мастерских",
        "Итоговая конференция кластера",
    ]
    assert [item.deadline.text for item in parsed.items] == ["30.04.2024", "сентябрь", "декабрь"]
    assert _dues(parsed) == [date(2024, 4, 30), date(2024, 9, 30), date(2024, 12, 31)]
    assert [item.executors_text for item in parsed.items] == [
        "Руководители ПОО",
        "Директор ЦОПП",
        "Председатель КС",
    ]
    assert parsed.sections == []


# Imitates plans whose header groups «Срок» and «Ответственный» under «Исполнение» and gives the
# «Отметка о выполнении» as «план | факт» (a school's «план-график» layout).
GROUP_TITLE = "План работы методического совета колледжа на 2023-2024 учебный год"
GROUP: list[list[str]] = [
    ["№ п/п", "Содержание работы", "Исполнение", H, "Выполнение"],
    [V, V, "Срок", "Ответственный", "факт"],
    ["1", "Утверждение плана работы методического совета", "сентябрь", "Методист", ""],
    ["2", "Смотр-конкурс методических разработок", "февраль", "Зам. директора по УМР", ""],
    ["3", "Итоги работы за учебный год", "июнь", "Председатель МС", ""],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_group_header_over_deadline_and_executors_names_both_columns(fmt: str) -> None:
    parsed = _parse(fmt, GROUP_TITLE, GROUP)
    assert [item.number for item in parsed.items] == ["1", "2", "3"]
    assert [item.executors_text for item in parsed.items] == [
        "Методист",
        "Зам. директора по УМР",
        "Председатель МС",
    ]
    assert _dues(parsed) == [date(2023, 9, 30), date(2024, 2, 29), date(2024, 6, 30)]


# Imitates the plans of methodical associations (e.g. «План работы ШМО … Тема заседания |
# Рассматриваемые вопросы | Сроки | Ответственные»), where one meeting's topic is merged down
# over the rows of its questions, each with its own date and speaker.
TOPIC_TITLE = "План работы методического объединения на 2023/2024 учебный год"
TOPIC: list[list[str]] = [
    ["№", "Тема заседания", "Рассматриваемые вопросы", "Сроки", "Ответственные"],
    [
        "1",
        "Заседание № 1. Организация работы",
        "Утверждение плана работы МО",
        "сентябрь",
        "Руководитель МО",
    ],
    ["2", V, "Корректировка рабочих программ", "сентябрь", "Преподаватели"],
    [
        "3",
        "Заседание № 2. Промежуточная аттестация",
        "Итоги первого полугодия",
        "январь",
        "Руководитель МО",
    ],
    ["4", V, "Подготовка к демонстрационному экзамену", "февраль", "Мастера п/о"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_topic_merged_over_its_rows_is_a_section_and_each_row_stays_an_item(fmt: str) -> None:
    parsed = _parse(fmt, TOPIC_TITLE, TOPIC)
    assert [item.number for item in parsed.items] == ["1", "2", "3", "4"]
    assert [item.text for item in parsed.items] == [
        "Утверждение плана работы МО",
        "Корректировка рабочих программ",
        "Итоги первого полугодия",
        "Подготовка к демонстрационному экзамену",
    ]
    assert [s.title for s in parsed.sections] == [
        "Заседание № 1. Организация работы",
        "Заседание № 2. Промежуточная аттестация",
    ]
    assert [item.section for item in parsed.items] == [
        "Заседание № 1. Организация работы",
        "Заседание № 1. Организация работы",
        "Заседание № 2. Промежуточная аттестация",
        "Заседание № 2. Промежуточная аттестация",
    ]
    assert _dues(parsed) == [
        date(2023, 9, 30),
        date(2023, 9, 30),
        date(2024, 1, 31),
        date(2024, 2, 29),
    ]


# Imitates https://docs.cntd.ru/document/424080340 («Дошкольное образование» rows and a date
# written once, merged down over the rows of one step) and cluster plans where «Руководители
# ПОО» is merged over a block: in a text copy the covered cells are empty.
BLOCK_TITLE = "План работы образовательного кластера на 2024 год"
BLOCK: list[list[str]] = [
    ["№ п/п", "Наименование мероприятия", "Срок исполнения", "Исполнители"],
    ["1", "Анализ потребности предприятий в кадрах", "январь-февраль", "Руководители ПОО"],
    ["2", "Формирование заявок на целевое обучение", V, V],
    ["3", "Заключение договоров о целевом обучении", V, "Работодатели"],
    ["4", "Проведение ярмарки вакансий", "апрель", "Центр карьеры"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_date_written_once_for_a_block_of_rows_is_the_deadline_of_each(fmt: str) -> None:
    parsed = _parse(fmt, BLOCK_TITLE, BLOCK)
    assert [item.number for item in parsed.items] == ["1", "2", "3", "4"]
    assert _dues(parsed) == [
        date(2024, 2, 29),
        date(2024, 2, 29),
        date(2024, 2, 29),
        date(2024, 4, 30),
    ]
    assert [item.executors_text for item in parsed.items] == [
        "Руководители ПОО",
        "Руководители ПОО",
        "Работодатели",
        "Центр карьеры",
    ]
    carried = [w for w in parsed.warnings if w.code == "warn-carried-down"]
    if fmt == "txt":
        # No merge is recorded in text: the preview says which rows took the cell above.
        assert len(carried) == 1
        said = render_warning(carried[0])
        assert "2, 3" in said
        assert "из строки выше" in said
    else:
        assert carried == []


# A plan where most rows have no date: an empty deadline cell means no date, not «as above».
SPARSE: list[list[str]] = [
    ["№ п/п", "Наименование мероприятия", "Срок исполнения", "Исполнители"],
    ["1", "Разработка положения о кластере", "январь", "Секретарь КС"],
    ["2", "Консультации для работодателей", "", "Методист ЦОПП"],
    ["3", "Участие в отраслевых выставках", "", "Руководители ПОО"],
    ["4", "Освещение работы кластера в СМИ", "", "Пресс-служба"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_in_a_mostly_undated_column_an_empty_cell_is_not_taken_from_above(fmt: str) -> None:
    parsed = _parse(fmt, BLOCK_TITLE, SPARSE)
    assert _dues(parsed) == [date(2024, 1, 31), None, None, None]
    assert "warn-carried-down" not in _codes(parsed)


# Imitates a Горно-Алтайск «итоговое сочинение» schedule (issue 12 acceptance set,
# tests/data/real_plans/gorno_altaisk_final_essay_2021.json): three «Дата» columns — the main
# day and the extra ones — each a day the item is due, under one header or three.
DAYS_TITLE = "План-график проведения итогового сочинения в 2021/2022 учебном году"
DAYS_SPREAD: list[list[str]] = [
    ["Мероприятие", "Место", "Дата", "Дата", "Дата"],
    [
        "Проведение итогового сочинения",
        "Школы города",
        "1 декабря 2021",
        "2 февраля 2022",
        "4 мая 2022",
    ],
    [
        "Подача заявлений на участие",
        "Школы города",
        "до 17 ноября 2021",
        "до 19 января 2022",
        "до 20 апреля 2022",
    ],
]
DAYS_MERGED: list[list[str]] = [["Мероприятие", "Место", "Дата", H, H], *DAYS_SPREAD[1:]]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("grid", [DAYS_SPREAD, DAYS_MERGED], ids=["three-headers", "one-merged"])
def test_several_date_columns_give_each_item_every_day(fmt: str, grid: Grid) -> None:
    parsed = _parse(fmt, DAYS_TITLE, grid)
    assert len(parsed.items) == 2
    assert [[o.due for o in item.deadline.occurrences] for item in parsed.items] == [
        [date(2021, 12, 1), date(2022, 2, 2), date(2022, 5, 4)],
        [date(2021, 11, 17), date(2022, 1, 19), date(2022, 4, 20)],
    ]


# Imitates a Кировск plan (tests/data/real_plans/kirovsk_summer_camps_2005.json): a plan by
# months whose table opens with the month row («ИЮНЬ») and has no deadline column.
MONTH_OPENS: list[list[str]] = [
    ["N", "Мероприятия", "Кол-во лагерей", "Ответственные"],
    ["ИЮНЬ", H, H, H],
    ["1.", "Оздоровительные лагеря дневного пребывания при школах", "18", "МУО, директора ОУ"],
    ["2.", "Лагерь труда и отдыха", "1", "Директор ЦСОН"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_month_row_opening_the_table_dates_the_rows_under_it(fmt: str) -> None:
    parsed = _parse(fmt, "План летнего отдыха детей в 2005 году", MONTH_OPENS)
    assert [item.number for item in parsed.items] == ["1", "2"]
    assert _dues(parsed) == [date(2005, 6, 30), date(2005, 6, 30)]


# Imitates https://kosh.roo-pinsk.gov.by/…/document-17393.html: a plan whose title names no
# year, approved on 09.10.2018, for work that began on 01.10: the approval month's days are
# that year's.
APPROVED: list[list[str]] = [
    ["№ п/п", "Наименование мероприятия", "Дата проведения", "Ответственные"],
    ["1", "Подготовка и утверждение плана месячника", "01.10", "Попова И.А."],
    ["2", "Акция «Забота»", "03.10\n10.10", "Симоновец Т.И."],
    ["3", "Акция «Украсим Беларусь цветами»", "02.10 -\n31.10", "Шолтанюк Л.В."],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_plan_dated_in_its_month_reads_that_months_days_in_its_year(fmt: str) -> None:
    data = BUILDERS[fmt]("План мероприятий по благоустройству территории", APPROVED)
    raw = read_document(data, f"plan.{fmt}")
    raw = type(raw)(
        (Paragraph("УТВЕРЖДАЮ"), Paragraph("«09» октября 2018 г."), *raw.blocks),
        raw.source_format,
    )
    parsed = parse_document(raw, reference=TODAY)
    assert parsed.date == date(2018, 10, 9)
    assert [[o.due for o in item.deadline.occurrences] for item in parsed.items] == [
        [date(2018, 10, 1)],
        [date(2018, 10, 3), date(2018, 10, 10)],
        [date(2018, 10, 31)],
    ]


# Imitates https://docs.cntd.ru/document/462601870/titles/56KR1H (план-график по кварталам):
# «Срок реализации мероприятия» over one column per quarter, an «х» where the item is due,
# «-» where it is not, a numbering row under the header.
GRID_TITLE = "План-график реализации мероприятий по модернизации образования на 2013 год"
GRID: list[list[str]] = [
    ["Наименование мероприятия", "Срок реализации мероприятия", H, H, H, "Ответственный"],
    [V, "I квартал 2013 г.", "II квартал 2013 г.", "III квартал 2013 г.", "IV квартал 2013 г.", V],
    ["1", "2", "3", "4", "5", "6"],
    [
        "1. Аналитические заседания по проекту модернизации",
        "х",
        "х",
        "х",
        "х",
        "Министерство образования",
    ],
    [
        "2. Рассмотрение вопросов на заседании Правительства",
        "х",
        "-",
        "-",
        "-",
        "Министерство образования",
    ],
    ["3. Отчёт о реализации проекта", "-", "-", "-", "до 20.12.2013", "Министерство образования"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_grid_of_quarters_gives_each_item_the_quarters_marked(fmt: str) -> None:
    parsed = _parse(fmt, GRID_TITLE, GRID)
    assert [item.number for item in parsed.items] == ["1", "2", "3"]
    assert [[o.due for o in item.deadline.occurrences] for item in parsed.items] == [
        [date(2013, 3, 31), date(2013, 6, 30), date(2013, 9, 30), date(2013, 12, 31)],
        [date(2013, 3, 31)],
        [date(2013, 12, 20)],
    ]
    assert [item.executors_text for item in parsed.items] == ["Министерство образования"] * 3


# Imitates https://school23.rooborisov.by/weekend/2021-03-06: a programme of one day named in
# the title, the «Время и место проведения» column holding only hours and rooms.
DAY_TITLE = "План проведения шестого школьного дня на 6 марта 2021 года"
DAY: list[list[str]] = [
    ["Наименование мероприятия", "Время и место проведения", "Ответственный"],
    ["Работа школы раннего развития", "10.00", "Волчанина Т.В."],
    ["Игра-путешествие «Моя страна, мой город»", "10.00\n229 кабинет", "Сермяжко Т.С."],
    ["Мастер-класс «Подарок маме»", "11.00\n104 кабинет", "Гапанович Э.О."],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_programme_of_one_day_is_due_on_the_day_its_title_names(fmt: str) -> None:
    parsed = _parse(fmt, DAY_TITLE, DAY)
    assert len(parsed.items) == 3
    assert _dues(parsed) == [date(2021, 3, 6)] * 3
    assert [item.deadline.text for item in parsed.items] == [row[1] for row in DAY[1:]]


# Imitates https://github.com/Purt09/army/blob/master/frontend/views/time/plan/yms.php: the day
# is written once in a row across the table («26 августа 2020 г. …»), «Время» holds hours, and
# the header repeats under the second day.
DAYS_ROWS_TITLE = "План проведения учебно-методического сбора факультета"
DAYS_ROWS: list[list[str]] = [
    ["№ п/п", "Мероприятие", "Время", "Ответственный исполнитель"],
    ["26 августа 2020 г. Учебно-методический сбор факультета", H, H, H],
    ["1.", "Вступительное слово начальника факультета", "14.00-14.10", "полковник Котенок А.А."],
    ["2.", "Доклад об успеваемости в весеннем семестре", "14.10-14.30", "полковник Дудин Е.А."],
    ["27 августа 2020 г. Работа кафедр", H, H, H],
    ["№ п/п", "Мероприятие", "Время", "Ответственный исполнитель"],
    ["1.", "Заседания кафедр", "09.00-12.00", "Начальники кафедр"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_day_written_once_across_the_table_is_the_day_of_the_rows_under_it(fmt: str) -> None:
    parsed = _parse(fmt, DAYS_ROWS_TITLE, DAYS_ROWS)
    assert [item.text for item in parsed.items] == [
        "Вступительное слово начальника факультета",
        "Доклад об успеваемости в весеннем семестре",
        "Заседания кафедр",
    ]
    assert _dues(parsed) == [date(2020, 8, 26), date(2020, 8, 26), date(2020, 8, 27)]


# https://kosh.roo-pinsk.gov.by/…/document-17393.html again: a «№ п/п» column left empty in
# every row. Each row is an item numbered in order (said once), not «б/н 1», «б/н 2», ….
EMPTY_NUMBERS: list[list[str]] = [
    ["№ п/п", "Наименование мероприятия", "Дата проведения", "Ответственные"],
    ["", "Подготовка и утверждение плана месячника", "01.10.2018", "Попова И.А."],
    ["", "Акция «Забота»", "03.10.2018", "Симоновец Т.И."],
    ["", "Акция «Украсим Беларусь цветами»", "31.10.2018", "Шолтанюк Л.В."],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_number_column_empty_in_every_row_numbers_the_rows_in_order(fmt: str) -> None:
    parsed = _parse(fmt, "План мероприятий месячника на 2018 год", EMPTY_NUMBERS)
    assert [item.number for item in parsed.items] == ["1", "2", "3"]
    assert all(item.numbered_by_order for item in parsed.items)
    assert _codes(parsed).count("warn-numbered-by-order") == 1
    assert "warn-row-without-number" not in _codes(parsed)


# Imitates the «Место и дата проведения» column of a Novosibirsk plan (распоряжение мэра от
# 19.05.2003 N 920-р, tests/data/real_plans/novosibirsk_russia_day_2003.json): the place, then
# the days. The days are the deadline; the place stays with the item's text.
PLACE: list[list[str]] = [
    ["N п.", "Наименование мероприятия", "Место и дата проведения", "Ответственный за исполнение"],
    [
        "1",
        "Праздничные концерты",
        "Учреждения дополнительного образования 10 - 12 июня 2003 г.",
        "Руководители учреждений",
    ],
    ["2", "Встречи с ветеранами", "Образовательные учреждения", "Руководители учреждений"],
    ["3", "Выставка литературы", "9 - 11 июня 2003 г., библиотеки школ", "Руководители учреждений"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_place_and_date_column_gives_the_days_and_keeps_the_place(fmt: str) -> None:
    parsed = _parse(fmt, "План мероприятий, посвященных Дню России", PLACE)
    assert _dues(parsed) == [date(2003, 6, 12), None, date(2003, 6, 11)]
    assert [item.text for item in parsed.items] == [
        "Праздничные концерты (Учреждения дополнительного образования)",
        "Встречи с ветеранами",
        "Выставка литературы (библиотеки школ)",
    ]
    assert [item.deadline.text for item in parsed.items] == [
        "10 - 12 июня 2003 г.",
        "Образовательные учреждения",
        "9 - 11 июня 2003 г.",
    ]


# https://dcrr-poreche.schools.by/pages/plan-raboty-popechitelskogo-soveta-na-2022-2023-
# uchebnyj-god: meeting № 3 has a date and who holds it, but no agenda yet.
NO_AGENDA: list[list[str]] = [
    ["№ п/п", "Содержание работы", "Сроки проведения", "Ответственные"],
    ["Общие собрания попечительского совета", H, H, H],
    ["1", "Итоги подготовки учреждения к новому учебному году", "Сентябрь, 2022", "Заведующий"],
    ["2", "Отчёт о работе за первое полугодие", "Декабрь, 2022", "Председатель совета"],
    ["3", "", "Март, 2023", "Заведующий"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_dated_row_without_text_is_the_sections_event_and_the_preview_says_so(
    fmt: str,
) -> None:
    parsed = _parse(fmt, "План работы попечительского совета на 2022/2023 учебный год", NO_AGENDA)
    assert [item.number for item in parsed.items] == ["1", "2", "3"]
    assert parsed.items[2].text == "Общие собрания попечительского совета"
    assert _dues(parsed)[2] == date(2023, 3, 31)
    said = [render_warning(w) for w in parsed.warnings if w.code == "warn-text-from-section"]
    assert said == [
        "Пункт 3: текст мероприятия не указан — записал название раздела "
        "«Общие собрания попечительского совета». Уточните его после импорта."
    ]


def test_an_approval_block_typed_above_the_title_without_a_blank_line_is_not_the_title() -> None:
    text = (
        "УТВЕРЖДАЮ\nДиректор школы\n«28» октября 2021 г\n"
        "План проведения школьного дня на 30 октября 2021 года\n\n"
        "Наименование мероприятия\tВремя и место проведения\tОтветственный\n"
        "Кроссворд «Знакомство с земляками»\t10.00<br>103 кабинет\tИванова Т.П.\n"
    )
    parsed = parse_document(read_document(text.encode(), "plan.txt"), reference=TODAY)
    assert parsed.title == "План проведения школьного дня на 30 октября 2021 года"
    assert _dues(parsed) == [date(2021, 10, 30)]


# Imitates the plan of the Year of Memory and Glory in Crimea (распоряжение Совета министров
# Республики Крым от 28.01.2020 N 22-р, tests/data/real_plans/crimea_memory_year_2020.json): a
# numbered lead-in «Проведение всероссийских акций:» with no date, its number and executors
# merged down over the dated actions under it.
LEAD_IN: list[list[str]] = [
    ["N", "Мероприятие", "Срок исполнения", "Исполнитель"],
    ["1.", "Разработка и утверждение планов", "до 15 февраля 2020 года", "Органы самоуправления"],
    ["2.", "Проведение всероссийских акций:", "", "Госкомитет молодежной политики"],
    [V, "«Снежный десант»", "январь - март 2020 года", V],
    [V, "«Культурный минимум»", "май 2020 года", V],
    ["3.", "Издание книги памяти", "декабрь 2020 года", "Министерство культуры"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_lead_in_with_a_colon_heads_the_dated_rows_under_it(fmt: str) -> None:
    parsed = _parse(fmt, "План мероприятий Года памяти и славы в 2020 году", LEAD_IN)
    assert [(item.number, item.text) for item in parsed.items] == [
        ("1", "Разработка и утверждение планов"),
        ("2.1", "«Снежный десант»"),
        ("2.2", "«Культурный минимум»"),
        ("3", "Издание книги памяти"),
    ]
    assert [item.section for item in parsed.items] == [
        None,
        "2. Проведение всероссийских акций",
        "2. Проведение всероссийских акций",
        None,
    ]
    assert [item.executors_text for item in parsed.items][1:3] == [
        "Госкомитет молодежной политики"
    ] * 2
    assert _dues(parsed) == [
        date(2020, 2, 15),
        date(2020, 3, 31),
        date(2020, 5, 31),
        date(2020, 12, 31),
    ]


# Imitates https://base.garant.ru/48657532/53f89421bbdaf741eb2d1ecc4ddb4c33 (план на 2018 - 2019
# годы): the rows under «Мероприятия на 2018 год» run in 2018, those under «… на 2019 год» in
# 2019, though the plan's period is both years.
YEARS: list[list[str]] = [
    ["N", "Наименование мероприятия", "Срок проведения", "Ответственный исполнитель"],
    ["Мероприятия на 2018 год", H, H, H],
    ["1.", "Размещение социальных роликов", "в течение года", "Министерство"],
    ["2.", "Выставка к Дню Победы", "май", "Национальная библиотека"],
    ["Мероприятия на 2019 год", H, H, H],
    ["3.", "Конференция по истории края", "в течение года", "Министерство"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_section_naming_its_year_dates_its_rows_in_that_year(fmt: str) -> None:
    parsed = _parse(fmt, "План мероприятий на 2018 - 2019 годы", YEARS)
    assert [s.title for s in parsed.sections] == [
        "Мероприятия на 2018 год",
        "Мероприятия на 2019 год",
    ]
    assert _dues(parsed) == [date(2018, 12, 31), date(2018, 5, 31), date(2019, 12, 31)]


# A «циклограмма» as methodical offices keep them (e.g. https://examum.ru/kak-sostavit-
# cziklogrammu-raboty-pedagoga): one column per month, a «+» in the months an activity is held.
CYCLOGRAM: list[list[str]] = [
    ["№", "Мероприятие", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь", "Ответственный"],
    ["1", "Заседание методического совета", "+", "", "+", "", "Методист"],
    ["2", "Мониторинг посещаемости", "+", "+", "+", "+", "Кураторы"],
    ["3", "Открытые уроки", "", "+", "", "", "Преподаватели"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_cyclogram_of_months_gives_each_item_its_marked_months(fmt: str) -> None:
    parsed = _parse(
        fmt, "Циклограмма работы методического кабинета на 2023-2024 учебный год", CYCLOGRAM
    )
    assert [[o.due for o in item.deadline.occurrences] for item in parsed.items] == [
        [date(2023, 9, 30), date(2023, 11, 30)],
        [date(2023, 9, 30), date(2023, 10, 31), date(2023, 11, 30), date(2023, 12, 31)],
        [date(2023, 10, 31)],
    ]
    assert [item.executors_text for item in parsed.items] == [
        "Методист",
        "Кураторы",
        "Преподаватели",
    ]


# Imitates the «Радонеж» gymnasium's plan of events (tests/data/real_plans/
# radonezh_gymnasium_extracurricular_2022.json): month rows «СЕНТЯБРЬ 2022 г», then only the day
# in the date column («1», «20-25»), and a row of text only that is that month's event.
DAYS_OF_MONTH: list[list[str]] = [
    ["Дата", "Мероприятие", "Ответственные"],
    ["СЕНТЯБРЬ 2022 г", H, H],
    ["1", "Торжественная линейка", "Классные руководители"],
    ["20-25", "Неделя безопасности", "Педагог-организатор"],
    ["ОКТЯБРЬ 2022 г", H, H],
    ["", "Эко-тропа. Битцевский лес.", ""],
    ["19", "Осенний концерт", "Учитель музыки"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_days_under_a_month_row_are_days_of_that_month(fmt: str) -> None:
    parsed = _parse(fmt, "План внеурочной деятельности на 2022-2023 учебный год", DAYS_OF_MONTH)
    assert [item.text for item in parsed.items] == [
        "Торжественная линейка",
        "Неделя безопасности",
        "Эко-тропа. Битцевский лес.",
        "Осенний концерт",
    ]
    assert [[(o.start, o.due) for o in item.deadline.occurrences] for item in parsed.items] == [
        [(None, date(2022, 9, 1))],
        [(date(2022, 9, 20), date(2022, 9, 25))],
        [(date(2022, 10, 1), date(2022, 10, 31))],
        [(None, date(2022, 10, 19))],
    ]


# https://github.com/ShamanKing19/gym40/blob/7f2ae96dfc5a4c3bc0341ee71640fd19f764fe71/students/
# vserossiyskaya-olimpiada-shkolnikov/index.php: subjects written in lowercase, one date merged
# over four rows. In text the rows under the date are empty there, and none is a fragment.
LOWERCASE: list[list[str]] = [
    ["Предмет", "Дата проведения"],
    ["история (4-11 классы)", "26.09.2022 (пн.)"],
    ["французский язык (5-11 классы)", "07.10.2022 (пт.)"],
    ["итальянский язык (5-11 классы)", V],
    ["испанский язык (5-11 классы)", V],
    ["физическая культура (4-8 классы)", "08.10.2022 (сб.)"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_rows_starting_in_lowercase_in_a_lowercase_table_are_not_glued(fmt: str) -> None:
    parsed = _parse(fmt, "График школьного этапа олимпиады в 2022/2023 учебном году", LOWERCASE)
    assert [item.text for item in parsed.items] == [row[0] for row in LOWERCASE[1:]]
    assert _dues(parsed) == [
        date(2022, 9, 26),
        date(2022, 10, 7),
        date(2022, 10, 7),
        date(2022, 10, 7),
        date(2022, 10, 8),
    ]


# https://school15.irk.ru/p/vpr (tests/data/real_plans/irkutsk15_vpr_schedule_2023.json): a
# subject merged down over its days is one item due on each; a «Примечание» column is its note,
# never its text; a subject written again in its own row
# (https://muuo-alyta.ucoz.ru/index/raspisanie_oge2019/0-75) is another item.
SUBJECTS: list[list[str]] = [
    ["Предмет", "Период проведения", "Классы", "Примечание"],
    ["Русский язык", "18.04.2023", "4", "Выполняются задания 1 части проверочной работы."],
    [V, "19.04.2023", "5", ""],
    [V, "20.04.2023", "6", ""],
    ["Математика", "25.04.2023", "4-6", ""],
    ["Математика", "26.04.2023", "7", ""],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_subject_merged_over_its_days_is_one_item_written_twice_two(fmt: str) -> None:
    parsed = _parse(fmt, "График проведения ВПР в 2023 году", SUBJECTS)
    assert [item.text for item in parsed.items] == ["Русский язык", "Математика", "Математика"]
    assert [[o.due for o in item.deadline.occurrences] for item in parsed.items] == [
        [date(2023, 4, 18), date(2023, 4, 19), date(2023, 4, 20)],
        [date(2023, 4, 25)],
        [date(2023, 4, 26)],
    ]
    assert parsed.items[0].notes == ["Выполняются задания 1 части проверочной работы."]


# https://education-26.ru (tests/data/real_plans/stavropol_municipal_olympiad_2022.json): the
# number, day and subject merged down over a row per class; https://sh29-kaliningrad-r27.gosweb.
# gosuslugi.ru: the columns' numbers of a wider table («2 | 4») under the header.
CLASSES: list[list[str]] = [
    ["№", "Дата", "Предмет", "Класс", "Участников"],
    ["2", "4", "", "", ""],
    ["1", "16.11.2022", "Английский язык", "7", "8"],
    [V, V, V, "8", "8"],
    [V, V, V, "9", "6"],
    ["2", "17.11.2022", "Экология", "7-11", "12"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_sub_rows_under_an_item_merged_down_are_not_items_of_their_own(fmt: str) -> None:
    parsed = _parse(fmt, "График муниципального этапа олимпиады 2022/2023 учебного года", CLASSES)
    assert [(item.number, item.text) for item in parsed.items] == [
        ("1", "Английский язык"),
        ("2", "Экология"),
    ]
    assert _dues(parsed) == [date(2022, 11, 16), date(2022, 11, 17)]


# https://sosh1-yaltch.edu21.cap.ru/news/2020/10/19/event_2046008/ (a week of the Russian
# language): the dates «19.10.20» stand in the column headed «п/п».
DATES_UNDER_NUMBER: list[list[str]] = [
    ["п/п", "Мероприятие", "Ответственные"],
    ["19.10.20", "Открытие недели русского языка", "Учителя русского языка"],
    ["20.10.20", "Конкурс чтецов", "Классные руководители"],
    ["21.10.20", "Викторина «Знатоки русского языка»", "Учителя начальных классов"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_dates_in_a_column_headed_as_the_numbers_are_the_deadlines(fmt: str) -> None:
    parsed = _parse(fmt, "План недели русского языка на 2020-2021 учебный год", DATES_UNDER_NUMBER)
    assert _dues(parsed) == [date(2020, 10, 19), date(2020, 10, 20), date(2020, 10, 21)]
    assert [item.numbered_by_order for item in parsed.items] == [True] * 3
