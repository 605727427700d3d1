"""A plan that names no period and bears no date: its months without a year are never read in
the year from today. The preview asks the coordinator for the period (likely ones as buttons,
«Другой…» to type it); until then those deadlines are listed as needing a date. The CLI takes
it as --period."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.domain.deadlines import (
    DeadlineKind,
    Period,
    academic_year,
    calendar_year,
    needs_year,
    parse_deadline,
    parse_period_answer,
)
from bot.domain.parsing import parse_document
from bot.domain.readers import read_document
from bot.services.imports import in_period, needs_period, period_choices
from handlers.states import ImportDialog
from storage.models import Item, Occurrence, PlanDocument
from tests.chat import Chat
from tests.conftest import ClusterSeed, CoordinatorCluster
from tests.test_process import _environment, _run_cli

# No year anywhere: neither the title nor a date says which March.
PLAN = """ПЛАН РАБОТЫ МАШИНОСТРОИТЕЛЬНОГО КЛАСТЕРА

№ п/п\tНаименование мероприятия\tИсполнители\tСрок исполнения
1.\tЗаседание координационного совета\tСекретарь КС\tв марте
2.\tПодготовка отчёта о работе кластера\tРуководители ПОО\tдо 25 мая
3.\tКонсультации работодателей\tРуководители ПОО\tпо графику
"""


@pytest.fixture
def cluster_seed() -> ClusterSeed:
    return ClusterSeed(name="Машиностроение", region="", telegram_id=2001)


def _parsed(text: str = PLAN, reference: date = date(2022, 3, 1)):  # type: ignore[no-untyped-def]
    raw = read_document(text.encode("utf-8"), "план.txt", max_bytes=10**6)
    return parse_document(raw, reference=reference)


# --- the service: the period read in, or no guess ---------------------------------------------


def test_without_a_period_months_without_a_year_are_left_needing_a_date() -> None:
    parsed = _parsed()
    assert needs_period(parsed)
    read = in_period(parsed, None)
    assert [item.deadline.kind for item in read.items] == [
        DeadlineKind.UNRECOGNIZED,
        DeadlineKind.UNRECOGNIZED,
        DeadlineKind.UNSCHEDULED,
    ]
    assert all(not item.deadline.occurrences for item in read.items)
    assert "warn-no-period-asked" in [w.code for w in read.warnings]
    assert "warn-no-period" not in [w.code for w in read.warnings]


@pytest.mark.parametrize(
    ("phrase", "lacks_a_year"),
    [
        ("в марте", True),
        ("до 25 мая", True),
        ("сентябрь-май", True),  # read in a school year only
        ("Ежемесячно", True),
        ("в течение года", True),
        ("по графику", False),  # no date in any period
        ("после дождичка в четверг", False),  # not understood at all
        ("до 01.05.2022", False),  # dated already
        ("", False),
    ],
)
def test_a_phrase_lacking_only_a_year_is_told_from_one_not_understood(
    phrase: str, lacks_a_year: bool
) -> None:
    assert needs_year(parse_deadline(phrase)) is lacks_a_year


def test_the_period_given_is_the_one_the_months_are_read_in() -> None:
    read = in_period(_parsed(), academic_year(2024))
    assert read.period == academic_year(2024)
    march, may, _ = (item.deadline for item in read.items)
    assert [(o.start, o.due) for o in march.occurrences] == [(date(2025, 3, 1), date(2025, 3, 31))]
    assert [o.due for o in may.occurrences] == [date(2025, 5, 25)]
    assert not needs_period(read)
    codes = [w.code for w in read.warnings]
    assert "warn-no-period" not in codes
    assert "warn-no-period-asked" not in codes
    assert codes.count("warn-deadline-unscheduled") == 1  # «по графику» only


def test_a_plan_with_its_own_period_is_not_changed() -> None:
    parsed = _parsed(PLAN.replace("КЛАСТЕРА", "КЛАСТЕРА НА 2021 ГОД"))
    assert not needs_period(parsed)
    assert in_period(parsed, academic_year(2030)) is parsed


@pytest.mark.parametrize(
    ("terms", "asked"),
    [
        # every term with its year (a kindergarten's road-safety month of 2017): nothing to ask
        (("29.08.2017г.", "01.09.2017", "по графику"), False),
        # one month without its year among them: the period is asked
        (("29.08.2017г.", "сентябрь", "по графику"), True),
        # a year, but running on to the period's end: the period is asked
        (("29.08.2017г.", "начиная с I квартала 2017 г., далее - ежегодно", "01.09.2017"), True),
    ],
)
def test_the_period_is_asked_only_where_a_term_lacks_it(
    terms: tuple[str, str, str], asked: bool
) -> None:
    text = PLAN
    for old, new in zip(("в марте", "до 25 мая", "по графику"), terms, strict=True):
        text = text.replace(f"\t{old}\n", f"\t{new}\n")
    parsed = _parsed(text)
    assert [item.deadline.text for item in parsed.items] == list(terms)
    assert needs_period(parsed) is asked
    codes = [w.code for w in in_period(parsed, None).warnings]
    # no «сроки без года отсчитываются от сегодняшнего дня» where no term lacks its year
    assert ("warn-no-period-asked" in codes) is asked
    assert "warn-no-period" not in codes


def test_the_likely_periods_are_this_and_next_school_and_calendar_year() -> None:
    assert period_choices(date(2025, 12, 1)) == (
        academic_year(2025),
        academic_year(2026),
        calendar_year(2025),
        calendar_year(2026),
    )
    assert period_choices(date(2026, 3, 1))[0] == academic_year(2025)


@pytest.mark.parametrize(
    ("answer", "period"),
    [
        ("01.09.2025–31.08.2026", academic_year(2025)),
        ("01.09.2025 - 31.12.2025", Period(date(2025, 9, 1), date(2025, 12, 31))),
        ("2024-09-01..2025-08-31", academic_year(2024)),
        ("2025/2026", academic_year(2025)),
        ("2025/26 уч. г.", academic_year(2025)),
        ("2026", calendar_year(2026)),
        ("2026 год", calendar_year(2026)),
        ("I полугодие 2026 года", Period(date(2026, 1, 1), date(2026, 6, 30))),
        ("31.12.2025–01.09.2025", None),
        ("2025/2027", None),
        ("когда-нибудь", None),
    ],
)
def test_a_typed_period_is_understood_in_its_common_forms(
    answer: str, period: Period | None
) -> None:
    assert parse_period_answer(answer) == period


# --- the chat ---------------------------------------------------------------------------------


async def _occurrences(factory: async_sessionmaker[AsyncSession]) -> dict[str, list[date]]:
    async with factory() as session:
        items = (await session.execute(select(Item))).scalars().all()
        found: dict[str, list[date]] = {}
        for item in items:
            rows = await session.execute(select(Occurrence).where(Occurrence.item_id == item.id))
            found[item.number] = [o.due_date for o in rows.scalars()]
        return found


async def test_the_preview_asks_the_period_and_lists_the_months_as_needing_a_date(
    chat: Chat, coordinator_cluster: CoordinatorCluster
) -> None:
    preview = await chat.send_file(coordinator_cluster.user, "план.txt", PLAN.encode())
    assert "Какой период у этого плана?" in preview.text
    # Each lacks only the year: the line says so, not that the phrase was not understood.
    assert "• 1 — «в марте» (нет года: укажите период плана)" in preview.text
    assert "• 2 — «до 25 мая» (нет года: укажите период плана)" in preview.text
    assert "не распознан" not in preview.text
    labels = [str(b.get("text")) for b in preview.buttons()]
    # The test clock stands on 1 March 2022.
    assert labels[:5] == [
        "2021/2022 учебный год",
        "2022/2023 учебный год",
        "2022 год",
        "2023 год",
        "Другой…",
    ]
    assert "✅ Импортировать" in labels


async def test_a_plan_whose_every_term_has_its_year_is_previewed_without_asking_a_period(
    chat: Chat, coordinator_cluster: CoordinatorCluster
) -> None:
    # no period in the title, no date: but «01.03.2022», «25.05.2022» need none
    text = PLAN.replace("\tв марте\n", "\t01.03.2022\n").replace(
        "\tдо 25 мая\n", "\tдо 25.05.2022\n"
    )
    preview = await chat.send_file(coordinator_cluster.user, "план.txt", text.encode())
    assert "Какой период у этого плана?" not in preview.text
    assert "отсчитываются от сегодняшнего дня" not in preview.text
    assert "нет года" not in preview.text
    labels = [str(b.get("text")) for b in preview.buttons()]
    assert "Другой…" not in labels
    assert "✅ Импортировать" in labels


async def test_a_period_button_reads_the_plan_in_it_and_the_import_keeps_those_dates(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = coordinator_cluster.user
    await chat.send_file(user, "план.txt", PLAN.encode())
    again = await chat.press(user, "2022/2023 учебный год")
    assert "01.09.2022 – 31.08.2023" in again.text
    assert "Какой период" not in again.text
    assert "«в марте»" not in again.text  # dated now
    assert await chat.state(user) == ImportDialog.confirming
    await chat.press(user, "✅ Импортировать")
    assert await _occurrences(session_factory) == {
        "1": [date(2023, 3, 31)],
        "2": [date(2023, 5, 25)],
        "3": [],
    }
    async with session_factory() as session:
        document = (await session.execute(select(PlanDocument))).scalar_one()
    assert (document.period_start, document.period_end) == (date(2022, 9, 1), date(2023, 8, 31))


async def test_another_period_is_typed_and_a_wrong_one_is_asked_again(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = coordinator_cluster.user
    await chat.send_file(user, "план.txt", PLAN.encode())
    asked = await chat.press(user, "Другой…")
    assert "01.09.2025–31.08.2026" in asked.text
    wrong = await chat.say(user, "в следующем году")
    assert "Не понял период «в следующем году»" in wrong.text
    again = await chat.say(user, "01.01.2024–31.12.2024")
    assert "01.01.2024 – 31.12.2024" in again.text
    await chat.press(user, "✅ Импортировать")
    assert (await _occurrences(session_factory))["1"] == [date(2024, 3, 31)]


async def test_imported_without_a_period_the_months_wait_for_dates(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = coordinator_cluster.user
    await chat.send_file(user, "план.txt", PLAN.encode())
    done = await chat.press(user, "✅ Импортировать")
    assert "Добавлено пунктов: 3" in done.text
    assert await _occurrences(session_factory) == {"1": [], "2": [], "3": []}
    assert [str(b.get("text")) for b in done.buttons()] == ["📅 Указать сроки (3)"]


# --- the CLI ----------------------------------------------------------------------------------


@pytest.mark.process
async def test_the_cli_reads_a_plan_in_the_period_given(tmp_path: Path) -> None:
    path = tmp_path / "план.txt"
    path.write_text(PLAN, encoding="utf-8")
    code, out, err = await _run_cli(
        "import", str(path), "--format", "json", "--period", "2024-09-01..2025-08-31",
        env=_environment(), cwd=tmp_path,
    )  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["document"]["period"] == {"start": "2024-09-01", "end": "2025-08-31"}
    assert data["items"][0]["deadline"]["occurrences"] == [
        {"start": "2025-03-01", "due": "2025-03-31"}
    ]


@pytest.mark.process
async def test_the_cli_without_a_period_says_so_and_guesses_no_year(tmp_path: Path) -> None:
    path = tmp_path / "план.txt"
    path.write_text(PLAN, encoding="utf-8")
    code, out, err = await _run_cli(
        "import", str(path), "--format", "json", env=_environment(), cwd=tmp_path
    )
    assert code == 0, err
    assert "--period 2024-09-01..2025-08-31" in err
    data = json.loads(out)
    assert data["items"][0]["deadline"] == {
        "text": "в марте",
        "kind": "unrecognized",
        "occurrences": [],
    }


@pytest.mark.process
async def test_the_cli_refuses_a_period_it_cannot_read(tmp_path: Path) -> None:
    path = tmp_path / "план.txt"
    path.write_text(PLAN, encoding="utf-8")
    code, out, err = await _run_cli(
        "import", str(path), "--period", "весной", env=_environment(), cwd=tmp_path
    )
    assert (code, out) == (2, "")
    assert "«весной»" in err


def test_the_coordinators_period_is_applied_with_every_rule_of_the_parse() -> None:
    """Days under a month row («1» under «СЕНТЯБРЬ») are read again in the period the
    coordinator names, not as the bare «1» they are alone."""
    text = (
        "План внеурочной деятельности\n\n"
        "Дата\tМероприятие\tОтветственные\n"
        "<b>СЕНТЯБРЬ</b>\t\t\n"
        "1\tТоржественная линейка\tКлассные руководители\n"
        "20-25\tНеделя безопасности\tПедагог-организатор\n"
    )
    parsed = parse_document(read_document(text.encode(), "plan.txt"), reference=date(2026, 1, 10))
    assert needs_period(parsed)
    answered = in_period(parsed, academic_year(2024))
    assert [[(o.start, o.due) for o in i.deadline.occurrences] for i in answered.items] == [
        [(None, date(2024, 9, 1))],
        [(date(2024, 9, 20), date(2024, 9, 25))],
    ]
    assert "warn-no-period" not in [w.code for w in answered.warnings]


# A methodical association's plan typed as lines, no table (as shkola13.stv.eduru.ru prints
# its own): the months head each meeting's numbered questions, numbered again in each.
MO_PLAN = """План работы методического объединения учителей на 2014/2015 учебный год

СЕНТЯБРЬ. Заседание МО №1
Тема: Организация работы в новом учебном году
1.Анализ работы МО за прошедший год
2. Рассмотрение рабочих программ (Корецкая Н.А.)
Заседание №2 (ноябрь)
1.Обсуждение результатов олимпиад
2.Готовимся к ЕГЭ и ОГЭ.
"""


async def test_a_plan_typed_as_lines_under_its_months_is_previewed_and_imported(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = coordinator_cluster.user
    preview = await chat.send_file(user, "план МО.txt", MO_PLAN.encode())
    assert "Предпросмотр импорта" in preview.text
    assert "Найдено 4 пункта" in preview.text
    assert "Какой период" not in preview.text
    done = await chat.press(user, "✅ Импортировать")
    assert "Добавлено пунктов: 4" in done.text
    async with session_factory() as session:
        items = (await session.execute(select(Item).order_by(Item.id))).scalars().all()
        texts = [item.text for item in items]
        dues = [
            [
                o.due_date
                for o in (
                    await session.execute(select(Occurrence).where(Occurrence.item_id == item.id))
                ).scalars()
            ]
            for item in items
        ]
    assert texts == [
        "Анализ работы МО за прошедший год",
        "Рассмотрение рабочих программ",
        "Обсуждение результатов олимпиад",
        "Готовимся к ЕГЭ и ОГЭ.",
    ]
    assert dues == [[date(2014, 9, 30)]] * 2 + [[date(2014, 11, 30)]] * 2


async def test_the_preview_tells_an_empty_term_from_one_it_could_not_read(
    chat: Chat, coordinator_cluster: CoordinatorCluster
) -> None:
    text = (
        "План работы на 2022 год\n\n"
        "№\tМероприятие\tСрок\tОтветственный\n"
        "1\tСбор отчетов\t\tСекретарь КС\n"  # the first row: no date above to carry down
        "2\tЗаседание совета\t01.03.2022\tСекретарь КС\n"
        "3\tМониторинг\tпо завершении ремонта\tСекретарь КС\n"
    )
    preview = await chat.send_file(coordinator_cluster.user, "план.txt", text.encode())
    assert "• 1 — срок не указан" in preview.text
    assert "• 3 — «по завершении ремонта» (срок не распознан)" in preview.text
