"""Clusters and people: /newcluster, /invite, /invites, /members, and joining by invite link."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Translator
from bot.services.clusters import ClusterService
from bot.services.invites import deep_link
from bot.services.members import JoinForm, MemberService
from bot.services.people import PeopleService
from bot.telegram.callbacks import ClusterCallback, InviteCallback, MemberCallback
from bot.telegram.views.people import render_invite, render_members
from handlers.adapters import user_info
from handlers.states import ClusterDialog, InviteDialog, JoinDialog
from storage.models import Invite, MemberRole

DEFAULT_TIMEZONE = "Europe/Moscow"
TIMEZONES = (
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Novosibirsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
    "Asia/Yakutsk",
    "Asia/Vladivostok",
    "Asia/Magadan",
    "Asia/Kamchatka",
)


# --- joining -------------------------------------------------------------------------------


async def start_joining(
    message: Message, state: FSMContext, invite: Invite, members: MemberService, t: Translator
) -> None:
    """Called by /start when the deep link is a cluster invite: ask the person's details."""
    assert message.from_user is not None
    organization = await members.organization_of(invite)
    await state.set_state(JoinDialog.full_name)
    await state.set_data(
        {
            "token": message.text.split(maxsplit=1)[1] if message.text else "",
            "organization": organization.name if organization else None,
        }
    )
    builder = InlineKeyboardBuilder()
    suggested = message.from_user.full_name
    builder.button(text=t("join-keep-name", name=suggested[:40]), callback_data="join:keep")
    await message.answer(
        t("join-ask-name", role=t(f"role-{invite.role.value}")), reply_markup=builder.as_markup()
    )


async def _ask_organization_or_position(message: Message, state: FSMContext, t: Translator) -> None:
    data = await state.get_data()
    if data.get("organization") is None:
        await state.set_state(JoinDialog.organization)
        await message.answer(t("join-ask-organization"))
        return
    await _ask_position(message, state, t)


async def _ask_position(message: Message, state: FSMContext, t: Translator) -> None:
    await state.set_state(JoinDialog.position)
    builder = InlineKeyboardBuilder()
    builder.button(text=t("join-skip"), callback_data="join:skip")
    await message.answer(t("join-ask-position"), reply_markup=builder.as_markup())


async def join_name_typed(message: Message, state: FSMContext, t: Translator) -> None:
    name = " ".join((message.text or "").split())
    if len(name) < 3 or len(name) > 300:
        await message.answer(t("join-bad-name"))
        return
    await state.update_data(full_name=name)
    await _ask_organization_or_position(message, state, t)


async def join_name_kept(query: CallbackQuery, state: FSMContext, t: Translator) -> None:
    await query.answer()
    assert isinstance(query.message, Message)
    await state.update_data(full_name=query.from_user.full_name)
    await query.message.edit_reply_markup(reply_markup=None)
    await _ask_organization_or_position(query.message, state, t)


async def join_organization_typed(message: Message, state: FSMContext, t: Translator) -> None:
    name = " ".join((message.text or "").split())
    if len(name) < 2 or len(name) > 300:
        await message.answer(t("join-ask-organization"))
        return
    await state.update_data(organization=name)
    await _ask_position(message, state, t)


async def _finish_join(
    message: Message,
    user_id: int,
    state: FSMContext,
    members: MemberService,
    t: Translator,
    position: str | None,
    user: Any,
) -> None:
    data = await state.get_data()
    membership = await members.join(
        user_info(user),
        data["token"],
        JoinForm(data["full_name"], data.get("organization"), position),
    )
    await state.clear()
    await message.answer(
        t(
            "join-done",
            cluster=membership.cluster.name,
            role=t(f"role-{membership.role.value}"),
            organization=membership.organization.name if membership.organization else "—",
        )
    )


async def join_position_typed(
    message: Message, state: FSMContext, members: MemberService, t: Translator
) -> None:
    assert message.from_user is not None
    await _finish_join(
        message, message.from_user.id, state, members, t, message.text, message.from_user
    )


async def join_position_skipped(
    query: CallbackQuery, state: FSMContext, members: MemberService, t: Translator
) -> None:
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=None)
    await _finish_join(query.message, query.from_user.id, state, members, t, None, query.from_user)


# --- clusters ------------------------------------------------------------------------------


async def new_cluster(
    message: Message, state: FSMContext, people: PeopleService, t: Translator
) -> None:
    assert message.from_user is not None
    person = await people.registered(message.from_user.id)
    if not people.is_admin(person, person.telegram_id):
        await message.answer(t("error-admin-only"))
        return
    await state.set_state(ClusterDialog.name)
    await message.answer(t("cluster-ask-name"))


async def cluster_name_typed(message: Message, state: FSMContext, t: Translator) -> None:
    await state.update_data(name=message.text or "")
    await state.set_state(ClusterDialog.region)
    await message.answer(t("cluster-ask-region"))


async def cluster_region_typed(message: Message, state: FSMContext, t: Translator) -> None:
    await state.update_data(region=message.text or "")
    await state.set_state(ClusterDialog.timezone)
    builder = InlineKeyboardBuilder()
    for index, zone in enumerate(TIMEZONES):
        builder.button(
            text=zone.split("/")[1], callback_data=ClusterCallback(action="tz", value=index)
        )
    builder.adjust(3)
    await message.answer(t("cluster-ask-timezone"), reply_markup=builder.as_markup())


async def cluster_timezone_chosen(
    query: CallbackQuery,
    callback_data: ClusterCallback,
    state: FSMContext,
    people: PeopleService,
    clusters: ClusterService,
    t: Translator,
) -> None:
    person = await people.registered(query.from_user.id)
    data = await state.get_data()
    zone = (
        TIMEZONES[callback_data.value]
        if 0 <= callback_data.value < len(TIMEZONES)
        else DEFAULT_TIMEZONE
    )
    cluster = await clusters.create(person, data.get("name", ""), data.get("region", ""), zone)
    await state.clear()
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=None)
    await query.message.answer(t("cluster-created", name=cluster.name, timezone=cluster.timezone))


# --- invites -------------------------------------------------------------------------------


async def _choose_cluster(
    message: Message, person_id: int, clusters: list[Any], t: Translator, action: str
) -> None:
    builder = InlineKeyboardBuilder()
    for cluster in clusters:
        builder.button(
            text=cluster.name, callback_data=InviteCallback(action=action, value=cluster.id)
        )
    builder.adjust(1)
    await message.answer(t("choose-cluster"), reply_markup=builder.as_markup())


async def invite_start(
    message: Message,
    state: FSMContext,
    people: PeopleService,
    clusters: ClusterService,
    members: MemberService,
    t: Translator,
) -> None:
    assert message.from_user is not None
    person = await people.registered(message.from_user.id)
    coordinated = list(await clusters.access.coordinated_clusters(person))
    if not coordinated:
        await message.answer(t("error-not-coordinator"))
        return
    await state.set_state(InviteDialog.cluster)
    await state.set_data({})
    if len(coordinated) == 1:
        await _ask_role(message, state, coordinated[0].id, t)
        return
    await _choose_cluster(message, person.id, coordinated, t, "cluster")


async def _ask_role(message: Message, state: FSMContext, cluster_id: int, t: Translator) -> None:
    await state.update_data(cluster_id=cluster_id, plan_roles=[])
    await state.set_state(InviteDialog.role)
    builder = InlineKeyboardBuilder()
    for role in MemberRole:
        builder.button(
            text=t(f"role-{role.value}"),
            callback_data=InviteCallback(action="role", value=list(MemberRole).index(role)),
        )
    builder.adjust(1)
    await message.answer(t("invite-ask-role"), reply_markup=builder.as_markup())


async def invite_cluster_chosen(
    query: CallbackQuery, callback_data: InviteCallback, state: FSMContext, t: Translator
) -> None:
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=None)
    await _ask_role(query.message, state, callback_data.value, t)


async def invite_role_chosen(
    query: CallbackQuery,
    callback_data: InviteCallback,
    state: FSMContext,
    people: PeopleService,
    members: MemberService,
    t: Translator,
) -> None:
    await query.answer()
    assert isinstance(query.message, Message)
    role = list(MemberRole)[callback_data.value % len(MemberRole)]
    await state.update_data(role=role.value)
    await query.message.edit_reply_markup(reply_markup=None)
    if role is MemberRole.EXECUTOR:
        await state.set_state(InviteDialog.organization)
        builder = InlineKeyboardBuilder()
        builder.button(
            text=t("invite-no-organization"), callback_data=InviteCallback(action="noorg")
        )
        await query.message.answer(t("invite-ask-organization"), reply_markup=builder.as_markup())
        return
    await _create_invite(query.message, query.from_user.id, state, people, members, t)


async def invite_organization_typed(
    message: Message,
    state: FSMContext,
    people: PeopleService,
    members: MemberService,
    t: Translator,
) -> None:
    await state.update_data(organization=" ".join((message.text or "").split())[:300] or None)
    assert message.from_user is not None
    await _ask_plan_roles(message, message.from_user.id, state, people, members, t)


async def invite_without_organization(
    query: CallbackQuery,
    state: FSMContext,
    people: PeopleService,
    members: MemberService,
    t: Translator,
) -> None:
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=None)
    await state.update_data(organization=None)
    await _ask_plan_roles(query.message, query.from_user.id, state, people, members, t)


def _roles_keyboard(roles: list[Any], chosen: list[int], t: Translator) -> Any:
    builder = InlineKeyboardBuilder()
    for role in roles:
        mark = "✅ " if role.id in chosen else ""
        builder.button(
            text=f"{mark}{role.name}"[:60],
            callback_data=InviteCallback(action="toggle", value=role.id),
        )
    builder.button(text=t("invite-roles-done"), callback_data=InviteCallback(action="roles_done"))
    builder.adjust(1)
    return builder.as_markup()


async def _ask_plan_roles(
    message: Message,
    user_id: int,
    state: FSMContext,
    people: PeopleService,
    members: MemberService,
    t: Translator,
) -> None:
    person = await people.registered(user_id)
    data = await state.get_data()
    roles = list(await members.plan_roles(person, int(data["cluster_id"])))
    await state.set_state(InviteDialog.plan_roles)
    if not roles:
        await _create_invite(message, user_id, state, people, members, t)
        return
    await message.answer(t("invite-ask-plan-roles"), reply_markup=_roles_keyboard(roles, [], t))


async def invite_role_toggled(
    query: CallbackQuery,
    callback_data: InviteCallback,
    state: FSMContext,
    people: PeopleService,
    members: MemberService,
    t: Translator,
) -> None:
    person = await people.registered(query.from_user.id)
    data = await state.get_data()
    chosen: list[int] = list(data.get("plan_roles", []))
    if callback_data.value in chosen:
        chosen.remove(callback_data.value)
    else:
        chosen.append(callback_data.value)
    await state.update_data(plan_roles=chosen)
    roles = list(await members.plan_roles(person, int(data["cluster_id"])))
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=_roles_keyboard(roles, chosen, t))


async def invite_roles_done(
    query: CallbackQuery,
    state: FSMContext,
    people: PeopleService,
    members: MemberService,
    t: Translator,
) -> None:
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=None)
    await _create_invite(query.message, query.from_user.id, state, people, members, t)


async def _create_invite(
    message: Message,
    user_id: int,
    state: FSMContext,
    people: PeopleService,
    members: MemberService,
    t: Translator,
) -> None:
    person = await people.registered(user_id)
    data = await state.get_data()
    created = await members.create_invite(
        person,
        int(data["cluster_id"]),
        MemberRole(data["role"]),
        organization=data.get("organization"),
        plan_role_ids=[int(i) for i in data.get("plan_roles", [])],
    )
    await state.clear()
    bot = message.bot
    assert bot is not None
    me = await bot.me()
    await message.answer(
        render_invite(t, created.invite, deep_link(me.username or "", created.token))
    )


async def list_invites(
    message: Message,
    people: PeopleService,
    clusters: ClusterService,
    members: MemberService,
    t: Translator,
) -> None:
    assert message.from_user is not None
    person = await people.registered(message.from_user.id)
    shown = False
    for cluster in await clusters.access.coordinated_clusters(person):
        invites = await members.active_invites(person, cluster.id)
        builder = InlineKeyboardBuilder()
        for invite in invites:
            builder.button(
                text=t("invite-revoke-button", id=invite.id),
                callback_data=InviteCallback(action="revoke", value=invite.id),
            )
        builder.adjust(2)
        lines = [
            t(
                "invite-line",
                id=i.id,
                role=t(f"role-{i.role.value}"),
                expires=i.expires_at,
                used=i.used_count,
                uses=i.max_uses,
            )
            for i in invites
        ]
        await message.answer(
            t("invites-title", cluster=cluster.name, count=len(invites))
            + ("\n" + "\n".join(lines) if lines else ""),
            reply_markup=builder.as_markup() if invites else None,
        )
        shown = True
    if not shown:
        await message.answer(t("error-not-coordinator"))


async def revoke_invite(
    query: CallbackQuery,
    callback_data: InviteCallback,
    people: PeopleService,
    members: MemberService,
    t: Translator,
) -> None:
    person = await people.registered(query.from_user.id)
    invite = await members.revoke_invite(person, callback_data.value)
    await query.answer(t("invite-revoked-done", id=invite.id), show_alert=True)


# --- members -------------------------------------------------------------------------------


async def list_members(
    message: Message,
    people: PeopleService,
    clusters: ClusterService,
    members: MemberService,
    t: Translator,
) -> None:
    assert message.from_user is not None
    person = await people.registered(message.from_user.id)
    shown = False
    for cluster in await clusters.access.coordinated_clusters(person):
        listed = list(await members.members(person, cluster.id))
        builder = InlineKeyboardBuilder()
        for membership in listed:
            if membership.person_id != person.id:
                builder.button(
                    text=f"⚙️ {membership.person.full_name}"[:60],
                    callback_data=MemberCallback(action="menu", membership_id=membership.id),
                )
        builder.adjust(1)
        await message.answer(
            render_members(t, cluster.name, listed), reply_markup=builder.as_markup()
        )
        shown = True
    if not shown:
        await message.answer(t("error-not-coordinator"))


async def member_menu(query: CallbackQuery, callback_data: MemberCallback, t: Translator) -> None:
    await query.answer()
    assert isinstance(query.message, Message)
    builder = InlineKeyboardBuilder()
    for role in MemberRole:
        builder.button(
            text=t(f"role-{role.value}"),
            callback_data=MemberCallback(
                action=role.value, membership_id=callback_data.membership_id
            ),
        )
    builder.button(
        text=t("member-remove"),
        callback_data=MemberCallback(action="remove", membership_id=callback_data.membership_id),
    )
    builder.adjust(3, 1)
    await query.message.answer(t("member-menu"), reply_markup=builder.as_markup())


async def member_changed(
    query: CallbackQuery,
    callback_data: MemberCallback,
    people: PeopleService,
    members: MemberService,
    t: Translator,
) -> None:
    person = await people.registered(query.from_user.id)
    if callback_data.action == "remove":
        membership = await members.remove(person, callback_data.membership_id)
        text = t("member-removed", name=membership.person.full_name)
    else:
        membership = await members.change_role(
            person, callback_data.membership_id, MemberRole(callback_data.action)
        )
        text = t(
            "member-role-changed",
            name=membership.person.full_name,
            role=t(f"role-{membership.role.value}"),
        )
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_text(text)


def create_router() -> Router:
    router = Router(name="members")
    private = F.chat.type == ChatType.PRIVATE
    router.message.filter(private)
    not_command = ~F.text.startswith("/")
    router.message.register(join_name_typed, JoinDialog.full_name, F.text, not_command)
    router.callback_query.register(join_name_kept, JoinDialog.full_name, F.data == "join:keep")
    router.message.register(join_organization_typed, JoinDialog.organization, F.text, not_command)
    router.message.register(join_position_typed, JoinDialog.position, F.text, not_command)
    router.callback_query.register(
        join_position_skipped, JoinDialog.position, F.data == "join:skip"
    )

    router.message.register(new_cluster, Command("newcluster"))
    router.message.register(cluster_name_typed, ClusterDialog.name, F.text, not_command)
    router.message.register(cluster_region_typed, ClusterDialog.region, F.text, not_command)
    router.callback_query.register(
        cluster_timezone_chosen, ClusterDialog.timezone, ClusterCallback.filter(F.action == "tz")
    )

    router.message.register(invite_start, Command("invite"))
    router.message.register(list_invites, Command("invites"))
    router.callback_query.register(
        invite_cluster_chosen, InviteDialog.cluster, InviteCallback.filter(F.action == "cluster")
    )
    router.callback_query.register(
        invite_role_chosen, InviteDialog.role, InviteCallback.filter(F.action == "role")
    )
    router.message.register(
        invite_organization_typed, InviteDialog.organization, F.text, not_command
    )
    router.callback_query.register(
        invite_without_organization,
        InviteDialog.organization,
        InviteCallback.filter(F.action == "noorg"),
    )
    router.callback_query.register(
        invite_role_toggled, InviteDialog.plan_roles, InviteCallback.filter(F.action == "toggle")
    )
    router.callback_query.register(
        invite_roles_done, InviteDialog.plan_roles, InviteCallback.filter(F.action == "roles_done")
    )
    router.callback_query.register(revoke_invite, InviteCallback.filter(F.action == "revoke"))

    router.message.register(list_members, Command("members"))
    router.callback_query.register(member_menu, MemberCallback.filter(F.action == "menu"))
    router.callback_query.register(member_changed, MemberCallback.filter())
    return router
