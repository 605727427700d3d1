"""TelegramNotifier: flood control is waited out, a blocked person is reported, not retried."""

from __future__ import annotations

from aiogram import Bot

from bot.notifier import Button, DeliveryStatus, Pacer, TelegramNotifier
from tests.fake_telegram import FakeTelegram


def _notifier(bot: Bot) -> TelegramNotifier:
    return TelegramNotifier(bot, pacer=Pacer(per_chat_interval=0, global_interval=0))


async def test_a_message_with_buttons_is_delivered(bot: Bot, fake: FakeTelegram) -> None:
    delivery = await _notifier(bot).send(
        21, "Напоминание", keyboard=[[Button("✅ Выполнено", data="done:1")]]
    )
    assert delivery.status is DeliveryStatus.SENT
    stored = fake.last_message_to(21)
    assert delivery.message_id == stored.message_id
    assert stored.buttons() == [{"text": "✅ Выполнено", "callback_data": "done:1"}]


async def test_flood_control_is_waited_out_and_the_message_still_arrives(
    bot: Bot, fake: FakeTelegram
) -> None:
    fake.inject_fault("sendMessage", status=429, retry_after=1)
    delivery = await _notifier(bot).send(22, "Сводка")
    assert delivery.status is DeliveryStatus.SENT
    assert len(fake.calls_of("sendMessage")) == 2


async def test_a_person_who_blocked_the_bot_is_reported_once(bot: Bot, fake: FakeTelegram) -> None:
    fake.inject_fault("sendMessage", status=403, times=5)
    delivery = await _notifier(bot).send(23, "Напоминание")
    assert delivery.status is DeliveryStatus.BLOCKED
    assert len(fake.calls_of("sendMessage")) == 1


async def test_server_errors_are_retried_then_reported_as_failed(
    bot: Bot, fake: FakeTelegram
) -> None:
    fake.inject_fault("sendMessage", status=502, times=10)
    delivery = await TelegramNotifier(
        bot, attempts=2, pacer=Pacer(per_chat_interval=0, global_interval=0)
    ).send(24, "Сводка")
    assert delivery.status is DeliveryStatus.FAILED
    assert len(fake.calls_of("sendMessage")) == 2


async def test_a_long_flood_wait_is_not_slept_through(bot: Bot, fake: FakeTelegram) -> None:
    fake.inject_fault("sendMessage", status=429, retry_after=3600)
    delivery = await _notifier(bot).send(25, "Сводка")
    assert delivery.status is DeliveryStatus.FAILED
