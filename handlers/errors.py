"""The central error handler: a DomainError → its polite message; anything else → an apology."""

from __future__ import annotations

import logging

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent, Update, User

from bot.errors import DomainError
from bot.i18n import Translations

logger = logging.getLogger(__name__)


def _user_of(update: Update) -> User | None:
    event = update.event
    return getattr(event, "from_user", None)


async def _tell(bot: Bot, update: Update, text: str) -> None:
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
        elif update.message is not None:
            await bot.send_message(
                update.message.chat.id,
                text,
                message_thread_id=update.message.message_thread_id
                if update.message.is_topic_message
                else None,
            )
    except TelegramAPIError:
        logger.warning("could not tell the user about an error in update %s", update.update_id)


async def explain_domain_error(event: ErrorEvent, bot: Bot, translations: Translations) -> None:
    error = event.exception
    assert isinstance(error, DomainError)
    user = _user_of(event.update)
    t = translations.for_language(user.language_code if user else None)
    logger.info("update %s refused: %s", event.update.update_id, error.key)
    await _tell(bot, event.update, t(error.key, **error.args_for_message))


async def apologise_for_failure(event: ErrorEvent, bot: Bot, translations: Translations) -> None:
    logger.error("update %s failed", event.update.update_id, exc_info=event.exception)
    user = _user_of(event.update)
    t = translations.for_language(user.language_code if user else None)
    await _tell(bot, event.update, t("error-unexpected"))


def create_router() -> Router:
    router = Router(name="errors")
    router.errors.register(explain_domain_error, ExceptionTypeFilter(DomainError))
    router.errors.register(apologise_for_failure)
    return router
