"""/invite (a dialog: cluster, role, organization, plan roles) and /invites with revoking."""

from __future__ import annotations

from dataclasses import replace

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.i18n import Translator
from bot.services.invites import (
    ChooseCluster,
    ChooseOrganization,
    ChoosePlanRoles,
    ChooseRole,
    InviteDraft,
    InviteService,
    InviteStep,
    deep_link,
)
from bot.telegram.callbacks import InviteCallback
from bot.telegram.views.invites import (
    ROLES,
    cluster_question,
    organization_question,
    plan_roles_keyboard,
    plan_roles_question,
    render_active,
    render_created,
    render_invitation,
    revoke_keyboard,
    role_question,
)
from handlers.filters import PRIVATE, TYPED, Registered, WithMessage
from handlers.replies import drop_buttons
from handlers.states import InviteDialog
from storage.models import Person


async def _draft(state: FSMContext) -> InviteDraft:
    return InviteDraft.from_data(await state.get_data())


async def _show(
    message: Message, state: FSMContext, step: InviteStep, bot: Bot, t: Translator
) -> None:
    """Ask the step's question (and remember the draft), or hand over the created invite."""
    if isinstance(step, ChooseCluster | ChooseRole | ChooseOrganization | ChoosePlanRoles):
        await state.set_data(step.draft.as_data())
    if isinstance(step, ChooseCluster):
        await state.set_state(InviteDialog.cluster)
        text, keyboard = cluster_question(t, step)
    elif isinstance(step, ChooseRole):
        await state.set_state(InviteDialog.role)
        text, keyboard = role_question(t, step)
    elif isinstance(step, ChooseOrganization):
        await state.set_state(InviteDialog.organization)
        text, keyboard = organization_question(t, step)
    elif isinstance(step, ChoosePlanRoles):
        await state.set_state(InviteDialog.plan_roles)
        text, keyboard = plan_roles_question(t, step)
    else:
        await state.clear()
        me = await bot.me()
        await message.answer(render_created(t, step.details))
        await message.answer(
            render_invitation(t, step.details, deep_link(me.username or "", step.token))
        )
        return
    await message.answer(text, reply_markup=keyboard)


async def _answered(query: CallbackQuery, message: Message) -> None:
    """A question's buttons go once it is answered; the next question comes as a new message."""
    await query.answer()
    await drop_buttons(message)


async def invite_start(
    message: Message,
    person: Person,
    state: FSMContext,
    invites: InviteService,
    bot: Bot,
    t: Translator,
) -> None:
    step = await invites.advance(person, InviteDraft())
    await _show(message, state, step, bot, t)


async def invite_cluster_chosen(
    query: CallbackQuery,
    message: Message,
    callback_data: InviteCallback,
    person: Person,
    state: FSMContext,
    invites: InviteService,
    bot: Bot,
    t: Translator,
) -> None:
    draft = replace(await _draft(state), cluster_id=callback_data.value)
    step = await invites.advance(person, draft)
    await _answered(query, message)
    await _show(message, state, step, bot, t)


async def invite_role_chosen(
    query: CallbackQuery,
    message: Message,
    callback_data: InviteCallback,
    person: Person,
    state: FSMContext,
    invites: InviteService,
    bot: Bot,
    t: Translator,
) -> None:
    role = ROLES[callback_data.value % len(ROLES)]
    step = await invites.advance(person, replace(await _draft(state), role=role))
    await _answered(query, message)
    await _show(message, state, step, bot, t)


async def invite_organization_chosen(
    query: CallbackQuery,
    message: Message,
    callback_data: InviteCallback,
    person: Person,
    state: FSMContext,
    invites: InviteService,
    bot: Bot,
    t: Translator,
) -> None:
    draft = (await _draft(state)).with_organization(callback_data.value, None)
    step = await invites.advance(person, draft)
    await _answered(query, message)
    await _show(message, state, step, bot, t)


async def invite_without_organization(
    query: CallbackQuery,
    message: Message,
    person: Person,
    state: FSMContext,
    invites: InviteService,
    bot: Bot,
    t: Translator,
) -> None:
    step = await invites.advance(person, (await _draft(state)).with_organization(None, None))
    await _answered(query, message)
    await _show(message, state, step, bot, t)


async def invite_other_organization(query: CallbackQuery, message: Message, t: Translator) -> None:
    """The dialog stays where it is: the next text typed is the organization's name."""
    await _answered(query, message)
    await message.answer(t("invite-type-organization"))


async def invite_organization_typed(
    message: Message,
    person: Person,
    state: FSMContext,
    invites: InviteService,
    bot: Bot,
    t: Translator,
) -> None:
    draft = (await _draft(state)).with_organization(None, message.text)
    step = await invites.advance(person, draft)
    await _show(message, state, step, bot, t)


async def invite_role_toggled(
    query: CallbackQuery,
    message: Message,
    callback_data: InviteCallback,
    person: Person,
    state: FSMContext,
    invites: InviteService,
    t: Translator,
) -> None:
    step = await invites.advance(person, (await _draft(state)).toggled(callback_data.value))
    await query.answer()
    if isinstance(step, ChoosePlanRoles):
        await state.set_data(step.draft.as_data())
        await message.edit_reply_markup(reply_markup=plan_roles_keyboard(t, step))


async def invite_roles_done(
    query: CallbackQuery,
    message: Message,
    person: Person,
    state: FSMContext,
    invites: InviteService,
    bot: Bot,
    t: Translator,
) -> None:
    draft = replace(await _draft(state), plan_roles_decided=True)
    step = await invites.advance(person, draft)
    await _answered(query, message)
    await _show(message, state, step, bot, t)


async def list_invites(
    message: Message, person: Person, invites: InviteService, t: Translator
) -> None:
    for listed in await invites.active(person):
        await message.answer(
            render_active(t, listed), reply_markup=revoke_keyboard(t, listed.invites)
        )


async def revoke_invite(
    query: CallbackQuery,
    callback_data: InviteCallback,
    person: Person,
    invites: InviteService,
    t: Translator,
) -> None:
    invite = await invites.revoke(person, callback_data.value)
    await query.answer(t("invite-revoked-done", id=invite.id), show_alert=True)


def create_router() -> Router:
    router = Router(name="invites")
    router.message.filter(PRIVATE, Registered())
    router.callback_query.filter(Registered(), WithMessage())

    def pressed(action: str):  # type: ignore[no-untyped-def]
        return InviteCallback.filter(F.action == action)

    router.message.register(invite_start, Command("invite"))
    router.message.register(list_invites, Command("invites"))
    router.callback_query.register(invite_cluster_chosen, InviteDialog.cluster, pressed("cluster"))
    router.callback_query.register(invite_role_chosen, InviteDialog.role, pressed("role"))
    router.callback_query.register(
        invite_organization_chosen, InviteDialog.organization, pressed("org")
    )
    router.callback_query.register(
        invite_other_organization, InviteDialog.organization, pressed("otherorg")
    )
    router.callback_query.register(
        invite_without_organization, InviteDialog.organization, pressed("noorg")
    )
    router.message.register(invite_organization_typed, InviteDialog.organization, TYPED)
    router.callback_query.register(invite_role_toggled, InviteDialog.plan_roles, pressed("toggle"))
    router.callback_query.register(
        invite_roles_done, InviteDialog.plan_roles, pressed("roles_done")
    )
    router.callback_query.register(revoke_invite, pressed("revoke"))
    return router
