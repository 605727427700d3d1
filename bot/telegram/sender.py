"""Delivery: claims due notices, renders each for its recipient, sends within Telegram's limits.

Woken after every commit that may have queued something and by the scheduler; no update waits
for it. The database is the truth: a row is claimed before it is sent and settled after, so a
restart or a second sender neither loses nor repeats a notice (only one in flight at a crash).
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from enum import StrEnum

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import InlineKeyboardMarkup
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.domain.notices import REPORT_KINDS, NoticeKind
from bot.i18n import Translations
from bot.services.notices import NoticeService, Outgoing
from bot.telegram.notices import Rendered, render_report_notice, render_start_link
from storage.uow import Storage

logger = logging.getLogger(__name__)


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


class TelegramDelivery:
    """One message to one chat: paced, retried on flood control and server errors."""

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
        keyboard: InlineKeyboardMarkup | None = None,
        silent: bool = False,
    ) -> Delivery:
        error = ""
        for attempt in range(1, self.attempts + 1):
            await self.pacer.wait(chat_id)
            try:
                message = await self.bot.send_message(
                    chat_id,
                    text,
                    message_thread_id=thread_id,
                    reply_markup=keyboard,
                    disable_notification=silent or None,
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


class Sender:
    """Drains the outbox in the background; ``wake()`` after a commit, ``drain()`` in tests."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        delivery: TelegramDelivery,
        clock: Clock,
        translations: Translations,
        *,
        batch: int = 50,
    ) -> None:
        self.session_factory = session_factory
        self.delivery = delivery
        self.clock = clock
        self.translations = translations
        self.batch = batch
        self._wake = asyncio.Event()
        self._lock = asyncio.Lock()

    def wake(self) -> None:
        self._wake.set()

    async def run(self) -> None:
        """Until cancelled: wait to be woken, then send everything that is due."""
        while True:
            await self._wake.wait()
            self._wake.clear()
            try:
                await self.drain()
            except Exception:
                logger.exception("the sender failed; it will try again when woken")

    async def drain(self) -> int:
        """Send every due notice; returns how many were sent."""
        sent = 0
        async with self._lock:
            while True:
                async with self.session_factory() as session:
                    notices = NoticeService(Storage(session), self.clock)
                    claimed = await notices.claim(self.batch)
                    for outgoing in claimed:
                        sent += await self._deliver(notices, outgoing)
                if len(claimed) < self.batch:
                    return sent

    async def _deliver(self, notices: NoticeService, outgoing: Outgoing) -> int:
        row = outgoing.notification
        rendered = await self._render(notices, outgoing)
        if rendered is None or outgoing.chat_id is None:
            await notices.dropped(row, "nothing to send: the recipient or the subject is gone")
            return 0
        delivery = await self.delivery.send(
            outgoing.chat_id,
            rendered.text,
            thread_id=outgoing.thread_id,
            keyboard=rendered.keyboard,
            silent=row.silent,
        )
        if delivery.status is DeliveryStatus.SENT:
            await notices.sent(row, delivery.message_id)
            return 1
        if delivery.status is DeliveryStatus.MIGRATED and delivery.migrated_to is not None:
            await notices.moved_to(row, delivery.migrated_to)
        elif delivery.status is DeliveryStatus.BLOCKED:
            logger.info("notice %s not delivered: %s", row.id, delivery.error)
            await notices.blocked(row, delivery.error)
        else:
            await notices.retry_later(row, delivery.error)
        return 0

    async def _render(self, notices: NoticeService, outgoing: Outgoing) -> Rendered | None:
        t = self.translations.for_language(outgoing.language_code)
        payload = outgoing.notification.payload or {}
        kind = outgoing.kind
        if kind in REPORT_KINDS:
            report_id = payload.get("report_id")
            facts = await notices.report_facts(int(report_id)) if report_id else None
            return render_report_notice(t, kind, facts, payload) if facts else None
        if kind is NoticeKind.START_LINK:
            person_id = payload.get("person_id")
            start = await notices.start_link_facts(int(person_id)) if person_id else None
            if start is None:
                return None
            username = (await self.delivery.bot.me()).username or ""
            return render_start_link(t, start, username)
        logger.error("no renderer for notice kind %s", kind)
        return None
