"""Texts and keyboards of /members and of a member's menu."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Html, Translator
from bot.services.members import ClusterMembers
from bot.telegram.callbacks import MemberCallback
from bot.telegram.views.common import short
from storage.models import MemberRole, Membership, Person


def role_name(t: Translator, role: MemberRole | str) -> Html:
    return Html(t(f"role-{MemberRole(role).value}"))


def yes(value: object) -> str:
    """A Fluent selector's key: optional phrases are left out rather than shown as «—»."""
    return "yes" if value else "no"


def render_members(t: Translator, listed: ClusterMembers) -> str:
    lines = [t("members-title", cluster=listed.cluster.name, count=len(listed.memberships))]
    for m in listed.memberships:
        roles = ", ".join(r.name for r in m.plan_roles)
        lines.append(
            t(
                "member-line",
                name=m.person.full_name,
                role=role_name(t, m.role),
                has_organization=yes(m.organization),
                organization=m.organization.name if m.organization else "",
                has_roles=yes(roles),
                roles=roles,
            )
        )
    return "\n".join(lines)


def members_keyboard(
    t: Translator, listed: ClusterMembers, viewer: Person
) -> InlineKeyboardMarkup | None:
    builder = InlineKeyboardBuilder()
    for m in listed.memberships:
        if m.person_id != viewer.id:
            builder.button(
                text=short(t("member-manage", name=m.person.full_name), 60),
                callback_data=MemberCallback(action="menu", membership_id=m.id),
            )
    builder.adjust(1)
    return builder.as_markup() if builder.buttons else None


def render_member_menu(t: Translator, membership: Membership) -> str:
    return t("member-menu", name=membership.person.full_name, role=role_name(t, membership.role))


def member_menu_keyboard(t: Translator, membership: Membership) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    others = [role for role in MemberRole if role is not membership.role]
    for role in others:
        builder.button(
            text=role_name(t, role),
            callback_data=MemberCallback(action=role.value, membership_id=membership.id),
        )
    builder.button(
        text=t("member-remove"),
        callback_data=MemberCallback(action="remove", membership_id=membership.id),
    )
    builder.adjust(len(others), 1)
    return builder.as_markup()
