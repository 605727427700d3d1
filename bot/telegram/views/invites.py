"""Texts and keyboards of /invite (each question of the dialog), the created invite, /invites."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Html, Translator
from bot.services.invites import (
    ChooseCluster,
    ChooseOrganization,
    ChoosePlanRoles,
    ChooseRole,
    ClusterInvites,
    InviteDetails,
)
from bot.telegram.callbacks import InviteCallback
from bot.telegram.views.clusters import cluster_time
from bot.telegram.views.common import short
from bot.telegram.views.members import role_name, yes
from storage.models import MemberRole

ROLES = tuple(MemberRole)  # a role button carries its index here


def render_offer(t: Translator, details: InviteDetails) -> str:
    """«Ольга Секретарёва приглашает вас в кластер «…» как исполнителя от «Колледж …».»"""
    return t(
        "invite-offer",
        has_inviter=yes(details.inviter),
        inviter=details.inviter.full_name if details.inviter else "",
        cluster=details.cluster.name,
        role=details.role.value,
        has_organization=yes(details.organization),
        organization=details.organization.name if details.organization else "",
    )


def render_created(t: Translator, details: InviteDetails) -> str:
    """The note to the coordinator; the invitation itself follows as its own message."""
    return t("invite-created", uses=details.invite.max_uses)


def render_invitation(t: Translator, details: InviteDetails, link: str) -> str:
    """The message the coordinator forwards: who invites whom where, and the link."""
    parts = [render_offer(t, details)]
    if details.plan_roles:
        parts.append(t("invite-plan-roles", roles=", ".join(r.name for r in details.plan_roles)))
    parts.append(
        t(
            "invite-link",
            expires=cluster_time(details.invite.expires_at, details.cluster),
            link=link,
        )
    )
    return "\n".join(parts)


def cluster_question(t: Translator, step: ChooseCluster) -> tuple[str, InlineKeyboardMarkup]:
    builder = InlineKeyboardBuilder()
    for cluster in step.clusters:
        builder.button(
            text=short(cluster.name, 60),
            callback_data=InviteCallback(action="cluster", value=cluster.id),
        )
    builder.adjust(1)
    return t("invite-ask-cluster"), builder.as_markup()


def role_question(t: Translator, step: ChooseRole) -> tuple[str, InlineKeyboardMarkup]:
    builder = InlineKeyboardBuilder()
    for index, role in enumerate(ROLES):
        builder.button(
            text=role_name(t, role), callback_data=InviteCallback(action="role", value=index)
        )
    builder.adjust(1)
    return t("invite-ask-role", cluster=step.cluster.name), builder.as_markup()


def organization_question(
    t: Translator, step: ChooseOrganization
) -> tuple[str, InlineKeyboardMarkup]:
    builder = InlineKeyboardBuilder()
    for organization in step.organizations:
        builder.button(
            text=short(organization.name, 60),
            callback_data=InviteCallback(action="org", value=organization.id),
        )
    if step.organizations:
        builder.button(
            text=t("invite-other-organization"), callback_data=InviteCallback(action="otherorg")
        )
    builder.button(text=t("invite-no-organization"), callback_data=InviteCallback(action="noorg"))
    builder.adjust(1)
    key = "invite-choose-organization" if step.organizations else "invite-ask-organization"
    return t(key), builder.as_markup()


def plan_roles_keyboard(t: Translator, step: ChoosePlanRoles) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for role in step.plan_roles:
        mark = "✅ " if role.id in step.draft.plan_role_ids else ""
        builder.button(
            text=short(f"{mark}{role.name}", 60),
            callback_data=InviteCallback(action="toggle", value=role.id),
        )
    builder.button(text=t("invite-roles-done"), callback_data=InviteCallback(action="roles_done"))
    builder.adjust(1)
    return builder.as_markup()


def plan_roles_question(t: Translator, step: ChoosePlanRoles) -> tuple[str, InlineKeyboardMarkup]:
    return t("invite-ask-plan-roles"), plan_roles_keyboard(t, step)


def render_active(t: Translator, listed: ClusterInvites) -> str:
    lines = [t("invites-title", cluster=listed.cluster.name, count=len(listed.invites))]
    for details in listed.invites:
        invite = details.invite
        lines.append(
            t(
                "invite-line",
                id=invite.id,
                role=role_name(t, details.role),
                has_organization=yes(details.organization),
                organization=details.organization.name if details.organization else "",
                expires=Html(cluster_time(invite.expires_at, listed.cluster)),
                used=invite.used_count,
                uses=invite.max_uses,
            )
        )
    if not listed.invites:
        lines.append(t("invites-hint"))
    return "\n".join(lines)


def revoke_keyboard(t: Translator, invites: Sequence[InviteDetails]) -> InlineKeyboardMarkup | None:
    if not invites:
        return None
    builder = InlineKeyboardBuilder()
    for details in invites:
        builder.button(
            text=t("invite-revoke-button", id=details.invite.id),
            callback_data=InviteCallback(action="revoke", value=details.invite.id),
        )
    builder.adjust(2)
    return builder.as_markup()
