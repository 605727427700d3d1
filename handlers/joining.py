"""Joining a cluster after /start with an invite link: name, organization, position."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.i18n import Translator
from bot.services.joining import JoinForm, JoiningService
from bot.telegram.callbacks import JoinCallback
from bot.telegram.views.joining import render_joined, skip_keyboard
from handlers.filters import PRIVATE, TYPED, Registered, WithMessage
from handlers.replies import drop_buttons
from handlers.states import JoinDialog
from storage.models import Person


async def _ask_next(message: Message, state: FSMContext, t: Translator) -> None:
    """After the name: the organization if the invite leaves it open; then the position."""
    data = await state.get_data()
    if data.get("ask_organization") and not data.get("organization"):
        await state.set_state(JoinDialog.organization)
        await message.answer(t("join-ask-organization"))
        return
    await state.set_state(JoinDialog.position)
    await message.answer(t("join-ask-position"), reply_markup=skip_keyboard(t))


async def _finish(
    message: Message,
    person: Person,
    state: FSMContext,
    joining: JoiningService,
    t: Translator,
    position: str | None,
) -> None:
    data = await state.get_data()
    joined = await joining.join(
        person,
        int(data["invite_id"]),
        JoinForm(data["full_name"], data.get("organization"), position),
    )
    await state.clear()
    await message.answer(render_joined(t, joined))


async def join_name_typed(
    message: Message, state: FSMContext, joining: JoiningService, t: Translator
) -> None:
    await state.update_data(full_name=joining.check_name(message.text or ""))
    await _ask_next(message, state, t)


async def join_name_kept(
    query: CallbackQuery,
    message: Message,
    state: FSMContext,
    joining: JoiningService,
    t: Translator,
) -> None:
    await state.update_data(full_name=joining.check_name(query.from_user.full_name))
    await query.answer()
    await drop_buttons(message)
    await _ask_next(message, state, t)


async def join_organization_typed(
    message: Message, state: FSMContext, joining: JoiningService, t: Translator
) -> None:
    await state.update_data(organization=joining.check_organization(message.text or ""))
    await _ask_next(message, state, t)


async def join_position_typed(
    message: Message, person: Person, state: FSMContext, joining: JoiningService, t: Translator
) -> None:
    await _finish(message, person, state, joining, t, message.text)


async def join_position_skipped(
    query: CallbackQuery,
    message: Message,
    person: Person,
    state: FSMContext,
    joining: JoiningService,
    t: Translator,
) -> None:
    await query.answer()
    await drop_buttons(message)
    await _finish(message, person, state, joining, t, None)


def create_router() -> Router:
    router = Router(name="joining")
    router.message.filter(PRIVATE, Registered())
    router.callback_query.filter(Registered(), WithMessage())
    router.message.register(join_name_typed, JoinDialog.full_name, TYPED)
    router.callback_query.register(
        join_name_kept, JoinDialog.full_name, JoinCallback.filter(F.action == "keep")
    )
    router.message.register(join_organization_typed, JoinDialog.organization, TYPED)
    router.message.register(join_position_typed, JoinDialog.position, TYPED)
    router.callback_query.register(
        join_position_skipped, JoinDialog.position, JoinCallback.filter(F.action == "skip")
    )
    return router
