"""The read side through the real Dispatcher: /my in one press, the executor's card, /plan
counting colleges, history with names, colleges and local times, and the mode switch."""

from __future__ import annotations

from datetime import UTC, date, datetime

from aiogram import Bot, Dispatcher
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import (
    Assignment,
    AssignmentMode,
    AssignmentStatus,
    AuditEntry,
    Item,
    Occurrence,
    Person,
    Report,
    ReportDecision,
)
from tests.fake_telegram import FakeTelegram, FakeUser, StoredMessage
from tests.plan_world import seed_plan


async def _say(
    dp: Dispatcher, bot: Bot, fake: FakeTelegram, user: FakeUser, text: str
) -> StoredMessage:
    await dp.feed_update(bot, fake.send_text(user, text))
    return fake.last_message_to(user.id)


async def _press(
    dp: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    user: FakeUser,
    message: StoredMessage,
    button: str,
) -> StoredMessage:
    await dp.feed_update(bot, fake.press(user, message, button))
    return fake.last_message_to(user.id)


def _rows(message: StoredMessage) -> list[list[str]]:
    markup = message.reply_markup or {}
    return [[b["text"] for b in row] for row in markup.get("inline_keyboard", [])]


async def _assignments(factory: async_sessionmaker[AsyncSession]) -> list[Assignment]:
    async with factory() as session:
        return list((await session.execute(select(Assignment).order_by(Assignment.id))).scalars())


async def test_my_gives_every_item_its_report_buttons_in_one_press(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    world = await seed_plan(session_factory, fake, items=7)
    head = world.heads[0]

    my = await _say(dispatcher, bot, fake, head, "/my")
    rows = _rows(my)
    assert rows[0] == ["✅ 1", "💬", "📎", "⏰", "ℹ️"]
    assert len(rows) == 6  # five items and the page button
    assert rows[-1] == ["▶️"]
    assert "Страница 1 из 2" in my.text
    callbacks = [b["callback_data"] for b in (my.reply_markup or {})["inline_keyboard"][0]]
    assert [c.split(":")[1] for c in callbacks] == ["done", "note", "file", "move", "info"]

    second = await _press(dispatcher, bot, fake, head, my, "▶️")
    assert "Страница 2 из 2" in second.text
    assert [row[0] for row in _rows(second)] == ["✅ 6", "✅ 7", "◀️"]


async def test_the_executors_card_has_no_empty_result_line_and_says_the_due_date_once(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    world = await seed_plan(session_factory, fake, items=2)
    head = world.heads[0]
    my = await _say(dispatcher, bot, fake, head, "/my")

    first = await _press(dispatcher, bot, fake, head, my, "ℹ️")  # item 1 has a result
    assert "Ожидаемый результат: Фотоотчёт" in first.text
    info_2 = [b["callback_data"] for b in my.buttons() if b["text"] == "ℹ️"][1]
    await dispatcher.feed_update(bot, fake.press(head, my, info_2))
    second = fake.last_message_to(head.id)
    assert "Пункт 2" in second.text
    assert "Ожидаемый результат" not in second.text
    assert "—" not in second.text
    assert "Срок 02.05.2022" in second.text
    assert "срок" not in second.text.lower().replace("срок 02.05.2022", "", 1)
    assert _rows(second) == [
        ["✅ Выполнено", "💬 Комментарий"],
        ["📎 Файл", "⏰ Перенести срок"],
    ]


async def test_the_executors_card_shows_why_the_report_was_returned(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    world = await seed_plan(session_factory, fake, items=1, reports=True)
    async with session_factory() as session:
        report = (await session.execute(select(Report))).scalar_one()
        report.decision = ReportDecision.RETURNED
        report.decision_reason = "Нет фотографий с мероприятия"
        assignment = await session.get(Assignment, report.assignment_id)
        assert assignment is not None
        assignment.status = AssignmentStatus.RETURNED
        await session.commit()
    head = world.heads[0]

    my = await _say(dispatcher, bot, fake, head, "/my")
    assert "возвращено на доработку" in my.text
    card = await _press(dispatcher, bot, fake, head, my, "ℹ️")
    assert "Причина возврата: Нет фотографий с мероприятия" in card.text


async def test_plan_counts_colleges_not_occurrences(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """Regression: «2 из 6 ПОО» for two colleges and an item with three dates."""
    world = await seed_plan(session_factory, fake, items=1, colleges=2, occurrences=3)
    plan = await _say(dispatcher, bot, fake, world.coordinator, "/plan")
    assert "0 из 2 ПОО отчитались" in plan.text
    assert "срок 01.05.2022" in plan.text

    async with session_factory() as session:
        first = (await session.execute(select(Occurrence).order_by(Occurrence.due_date))).scalars()
        first_id = next(iter(first)).id
        for assignment in (
            await session.execute(select(Assignment).where(Assignment.occurrence_id == first_id))
        ).scalars():
            assignment.status = AssignmentStatus.SUBMITTED
        await session.commit()

    plan = await _say(dispatcher, bot, fake, world.coordinator, "/plan")
    # Both colleges reported for the first date; the next date is what they owe now.
    assert "0 из 2 ПОО отчитались; срок 31.05.2022" in plan.text


async def test_plan_counts_a_college_once_when_it_reported(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    world = await seed_plan(session_factory, fake, items=1, colleges=2, reports=True)
    async with session_factory() as session:
        first = (await session.execute(select(Assignment).order_by(Assignment.id))).scalars()
        next(iter(first)).status = AssignmentStatus.SUBMITTED
        await session.commit()
    plan = await _say(dispatcher, bot, fake, world.coordinator, "/plan")
    assert "1 из 2 ПОО отчитались" in plan.text


async def test_history_names_who_did_what_for_which_college_in_the_clusters_time(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    world = await seed_plan(session_factory, fake, items=1, reports=True)
    at = datetime(2022, 3, 2, 8, 0, tzinfo=UTC)  # 15:00 in Tomsk
    async with session_factory() as session:
        report = (await session.execute(select(Report))).scalar_one()
        head = (
            await session.execute(select(Person).where(Person.telegram_id == world.heads[0].id))
        ).scalar_one()
        coordinator = (
            await session.execute(select(Person).where(Person.telegram_id == world.coordinator.id))
        ).scalar_one()
        item_id = world.item_ids[0]
        common = {"entity": "item", "entity_id": item_id, "cluster_id": world.cluster_id}
        session.add_all(
            [
                AuditEntry(
                    **common,
                    actor_id=head.id,
                    action="report.done",
                    details={"assignment_id": report.assignment_id, "report_id": report.id},
                    created_at=at,
                ),
                AuditEntry(
                    **common,
                    actor_id=coordinator.id,
                    action="report.returned",
                    details={"report_id": report.id, "reason": "Нет фотографий"},
                    created_at=at.replace(hour=9),
                ),
                AuditEntry(
                    **common,
                    actor_id=coordinator.id,
                    action="deadline.moved",
                    details={
                        "report_id": report.id,
                        "before": "2022-05-01",
                        "requested": "2022-06-01",
                    },
                    created_at=at.replace(hour=10),
                ),
            ]
        )
        await session.commit()

    history = await _say(dispatcher, bot, fake, world.coordinator, "/history 1")
    text = history.text
    assert (
        "Создан при импорте плана «План работы кластера транспорта на 2022 год» 01.03.2022" in text
    )
    assert (
        "02.03.2022 15:00 — Директор Колледжа № 001: отправлен отчёт о выполнении (Колледж № 001)"
        in text
    )
    assert (
        "02.03.2022 16:00 — Секретарёва Ольга: отчёт возвращён на доработку (Колледж № 001)" in text
    )
    assert "Причина: «Нет фотографий»" in text
    assert "срок перенесён (Колледж № 001): 01.05.2022 → 01.06.2022" in text
    assert "08:00" not in text  # never UTC

    card = await _say(dispatcher, bot, fake, world.coordinator, "/item 1")
    from_card = await _press(dispatcher, bot, fake, world.coordinator, card, "🕘 История")
    assert from_card.text == text


async def test_item_card_dates_come_from_the_catalogue(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    world = await seed_plan(session_factory, fake, items=1, reports=True)
    async with session_factory() as session:
        occurrence = (await session.execute(select(Occurrence))).scalar_one()
        occurrence.due_date = date(2022, 6, 1)
        await session.commit()
    russian = await _say(dispatcher, bot, fake, world.coordinator, "/item 1")
    assert "Даты: 01.06.2022 (было 01.05.2022)" in russian.text
    assert "(1 файл)" in russian.text
    english = fake.user(7900, "Ann", "Smith", language_code="en")
    async with session_factory() as session:
        person = (
            await session.execute(select(Person).where(Person.telegram_id == world.coordinator.id))
        ).scalar_one()
        person.telegram_id = english.id
        await session.commit()
    card = await _say(dispatcher, bot, fake, english, "/item 1")
    assert "Dates: 01.06.2022 (was 01.05.2022)" in card.text
    assert "было" not in card.text


async def test_the_coordinator_switches_an_item_between_one_shared_and_per_college_reports(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    world = await seed_plan(session_factory, fake, items=1, colleges=2, reports=True)
    async with session_factory() as session:
        first = (await session.execute(select(Assignment).order_by(Assignment.id))).scalars()
        next(iter(first)).status = AssignmentStatus.SUBMITTED  # college 1 reported
        await session.commit()
    card = await _say(dispatcher, bot, fake, world.coordinator, "/item 1")
    assert "Отчитывается каждая ПОО отдельно" in card.text
    assert "🏫 Отчёт от каждой ПОО" not in str(card.reply_markup)

    switched = await _press(dispatcher, bot, fake, world.coordinator, card, "👥 Один общий отчёт")
    toast = fake.calls_of("answerCallbackQuery")[-1].params["text"]
    assert "один общий отчёт" in toast
    assert "Один общий отчёт от исполнителей" in switched.text
    statuses = [(a.organization_id is None, a.status) for a in await _assignments(session_factory)]
    assert statuses == [
        (False, AssignmentStatus.SUBMITTED),  # reported: kept as it is
        (False, AssignmentStatus.CANCELLED),  # open, no longer owed
        (True, AssignmentStatus.OPEN),  # the shared one
    ]
    async with session_factory() as session:
        item = (await session.execute(select(Item))).scalar_one()
        assert item.assignment_mode is AssignmentMode.SHARED
        reports = (await session.execute(select(func.count()).select_from(Report))).scalar_one()
        assert reports == 2
    # A college head of college 2 now answers the shared assignment.
    my = await _say(dispatcher, bot, fake, world.heads[1], "/my")
    assert "Провести мероприятие № 1" in my.text

    back = await _press(
        dispatcher, bot, fake, world.coordinator, switched, "🏫 Отчёт от каждой ПОО"
    )
    assert "Отчитывается каждая ПОО отдельно" in back.text
    statuses = [(a.organization_id is None, a.status) for a in await _assignments(session_factory)]
    assert statuses == [
        (False, AssignmentStatus.SUBMITTED),
        (False, AssignmentStatus.OPEN),  # owed again: reopened, not duplicated
        (True, AssignmentStatus.CANCELLED),
    ]
    history = await _say(dispatcher, bot, fake, world.coordinator, "/history 1")
    assert "отчёты переключены: один общий" in history.text
    assert "отчёты переключены: от каждой ПОО" in history.text


async def test_an_executor_cannot_switch_the_reports_of_an_item(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    world = await seed_plan(session_factory, fake, items=1, colleges=2)
    coordinator_card = await _say(dispatcher, bot, fake, world.coordinator, "/item 1")
    head = world.heads[0]
    head_card = await _say(dispatcher, bot, fake, head, "/item 1")
    assert "Один общий отчёт" not in str(head_card.reply_markup)
    await dispatcher.feed_update(bot, fake.press(head, coordinator_card, "👥 Один общий отчёт"))
    assert [a.status for a in await _assignments(session_factory)] == [AssignmentStatus.OPEN] * 2


async def test_additem_refuses_a_deadline_without_dates(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """Regression: «по графику» was accepted by /additem and left an item no one could owe."""
    world = await seed_plan(session_factory, fake, items=1)
    coordinator = world.coordinator
    await _say(dispatcher, bot, fake, coordinator, "/additem")
    await _say(dispatcher, bot, fake, coordinator, "Провести родительские собрания")
    await _say(dispatcher, bot, fake, coordinator, "Руководители ПОО")
    refused = await _say(dispatcher, bot, fake, coordinator, "по графику министерства")
    assert "Не удалось понять срок" in refused.text
    added = await _say(dispatcher, bot, fake, coordinator, "до 20.05.2022")
    assert "Пункт 2 добавлен. Сроки: 20.05.2022." in added.text
