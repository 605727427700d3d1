"""The daily digest as a college head meets it: one message a morning, in the cluster's time,
grouped, each item with its buttons; a reply or a press marks done straight from it; a long
digest is split between items; nothing goes out in quiet hours."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.registry import ServiceSettings, build_services
from bot.telegram.sender import Sender
from storage.models import Assignment, AssignmentStatus, Occurrence, Report, ReportKind
from storage.uow import Storage
from tests.chat import Chat
from tests.fake_telegram import FakeTelegram
from tests.fakes import FixedClock
from tests.plan_world import seed_plan
from tests.test_reminders import _add_item

TOMSK = ZoneInfo("Asia/Tomsk")


async def _sweep(factory: async_sessionmaker[AsyncSession], clock: FixedClock) -> int:
    async with factory() as session:
        services = build_services(Storage(session), clock, ServiceSettings())
        return (await services.reminders.sweep()).queued


async def test_a_college_head_gets_one_digest_a_morning_and_marks_done_by_replying_to_it(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    clock: FixedClock,
    sender: Sender,
    chat: Chat,
) -> None:
    world = await seed_plan(session_factory, fake, items=0, colleges=2, timezone="Asia/Tomsk")
    item_id = await _add_item(session_factory, world, "2.3", [date(2022, 4, 28)])
    head = world.heads[0]
    clock.set(datetime(2022, 4, 28, 9, 1, tzinfo=TOMSK).astimezone(UTC))
    assert await _sweep(session_factory, clock) == 2
    await sender.drain()
    digest = chat.last(head)
    assert "Напоминание о сроках" in digest.text
    assert "28.04.2022" in digest.text  # the local day in Tomsk
    assert "Срок сегодня" in digest.text
    assert "<b>2.3</b>. Мероприятие 2.3 · Колледж № 001 — срок сегодня, 28.04.2022" in (
        digest.text or ""
    )
    labels = [b["text"] for b in digest.buttons()]
    assert labels == ["✅ Выполнено", "ℹ️ Подробнее", "⏰ Напомнить завтра"]
    # A second sweep the same morning (another replica, a restart) sends nothing more.
    clock.advance(minutes=30)
    assert await _sweep(session_factory, clock) == 0
    await sender.drain()
    assert len(chat.messages(head)) == 1

    reply = await chat.say(head, "Провели, протокол у секретаря", reply_to=digest)
    assert reply.text == "Отметил пункт 2.3 как выполненный и отправил отчёт координатору."
    async with session_factory() as session:
        reports = (
            (
                await session.execute(
                    select(Report)
                    .join(Assignment, Assignment.id == Report.assignment_id)
                    .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
                    .where(Occurrence.item_id == item_id, Report.kind == ReportKind.DONE)
                )
            )
            .scalars()
            .all()
        )
    assert [r.text for r in reports] == ["Провели, протокол у секретаря"]


async def test_a_reply_to_a_digest_of_several_items_asks_which_one_and_marks_nothing(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    clock: FixedClock,
    sender: Sender,
    chat: Chat,
) -> None:
    world = await seed_plan(session_factory, fake, items=0, colleges=1, timezone="Asia/Tomsk")
    await _add_item(session_factory, world, "1.1", [date(2022, 4, 28)])
    await _add_item(session_factory, world, "1.2", [date(2022, 5, 5)])
    head = world.heads[0]
    clock.set(datetime(2022, 4, 28, 9, 1, tzinfo=TOMSK).astimezone(UTC))
    await _sweep(session_factory, clock)
    await sender.drain()
    digest = chat.last(head)
    assert digest.text.index("Срок сегодня") < digest.text.index("Скоро срок")
    assert [b["text"] for b in digest.buttons()] == [
        "✅ 1.1",
        "ℹ️ 1.1",
        "⏰ 1.1 завтра",
        "✅ 1.2",
        "ℹ️ 1.2",
        "⏰ 1.2 завтра",
    ]
    answer = await chat.say(head, "Всё сделали", reply_to=digest)
    assert "несколько пунктов" in (answer.text or "")
    async with session_factory() as session:
        count = len((await session.execute(select(Report))).scalars().all())
    assert count == 0
    # The button marks that item: the report dialog opens for 1.2.
    await chat.press(head, "✅ 1.2", digest)
    assert "1.2" in (chat.last(head).text or "")


async def test_a_digest_longer_than_a_message_is_split_between_items_with_their_buttons(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    clock: FixedClock,
    sender: Sender,
    chat: Chat,
) -> None:
    world = await seed_plan(session_factory, fake, items=0, colleges=1, timezone="Asia/Tomsk")
    for n in range(1, 46):
        await _add_item(session_factory, world, f"9.{n}", [date(2022, 4, 28)])
    head = world.heads[0]
    clock.set(datetime(2022, 4, 28, 9, 1, tzinfo=TOMSK).astimezone(UTC))
    assert await _sweep(session_factory, clock) == 1  # one digest for the head…
    await sender.drain()
    parts = chat.messages(head)
    assert len(parts) == 3  # …sent in three parts, 20 items at most each
    numbers = [f"9.{n}" for n in range(1, 46)]
    shown = [n for part in parts for n in numbers if f"<b>{n}</b>." in (part.text or "")]
    assert sorted(shown) == sorted(numbers)  # every item once, none cut
    for part in parts:
        assert len(part.text or "") <= 4096
        in_text = {n for n in numbers if f"<b>{n}</b>." in (part.text or "")}
        on_buttons = {b["text"].removeprefix("✅ ") for b in part.buttons() if "✅" in b["text"]}
        assert in_text == on_buttons
    assert "Часть 1 из 3" in (parts[0].text or "")


async def test_no_digest_is_queued_in_quiet_hours_or_on_a_day_off(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    clock: FixedClock,
    sender: Sender,
    chat: Chat,
) -> None:
    world = await seed_plan(session_factory, fake, items=0, colleges=1, timezone="Asia/Tomsk")
    await _add_item(session_factory, world, "1.1", [date(2022, 5, 5)])
    # The bot starts at 21:00 on Thursday 28.04, when the 7-day reminder was due: quiet hours.
    clock.set(datetime(2022, 4, 28, 21, 0, tzinfo=TOMSK).astimezone(UTC))
    assert await _sweep(session_factory, clock) == 0
    # Saturday 30.04: a day off.
    clock.set(datetime(2022, 4, 30, 10, 0, tzinfo=TOMSK).astimezone(UTC))
    assert await _sweep(session_factory, clock) == 0
    # Wednesday 04.05 at 09:00, the first working morning: the missed reminder comes, once.
    clock.set(datetime(2022, 5, 4, 9, 0, tzinfo=TOMSK).astimezone(UTC))
    assert await _sweep(session_factory, clock) == 1
    await sender.drain()
    (digest,) = chat.messages(world.heads[0])
    assert "Пока бот был недоступен" not in (digest.text or "")  # it was never down
    async with session_factory() as session:
        status = (await session.execute(select(Assignment.status))).scalars().all()
    assert status == [AssignmentStatus.OPEN]
