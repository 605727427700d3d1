"""Issue 11 §4, indicators through the real Dispatcher: a done report of an item with a target
(«2022 год – 50% от количества экспертов ДЭ») asks for the actual value after «📨 Отправить»
(or after /done), «Пропустить» sends it without, nothing typed is lost, and the value stands
beside the target in the coordinator's notice and on the card."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.assignments import AssignmentService
from bot.services.indicators import IndicatorValueView, indicator_values
from handlers.states import ReportDialog
from storage.models import AssignmentMode, Indicator, IndicatorValue, Report
from storage.uow import Storage
from tests.chat import Chat
from tests.fakes import FixedClock
from tests.plan_world import PlanWorld, seed_plan

TARGET_TEXT = "2022 год – 50% от количества экспертов ДЭ"
QUESTION = "показатель на 2022 год"


@pytest.fixture
async def world(
    session_factory: async_sessionmaker[AsyncSession], chat: Chat, clock: FixedClock
) -> PlanWorld:
    """Item 1 (per college, due 01.05.2022) has a 2022 target and one for 2023; item 2 none."""
    world = await seed_plan(session_factory, chat.fake, items=2, colleges=2)
    async with session_factory() as session:
        session.add_all(
            [
                Indicator(
                    item_id=world.item_ids[0], position=0, text=TARGET_TEXT, year=2022, target="50%"
                ),
                Indicator(
                    item_id=world.item_ids[0],
                    position=1,
                    text="2023 год – 60% от количества экспертов ДЭ",
                    year=2023,
                    target="60%",
                ),
            ]
        )
        await session.commit()
    clock.set(datetime(2022, 4, 20, 5, 0, tzinfo=UTC))
    return world


async def _values(factory: async_sessionmaker[AsyncSession]) -> list[IndicatorValue]:
    async with factory() as session:
        return list((await session.execute(select(IndicatorValue))).scalars())


async def _indicator(factory: async_sessionmaker[AsyncSession], year: int) -> Indicator:
    async with factory() as session:
        return (await session.execute(select(Indicator).where(Indicator.year == year))).scalar_one()


async def test_a_done_report_asks_for_the_value_and_shows_it_beside_the_target(
    chat: Chat, world: PlanWorld, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    head, coordinator = world.heads[0], world.coordinator
    await chat.say(head, "/my")
    await chat.press(head, "✅ 1")
    await chat.say(head, "Провели отбор экспертов")
    question = await chat.press(head, "📨 Отправить")
    assert QUESTION in (question.text or "")
    assert TARGET_TEXT in (question.text or "")
    assert chat.button(question, "Пропустить")
    assert await chat.state(head) == ReportDialog.collecting.state
    assert not [m for m in chat.messages(coordinator) if "Отчёт по пункту" in (m.text or "")]

    sent = await chat.say(head, "52%")
    assert "Отчёт отправлен координатору" in (sent.text or "")
    assert await chat.state(head) is None
    notice = chat.last(coordinator)
    assert "Отчёт по пункту 1" in (notice.text or "")
    assert "Показатель 2022: план 50% — факт 52%" in (notice.text or "")
    assert "Провели отбор экспертов" in (notice.text or "")  # what was typed first is kept

    [value] = await _values(session_factory)
    assert value.value == "52%"
    assert value.organization_id is not None
    indicator = await _indicator(session_factory, 2022)
    assert indicator.actual == "52%"
    assert indicator.actual_at == datetime(2022, 4, 20, 5, 0, tzinfo=UTC)
    assert (await _indicator(session_factory, 2023)).actual is None

    card = await chat.say(coordinator, "/item 1")
    text = "\n".join(m.text or "" for m in chat.messages(coordinator)[-3:])
    assert "Показатель 2022: план 50%" in (card.text or text)
    assert "Показатель 2022: план 50% — факт 52%" in text  # under the college's report

    async with session_factory() as session:
        found = await indicator_values(Storage(session), world.item_ids)
    assert found[world.item_ids[0]][0] == IndicatorValueView(
        2022, TARGET_TEXT, "50%", "52%", "Колледж № 001"
    )
    assert found[world.item_ids[0]][1] == IndicatorValueView(
        2023, "2023 год – 60% от количества экспертов ДЭ", "60%", None, None
    )
    assert world.item_ids[1] not in found


async def test_skip_sends_the_report_without_a_value_and_the_notice_says_so(
    chat: Chat, world: PlanWorld, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    head = world.heads[1]
    await chat.say(head, "/my")
    await chat.press(head, "✅ 1")
    await chat.send_file(head, "протокол.pdf", b"%PDF-1 protocol")
    await chat.press(head, "📨 Отправить")
    sent = await chat.press(head, "Пропустить")
    assert "Отчёт отправлен координатору" in (sent.text or "")
    assert await chat.state(head) is None
    assert "Показатель 2022: план 50% — факт не указан" in (chat.last(world.coordinator).text or "")
    assert await _values(session_factory) == []
    async with session_factory() as session:
        [report] = (await session.execute(select(Report))).scalars()
        assert len(report.attachments) == 1  # the file went with the report


async def test_an_item_without_indicators_is_sent_at_once_without_a_question(
    chat: Chat, world: PlanWorld
) -> None:
    head = world.heads[0]
    await chat.say(head, "/my")
    await chat.press(head, "✅ 2")
    sent = await chat.press(head, "📨 Отправить")
    assert "Отчёт отправлен координатору" in (sent.text or "")
    assert QUESTION not in "\n".join(m.text or "" for m in chat.messages(head))
    assert "Показатель" not in (chat.last(world.coordinator).text or "")


async def test_done_by_command_asks_too_and_a_long_value_is_refused_without_losing_the_report(
    chat: Chat, world: PlanWorld, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    head = world.heads[0]
    question = await chat.say(head, "/done 1 Эксперты подготовлены")
    assert QUESTION in (question.text or "")
    refused = await chat.say(head, "14 экспертов " * 10)
    assert "слишком длинное" in (refused.text or "")
    assert await chat.state(head) == ReportDialog.collecting.state
    sent = await chat.say(head, "14 экспертов")
    assert "Отчёт отправлен координатору" in (sent.text or "")
    notice = chat.last(world.coordinator).text or ""
    assert "Показатель 2022: план 50% — факт 14 экспертов" in notice
    assert "Эксперты подготовлены" in notice
    [value] = await _values(session_factory)
    assert value.value == "14 экспертов"


async def test_a_shared_items_card_shows_the_value_beside_the_target_on_the_item(
    chat: Chat, world: PlanWorld, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    async with session_factory() as session:
        storage = Storage(session)
        item = await storage.plans.item(world.item_ids[0])
        assert item is not None
        item.assignment_mode = AssignmentMode.SHARED
        await AssignmentService(storage, FixedClock(item.created_at)).apply_mode(item)
        await session.commit()
    head = world.heads[0]
    await chat.say(head, "/my")
    await chat.press(head, "✅ 1")
    await chat.press(head, "📨 Отправить")
    await chat.say(head, "52%")
    card = (await chat.say(world.coordinator, "/item 1")).text or ""
    head_part = card.split("Исполнители и отчёты")[0]
    assert "Показатель 2022: план 50% — факт 52%" in head_part
    assert "Показатель 2023: план 60% — факт не указан" in head_part
    [value] = await _values(session_factory)
    assert value.organization_id is None  # the shared item's value, not a college's


async def test_a_reply_to_the_return_notice_asks_again_and_the_card_shows_the_latest_value(
    chat: Chat, world: PlanWorld, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    head, coordinator = world.heads[0], world.coordinator
    await chat.say(head, "/done 1 Провели")
    await chat.say(head, "40%")
    await chat.press(coordinator, "↩️ Вернуть на доработку")
    await chat.say(coordinator, "Приложите список экспертов")
    returned = chat.last(head)
    assert "Приложите список экспертов" in (returned.text or "")
    question = await chat.say(head, "Список экспертов приложен", reply_to=returned)
    assert QUESTION in (question.text or "")
    await chat.say(head, "55%")
    assert "Показатель 2022: план 50% — факт 55%" in (chat.last(coordinator).text or "")
    assert [v.value for v in await _values(session_factory)] == ["40%", "55%"]
    assert (await _indicator(session_factory, 2022)).actual == "55%"
    async with session_factory() as session:
        found = await indicator_values(Storage(session), world.item_ids)
    assert [v.actual for v in found[world.item_ids[0]] if v.year == 2022] == ["55%"]
