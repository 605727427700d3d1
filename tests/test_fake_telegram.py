"""The fake Bot API itself: both transports record calls, serve files and inject faults."""

from __future__ import annotations

import contextlib
import io

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError, TelegramRetryAfter
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


# --- Telegram's rules: the fake refuses what Telegram refuses, and records it as a violation ----


def taken_violations(fake: FakeTelegram) -> list[str]:
    """The violations recorded so far, taken away so the test's teardown check passes."""
    violations = list(fake.violations)
    fake.violations.clear()
    return violations


async def test_a_message_over_4096_characters_is_refused_and_recorded(
    client: Bot, fake: FakeTelegram
) -> None:
    await client.send_message(20, "я" * 4096)
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await client.send_message(20, "я" * 4097)
    [violation] = taken_violations(fake)
    assert violation.startswith("sendMessage: message is too long (4097 > 4096)")
    assert [len(m.text or "") for m in fake.messages_to(20)] == [4096]


async def test_message_length_is_counted_after_html_parsing_in_utf16_units(
    client: Bot, fake: FakeTelegram
) -> None:
    await client.send_message(21, "<b>" + "a" * 4090 + "</b>&lt;&amp;", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await client.send_message(21, "😀" * 2049)  # 2,049 characters, 4,098 UTF-16 units
    assert len(taken_violations(fake)) == 1


async def test_an_edit_over_4096_characters_is_refused_and_recorded(
    client: Bot, fake: FakeTelegram
) -> None:
    sent = await client.send_message(22, "Было")
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await client.edit_message_text("ё" * 4097, chat_id=22, message_id=sent.message_id)
    assert [v.split(":")[0] for v in taken_violations(fake)] == ["editMessageText"]
    assert fake.last_message_to(22).text == "Было"


async def test_an_empty_message_is_refused_and_recorded(client: Bot, fake: FakeTelegram) -> None:
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await client.send_message(23, "<b> </b>", parse_mode="HTML")
    assert len(taken_violations(fake)) == 1


async def test_a_caption_over_1024_characters_is_refused_and_recorded(
    client: Bot, fake: FakeTelegram
) -> None:
    document = BufferedInputFile(b"x", filename="plan.xlsx")
    await client.send_document(24, document, caption="п" * 1024)
    with pytest.raises(TelegramBadRequest, match="caption is too long"):
        await client.send_document(24, document, caption="п" * 1025)
    [violation] = taken_violations(fake)
    assert violation.startswith("sendDocument: message caption is too long (1025 > 1024)")


async def test_a_callback_answer_over_200_characters_is_refused_and_recorded(
    client: Bot, fake: FakeTelegram
) -> None:
    await client.answer_callback_query("q1", text="о" * 200, show_alert=True)
    with pytest.raises(TelegramBadRequest, match="MESSAGE_TOO_LONG"):
        await client.answer_callback_query("q2", text="о" * 201, show_alert=True)
    [violation] = taken_violations(fake)
    assert violation.startswith("answerCallbackQuery: MESSAGE_TOO_LONG (201 > 200)")


async def test_a_second_answer_to_the_same_press_is_refused_and_recorded(
    client: Bot, fake: FakeTelegram
) -> None:
    await client.answer_callback_query("q3", text="Принято")
    await client.answer_callback_query("q4")
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await client.answer_callback_query("q3", text="Ещё раз", show_alert=True)
    [violation] = taken_violations(fake)
    assert "query q3 was answered already" in violation


@pytest.mark.parametrize(
    "data",
    ["x" * 65, "д" * 33, ""],  # 65 bytes; 33 Cyrillic letters are 66 bytes; empty
    ids=["65-ascii-bytes", "66-utf8-bytes", "empty"],
)
async def test_callback_data_outside_1_to_64_bytes_is_refused_and_recorded(
    client: Bot, fake: FakeTelegram, data: str
) -> None:
    fits = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="Да", callback_data="x" * 64)]]
    )
    sent = await client.send_message(25, "Кнопки", reply_markup=fits)
    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text="Да", callback_data="ok")],
            [InlineKeyboardButton(text="Нет", callback_data=data)],
        ]
    )
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await client.send_message(25, "Кнопки", reply_markup=keyboard)
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await client.edit_message_reply_markup(
            chat_id=25, message_id=sent.message_id, reply_markup=keyboard
        )
    assert [v.split(":")[0] for v in taken_violations(fake)] == [
        "sendMessage",
        "editMessageReplyMarkup",
    ]


VALID_HTML = (
    "<b>жирный</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u> <ins>ins</ins> <s>s</s>"
    ' <strike>st</strike> <del>d</del> <span class="tg-spoiler">sp</span>'
    ' <tg-spoiler>sp</tg-spoiler> <a href="https://example.org/?a=1&amp;b=2">ссылка</a>'
    ' <code>code</code> <pre><code class="language-python">x = 1 &lt; 2</code></pre>'
    ' <blockquote>цитата</blockquote> <tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'
    " &lt; &gt; &amp; &quot; &#128512; &#x1F600; > 1"
)


async def test_telegrams_html_subset_is_accepted(client: Bot, fake: FakeTelegram) -> None:
    await client.send_message(26, VALID_HTML, parse_mode="HTML")
    await client.send_message(26, "a < b & c <br>", parse_mode=None)  # plain text: anything goes
    assert fake.violations == []


@pytest.mark.parametrize(
    "text",
    [
        "a < b",
        "AT&T",
        "&nbsp;",
        "&amp без точки с запятой",
        "<br>",
        "строка<br/>",
        "<p>абзац</p>",
        "<span>x</span>",
        "<a>без адреса</a>",
        "<b>не закрыт",
        "</b>",
        "<b><i>x</b></i>",
        "<!-- комментарий -->",
        "<b",
    ],
)
async def test_invalid_html_is_refused_and_recorded(
    client: Bot, fake: FakeTelegram, text: str
) -> None:
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await client.send_message(27, text, parse_mode="HTML")
    [violation] = taken_violations(fake)
    assert violation.startswith("sendMessage: can't parse entities")
    assert fake.messages_to(27) == []


async def test_an_invalid_caption_is_refused_and_recorded(client: Bot, fake: FakeTelegram) -> None:
    document = BufferedInputFile(b"x", filename="plan.xlsx")
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await client.send_document(28, document, caption="<b>план", parse_mode="HTML")
    assert len(taken_violations(fake)) == 1


async def _too_long_a_message_over_http(fake: FakeTelegram) -> None:
    async with FakeTelegramServer(fake) as server:
        session = AiohttpSession(api=TelegramAPIServer.from_base(server.url))
        bot = Bot(fake.token, session=session)
        with contextlib.suppress(TelegramBadRequest):
            await bot.send_message(29, "я" * 4097)
        await bot.session.close()


async def test_leaving_the_http_server_fails_when_the_bot_broke_a_rule(fake: FakeTelegram) -> None:
    """A real `workplan run` process talks over HTTP: its violations fail the test as well."""
    with pytest.raises(AssertionError, match="message is too long"):
        await _too_long_a_message_over_http(fake)
    assert len(taken_violations(fake)) == 1


async def test_an_edit_that_changes_nothing_is_refused_and_recorded(
    client: Bot, fake: FakeTelegram
) -> None:
    sent = await client.send_message(30, "Было", reply_markup=KEYBOARD)
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await client.edit_message_text(
            "Было", chat_id=30, message_id=sent.message_id, reply_markup=KEYBOARD
        )
    await client.edit_message_text("Было", chat_id=30, message_id=sent.message_id)  # buttons off
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await client.edit_message_reply_markup(chat_id=30, message_id=sent.message_id)
    assert [v.split(":")[0] for v in taken_violations(fake)] == [
        "editMessageText",
        "editMessageReplyMarkup",
    ]
