"""A Chat driver: people talk to the bot through the real Dispatcher and the fake Bot API.

    chat = Chat(dispatcher, bot, fake, deliver)
    my = await chat.say(head, "/my")          # the bot's last message to head after the update
    await chat.press(head, "✅")              # a button of that message, by exact text or prefix
    await chat.send_file(head, "отчет.pdf", b"%PDF-1")
    assert await chat.state(head) == ReportDialog.collecting

After every update the driver awaits ``deliver()``, so notices queued by the update have reached
their recipients before the test looks at anyone's chat.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.fsm.context import FSMContext
from aiogram.types import Update

from tests.fake_telegram import FakeChat, FakeTelegram, FakeUser, StoredMessage

Deliver = Callable[[], Awaitable[object]]


async def deliver_nothing() -> None:
    """Delivers nothing: for a Dispatcher whose notices the test does not read."""


class Chat:
    def __init__(
        self, dispatcher: Dispatcher, bot: Bot, fake: FakeTelegram, deliver: Deliver | None = None
    ) -> None:
        self.dispatcher = dispatcher
        self.bot = bot
        self.fake = fake
        self.deliver = deliver or deliver_nothing

    async def feed(self, update: Update) -> None:
        """One update through the Dispatcher, then the notices it queued are delivered."""
        await self.dispatcher.feed_update(self.bot, update)
        await self.deliver()

    # --- what people do ----------------------------------------------------------------------

    async def say(
        self,
        user: FakeUser,
        text: str,
        *,
        chat: FakeChat | None = None,
        reply_to: StoredMessage | None = None,
        thread_id: int | None = None,
    ) -> StoredMessage:
        """``user`` writes ``text``; returns the bot's last message in that chat."""
        await self.feed(
            self.fake.send_text(user, text, chat=chat, reply_to=reply_to, thread_id=thread_id)
        )
        return self.last(chat.id if chat else user)

    async def press(
        self, user: FakeUser, button: str, message: StoredMessage | None = None
    ) -> StoredMessage:
        """``user`` presses ``button`` on ``message`` (default: the bot's last message to them).

        The button is found by its exact text, else by the one text that starts with ``button``;
        none or several fail the test with the list of buttons. Returns the bot's last message
        in the chat of ``message`` after the update.
        """
        message = message or self.last(user)
        text = self.button(message, button)
        await self.feed(self.fake.press(user, message, text))
        return self.last(message.chat_id)

    async def send_file(
        self,
        user: FakeUser,
        name: str,
        content: bytes,
        *,
        caption: str | None = None,
        chat: FakeChat | None = None,
    ) -> StoredMessage:
        """``user`` sends a document; returns the bot's last message in that chat."""
        await self.feed(self.fake.send_document(user, name, content, caption=caption, chat=chat))
        return self.last(chat.id if chat else user)

    # --- what the bot said -------------------------------------------------------------------

    def last(self, who: FakeUser | int) -> StoredMessage:
        """The bot's last message to a person (their private chat) or to a chat id."""
        return self.fake.last_message_to(_chat_id(who))

    def messages(self, who: FakeUser | int) -> list[StoredMessage]:
        """Every message the bot sent to a person or chat, oldest first (edits applied)."""
        return self.fake.messages_to(_chat_id(who))

    def toast(self) -> str:
        """The text of the last callback answer (the short notice over the chat), or ''."""
        answers = self.fake.calls_of("answerCallbackQuery")
        assert answers, "no button was answered yet"
        return str(answers[-1].params.get("text") or "")

    @staticmethod
    def button(message: StoredMessage, button: str) -> str:
        """The one button of ``message`` whose text is ``button`` or starts with it (or whose
        callback data is ``button``); none or several fail the test with the list of buttons."""
        labels = [str(b.get("text")) for b in message.buttons()]
        exact = [label for label in labels if label == button]
        starting = [label for label in labels if label.startswith(button)]
        if len(exact) == 1 or (not exact and len(starting) == 1):
            return exact[0] if exact else starting[0]
        if not starting and any(b.get("callback_data") == button for b in message.buttons()):
            return button
        problem = "several buttons match" if exact or starting else "no button"
        raise AssertionError(
            f"{problem} {button!r} on message {message.message_id} "
            f"«{(message.text or '')[:60]}»: {labels}"
        )

    # --- the dialog state --------------------------------------------------------------------

    async def state(self, user: FakeUser, *, chat: FakeChat | None = None) -> str | None:
        """The FSM state of ``user`` in their private chat (or ``chat``), e.g. "ReportDialog:…"."""
        return await self._context(user, chat).get_state()

    async def data(self, user: FakeUser, *, chat: FakeChat | None = None) -> dict[str, Any]:
        """The FSM data of ``user``'s dialog in their private chat (or ``chat``)."""
        return await self._context(user, chat).get_data()

    def _context(self, user: FakeUser, chat: FakeChat | None) -> FSMContext:
        chat_id = chat.id if chat else user.id
        return self.dispatcher.fsm.get_context(self.bot, chat_id=chat_id, user_id=user.id)


def _chat_id(who: FakeUser | int) -> int:
    return who if isinstance(who, int) else who.id
