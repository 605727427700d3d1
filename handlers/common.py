"""/start, /help, /cancel and the polite answer to anything the bot does not understand."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.i18n import Translator
from bot.services.members import MemberService
from bot.services.onboarding import OnboardingService
from bot.telegram.views.people import render_start
from handlers.adapters import user_info
from handlers.members import start_joining


async def start_in_private(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    onboarding: OnboardingService,
    members: MemberService,
    t: Translator,
) -> None:
    assert message.from_user is not None  # private chats always have a sender
    outcome = await onboarding.start(user_info(message.from_user), command.args)
    if outcome.join_invite is not None:
        await members.inspect(command.args or "")  # expired or used-up links stop here
        await start_joining(message, state, outcome.join_invite, members, t)
        return
    await message.answer(render_start(t, outcome))


async def show_help(message: Message, t: Translator) -> None:
    key = "help-private" if message.chat.type == ChatType.PRIVATE else "help-group"
    await message.answer(t(key))


async def cancel_dialog(message: Message, state: FSMContext, t: Translator) -> None:
    if await state.get_state() is None:
        await message.answer(t("cancel-nothing"))
        return
    await state.clear()
    await message.answer(t("cancel-done"))


async def explain_unknown_input(message: Message, t: Translator) -> None:
    await message.answer(t("unknown-input"))


async def answer_stale_button(query: CallbackQuery, t: Translator) -> None:
    await query.answer(t("error-stale-button"), show_alert=True)


def create_router() -> Router:
    router = Router(name="common")
    private = F.chat.type == ChatType.PRIVATE
    router.message.register(start_in_private, CommandStart(), private)
    router.message.register(show_help, Command("help"))
    router.message.register(cancel_dialog, Command("cancel"), private)
    return router


def create_fallback_router() -> Router:
    """Registered last: in private chats anything unhandled gets a hint; groups stay quiet."""
    router = Router(name="fallback")
    router.message.register(explain_unknown_input, F.chat.type == ChatType.PRIVATE)
    router.callback_query.register(answer_stale_button)
    return router
