"""Texts and keyboards of /members and of a member's menu."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Html, Translator
from bot.services.members import ClusterMembers
from bot.telegram.callbacks import MemberCallback, MembersPageCallback
from bot.telegram.views.common import short
from storage.models import MemberRole, Membership, Person


def role_name(t: Translator, role: MemberRole | str) -> Html:
    return Html(t(f"role-{MemberRole(role).value}"))


def yes(value: object) -> str:
    """A Fluent selector's key: optional phrases are left out rather than shown as «—»."""
    return "yes" if value else "no"


MEMBERS_PAGE = 10  # members a message shows; each line is kept short, so a page always fits


def pages_of(listed: ClusterMembers) -> int:
    return max(1, -(-len(listed.memberships) // MEMBERS_PAGE))


def _page(listed: ClusterMembers, page: int) -> Sequence[Membership]:
    return listed.memberships[page * MEMBERS_PAGE : (page + 1) * MEMBERS_PAGE]


def render_members(t: Translator, listed: ClusterMembers, page: int = 0) -> str:
    lines = [t("members-title", cluster=listed.cluster.name, count=len(listed.memberships))]
    for m in _page(listed, page):
        roles = ", ".join(r.name for r in m.plan_roles)
        lines.append(
            t(
                "member-line",
                name=short(m.person.full_name, 80),
                role=role_name(t, m.role),
                has_organization=yes(m.organization),
                organization=short(m.organization.name, 80) if m.organization else "",
                has_roles=yes(roles),
                roles=short(roles, 120),
            )
        )
    if pages_of(listed) > 1:
        lines.append("\n" + t("members-page", page=page + 1, pages=pages_of(listed)))
    return "\n".join(lines)


def members_keyboard(
    t: Translator, listed: ClusterMembers, viewer: Person, page: int = 0
) -> InlineKeyboardMarkup | None:
    builder = InlineKeyboardBuilder()
    sizes: list[int] = []
    for m in _page(listed, page):
        if m.person_id != viewer.id:
            builder.button(
                text=short(t("member-manage", name=m.person.full_name), 60),
                callback_data=MemberCallback(action="menu", membership_id=m.id),
            )
            sizes.append(1)
    turns = [
        (label, to)
        for label, to in (("◀️", page - 1), ("▶️", page + 1))
        if 0 <= to < pages_of(listed)
    ]
    for label, to in turns:
        builder.button(
            text=label, callback_data=MembersPageCallback(cluster_id=listed.cluster.id, page=to)
        )
    if turns:
        sizes.append(len(turns))
    builder.adjust(*sizes)
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
