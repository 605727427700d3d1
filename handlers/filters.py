"""Filters set once per router: chat type, a registered person, a callback's own message."""

from __future__ import annotations

from typing import Any

from aiogram import F
from aiogram.enums import ChatType
from aiogram.filters import Filter
from aiogram.types import CallbackQuery, Message, TelegramObject

from storage.models import Person

PRIVATE = F.chat.type == ChatType.PRIVATE
GROUPS = F.chat.type.in_({ChatType.GROUP, ChatType.SUPERGROUP})
# Plain text a dialog may take as an answer (a command always means something else).
TYPED = F.text & ~F.text.startswith("/")


class Registered(Filter):
    """The update comes from a person who has pressed /start.

    The person itself is loaded once per update by ``PersonMiddleware`` as ``person``. A
    stranger's update passes by (group chatter stays unanswered); the fallback router tells a
    stranger who wrote to the bot, pressed its button or used its command in a group to send
    /start first.
    """

    async def __call__(self, event: TelegramObject, person: Person | None = None) -> bool:
        return person is not None


class WithMessage(Filter):
    """A button press whose message the bot can still edit or answer; passed as ``message``.

    Telegram sends an "inaccessible message" for very old ones: such a press is a stale button
    and falls through to the fallback router.
    """

    async def __call__(self, query: CallbackQuery) -> bool | dict[str, Any]:
        if isinstance(query.message, Message):
            return {"message": query.message}
        return False
