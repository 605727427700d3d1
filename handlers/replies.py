"""Answers made of several messages: the text in order, the buttons under the last part."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InlineKeyboardMarkup, Message


async def answer_parts(
    message: Message, parts: Sequence[str], reply_markup: InlineKeyboardMarkup | None = None
) -> Message:
    """Send ``parts`` (each within Telegram's limit) as answers to ``message``; the last one
    carries ``reply_markup`` and is returned."""
    last = message
    for number, part in enumerate(parts, start=1):
        last = await message.answer(
            part, reply_markup=reply_markup if number == len(parts) else None
        )
    return last


async def edit_parts(
    message: Message, parts: Sequence[str], reply_markup: InlineKeyboardMarkup | None = None
) -> None:
    """Replace ``message`` with the first part and send the rest after it, buttons on the last."""
    if len(parts) == 1:
        await message.edit_text(parts[0], reply_markup=reply_markup)
        return
    await message.edit_text(parts[0], reply_markup=None)
    await answer_parts(message, parts[1:], reply_markup)


async def drop_buttons(message: Message) -> None:
    """Take the buttons off a message the person pressed, once: a message shown without buttons
    is left as it is (Telegram refuses an edit that changes nothing)."""
    if message.reply_markup is not None and message.reply_markup.inline_keyboard:
        await message.edit_reply_markup(reply_markup=None)
