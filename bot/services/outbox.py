"""Outbox: notifications written with the state change, sent later within Telegram's limits."""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.i18n import Html, Translations, default_translations
from bot.notifier import Button, DeliveryStatus, Notifier
from storage.models import Notification, NotificationStatus
from storage.uow import Storage

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
START_LINK = "start_link"


async def enqueue(
    storage: Storage,
    clock: Clock,
    *,
    dedup_key: str,
    chat_id: int,
    text: str,
    kind: str,
    keyboard: list[list[dict[str, str]]] | None = None,
    person_id: int | None = None,
    cluster_id: int | None = None,
    thread_id: int | None = None,
) -> None:
    """Queue a message in the caller's transaction; the same dedup key is queued once."""
    now = clock.now()
    await storage.notifications.enqueue(
        Notification(
            dedup_key=dedup_key,
            chat_id=chat_id,
            message_thread_id=thread_id,
            cluster_id=cluster_id,
            person_id=person_id,
            kind=kind,
            text=text,
            reply_markup={"inline_keyboard": keyboard} if keyboard else None,
            status=NotificationStatus.PENDING,
            attempts=0,
            not_before=now,
            created_at=now,
        )
    )


def _keyboard(markup: dict[str, Any] | None) -> list[list[Button]] | None:
    if not markup:
        return None
    return [
        [Button(b["text"], data=b.get("callback_data"), url=b.get("url")) for b in row]
        for row in markup.get("inline_keyboard", [])
    ]


class OutboxSender:
    """Drains due notifications, one drain at a time in this process.

    Replicas will need a row claim (SELECT … FOR UPDATE SKIP LOCKED); one process needs a lock.
    """

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        notifier: Notifier,
        clock: Clock,
        *,
        bot_username: Callable[[], Awaitable[str]] | None = None,
        translations: Translations | None = None,
    ) -> None:
        self.session_factory = session_factory
        self.notifier = notifier
        self.clock = clock
        self.bot_username = bot_username
        self.translations = translations or default_translations()
        self._lock = asyncio.Lock()

    async def drain(self, limit: int = 50) -> int:
        async with self._lock:
            return await self._drain(limit)

    async def _drain(self, limit: int) -> int:
        sent = 0
        async with self.session_factory() as session:
            storage = Storage(session)
            due = await storage.notifications.due(self.clock.now(), limit)
            for row in due:
                delivery = await self.notifier.send(
                    row.chat_id,
                    row.text,
                    thread_id=row.message_thread_id,
                    keyboard=_keyboard(row.reply_markup),
                )
                row.attempts += 1
                if delivery.status is DeliveryStatus.SENT:
                    row.status = NotificationStatus.SENT
                    row.sent_at = self.clock.now()
                    row.telegram_message_id = delivery.message_id
                    sent += 1
                elif delivery.status is DeliveryStatus.MIGRATED and delivery.migrated_to:
                    row.chat_id = delivery.migrated_to
                elif delivery.status is DeliveryStatus.BLOCKED or row.attempts >= MAX_ATTEMPTS:
                    row.status = NotificationStatus.FAILED
                    row.last_error = delivery.error
                    logger.info("notification %s not delivered: %s", row.id, delivery.error)
                    if delivery.status is DeliveryStatus.BLOCKED:
                        await self._ask_to_start_in_group(storage, row)
                else:
                    row.not_before = self.clock.now() + timedelta(minutes=2**row.attempts)
                    row.last_error = delivery.error
                await storage.commit()
        return sent

    async def _ask_to_start_in_group(self, storage: Storage, row: Notification) -> None:
        """Someone never opened a chat with the bot: ask them to, once, in the cluster's group."""
        if row.kind == START_LINK or row.person_id is None or row.cluster_id is None:
            return
        if self.bot_username is None:
            return
        cluster = await storage.clusters.get(row.cluster_id)
        person = await storage.persons.get(row.person_id)
        if cluster is None or person is None or cluster.group_chat_id is None:
            return
        t = self.translations.for_language(person.language_code)
        await enqueue(
            storage,
            self.clock,
            dedup_key=f"{START_LINK}:{cluster.id}:{person.id}",
            chat_id=cluster.group_chat_id,
            thread_id=cluster.group_thread_id,
            kind=START_LINK,
            cluster_id=cluster.id,
            text=t(
                "notify-start-link",
                mention=Html(
                    f'<a href="tg://user?id={person.telegram_id}">{html.escape(person.full_name)}</a>'
                ),
                link=f"https://t.me/{await self.bot_username()}",
            ),
        )
