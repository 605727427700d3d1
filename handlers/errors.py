"""The central error handler: a DomainError → its polite message; anything else → an apology.

A press gets one answer (Telegram refuses a second one), and an alert holds 200 characters: a
refusal the handler's own answer has overtaken, or one too long for an alert, arrives as a
message in the chat of the press, with a short alert pointing to it.
"""

from __future__ import annotations

import html
import logging
import re
from collections import OrderedDict

from aiogram import Bot, Router
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.filters import ExceptionTypeFilter
from aiogram.methods import AnswerCallbackQuery, Response, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import CallbackQuery, ErrorEvent, Message, Update, User

from bot.errors import DomainError
from bot.i18n import Translations, Translator

logger = logging.getLogger(__name__)

ALERT_LIMIT = 200  # Telegram's limit on a callback answer, in UTF-16 code units
MESSAGE_LIMIT = 4096  # Telegram's limit on a message, in UTF-16 code units after parsing
TAG = re.compile(r"<[^>]*>")


class AnsweredPresses(BaseRequestMiddleware):
    """Remembers the presses the bot has answered (the latest ``size``), so the error handler
    never answers one a second time. Registered on the bot's session by ``bot.app.create_bot``."""

    def __init__(self, size: int = 10_000) -> None:
        self.size = size
        self._ids: OrderedDict[str, None] = OrderedDict()

    def answered(self, query_id: str) -> bool:
        return query_id in self._ids

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if isinstance(method, AnswerCallbackQuery):
            # Counted before the call: a refused or failed answer still cannot be repeated.
            self._ids[method.callback_query_id] = None
            while len(self._ids) > self.size:
                self._ids.popitem(last=False)
        return await make_request(bot, method)


def _already_answered(bot: Bot, query: CallbackQuery) -> bool:
    return any(
        isinstance(middleware, AnsweredPresses) and middleware.answered(query.id)
        for middleware in bot.session.middleware
    )


def _length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def as_alert(text: str) -> str:
    """An alert is plain text: a message's tags dropped and its entities read (``&amp;`` → &)."""
    return html.unescape(TAG.sub("", text))


def as_message(text: str) -> str:
    """A refusal within one message: a longer one (a long argument repeated) is cut at a line,
    or, when one line is too long, as plain words cut at a space; «…» says it was cut."""
    if _length(as_alert(text)) <= MESSAGE_LIMIT:
        return text
    lines: list[str] = []
    for line in text.split("\n"):
        if _length(as_alert("\n".join([*lines, line, "…"]))) > MESSAGE_LIMIT:
            break
        lines.append(line)
    if not lines:  # one line too long: its plain words, cut at a space
        plain = as_alert(text)
        while _length(plain) > MESSAGE_LIMIT - 2:
            plain = plain[: len(plain) - (_length(plain) - (MESSAGE_LIMIT - 2))]
        head, space, _ = plain.rpartition(" ")
        return html.escape(head if space else plain, quote=False) + " …"
    return "\n".join([*lines, "…"])


def _user_of(update: Update) -> User | None:
    event = update.event
    return getattr(event, "from_user", None)


async def _send(bot: Bot, chat_id: int, text: str, message: Message | None) -> None:
    thread = message.message_thread_id if message is not None and message.is_topic_message else None
    await bot.send_message(chat_id, as_message(text), message_thread_id=thread)


async def _tell_about_press(bot: Bot, query: CallbackQuery, text: str, t: Translator) -> None:
    answered = _already_answered(bot, query)
    alert = as_alert(text)
    if not answered and _length(alert) <= ALERT_LIMIT:
        await query.answer(alert, show_alert=True)
        return
    if not answered:
        await query.answer(t("error-details-below"))
    message = query.message if isinstance(query.message, Message) else None
    await _send(bot, message.chat.id if message else query.from_user.id, text, message)


async def _tell(bot: Bot, update: Update, text: str, t: Translator) -> None:
    try:
        if update.callback_query is not None:
            await _tell_about_press(bot, update.callback_query, text, t)
        elif update.message is not None:
            await _send(bot, update.message.chat.id, text, update.message)
    except TelegramAPIError:
        logger.warning("could not tell the user about an error in update %s", update.update_id)


async def explain_domain_error(event: ErrorEvent, bot: Bot, translations: Translations) -> None:
    error = event.exception
    assert isinstance(error, DomainError)
    user = _user_of(event.update)
    t = translations.for_language(user.language_code if user else None)
    logger.info("update %s refused: %s", event.update.update_id, error.key)
    await _tell(bot, event.update, t(error.key, **error.args_for_message), t)


async def ignore_unchanged_message(event: ErrorEvent, bot: Bot) -> None:
    """A second press that would show the message exactly as it is: Telegram refuses the edit
    («message is not modified»); nothing went wrong, the press is only answered."""
    logger.info("update %s changed nothing on screen", event.update.update_id)
    query = event.update.callback_query
    if query is not None and not _already_answered(bot, query):
        try:
            await query.answer()
        except TelegramAPIError:
            logger.info("could not answer the press in update %s", event.update.update_id)


def _unchanged(error: BaseException) -> bool:
    return isinstance(error, TelegramBadRequest) and "message is not modified" in str(error)


async def apologise_for_failure(event: ErrorEvent, bot: Bot, translations: Translations) -> None:
    logger.error("update %s failed", event.update.update_id, exc_info=event.exception)
    user = _user_of(event.update)
    t = translations.for_language(user.language_code if user else None)
    await _tell(bot, event.update, t("error-unexpected"), t)


def create_router() -> Router:
    router = Router(name="errors")
    router.errors.register(explain_domain_error, ExceptionTypeFilter(DomainError))
    router.errors.register(ignore_unchanged_message, lambda event: _unchanged(event.exception))
    router.errors.register(apologise_for_failure)
    return router
