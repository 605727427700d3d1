"""Update middlewares: one database session per update, the person, and the user's language."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.i18n import Translations
from bot.services.people import PeopleService
from bot.services.registry import ServiceSettings, build_services
from storage.uow import Storage

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class DbSessionMiddleware(BaseMiddleware):
    """Opens one AsyncSession per update and puts services bound to it into handler data.

    Names added: ``people``, ``invites``, ``onboarding``, ``access``, ``imports``, ``plans``,
    ``clusters``, ``members``, ``reports`` (see Services.as_handler_data).
    Services commit as their last step; whatever is left uncommitted is rolled back on close.
    """

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        clock: Clock,
        settings: ServiceSettings,
        translations: Translations,
        after_update: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        self.session_factory = session_factory
        self.clock = clock
        self.settings = settings
        self.translations = translations
        self.after_update = after_update

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        async with self.session_factory() as session:
            services = build_services(
                Storage(session), self.clock, self.settings, self.translations
            )
            data.update(services.as_handler_data())
            result = await handler(event, data)
        if self.after_update is not None:
            # Notifications the update queued go out now, not at the next scheduler tick.
            await self.after_update()
        return result


class PersonMiddleware(BaseMiddleware):
    """Loads the registered ``person`` (or None) once per update, after the session is open."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        people: PeopleService = data["people"]
        data["person"] = await people.find(user.id) if user is not None else None
        return await handler(event, data)


class I18nMiddleware(BaseMiddleware):
    """Puts ``t`` (a Translator for the user's Telegram language) into handler data."""

    def __init__(self, translations: Translations) -> None:
        self.translations = translations

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        data["t"] = self.translations.for_language(user.language_code if user else None)
        return await handler(event, data)
