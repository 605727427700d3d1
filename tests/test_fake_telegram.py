"""The fake Bot API itself: both transports record calls, serve files and inject faults."""

from __future__ import annotations

import io

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramForbiddenError, TelegramRetryAfter
from aiogram.methods import GetChatMemberCount
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup

from tests.fake_telegram import FakeTelegram, FakeTelegramServer, RecordingSession

KEYBOARD = InlineKeyboardMarkup(
    inline_keyboard=[[InlineKeyboardButton(text="Принять", callback_data="acc:7")]]
)


@pytest.fixture(params=["in-process", "http"])
async def client(request: pytest.FixtureRequest, fake: FakeTelegram):  # type: ignore[no-untyped-def]
    if request.param == "in-process":
        bot = Bot(fake.token, session=RecordingSession(fake))
        yield bot
        await bot.session.close()
        return
    async with FakeTelegramServer(fake) as server:
        session = AiohttpSession(api=TelegramAPIServer.from_base(server.url))
        bot = Bot(fake.token, session=session)
        yield bot
        await bot.session.close()


async def test_messages_with_buttons_are_recorded_and_can_be_pressed(
    client: Bot, fake: FakeTelegram
) -> None:
    user = fake.user(10, "Анна")
    sent = await client.send_message(user.id, "Отчёт по пункту 2.3", reply_markup=KEYBOARD)
    stored = fake.last_message_to(user.id)
    assert stored.message_id == sent.message_id
    assert stored.text == "Отчёт по пункту 2.3"
    assert fake.calls_of("sendMessage")[0].params["chat_id"] == user.id
    update = fake.press(user, stored, "Принять")
    assert update.callback_query is not None
    assert update.callback_query.data == "acc:7"
    with pytest.raises(AssertionError, match="no button"):
        fake.press(user, stored, "Отклонить")


async def test_edits_change_the_stored_message(client: Bot, fake: FakeTelegram) -> None:
    sent = await client.send_message(11, "Было", reply_markup=KEYBOARD)
    await client.edit_message_text("Стало", chat_id=11, message_id=sent.message_id)
    assert fake.last_message_to(11).text == "Стало"
    assert fake.last_message_to(11).reply_markup is None


async def test_uploaded_documents_are_kept_and_user_files_can_be_downloaded(
    client: Bot, fake: FakeTelegram
) -> None:
    await client.send_document(12, BufferedInputFile(b"xlsx-bytes", filename="plan.xlsx"))
    call = fake.calls_of("sendDocument")[0]
    assert list(call.files.values()) == [("plan.xlsx", b"xlsx-bytes")]

    user = fake.user(12, "Борис")
    update = fake.send_document(user, "протокол.docx", b"docx-bytes")
    assert update.message is not None
    assert update.message.document is not None
    buffer = io.BytesIO()
    await client.download(update.message.document.file_id, destination=buffer)
    assert buffer.getvalue() == b"docx-bytes"


async def test_an_injected_429_arrives_as_retry_after(client: Bot, fake: FakeTelegram) -> None:
    fake.inject_fault("sendMessage", status=429, retry_after=3)
    with pytest.raises(TelegramRetryAfter) as error:
        await client.send_message(13, "раз")
    assert error.value.retry_after == 3
    await client.send_message(13, "два")  # the fault was used up
    assert [m.text for m in fake.messages_to(13)] == ["два"]


async def test_an_injected_403_arrives_as_forbidden(client: Bot, fake: FakeTelegram) -> None:
    fake.inject_fault("*", status=403)
    with pytest.raises(TelegramForbiddenError):
        await client.send_message(14, "вы заблокировали бота")


async def test_rate_limits_are_enforced_when_asked(client: Bot, fake: FakeTelegram) -> None:
    fake.enforce_rate_limits = True
    await client.send_message(15, "первое")
    with pytest.raises(TelegramRetryAfter):
        await client.send_message(15, "второе в ту же секунду")


async def test_updates_are_long_polled_with_offsets(client: Bot, fake: FakeTelegram) -> None:
    user = fake.user(16, "Вера")
    first = fake.send_text(user, "/start")
    updates = await client.get_updates(timeout=1)
    assert [u.update_id for u in updates] == [first.update_id]
    assert updates[0].message is not None
    assert updates[0].message.text == "/start"
    assert await client.get_updates(offset=first.update_id + 1, timeout=0) == []


async def test_an_unknown_method_fails_loudly_in_process(fake: FakeTelegram) -> None:
    bot = Bot(fake.token, session=RecordingSession(fake))
    with pytest.raises(AssertionError, match="Unexpected Bot API call getChatMemberCount"):
        await bot(GetChatMemberCount(chat_id=1))
    assert [c.method for c in fake.unexpected_calls] == ["getChatMemberCount"]
