"""Sending messages outside a reply: the Notifier protocol and its Telegram implementation."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Button:
    """An inline button: ``data`` is callback data (ids only), or ``url`` a link."""

    text: str
    data: str | None = None
    url: str | None = None


Keyboard = Sequence[Sequence[Button]]


class DeliveryStatus(StrEnum):
    SENT = "sent"
    BLOCKED = "blocked"  # the person blocked the bot or never opened a chat with it
    MIGRATED = "migrated"  # the group became a supergroup: retry at ``migrated_to``
    FAILED = "failed"  # Telegram kept failing; try again later


@dataclass(frozen=True, slots=True)
class Delivery:
    status: DeliveryStatus
    message_id: int | None = None
    migrated_to: int | None = None
    error: str | None = None


class Notifier(Protocol):
    async def send(
        self,
        chat_id: int,
        text: str,
        *,
        thread_id: int | None = None,
        keyboard: Keyboard | None = None,
    ) -> Delivery: ...


class Pacer:
    """Keeps within Telegram's limits: ~1 message/s per chat and ~30 messages/s overall."""

    def __init__(self, per_chat_interval: float = 1.0, global_interval: float = 1 / 30) -> None:
        self.per_chat_interval = per_chat_interval
        self.global_interval = global_interval
        self._last_by_chat: dict[int, float] = {}
        self._last_global = 0.0
        self._lock = asyncio.Lock()

    async def wait(self, chat_id: int) -> None:
        async with self._lock:
            now = time.monotonic()
            ready = max(
                self._last_by_chat.get(chat_id, 0.0) + self.per_chat_interval,
                self._last_global + self.global_interval,
            )
            if ready > now:
                await asyncio.sleep(ready - now)
                now = ready
            self._last_by_chat[chat_id] = now
            self._last_global = now


def to_markup(keyboard: Keyboard | None) -> InlineKeyboardMarkup | None:
    if not keyboard:
        return None
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=b.text, callback_data=b.data, url=b.url) for b in row]
            for row in keyboard
        ]
    )


class TelegramNotifier:
    def __init__(
        self,
        bot: Bot,
        *,
        attempts: int = 3,
        max_retry_after: float = 60.0,
        pacer: Pacer | None = None,
    ) -> None:
        self.bot = bot
        self.attempts = attempts
        self.max_retry_after = max_retry_after
        self.pacer = pacer or Pacer()

    async def send(
        self,
        chat_id: int,
        text: str,
        *,
        thread_id: int | None = None,
        keyboard: Keyboard | None = None,
    ) -> Delivery:
        markup = to_markup(keyboard)
        error = ""
        for attempt in range(1, self.attempts + 1):
            await self.pacer.wait(chat_id)
            try:
                message = await self.bot.send_message(
                    chat_id, text, message_thread_id=thread_id, reply_markup=markup
                )
            except TelegramRetryAfter as exc:
                error = str(exc)
                if exc.retry_after > self.max_retry_after:
                    break
                logger.info("Flood control for chat %s: waiting %ss", chat_id, exc.retry_after)
                await asyncio.sleep(exc.retry_after)
            except TelegramMigrateToChat as exc:
                return Delivery(DeliveryStatus.MIGRATED, migrated_to=exc.migrate_to_chat_id)
            except TelegramForbiddenError as exc:
                return Delivery(DeliveryStatus.BLOCKED, error=str(exc))
            except TelegramBadRequest as exc:
                if "chat not found" in str(exc).lower():
                    return Delivery(DeliveryStatus.BLOCKED, error=str(exc))
                return Delivery(DeliveryStatus.FAILED, error=str(exc))
            except (TelegramServerError, TelegramNetworkError) as exc:
                error = str(exc)
                await asyncio.sleep(min(2.0**attempt, 10.0) / 4)
            else:
                return Delivery(DeliveryStatus.SENT, message_id=message.message_id)
        logger.warning("Could not send to chat %s: %s", chat_id, error)
        return Delivery(DeliveryStatus.FAILED, error=error)
