"""/reminders and «⏰ Напомнить завтра» through the real Dispatcher, with a moving clock and a
cluster in Asia/Tomsk (MSK+4): what the bot will remind a person of and when, in the cluster's
time; the snooze press answered with a short notice, the digest left as it is; /help and the
command menu list the two commands."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from aiogram import Bot
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import PRIVATE_COMMANDS
from bot.i18n import Translations
from bot.telegram.callbacks import ReminderCallback
from storage.models import (
    Assignment,
    AssignmentStatus,
    MemberRole,
    Membership,
    Person,
    ReminderSnooze,
)
from tests.chat import Chat
from tests.fake_telegram import FakeTelegram, FakeUser, StoredMessage
from tests.fake_telegram.core import utf16_length
from tests.fakes import FixedClock
from tests.plan_world import PlanWorld, seed_plan

TOMSK_HEADER = "<b>Кластер транспорта</b> (время кластера: Томск, МСК+4)"
ITEM_1 = "• <b>1</b> Провести мероприятие № 1 для школьников — срок 01.05.2022; "


def _tomsk(day: int, month: int, hour: int, minute: int = 0) -> datetime:
    """A moment of 2022 given as Tomsk's wall clock (UTC+7)."""
    return datetime(2022, month, day, hour - 7, minute, tzinfo=UTC)


@pytest.fixture
async def world(
    session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram, clock: FixedClock
) -> PlanWorld:
    clock.set(_tomsk(20, 4, 12))  # Wednesday 20.04.2022, noon in Tomsk
    return await seed_plan(session_factory, fake, items=3)


async def _assignment_ids(factory: async_sessionmaker[AsyncSession]) -> list[int]:
    async with factory() as session:
        return list(
            (await session.execute(select(Assignment.id).order_by(Assignment.id))).scalars()
        )


async def _digest(bot: Bot, chat: Chat, user: FakeUser, assignment_id: int) -> StoredMessage:
    """A digest as the sender delivers it, with the item's «⏰ Напомнить завтра»."""
    button = InlineKeyboardButton(
        text="⏰ Напомнить завтра",
        callback_data=ReminderCallback(action="snooze", assignment_id=assignment_id).pack(),
    )
    await bot.send_message(
        user.id,
        "🔔 <b>Напоминание о сроках</b>",
        reply_markup=InlineKeyboardMarkup(inline_keyboard=[[button]]),
    )
    return chat.last(user)


async def test_reminders_says_the_next_reminder_in_the_clusters_time_as_the_clock_moves(
    chat: Chat, world: PlanWorld, clock: FixedClock
) -> None:
    head = world.heads[0]
    text = (await chat.say(head, "/reminders")).text or ""
    assert TOMSK_HEADER in text
    # 7 days before Sunday 01.05 is Sunday 24.04: the reminder moves to Friday 22.04.
    assert ITEM_1 + "напомню 22.04.2022 в 09:00" in text
    assert "№ 2 для школьников — срок 02.05.2022; напомню 25.04.2022 в 09:00" in text
    assert text.index("№ 1") < text.index("№ 2") < text.index("№ 3")  # by the next reminder

    clock.set(_tomsk(22, 4, 8, 30))  # before the digest hour: today's still counts
    assert ITEM_1 + "напомню 22.04.2022 в 09:00" in (
        (await chat.say(head, "/reminders")).text or ""
    )
    clock.set(_tomsk(22, 4, 9, 30))  # after it: the next one
    assert ITEM_1 + "напомню 28.04.2022 в 09:00" in (
        (await chat.say(head, "/reminders")).text or ""
    )

    clock.set(_tomsk(1, 7, 12))  # long overdue, every reminder after the deadline spent
    text = (await chat.say(head, "/reminders")).text or ""
    assert ITEM_1 + "напоминаний больше не будет" in text


async def test_a_moscow_cluster_does_not_name_its_zone(
    chat: Chat,
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    clock: FixedClock,
) -> None:
    clock.set(datetime(2022, 4, 20, 9, 0, tzinfo=UTC))
    world = await seed_plan(session_factory, fake, items=1, timezone="Europe/Moscow")
    text = (await chat.say(world.heads[0], "/reminders")).text or ""
    assert "<b>Кластер транспорта</b>\n" in text
    assert "МСК" not in text
    assert "время кластера" not in text
    assert ITEM_1 + "напомню 22.04.2022 в 09:00" in text


async def test_a_person_with_nothing_open_is_told_so_and_pointed_to_my(
    chat: Chat, session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram
) -> None:
    world = await seed_plan(session_factory, fake, items=0)
    text = (await chat.say(world.heads[0], "/reminders")).text
    assert text == (
        "Открытых пунктов у вас нет — напоминать пока не о чем. 🎉\nВаши пункты плана — /my."
    )


async def test_a_coordinator_also_reads_the_coordinator_digest_in_policy_words(
    chat: Chat, world: PlanWorld
) -> None:
    text = (await chat.say(world.coordinator, "/reminders")).text or ""
    assert "Открытых пунктов у вас нет." in text
    assert (
        "Вам как координатору «Кластер транспорта» — отдельная сводка в 09:00"
        " (время кластера: Томск, МСК+4): о просрочке через 3 дня; об отчётах, ждущих решения,"
        " через 2 рабочих дня; о пунктах без срока — по понедельникам."
    ) in text


async def test_a_long_list_is_split_between_lines_within_telegrams_limit(
    chat: Chat, session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram
) -> None:
    world = await seed_plan(session_factory, fake, items=80)
    head = world.heads[0]
    await chat.say(head, "/reminders")
    parts = [m.text or "" for m in chat.messages(head)]
    assert len(parts) >= 2
    assert all(utf16_length(part) <= 4096 for part in parts)
    lines = [line for part in parts for line in part.split("\n") if line.startswith("• ")]
    assert len(lines) == 80
    assert all("; напомню " in line and line.endswith(" в 09:00") for line in lines)
    assert parts[-1].endswith("Все пункты — /my.")


async def test_snooze_answers_with_a_short_notice_and_leaves_the_digest_alone(
    chat: Chat,
    bot: Bot,
    world: PlanWorld,
    clock: FixedClock,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    head = world.heads[0]
    first = (await _assignment_ids(session_factory))[0]
    clock.set(_tomsk(22, 4, 9, 5))  # Friday: the next working day is Monday 25.04
    digest = await _digest(bot, chat, head, first)
    before = (digest.text, digest.reply_markup)

    after = await chat.press(head, "⏰ Напомнить завтра", digest)
    toast = chat.toast()
    assert toast == "Напомню 25.04.2022. Срок пункта не меняется."
    assert len(toast) <= 200
    assert not fake.calls_of("answerCallbackQuery")[-1].params.get("show_alert")
    assert (after.text, after.reply_markup) == before
    assert not fake.calls_of("editMessageText")
    assert not fake.calls_of("editMessageReplyMarkup")
    assert len(chat.messages(head)) == 1

    async with session_factory() as session:
        snooze = (await session.execute(select(ReminderSnooze))).scalar_one()
        assert str(snooze.until) == "2022-04-25"
        deadline = await session.get(Assignment, first)
        assert deadline is not None
        assert deadline.due_date is None  # the deadline stays

    text = (await chat.say(head, "/reminders")).text or ""
    assert ITEM_1 + "отложено до 25.04.2022, напомню 25.04.2022 в 09:00" in text


async def test_snoozing_a_closed_or_someone_elses_assignment_gets_a_polite_answer(
    chat: Chat,
    bot: Bot,
    world: PlanWorld,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    head = world.heads[0]
    first, second = (await _assignment_ids(session_factory))[:2]
    async with session_factory() as session:
        await session.execute(
            update(Assignment)
            .where(Assignment.id == first)
            .values(status=AssignmentStatus.SUBMITTED)
        )
        await session.commit()
    digest = await _digest(bot, chat, head, first)
    await chat.press(head, "⏰ Напомнить завтра", digest)
    assert chat.toast() == (
        "По этому пункту напоминаний больше нет: отчёт уже отправлен или пункт закрыт."
    )

    # A college head of another cluster, with a copied button.
    other = await seed_plan(
        session_factory, fake, items=1, first_telegram_id=7200, cluster_name="Другой кластер"
    )
    outsider = other.heads[0]
    digest = await _digest(bot, chat, outsider, second)
    await chat.press(outsider, "⏰ Напомнить завтра", digest)
    assert chat.toast() == "Этот пункт не найден или уже недоступен."

    stranger = fake.user(7300, "Гость")
    digest = await _digest(bot, chat, stranger, second)
    await chat.press(stranger, "⏰ Напомнить завтра", digest)
    assert chat.toast() == "Сначала отправьте мне /start."

    async with session_factory() as session:
        assert (await session.execute(select(ReminderSnooze))).first() is None
    assert not fake.calls_of("editMessageText")


async def test_help_lists_reminders_for_members_and_settings_for_coordinators(
    chat: Chat, world: PlanWorld, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    coordinator = (await chat.say(world.coordinator, "/help")).text or ""
    assert "/reminders — о чём и когда я напомню" in coordinator
    assert "/settings — настройки напоминаний кластера" in coordinator
    head = (await chat.say(world.heads[0], "/help")).text or ""
    assert "/reminders" in head
    assert "/settings" not in head

    observer = chat.fake.user(7400, "Наблюдатель")
    await chat.say(observer, "/start")
    async with session_factory() as session:
        person = (
            await session.execute(select(Person).where(Person.telegram_id == observer.id))
        ).scalar_one()
        session.add(
            Membership(
                cluster_id=world.cluster_id,
                person_id=person.id,
                role=MemberRole.OBSERVER,
                joined_at=person.created_at,
            )
        )
        await session.commit()
    text = (await chat.say(observer, "/help")).text or ""
    assert "/reminders" in text
    assert "/settings" not in text
    stranger = (await chat.say(chat.fake.user(7401, "Гость"), "/help")).text or ""
    assert "/reminders" not in stranger


def test_the_command_menu_offers_reminders_and_settings_in_both_languages(
    translations: Translations,
) -> None:
    assert {"reminders", "settings"} <= set(PRIVATE_COMMANDS)
    for locale in ("ru", "en"):
        t = translations.get(locale)
        for name in ("reminders", "settings"):
            description = t(f"cmd-{name}")
            assert description != f"cmd-{name}"
            assert 3 <= len(description) <= 256
    assert translations.get("ru")("cmd-reminders") == "Когда и о чём я напомню"
