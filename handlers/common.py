"""/start, /help, /cancel and the polite answer to anything the bot does not understand."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, User

from bot.i18n import Translator
from bot.services.access import AccessService
from bot.services.onboarding import OnboardingService
from bot.telegram.views.joining import keep_name_keyboard, render_ask_name, render_offer_kept
from bot.telegram.views.start import render_help, render_start
from handlers.adapters import user_info
from handlers.filters import GROUPS, PRIVATE
from handlers.states import JoinDialog
from storage.models import Person


async def start_in_private(
    message: Message,
    command: CommandObject,
    event_from_user: User,
    state: FSMContext,
    onboarding: OnboardingService,
    t: Translator,
) -> None:
    outcome = await onboarding.start(user_info(event_from_user), command.args)
    offer = outcome.join
    if offer is None:
        await message.answer(render_start(t, outcome))
        return
    if offer.keeps_role:
        await message.answer(render_offer_kept(t, offer))
        return
    # Only the invite's id is kept for the dialog: the token itself is not stored anywhere.
    await state.set_state(JoinDialog.full_name)
    await state.set_data(
        {
            "invite_id": offer.details.invite.id,
            "ask_organization": offer.asks_organization,
        }
    )
    await message.answer(
        render_ask_name(t, offer), reply_markup=keep_name_keyboard(t, event_from_user.full_name)
    )


async def show_help(
    message: Message, person: Person | None, access: AccessService, t: Translator
) -> None:
    await message.answer(render_help(t, await access.standing(person)))


async def show_group_help(message: Message, t: Translator) -> None:
    await message.answer(t("help-group"))


async def cancel_dialog(message: Message, state: FSMContext, t: Translator) -> None:
    if await state.get_state() is None:
        await message.answer(t("cancel-nothing"))
        return
    await state.clear()
    await message.answer(t("cancel-done"))


async def explain_unknown_input(message: Message, person: Person | None, t: Translator) -> None:
    await message.answer(t("unknown-input" if person is not None else "error-not-registered"))


async def ask_stranger_to_start(message: Message, person: Person | None, t: Translator) -> None:
    """One of the bot's commands in a group from someone the bot does not know yet (a known
    person's command is answered by its own router). An anonymous admin or a channel (the
    message is sent on behalf of a chat) is asked to write under their own name instead."""
    if person is not None:
        return
    anonymous = message.sender_chat is not None or message.from_user is None
    await message.reply(t("error-anonymous-sender" if anonymous else "error-not-registered"))


async def answer_stale_button(query: CallbackQuery, person: Person | None, t: Translator) -> None:
    key = "error-stale-button" if person is not None else "error-not-registered"
    await query.answer(t(key), show_alert=True)


def create_router() -> Router:
    """No Registered filter here: /start is how a person registers; /help serves everyone."""
    router = Router(name="common")
    router.message.register(start_in_private, CommandStart(), PRIVATE)
    router.message.register(show_help, Command("help"), PRIVATE)
    router.message.register(show_group_help, Command("help"), GROUPS)
    router.message.register(cancel_dialog, Command("cancel"), PRIVATE)
    return router


# The bot's commands in a group (bot/app.py's menu): a stranger using one is answered.
GROUP_COMMANDS = ("done", "plan", "item", "history", "bind")


def create_fallback_router() -> Router:
    """Registered last: in private chats anything unhandled gets a hint; groups stay quiet."""
    router = Router(name="fallback")
    router.message.register(explain_unknown_input, PRIVATE)
    router.message.register(ask_stranger_to_start, GROUPS, Command(*GROUP_COMMANDS))
    router.callback_query.register(answer_stale_button)
    return router
