"""/members: a coordinator's list of the cluster's members, a member's role, removal."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.i18n import Translator
from bot.services.members import MemberService
from bot.telegram.callbacks import MemberCallback, MembersPageCallback
from bot.telegram.views.members import (
    member_menu_keyboard,
    members_keyboard,
    pages_of,
    render_member_menu,
    render_members,
    role_name,
)
from handlers.filters import PRIVATE, Registered, WithMessage
from storage.models import MemberRole, Person

ROLE_ACTIONS = frozenset(role.value for role in MemberRole)


async def list_members(
    message: Message, person: Person, members: MemberService, t: Translator
) -> None:
    for listed in await members.of_coordinated(person):
        await message.answer(
            render_members(t, listed), reply_markup=members_keyboard(t, listed, person)
        )


async def turn_members_page(
    query: CallbackQuery,
    message: Message,
    callback_data: MembersPageCallback,
    person: Person,
    members: MemberService,
    t: Translator,
) -> None:
    listed = await members.of_cluster(person, callback_data.cluster_id)
    page = max(0, min(callback_data.page, pages_of(listed) - 1))
    await query.answer()
    await message.edit_text(
        render_members(t, listed, page), reply_markup=members_keyboard(t, listed, person, page)
    )


async def member_menu(
    query: CallbackQuery,
    message: Message,
    callback_data: MemberCallback,
    person: Person,
    members: MemberService,
    t: Translator,
) -> None:
    membership = await members.get(person, callback_data.membership_id)
    await query.answer()
    await message.answer(
        render_member_menu(t, membership), reply_markup=member_menu_keyboard(t, membership)
    )


async def member_role_changed(
    query: CallbackQuery,
    message: Message,
    callback_data: MemberCallback,
    person: Person,
    members: MemberService,
    t: Translator,
) -> None:
    role = MemberRole(callback_data.action)
    membership = await members.change_role(person, callback_data.membership_id, role)
    await query.answer()
    await message.edit_text(
        t(
            "member-role-changed",
            name=membership.person.full_name,
            role=role_name(t, membership.role),
        )
    )


async def member_removed(
    query: CallbackQuery,
    message: Message,
    callback_data: MemberCallback,
    person: Person,
    members: MemberService,
    t: Translator,
) -> None:
    membership = await members.remove(person, callback_data.membership_id)
    await query.answer()
    await message.edit_text(t("member-removed", name=membership.person.full_name))


def create_router() -> Router:
    router = Router(name="members")
    router.message.filter(PRIVATE, Registered())
    router.callback_query.filter(Registered(), WithMessage())
    router.message.register(list_members, Command("members"))
    router.callback_query.register(turn_members_page, MembersPageCallback.filter())
    router.callback_query.register(member_menu, MemberCallback.filter(F.action == "menu"))
    router.callback_query.register(
        member_role_changed, MemberCallback.filter(F.action.in_(ROLE_ACTIONS))
    )
    router.callback_query.register(member_removed, MemberCallback.filter(F.action == "remove"))
    return router
