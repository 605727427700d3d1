"""Documents nobody here wrote: other column orders and names, DOCX and XLSX, other protocols."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from openpyxl import Workbook
from openpyxl.styles import Font

from bot.domain.deadlines import DeadlineKind
from bot.domain.documents import DocumentKind, ParsedDocument
from bot.domain.parsing import parse_document
from bot.domain.readers import read_document
from bot.errors import DocumentRejected

TODAY = date(2022, 10, 1)


def _parse_text(text: str) -> ParsedDocument:
    return parse_document(read_document(text.encode("utf-8"), "doc.txt"), reference=TODAY)


def _docx(build: object) -> bytes:
    document = Document()
    build(document)  # type: ignore[operator]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _lines_plan(fmt: str, lines: list[str]) -> ParsedDocument:
    """A plan typed as lines, its title first: Word paragraphs, or a text file's lines with a
    blank line under the title."""
    if fmt == "docx":

        def build(document: object) -> None:
            for line in lines:
                document.add_paragraph(line)  # type: ignore[attr-defined]

        return parse_document(read_document(_docx(build), "plan.docx"), reference=TODAY)
    title, *rest = lines
    return _parse_text("\n".join([title, "", *rest]) + "\n")


def test_a_docx_plan_with_merged_section_rows_and_a_table_split_by_a_page_break() -> None:
    def build(document: Document) -> None:
        document.add_paragraph("УТВЕРЖДАЮ")
        document.add_paragraph("Председатель координационного совета")
        document.add_paragraph("И.И. Петров")
        document.add_paragraph("«10» сентября 2022 г.")
        document.add_paragraph(
            "План работы образовательно-отраслевого кластера на 2022/2023 учебный год"
        )
        first = document.add_table(rows=1, cols=5)
        for cell, text in zip(
            first.rows[0].cells,
            [
                "№",
                "Содержание работы",
                "Срок проведения",
                "Ответственные",
                "Форма представления результата",
            ],
            strict=True,
        ):
            cell.text = text
        section = first.add_row()
        merged = section.cells[0].merge(section.cells[4])
        merged.text = "1. Организационная работа"
        merged.paragraphs[0].runs[0].bold = True
        row = first.add_row().cells
        row[0].text, row[1].text, row[2].text, row[3].text, row[4].text = (
            "1.1",
            "Заседание совета",
            "ежеквартально",
            "Секретарь КС",
            "Протокол",
        )
        row = first.add_row().cells
        row[0].text, row[1].text, row[2].text, row[3].text = (
            "1.2",
            "Мониторинг трудоустройства",
            "ноябрь",
            "Директора колледжей",
        )
        row[1].add_paragraph("выпускников 2022 года")  # a line break inside the cell
        document.add_page_break()
        second = document.add_table(rows=1, cols=5)
        cont = second.rows[0].cells
        cont[1].text, cont[4].text = "(по запросу департамента)", "Справка"
        row = second.add_row().cells
        row[0].text, row[1].text, row[2].text, row[3].text = (
            "1.3",
            "Отчет о работе кластера",
            "II полугодие",
            "Председатель КС",
        )

    parsed = parse_document(read_document(_docx(build), "plan.docx"), reference=TODAY)
    assert parsed.kind is DocumentKind.PLAN
    assert parsed.approver == "И.И. Петров"
    assert parsed.date == date(2022, 9, 10)
    assert parsed.period is not None
    assert (parsed.period.start, parsed.period.end) == (date(2022, 9, 1), date(2023, 8, 31))
    assert [i.number for i in parsed.items] == ["1.1", "1.2", "1.3"]
    assert {i.section for i in parsed.items} == {"1. Организационная работа"}
    first, second, third = parsed.items
    assert first.deadline.kind is DeadlineKind.RECURRING
    assert [o.due for o in first.deadline.occurrences] == [
        date(2022, 9, 30),
        date(2022, 12, 31),
        date(2023, 3, 31),
        date(2023, 6, 30),
    ]
    assert first.result == "Протокол"
    assert (
        second.text == "Мониторинг трудоустройства выпускников 2022 года (по запросу департамента)"
    )
    assert second.result == "Справка"
    assert second.deadline.occurrences[0].due == date(2022, 11, 30)
    assert second.executors == ["Директора колледжей"]
    assert third.deadline.kind is DeadlineKind.HALF_YEAR
    assert third.deadline.occurrences[0].due == date(2023, 6, 30)


def test_an_xlsx_plan_on_its_second_sheet_is_found_and_read() -> None:
    workbook = Workbook()
    workbook.active.title = "Титул"
    workbook.active["A1"] = "Кластер машиностроения"
    sheet = workbook.create_sheet("План")
    sheet["A1"] = "План мероприятий кластера на 2023 год"
    sheet.append([])
    sheet.append(
        ["№ п/п", "Мероприятие", "Исполнитель", "Срок", "Результат", "Отметка о выполнении"]
    )
    sheet.append(["Раздел 1. Профориентация"])
    sheet["A4"].font = Font(bold=True)
    sheet.merge_cells("A4:F4")
    sheet.append(
        [1, "Дни открытых дверей", "Руководители ПОО", "март-апрель", "Фотоотчет", "Выполнено."]
    )
    sheet.append(
        [2, "Экскурсии на предприятия", "Руководители ПОО; ЦОПП", date(2023, 5, 20), None, None]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)

    parsed = parse_document(read_document(buffer.getvalue(), "план.xlsx"), reference=TODAY)
    assert parsed.title == "План мероприятий кластера на 2023 год"
    assert [i.number for i in parsed.items] == ["1", "2"]
    assert parsed.items[0].section == "Раздел 1. Профориентация"
    assert parsed.items[0].done
    assert parsed.items[0].deadline.occurrences[0].due == date(2023, 4, 30)
    assert parsed.items[1].executors == ["Руководители ПОО", "ЦОПП"]
    assert parsed.items[1].deadline.kind is DeadlineKind.DATE
    assert parsed.items[1].deadline.occurrences[0].due == date(2023, 5, 20)


def test_columns_in_another_order_with_other_header_words() -> None:
    parsed = _parse_text(
        "План работы кластера на 2022 год\n\n"
        "Срок\tОтветственный исполнитель\tНаименование мероприятия\t№\n"
        "до 01.03.2022\tСекретарь совета\tПодготовить отчет\t1.\n"
        "IV квартал\tРуководители ПОО\tПровести конкурс\t2.\n"
    )
    assert [(i.number, i.text, i.executors) for i in parsed.items] == [
        ("1", "Подготовить отчет", ["Секретарь совета"]),
        ("2", "Провести конкурс", ["Руководители ПОО"]),
    ]
    assert parsed.items[1].deadline.occurrences[0].due == date(2022, 12, 31)


def test_a_markdown_pipe_table() -> None:
    parsed = _parse_text(
        "# План работы кластера на 2022 год\n\n"
        "| № | Мероприятие | Исполнители | Срок |\n"
        "|---|---|---|---|\n"
        "| **1. Кадры** | | | |\n"
        "| 1.1 | Семинар для мастеров | Руководители ПОО | май |\n"
    )
    assert [(i.number, i.section) for i in parsed.items] == [("1.1", "1. Кадры")]
    assert parsed.items[0].deadline.occurrences[0].due == date(2022, 5, 31)


def test_a_protocol_without_markup_with_responsible_lines() -> None:
    parsed = _parse_text(
        "ПРОТОКОЛ № 12\nзаседания координационного совета\nот 14.03.2023\n\n"
        "Повестка:\n1. О плане работы.\n2. Разное.\n\n"
        "ПОСТАНОВИЛИ:\n"
        "1. Утвердить план работы на 2023 год.\n"
        "Ответственный: секретарь совета\nСрок: до 20 марта\n"
        "2. Провести мониторинг трудоустройства.\n"
        "Ответственные: руководители ПОО\nСрок: ежеквартально\n"
    )
    assert parsed.kind is DocumentKind.PROTOCOL
    assert parsed.number == "12"
    assert parsed.date == date(2023, 3, 14)
    assert [i.text for i in parsed.items] == [
        "Утвердить план работы на 2023 год.",
        "Провести мониторинг трудоустройства.",
    ]
    assert parsed.items[0].executors == ["Секретарь совета"]
    assert parsed.items[0].deadline.occurrences[0].due == date(2023, 3, 20)
    assert [o.due for o in parsed.items[1].deadline.occurrences] == [
        date(2023, 3, 31),
        date(2023, 6, 30),
        date(2023, 9, 30),
        date(2023, 12, 31),
    ]


def test_minutes_with_heard_blocks_run_on_labels_and_dates_in_the_decision_itself() -> None:
    """Minutes as councils type them: «СЛУШАЛИ:» before each «РЕШИЛИ:», a decision's «Срок:»
    and «Ответственные:» run on in its own line, the responsible person in brackets, the date
    only in the decision's words, and «РЕШИЛИ: 1. …» on one line."""
    parsed = _parse_text(
        "ПРОТОКОЛ № 3\nзаседания координационного совета кластера\nот 15 февраля 2024 года\n\n"
        "1. СЛУШАЛИ: Иванову Т.П. о ходе реализации плана.\n"
        "РЕШИЛИ:\n"
        "1.1. Информацию принять к сведению.\n"
        "1.2. Представить отчёты о трудоустройстве выпускников. Срок: до 01.03.2024. "
        "Ответственные: руководители ПОО.\n"
        "2. СЛУШАЛИ: Петрова А.А. об участии в чемпионате.\n"
        "ВЫСТУПИЛИ: Сидорова Е.В. предложила провести отбор.\n"
        "РЕШИЛИ: 2.1. Провести отборочные соревнования в марте 2024 года "
        "(ответственный — методист ЦОПП Сидорова Е.В.).\n"
        "2.2. Сформировать команды в срок до 15.04.2024.\n"
    )
    assert parsed.kind is DocumentKind.PROTOCOL
    assert [(i.number, i.text) for i in parsed.items] == [
        ("1.1", "Информацию принять к сведению."),
        ("1.2", "Представить отчёты о трудоустройстве выпускников."),
        ("2.1", "Провести отборочные соревнования в марте 2024 года."),
        ("2.2", "Сформировать команды в срок до 15.04.2024."),
    ]
    assert [i.deadline.text for i in parsed.items] == [
        "",
        "до 01.03.2024.",
        "в марте 2024 года",
        "в срок до 15.04.2024",
    ]
    assert [[o.due for o in i.deadline.occurrences] for i in parsed.items] == [
        [],
        [date(2024, 3, 1)],
        [date(2024, 3, 31)],
        [date(2024, 4, 15)],
    ]
    assert parsed.items[1].executors_text == "руководители ПОО."
    assert parsed.items[2].executors_text == "методист ЦОПП Сидорова Е.В."


@pytest.mark.parametrize(
    "text",
    [
        "Уважаемые коллеги!\nПриглашаем вас на семинар 12 мая.\n1. Регистрация участников.\n",
        "Контакты\tТелефон\tПочта\nИванов И.И.\t+7 900 000-00-00\tivanov@example.org\n",
        "№\tНаименование мероприятия\tИсполнители\tСрок\n",
    ],
    ids=["letter", "contacts-table", "empty-plan-table"],
)
def test_documents_that_are_neither_plan_nor_protocol_are_refused(text: str) -> None:
    with pytest.raises(DocumentRejected) as refused:
        _parse_text(text)
    assert refused.value.key == "doc-not-a-plan"


def _dues(parsed: ParsedDocument) -> list[list[str]]:
    return [[o.due.isoformat() for o in item.deadline.occurrences] for item in parsed.items]


def test_the_august_a_school_years_plan_opens_with_is_the_august_before_the_year() -> None:
    # The August teachers' council that approves the plan comes first: it is August 2023, the
    # month before the year, not August 2024. The August row at the end is the year's own.
    parsed = _parse_text(
        "ПЛАН ЗАСЕДАНИЙ ПЕДАГОГИЧЕСКОГО СОВЕТА НА 2023-2024 УЧЕБНЫЙ ГОД\n\n"
        "№\tВопросы для обсуждения\tСроки\tОтветственные\n"
        "1.\tУтверждение плана работы на учебный год\tАвгуст\tДиректор\n"
        "2.\tРасстановка кадров\t30.08\tДиректор\n"
        "3.\tАдаптация пятиклассников\tОктябрь\tЗаместитель директора\n"
        "4.\tИтоги учебного года\tИюнь\tДиректор\n"
        "5.\tПодготовка к новому учебному году\tАвгуст\tДиректор\n"
    )
    assert _dues(parsed) == [
        ["2023-08-31"],
        ["2023-08-30"],
        ["2023-10-31"],
        ["2024-06-30"],
        ["2024-08-31"],
    ]


@pytest.mark.parametrize(
    ("title", "first", "expected"),
    [
        # an August after the autumn's first row is the year's own August
        ("НА 2023-2024 УЧЕБНЫЙ ГОД", "Сентябрь", "2024-08-31"),
        # a calendar year's August is that year's
        ("НА 2024 ГОД", "Январь", "2024-08-31"),
    ],
)
def test_an_august_not_opening_a_school_years_plan_stays_in_the_year(
    title: str, first: str, expected: str
) -> None:
    parsed = _parse_text(
        f"ПЛАН РАБОТЫ {title}\n\n"
        "№\tМероприятие\tСрок\tОтветственный\n"
        f"1.\tСовещание\t{first}\tДиректор\n"
        "2.\tПодготовка к новому году\tАвгуст\tДиректор\n"
        "3.\tОтчёт\tНоябрь\tДиректор\n"
    )
    assert _dues(parsed)[1] == [expected]


@pytest.mark.parametrize("header", ["N N п.п", "№№ п.п.", "№ пп", "NN п/п", "№ п.п."])
def test_a_number_column_headed_in_any_common_way_keeps_the_printed_numbers(header: str) -> None:
    # The Murmansk plan-graph of the acceptance set heads its numbers «N N п.п»: the column was
    # not taken for the numbers, and «1.1.» was lost for a number by order.
    parsed = _parse_text(
        "План-график мероприятий\n\n"
        f"{header}\tНаименование направления мероприятия\tСроки реализации"
        "\tДальнейшее использование результатов\n"
        "<b>1. Обеспечение методической и организационной основ</b>\t\t\t\n"
        "1.1.\tАнализ действующей системы оценки качества образования в регионе"
        "\t4 квартал 2006 г.\tразработка программы создания региональной системы\n"
    )
    assert [(i.number, i.numbered_by_order) for i in parsed.items] == [("1.1", False)]


def test_a_row_with_an_empty_name_cell_takes_its_words_from_another_column() -> None:
    # The Smolensk library's December plan: row 4 prints only its form («Встреча с врачом-
    # наркологом(12+)») under «Форма проведения», its name cell empty. It is an event all the
    # same, with its day: never dropped as a row without text.
    parsed = _parse_text(
        "План мероприятий на декабрь 2014 г.\n\n"
        "№ п/п\tДата проведения\tНаименование\tФорма проведения\tОтветственный\n"
        "3\t18.12\tЭта горькая мода на яд.\tУрок- предупреждение (6+)\tЦБ\n"
        "4\t15-16.12\t\tВстреча с врачом- наркологом(12+)\t\n"
        "5\t20.12\tВорота ста печалей\tПередвижная выставка (6+)\tЦБ\n"
    )
    assert [(i.number, i.text) for i in parsed.items] == [
        ("3", "Эта горькая мода на яд."),
        ("4", "Встреча с врачом- наркологом(12+)"),
        ("5", "Ворота ста печалей"),
    ]
    assert _dues(parsed)[1] == ["2014-12-16"]
    assert not any(w.code == "warn-item-without-text" for w in parsed.warnings)


def test_a_text_row_with_words_in_two_columns_under_a_dated_row_is_an_item() -> None:
    # The Tomsk district's ВПР schedule saved as text: each span is merged down over its two
    # subjects in Word, so in text the second row of a block has an empty date. Its class and
    # subject in two columns make it an item of that span, not a heading.
    parsed = _parse_text(
        "График проведения всероссийских проверочных работ в 2020 году\n\n"
        "Дата\tКласс\tУчебный предмет\tПримечание\n"
        "2-6 марта 2020 г.\t11 *\tИностранный язык\tВ режиме апробации\n"
        "\t11 * (10)\tГеография\t\n"
        "10-13 марта 2020 г.\t11 *\tИстория\tВ режиме апробации\n"
        "\t11 *\tХимия\t\n"
    )
    assert [i.text for i in parsed.items] == ["Иностранный язык", "География", "История", "Химия"]
    assert parsed.sections == []
    assert _dues(parsed) == [["2020-03-06"], ["2020-03-06"], ["2020-03-13"], ["2020-03-13"]]


def test_a_totals_row_under_a_column_of_costs_is_no_item() -> None:
    # The Komi plan of purchases: «Итого:» closes the cost column; it is the sum, not an event.
    parsed = _parse_text(
        "Мероприятия по укреплению материально-технической базы на 2008 год\n\n"
        "Мероприятия\tСтоимость в тыс. руб.\tСроки\tОтветственные\n"
        "1. Приобретение ученической мебели\t552,0\tIII кв.\tруководители ОУ\n"
        "2. Приобретение дошкольной мебели\t300,0\tI кв.\tзаведующие МДОУ\n"
        "Итого:\t852,0\t\t\n"
    )
    assert [i.text for i in parsed.items] == [
        "Приобретение ученической мебели",
        "Приобретение дошкольной мебели",
    ]


def test_a_header_word_in_brackets_only_qualifies_the_column() -> None:
    # Mari El's sports calendar: «Тема …» names the content; «(участники)» in brackets does
    # not make the column the participants'. The annotation beside it is a note.
    parsed = _parse_text(
        "План на 2019 год\n\n"
        "№\tВремя, дата\tТема информповода, место проведения, эксперты (участники)"
        "\tКраткая аннотация или справка\n"
        "1.\t28 октября – 1 ноября\tПервенство города по волейболу\t"
        "В соревновании участвуют мужские команды\tСпорткомитет\n"
        "2.\t29 октября 10.00\tФестиваль дворового футбола\tУчастники: юноши\tСпорткомитет\n"
    )
    assert [i.text for i in parsed.items] == [
        "Первенство города по волейболу",
        "Фестиваль дворового футбола",
    ]
    assert _dues(parsed) == [["2019-11-01"], ["2019-10-29"]]


def test_the_kinds_of_work_are_the_content_beside_the_institutions() -> None:
    # Tver's repair plan: «Виды работ» is what is done, «Наименование учреждений» where.
    parsed = _parse_text(
        "План ремонтных работ на 2012 год\n\n"
        "N\tВиды работ\tНаименование учреждений\tСроки проведения\tОтветственный\n"
        "1.\tСмена разбитых стекол\tВсе муниципальные образовательные учреждения"
        "\tИюнь - август\tРуководители учреждений\n"
        "2.\tРемонт кровли\tШколы: Гимназия N 10\tМай - август\tУправление образования\n"
    )
    texts = [i.text for i in parsed.items]
    assert [t.split(":")[0] for t in texts] == ["Смена разбитых стекол", "Ремонт кровли"]
    assert "Все муниципальные образовательные учреждения" in texts[0]  # where: kept with it


def test_an_attachments_label_is_not_the_title_and_the_heading_keeps_its_lines() -> None:
    # The Tambov reporting schedule: «Приложение 1 | к приказу | управления образования и |
    # науки Тамбовской области | от 2 марта 2007 г. N 345» above a heading that names no plan,
    # printed on three lines.
    parsed = _parse_text(
        "Приложение 1\nк приказу\nуправления образования и\nнауки Тамбовской области\n"
        "от 2 марта 2007 г. N 345\n\n"
        "График\nпредоставления отчетных документов\nпо реализации ПНПО в Тамбовской области\n\n"
        "N\tНаименование документа\tСроки предоставления отчетных форм\tОтветственный\n"
        "1.\tОтчет о расходах бюджета\tЕжемесячно до 15 числа\tТрегубова Г.В.\n"
        "2.\tОтчет о выплатах\tдо 20.12.2007\tТрегубова Г.В.\n"
    )
    assert parsed.title == (
        "График предоставления отчетных документов по реализации ПНПО в Тамбовской области"
    )


def test_a_month_column_is_the_deadline_of_a_calendar_by_months() -> None:
    # A kindergarten's calendar of theme weeks: «Месяц | Неделя (числа) | Тема», the month
    # written once over its weeks. It is a plan by months, not a document without deadlines.
    parsed = _parse_text(
        "Календарь тематических недель на 2022-2023 учебный год\n\n"
        "Месяц\tНеделя (числа)\tТема\n"
        "Сентябрь\t1 (1-3)\t«До свидания, лето»\n"
        "Сентябрь\t2 (6-10)\t«Мой дом»\n"
        "Октябрь\t1 (4-8)\t«Животный мир»\n"
    )
    assert [i.text for i in parsed.items] == ["«До свидания, лето»", "«Мой дом»", "«Животный мир»"]
    # each week is due on its last day, the month written once over its weeks
    assert _dues(parsed) == [["2022-09-03"], ["2022-09-10"], ["2022-10-08"]]


def test_a_week_running_into_the_next_month_ends_there() -> None:
    parsed = _parse_text(
        "Календарь тематических недель на 2022-2023 учебный год\n\n"
        "Месяц\tНеделя (числа)\tТема\n"
        "Сентябрь\t4 (20 -24)\t«Краски осени»\n"
        "\t5 (27-01)\t«Животный мир» (звери)\n"
        "Декабрь\t1 (29 – 3)\t«Зима»\n"
        "Январь\t1 (31 – 9)\t«Рождественские каникулы»\n"
    )
    assert _dues(parsed) == [["2022-09-24"], ["2022-10-01"], ["2022-12-03"], ["2023-01-09"]]


def _docx_plan(title: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> ParsedDocument:
    """A Word plan: its title, then a table; a row of one cell is a heading merged across."""

    def build(document: object) -> None:
        document.add_paragraph(title)  # type: ignore[attr-defined]
        table = document.add_table(rows=1, cols=len(header))  # type: ignore[attr-defined]
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
        for row in rows:
            cells = table.add_row().cells
            if len(row) == 1:
                cells[0].merge(cells[-1]).text = row[0]
                continue
            for cell, text in zip(cells, row, strict=True):
                cell.text = text

    return parse_document(read_document(_docx(build), "plan.docx"), reference=TODAY)


def test_a_day_printed_once_dates_the_rows_under_it_that_give_only_their_hours() -> None:
    # A city's schedule: the day in the first column only where it changes, each event's
    # hours in the last. The rows under a day are that day's, not undated.
    parsed = _docx_plan(
        "План мероприятий к Дню защиты детей, 1 июня 2018 года",
        ("Дата", "Мероприятие", "Учреждение", "Время проведения"),
        [
            ("1 июня пятница", "Музыкальная сказка", "ДК", "10-00"),
            ("", "Конкурс рисунков", "ДК", "11-00"),
            ("", "Игровая программа", "ДК", "17-00"),
            ("2 июня суббота", "Фотовыставка", "ДК", "12.00"),
            ("", "Концерт", "ДК", "18.00"),
        ],
    )
    assert [i.text for i in parsed.items] == [
        "Музыкальная сказка",
        "Конкурс рисунков",
        "Игровая программа",
        "Фотовыставка",
        "Концерт",
    ]
    assert _dues(parsed) == [["2018-06-01"]] * 3 + [["2018-06-02"]] * 2


def _hours_under(rows: list[tuple[str, ...]]) -> ParsedDocument:
    return _docx_plan("План мероприятий на 2022 год", ("Дата", "Мероприятие", "Время"), rows)


def test_hours_under_a_row_without_one_day_stay_undated() -> None:
    # «Сентябрь-октябрь» is no one day, and a section row ends the day above it: the rows
    # giving only their hours there are left for the coordinator to date.
    parsed = _hours_under(
        [
            ("Сентябрь-октябрь", "Выставка", "10.00"),
            ("", "Концерт", "18.00"),
            ("05.11.2022", "Спектакль", "12.00"),
            ("Праздничные мероприятия",),
            ("", "Салют", "21.00"),
        ]
    )
    assert [i.text for i in parsed.items] == ["Выставка", "Концерт", "Спектакль", "Салют"]
    assert [i.deadline.is_dated for i in parsed.items] == [True, False, True, False]


def test_a_plain_heading_across_a_table_that_opens_with_the_date_heads_the_rows_under_it() -> None:
    # The heading's merged cell keeps its text in the first column, the date's: it is a
    # section, not one more day glued to the item above it.
    parsed = _hours_under(
        [
            ("05.11.2022", "Спектакль", "12.00"),
            ("Праздничные мероприятия",),
            ("06.11.2022", "Салют", "21.00"),
        ]
    )
    assert [(i.text, i.section, i.deadline.text) for i in parsed.items] == [
        ("Спектакль", None, "05.11.2022"),
        ("Салют", "Праздничные мероприятия", "06.11.2022"),
    ]


def _until_plan(approval: str) -> ParsedDocument:
    return _parse_text(
        f"{approval}"
        "ПЛАН МЕРОПРИЯТИЙ ПО РЕАЛИЗАЦИИ КОНЦЕПЦИИ ПРОТИВОДЕЙСТВИЯ ЭКСТРЕМИЗМУ ДО 2025 ГОДА\n\n"
        "N п/п\tНаименование мероприятия\tСрок исполнения\n"
        "1.1\tРассмотрение вопросов противодействия экстремизму\tежегодно\n"
        "1.2\tМониторинг правоприменительной практики\tIV квартал 2018 г.\n"
    )


def test_a_plan_until_a_year_runs_from_the_year_it_is_approved_in() -> None:
    # Imitates https://docs.cntd.ru/document/427002639 (Kaluga region, 2016): «… до 2025 года»
    # in an attachment to a decree of 8 February 2016.
    parsed = _until_plan("Приложение к Постановлению\nот 8 февраля 2016 г. N 74\n")
    assert parsed.period is not None
    assert (parsed.period.start, parsed.period.end) == (date(2016, 1, 1), date(2025, 12, 31))
    assert _dues(parsed) == [[f"{year}-12-31" for year in range(2016, 2026)], ["2018-12-31"]]


def test_a_plan_until_a_year_with_no_date_asks_for_its_period() -> None:
    parsed = _until_plan("")
    assert parsed.period is None
    assert "warn-no-period" in [w.code for w in parsed.warnings]


_SCHOOL_CALENDAR = (
    "Календарный учебный график на 2023-2024 учебный год\n"
    "Каникулы:\n"
    "С 28 октября по 05 ноября 2023 года – осенние\n"
    "С 30 декабря 2023 года по 08 января 2024 года – зимние\n"
    "Музейно-экскурсионные дни:\n"
    "27 октября 2023 года\n"
    "15 марта 2024 года\n"
    "Родительские собрания:\n"
    "6-7 сентября – «вводное».\n"
    "13-14 декабря – по предварительным итогам 2 четверти\n"
)


def _school_calendar_docx() -> bytes:
    def build(document: object) -> None:
        document.add_paragraph(_SCHOOL_CALENDAR.split("\n")[0])  # type: ignore[attr-defined]
        lines = _SCHOOL_CALENDAR.strip().split("\n")[1:]
        table = document.add_table(rows=len(lines), cols=1)  # type: ignore[attr-defined]
        for row, line in zip(table.rows, lines, strict=True):
            row.cells[0].text = line

    return _docx(build)


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_lines_opening_with_their_days_under_headings_with_a_colon(fmt: str) -> None:
    # Imitates the school calendar of SPb school 247 (2023-24): lines «<days> – <words>»
    # under «Каникулы:», and under «Музейно-экскурсионные дни:» days alone on their lines,
    # which are items among the others, not headings of the lines under them.
    data = _SCHOOL_CALENDAR.encode("utf-8") if fmt == "txt" else _school_calendar_docx()
    parsed = parse_document(read_document(data, f"plan.{fmt}"), reference=TODAY)
    assert [(i.text, i.section) for i in parsed.items] == [
        ("осенние", "Каникулы"),
        ("зимние", "Каникулы"),
        ("27 октября 2023 года", "Музейно-экскурсионные дни"),
        ("15 марта 2024 года", "Музейно-экскурсионные дни"),
        ("«вводное».", "Родительские собрания"),
        ("по предварительным итогам 2 четверти", "Родительские собрания"),
    ]
    assert _dues(parsed) == [
        ["2023-11-05"],
        ["2024-01-08"],
        ["2023-10-27"],
        ["2024-03-15"],
        ["2023-09-07"],
        ["2023-12-14"],
    ]
    assert [s.title for s in parsed.sections] == [
        "Каникулы",
        "Музейно-экскурсионные дни",
        "Родительские собрания",
    ]


def test_cells_that_repeat_their_label_in_every_row_are_read_without_it() -> None:
    # Imitates a school's labour-safety plan for 2003-2004 (урок.рф): no header row, each
    # item a row «text | Срок: … | Отв.: …».
    parsed = _parse_text(
        "План мероприятий по улучшению условий охраны труда на 2003-2004 учебный год\n\n"
        "Дооборудовать мастерскую.\tСрок: сентябрь 2003 г.\tОтв.: Петров С.С.\n"
        "Решить вопрос о ремонте помещений школы.\tСрок: март 2004 г.\tОтв.: Иванова Т.П.\n"
        "Подготовить классные комнаты для лагеря.\tСрок: до 25.05.2004 г.\tОтв.: Сидоров П.П.\n"
    )
    assert [(i.text, i.deadline.text, i.executors_text) for i in parsed.items] == [
        ("Дооборудовать мастерскую.", "сентябрь 2003 г.", "Петров С.С."),
        ("Решить вопрос о ремонте помещений школы.", "март 2004 г.", "Иванова Т.П."),
        ("Подготовить классные комнаты для лагеря.", "до 25.05.2004 г.", "Сидоров П.П."),
    ]
    assert _dues(parsed) == [["2003-09-30"], ["2004-03-31"], ["2004-05-25"]]


def test_the_days_beside_a_month_column_are_the_deadline_and_the_month_stands_where_none_are() -> (
    None
):
    # Imitates the joint plan of Moscow's Northern vicariate and the education department
    # (2022-2023): «Месяц» first, the days in «Дата/время/место».
    parsed = _docx_plan(
        "План совместной работы на 2022-2023 учебный год",
        ("Месяц", "Название мероприятия", "Дата/время/место", "Примечания"),
        [
            ("сентябрь-октябрь", "Школьный этап фестиваля", "20 сентября – 10 октября", ""),
            ("октябрь", "Окружной этап фестиваля", "11 – 17 октября", ""),
            ("декабрь - январь", "Рождественские ярмарки", "В храмах по графику", ""),
        ],
    )
    assert [(i.text, i.deadline.text) for i in parsed.items] == [
        ("Школьный этап фестиваля", "20 сентября – 10 октября"),
        ("Окружной этап фестиваля", "11 – 17 октября"),
        ("Рождественские ярмарки", "декабрь - январь"),
    ]
    assert _dues(parsed) == [["2022-10-10"], ["2022-10-17"], ["2023-01-31"]]
    assert any("В храмах по графику" in note for note in parsed.items[2].notes)


def test_hours_under_a_day_heading_that_opens_with_its_weekday_are_that_days() -> None:
    # Imitates a boarding school's health week (2012): «Пятница 21 сентября» over rows
    # «11.30 | event | who»; «12.10» is the hours, not the 12th of October.
    parsed = _docx_plan(
        "Неделя здоровья с 21 по 28 сентября 2012 года",
        ("Время", "Мероприятие", "Ответственные"),
        [
            ("Пятница 21 сентября",),
            ("11.30", "Линейка, посвященная открытию Недели Здоровья", "Акимова Е.В."),
            ("12.10", "Урок Здоровья в 5-9 классах", "Сотникова Н.П."),
            ("Суббота 22 сентября",),
            ("11.30", "«Веселые старты» 3-4 классы", "Дмитриев К.П."),
        ],
    )
    assert [(i.text, i.section, i.deadline.text) for i in parsed.items] == [
        ("Линейка, посвященная открытию Недели Здоровья", "Пятница 21 сентября", "11.30"),
        ("Урок Здоровья в 5-9 классах", "Пятница 21 сентября", "12.10"),
        ("«Веселые старты» 3-4 классы", "Суббота 22 сентября", "11.30"),
    ]
    assert _dues(parsed) == [["2012-09-21"], ["2012-09-21"], ["2012-09-22"]]


def test_a_bulleted_list_whose_points_give_their_own_dates_in_their_words() -> None:
    # Imitates Oryol State University's list of reporting deadlines: «- до 20.09 текущего
    # года представляют …;» under the people who report; a point mentioning «учебные планы»
    # is no title, nor is the last point.
    parsed = _parse_text(
        "Сроки отчетности на 2012-2013 учебный год\n\n"
        "Деканы факультетов:\n"
        "- ежемесячно представляют отчет о движении численности студентов;\n"
        "- до 20.09 текущего года предоставляют информацию по форме ВПО-1;\n"
        "- до 01.03. текущего года представляют учебные планы на будущий учебный год;\n"
        "- до 08.06. текущего года представляют графики учебных занятий.\n"
    )
    assert parsed.title == "Сроки отчетности на 2012-2013 учебный год"
    assert [(i.text, i.deadline.text, i.section) for i in parsed.items] == [
        (
            "ежемесячно представляют отчет о движении численности студентов",
            "ежемесячно",
            "Деканы факультетов",
        ),
        (
            "до 20.09 текущего года предоставляют информацию по форме ВПО-1",
            "до 20.09",
            "Деканы факультетов",
        ),
        (
            "до 01.03. текущего года представляют учебные планы на будущий учебный год",
            "до 01.03",
            "Деканы факультетов",
        ),
        (
            "до 08.06. текущего года представляют графики учебных занятий.",
            "до 08.06",
            "Деканы факультетов",
        ),
    ]
    dues = _dues(parsed)
    assert len(dues[0]) == 12
    assert dues[0][0] == "2012-09-30"
    assert dues[1:] == [["2012-09-20"], ["2013-03-01"], ["2013-06-08"]]


def test_lines_whose_day_follows_a_dash_in_the_middle_are_one_item_each() -> None:
    # Imitates Starodub district's schedule of the village heads' reports (2017): «<village>
    # (<head>) - 3 февраля в 16.00 <house of culture>;», the last line closing with a stop
    # (no title, though it is the only line that does not end with «;»).
    parsed = _parse_text(
        "С 3 февраля по 10 марта 2017 года пройдут отчеты глав сельских поселений"
        " согласно утвержденного графика:\n"
        "Десятуховское сельское поселение (Авдеенко А.Г.) - 3 февраля в 16.00 Десятуховский"
        " СДК;\n"
        "Гарцевское сельское поселение (Зайцев Н.П.) - 7 февраля в 14.00 Ковалевский СДК;\n"
        "Каменское сельское поселение (Нешков М.А.) - 17 февраля в 16.00 Крюковский СДК;\n"
        "Занковское сельское поселение (Луговец Э.Н.) - 16 марта в 15.00 Новомлынский СДК.\n"
    )
    assert [i.text for i in parsed.items] == [
        "Десятуховское сельское поселение (Авдеенко А.Г.) - 3 февраля в 16.00 Десятуховский СДК",
        "Гарцевское сельское поселение (Зайцев Н.П.) - 7 февраля в 14.00 Ковалевский СДК",
        "Каменское сельское поселение (Нешков М.А.) - 17 февраля в 16.00 Крюковский СДК",
        "Занковское сельское поселение (Луговец Э.Н.) - 16 марта в 15.00 Новомлынский СДК.",
    ]
    assert _dues(parsed) == [["2017-02-03"], ["2017-02-07"], ["2017-02-17"], ["2017-03-16"]]


_THEME_WEEKS = [
    "1 неделя июня «Здравствуй, лето!»",
    "2 неделя июня «Мы живём в России»",
    "3 неделя июня, «Мы вокруг березки встанем в хоровод»",
    "1 неделя июля неделя здоровья «Солнце, воздух и вода»",
    "III декада июля Экологическая неделя «Путешествие в мир насекомых»",
    "первая неделя августа – «Неделя доброты»",
]


def test_lines_opening_with_a_week_of_a_month_are_one_item_each() -> None:
    # Imitates a kindergarten's summer plan of theme weeks (nsportal, 2024): no table, each
    # line a week of a month and its theme with no stop between them.
    title = "Тематическое планирование на летне-оздоровительный период 2024 года"
    expected_texts = [
        "«Здравствуй, лето!»",
        "«Мы живём в России»",
        "«Мы вокруг березки встанем в хоровод»",
        "неделя здоровья «Солнце, воздух и вода»",
        "Экологическая неделя «Путешествие в мир насекомых»",
        "«Неделя доброты»",
    ]
    expected_dues = [
        ["2024-06-07"],
        ["2024-06-14"],
        ["2024-06-21"],
        ["2024-07-07"],
        ["2024-07-31"],
        ["2024-08-07"],
    ]
    as_text = _parse_text("\n".join([title, *_THEME_WEEKS]) + "\n")

    def build(document: object) -> None:
        for line in (title, *_THEME_WEEKS):
            document.add_paragraph(line)  # type: ignore[attr-defined]

    as_docx = parse_document(read_document(_docx(build), "недели.docx"), reference=TODAY)
    for parsed in (as_text, as_docx):
        assert parsed.title == title
        assert [i.text for i in parsed.items] == expected_texts
        assert _dues(parsed) == expected_dues


def test_stage_rows_of_a_point_are_its_days_and_dash_points_stay_apart() -> None:
    # Imitates Shemursha district's plan of preparing roads for winter (2007): dash points
    # without numbers under a numbered lead, one of them «в том числе:» over rows «50% | до
    # 20.09.2007», «80% | …», «100% | …» — the stages of that point, not items.
    parsed = _docx_plan(
        "План мероприятий по подготовке дорог к зиме на 2007 год",
        ("N п/п", "Наименование мероприятий", "Срок выполнения", "Исполнитель"),
        [
            (
                "1.",
                "Обеспечить подготовку дорог, для чего завершить работы:",
                "до 01.10.2007",
                "ДРСУ",
            ),
            ("", "- по устранению мелких деформаций покрытий;", "до 01.10.2007", '-"-'),
            ("", "- по заготовке противогололедных материалов, в том числе:", "", ""),
            ("", "50%", "до 20.09.2007", '-"-'),
            ("", "80%", "до 01.10.2007", '-"-'),
            ("", "100%", "до 01.11.2007", '-"-'),
        ],
    )
    texts = [i.text for i in parsed.items]
    assert len(texts) == 3
    assert texts[2].startswith("- по заготовке противогололедных материалов, в том числе:")
    assert texts[2].endswith("50% 80% 100%")
    assert _dues(parsed) == [
        ["2007-10-01"],
        ["2007-10-01"],
        ["2007-09-20", "2007-10-01", "2007-11-01"],
    ]


def _order(paragraph: str, rows: list[tuple[str, ...]]) -> ParsedDocument:
    """A Word order: its lead paragraph, then its points as a table of number and text (a row
    of one cell is a line heading the points under it)."""

    def build(document: object) -> None:
        document.add_paragraph(paragraph)  # type: ignore[attr-defined]
        table = document.add_table(rows=0, cols=2)  # type: ignore[attr-defined]
        for row in rows:
            cells = table.add_row().cells
            if len(row) == 1:
                cells[0].merge(cells[1]).text = row[0]
                continue
            for cell, text in zip(cells, row, strict=True):
                cell.text = text

    return parse_document(read_document(_docx(build), "order.docx"), reference=TODAY)


_ORDER_POINTS = [
    ("1.1.", "Начать учебный год 1 сентября 2023 года торжественной линейкой;"),
    ("1.2.", "Провести инструктажи работников учреждения;"),
    ("1.3.", "Сообщать ежедневно о контингенте обучающихся с 01.09.2023 по 07.09.2023 года;"),
    ("1.4.", "Представить социальный паспорт (до 5 сентября) и отчёт (до 11 сентября)."),
]


def test_an_orders_points_take_their_days_from_their_words() -> None:
    # Imitates the order of Sovetsky district's education department (Saratov region, 2023):
    # «… ПРИКАЗЫВАЮ:» over its points, no deadline column; and the Saratov government's order
    # of 2014, where «до 1 сентября 2014 года:» heads the points under it.
    parsed = _order("В целях выполнения Закона «Об образовании» ПРИКАЗЫВАЮ:", _ORDER_POINTS)
    assert [i.number for i in parsed.items] == ["1.1", "1.2", "1.3", "1.4"]
    assert _dues(parsed) == [
        ["2023-09-01"],
        [],
        ["2023-09-07"],
        ["2023-09-05", "2023-09-11"],
    ]
    headed = _order(
        "РАСПОРЯЖЕНИЕ от 29 августа 2014 года N 141-Пр",
        [
            ("1.", "Принять к сведению информацию министерства образования."),
            ("2. Министерству образования обеспечить:",),
            ("до 1 сентября 2014 года:",),
            ("", "готовность образовательных организаций к новому учебному году;"),
            ("", "завершение учета численности детей, подлежащих обучению;"),
        ],
    )
    assert _dues(headed) == [[], ["2014-09-01"], ["2014-09-01"]]
    # the lead-in keeps its words: who is to see to the points under it
    assert [i.section for i in headed.items[1:]] == [
        "2. Министерству образования обеспечить: до 1 сентября 2014 года:"
    ] * 2


def test_a_collegiums_decision_is_read_as_an_order_each_point_an_item() -> None:
    # Imitates the decision of the North-Eastern education administration's collegium
    # (Pokhvistnevo, Samara region, 2014): «Решение коллегии …» over numbered points, no
    # header, each point's day inside its words; a point with no day is still a decision to
    # carry out, not a heading.
    parsed = _order(
        "Решение коллегии 21 января 2014 года № 1",
        [
            ("1.", "Принять к сведению информацию о развитии системы образования (2014-2016 гг.)."),
            (
                "2.",
                "Рекомендовать управлению разработать Программу развития (установить срок"
                " готовности программы- 1 ноября 2014 г.).",
            ),
            (
                "3.",
                "Рекомендовать центру организовать в 2014 г. изучение общественного мнения (срок"
                " готовности итогового заключения –  1 июня 2014 г.).",
            ),
        ],
    )
    assert [i.number for i in parsed.items] == ["1", "2", "3"]
    assert parsed.items[0].text.startswith("Принять к сведению")
    assert _dues(parsed) == [[], ["2014-11-01"], ["2014-06-01"]]
    # «коллегия РЕШАЕТ:» in the lead paragraph marks it as well
    decided = _order("Заслушав информацию, коллегия РЕШАЕТ:", _ORDER_POINTS)
    assert len(decided.items) == 4


def test_a_table_of_points_with_days_in_their_words_is_no_plan_without_an_order() -> None:
    with pytest.raises(DocumentRejected):
        _order("В школе прошли мероприятия:", _ORDER_POINTS)


def _health_week_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Неделя здоровья с 21 по 28 сентября 2012 года"])
    sheet.append([])
    for row in (
        ["Пятница 21 сентября"],
        ["11.30", "Линейка, посвященная открытию Недели Здоровья", "Акимова Е.В."],
        ["12.10", "Урок Здоровья в 5-9 классах", "Сотникова Н.П."],
        ["13.00", "Путешествие по станциям Здоровья", "Сотникова Н.П."],
        ["Суббота 22 сентября"],
        ["11.30", "«Веселые старты» 3-4 классы", "Дмитриев К.П."],
    ):
        sheet.append(row)
        if len(row) == 1:
            sheet.merge_cells(
                start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=3
            )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_spreadsheets_hours_take_the_day_heading_above_them_even_above_the_table() -> None:
    # The health week as a spreadsheet: its first day heading, a merged row right under the
    # title, is read as a line above the table; its hours are that day's all the same, and a
    # column of hours and days with no header is the time column.
    parsed = parse_document(read_document(_health_week_xlsx(), "неделя.xlsx"), reference=TODAY)
    assert [i.deadline.text for i in parsed.items] == ["11.30", "12.10", "13.00", "11.30"]
    assert _dues(parsed) == [["2012-09-21"], ["2012-09-21"], ["2012-09-21"], ["2012-09-22"]]


def test_an_august_day_named_with_september_days_is_the_august_before_them() -> None:
    # Imitates the order of Sovetsky district (2023): «(до 5 сентября) … (до 28 августа,
    # подтверждения до 11 сентября)» in a plan for the school year: days named together are
    # close together, the August the one just before the year.
    parsed = _parse_text(
        "План мероприятий на 2023-2024 учебный год\n\n"
        "№\tМероприятие\tСрок\n"
        "1\tСоциальный паспорт и трудоустройство выпускников\tдо 5 сентября, до 28 августа\n"
        "2\tОтчет о летней оздоровительной кампании\tдо 28 августа\n"
    )
    assert _dues(parsed) == [["2023-08-28", "2023-09-05"], ["2024-08-28"]]


_CULTURE_HOUSES = [
    ("",),
    ("I квартал",),
    ("Январь",),
    ("Календарные даты. Мероприятия к юбилейным датам.",),
    (
        "1",
        "Информационный час «Деятельность великого шейха».",
        "03 января\nДК с. Серноводское",
        "Методист ЦКС\nАмагу Х.С.",
    ),
    (
        "2",
        "Информационный уголок «Жизнь и деятельность».",
        "03 января\nДК ст. Ассиновская",
        "Заведующая ДК\nТайпаева Ф.С.",
    ),
    (
        "3",
        "Круглый стол «Мой край, моя судьба».",
        "09 января\nДК с. Серноводское",
        "Руководитель кружка Халдыхароева М.А.",
    ),
    (
        "4",
        "Познавательное занятие «Ее величество-Газета».",
        "13 января\nДК с. Серноводское",
        "Заведующий ДК\nДжанаралиева З.А.",
    ),
]


def _culture_houses(fmt: str) -> ParsedDocument:
    """A plan of culture houses as Word, spreadsheet or text: no header row, an empty row
    first, three headings merged across, each day over its house in the date cell."""
    title = "План основных мероприятий МБУК «Серноводская ЦКС» на 2025 год"
    if fmt == "docx":

        def build(document: object) -> None:
            document.add_paragraph(title)  # type: ignore[attr-defined]
            table = document.add_table(rows=0, cols=4)  # type: ignore[attr-defined]
            for row in _CULTURE_HOUSES:
                cells = table.add_row().cells
                if len(row) == 1:
                    cells[0].merge(cells[-1]).text = row[0]
                    continue
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text

        return parse_document(read_document(_docx(build), "plan.docx"), reference=TODAY)
    if fmt == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.append([title])
        for row in _CULTURE_HOUSES:
            sheet.append(list(row))
            if len(row) == 1 and row[0]:
                sheet.merge_cells(
                    start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=4
                )
        buffer = io.BytesIO()
        workbook.save(buffer)
        return parse_document(read_document(buffer.getvalue(), "plan.xlsx"), reference=TODAY)
    lines = [title, ""]  # copied out of a browser: a cell's line breaks as <br>
    for row in _CULTURE_HOUSES:
        lines.append("\t".join(cell.replace("\n", "<br>") for cell in row))
    return _parse_text("\n".join(lines) + "\n")


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "txt"])
def test_a_table_without_a_header_whose_date_cells_hold_the_place_too(fmt: str) -> None:
    # Imitates the plan of Sernovodsk culture houses (Chechnya, 2025): no header, the date
    # cell «03 января⏎ДК с. Серноводское»; the days make the deadline column, the houses go
    # with the text, and the printed numbers are the items' own (headings merged across are
    # not taken for cells of the number column).
    parsed = _culture_houses(fmt)
    assert [i.number for i in parsed.items] == ["1", "2", "3", "4"]
    assert _dues(parsed) == [["2025-01-03"], ["2025-01-03"], ["2025-01-09"], ["2025-01-13"]]
    assert [i.deadline.text for i in parsed.items] == [
        "03 января",
        "03 января",
        "09 января",
        "13 января",
    ]
    assert parsed.items[0].text == (
        "Информационный час «Деятельность великого шейха» (ДК с. Серноводское)."
    )
    assert "warn-numbered-by-order" not in {w.code for w in parsed.warnings}


def test_a_column_of_who_checks_the_work_is_neither_the_text_nor_its_topic() -> None:
    # Imitates ZATO Seversk's plan against ticks (Tomsk region, 2012): «Контроль за
    # исполнением мероприятий» names the bodies that check the work, after the executors.
    parsed = _docx_plan(
        "План противоклещевых мероприятий на 2012 год",
        (
            "NN\nпп",
            "Мероприятия",
            "Сроки\nисполнения",
            "Ответственные\nисполнители",
            "Контроль\nза исполнением\nмероприятий",
        ),
        [
            ("1", "2", "3", "4", "5"),
            (
                "1",
                "Провести\nобследование\nтерриторий на\nналичие клещей",
                "Май 2012\nг.",
                "ФГБУЗ ЦГиЭ N 81 ФМБА\nРоссии",
                "Региональное\nуправление\nN 81\nФМБА России",
            ),
            (
                "2",
                "Подготовить\nтерритории к\nобработке",
                "Май 2012\nг.",
                "УЖКХ ТиС",
                "Региональное\nуправление\nN 81 ФМБА\nРоссии",
            ),
        ],
    )
    assert [i.text for i in parsed.items] == [
        "Провести обследование территорий на наличие клещей",
        "Подготовить территории к обработке",
    ]
    assert _dues(parsed) == [["2012-05-31"], ["2012-05-31"]]
    assert [list(i.executors) for i in parsed.items] == [
        ["ФГБУЗ ЦГиЭ N 81 ФМБА России"],
        ["УЖКХ ТиС"],
    ]
    # who checks it stays with the item, as its note, as written
    assert parsed.items[0].notes == ["Региональное\nуправление\nN 81\nФМБА России"]


def test_a_row_of_days_only_under_a_stage_heading_is_that_stage() -> None:
    # Imitates the admission schedule of Gomel's trade and economics college (2025): each
    # stage a heading merged across, the row under it only its days, one column a group of
    # applicants.
    header = (
        "На основе общего базового образования (9 классов)",
        "На основе общего среднего образования (11 классов)",
    )
    rows = [
        ("Прием документов",),
        ("с 18 июля по 12 августа", "с 18 июля по 14 августа"),
        ("Зачисление",),
        ("по 15 августа", "по 17 августа"),
    ]
    parsed = _docx_plan("Сроки вступительной кампании в 2025 году", header, rows)
    text = "\n".join(
        ["Сроки вступительной кампании в 2025 году", "", "\t".join(header)]
        # a heading copied out of a browser's table keeps the tab of its merged cell
        + ["\t".join(row) if len(row) > 1 else f"<b>{row[0]}</b>\t" for row in rows]
    )
    for found in (parsed, _parse_text(text + "\n")):
        assert [i.text for i in found.items] == ["Прием документов", "Зачисление"]
        assert _dues(found) == [["2025-08-12", "2025-08-14"], ["2025-08-15", "2025-08-17"]]
        assert [i.section for i in found.items] == [None, None]


def test_a_form_column_after_the_events_name_follows_the_name() -> None:
    # Imitates a village library's club plan (Chuvashia, 2026): «Название мероприятия | Форма
    # мероприятия» — the quoted name first as printed, its form after it.
    parsed = _docx_plan(
        "План клуба «Собеседник» на 2026 год",
        ("п/п", "Название мероприятия", "Форма\nмероприятия", "Сроки\nпроведения", "Место"),
        [
            ("1.", "«Зимние узоры»", "Посиделки", "январь", "Сельская библиотека"),
            ("2.", "«Весна идёт»", "Литературный час", "март", "Сельская библиотека"),
        ],
    )
    assert [i.text for i in parsed.items] == [
        "«Зимние узоры» (Посиделки)",
        "«Весна идёт» (Литературный час)",
    ]
    assert _dues(parsed) == [["2026-01-31"], ["2026-03-31"]]


def test_a_column_of_ordinals_under_a_contents_name_is_the_number_column() -> None:
    # Imitates a school's parents' university (2023): «Название раздела. | Тема занятий:»
    # over «1 | Тема 1. …» — the numbers are the items' own, the topics their text.
    parsed = _docx_plan(
        "Тематический план на 2023/2024 учебный год",
        ("Название раздела.", "Тема занятий:", "Сроки проведения:", "Ответственные:"),
        [
            ("Ступень I",),
            ("1", "Тема 1. Первый класс.", "Сентябрь", "Классные руководители"),
            ("2", "Тема 2. Режим дня.", "Октябрь", "Классные руководители"),
        ],
    )
    assert [(i.number, i.text) for i in parsed.items] == [
        ("1", "Тема 1. Первый класс."),
        ("2", "Тема 2. Режим дня."),
    ]


@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_a_headerless_table_takes_its_events_not_the_place_repeated_beside_them(
    fmt: str,
) -> None:
    # Imitates a city's New Year plan (Alatyr, 2021): no header; the place column, longer than
    # the events, repeats itself row after row.
    rows = [
        (
            "1.",
            "Концерт «Зимняя сказка»",
            "26.12.2021 г.",
            "Концертный зал городского Дворца культуры",
            "Иванов И. И.",
        ),
        (
            "2.",
            "Концерт «Ёлка»",
            "28.12.2021 г.",
            "Концертный зал городского Дворца культуры",
            "Иванов И. И.",
        ),
        (
            "3.",
            "Акция «Первый читатель»",
            "04.01.2022 г.\n10:00",
            "Центральная городская библиотека имени Пушкина",
            "Петрова А. А.",
        ),
        (
            "4.",
            "Библиомикс «Забавы»",
            "05.01.2022 г.\n10:00",
            "Центральная городская библиотека имени Пушкина",
            "Петрова А. А.",
        ),
    ]
    title = "План мероприятий к Новому году"
    if fmt == "docx":

        def build(document: object) -> None:
            document.add_paragraph(title)  # type: ignore[attr-defined]
            table = document.add_table(rows=0, cols=5)  # type: ignore[attr-defined]
            for row in rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = text

        parsed = parse_document(read_document(_docx(build), "plan.docx"), reference=TODAY)
    else:
        lines = [title, ""] + ["\t".join(c.replace("\n", "<br>") for c in row) for row in rows]
        parsed = _parse_text("\n".join(lines) + "\n")
    assert [i.text for i in parsed.items] == [
        "Концерт «Зимняя сказка»",
        "Концерт «Ёлка»",
        "Акция «Первый читатель»",
        "Библиомикс «Забавы»",
    ]
    assert _dues(parsed) == [["2021-12-26"], ["2021-12-28"], ["2022-01-04"], ["2022-01-05"]]


def test_a_span_over_two_lines_in_a_days_and_place_column_is_one_span() -> None:
    # Imitates Shumerlya's New Year plan (2015): «Сроки и место проведения» holding
    # «18 декабря⏎2015 г. - 10 января 2016 г.» — no place, one span across the new year.
    parsed = _docx_plan(
        "План новогодних мероприятий",
        ("№ п/п", "Наименование мероприятия", "Сроки и\nместо\nпроведения", "Ответственные"),
        [
            (
                "1.",
                "Работа Резиденции Деда Мороза",
                "18 декабря\n2015 г. - 10 января 2016 г.",
                "ЦДТ",
            ),
            (
                "2.",
                "Зажжение ёлки",
                "23 декабря 2015 г.\n15.00 – 16.00\nЦентральная площадь",
                "Отдел культуры",
            ),
        ],
    )
    assert _dues(parsed) == [["2016-01-10"], ["2015-12-23"]]
    assert parsed.items[1].text == "Зажжение ёлки (15.00 – 16.00 Центральная площадь)"


_DASHED_LINES = [
    "Заседание комиссии - февраль, июнь, октябрь",
    "(при ЧП комиссия собирается в срочном порядке).",
    "Публикация материалов о профилактике ДТП в районной газете - ежемесячно.",
    "Контроль за исполнением муниципальной программы",
    "«Безопасность дорожного движения» - на заседаниях комиссии.",
    "Обследование школьных автобусных маршрутов – апрель, октябрь.",
]


@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_paragraphs_each_ending_with_its_term_after_a_dash(fmt: str) -> None:
    # Imitates a district road-safety commission's plan (Saratov region, 2016): no table,
    # each paragraph «what – when»; a remark in brackets goes with the item above, a wrapped
    # line with the one it opens, «на заседаниях комиссии» is an item without a date.
    title = "План работы комиссии по безопасности дорожного движения на 2016 год"
    if fmt == "docx":

        def build(document: object) -> None:
            document.add_paragraph(title)  # type: ignore[attr-defined]
            for line in _DASHED_LINES:
                document.add_paragraph(line)  # type: ignore[attr-defined]

        parsed = parse_document(read_document(_docx(build), "plan.docx"), reference=TODAY)
    else:
        parsed = _parse_text("\n".join([title, "", *_DASHED_LINES]) + "\n")
    assert [i.text for i in parsed.items] == [
        "Заседание комиссии (при ЧП комиссия собирается в срочном порядке).",
        "Публикация материалов о профилактике ДТП в районной газете",
        "Контроль за исполнением муниципальной программы «Безопасность дорожного движения»",
        "Обследование школьных автобусных маршрутов",
    ]
    dues = _dues(parsed)
    assert dues[0] == ["2016-02-29", "2016-06-30", "2016-10-31"]
    assert len(dues[1]) == 12
    assert dues[2] == []
    assert dues[3] == ["2016-04-30", "2016-10-31"]
    assert parsed.items[2].deadline.text == "на заседаниях комиссии"
    assert parsed.items[2].deadline.kind is DeadlineKind.UNSCHEDULED


def test_numbered_points_with_their_executors_and_days_in_their_words() -> None:
    # Imitates Rostov's New Year plan (2004): «1.Проведение …» (no space after the number),
    # each point's «Отв.: …» on the next line, its days inside the text.
    text = (
        "План мероприятий по подготовке новогоднего праздника 2004-2005 годов\n\n"
        "1.Проведение заседаний оргкомитета.\nОтв.: Председатель оргкомитета.\n"
        "2.Установка праздничного оформления на улицах до 15.12.2004, у городской елки"
        " 28.12.2004 с 10.00.\nОтв.: главы районных администраций.\n"
        "3.Открытие городской елки 29.12.2004 с 18.00 до 20.00.\nОтв.: Леденева В.В.\n"
    )
    parsed = _parse_text(text)
    assert parsed.kind is DocumentKind.PLAN  # titled a plan, not a protocol's decisions
    assert [i.number for i in parsed.items] == ["1", "2", "3"]
    assert _dues(parsed) == [[], ["2004-12-15", "2004-12-28"], ["2004-12-29"]]
    assert [list(i.executors) for i in parsed.items][2] == ["Леденева В.В."]


def test_dated_lines_with_terms_first_and_bold_headings_between_them() -> None:
    # Imitates a university's admission dates (2022): «Не позднее 20 июня– …» (the dash
    # typed close), «до 25 июля – …», stage headings in bold between the lines.
    lines = [
        ("На бюджетные места", True),
        ("Не позднее 20 июня– начало приема документов", False),
        ("10-20 июля – окончание приема документов", False),
        ("до 25 июля – вступительные испытания", False),
        ("Основное зачисление", True),
        ("3-9 августа – этап основного зачисления", False),
    ]

    def build(document: object) -> None:
        document.add_paragraph("Основные даты приемной кампании на 2022 год")  # type: ignore[attr-defined]
        for line, bold in lines:
            document.add_paragraph().add_run(line).bold = bold or None  # type: ignore[attr-defined]

    parsed = parse_document(read_document(_docx(build), "dates.docx"), reference=TODAY)
    assert [i.text for i in parsed.items] == [
        "начало приема документов",
        "окончание приема документов",
        "вступительные испытания",
        "этап основного зачисления",
    ]
    assert _dues(parsed) == [["2022-06-20"], ["2022-07-20"], ["2022-07-25"], ["2022-08-09"]]
    assert [i.section for i in parsed.items] == [
        "На бюджетные места",
        "На бюджетные места",
        "На бюджетные места",
        "Основное зачисление",
    ]


@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_a_dated_line_opening_a_bulleted_list_keeps_its_points(fmt: str) -> None:
    # Imitates an applicant's calendar (2019): «До 1 октября … информация:» over bullets, then
    # lines «5 декабря 2018 года – …»; the bullets are that item's, the days open each line.
    cells = [
        "До 1 октября на сайте вузов размещается информация:\n• перечень специальностей\n"
        "• перечень вступительных испытаний",
        "5 декабря 2018 года – основной день итогового сочинения.",
        "6 февраля 2019 года – дополнительный день итогового сочинения.",
    ]
    title = "Календарь абитуриента на 2018/2019 учебный год"
    if fmt == "docx":

        def build(document: object) -> None:
            document.add_paragraph(title)  # type: ignore[attr-defined]
            table = document.add_table(rows=0, cols=1)  # type: ignore[attr-defined]
            for cell in cells:
                table.add_row().cells[0].text = cell

        parsed = parse_document(read_document(_docx(build), "plan.docx"), reference=TODAY)
    else:
        parsed = _parse_text("\n".join([title, "", *cells]) + "\n")
    assert len(parsed.items) == 3
    assert "перечень вступительных испытаний" in parsed.items[0].text
    assert _dues(parsed) == [["2018-10-01"], ["2018-12-05"], ["2019-02-06"]]


def test_a_report_of_events_held_is_refused_as_no_plan() -> None:
    # Imitates a village House of culture's monthly report (2015): an approval block, «№ п/п |
    # Дата проведения | Название мероприятия | Кол-во человек», every row already held.
    with pytest.raises(DocumentRejected) as refused:
        _docx_plan(
            "Отчет о работе сельского Дома культуры за июль 2015 г.",
            ("№ п/п", "Дата проведения", "Название мероприятия", "Кол-во человек"),
            [
                ("1", "01.07.", "Выставка ко Дню семьи", "30"),
                ("2", "04.07.", "Молодежная дискотека", "17"),
                ("3", "11.07.", "Веселые старты", "40"),
            ],
        )
    assert refused.value.key == "doc-a-report"


@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_an_orders_points_typed_one_a_paragraph_take_their_days_from_their_words(
    fmt: str,
) -> None:
    # Imitates a regional government's orders (Kursk 2010, Mari El 2011): «Распоряжение …»,
    # points «1.Комитету … провести 23 августа 2010 года …» (no space after the number), a
    # point without a day is a decision without a date, not dropped.
    points = [
        "1.Комитету образования провести 23 августа 2010 года областное совещание.",
        "2.Рекомендовать администрациям районов провести в период с 25 по 27 августа 2010 г."
        " совещания педагогов.",
        "3.Образовать организационный комитет и утвердить его состав.",
        "4.Оргкомитету в срок до 18 мая 2010 г. разработать план мероприятий.",
    ]
    lead = ["Распоряжение от 09.08.2010 г № 539-РГ", "О проведении августовских совещаний"]
    if fmt == "docx":

        def build(document: object) -> None:
            for line in [*lead, *points]:
                document.add_paragraph(line)  # type: ignore[attr-defined]

        parsed = parse_document(read_document(_docx(build), "order.docx"), reference=TODAY)
    else:
        parsed = _parse_text("\n".join([*lead, "", *points]) + "\n")
    assert [i.number for i in parsed.items] == ["1", "2", "3", "4"]
    assert _dues(parsed) == [["2010-08-23"], ["2010-08-27"], [], ["2010-05-18"]]


def test_points_of_a_number_and_a_text_naming_their_days_are_decisions() -> None:
    # Imitates a trade-union presidium's decision (Mari El, 2023): no heading, no order's
    # words; «1. | Утвердить Положение …», «2. | Провести Спартакиаду 21 июня …».
    def build(document: object) -> None:
        table = document.add_table(rows=0, cols=2)  # type: ignore[attr-defined]
        for number, text in (
            ("1.", "Утвердить Положение о Спартакиаде работников культуры."),
            ("2.", "Провести Спартакиаду 21 июня 2023 года на стадионе «Дружба»."),
            ("3.", "Установить срок подачи заявок до 16.06.2023 г."),
            ("4.", "Контроль за выполнением постановления возложить на Иванова И.И."),
        ):
            cells = table.add_row().cells
            cells[0].text, cells[1].text = number, text

    parsed = parse_document(read_document(_docx(build), "decision.docx"), reference=TODAY)
    assert [i.number for i in parsed.items] == ["1", "2", "3", "4"]
    assert _dues(parsed) == [[], ["2023-06-21"], ["2023-06-16"], []]


@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_stage_lines_with_their_terms_after_a_dash_and_a_decision_after_them(fmt: str) -> None:
    # Imitates a district's olympiad news (Urmary, 2012): «I этап (школьный) - с октября по
    # ноябрь 2012 г. для учащихся 5-11 классов;», a dash typed close to the bracket, then a
    # sentence with its own days: each line an item, none glued to the one above.
    lines = [
        "I этап (школьный) - с октября по ноябрь 2012 г. для учащихся 5-11 классов;",
        "II этап (муниципальный) - с ноября по декабрь 2012 года для учащихся 7-11 классов;",
        "III этап (региональный)- с 10 января по 10 февраля 2013 года для учащихся 9-11 классов;",
        "По решению оргкомитета школьный этап в нашем районе проводится с 8 октября по 03"
        " ноября 2012 года.",
    ]
    title = "Олимпиада школьников в 2012/2013 учебном году"
    parsed = _lines_plan(fmt, [title, *lines])
    assert len(parsed.items) == 4
    assert parsed.items[0].text.startswith("I этап (школьный)")
    assert parsed.items[3].text.startswith("По решению оргкомитета")
    assert _dues(parsed) == [["2012-11-30"], ["2012-12-31"], ["2013-02-10"], ["2012-11-03"]]


def test_an_untitled_spreadsheet_of_dated_lines_takes_none_of_them_for_its_title() -> None:
    # Imitates a conference's deadlines (SPbU, 2018) pasted into a sheet without a heading:
    # «… – до 10 июня 2018.», «… продлен до 31 мая 2018.» are items, every one of them.
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    lines = [
        "Начало приема тезисов – 16 октября 2017.",
        "Подтверждение статуса устных докладов – до 10 июня 2018.",
        "Прием тезисов постерных докладов продлен до 31 мая 2018.",
        "Окончание ранней оплаты оргвзносов – 30 июня 2018.",
    ]
    for line in lines:
        sheet.append([line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    parsed = parse_document(read_document(buffer.getvalue(), "dates.xlsx"), reference=TODAY)
    assert len(parsed.items) == 4
    assert _dues(parsed) == [["2017-10-16"], ["2018-06-10"], ["2018-05-31"], ["2018-06-30"]]


def test_month_blocks_named_as_tasks_date_their_lines_and_a_stray_number_is_no_list() -> None:
    # Imitates a military academy faculty's monthly tasks (2020): «ЗАДАЧИ НА ИЮЛЬ» over
    # unnumbered tasks, one of which carries a stray «7.»; each task is due at its month's end.
    parsed = _docx_plan(
        "ПЛАН ЗАДАЧ ФАКУЛЬТЕТА НА 2020 ГОД",
        ("Задачи",),
        [
            ("ЗАДАЧИ НА ИЮЛЬ",),
            ("Организованно провести набор на 1 курс",),
            ("Провести летнюю экзаменационную сессию",),
            ("ЗАДАЧИ НА МАРТ",),
            ("Организовать работу по утилизации имущества",),
            ("7. Организовать работу по агитации учащихся",),
            ("Провести агитационные мероприятия в школах города",),
        ],
    )
    assert [i.text for i in parsed.items] == [
        "Организованно провести набор на 1 курс",
        "Провести летнюю экзаменационную сессию",
        "Организовать работу по утилизации имущества",
        "Организовать работу по агитации учащихся",
        "Провести агитационные мероприятия в школах города",
    ]
    assert _dues(parsed) == [["2020-07-31"]] * 2 + [["2020-03-31"]] * 3


@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_events_under_day_headings_keep_their_hours_apart_and_their_own_days(fmt: str) -> None:
    # Imitates a region's weekly plan of its ministries (Orenburg, 2013): «25 марта» over
    # «11:00 Областной слет …», an event «(25-26.03)» lasting past its heading's day.
    lines = [
        "25 марта",
        "11:00 Областной слет отличников учебы (Дворец творчества) - министерство образования",
        "Финальные соревнования по самбо, г. Кувандык (25-26.03) - министерство спорта",
        "26 марта",
        "Областной день информации",
    ]
    title = "План мероприятий министерств области с 25 по 31 марта 2013 года"
    if fmt == "docx":
        parsed = _docx_plan(title, ("Мероприятия",), [(line,) for line in lines])
    else:
        parsed = _parse_text("\n".join([title, "", *lines]) + "\n")
    assert parsed.items[0].text.startswith("Областной слет отличников учебы")
    assert _dues(parsed) == [["2013-03-25"], ["2013-03-26"], ["2013-03-26"]]


def test_a_days_programme_by_its_hours_takes_the_day_its_title_names() -> None:
    # Imitates a school's sports day (2012): «Программа спортивного дня на 31 мая 2012 года.»
    # over «08.15 – 08.30 | Построение 5 классов», no header, the hours as ranges with dots.
    def build(document: object) -> None:
        document.add_paragraph("«Об итоговых спортивных мероприятиях»")  # type: ignore[attr-defined]
        document.add_paragraph("Программа спортивного дня на 31 мая 2012 года.")  # type: ignore[attr-defined]
        table = document.add_table(rows=0, cols=2)  # type: ignore[attr-defined]
        for hours, text in (
            ("08.15 – 08.30", "Построение 5 классов"),
            ("08.30 - 08.50", "Финальные забеги на 60 метров"),
            ("09.30 – 10.00", "Шуточные эстафеты, участники могут меняться"),
            ("10.30 – 10.45", "Награждение победителей"),
        ):
            cells = table.add_row().cells
            cells[0].text, cells[1].text = hours, text

    parsed = parse_document(read_document(_docx(build), "day.docx"), reference=TODAY)
    assert parsed.title == "Программа спортивного дня на 31 мая 2012 года."
    assert len(parsed.items) == 4
    assert _dues(parsed) == [["2012-05-31"]] * 4


@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_a_news_items_dashed_points_with_their_days_and_a_sentence_after_them(fmt: str) -> None:
    # Imitates a university's news (Volgograd, 2011): «- «Витязь ВГПУ» — 22 февраля.», then a
    # sentence naming its own day; and a library's lines «3 февраля- Всемирный день …» with
    # the dash typed close to the day.
    lines = [
        "- «Витязь ВГПУ» — 22 февраля.",
        "- «Краса ВГПУ» — 4 марта.",
        "- Конкурс «Куратор года» — в период с 18 по 20 апреля.",
        "А ближайшая акция, посвященная Дню святого Валентина, пройдет 14 февраля с 11:00.",
    ]
    title = "Традиционные мероприятия университета в 2011 году"
    parsed = _lines_plan(fmt, [title, *lines])
    assert [i.text for i in parsed.items][:3] == [
        "«Витязь ВГПУ»",
        "«Краса ВГПУ»",
        "Конкурс «Куратор года»",
    ]
    assert _dues(parsed) == [["2011-02-22"], ["2011-03-04"], ["2011-04-20"], ["2011-02-14"]]
    library = _parse_text(
        "План работы библиотеки на февраль 2026 г.\n\n"
        "2 февраля – День воинской славы: книжная выставка\n"
        "3 февраля- Всемирный день борьбы с ненормативной лексикой: урок /10:00 ч./\n"
        "4 февраля - Всемирный день борьбы с онкологическими заболеваниями: встреча\n"
    )
    assert _dues(library) == [["2026-02-02"], ["2026-02-03"], ["2026-02-04"]]


@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_news_of_a_meeting_held_under_its_date_is_no_plan(fmt: str) -> None:
    # Imitates a settlement's news (Novominskaya, 2024): its date, «… состоялось очередное
    # совещание … Рассмотрены вопросы:» and the questions heard — nothing to follow up.
    lines = [
        "20.12.2024",
        "В администрации поселения состоялось очередное совещание председателей ТОС.",
        "— о содержании территории поселения в надлежащем санитарном состоянии;",
        "— о подготовке к новогодним праздникам;",
        "— об антитеррористической защищенности территории поселения.",
    ]

    def read() -> ParsedDocument:
        if fmt == "docx":
            return _docx_plan("Совещание председателей ТОС", ("Новости",), [(x,) for x in lines])
        return _parse_text("\n".join(["Совещание председателей ТОС", "", *lines]) + "\n")

    with pytest.raises(DocumentRejected) as refused:
        read()
    assert refused.value.key == "doc-not-a-plan"


def test_a_blank_form_whose_dates_are_placeholders_is_no_plan() -> None:
    # Imitates a regional programme's reporting form (Voronezh): «Контрольное событие 1.1»
    # rows whose date cells hold only «х» — a form to fill in, not a plan.
    with pytest.raises(DocumentRejected):
        _docx_plan(
            "Информация о наступлении контрольных событий по состоянию на ____ 20__ года",
            ("Наименование контрольного события", "Исполнитель", "Планируемая дата"),
            [
                ("Количество контрольных событий, всего", "х", "х"),
                ("Контрольное событие 1.1", "х", "х"),
                ("Контрольное событие 1.2", "х", "х"),
            ],
        )


def test_a_stage_label_beside_its_content_under_one_header_is_the_number() -> None:
    # Imitates Buryatia's order on e-services (2010): «Содержание этапа» merged over «I этап |
    # Размещение информации …», the stage's label its number, the cell beside it its text.
    def build(document: object) -> None:
        document.add_paragraph("Этапы перехода на предоставление услуг в электронном виде")  # type: ignore[attr-defined]
        table = document.add_table(rows=1, cols=3)  # type: ignore[attr-defined]
        head = table.rows[0].cells
        head[0].merge(head[1]).text = "Содержание этапа"
        head[2].text = "Предельные сроки реализации этапа"
        for label, text, term in (
            ("I этап", "Размещение информации об услуге в Реестре", "до 1 декабря 2010 г."),
            ("II этап", "Размещение форм заявлений на Портале", "до 1 января 2011 г."),
        ):
            cells = table.add_row().cells
            cells[0].text, cells[1].text, cells[2].text = label, text, term

    parsed = parse_document(read_document(_docx(build), "stages.docx"), reference=TODAY)
    assert [(i.number, i.text) for i in parsed.items] == [
        ("I этап", "Размещение информации об услуге в Реестре"),
        ("II этап", "Размещение форм заявлений на Портале"),
    ]
    assert _dues(parsed) == [["2010-12-01"], ["2011-01-01"]]


@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_lines_whose_months_or_label_come_before_a_colon(fmt: str) -> None:
    # Imitates a kindergarten's Victory plan (SPb, 2010): «Апрель – май: Организация …»,
    # «С 15.04.2010 по окончание празднования: …» (its end named by no day: asked for).
    lines = [
        "Апрель – май: Организация экскурсий на мемориальное кладбище. Старший возраст",
        "Май: Участие в торжественном митинге. Старший возраст",
        "С 15.04.2010 по окончание празднования: Изготовление открыток. Старший возраст",
        "Май: Конкурс рисунков «Памяти павших будем достойны»",
    ]
    title = "План мероприятий детского сада к 65-летию Победы на 2010 год"
    parsed = _lines_plan(fmt, [title, *lines])
    assert [i.text.split(".")[0] for i in parsed.items] == [
        "Организация экскурсий на мемориальное кладбище",
        "Участие в торжественном митинге",
        "Изготовление открыток",
        "Конкурс рисунков «Памяти павших будем достойны»",
    ]
    assert _dues(parsed) == [["2010-05-31"], ["2010-05-31"], [], ["2010-05-31"]]
    assert parsed.items[2].deadline.text == "С 15.04.2010 по окончание празднования"


def test_a_dashed_point_without_its_days_among_dated_ones_is_its_own_item() -> None:
    # Imitates Rybinsk's boiler-house shutdowns (2021): «— котельная «Стоялая» отключение на
    # межотопительный сезон» among points with their days; nothing glued to the point above.
    parsed = _parse_text(
        "График работы котельных на 2021 год:\n\n"
        "— котельная «Веретье» отключение с 24 мая по 9 июня\n"
        "— котельная «Стоялая» отключение на межотопительный сезон\n"
        "— котельная «Призма» 17 — 19 мая\n"
        "— котельная «Школа-интернат» с 22 июня по 31 августа\n"
    )
    assert len(parsed.items) == 4
    assert parsed.items[1].text.startswith("котельная «Стоялая»")
    assert _dues(parsed) == [["2021-06-09"], [], ["2021-05-19"], ["2021-08-31"]]


def test_the_plans_own_year_inside_a_programmes_years_is_its_period() -> None:
    # Imitates a Vitebsk school's plan (2023): «… Программы сотрудничества … на 2020 - 2025
    # годы на 2023/2024 учебный год.» — «В течение года» is the school year's end.
    parsed = _docx_plan(
        "План работы по реализации Программы сотрудничества на 2020 - 2025 годы"
        " на 2023/2024 учебный год.",
        ("п/п", "Наименование мероприятия", "срок реализации", "ответственные"),
        [
            ("1.", "Разработка плана сотрудничества", "сентябрь 2023 г.", "Иванова А.А."),
            ("2.", "Проведение занятий кружка", "В течение года", "Петров А.В."),
        ],
    )
    assert parsed.period is not None
    assert (parsed.period.start, parsed.period.end) == (date(2023, 9, 1), date(2024, 8, 31))
    assert _dues(parsed) == [["2023-09-30"], ["2024-08-31"]]


@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_a_task_merged_down_over_its_milestones_groups_them(fmt: str) -> None:
    # Imitates a federal roadmap (information security, 2018): «Задача | Веха | Срок», the task
    # merged down over the milestones beside it, each milestone with its quarter: the
    # milestones are the items, the task their heading.
    task = "5.1. Обеспечить устойчивость единой сети электросвязи"
    rows = [
        (task, "5.1.1. Проведен анализ рисков и угроз сетей связи", "II квартал 2018 г."),
        ("", "5.1.2. Разработан технический проект системы мониторинга", "II квартал 2018 г."),
        ("", "5.1.3. Принят план разработки стандартов безопасности", "III квартал 2018 г."),
    ]
    title = "План мероприятий по информационной безопасности на 2018 год"
    if fmt == "docx":

        def build(document: object) -> None:
            document.add_paragraph(title)  # type: ignore[attr-defined]
            table = document.add_table(rows=1, cols=3)  # type: ignore[attr-defined]
            for cell, text in zip(table.rows[0].cells, ("Задача", "Веха", "Срок"), strict=True):
                cell.text = text
            for row in rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = text
            table.cell(1, 0).merge(table.cell(3, 0))

        parsed = parse_document(read_document(_docx(build), "roadmap.docx"), reference=TODAY)
    else:
        lines = [title, "", "Задача\tВеха\tСрок", *("\t".join(row) for row in rows)]
        parsed = _parse_text("\n".join(lines) + "\n")
    assert [i.number for i in parsed.items] == ["5.1.1", "5.1.2", "5.1.3"]
    assert parsed.items[0].text.startswith("Проведен анализ рисков")
    assert {i.section for i in parsed.items} == {task}
    assert _dues(parsed) == [["2018-06-30"], ["2018-06-30"], ["2018-09-30"]]
