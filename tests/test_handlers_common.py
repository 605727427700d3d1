"""/start, /help, /cancel and errors, fed through the real Dispatcher with a fake Bot API."""

from __future__ import annotations

from datetime import timedelta

from aiogram import Bot, Dispatcher
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.invites import InviteTokens
from storage.models import InviteRole, Person
from storage.uow import Storage
from tests.conftest import ADMIN_TELEGRAM_ID
from tests.fake_telegram import FakeTelegram
from tests.fakes import FixedClock


async def test_start_without_an_invite_explains_the_bot_and_how_to_join(
    dispatcher: Dispatcher, bot: Bot, fake: FakeTelegram
) -> None:
    user = fake.user(1001, "Алиса", "Петрова")
    await dispatcher.feed_update(bot, fake.send_text(user, "/start"))
    reply = fake.last_message_to(user.id)
    assert "Здравствуйте, <b>Алиса Петрова</b>!" in reply.text
    assert "ссылку-приглашение" in reply.text
    assert reply.parse_mode == "HTML"


async def test_start_speaks_english_to_an_english_telegram_user(
    dispatcher: Dispatcher, bot: Bot, fake: FakeTelegram
) -> None:
    user = fake.user(1002, "John", language_code="en")
    await dispatcher.feed_update(bot, fake.send_text(user, "/start"))
    assert "Hello, <b>John</b>!" in fake.last_message_to(user.id).text


async def test_the_name_of_a_user_is_escaped_in_replies(
    dispatcher: Dispatcher, bot: Bot, fake: FakeTelegram
) -> None:
    user = fake.user(1003, "<b>Хакер</b> & Co")
    await dispatcher.feed_update(bot, fake.send_text(user, "/start"))
    assert "&lt;b&gt;Хакер&lt;/b&gt; &amp; Co" in fake.last_message_to(user.id).text


async def test_an_administrator_from_the_config_is_greeted_as_one(
    dispatcher: Dispatcher, bot: Bot, fake: FakeTelegram
) -> None:
    admin = fake.user(ADMIN_TELEGRAM_ID, "Админ")
    await dispatcher.feed_update(bot, fake.send_text(admin, "/start"))
    assert "Вы администратор" in fake.last_message_to(admin.id).text


async def test_an_admin_invite_link_makes_the_user_an_administrator(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
) -> None:
    async with session_factory() as session:
        created = await InviteTokens(Storage(session), clock).create(
            InviteRole.ADMIN, ttl=timedelta(hours=1)
        )
    user = fake.user(1004, "Борис")
    await dispatcher.feed_update(bot, fake.send_text(user, f"/start {created.token}"))
    assert "назначены администратором" in fake.last_message_to(user.id).text

    second = fake.user(1005, "Вера")
    await dispatcher.feed_update(bot, fake.send_text(second, f"/start {created.token}"))
    assert "уже использована" in fake.last_message_to(second.id).text
    async with session_factory() as session:
        admins = (await session.execute(select(func.count()).where(Person.is_admin))).scalar_one()
    assert admins == 1


async def test_a_broken_deep_link_gets_a_polite_refusal_and_stores_nobody(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = fake.user(1006, "Галина")
    await dispatcher.feed_update(bot, fake.send_text(user, "/start garbage-token"))
    assert "недействительна" in fake.last_message_to(user.id).text
    async with session_factory() as session:
        people = (await session.execute(select(func.count()).select_from(Person))).scalar_one()
    assert people == 0


async def test_help_and_cancel_answer_in_a_private_chat(
    dispatcher: Dispatcher, bot: Bot, fake: FakeTelegram
) -> None:
    user = fake.user(1007, "Дмитрий")
    await dispatcher.feed_update(bot, fake.send_text(user, "/help"))
    stranger_help = fake.last_message_to(user.id).text
    assert "/start" in stranger_help
    assert "ссылку-приглашение" in stranger_help
    assert "/my" not in stranger_help  # a stranger is shown only what a stranger may use
    await dispatcher.feed_update(bot, fake.send_text(user, "/cancel"))
    assert fake.last_message_to(user.id).text == "Сейчас нечего отменять."


async def test_unknown_text_in_private_gets_a_hint(
    dispatcher: Dispatcher, bot: Bot, fake: FakeTelegram
) -> None:
    stranger = fake.user(1008, "Елена")
    await dispatcher.feed_update(bot, fake.send_text(stranger, "привет, что умеешь?"))
    assert "/start" in fake.last_message_to(stranger.id).text
    await dispatcher.feed_update(bot, fake.send_text(stranger, "/start"))
    await dispatcher.feed_update(bot, fake.send_text(stranger, "привет, что умеешь?"))
    assert "/help" in fake.last_message_to(stranger.id).text


async def test_the_bot_stays_quiet_in_a_group_except_for_its_commands(
    dispatcher: Dispatcher, bot: Bot, fake: FakeTelegram
) -> None:
    user = fake.user(1009, "Жанна")
    group = fake.group(-100500, "Кластер транспорта")
    await dispatcher.feed_update(bot, fake.send_text(user, "всем привет", chat=group))
    await dispatcher.feed_update(bot, fake.send_text(user, "/start", chat=group))
    assert fake.messages_to(group.id) == []
    await dispatcher.feed_update(bot, fake.send_text(user, "/help", chat=group))
    assert "только на команды" in fake.last_message_to(group.id).text


async def test_an_unexpected_failure_is_logged_and_the_user_gets_an_apology(
    dispatcher: Dispatcher, bot: Bot, fake: FakeTelegram, monkeypatch, caplog
) -> None:
    from bot.services.onboarding import OnboardingService

    async def explode(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("database on fire")

    monkeypatch.setattr(OnboardingService, "start", explode)
    user = fake.user(1010, "Зоя")
    update = fake.send_text(user, "/start")
    await dispatcher.feed_update(bot, update)
    reply = fake.last_message_to(user.id).text
    assert reply.startswith("Извините, что-то пошло не так")
    assert "database on fire" not in reply
    assert "Traceback" not in reply
    assert any(
        f"update {update.update_id} failed" in record.getMessage() for record in caplog.records
    )
