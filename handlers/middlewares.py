"""Update middlewares: one database session per update, the person, and the user's language."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import Chat, TelegramObject, User
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.i18n import Translations
from bot.services.people import PeopleService
from bot.services.registry import ServiceSettings, build_services
from handlers.fsm_storage import update_storage
from storage.uow import Storage

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class InFlightUpdates(BaseMiddleware):
    """The outermost middleware: knows which updates are being handled, so a stopping process
    lets them finish (``settle``) before it closes the database, instead of cutting a
    transaction off halfway. aiogram runs each update as its own task and does not wait for
    them when polling stops; in webhook mode they run in the background the same way."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        try:
            return await handler(event, data)
        finally:
            if task is not None:
                self._tasks.discard(task)

    @property
    def count(self) -> int:
        return len(self._tasks)

    async def settle(self, grace: float) -> int:
        """Waits up to ``grace`` seconds for the updates in hand; returns how many were
        still running after it (those are cancelled: their transactions roll back)."""
        if not self._tasks:
            return 0
        _, pending = await asyncio.wait(set(self._tasks), timeout=grace)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=1)
        return len(pending)


class DbSessionMiddleware(BaseMiddleware):
    """Opens one AsyncSession per update and puts services bound to it into handler data.

    Names added: ``people``, ``invites``, ``onboarding``, ``access``, ``imports``, ``plans``,
    ``clusters``, ``members``, ``joining``, ``groups``, ``reports``, ``items`` (see
    Services.as_handler_data).
    Services commit as their last step; dialog state written after it is committed here;
    whatever is left uncommitted is rolled back on close. After the update the sender is woken
    (``after_update``): the handler has already answered, nobody waits for the delivery.
    """

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        clock: Clock,
        settings: ServiceSettings,
        after_update: Callable[[], None] | None = None,
    ) -> None:
        self.session_factory = session_factory
        self.clock = clock
        self.settings = settings
        self.after_update = after_update
        self.dialogs = DialogLocks()

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        async with self.dialogs.hold(_dialog_of(data)), self.session_factory() as session:
            storage = Storage(session)
            data.update(build_services(storage, self.clock, self.settings).as_handler_data())
            with update_storage(storage):
                result = await handler(event, data)
            if storage.has_uncommitted_dialog_state:
                await storage.commit()
        if self.after_update is not None:
            self.after_update()
        return result


class DialogLocks:
    """One update at a time per person and chat in this process.

    A photo album or a quick second press arrives as updates handled at once; each reads and
    writes the same dialog (the report draft), so the later would overwrite the earlier. On
    PostgreSQL the dialog's row is also locked for the update (FsmRepository.get), which holds
    across replicas; this lock covers SQLite, which has no row locks.
    """

    def __init__(self) -> None:
        self._locks: dict[tuple[int, int], asyncio.Lock] = {}
        self._waiting: dict[tuple[int, int], int] = {}

    @asynccontextmanager
    async def hold(self, key: tuple[int, int] | None) -> AsyncIterator[None]:
        if key is None:
            yield
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key], self._locks[key]


def _dialog_of(data: dict[str, Any]) -> tuple[int, int] | None:
    chat: Chat | None = data.get("event_chat")
    user: User | None = data.get("event_from_user")
    if chat is None or user is None:
        return None
    return chat.id, user.id


class PersonMiddleware(BaseMiddleware):
    """Loads the registered ``person`` (or None) once per update, after the session is open."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        people: PeopleService = data["people"]
        person = await people.find(user.id) if user is not None else None
        chat: Chat | None = data.get("event_chat")
        private = chat is not None and chat.type == "private"
        if person is not None and person.unreachable_since is not None and private:
            await people.reachable_again(person)  # they unblocked the bot
        data["person"] = person
        return await handler(event, data)


class I18nMiddleware(BaseMiddleware):
    """Puts ``t`` (a Translator for the user's Telegram language) into handler data."""

    def __init__(self, translations: Translations) -> None:
        self.translations = translations

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        data["t"] = self.translations.for_language(user.language_code if user else None)
        return await handler(event, data)
